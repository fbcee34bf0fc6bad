// The people: NIPs, names, statuses, leave, recurring duties, rotation
// offsets, and the roles that put some of them on explicit demand lists.
#include "population.hpp"

#include "dates.hpp"
#include "random.hpp"

#include <jadwal/calendar/holidays.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace jadwal::generate::detail {
namespace {

using date::days;

enum stream : std::uint64_t { stream_staff = 2, stream_unit_staff = 3 };

/// PPPK share per kind, per mille (about 35% overall).
constexpr std::array<int, unit_kind_count> kind_pppk_per_mille{250, 250, 410, 350, 350, 400, 400, 250};

bool overlaps(const std::vector<leave>& ls, day_range r) {
    for (const auto& l : ls)
        if (!(r.to < l.days.from || l.days.to < r.from)) return true;
    return false;
}

/// Indices into population::duty_templates, in the order add_duty_templates writes them.
enum duty_id : std::uint8_t {
    duty_monthly_review,
    duty_religious_study,
    duty_evening_desk,
    duty_posyandu,
    duty_teacher_group,
    duty_extracurricular,
    duty_medical_committee,
    duty_night_patrol,
};

/// What a year's calendar means for leave.
struct year_facts {
    int year;
    day idul_fitri;
    day idul_adha;
    day from, to;               ///< days leave may fall on
    std::vector<day> holidays;  ///< sorted; leave is counted in working days without them

