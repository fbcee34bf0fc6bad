// The training side of the synthetic regency ("Scarcity" in domain.md): few
// rooms, few trainers, a few video licences, a budget for a limited number of
// classroom cohorts, national webinars at fixed times, and demand that adds up
// to about 20 JP per PNS (and stays within the 24 JP cap for every PPPK).
#include "population.hpp"

#include "dates.hpp"
#include "random.hpp"

#include <jadwal/calendar/holidays.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <jadwal/model/error.hpp>
#include <stdexcept>
#include <string_view>

namespace jadwal::generate::detail {
namespace {

using sv = std::string_view;
using date::days;

enum stream : std::uint64_t { stream_training = 40 };

enum topic : std::uint32_t {
    topic_finance = 1u << 0,
    topic_planning = 1u << 1,
    topic_audit = 1u << 2,
    topic_procurement = 1u << 3,
    topic_hr = 1u << 4,
    topic_leadership = 1u << 5,
    topic_service = 1u << 6,
    topic_digital = 1u << 7,
    topic_records = 1u << 8,
    topic_education = 1u << 9,
    topic_health = 1u << 10,
    topic_disaster = 1u << 11,
    topic_order = 1u << 12,
};

struct instructor_info {
    std::uint32_t topics;
    sv location;
    int max_days_per_month;
    long long cost_per_hour;
    profession job;
    /// Also teaches online in the evening (two evenings a week, paid half as
    /// much again), as trainers of technical and managerial courses do.
    bool evenings = false;
};
// The first six cover every topic, so a small regency still has a trainer for each.
constexpr std::array<instructor_info, 10> instructor_table{{
    {topic_finance | topic_planning | topic_audit | topic_procurement, "muara_bulian", 10, 400000, profession::administrator, true},
    {topic_hr | topic_leadership | topic_service, "muara_bulian", 8, 350000, profession::administrator, true},
    {topic_digital | topic_records | topic_service, "muara_bulian", 10, 300000, profession::administrator, true},
    {topic_education | topic_leadership, "muara_bulian", 12, 350000, profession::teacher, true},
    {topic_health, "muara_bulian", 10, 450000, profession::doctor},
    {topic_disaster | topic_order | topic_service, "muara_bulian", 8, 300000, profession::security, true},
    {topic_finance | topic_audit | topic_procurement, "jambi", 8, 500000, profession::administrator, true},
    {topic_education, "muara_bulian", 12, 300000, profession::teacher},
    {topic_health, "muara_bulian", 10, 400000, profession::nurse},
    {topic_hr | topic_planning | topic_procurement, "muara_bulian", 10, 350000, profession::administrator},
}};

struct builder {
    population& pop;
    rng r;
    std::set<day> holidays;
    std::vector<std::string> general_rooms, health_rooms, school_rooms;

    day workday_from(day d) const {
        for (;;) {
            const date::weekday w{d};
            if (w != date::Saturday && w != date::Sunday && !holidays.contains(d)) return d;
            d += days{1};
        }
    }

    std::vector<std::string> instructors_for(std::uint32_t t) const {
        std::vector<std::string> out;
        for (const auto& i : pop.instructors)
            if (i.topics & t) out.push_back(i.id);
        return out;
    }

