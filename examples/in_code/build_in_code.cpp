// Building a scenario in C++ instead of YAML, planning it, checking the plan
// and reading the results: a tour of jadwal's C++ API.
//
// The office: BKPSDMD Kabupaten Batanghari (the regency's HR agency), 12 staff,
// March to May 2026 (the end of Ramadan 1447 H, Nyepi, Idul Fitri and its
// collective leave fall inside). Two programmes:
//   - "Penyusunan SAKIP": 16 JP, mandatory for every PNS, in a classroom in
//     office hours or live online in the evening (16 JP alone does not reach
//     the PNS target of 20 JP a year, so "JP target met" stays at 0);
//   - "SIASN untuk Pengelola Kepegawaian": 4 JP of self-paced e-learning for
//     the PPPK staff.
//
// Run:   example_in_code            (exit 0: a plan with no violations)
// The scenario is the same every run, and a fixed seed with a move budget makes
// the plan the same every run too.
//
// What the YAML loader does for you, and what you do yourself in code: the
// loader (load::load_scenario_file) reads text, fills defaults and checks
// everything. A scenario built in code is used as it is, so it must be the
// shape the loader would have produced. The comments marked "loader default"
// below point out each value the loader would have filled in for you.
#include <jadwal/time/civil.hpp>
#include <jadwal/calendar/holidays.hpp>
#include <jadwal/calendar/rrule.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/solve/explain.hpp>
#include <jadwal/solve/solution.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <date/date.h>
#include <date/tz.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace jadwal;

// ------------------------------------------------------------ small helpers
// The model stores dates, clock ranges and recurrence rules as values; the
// calendar layer parses them from the text people write. These helpers turn a
// typo in this file into an exception instead of a silent default.

calendar::local_date day(std::string_view iso) {
    const auto d = calendar::parse_date(iso);  // "2026-03-02"; nullopt for 2026-02-30
    if (!d) throw std::invalid_argument("not a date: " + std::string(iso));
    return *d;
}

calendar::date_range days(std::string_view first, std::string_view last) { return {day(first), day(last)}; }

calendar::clock_range hours(std::string_view text) {
    const auto r = calendar::parse_clock_range(text);  // "07:30-12:00"; "21:00-07:00" crosses midnight
    if (!r) throw std::invalid_argument("not a clock range: " + std::string(text));
    return *r;
}

calendar::rrule rule(std::string_view text) {
    auto parsed = calendar::parse_rrule(text);  // an RFC 5545 RRULE subset
    if (!parsed.rule) throw std::invalid_argument("bad RRULE '" + std::string(text) + "': " + parsed.error);
    return *parsed.rule;
}

/// Weekly hours: the same ranges Monday to Thursday, others on Friday.
/// by_weekday is indexed by date::weekday::c_encoding(): 0 = Sunday ... 6 = Saturday.
model::weekly_hours office_week(std::initializer_list<std::string_view> mon_thu,
                                std::initializer_list<std::string_view> fri) {
    model::weekly_hours w;
    for (unsigned wd = 1; wd <= 4; ++wd)
        for (const auto r : mon_thu) w.by_weekday[wd].push_back(hours(r));
    for (const auto r : fri) w.by_weekday[5].push_back(hours(r));
    return w;
}

/// Entities refer to each other by typed index (model::unit_index, ...), the
/// position in the scenario's vector. This returns the index of the element
/// about to be pushed.
template <class Index, class T>
Index next_index(const std::vector<T>& v) {
    return Index{static_cast<std::uint32_t>(v.size())};
}

// ------------------------------------------------------------ the scenario