    [[nodiscard]] bool working_day(day d) const {
        return !weekend(d) && !std::binary_search(holidays.begin(), holidays.end(), d);
    }
    [[nodiscard]] day next_working_day(day d) const {
        while (!working_day(d)) d += days{1};
        return d;
    }
    /// The last day of a block of n working days starting on working day `start`.
    [[nodiscard]] day add_working_days(day start, int n) const {
        day d = start;
        for (int counted = 1; counted < n;) {
            d += days{1};
            if (working_day(d)) ++counted;
        }
        return d;
    }
};

profession pick_profession(rng& r, const unit& u) {
    switch (u.kind) {
    case unit_kind::school:
        return r.chance(880) ? profession::teacher : profession::administrator;
    case unit_kind::hospital:
        if (!(u.tags & tag_ward)) {
            const int x = static_cast<int>(r.below(100));
            return x < 12 ? profession::doctor : x < 30 ? profession::nurse : x < 45 ? profession::health_staff
                                                                                     : profession::administrator;
        } else {
            const int x = static_cast<int>(r.below(100));
            const bool maternity = u.id.rfind("rsud_kebidanan", 0) == 0 || u.id.rfind("rsud_perina", 0) == 0;
            if (x < 7) return profession::doctor;
            if (maternity && x < 55) return profession::midwife;
            if (x < 90) return profession::nurse;
            return profession::health_staff;
        }
    case unit_kind::puskesmas: {
        const int x = static_cast<int>(r.below(100));
        return x < 6 ? profession::doctor : x < 40 ? profession::nurse : x < 68 ? profession::midwife
                                                : x < 88 ? profession::health_staff : profession::administrator;
    }
    case unit_kind::satpol_pp:
    case unit_kind::fire_service:
        return r.chance(850) ? profession::security : profession::administrator;
    case unit_kind::head_office:
        if (u.tags & tag_health_head) return r.chance(350) ? profession::health_staff : profession::administrator;
        return r.chance(200) ? profession::teacher : profession::administrator;
    case unit_kind::office:
    case unit_kind::district_office:
        return profession::administrator;
    }
    return profession::administrator;
}

int female_per_mille(profession p) {
    switch (p) {
    case profession::administrator: return 450;
    case profession::teacher: return 700;
    case profession::doctor: return 550;
    case profession::nurse: return 720;
    case profession::midwife: return 1000;
    case profession::health_staff: return 650;
    case profession::security: return 120;
    }
    return 500;
}

/// Which of the sequence numbers 1..999 an agency's NIPs use: those k * stride + offset + 1,
/// so that the agencies of one nation never give two people the same NIP.
struct nip_sequences {
    int stride = 1;
    int offset = 0;
};

/// NIP: birth date (8) + appointment year and month (6; PPPK use month "21") +
/// gender (1) + sequence (3).
std::string make_nip(rng& r, int year, int age, bool pppk, bool female, std::unordered_set<std::uint64_t>& used,
                     nip_sequences seqs) {
    const int birth_year = year - age;
    const int month = r.between(1, 12);
    const unsigned mdays =
        static_cast<unsigned>((date::year{birth_year} / date::month{static_cast<unsigned>(month)} / date::last).day());
    const int dayofmonth = r.between(1, static_cast<int>(mdays));
    int app_year;
    int app_month;
    if (pppk) {
        constexpr std::array<int, 5> years{2021, 2022, 2023, 2024, 2025};
        constexpr std::array<int, 5> weights{3, 3, 3, 2, 1};
        // Appointed before the planning year starts.
        app_year = years[r.weighted(weights)];
        app_year = std::min(app_year, year - 1);
        app_year = std::max(app_year, birth_year + 20);
        app_month = 21;
    } else {
        app_year = birth_year + 22 + r.between(0, 11);
        app_year = std::clamp(app_year, std::max(1985, birth_year + 18), year - 1);
        constexpr std::array<int, 6> months{1, 2, 3, 4, 12, 3};
        app_month = months[r.below(months.size())];
    }
    std::uint64_t base = 0;
    base = static_cast<std::uint64_t>(birth_year) * 10000 + static_cast<std::uint64_t>(month) * 100 +
           static_cast<std::uint64_t>(dayofmonth);
    base = base * 1000000 + static_cast<std::uint64_t>(app_year) * 100 + static_cast<std::uint64_t>(app_month);
    base = base * 10 + (female ? 2u : 1u);
    // With a stride of 1 (one agency alone) this is every number from a random one on.
    const int slots = (999 - seqs.offset + seqs.stride - 1) / seqs.stride;
    int k = (r.between(1, 999) - 1) % slots;
    for (int tries = 0; tries < slots; ++tries) {
        const int seq = k * seqs.stride + seqs.offset + 1;
        const std::uint64_t nip = base * 1000 + static_cast<std::uint64_t>(seq);
        if (used.insert(nip).second) return fmt::format("{:018}", nip);
        k = (k + 1) % slots;
    }
    // Every sequence number taken for people born on one day, appointed in one month, of one
    // gender: move the birth day.
    return make_nip(r, year, age, pppk, female, used, seqs);
}

void add_leave(rng& r, employee& e, const year_facts& yf, bool teacher) {
    const int y = yf.year;
    auto clip = [&](day_range d) {
        d.from = std::max(d.from, yf.from);
        d.to = std::min(d.to, yf.to);
        return d;
    };
    auto random_day = [&](day a, day b) { return a + days{static_cast<int>(r.below(static_cast<std::uint64_t>((b - a).count() + 1)))}; };

    if (e.female && e.age <= 40 && r.chance(28)) {
        const day start = yf.next_working_day(random_day(ymd(y, 1, 12), ymd(y, 9, 15)));
        e.leaves.push_back({clip({start, start + days{89}}), "cuti melahirkan"});
    }
    if (e.age >= 45 && r.chance(6)) {
        const day start = yf.next_working_day(yf.idul_adha - days{30});
        const day_range d = clip({start, start + days{39}});
        if (!overlaps(e.leaves, d)) e.leaves.push_back({d, "cuti besar (ibadah haji)"});
    }
    if (r.chance(30)) {
        const day start = yf.next_working_day(random_day(ymd(y, 1, 5), ymd(y, 12, 10)));
        const day_range d = clip({start, start + days{r.between(4, 13)}});
        if (!overlaps(e.leaves, d)) e.leaves.push_back({d, "cuti sakit"});
    }
    if (teacher) {
        // Teachers rest in the school holidays; leave in term is rare and short.
        if (r.chance(200)) {
            const day start = yf.next_working_day(random_day(ymd(y, 1, 12), ymd(y, 11, 27)));
            const day_range d = clip({start, yf.add_working_days(start, r.between(1, 3))});
            if (!overlaps(e.leaves, d)) e.leaves.push_back({d, "cuti alasan penting"});
        }
    } else {
        constexpr std::array<int, 4> block_weights{15, 30, 35, 20};
        constexpr std::array<int, 6> length_weights{20, 20, 25, 15, 15, 5};
        constexpr std::array<int, 3> when_weights{30, 20, 50};
        const auto blocks = r.weighted(block_weights);
        int budget = 12;  // annual leave, working days
        for (std::size_t b = 0; b < blocks; ++b) {
            const int len = std::min(budget, static_cast<int>(r.weighted(length_weights)) + 1);
            if (len <= 0) break;
            for (int attempt = 0; attempt < 3; ++attempt) {
                day start;
                switch (r.weighted(when_weights)) {
                case 0:  // around Idul Fitri: before or after the collective leave
                    start = r.chance(600) ? random_day(yf.idul_fitri + days{3}, yf.idul_fitri + days{10})
                                          : random_day(yf.idul_fitri - days{10}, yf.idul_fitri - days{3});
                    break;
                case 1:  // year end
                    start = random_day(ymd(y, 12, 14), ymd(y, 12, 28));
                    break;
                default:
                    start = random_day(ymd(y, 1, 5), ymd(y, 12, 10));
                    break;
                }
                start = yf.next_working_day(start);
                const day_range d = clip({start, yf.add_working_days(start, len)});
                if (d.from > d.to || overlaps(e.leaves, d)) continue;
                e.leaves.push_back({d, "cuti tahunan"});
                budget -= len;
                break;
            }
        }
    }
    std::sort(e.leaves.begin(), e.leaves.end(),
              [](const leave& a, const leave& b) { return a.days.from < b.days.from; });
}

void add_duties(rng& r, employee& e, const unit& u, bool on_rotation) {
    auto take = [&](duty_id d, int per_mille) {
        if (r.chance(per_mille)) e.duties.push_back(d);
    };
    switch (u.kind) {
    case unit_kind::office:
    case unit_kind::head_office:
    case unit_kind::district_office:
        take(duty_monthly_review, 200);
        take(duty_religious_study, 150);
        if (u.kind == unit_kind::district_office || (u.tags & tag_front_desk)) take(duty_evening_desk, 300);
        break;
    case unit_kind::school:
        if (e.job == profession::teacher) {
            take(duty_teacher_group, 350);
            take(duty_extracurricular, 200);
        }
        break;
    case unit_kind::hospital:
        if (!on_rotation && (e.job == profession::doctor || e.job == profession::nurse)) {
            take(duty_medical_committee, 700);
        } else if (!(u.tags & tag_ward)) {
            take(duty_monthly_review, 200);
        } else {
            take(duty_medical_committee, 40);
        }
        break;
    case unit_kind::puskesmas:
        if (!on_rotation && e.job != profession::administrator) take(duty_posyandu, 500);
        if (e.job == profession::administrator) take(duty_monthly_review, 300);
        break;
    case unit_kind::satpol_pp:
        if (!on_rotation) take(duty_night_patrol, 500);
        break;
    case unit_kind::fire_service:
        break;
    }
}

/// Shift counts that a rotation guarantees on its thinnest day, and the
/// minimum on duty that still lets the unit spare a few people.
void set_min_on_duty(unit& u, const std::vector<int>& per_offset) {
    const auto n = per_offset.size();
    auto spareable = [](int on_duty) { return std::max(1, on_duty - std::max(1, (on_duty * 3 + 9) / 10)); };
    u.min_on_duty.clear();
    if (n == 8) {
        // cycle [P, P, S, S, M, M, off, off]: each shift is worked by two adjacent offsets.
        int thinnest = 1 << 30;
        for (std::size_t a = 0; a < n; ++a) thinnest = std::min(thinnest, per_offset[a] + per_offset[(a + 1) % n]);
        const int m = spareable(thinnest);
        u.min_on_duty = {{"P", m}, {"S", m}, {"M", m}};
    } else if (n == 3) {
        const int thinnest = *std::min_element(per_offset.begin(), per_offset.end());
        u.min_on_duty = {{"D", spareable(thinnest)}};
    }
}

void add_staff_of(population& pop, std::uint32_t ui, const year_facts& yf, std::unordered_set<std::uint64_t>& used) {
    unit& u = pop.units[ui];
    rng ur(stream_seed(pop.opts.seed, stream_unit_staff, ui));
    const int n = u.staff;
    const int pppk = (n * kind_pppk_per_mille[static_cast<std::size_t>(u.kind)] + 500) / 1000;
    std::vector<std::uint8_t> status(static_cast<std::size_t>(n), 0);
    for (int i = 0; i < pppk; ++i) status[static_cast<std::size_t>(i)] = 1;
    ur.shuffle(status);

    const int cycle = u.pattern == "ward" ? 8 : (u.pattern == "roster_24_48" ? 3 : 0);

    std::vector<employee> staff;
    staff.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const auto global = static_cast<std::uint64_t>(u.first_employee) + static_cast<std::uint64_t>(i);
        rng r(stream_seed(pop.opts.seed, stream_staff, global));
        employee e;
        e.unit = ui;
        e.pppk = status[static_cast<std::size_t>(i)] != 0;
        e.job = pick_profession(r, u);
        e.female = r.chance(female_per_mille(e.job));
        e.age = e.pppk ? 25 + static_cast<int>((r.below(31) + r.below(31)) / 2)
                       : 23 + static_cast<int>((r.below(35) + r.below(36)) / 2);
        e.nip = make_nip(r, pop.year, e.age, e.pppk, e.female, used, {pop.opts.nip_stride, pop.opts.nip_offset});
        e.name = person_name(r, e.female, e.age, e.job);
        e.after_hours = r.chance(800);
        e.weekend = r.chance(300);
        staff.push_back(std::move(e));
    }
    // HR exports list a unit's staff by NIP.
    std::sort(staff.begin(), staff.end(), [](const employee& a, const employee& b) { return a.nip < b.nip; });