    bool has_unit(sv id) const {
        return std::any_of(pop.units.begin(), pop.units.end(), [&](const unit& u) { return u.id == id; });
    }
    bool has_kind(unit_kind k) const {
        return std::any_of(pop.units.begin(), pop.units.end(), [&](const unit& u) { return u.kind == k; });
    }
};

mode_offer classroom(std::vector<std::string> venues, long long cost, int max_jp = 8) {
    mode_offer m;
    m.mode = "classroom";
    m.windows = {"working_hours"};
    m.venues = std::move(venues);
    m.max_jp_per_day = max_jp;
    m.cost_per_cohort = cost;
    return m;
}

mode_offer online(std::vector<std::string> windows, std::string platform, int max_jp, long long cost = 500000) {
    mode_offer m;
    m.mode = "online_live";
    m.windows = std::move(windows);
    m.platform = std::move(platform);
    m.max_jp_per_day = max_jp;
    m.cost_per_cohort = cost;
    return m;
}

mode_offer self_paced() {
    mode_offer m;
    m.mode = "self_paced";
    m.windows = {"working_hours", "after_hours", "weekend"};
    return m;
}

/// Modules m1..mn of the given JP, each after the previous one within [gap_min, gap_max] days.
std::vector<module> chain(std::initializer_list<std::pair<sv, int>> parts, sv prefix, int gap_min, int gap_max) {
    std::vector<module> out;
    int k = 0;
    for (const auto& [title, jp] : parts) {
        module m;
        m.id = fmt::format("{}{}", prefix, ++k);
        m.title = std::string(title);
        m.jp = jp;
        if (!out.empty()) {
            m.after = out.back().id;
            m.gap_min = gap_min;
            m.gap_max = gap_max;
        }
        out.push_back(std::move(m));
    }
    return out;
}

void add_resources(builder& b) {
    population& pop = b.pop;
    const int n = pop.opts.employees;
    const int y = pop.year;
    const int scale_up = std::max(1, (n + 7199) / 7200);

    // Rooms: three in Muara Bulian, the provincial hall in Jambi, the hospital
    // hall, and meeting rooms at some clinics and schools in the districts.
    pop.venues.push_back({"aula_bkpsdmd", "Aula BKPSDMD", "muara_bulian", "office", 40, 1500000, {}});
    pop.venues.push_back({"ruang_diklat_setda", "Ruang Diklat Sekretariat Daerah", "muara_bulian", "office", 30, 1000000, {}});
    pop.venues.push_back({"aula_bappeda", "Aula Bappeda", "muara_bulian", "office", 35, 1000000,
                          {{ymd(y, 8, 3), ymd(y, 8, 14)}}});
    const int extra = n > 7200 ? std::max(0, static_cast<int>((3LL * n + 3599) / 7200) - 3) : 0;
    for (int i = 0; i < extra; ++i)
        pop.venues.push_back({fmt::format("ruang_diklat_{:02}", i + 2), fmt::format("Ruang Diklat BKPSDMD {}", i + 2),
                              "muara_bulian", "office", 30, 1000000, {}});
    if (pop.opts.shared.provincial_hall)
        pop.venues.push_back({"bpsdm_jambi", "Aula BPSDM Provinsi Jambi", "jambi", "office", 60, 3500000, {}});
    pop.venues.push_back({"aula_rsud", hospital_name(pop, "Aula RSUD Hamba"), "muara_bulian", "", 40, 750000, {}});
    pop.venues.push_back({"rr_pkm_muara_tembesi", "Ruang Pertemuan Puskesmas Muara Tembesi", "muara_tembesi", "", 15, 250000, {}});
    pop.venues.push_back({"rr_pkm_bajubang", "Ruang Pertemuan Puskesmas Bajubang", "bajubang", "", 12, 250000, {}});
    pop.venues.push_back({"rr_pkm_jembatan_mas", "Ruang Pertemuan Puskesmas Jembatan Mas", "jembatan_mas", "", 12, 250000, {}});
    pop.venues.push_back({"aula_smpn_kembang_paseban", "Aula SMP Negeri Kembang Paseban", "kembang_paseban", "", 20, 300000, {}});
    pop.venues.push_back({"aula_sdn_muara_jangga", "Aula SD Negeri Muara Jangga", "muara_jangga", "", 20, 300000, {}});

    b.general_rooms = {"aula_bkpsdmd", "ruang_diklat_setda", "aula_bappeda"};
    for (int i = 0; i < extra; ++i) b.general_rooms.push_back(fmt::format("ruang_diklat_{:02}", i + 2));
    b.health_rooms = {"aula_rsud", "rr_pkm_muara_tembesi", "rr_pkm_bajubang", "rr_pkm_jembatan_mas", "aula_bkpsdmd"};
    b.school_rooms = {"aula_smpn_kembang_paseban", "aula_sdn_muara_jangga", "aula_bkpsdmd", "ruang_diklat_setda"};

    // Video licences; the national channel hosts the fixed webinars.
    pop.platforms.push_back({"zoom_bkpsdmd", "Zoom BKPSDMD", 2 * scale_up, 300, 100000});
    pop.platforms.push_back({"zoom_dinkes", "Zoom Dinas Kesehatan", 1 * scale_up, 300, 100000});
    pop.platforms.push_back({"gmeet_diskominfo", "Google Meet Diskominfo", 1 * scale_up, 500, 50000});
    pop.platforms.push_back({"webinar_nasional", "Kanal Webinar Nasional LAN RI", 3, 1000, 0});
    const auto& shared = pop.opts.shared;
    if (!shared.platform.empty())
        pop.platforms.push_back({shared.platform, shared.platform_name.empty() ? shared.platform : shared.platform_name,
                                 shared.platform_concurrent, 300, 0});

    // In-house trainers: six to ten at the default size, more for bigger populations.
    const int trainers = n <= 7200 ? std::clamp(static_cast<int>((9LL * n + 3600) / 7200), 6, 9)
                                   : static_cast<int>((9LL * n + 3600) / 7200);
    for (int i = 0; i < trainers; ++i) {
        const auto& info = instructor_table[static_cast<std::size_t>(i % 10)];
        instructor ins;
        ins.id = fmt::format("wi_{:02}", i + 1);
        ins.name = trainer_name(b.r, b.r.chance(400), info.job);
        ins.location = std::string(info.location);
        ins.topics = info.topics;
        ins.max_days_per_month = info.max_days_per_month;
        ins.cost_per_hour = info.cost_per_hour;
        ins.evenings = info.evenings;
        ins.evening_cost_per_hour = info.cost_per_hour * 3 / 2;  // evenings are paid half as much again
        if (b.r.chance(400)) {
            const day start = ymd(y, 2, 1) + days{static_cast<int>(b.r.below(270))};
            ins.unavailable.push_back({start, start + days{b.r.between(13, 27)}});
        }
        pop.instructors.push_back(std::move(ins));
    }
    // The province's trainers: the same person in every agency that declares them, so nothing
    // here is drawn from this agency's numbers.
    for (const auto& t : shared.trainers) {
        instructor ins;
        ins.id = t.id;
        ins.name = t.name;
        ins.location = "jambi";
        ins.max_days_per_month = t.max_days_per_month;
        ins.cost_per_hour = t.cost_per_hour;
        pop.instructors.push_back(std::move(ins));
    }
}

void add_programs(builder& b) {
    population& pop = b.pop;
    const int y = pop.year;
    auto& progs = pop.programs;
    const auto general = b.general_rooms;
    const bool hall = pop.opts.shared.provincial_hall;
    auto with_jambi = general;
    if (hall) with_jambi.push_back("bpsdm_jambi");
    // The provincial hall first where there is one, else this agency's own main room.
    auto hall_or_own = [&](std::vector<std::string> own) {
        if (hall) own.insert(own.begin(), "bpsdm_jambi");
        return own;
    };
    const std::string hr_office =
        pop.opts.hr_office.empty() ? std::string("BKPSDMD Kabupaten Batanghari") : pop.opts.hr_office;
    auto add = [&](sv id, sv title, std::vector<module> modules, std::vector<mode_offer> modes, int cmin, int cmax,
                   std::uint32_t topics, sv organizer = {}) {
        program p;
        p.id = std::string(id);
        p.title = std::string(title);
        p.organizer = organizer.empty() ? hr_office : std::string(organizer);
        p.modules = std::move(modules);
        p.modes = std::move(modes);
        p.cohort_min = cmin;
        p.cohort_max = cmax;
        if (topics != 0) p.instructors = b.instructors_for(topics);
        progs.push_back(std::move(p));
    };
    const std::vector<std::string> evening_weekend{"after_hours", "weekend"};

    // ---- finance, planning, audit, procurement
    add("keuda", "Manajemen Keuangan Daerah",
        chain({{"Perencanaan dan penganggaran", 8}, {"Penatausahaan", 8}, {"Pelaporan", 8}}, "m", 1, 14),
        {classroom(with_jambi, 6000000), online(evening_weekend, "zoom_bkpsdmd", 3)}, 10, 100, topic_finance);
    add("sipd", "Penatausahaan Keuangan dengan SIPD-RI",
        chain({{"Penganggaran di SIPD", 8}, {"Penatausahaan dan pertanggungjawaban", 8}}, "m", 1, 21),
        {classroom(general, 4000000), online({"working_hours", "after_hours"}, "zoom_bkpsdmd", 4)}, 8, 80,
        topic_finance);
    add("perencanaan", "Perencanaan dan Penganggaran Berbasis Kinerja",
        chain({{"Kerangka logis dan indikator", 8}, {"Renja dan RKA", 8}, {"Evaluasi kinerja", 8}}, "m", 1, 14),
        {classroom(general, 6000000), online(evening_weekend, "zoom_bkpsdmd", 3)}, 10, 100, topic_planning);
    add("pbj", "Pengadaan Barang/Jasa Pemerintah Tingkat Dasar",
        chain({{"Regulasi dan perencanaan pengadaan", 8}, {"Pemilihan penyedia dan e-katalog", 8},
               {"Kontrak dan persiapan ujian", 8}},
              "m", 1, 7),
        {classroom(with_jambi, 6000000), online({"working_hours", "after_hours"}, "zoom_bkpsdmd", 4)}, 10, 60,
        topic_procurement);
    add("audit", "Audit Intern Berbasis Risiko",
        chain({{"Manajemen risiko", 8}, {"Perencanaan audit", 8}, {"Pelaporan hasil audit", 8}}, "m", 1, 14),
        {classroom(hall_or_own({"aula_bkpsdmd"}), 6000000), online(evening_weekend, "zoom_bkpsdmd", 3)}, 5, 40,
        topic_audit);
    add("sakip", "Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)",
        chain({{"Perjanjian kinerja", 3}, {"Pengukuran kinerja", 3}, {"Laporan kinerja", 3}, {"Evaluasi SAKIP", 3}},
              "m", 1, 21),
        {classroom(general, 3000000, 6), online({"working_hours", "after_hours"}, "gmeet_diskominfo", 3),
         self_paced()},
        10, 200, topic_planning);

    // ---- people management and leadership
    add("ekinerja", "Pengelolaan Kinerja ASN melalui e-Kinerja", chain({{"Sasaran kinerja dan penilaian", 3}}, "m", 0, 0),
        {online({"working_hours", "after_hours"}, "zoom_bkpsdmd", 3), self_paced()}, 10, 300, topic_hr);
    add("merit", "Manajemen ASN dan Sistem Merit",
        chain({{"Perencanaan kebutuhan dan pengadaan ASN", 8}, {"Manajemen talenta dan kinerja", 8}}, "m", 1, 14),
        {classroom(general, 4000000), online(evening_weekend, "zoom_bkpsdmd", 3)}, 8, 60, topic_hr);
    {
        auto mods = chain({{"Kepemimpinan pancasila dan bela negara", 8},
                           {"Kepemimpinan pelayanan", 8},
                           {"Manajemen kinerja", 8},
                           {"Inovasi dan perubahan", 8},
                           {"Seminar proyek perubahan", 8}},
                          "k", 3, 30);
        add("pkp", "Pelatihan Kepemimpinan Pengawas (tahap klasikal)", std::move(mods),
            {classroom(hall ? std::vector<std::string>{"bpsdm_jambi"} : general, 12000000)}, 10, 30, topic_leadership,
            "BPSDM Provinsi Jambi");
    }
    add("berakhlak", "Nilai Dasar ASN BerAKHLAK",
        chain({{"Berorientasi pelayanan, akuntabel, kompeten", 5}, {"Harmonis, loyal, adaptif, kolaboratif", 5}}, "m",
              0, 30),
        {self_paced(), online(evening_weekend, "gmeet_diskominfo", 3)}, 1, 500, topic_hr);

    // ---- service, digital, records
    {
        auto pp = online({}, "zoom_bkpsdmd", 2);
        pp.explicit_windows.push_back({"mon-fri", {"19:30-21:00"}});
        add("pelayanan_prima", "Pelayanan Publik Prima", chain({{"Standar pelayanan", 5}, {"Budaya melayani", 5}}, "m", 0, 30),
            {self_paced(), std::move(pp)}, 1, 300, topic_service);
    }
    add("literasi_digital", "Literasi Digital dan Keamanan Informasi",
        chain({{"Literasi digital", 5}, {"Keamanan informasi", 5}}, "m", 0, 60), {self_paced()}, 1, 500, 0);
    add("spbe", "Transformasi Digital dan SPBE",
        chain({{"Arsitektur SPBE", 8}, {"Layanan digital dan interoperabilitas", 8}}, "m", 1, 14),
        {classroom(general, 4000000), online({"working_hours", "after_hours"}, "gmeet_diskominfo", 4)}, 8, 80,
        topic_digital);
    add("kearsipan", "Tata Naskah Dinas Elektronik (SRIKANDI)",
        chain({{"Tata naskah dinas", 4}, {"Aplikasi SRIKANDI", 4}}, "m", 0, 14),
        {online({"working_hours"}, "gmeet_diskominfo", 4), self_paced()}, 5, 200, topic_records);

    // ---- national webinars at fixed times
    auto webinar = [&](sv id, sv title, int jp, day when, sv time) {
        mode_offer m = online({"working_hours"}, "webinar_nasional", jp, 0);
        // Streamed and recorded, like real national webinars: whoever misses the
        // live session may watch the recording within two weeks and take the post-test.
        m.fixed.push_back({"w1", b.workday_from(when), std::string(time), 0, 14, 30});
        add(id, title, chain({{title, jp}}, "w", 0, 0), {std::move(m)}, 1, 1000, 0, "LAN RI");
    };
    webinar("webinar_smart_asn", "Webinar Nasional Smart ASN", 2, day{date::year{y} / date::September / date::Thursday[2]},
            "09:00-10:30");
    webinar("webinar_netralitas", "Webinar Nasional Netralitas ASN", 2,
            day{date::year{y} / date::October / date::Tuesday[3]}, "09:00-10:30");
    webinar("webinar_talenta", "Webinar Nasional Manajemen Talenta ASN", 3,
            day{date::year{y} / date::July / date::Wednesday[2]}, "13:00-15:15");

    // ---- national e-learning catalogue (LAN, BKN and ministry MOOCs): self-paced,
    // no seats to run out of, open to PNS short of 20 JP (PP 11/2017 art. 212(3)).
    auto mooc = [&](sv id, sv title, sv organizer, std::vector<module> modules) {
        add(id, title, std::move(modules), {self_paced()}, 1, 100000, 0, organizer);
        pop.catalogue.push_back(std::string(id));
    };
    mooc("mooc_lan_pelayanan_digital", "MOOC Pelayanan Publik Berbasis Digital", "LAN RI",
         chain({{"Pelayanan publik di era digital", 4}}, "m", 0, 0));
    mooc("mooc_lan_kebijakan", "MOOC Analisis Kebijakan Publik", "LAN RI",
         chain({{"Siklus kebijakan", 3}, {"Menulis policy brief", 3}}, "m", 0, 60));
    mooc("elearning_bkn_kode_etik", "E-Learning Kode Etik dan Kode Perilaku ASN", "BKN",
         chain({{"Kode etik dan kode perilaku", 2}}, "m", 0, 0));
    mooc("elearning_bkn_siasn", "E-Learning Pemutakhiran Data Mandiri SIASN", "BKN",
         chain({{"Layanan dan data ASN di SIASN", 3}}, "m", 0, 0));
    mooc("mooc_kemendagri_pemda", "Dasar-Dasar Penyelenggaraan Pemerintahan Daerah", "Kementerian Dalam Negeri",
         chain({{"Urusan pemerintahan daerah", 4}, {"Pembinaan dan pengawasan", 4}}, "m", 0, 60));
    mooc("mooc_kemenkeu_keuangan_negara", "Literasi Keuangan Negara", "Kemenkeu Learning Center",
         chain({{"APBN dan APBD", 5}}, "m", 0, 0));
    mooc("mooc_komdigi_satu_data", "Literasi Data dan Satu Data Indonesia", "Kementerian Komunikasi dan Digital",
         chain({{"Tata kelola data pemerintah", 4}}, "m", 0, 0));
    mooc("mooc_panrb_zona_integritas", "Reformasi Birokrasi dan Zona Integritas", "Kementerian PANRB",
         chain({{"Reformasi birokrasi", 5}, {"Membangun zona integritas", 5}}, "m", 0, 60));
    mooc("mooc_kpk_antikorupsi", "Pendidikan Antikorupsi untuk ASN", "KPK RI (ACLC)",
         chain({{"Nilai-nilai antikorupsi", 6}}, "m", 0, 0));
    pop.catalogue_max_jp = 10;

    // ---- education
    {
        auto after_school = online(evening_weekend, "zoom_bkpsdmd", 3);
        after_school.explicit_windows.push_back({"mon-thu", {"14:45-16:15"}});
        add("kurikulum_merdeka", "Implementasi Kurikulum Merdeka",
            chain({{"Capaian dan alur tujuan pembelajaran", 4}, {"Asesmen dan pembelajaran", 4}, {"Refleksi praktik", 4}},
                  "m", 3, 45),
            {classroom(b.school_rooms, 2500000), std::move(after_school), self_paced()}, 10, 200, topic_education);
    }
    add("diferensiasi", "Pembelajaran Berdiferensiasi",
        chain({{"Memetakan kebutuhan murid", 3}, {"Strategi diferensiasi", 3}}, "m", 1, 30),
        {classroom(b.school_rooms, 1500000, 6), online(evening_weekend, "zoom_bkpsdmd", 3)}, 10, 150, topic_education);
    add("p5", "Projek Penguatan Profil Pelajar Pancasila",
        chain({{"Merancang projek", 4}, {"Asesmen projek", 4}}, "m", 1, 30),
        {self_paced(), online(evening_weekend, "gmeet_diskominfo", 3)}, 5, 300, topic_education);
    add("kepsek", "Penguatan Kepemimpinan Kepala Sekolah",
        chain({{"Kepemimpinan pembelajaran", 8}, {"Perencanaan berbasis data", 8}}, "m", 7, 60),
        {classroom(hall_or_own({"aula_bkpsdmd"}), 4000000), online(evening_weekend, "zoom_bkpsdmd", 3)}, 10, 60,
        topic_education | topic_leadership);
    add("rapor_pendidikan", "Analisis Rapor Pendidikan",
        chain({{"Membaca rapor pendidikan", 8}, {"Perencanaan berbasis data", 8}}, "m", 1, 14),
        {classroom(general, 4000000), online({"working_hours"}, "zoom_bkpsdmd", 4)}, 5, 60, topic_education);

    // ---- health
    add("patient_safety", "Keselamatan Pasien dan Manajemen Risiko",
        chain({{"Sasaran keselamatan pasien", 3}, {"Pelaporan insiden", 3}}, "m", 0, 30),
        {classroom(b.health_rooms, 1500000, 6), online({"working_hours", "after_hours"}, "zoom_dinkes", 3),
         self_paced()},
        10, 150, topic_health);
    add("ppi", "Pencegahan dan Pengendalian Infeksi Dasar",
        chain({{"Kewaspadaan standar", 4}, {"Kewaspadaan transmisi", 4}, {"Surveilans infeksi", 4}}, "m", 1, 30),
        {classroom(b.health_rooms, 2500000), online(evening_weekend, "zoom_dinkes", 3), self_paced()}, 10, 150,
        topic_health);
    {
        auto btcls = classroom({"aula_rsud", "aula_bkpsdmd"}, 15000000);
        btcls.windows = {"working_hours", "weekend"};
        add("btcls", "Basic Trauma and Cardiac Life Support (BTCLS)",
            chain({{"Bantuan hidup dasar", 8}, {"Penanganan trauma", 8}, {"Kegawatan jantung", 8},
                   {"Simulasi kasus", 8}, {"Ujian praktik", 8}},
                  "m", 1, 3),
            {std::move(btcls)}, 10, 25, topic_health);
    }
    add("stunting", "Konvergensi Percepatan Penurunan Stunting",
        chain({{"Intervensi spesifik dan sensitif", 4}, {"Aksi konvergensi desa", 4}}, "m", 0, 30),
        {classroom(b.health_rooms, 2000000), online({"working_hours", "after_hours"}, "zoom_dinkes", 4), self_paced()},
        5, 200, topic_health);
    add("imunisasi", "Imunisasi Rutin Lengkap dan Pencatatan ASIK", chain({{"Imunisasi rutin dan ASIK", 8}}, "m", 0, 0),
        {classroom(b.health_rooms, 2000000), online({"working_hours"}, "zoom_dinkes", 8)}, 8, 100, topic_health);
    add("mtbs", "Manajemen Terpadu Balita Sakit (MTBS)",
        chain({{"Penilaian dan klasifikasi", 8}, {"Tindakan dan pengobatan", 8}, {"Konseling ibu", 8}}, "m", 1, 7),
        {classroom(b.health_rooms, 6000000)}, 8, 30, topic_health);
    add("surveilans", "Surveilans Epidemiologi dan SKDR",
        chain({{"Surveilans berbasis indikator", 8}, {"Respon kejadian luar biasa", 8}}, "m", 1, 14),
        {classroom(general, 4000000), online({"working_hours", "after_hours"}, "zoom_dinkes", 4)}, 5, 60, topic_health);

    // ---- order and disasters
    add("karhutla", "Pengendalian Kebakaran Hutan dan Lahan",
        chain({{"Pencegahan dan patroli", 8}, {"Pemadaman dan evakuasi", 8}}, "m", 1, 14),
        {classroom(general, 5000000), online(evening_weekend, "zoom_bkpsdmd", 3)}, 8, 60, topic_disaster);
    add("tibum", "Penegakan Peraturan Daerah dan Ketertiban Umum",
        chain({{"Dasar hukum penegakan perda", 8}, {"Teknik penertiban humanis", 8}}, "m", 1, 14),
        {classroom(general, 4000000), online(evening_weekend, "zoom_bkpsdmd", 3)}, 8, 60, topic_order);
}

/// The province's platform and trainers on the programmes the options name.
void add_shared_offers(builder& b) {
    population& pop = b.pop;
    const auto& shared = pop.opts.shared;
    auto find = [&](const std::string& id) -> program& {
        for (auto& p : pop.programs)
            if (p.id == id) return p;
        throw error(errc::invalid_argument, "shared resources: no generated programme '" + id + "'");
    };
    if (!shared.platform.empty()) {
        for (const auto& id : shared.platform_programs)
            find(id).modes.push_back(online({"working_hours"}, shared.platform, 4, 0));
    } else if (!shared.platform_programs.empty()) {
        throw error(errc::invalid_argument, "shared resources: programmes for a platform without an id");
    }
    for (const auto& t : shared.trainers)
        for (const auto& id : t.programs) {
            auto& list = find(id).instructors;
            if (std::find(list.begin(), list.end(), t.id) == list.end()) list.push_back(t.id);
        }
}

/// Shared ids must be new: the same id as a generated resource would make two resources one.
/// Runs once they are added: each must then be there exactly once.
void check_shared_ids(const population& pop) {
    std::multiset<std::string> ids;
    for (const auto& v : pop.venues) ids.insert(v.id);
    for (const auto& p : pop.platforms) ids.insert(p.id);
    for (const auto& i : pop.instructors) ids.insert(i.id);
    auto once = [&](const std::string& id) {
        if (id.empty() || ids.count(id) != 1)
            throw error(errc::invalid_argument, "shared resources: id '" + id + "' is empty or used twice");
    };
    const auto& shared = pop.opts.shared;
    if (!shared.platform.empty()) once(shared.platform);
    for (const auto& t : shared.trainers) once(t.id);
}

std::uint32_t program_index(const population& pop, sv id) {
    for (std::uint32_t i = 0; i < pop.programs.size(); ++i)
        if (pop.programs[i].id == id) return i;
    return 0;
}

void add_demand(builder& b) {
    population& pop = b.pop;
    const int y = pop.year;

    std::vector<std::string> finance, records, leadership, front_desk, general_offices, pppk_literacy;
    for (const auto& u : pop.units) {
        if (u.kind == unit_kind::office) {
            if (u.tags & tag_finance) finance.push_back(u.id);
            if (u.tags & tag_records) records.push_back(u.id);
            if (u.tags & tag_leadership) leadership.push_back(u.id);
            if (u.tags & tag_front_desk) front_desk.push_back(u.id);
            if (!(u.tags & (tag_finance | tag_planning | tag_audit | tag_hr | tag_digital | tag_disaster | tag_front_desk |
                            tag_records)))
                general_offices.push_back(u.id);
            if (!(u.tags & tag_front_desk)) pppk_literacy.push_back(u.id);
        } else if (u.kind == unit_kind::head_office) {
            pppk_literacy.push_back(u.id);
        }
    }

    auto entry = [&](sv program, bool mandatory) {
        demand d;
        d.program = program_index(pop, program);
        d.mandatory = mandatory;
        return d;
    };
    auto push = [&](demand d) {
        // Leave out filters that select nothing at this size (a unit or kind that does not exist).
        for (unit_kind k : d.kinds)
            if (!b.has_kind(k)) return;
        for (std::uint32_t e = 0; e < pop.employees.size(); ++e)
            if (matches(pop, d, e)) {
                pop.demands.push_back(std::move(d));
                return;
            }
    };
    auto by_units = [&](sv program, const std::vector<std::string>& units, bool pns, bool pppk, bool mandatory,
                        std::optional<day> deadline = std::nullopt) {
        demand d = entry(program, mandatory);
        for (const auto& id : units)
            if (b.has_unit(id)) d.units.push_back(id);
        if (d.units.empty()) return;
        d.pns = pns;
        d.pppk = pppk;
        d.deadline = deadline;
        push(std::move(d));
    };
    auto by_kinds = [&](sv program, std::vector<unit_kind> kinds, bool pns, bool pppk, bool mandatory,
                        std::optional<day> deadline = std::nullopt, std::vector<int> districts = {}) {
        demand d = entry(program, mandatory);
        for (unit_kind k : kinds)
            if (b.has_kind(k)) d.kinds.push_back(k);
        if (d.kinds.empty()) return;
        d.pns = pns;
        d.pppk = pppk;
        d.deadline = deadline;
        // Only districts that have such a unit at this size.
        for (int district : districts)
            if (std::any_of(pop.units.begin(), pop.units.end(), [&](const unit& u) {
                    return u.district == district && std::find(d.kinds.begin(), d.kinds.end(), u.kind) != d.kinds.end();
                }))
                d.districts.push_back(district);
        if (!districts.empty() && d.districts.empty()) return;
        push(std::move(d));
    };
    auto by_role = [&](sv program, std::uint16_t role, bool mandatory, std::optional<day> deadline = std::nullopt) {
        demand d = entry(program, mandatory);
        for (std::uint32_t e = 0; e < pop.employees.size(); ++e)
            if (pop.employees[e].roles & role) d.employees.push_back(e);
        if (d.employees.empty()) return;
        d.deadline = deadline;
        pop.demands.push_back(std::move(d));
    };
    using K = unit_kind;
    constexpr bool pns = true, pppk = true, no = false, mandatory = true, elective = false;

    // Rivers and forests: district offices along the Batanghari river keep records
    // programmes, those in the plantation districts take the stunting programme.
    const std::vector<int> river{2, 5, 6, 7};     // Maro Sebo Ilir, Muara Bulian, Muara Tembesi, Pemayung
    const std::vector<int> inland{0, 1, 3, 4};    // Bajubang, Batin XXIV, Maro Sebo Ulu, Mersam

    // Every civil servant: the national Smart ASN webinar.
    {
        demand d = entry("webinar_smart_asn", elective);
        push(std::move(d));
    }
    // Offices.
    by_units("keuda", finance, pns, no, mandatory, ymd(y, 10, 31));
    by_units("perencanaan", {"bappeda"}, pns, no, mandatory, ymd(y, 7, 31));
    by_units("audit", {"inspektorat"}, pns, no, mandatory);
    by_units("merit", {"bkpsdmd"}, pns, no, mandatory);
    by_units("spbe", {"diskominfo"}, pns, no, mandatory);
    by_units("sakip", general_offices, pns, no, elective);
    by_kinds("ekinerja", {K::office, K::head_office}, pns, no, elective);
    by_units("kearsipan", records, pns, no, elective);
    by_units("pelayanan_prima", front_desk, pns, pppk, mandatory, ymd(y, 9, 30));
    by_units("webinar_talenta", leadership, pns, no, elective);
    by_kinds("berakhlak", {K::office, K::head_office, K::satpol_pp, K::fire_service}, no, pppk, mandatory,
             ymd(y, 6, 30));
    by_units("literasi_digital", pppk_literacy, no, pppk, elective);
    by_units("karhutla", {"bpbd"}, pns, no, mandatory, ymd(y, 6, 30));
    by_units("surveilans", {"dinkes"}, pns, no, mandatory);
    by_units("rapor_pendidikan", {"disdik"}, pns, no, mandatory);
    // Named people: treasurers, planners, procurement officers, IT operators, supervisors.
    by_role("sipd", role_treasurer, mandatory, ymd(y, 6, 30));
    by_role("perencanaan", role_planner, elective);
    by_role("pbj", role_procurement, mandatory, ymd(y, 9, 30));
    by_role("spbe", role_it, elective);
    by_role("pkp", role_supervisor, elective);
    // District offices.
    by_kinds("pelayanan_prima", {K::district_office, K::puskesmas}, pns, pppk, mandatory, ymd(y, 9, 30));
    by_kinds("kearsipan", {K::district_office}, pns, pppk, elective, std::nullopt, river);
    by_kinds("stunting", {K::district_office}, pns, pppk, elective, std::nullopt, inland);
    by_kinds("webinar_netralitas", {K::satpol_pp, K::fire_service}, pns, no, elective);
    by_units("webinar_netralitas", {"kesbangpol"}, pns, no, elective);
    // Schools.
    by_kinds("kurikulum_merdeka", {K::school}, pns, pppk, mandatory, ymd(y, 7, 17));
    by_kinds("diferensiasi", {K::school}, pns, no, elective);
    by_kinds("p5", {K::school}, no, pppk, elective);
    by_role("kepsek", role_principal, elective);
    // Hospital.
    by_kinds("patient_safety", {K::hospital}, pns, pppk, mandatory, ymd(y, 6, 30));
    by_kinds("ppi", {K::hospital}, pns, pppk, mandatory);
    by_role("btcls", role_emergency_nurse, elective);
    // Puskesmas.
    by_kinds("stunting", {K::puskesmas}, pns, pppk, elective);
    by_role("imunisasi", role_immunisation, elective, ymd(y, 7, 31));
    by_role("mtbs", role_child_health, elective);
    // Order and fire.
    by_kinds("karhutla", {K::fire_service}, pns, no, mandatory, ymd(y, 6, 30));
    by_kinds("tibum", {K::satpol_pp}, pns, no, mandatory);
}

/// Capacities of the fixed webinars: about 80% of those asked to attend
/// (not everyone can make a fixed date).
void size_webinars(builder& b) {
    population& pop = b.pop;
    int largest = 0;
    for (std::uint32_t pi = 0; pi < pop.programs.size(); ++pi) {
        program& p = pop.programs[pi];
        for (auto& m : p.modes) {
            if (m.fixed.empty()) continue;
            int asked = 0;
            for (const auto& d : pop.demands) {
                if (d.program != pi) continue;
                for (std::uint32_t e = 0; e < pop.employees.size(); ++e)
                    if (matches(pop, d, e)) ++asked;
            }
            const int cap = std::max(100, ((asked * 8 / 10) + 99) / 100 * 100);
            for (auto& f : m.fixed) f.capacity = cap;
            p.cohort_max = cap;
            largest = std::max(largest, cap);
        }
    }
    for (auto& pl : pop.platforms)
        if (pl.id == "webinar_nasional") pl.capacity = std::max(pl.capacity, largest);
}

}  // namespace

bool matches(const population& pop, const demand& d, std::uint32_t e) {
    const employee& emp = pop.employees[e];
    if (!d.employees.empty()) return std::binary_search(d.employees.begin(), d.employees.end(), e);
    if (emp.pppk ? !d.pppk : !d.pns) return false;
    const unit& u = pop.units[emp.unit];
    if (!d.units.empty() && std::find(d.units.begin(), d.units.end(), u.id) == d.units.end()) return false;
    if (!d.kinds.empty() && std::find(d.kinds.begin(), d.kinds.end(), u.kind) == d.kinds.end()) return false;
    if (!d.districts.empty() && std::find(d.districts.begin(), d.districts.end(), u.district) == d.districts.end())
        return false;
    return true;
}

void build_training(population& pop) {
    builder b{pop, rng(stream_seed(pop.opts.seed, stream_training)), {}, {}, {}, {}};
    if (pop.builtin_holidays) {
        const auto set = calendar::builtin_holidays(fmt::format("id-{}", pop.year));
        for (const auto& h : *set) b.holidays.insert(h.date);
    } else {
        for (const auto& [d, name] : pop.fixed_date_holidays) b.holidays.insert(d);
    }
    add_resources(b);
    check_shared_ids(pop);
    add_programs(b);
    add_shared_offers(b);
    add_demand(b);
    size_webinars(b);

    const int n = pop.opts.employees;
    pop.max_classroom_cohorts = std::max(3, static_cast<int>((50LL * n + 3600) / 7200));
    pop.max_cost = static_cast<long long>(pop.max_classroom_cohorts) * 10000000LL;
}

batanghari_summary summarize(const population& pop) {
    batanghari_summary s;
    s.employees = static_cast<int>(pop.employees.size());
    for (const auto& e : pop.employees) (e.pppk ? s.pppk : s.pns)++;
    s.units = static_cast<int>(pop.units.size());
    for (int k = 0; k < unit_kind_count; ++k) {
        int units = 0, staff = 0;
        for (const auto& u : pop.units)
            if (static_cast<int>(u.kind) == k) {
                ++units;
                staff += u.staff;
            }
        const char* name = to_string(static_cast<unit_kind>(k));
        s.units_by_kind.emplace_back(name, units);
        s.staff_by_kind.emplace_back(name, staff);
    }
    s.programs = static_cast<int>(pop.programs.size());
    s.demand_entries = static_cast<int>(pop.demands.size());
    std::vector<int> jp(pop.employees.size(), 0);
    for (const auto& d : pop.demands) {
        const int pjp = pop.programs[d.program].jp();
        if (!d.employees.empty()) {
            for (auto e : d.employees) jp[e] += pjp;
        } else {
            for (std::uint32_t e = 0; e < pop.employees.size(); ++e)
                if (matches(pop, d, e)) jp[e] += pjp;
        }
    }
    for (const auto& d : pop.demands) {
        if (!d.employees.empty()) {
            s.demand_items += static_cast<long long>(d.employees.size());
        } else {
            for (std::uint32_t e = 0; e < pop.employees.size(); ++e) s.demand_items += matches(pop, d, e) ? 1 : 0;
        }
    }
    for (std::size_t e = 0; e < jp.size(); ++e) {
        if (pop.employees[e].pppk) {
            s.demand_jp_pppk += jp[e];
            s.max_demand_jp_pppk = std::max(s.max_demand_jp_pppk, jp[e]);
        } else {
            s.demand_jp_pns += jp[e];
        }
    }
    s.venues = static_cast<int>(pop.venues.size());
    s.instructors = static_cast<int>(pop.instructors.size());
    s.platforms = static_cast<int>(pop.platforms.size());
    s.max_classroom_cohorts = pop.max_classroom_cohorts;
    return s;
}

}  // namespace jadwal::generate::detail