model::scenario build_scenario() {
    model::scenario s;
    s.name = "BKPSDMD Batanghari, Maret-Mei 2026 (built in code)";
    // Every civil time in the scenario is read in this zone unless a unit or an
    // employee has its own. The pointer comes from the tz database and lives
    // for the whole program.
    s.zone = date::locate_zone("Asia/Jakarta");
    s.horizon = days("2026-03-02", "2026-05-29");
    s.granularity_minutes = 15;  // sessions start at :00, :15, :30, :45
    s.jp_minutes = 45;           // 1 JP (jam pelajaran) = 45 minutes

    // Holidays: the built-in national holidays and collective leave of 2026
    // (the loader's `holidays: [id-2026]`), plus a regional day of our own.
    s.holidays = *calendar::builtin_holidays("id-2026");
    s.holidays.push_back({day("2026-04-22"), "Libur daerah (contoh)", calendar::holiday_kind::regional});

    // Ramadan 1447 H. The loader adds it when a pattern names a `ramadan`
    // variant; in code, add the season yourself (calendar::ramadan(year) knows
    // the official 2026 dates and estimates other years).
    const calendar::season_dates ramadan = calendar::ramadan(2026);
    s.seasons.push_back({"ramadan", {ramadan.days}, {ramadan.estimated}, {}});

    // Work pattern: regency office hours (Perpres 21/2023) and the shorter
    // Ramadan hours. Breaks are simply gaps between the ranges.
    model::work_pattern office;
    office.id = "office";
    office.week = office_week({"07:30-12:00", "13:00-16:00"}, {"07:30-11:30", "13:00-16:30"});
    office.seasonal.emplace_back("ramadan",
                                 office_week({"08:00-12:00", "12:30-15:00"}, {"08:00-11:30", "12:30-15:30"}));
    office.holidays = model::holiday_rule::all;  // off on every holiday and cuti bersama
    const auto office_pattern = next_index<model::pattern_index>(s.patterns);
    s.patterns.push_back(std::move(office));

    model::location muara_bulian;
    muara_bulian.id = "muara_bulian";
    muara_bulian.name = "Muara Bulian";
    const auto here = next_index<model::location_index>(s.locations);
    s.locations.push_back(std::move(muara_bulian));

    // The unit: who works where, on which pattern, and how many may be away
    // for training during working time at once (3 of 12 here).
    model::unit bkpsdmd;
    bkpsdmd.id = "bkpsdmd";
    bkpsdmd.name = "Badan Kepegawaian dan Pengembangan SDM Daerah";
    bkpsdmd.kind = "office";
    bkpsdmd.pattern = office_pattern;
    bkpsdmd.location = here;
    bkpsdmd.district = "Muara Bulian";
    bkpsdmd.max_absent = {model::staffing_limit::kind::count, 0.0, 3};
    // Monday assembly for every member of staff.
    bkpsdmd.duties.push_back({"apel pagi", s.horizon.first, rule("FREQ=WEEKLY;BYDAY=MO"), hours("07:30-08:30"), {}});
    const auto unit = next_index<model::unit_index>(s.units);
    s.units.push_back(std::move(bkpsdmd));

    // Employees. Loader defaults to set yourself: jp_target 20 for PNS, jp_cap
    // 24 for PPPK (PP 11/2017 and the PPPK rules); accepts {after_hours: true,
    // weekend: false} is already the struct's default.
    struct person {
        const char* nip;
        const char* name;
        model::employment_status status;
    };
    using enum model::employment_status;
    const person staff[] = {
        {"197607142000031003", "Drs. Abdul Rahman", pns},        {"198005222006042008", "Hj. Nurbaiti, S.E.", pns},
        {"198303112009031002", "Irwan Syahputra, S.H.", pns},     {"198509052010012011", "Desi Ratnasari, S.Psi.", pns},
        {"198711182011011004", "Rahmad Hidayat", pns},            {"198902282014022005", "Eka Susanti, S.Kom.", pns},
        {"199006062015031009", "Yudi Prasetyo", pns},             {"199207302019032007", "Sari Wulandari, S.AP.", pns},
        {"199411112020121001", "Ilham Maulana, S.IP.", pns},      {"199503032022212006", "Nova Lestari", pppk},
        {"199608192022211008", "Arief Kurniawan", pppk},          {"199812122023212002", "Puspita Dewi", pppk},
    };
    for (const person& p : staff) {
        model::employee e;
        e.id = p.nip;  // the NIP, 18 digits
        e.name = p.name;
        e.unit = unit;
        e.status = p.status;
        if (p.status == pns) e.jp_target = 20;  // loader default for PNS
        else e.jp_cap = 24;                     // loader default for PPPK
        s.employees.push_back(std::move(e));
    }
    // Personal calendars: leave and duties are facts the plan must respect.
    s.employees[3].leaves.push_back({days("2026-03-02", "2026-05-29"), "cuti melahirkan"});
    s.employees[4].accepts.after_hours = false;  // cannot stay in the evening
    s.employees[6].duties.push_back(
        {"piket layanan kepegawaian", s.horizon.first, rule("FREQ=WEEKLY;BYDAY=TU,TH"), hours("07:30-12:00"), {}});

    // Resources: a training room, a trainer, a video-meeting licence.
    model::venue aula;
    aula.id = "aula_bkpsdmd";
    aula.name = "Aula BKPSDMD";
    aula.capacity = 25;
    aula.location = here;
    aula.pattern = office_pattern;  // usable in office hours only
    aula.cost_per_day = 750000;
    const auto venue = next_index<model::venue_index>(s.venues);
    s.venues.push_back(std::move(aula));

    model::instructor wi;
    wi.id = "wi_sakip";
    wi.name = "Dr. Marzuki, M.Si.";
    // No pattern: available at any time, so the evening online cohorts can be
    // taught too (the venue's pattern keeps classroom sessions in office hours).
    wi.location = here;
    wi.max_minutes_per_day = 360;
    wi.max_days_per_month = 8;
    wi.cost_per_hour = 250000;
    const auto instructor = next_index<model::instructor_index>(s.instructors);
    s.instructors.push_back(std::move(wi));

    model::platform zoom;
    zoom.id = "zoom_bkpsdmd";
    zoom.name = "Zoom BKPSDMD";
    zoom.concurrent = 1;
    zoom.capacity = 100;
    const auto platform = next_index<model::platform_index>(s.platforms);
    s.platforms.push_back(std::move(zoom));

    // Programme 1: 16 JP in two modules, the second 1 to 14 days after the first.
    model::program sakip;
    sakip.id = "sakip";
    sakip.title = "Penyusunan SAKIP dan Perjanjian Kinerja";
    sakip.organizer = "BKPSDMD Kabupaten Batanghari";
    // model::module is {id, title, jp, after (index of the prerequisite module),
    // gap_min_days, gap_max_days, mark}.
    sakip.modules.push_back({"m1", "Perencanaan kinerja", 8, std::nullopt, 0, std::nullopt, {}});
    sakip.modules.push_back({"m2", "Pengukuran dan pelaporan", 8, 0u, 1, 14, {}});  // after module 0
    sakip.jp = 16;  // must equal the modules' sum (the loader checks; here it is on you)
    model::mode_offer classroom;
    classroom.mode = model::delivery_mode::classroom;
    classroom.windows = {model::window_kind::working_hours};
    classroom.venues = {venue};  // loader default: every venue
    classroom.max_jp_per_day = 4;  // half days, so the office keeps running
    classroom.cost_per_cohort = 2000000;
    model::mode_offer evening;
    evening.mode = model::delivery_mode::online_live;
    evening.windows = {model::window_kind::after_hours};
    evening.platform = platform;  // loader default: the only platform
    evening.max_jp_per_day = 2;
    sakip.modes = {classroom, evening};
    sakip.cohort_min = 3;
    sakip.cohort_max = 25;
    sakip.instructors = {instructor};
    sakip.instructors_per_session = 1;
    const auto sakip_index = next_index<model::program_index>(s.programs);
    s.programs.push_back(std::move(sakip));

    // Programme 2: self-paced e-learning, two modules of 2 JP, no instructor.
    model::program siasn;
    siasn.id = "siasn";
    siasn.title = "SIASN untuk Pengelola Kepegawaian";
    siasn.modules.push_back({"e1", "Data utama ASN", 2, std::nullopt, 0, std::nullopt, {}});
    siasn.modules.push_back({"e2", "Riwayat diklat dan SKP", 2, 0u, 0, std::nullopt, {}});
    siasn.jp = 4;
    model::mode_offer self_paced;
    self_paced.mode = model::delivery_mode::self_paced;
    self_paced.windows = {model::window_kind::working_hours, model::window_kind::after_hours,
                          model::window_kind::weekend};  // loader default for self-paced
    siasn.modes = {self_paced};
    siasn.instructors_per_session = 0;  // loader default without instructors (the struct says 1)
    const auto siasn_index = next_index<model::program_index>(s.programs);
    s.programs.push_back(std::move(siasn));

    // Demand: one item per (employee, programme). The loader resolves `where:`
    // filters into these items; in code you list them.
    for (std::uint32_t i = 0; i < s.employees.size(); ++i) {
        model::demand_item d;
        d.employee = model::employee_index{i};
        if (s.employees[i].status == pns) {
            d.program = sakip_index;
            d.level = model::priority::mandatory;
            d.deadline = day("2026-05-29");
        } else {
            d.program = siasn_index;
            d.level = model::priority::elective;
            d.deadline = day("2026-04-30");
        }
        s.demand.push_back(d);
    }

    // A policy: which modes and windows may be used, the evening window and
    // its weekly cap, and the objective's weights (model::objective_weights).
    model::policy flexible;
    flexible.id = "flexible";
    flexible.description = "Classroom in office hours, live online after hours, self-paced study.";
    flexible.after_hours = hours("16:30-21:00");
    flexible.max_after_hours_minutes_per_week = 180;
    s.default_policy = next_index<model::policy_index>(s.policies);
    s.policies.push_back(std::move(flexible));

    s.budget.max_classroom_cohorts = 1;  // the budget funds one classroom cohort

    // The id look-ups behind scenario::find_employee() and friends, which the
    // loader fills. The solver and checker do not need them, but reading a
    // solution.json back (io::solution_from_json) and the CLI do.
    s.index_ids();
    return s;
}