    // Who works the unit's rotation, and who keeps office or service hours.
    std::vector<std::size_t> rotation;
    if (cycle > 0) {
        bool head_nurse_set = false;
        for (std::size_t i = 0; i < staff.size(); ++i) {
            employee& e = staff[i];
            bool day_hours = false;
            if (u.kind == unit_kind::hospital) {
                day_hours = e.job == profession::doctor ||
                            (!head_nurse_set && e.job == profession::nurse && !e.pppk && e.age >= 35);
                if (day_hours && e.job == profession::nurse) head_nurse_set = true;
                if (day_hours) e.pattern = "office";
            } else if (u.kind == unit_kind::puskesmas) {
                day_hours = !(e.job == profession::nurse || (e.job == profession::midwife && ur.chance(400)) ||
                              (e.job == profession::doctor && ur.chance(500)));
                if (day_hours) e.pattern = "puskesmas";
            } else {
                day_hours = e.job == profession::administrator;
                if (day_hours) e.pattern = "office";
            }
            if (!day_hours) rotation.push_back(i);
        }
        if (static_cast<int>(rotation.size()) < cycle) {  // too few to cover every shift: all rotate
            rotation.clear();
            for (std::size_t i = 0; i < staff.size(); ++i) {
                staff[i].pattern.clear();
                rotation.push_back(i);
            }
        }
        // Spread offsets evenly over the cycle, in random order.
        ur.shuffle(rotation);
        std::vector<int> per_offset(static_cast<std::size_t>(cycle), 0);
        for (std::size_t k = 0; k < rotation.size(); ++k) {
            const int off = static_cast<int>(k % static_cast<std::size_t>(cycle));
            staff[rotation[k]].rotation_offset = off;
            ++per_offset[static_cast<std::size_t>(off)];
        }
        set_min_on_duty(u, per_offset);
    }

