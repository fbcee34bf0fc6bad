// The regency's units (domain.md, "Batanghari, for the default example"):
// offices, district offices, schools, the hospital's wards, puskesmas, Satpol
// PP and the fire service, the health and education head offices, spread over
// the 8 districts, scaled to any population size.
#include "population.hpp"

#include "dates.hpp"
#include "random.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

namespace jadwal::generate::detail {
namespace {

using sv = std::string_view;
using date::days;

enum stream : std::uint64_t { stream_units = 1 };

// ------------------------------------------------------------------ geography

struct district_info {
    sv name;
    sv capital_id;
    sv capital_name;
    int weight;     ///< share of schools and clinics
    int to_bulian;  ///< minutes by road to Muara Bulian
    std::array<sv, 8> villages;
};

// The 8 kecamatan. Travel times and village lists are plausible, not surveyed.
constexpr std::array<district_info, 8> district_table{{
    {"Bajubang", "bajubang", "Bajubang", 13, 45,
     {"Bajubang Laut", "Mekar Jaya", "Penerokan", "Petajen", "Sungkai", "Bungku", "Pompa Air", "Ladang Peris"}},
    {"Batin XXIV", "muara_jangga", "Muara Jangga", 12, 80,
     {"Jangga Baru", "Simpang Jelutih", "Aur Gading", "Paku Aji", "Hajran", "Sungai Lingkar", "Koto Buayo", "Jelutih"}},
    {"Maro Sebo Ilir", "terusan", "Terusan", 7, 50,
     {"Bulian Jaya", "Kehidupan Baru", "Olak Besar", "Bukit Sari", "Karmeo", "Sungai Buluh", "Tidar Kuranji", "Rantau Kapas"}},
    {"Maro Sebo Ulu", "sungai_rengas", "Simpang Sungai Rengas", 11, 70,
     {"Kembang Seri", "Peninjauan", "Sungai Ruan Ilir", "Danau Embat", "Buluh Kasab", "Teluk Leban", "Padang Kelapo", "Rantau Puri"}},
    {"Mersam", "kembang_paseban", "Kembang Paseban", 11, 60,
     {"Benteng Rendah", "Sengkati Gedang", "Simpang Rantau Gedang", "Tapah Sari", "Rantau Gedang", "Pematang Gadung", "Tanjung Putra", "Sengkati Baru"}},
    {"Muara Bulian", "muara_bulian", "Muara Bulian", 22, 0,
     {"Rengas Condong", "Pasar Baru", "Teratai", "Sridadi", "Aro", "Sungai Baung", "Malapari", "Olak"}},
    {"Muara Tembesi", "muara_tembesi", "Muara Tembesi", 13, 40,
     {"Kampung Baru", "Jebak", "Rambutan Masam", "Ampelu", "Sungai Pulai", "Pulau", "Tanjung Marwo", "Ampelu Mudo"}},
    {"Pemayung", "jembatan_mas", "Jembatan Mas", 11, 30,
     {"Kaos", "Teluk", "Lopak Aur", "Pulau Betung", "Kubu Kandang", "Simpang Kubu Kandang", "Serasah", "Pulau Raman"}},
}};
constexpr int muara_bulian = 5;
/// Districts in order of size, for placing few units when the population is small.
constexpr std::array<int, 8> districts_by_size{5, 0, 6, 1, 3, 4, 7, 2};

constexpr int jambi_from_bulian = 90;

// Roads that do not pass through Muara Bulian.
struct road {
    sv a, b;
    int minutes;
};
constexpr std::array<road, 8> direct_roads{{
    {"muara_tembesi", "muara_jangga", 45},
    {"muara_tembesi", "sungai_rengas", 35},
    {"sungai_rengas", "kembang_paseban", 30},
    {"kembang_paseban", "terusan", 40},
    {"terusan", "jembatan_mas", 35},
    {"bajubang", "muara_tembesi", 50},
    {"jembatan_mas", "jambi", 60},
    {"terusan", "jambi", 75},
}};

// ------------------------------------------------------------------ unit catalogues

struct office_info {
    sv id;
    sv name;
    int staff;  ///< relative size
    std::uint32_t tags;
};

// Regency offices (OPD), most important first: a small population keeps the first ones.
constexpr std::array<office_info, 28> office_table{{
    {"bkpsdmd", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah", 60, tag_hr | tag_leadership},
    {"bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", 90, tag_finance | tag_budget},
    {"setda", "Sekretariat Daerah", 160, tag_records | tag_leadership},
    {"disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", 70, tag_front_desk},
    {"bappeda", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", 60, tag_planning | tag_budget},
    {"inspektorat", "Inspektorat Daerah", 55, tag_audit | tag_leadership},
    {"dinas_pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", 110, 0},
    {"diskominfo", "Dinas Komunikasi dan Informatika", 45, tag_digital},
    {"bapenda", "Badan Pendapatan Daerah", 60, tag_finance},
    {"dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 45, tag_front_desk},
    {"bpbd", "Badan Penanggulangan Bencana Daerah", 45, tag_disaster},
    {"dinas_pertanian", "Dinas Pertanian", 130, 0},
    {"dinas_sosial", "Dinas Sosial", 55, 0},
    {"setwan", "Sekretariat DPRD", 55, tag_records},
    {"dishub", "Dinas Perhubungan", 85, 0},
    {"dlh", "Dinas Lingkungan Hidup", 60, 0},
    {"dinas_perkebunan", "Dinas Perkebunan", 60, 0},
    {"dp3ap2kb", "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak", 70, 0},
    {"dinas_perkim", "Dinas Perumahan dan Kawasan Permukiman", 50, 0},
    {"dinas_pmd", "Dinas Pemberdayaan Masyarakat dan Desa", 45, 0},
    {"disperindag", "Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan", 60, 0},
    {"dinas_peternakan", "Dinas Peternakan dan Kesehatan Hewan", 55, 0},
    {"dinas_perikanan", "Dinas Perikanan", 45, 0},
    {"disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi", 45, 0},
    {"dinas_ketahanan_pangan", "Dinas Ketahanan Pangan", 45, 0},
    {"disparpora", "Dinas Pariwisata, Pemuda dan Olahraga", 50, 0},
    {"kesbangpol", "Badan Kesatuan Bangsa dan Politik", 30, tag_security},
    {"dinas_arsip", "Dinas Perpustakaan dan Kearsipan", 35, tag_records},
}};

// Kelurahan offices: (name, district index).
constexpr std::array<std::pair<sv, int>, 14> kelurahan_table{{
    {"Rengas Condong", 5}, {"Kampung Baru", 6}, {"Bajubang", 0}, {"Pasar Baru", 5}, {"Muara Jangga", 1},
    {"Simpang Sungai Rengas", 3}, {"Kembang Paseban", 4}, {"Jembatan Mas", 7}, {"Teratai", 5},
    {"Pasar Muara Tembesi", 6}, {"Terusan", 2}, {"Sridadi", 5}, {"Aro", 5}, {"Sungai Baung", 5},
}};

struct ward_info {
    sv id;
    sv name;
    int staff;
    bool emergency;
};
constexpr std::array<ward_info, 8> ward_table{{
    {"rsud_igd", "RSUD Hamba - Instalasi Gawat Darurat", 70, true},
    {"rsud_interna", "RSUD Hamba - Rawat Inap Penyakit Dalam", 65, false},
    {"rsud_kebidanan", "RSUD Hamba - Kebidanan dan Kandungan", 60, false},
    {"rsud_bedah", "RSUD Hamba - Rawat Inap Bedah", 60, false},
    {"rsud_icu", "RSUD Hamba - ICU", 45, true},
    {"rsud_anak", "RSUD Hamba - Rawat Inap Anak", 50, false},
    {"rsud_vip", "RSUD Hamba - Paviliun VIP", 60, false},
    {"rsud_perina", "RSUD Hamba - Perinatologi", 40, false},
}};

/// Staff at 7,200 employees per unit kind (domain.md), in unit_kind order.
constexpr std::array<int, unit_kind_count> kind_staff_7200{1860, 310, 3400, 560, 740, 120, 80, 130};

// ------------------------------------------------------------------ helpers

std::string slug(sv text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if ((c == ' ' || c == '-') && !out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    return out;
}

/// Splits `total` in proportion to `weights` (largest remainder; ties to the earlier).
std::vector<int> apportion(int total, std::span<const int> weights) {
    std::vector<int> out(weights.size(), 0);
    long long sum = 0;
    for (int w : weights) sum += w;
    if (sum <= 0 || total <= 0) return out;
    std::vector<std::pair<long long, std::size_t>> rest;
    int given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const long long q = static_cast<long long>(total) * weights[i];
        out[i] = static_cast<int>(q / sum);
        given += out[i];
        rest.emplace_back(q % sum, i);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < total; ++k, ++given) ++out[rest[k % rest.size()].second];
    return out;
}

/// Like apportion, but every entry gets at least `floor_each` first (total >= n * floor_each).
std::vector<int> apportion_min(int total, std::span<const int> weights, int floor_each) {
    const int n = static_cast<int>(weights.size());
    const int base = std::min(floor_each, n > 0 ? total / n : 0);
    auto out = apportion(total - base * n, weights);
    for (auto& v : out) v += base;
    return out;
}

int scaled(int at_7200, int employees) {
    return static_cast<int>((static_cast<long long>(at_7200) * employees + 3600) / 7200);
}

// ------------------------------------------------------------------ units

struct unit_plan {
    population& pop;
    rng& r;

    unit& add(std::string id, std::string name, unit_kind kind, int district, std::string pattern, int staff) {
        unit u;
        u.id = std::move(id);
        u.name = std::move(name);
        u.kind = kind;
        u.district = district;
        u.location = std::string(district_table[static_cast<std::size_t>(district)].capital_id);
        u.pattern = std::move(pattern);
        u.staff = staff;
        pop.units.push_back(std::move(u));
        return pop.units.back();
    }
};

/// A share of a unit under 10 people rounds to nobody: such units may spare one.
staff_limit small_or_share(int staff, int percent) {
    return staff >= 10 ? staff_limit::share(percent) : staff_limit::count(1);
}

void critical(unit& u, day from, day to, int weight, const char* why) {
    u.critical.push_back({{from, to}, weight, why});
}

void add_offices(population& pop, unit_plan& plan, int staff) {
    const int y = pop.year;
    if (staff <= 0) return;
    // A small population still gets a few offices (finance, HR, the secretariat).
    const int n = std::clamp(std::max(scaled(28, pop.opts.employees), staff / 15), 1, std::min(28, std::max(1, staff / 3)));
    std::vector<int> w;
    for (int i = 0; i < n; ++i) w.push_back(office_table[static_cast<std::size_t>(i)].staff);
    const auto sizes = apportion_min(staff, w, 1);
    for (int i = 0; i < n; ++i) {
        const auto& o = office_table[static_cast<std::size_t>(i)];
        unit& u = plan.add(std::string(o.id), std::string(o.name), unit_kind::office, muara_bulian, "office",
                           sizes[static_cast<std::size_t>(i)]);
        u.tags = o.tags;
        u.apel = true;
        u.max_absent = staff_limit::share(10);
        if (u.tags & tag_finance) {
            critical(u, ymd(y, 1, 1), ymd(y, 2, 28), 2, "laporan keuangan tahunan");
            critical(u, ymd(y, 12, 1), ymd(y, 12, 31), 3, "penutupan tahun anggaran");
        } else {
            critical(u, ymd(y, 12, 1), ymd(y, 12, 31), 2, "penutupan tahun anggaran");
        }
        if (u.tags & tag_budget)
            critical(u, ymd(y, 8, 1), ymd(y, 9, 30), 2, "penyusunan KUA-PPAS dan RAPBD");
        if (u.tags & tag_planning) critical(u, ymd(y, 2, 1), ymd(y, 3, 31), 2, "musrenbang");
        if (u.tags & tag_hr) critical(u, ymd(y, 1, 1), ymd(y, 1, 31), 2, "penilaian kinerja tahunan");
        if (u.tags & tag_disaster) critical(u, ymd(y, 7, 1), ymd(y, 10, 31), 2, "musim kebakaran hutan dan lahan");
        std::sort(u.critical.begin(), u.critical.end(),
                  [](const critical_period& a, const critical_period& b) { return a.days.from < b.days.from; });
    }
}

void add_district_offices(population& pop, unit_plan& plan, int staff) {
    const int y = pop.year;
    const int n = std::clamp(scaled(22, pop.opts.employees), 1, std::min(22, std::max(1, staff / 3)));
    std::vector<int> w;
    for (int i = 0; i < n; ++i) w.push_back(i < 8 ? 44 : 19);
    const auto sizes = apportion_min(staff, w, 1);
    for (int i = 0; i < n; ++i) {
        const int s = sizes[static_cast<std::size_t>(i)];
        if (i < 8) {
            const int d = districts_by_size[static_cast<std::size_t>(i)];
            const auto& di = district_table[static_cast<std::size_t>(d)];
            unit& u = plan.add(fmt::format("kec_{}", slug(di.name)), fmt::format("Kantor Camat {}", di.name), unit_kind::district_office,
                               d, "office", s);
            u.max_absent = staff_limit::count(s >= 15 ? 2 : 1);
            u.apel = true;
            critical(u, ymd(y, 2, 1), ymd(y, 2, 28), 2, "musrenbang kecamatan");
        } else {
            const auto& [name, d] = kelurahan_table[static_cast<std::size_t>(i - 8)];
            unit& u = plan.add(fmt::format("kel_{}", slug(name)), fmt::format("Kantor Lurah {}", name), unit_kind::district_office, d,
                               "office", s);
            u.max_absent = staff_limit::count(1);
            u.apel = true;
        }
    }
}

void add_schools(population& pop, unit_plan& plan, int staff) {
    const int y = pop.year;
    const int n = std::clamp(scaled(220, pop.opts.employees), 1, std::max(1, staff / 4));
    // About 77% SD, 18% SMP, 5% TK.
    const std::array<int, 3> mix{170, 40, 10};
    auto per_type = apportion(n, mix);
    if (n >= 3) {  // keep one of each level when there is room
        for (int t = 1; t < 3; ++t)
            if (per_type[static_cast<std::size_t>(t)] == 0) {
                ++per_type[static_cast<std::size_t>(t)];
                --per_type[0];
            }
    }
    std::array<int, 8> dw{};
    for (std::size_t d = 0; d < 8; ++d) dw[d] = district_table[d].weight;

    struct school {
        int type;
        int district;
        int weight;
    };
    std::vector<school> list;
    for (int t = 0; t < 3; ++t) {
        const auto per_district = apportion(per_type[static_cast<std::size_t>(t)], dw);
        for (int d = 0; d < 8; ++d)
            for (int k = 0; k < per_district[static_cast<std::size_t>(d)]; ++k) {
                const int base = t == 0 ? 14 : (t == 1 ? 25 : 5);
                list.push_back({t, d, base * plan.r.between(70, 130)});
            }
    }
    std::vector<int> w;
    for (const auto& s : list) w.push_back(s.weight);
    const auto sizes = apportion_min(staff, w, 1);

    std::array<int, 3> number{0, 0, 0};
    std::array<int, 8> village_cursor{};
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& s = list[i];
        const auto& di = district_table[static_cast<std::size_t>(s.district)];
        const int num = ++number[static_cast<std::size_t>(s.type)];
        std::string id, name, pattern;
        std::uint32_t tag = 0;
        if (s.type == 0) {
            const sv village = di.villages[static_cast<std::size_t>(village_cursor[static_cast<std::size_t>(s.district)]++ % 8)];
            id = fmt::format("sdn_{:03}", num);
            name = fmt::format("SD Negeri {}/I {}", num, village);
            pattern = plan.r.chance(600) ? "school_6d" : "school_5d";
            tag = tag_sd;
        } else if (s.type == 1) {
            id = fmt::format("smpn_{:02}", num);
            name = fmt::format("SMP Negeri {} {}", num, pop.opts.place.empty() ? "Batanghari" : pop.opts.place);
            pattern = plan.r.chance(500) ? "school_6d" : "school_5d";
            tag = tag_smp;
        } else {
            id = fmt::format("tkn_{:02}", num);
            name = fmt::format("TK Negeri {} {}", num, di.name);
            pattern = "school_6d";
            tag = tag_tk;
        }
        unit& u = plan.add(std::move(id), std::move(name), unit_kind::school, s.district, std::move(pattern), sizes[i]);
        u.tags = tag;
        u.upacara = true;
        u.max_absent = small_or_share(sizes[i], 10);
        critical(u, nth_weekday(y, 6, date::Monday, 1), nth_weekday(y, 6, date::Friday, 3), 2, "asesmen akhir tahun");
        critical(u, nth_weekday(y, 11, date::Monday, 4), nth_weekday(y, 12, date::Friday, 2), 2,
                 "asesmen akhir semester");
    }
}

void add_hospital(population& pop, unit_plan& plan, int staff) {
    const int y = pop.year;
    if (staff <= 0) return;
    int admin = staff;
    int wards = 0;
    if (staff >= 24) {
        admin = std::max(3, (staff + 2) / 5);
        wards = std::clamp(scaled(8, pop.opts.employees), 1, std::max(1, (staff - admin) / 12));
    }
    unit& a = plan.add("rsud_admin", hospital_name(pop, "RSUD Hamba - Manajemen dan Poliklinik"), unit_kind::hospital,
                       muara_bulian, "office", admin);
    a.apel = true;
    a.max_absent = small_or_share(admin, 10);
    critical(a, ymd(y, 12, 1), ymd(y, 12, 31), 2, "penutupan tahun anggaran BLUD");
    if (wards == 0) return;
    std::vector<int> w;
    for (int i = 0; i < wards; ++i) w.push_back(ward_table[static_cast<std::size_t>(i % 8)].staff);
    const auto sizes = apportion_min(staff - admin, w, 8);
    for (int i = 0; i < wards; ++i) {
        const auto& wi = ward_table[static_cast<std::size_t>(i % 8)];
        std::string id(wi.id), name = hospital_name(pop, wi.name);
        if (i >= 8) {
            id += fmt::format("_{}", i / 8 + 1);
            name += fmt::format(" {}", i / 8 + 1);
        }
        unit& u = plan.add(std::move(id), std::move(name), unit_kind::hospital, muara_bulian, "ward",
                           sizes[static_cast<std::size_t>(i)]);
        u.tags = tag_ward | (wi.emergency ? tag_emergency : 0u);
        u.max_absent = staff_limit::share(15);
    }
}

void add_puskesmas(population& pop, unit_plan& plan, int staff) {
    const int y = pop.year;
    if (staff <= 0) return;
    const int n = std::clamp(scaled(18, pop.opts.employees), 1, std::max(1, staff / 6));
    const int inpatient = (n + 1) / 2;
    // Places: district capitals by size first, then villages spread by district weight.
    std::vector<std::pair<std::string, int>> places;
    for (int d : districts_by_size)
        places.emplace_back(std::string(district_table[static_cast<std::size_t>(d)].capital_name), d);
    for (std::size_t v = 0; places.size() < static_cast<std::size_t>(n); ++v) {
        for (int d : districts_by_size) {
            if (places.size() >= static_cast<std::size_t>(n)) break;
            const auto& di = district_table[static_cast<std::size_t>(d)];
            // Bigger districts get village clinics sooner.
            if (static_cast<int>(v % 4) * 6 > di.weight && v < 8) continue;
            std::string place(di.villages[v % 8]);
            if (v >= 8) place += fmt::format(" {}", v / 8 + 1);
            places.emplace_back(std::move(place), d);
        }
    }
    std::vector<int> w;
    for (int i = 0; i < n; ++i) w.push_back((i < inpatient ? 50 : 32) * plan.r.between(80, 120));
    const auto sizes = apportion_min(staff, w, 1);
    for (int i = 0; i < n; ++i) {
        const auto& [place, d] = places[static_cast<std::size_t>(i)];
        const int s = sizes[static_cast<std::size_t>(i)];
        const bool inp = i < inpatient && s >= 16;
        unit& u = plan.add(fmt::format("pkm_{}", slug(place)), fmt::format("Puskesmas {}{}", place, inp ? " (Rawat Inap)" : ""),
                           unit_kind::puskesmas, d, inp ? "ward" : "puskesmas", s);
        u.tags = inp ? tag_inpatient : 0u;
        u.max_absent = small_or_share(s, 10);
        critical(u, ymd(y, 2, 1), ymd(y, 2, 28), 2, "bulan vitamin A dan posyandu");
        critical(u, ymd(y, 8, 1), ymd(y, 8, 31), 2, "bulan vitamin A dan posyandu");
    }
}

void add_security(population& pop, unit_plan& plan, int satpol, int fire, day idul_fitri) {
    const int y = pop.year;
    if (satpol > 0) {
        const bool roster = satpol >= 3;
        unit& u = plan.add("satpol_pp", "Satuan Polisi Pamong Praja", unit_kind::satpol_pp, muara_bulian,
                           roster ? "roster_24_48" : "office", satpol);
        u.tags = tag_security;
        u.max_absent = small_or_share(satpol, 15);
        critical(u, idul_fitri - days{14}, idul_fitri + days{7}, 3, "pengamanan Ramadan dan Idul Fitri");
        critical(u, ymd(y, 12, 15), ymd(y, 12, 31), 3, "pengamanan Natal dan Tahun Baru");
    }
    if (fire > 0) {
        const bool roster = fire >= 3;
        unit& u = plan.add("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", unit_kind::fire_service, muara_bulian,
                           roster ? "roster_24_48" : "office", fire);
        u.tags = tag_disaster;
        u.max_absent = small_or_share(fire, 15);
        critical(u, ymd(y, 7, 1), ymd(y, 10, 31), 3, "musim kebakaran hutan dan lahan");
    }
}

void add_head_offices(population& pop, unit_plan& plan, int staff) {
    const int y = pop.year;
    if (staff <= 0) return;
    const int n = std::min(2, std::max(1, staff / 3));
    const std::array<int, 2> w{70, 60};
    const auto sizes = apportion_min(staff, std::span<const int>(w.data(), static_cast<std::size_t>(n)), 1);
    for (int i = 0; i < n; ++i) {
        const bool health = i == 0;
        unit& u = plan.add(health ? "dinkes" : "disdik",
                           health ? "Dinas Kesehatan" : "Dinas Pendidikan dan Kebudayaan", unit_kind::head_office,
                           muara_bulian, "office", sizes[static_cast<std::size_t>(i)]);
        u.tags = health ? tag_health_head : tag_education_head;
        u.apel = true;
        u.max_absent = staff_limit::share(10);
        if (health) {
            critical(u, ymd(y, 12, 1), ymd(y, 12, 31), 2, "penutupan tahun anggaran");
        } else {
            critical(u, ymd(y, 6, 15), ymd(y, 7, 15), 2, "penerimaan peserta didik baru");
            critical(u, ymd(y, 12, 1), ymd(y, 12, 31), 2, "penutupan tahun anggaran");
        }
    }
}

}  // namespace

void add_places(population& pop) {
    for (const auto& d : district_table) pop.districts.emplace_back(d.name);

    // Locations: Muara Bulian, the other district capitals, the provincial capital.
    std::vector<std::pair<std::string, int>> loc;  // id, minutes to Muara Bulian
    loc.emplace_back("muara_bulian", 0);
    pop.locations.push_back({"muara_bulian", "Muara Bulian", {}});
    for (std::size_t d = 0; d < district_table.size(); ++d) {
        if (static_cast<int>(d) == muara_bulian) continue;
        const auto& di = district_table[d];
        loc.emplace_back(std::string(di.capital_id), di.to_bulian);
        pop.locations.push_back({std::string(di.capital_id), fmt::format("{} (Kec. {})", di.capital_name, di.name), {}});
    }
    loc.emplace_back("jambi", jambi_from_bulian);
    pop.locations.push_back({"jambi", "Kota Jambi (BPSDM Provinsi)", {}});
    for (std::size_t i = 0; i < loc.size(); ++i) {
        for (std::size_t j = i + 1; j < loc.size(); ++j) {
            int t = loc[i].second + loc[j].second;
            for (const auto& rd : direct_roads)
                if ((rd.a == loc[i].first && rd.b == loc[j].first) || (rd.b == loc[i].first && rd.a == loc[j].first))
                    t = std::min(t, rd.minutes);
            pop.locations[i].travel.emplace_back(loc[j].first, t);
        }
    }
}

void add_units(population& pop) {
    // Units, with staff per kind in the proportions of domain.md.
    const auto kind_staff = apportion(pop.opts.employees, kind_staff_7200);
    rng r(stream_seed(pop.opts.seed, stream_units));
    unit_plan plan{pop, r};
    add_offices(pop, plan, kind_staff[0]);
    if (kind_staff[1] > 0) add_district_offices(pop, plan, kind_staff[1]);
    if (kind_staff[2] > 0) add_schools(pop, plan, kind_staff[2]);
    add_hospital(pop, plan, kind_staff[3]);
    add_puskesmas(pop, plan, kind_staff[4]);
    add_security(pop, plan, kind_staff[5], kind_staff[6], pop.idul_fitri);
    add_head_offices(pop, plan, kind_staff[7]);
}

}  // namespace jadwal::generate::detail