// ------------------------------------------------------------ reading a plan

/// "Thu 2026-03-12 08:00-11:00": solution times are instants (UTC-based);
/// show them in a zone's wall-clock time.
std::string local_span(calendar::instant start, calendar::instant end, const date::time_zone& zone) {
    const auto a = zone.to_local(start);
    const auto b = zone.to_local(end);
    return date::format("%a %Y-%m-%d %H:%M", a) + date::format("-%H:%M", b);
}

void print_plan(const model::scenario& s, const solve::solution& sol, const verify::report& checked) {
    const date::time_zone& zone = *s.zone;
    std::printf("status %s, policy %s, seed %llu, %lld moves\n", std::string(solve::to_string(sol.status)).c_str(),
                sol.policy.c_str(), static_cast<unsigned long long>(sol.seed), static_cast<long long>(sol.moves));

    // Cohorts: one run of one programme in one mode, with its sessions (live
    // modes) and participants. Indices point back into the scenario.
    for (const solve::cohort& c : sol.cohorts) {
        const model::program& p = s.programs[c.program.value];
        std::printf("\ncohort %s: %s (%s", c.id.c_str(), p.title.c_str(), std::string(model::to_string(c.mode)).c_str());
        if (c.venue.valid()) std::printf(", %s", s.venues[c.venue.value].name.c_str());
        if (c.platform.valid()) std::printf(", %s", s.platforms[c.platform.value].name.c_str());
        for (const auto i : c.instructors) std::printf(", taught by %s", s.instructors[i.value].name.c_str());
        std::printf(")\n");
        for (const solve::session& x : c.sessions)
            std::printf("  session %s part %u: %s\n", p.modules[x.module].id.c_str(), x.part + 1,
                        local_span(x.start, x.end, zone).c_str());
        std::printf("  %zu participants:", c.participants.size());
        for (const auto e : c.participants) std::printf(" %s;", s.employees[e.value].name.c_str());
        std::printf("\n");
    }

    // Self-paced study: blocks per person, in their own time.
    if (!sol.study_blocks.empty()) std::printf("\nself-paced study blocks:\n");
    for (const solve::study_block& b : sol.study_blocks)
        std::printf("  %-24s %s %s: %s\n", s.employees[b.employee.value].name.c_str(),
                    s.programs[b.program.value].id.c_str(), s.programs[b.program.value].modules[b.module].id.c_str(),
                    local_span(b.start, b.end, zone).c_str());

    // Unmet demand, each with reason codes (docs/explanations.md) and sentences.
    std::printf("\nunplaced:\n");
    if (sol.unplaced.empty()) std::printf("  none\n");
    for (const solve::unplaced_demand& u : sol.unplaced) {
        std::printf("  %s, %s\n", s.employees[u.employee.value].name.c_str(), s.programs[u.program.value].id.c_str());
        for (const solve::reason& r : u.reasons) std::printf("    [%s] %s\n", r.code.c_str(), r.message.c_str());
        for (const solve::alternative& a : u.alternatives)
            std::printf("    alternative (+%.0f burden): %s\n", a.cost, a.description.c_str());
    }

    // Metrics as the independent checker recomputed them (the solver's own
    // figures are in sol.metrics; the two agree when the solver is right).
    const solve::solution_metrics& m = checked.metrics;
    std::printf("\nmetrics:\n");
    std::printf("  demand placed          %lld of %lld (%.1f%%)\n", static_cast<long long>(m.demand_placed),
                static_cast<long long>(m.demand_total), 100.0 * m.participation_rate);
    std::printf("  JP target met          %lld of %lld\n", static_cast<long long>(m.jp_target_met),
                static_cast<long long>(m.jp_target_employees));
    std::printf("  minutes in work time   %lld\n", static_cast<long long>(m.disruption_minutes));
    std::printf("  minutes after hours    %lld (at most %lld for one person in one week)\n",
                static_cast<long long>(m.after_hours_minutes),
                static_cast<long long>(m.max_after_hours_minutes_per_person_week));
    std::printf("  max unit absence       %.3f\n", m.max_unit_absence_ratio);
    std::printf("  cohorts / sessions / study blocks  %lld / %lld / %lld\n", static_cast<long long>(m.cohorts),
                static_cast<long long>(m.sessions), static_cast<long long>(m.study_blocks));
    std::printf("  budget spent           %.0f %s on %lld classroom cohort(s)\n", checked.budget_cost,
                s.budget.currency.c_str(), static_cast<long long>(checked.classroom_cohorts));
}