    for (std::size_t i = 0; i < staff.size(); ++i) {
        employee& e = staff[i];
        rng r(stream_seed(pop.opts.seed, stream_staff + 16, static_cast<std::uint64_t>(u.first_employee) + i));
        add_leave(r, e, yf, e.job == profession::teacher && u.kind == unit_kind::school);
        add_duties(r, e, u, e.rotation_offset >= 0);
    }

    // Roles for explicit demand lists.
    std::vector<std::size_t> pns;
    for (std::size_t i = 0; i < staff.size(); ++i)
        if (!staff[i].pppk) pns.push_back(i);
    ur.shuffle(pns);
    std::size_t next_pns = 0;
    auto give = [&](std::uint16_t role) {
        if (next_pns < pns.size()) staff[pns[next_pns++]].roles |= role;
    };
    const bool office_like = u.kind == unit_kind::office || u.kind == unit_kind::head_office;
    if (office_like || u.kind == unit_kind::district_office || u.kind == unit_kind::puskesmas ||
        (u.kind == unit_kind::hospital && !(u.tags & tag_ward)))
        give(role_treasurer);
    if (office_like) {
        if (!(u.tags & tag_planning)) give(role_planner);
        give(role_procurement);
        if (u.id == "dinas_pupr" || u.id == "dinas_perkim" || u.staff >= 100) give(role_procurement);
        if (!(u.tags & tag_digital)) give(role_it);
    }
    if (office_like || u.kind == unit_kind::district_office) {
        for (std::size_t k = next_pns; k < pns.size(); ++k) {
            employee& e = staff[pns[k]];
            if (e.age >= 30 && e.age <= 50 && ur.chance(45)) e.roles |= role_supervisor;
        }
    }
    if (u.kind == unit_kind::school) {
        // The principal: a senior civil-servant teacher.
        std::size_t best = staff.size();
        for (std::size_t k : pns)
            if (staff[k].job == profession::teacher && (best == staff.size() || staff[k].age > staff[best].age)) best = k;
        if (best < staff.size()) staff[best].roles |= role_principal;
    }
    if (u.tags & (tag_emergency | tag_inpatient)) {
        const int share = (u.tags & tag_emergency) ? 350 : 150;
        for (std::size_t k : pns)
            if (staff[k].job == profession::nurse && staff[k].rotation_offset >= 0 && ur.chance(share))
                staff[k].roles |= role_emergency_nurse;
    }
    if (u.kind == unit_kind::puskesmas) {
        for (std::size_t k : pns) {
            employee& e = staff[k];
            if ((e.job == profession::nurse || e.job == profession::midwife) && ur.chance(300))
                e.roles |= role_immunisation;
        }
        int mtbs = 0;
        for (std::size_t k : pns) {
            employee& e = staff[k];
            if (mtbs < 1 && (e.job == profession::nurse || e.job == profession::midwife || e.job == profession::doctor)) {
                e.roles |= role_child_health;
                ++mtbs;
            }
        }
    }

    for (auto& e : staff) pop.employees.push_back(std::move(e));
}
year_facts facts_for(const population& pop) {
    year_facts yf;
    yf.year = pop.year;
    yf.idul_fitri = pop.idul_fitri;
    yf.idul_adha = yf.idul_fitri + days{70};
    yf.from = ymd(pop.year, 1, 2);
    yf.to = ymd(pop.year, 12, 31);
    if (const auto set = calendar::builtin_holidays(fmt::format("id-{}", pop.year))) {
        for (const auto& h : *set) yf.holidays.push_back(h.date);
    } else {
        for (const auto& [d, name] : pop.fixed_date_holidays) yf.holidays.push_back(d);
    }
    yf.holidays.push_back(ymd(pop.year, 12, 1));  // Hari Jadi Kabupaten
    std::sort(yf.holidays.begin(), yf.holidays.end());
    return yf;
}

}  // namespace

void add_duty_templates(population& pop) {
    // In duty_id order.
    pop.duty_templates = {
        {"rapat_evaluasi", "FREQ=MONTHLY;BYDAY=-1FR", "13:30-15:30", "rapat evaluasi bulanan"},
        {"pengajian", "FREQ=MONTHLY;BYDAY=1TH", "16:00-17:30", "pengajian bulanan"},
        {"piket_sore", "FREQ=WEEKLY;BYDAY=WE", "16:00-18:00", "piket layanan sore"},
        {"posyandu", "FREQ=MONTHLY;BYDAY=2TU", "08:00-12:00", "pelayanan posyandu"},
        {"kkg_mgmp", "FREQ=MONTHLY;BYDAY=2TH", "13:30-16:00", "pertemuan KKG/MGMP"},
        {"ekskul_sabtu", "FREQ=WEEKLY;BYDAY=SA", "13:00-15:00", "pembina ekstrakurikuler"},
        {"komite_medik", "FREQ=MONTHLY;BYDAY=1WE", "13:00-15:00", "rapat komite medik dan keperawatan"},
        {"patroli_malam", "FREQ=WEEKLY;BYDAY=FR", "20:00-23:00", "patroli malam"},
    };
}

void add_staff(population& pop) {
    const year_facts yf = facts_for(pop);
    std::uint32_t first = 0;
    for (auto& u : pop.units) {
        u.first_employee = first;
        first += static_cast<std::uint32_t>(u.staff);
    }
    pop.employees.reserve(first);
    std::unordered_set<std::uint64_t> used;
    used.reserve(static_cast<std::size_t>(first) * 2u);
    for (std::uint32_t ui = 0; ui < pop.units.size(); ++ui) add_staff_of(pop, ui, yf, used);
}

}  // namespace jadwal::generate::detail