/// One person's view of the plan (what `jadwal explain` prints): each session
/// or study block with the minutes it takes from their working time.
void print_person(const model::scenario& s, const solve::solution& sol, model::employee_index who) {
    const solve::employee_explanation x = solve::explain_employee(s, sol, who);
    std::printf("\n%s: %d JP planned (target %d)\n", s.employees[who.value].name.c_str(), x.placed_jp, x.jp_target);
    for (const solve::explained_training& t : x.trainings)
        std::printf("  %-6s %-10s %s: %lld min in working time, %lld after hours\n",
                    s.programs[t.program.value].id.c_str(), t.cohort.empty() ? "study" : t.cohort.c_str(),
                    local_span(t.start, t.end, *s.zone).c_str(), static_cast<long long>(t.working_minutes),
                    static_cast<long long>(t.after_hours_minutes));
}

}  // namespace

int main() {
    try {
        const model::scenario s = build_scenario();

        // Solve. A fixed seed with a move budget (and no time limit) gives the
        // same plan byte for byte on every machine and run.
        solve::solve_options opts;
        opts.policy = "flexible";  // empty would pick the scenario's default policy
        opts.seed = 7;
        opts.max_moves = 200000;
        const solve::solution sol = solve::solve(s, opts);

        // Check. verify() shares no code with the solver: it recomputes every
        // hard constraint and metric from the scenario and the plan alone.
        // It needs the policy the plan was made under.
        const model::policy* policy = solve::select_policy(s, opts);
        const verify::report checked = verify::verify(s, sol, *policy);

        print_plan(s, sol, checked);
        // The first participant of the first cohort, as an example.
        if (!sol.cohorts.empty() && !sol.cohorts.front().participants.empty())
            print_person(s, sol, sol.cohorts.front().participants.front());

        // To publish the plan as files (solution.json, schedule.csv, report.html,
        // calendars/), as `jadwal solve --out` does: output::publish_plan(s, sol, dir)
        // from <jadwal/output/publish.hpp>.

        std::printf("\nverify: %zu violations, %zu warnings\n", checked.violations.size(), checked.warnings.size());
        for (const verify::violation& v : checked.violations) std::printf("  [%s] %s\n", v.code.c_str(), v.message.c_str());
        // One line for a script (and the ctest test) to check.
        std::printf("result: %lld of %lld demands placed, %zu violations\n",
                    static_cast<long long>(checked.metrics.demand_placed),
                    static_cast<long long>(checked.metrics.demand_total), checked.violations.size());
        return checked.feasible() ? 0 : 1;
    } catch (const std::exception& e) {
        // solve::solve_error (an unknown policy, bad options), or a typo caught
        // by the helpers above.
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    }
}
