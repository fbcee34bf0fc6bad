// A synthetic Provinsi Jambi as a national folder: the province, a ministry's regional
// offices, the regencies and cities of Jambi (then invented ones), each a Batanghari-shaped
// scenario of its own size, and nation.yaml with what they share.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <jadwal/generate/nation.hpp>
#include <jadwal/io/atomic_file.hpp>
#include <jadwal/model/error.hpp>
#include <set>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "emit.hpp"
#include "names.hpp"
#include "population.hpp"
#include "random.hpp"

namespace jadwal::generate {
namespace {

namespace fs = std::filesystem;
using sv = std::string_view;

enum stream : std::uint64_t {
    stream_names = 91,     ///< the invented agencies' names
    stream_sizes = 92,     ///< their sizes and distances, per index
    stream_trainers = 93,  ///< the province's trainers
};

struct agency_info {
    sv id, name, kind;
    int size;     ///< civil servants: plausible relative sizes, not official figures
    int minutes;  ///< by road to Kota Jambi, plausible rather than surveyed
};

constexpr agency_info province{"prov_jambi", "Provinsi Jambi", "province", 10500, 0};
constexpr agency_info ministry{"kanwil_kemenag_jambi", "Kantor Wilayah Kementerian Agama Provinsi Jambi", "ministry",
                               7000, 0};
// The regencies and cities of Jambi, in the order they are taken.
constexpr std::array<agency_info, 11> regencies{{
    {"kab_batanghari", "Kabupaten Batanghari", "regency", 7200, 90},
    {"kab_muaro_jambi", "Kabupaten Muaro Jambi", "regency", 6800, 40},
    {"kota_jambi", "Kota Jambi", "city", 9200, 0},
    {"kab_tanjung_jabung_barat", "Kabupaten Tanjung Jabung Barat", "regency", 6500, 150},
    {"kab_tanjung_jabung_timur", "Kabupaten Tanjung Jabung Timur", "regency", 5000, 120},
    {"kab_tebo", "Kabupaten Tebo", "regency", 6200, 240},
    {"kab_bungo", "Kabupaten Bungo", "regency", 6900, 270},
    {"kab_merangin", "Kabupaten Merangin", "regency", 8000, 300},
    {"kab_sarolangun", "Kabupaten Sarolangun", "regency", 6300, 220},
    {"kab_kerinci", "Kabupaten Kerinci", "regency", 7600, 420},
    {"kota_sungai_penuh", "Kota Sungai Penuh", "city", 3600, 430},
}};

// Invented regencies and cities beyond Jambi's: a Malay place word and a name.
constexpr std::array<sv, 20> place_words{"Sungai", "Muara", "Tanjung", "Pulau",  "Bukit", "Koto",     "Rantau",
                                         "Lubuk",  "Air",   "Teluk",   "Batang", "Danau", "Pematang", "Simpang",
                                         "Tebing", "Renah", "Talang",  "Ulak",   "Kuala", "Padang"};
constexpr std::array<sv, 30> place_names{
    "Gelam",   "Tabir",  "Limun",    "Manau",    "Pauh",    "Rasau",  "Emas",    "Mudo",   "Baru",    "Kapas",
    "Sekamis", "Rengas", "Beringin", "Seluang",  "Durian",  "Medang", "Tembesu", "Siulak", "Pelawan", "Serampas",
    "Lintang", "Bayung", "Nibung",   "Jelutung", "Meranti", "Salak",  "Panjang", "Petai",  "Kemang",  "Selasih"};
constexpr std::array<sv, 4> place_parts{"Ulu", "Ilir", "Tengah", "Raya"};

constexpr int max_agencies = 1000;
constexpr int max_employees = 10'000'000;
constexpr int hall_regencies = 3;     ///< regencies nearest the capital that share the hall
constexpr int trainer_regencies = 5;  ///< and the province's trainers
constexpr int platform_lanes_per_agency = 2;

std::string slug(sv text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    return out;
}

bool valid_id(sv id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

/// Splits `total` in proportion to `weights`, at least one each (total >= weights.size()):
/// largest remainders, ties to the earlier agency.
std::vector<int> apportion(int total, const std::vector<int>& weights) {
    const auto n = static_cast<int>(weights.size());
    const long long rest_total = total - n;
    long long sum = 0;
    for (int w : weights) sum += w;
    std::vector<int> out(weights.size(), 1);
    std::vector<std::pair<long long, std::size_t>> rest;
    long long given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const long long q = rest_total * weights[i];
        out[i] += static_cast<int>(q / sum);
        given += q / sum;
        rest.emplace_back(q % sum, i);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < rest_total; ++k, ++given) ++out[rest[k].second];
    return out;
}

/// The invented agencies' names, in a shuffled order fixed by the seed.
std::vector<std::string> invented_places(std::uint64_t seed, std::size_t count) {
    std::vector<std::string> base;
    for (auto w : place_words)
        for (auto n : place_names) base.push_back(fmt::format("{} {}", w, n));
    detail::rng r(detail::stream_seed(seed, stream_names));
    r.shuffle(base);
    std::vector<std::string> out;
    for (std::size_t round = 0; out.size() < count; ++round) {
        for (const auto& b : base) {
            if (out.size() == count) break;
            out.push_back(round == 0 ? b : fmt::format("{} {}", b, place_parts[(round - 1) % place_parts.size()]));
        }
    }
    return out;
}

std::vector<shared_trainer> province_trainers(std::uint64_t seed) {
    struct spec {
        std::vector<std::string> programs;
        detail::profession job;
        int days;
        long long cost;
    };
    // Leadership, finance, people and performance, public service and digital government.
    const std::array<spec, 4> specs{{
        {{"pkp", "kepsek"}, detail::profession::administrator, 8, 500000},
        {{"keuda", "pbj", "audit"}, detail::profession::administrator, 8, 500000},
        {{"merit", "perencanaan", "sakip"}, detail::profession::administrator, 10, 450000},
        {{"spbe", "pelayanan_prima", "kearsipan"}, detail::profession::administrator, 10, 450000},
    }};
    detail::rng r(detail::stream_seed(seed, stream_trainers));
    std::vector<shared_trainer> out;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        shared_trainer t;
        t.id = fmt::format("wi_bpsdm_{:02}", i + 1);
        t.name = detail::trainer_name(r, r.chance(400), specs[i].job);
        t.programs = specs[i].programs;
        t.max_days_per_month = specs[i].days;
        t.cost_per_hour = specs[i].cost;
        out.push_back(std::move(t));
    }
    return out;
}

void check_options(const nation_options& o) {
    if (o.agencies < 1 || o.agencies > max_agencies)
        throw error(errc::invalid_argument, fmt::format("agencies must be within 1..{}", max_agencies));
    if (o.employees < o.agencies || o.employees > max_employees)
        throw error(errc::invalid_argument, 
            fmt::format("employees must be at least the number of agencies and at most {}", max_employees));
    if (o.year < 2000 || o.year > 2100) throw error(errc::invalid_argument, "year must be within 2000..2100");
    if (o.csv_threshold < 0) throw error(errc::invalid_argument, "csv_threshold must not be negative");
}

batanghari_options agency_options(const nation_summary& n, std::size_t index) {
    const nation_agency& a = n.agencies[index];
    batanghari_options o;
    o.employees = a.employees;
    o.seed = a.seed;
    o.year = n.options.year;
    o.csv_threshold = n.options.csv_threshold;
    o.locale = n.options.locale;
    // Planned unattended across a cluster: the policy that offers every mode, not the
    // first one (classroom only), which leaves the national webinars out.
    o.default_policy = "flexible";
    o.agency = a.name;
    // NIPs unique over the nation: each agency its own sequence numbers (up to 999 agencies).
    o.nip_stride = std::min(static_cast<int>(n.agencies.size()), 999);
    o.nip_offset = static_cast<int>(index) % o.nip_stride;
    constexpr sv regency = "Kabupaten ";
    o.place = a.name.starts_with(regency) ? a.name.substr(regency.size()) : a.name;
    o.hospital = "RSUD " + o.place;
    if (a.kind == "province") {
        o.hr_office = "BPSDM Provinsi Jambi";
        o.hospital = "RSUD Raden Mattaher";  // the province's hospital in Kota Jambi
    } else if (a.kind == "ministry") {
        o.hr_office = "Kanwil Kementerian Agama Provinsi Jambi";
        o.place = "Jambi";
        o.hospital = "Rumah Sakit Pratama Jambi";  // invented, as the ministry's units are
        o.regional_holiday = std::string();        // a regional office keeps the national holidays only
    } else {
        o.hr_office = "BKPSDMD " + a.name;
    }
    if (a.id == "kab_batanghari") o.hospital = "RSUD Hamba";
    if (a.id == "kota_jambi") o.hospital = "RSUD H. Abdul Manap";
    o.shared.provincial_hall = a.shares_hall;
    o.shared.platform = n.platform;
    o.shared.platform_name = "Zoom BPSDM Provinsi Jambi";
    o.shared.platform_concurrent = n.platform_concurrent_per_agency;
    o.shared.platform_programs = {"pbj", "sakip", "pelayanan_prima", "kurikulum_merdeka"};
    if (a.shares_trainers) o.shared.trainers = n.trainers;
    return o;
}

/// Adds the fixed sessions of one agency's programmes and the people asked to attend them.
void count_sessions(nation_summary& n, const detail::population& pop) {
    for (std::uint32_t pi = 0; pi < pop.programs.size(); ++pi) {
        const auto& p = pop.programs[pi];
        long long asked = -1;
        for (const auto& m : p.modes)
            for (const auto& f : m.fixed) {
                if (asked < 0) {
                    asked = 0;
                    for (const auto& d : pop.demands) {
                        if (d.program != pi) continue;
                        for (std::uint32_t e = 0; e < pop.employees.size(); ++e)
                            if (detail::matches(pop, d, e)) ++asked;
                    }
                }
                const std::string start = detail::format_day(f.date) + "T" + f.time.substr(0, f.time.find('-'));
                auto it = std::find_if(n.sessions.begin(), n.sessions.end(), [&](const nation_session& s) {
                    return s.program == p.id && s.module == f.module && s.start == start;
                });
                if (it == n.sessions.end()) {
                    n.sessions.push_back({p.id, f.module, start, 0, 0});
                    it = std::prev(n.sessions.end());
                }
                it->demand += asked;
            }
    }
}

void seat_sessions(nation_summary& n) {
    // Three quarters of those asked, rounded up: enough that coordination, not the total,
    // decides who is seated. Sessions nobody is asked to attend are not shared.
    std::erase_if(n.sessions, [](const nation_session& s) { return s.demand == 0; });
    for (auto& s : n.sessions) s.seats = static_cast<int>((3 * s.demand + 3) / 4);
}

/// Builds each agency's population in turn, hands it to `use`, and completes the sessions.
template <class Use>
nation_summary generate_all(const nation_options& opts, Use use) {
    nation_summary n = plan_nation(opts);
    for (std::size_t i = 0; i < n.agencies.size(); ++i) {
        auto& a = n.agencies[i];
        const auto pop = detail::build_population(agency_options(n, i));
        a.summary = detail::summarize(pop);
        count_sessions(n, pop);
        use(a, pop);
    }
    seat_sessions(n);
    return n;
}

std::vector<std::string> listed_agencies(const fs::path& nation_file) {
    std::vector<std::string> ids;
    try {
        const YAML::Node root = YAML::LoadFile(nation_file.string());
        for (const auto& a : root["agencies"]) {
            const auto id = a["id"].as<std::string>();
            if (valid_id(id)) ids.push_back(id);
        }
    } catch (const YAML::Exception&) {
        // Not readable as we wrote it: nothing of it is removed.
    }
    return ids;
}

bool is_regular(const fs::path& p) {
    std::error_code ec;
    return fs::symlink_status(p, ec).type() == fs::file_type::regular;
}

void remove_ours(const fs::path& p) {
    std::error_code ec;
    if (is_regular(p)) fs::remove(p, ec);
}

}  // namespace

nation_summary plan_nation(const nation_options& opts) {
    check_options(opts);
    nation_summary n;
    n.name = "Provinsi Jambi";
    n.options = opts;
    const int count = opts.agencies;

    std::vector<agency_info> real{province};
    if (count >= 3) real.push_back(ministry);
    for (const auto& r : regencies) real.push_back(r);

    const auto invented =
        invented_places(opts.seed, static_cast<std::size_t>(std::max(0, count - static_cast<int>(real.size()))));
    std::set<std::string> ids;
    std::vector<int> weights;
    for (int i = 0; i < count; ++i) {
        nation_agency a;
        if (i < static_cast<int>(real.size())) {
            const auto& r = real[static_cast<std::size_t>(i)];
            a.id = std::string(r.id);
            a.name = std::string(r.name);
            a.kind = std::string(r.kind);
            a.minutes_to_capital = r.minutes;
            weights.push_back(r.size);
        } else {
            detail::rng r(detail::stream_seed(opts.seed, stream_sizes, static_cast<std::uint64_t>(i)));
            const bool city = r.chance(180);
            const auto& place = invented[static_cast<std::size_t>(i) - real.size()];
            a.kind = city ? "city" : "regency";
            a.name = (city ? "Kota " : "Kabupaten ") + place;
            a.id = (city ? "kota_" : "kab_") + slug(place);
            // Regencies of 3-15k (most near 9k), cities of 3-9k.
            weights.push_back(city ? r.between(3000, 9000) : 3000 + r.between(0, 6000) + r.between(0, 6000));
            a.minutes_to_capital = r.between(45, 600);
        }
        if (!ids.insert(a.id).second) throw std::logic_error("two agencies with the id " + a.id);
        // Readable in the scenario's name ("seed 4003": the nation's seed 4, agency 3) and unique
        // within the nation, as there are at most 1000 agencies.
        a.seed = opts.seed * max_agencies + static_cast<std::uint64_t>(i) + 1;
        a.scenario = "agencies/" + a.id + "/scenario.yaml";
        n.agencies.push_back(std::move(a));
    }
    const auto sizes = apportion(opts.employees, weights);
    for (std::size_t i = 0; i < n.agencies.size(); ++i) n.agencies[i].employees = sizes[i];

    // The province's hall and trainers: the province itself and the regencies and cities
    // nearest Kota Jambi (within two and a half hours for trainers, two for the hall).
    std::vector<std::size_t> near;
    for (std::size_t i = 0; i < n.agencies.size(); ++i)
        if (n.agencies[i].kind == "regency" || n.agencies[i].kind == "city") near.push_back(i);
    std::stable_sort(near.begin(), near.end(), [&](std::size_t a, std::size_t b) {
        return n.agencies[a].minutes_to_capital < n.agencies[b].minutes_to_capital;
    });
    n.agencies[0].shares_hall = true;
    n.agencies[0].shares_trainers = true;
    int halls = 0, trainers = 0;
    for (auto i : near) {
        auto& a = n.agencies[i];
        if (halls < hall_regencies && a.minutes_to_capital <= 120) {
            a.shares_hall = true;
            ++halls;
        }
        if (trainers < trainer_regencies && a.minutes_to_capital <= 150) {
            a.shares_trainers = true;
            ++trainers;
        }
    }
    n.hall = "bpsdm_jambi";
    n.trainers = province_trainers(opts.seed);
    n.platform = "zoom_bpsdm_provinsi";
    n.platform_concurrent_per_agency = platform_lanes_per_agency;
    // About one lane for every one and a half agencies: fewer than they have between them.
    n.platform_concurrent = std::max(1, (2 * count + 2) / 3);
    return n;
}

nation_summary summarize_nation(const nation_options& opts) {
    return generate_all(opts, [](const nation_agency&, const detail::population&) {});
}

std::string nation_yaml(const nation_summary& n) {
    const auto& o = n.options;
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Comment(
        fmt::format("{} agencies, {} employees, year {}, seed {}. Every person and number in the agencies'\n"
                    "scenarios is invented; sizes are plausible for the agencies named, scaled to the total.",
                    n.agencies.size(), o.employees, o.year, o.seed));
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << n.name;
    if (o.locale) out << YAML::Key << "locale" << YAML::Value << std::string(text::code(*o.locale));
    out << YAML::Key << "agencies" << YAML::Value << YAML::BeginSeq;
    for (const auto& a : n.agencies) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << a.id;
        out << YAML::Key << "name" << YAML::Value << a.name;
        out << YAML::Key << "kind" << YAML::Value << a.kind;
        out << YAML::Key << "scenario" << YAML::Value << a.scenario;
        out << YAML::EndMap;
        out << YAML::Comment(fmt::format("{} employees", a.employees));
    }
    out << YAML::EndSeq;

    auto agencies_with = [&](bool nation_agency::*flag) {
        out << YAML::Key << "agencies" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto& a : n.agencies)
            if (a.*flag) out << a.id;
        out << YAML::EndSeq;
    };
    out << YAML::Key << "shared" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "sessions" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : n.sessions) {
        out << YAML::BeginMap;
        out << YAML::Key << "program" << YAML::Value << s.program;
        out << YAML::Key << "module" << YAML::Value << s.module;
        out << YAML::Key << "start" << YAML::Value << YAML::DoubleQuoted << s.start;
        out << YAML::Key << "seats" << YAML::Value << s.seats;
        out << YAML::EndMap;
        out << YAML::Comment(fmt::format("{} asked to attend", s.demand));
    }
    out << YAML::EndSeq;
    out << YAML::Key << "platforms" << YAML::Value << YAML::BeginSeq;
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << n.platform;
    out << YAML::Key << "concurrent" << YAML::Value << n.platform_concurrent;
    out << YAML::EndMap;
    out << YAML::EndSeq;
    out << YAML::Key << "instructors" << YAML::Value << YAML::BeginSeq;
    for (const auto& t : n.trainers) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << t.id;
        agencies_with(&nation_agency::shares_trainers);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "venues" << YAML::Value << YAML::BeginSeq;
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << n.hall;
    agencies_with(&nation_agency::shares_hall);
    out << YAML::EndMap;
    out << YAML::EndSeq;
    out << YAML::EndMap;  // shared
    out << YAML::EndMap;
    if (!out.good()) throw std::logic_error("YAML emitter: " + out.GetLastError());
    std::string text = std::string(nation_yaml_marker) + "\n";
    text.append(out.c_str(), out.size());
    text += '\n';
    return text;
}

std::string nation_yaml(const nation_options& opts) {
    return nation_yaml(summarize_nation(opts));
}

nation_folder inspect_nation_folder(const fs::path& dir) {
    std::error_code ec;
    const auto st = fs::symlink_status(dir, ec);
    if (st.type() == fs::file_type::not_found) return nation_folder::absent;
    if (st.type() != fs::file_type::directory) return nation_folder::in_use;
    if (fs::is_empty(dir, ec) && !ec) return nation_folder::absent;
    const fs::path file = dir / "nation.yaml";
    if (!is_regular(file)) return nation_folder::in_use;
    std::ifstream in(file, std::ios::binary);
    std::string first;
    if (!in || !std::getline(in, first)) return nation_folder::in_use;
    return first == nation_yaml_marker ? nation_folder::generated : nation_folder::in_use;
}

nation_summary write_nation(const fs::path& dir, const nation_options& opts) {
    check_options(opts);
    const auto state = inspect_nation_folder(dir);
    if (state == nation_folder::in_use)
        throw error(errc::invalid_argument,
                    fmt::format("{} is not empty and holds no nation written by jadwal generate nation", dir.string()));
    const std::vector<std::string> before =
        state == nation_folder::generated ? listed_agencies(dir / "nation.yaml") : std::vector<std::string>{};

    auto mkdir = [](const fs::path& p) {
        std::error_code ec;
        // A link where the folders go could send the files anywhere: refused, never followed.
        if (fs::symlink_status(p, ec).type() == fs::file_type::symlink)
            throw error(errc::io, fmt::format("{} is a link; jadwal does not write through links", p.string()));
        fs::create_directories(p, ec);
        if (ec) throw error(errc::io, fmt::format("cannot create {}: {}", p.string(), ec.message()));
    };
    mkdir(dir);
    nation_summary n = generate_all(opts, [&](const nation_agency& a, const detail::population& pop) {
        const fs::path folder = dir / "agencies" / a.id;
        mkdir(dir / "agencies");
        mkdir(folder);
        const auto files = detail::write_scenario(folder / "scenario.yaml", pop);
        // A CSV from a larger run before would lie next to a scenario that no longer reads it.
        if (files.employees.empty() && state == nation_folder::generated)
            remove_ours(employees_csv_path(files.scenario));
    });
    io::write_file_atomically(dir / "nation.yaml", nation_yaml(n));

    // Agencies of the previous nation that this one does not have: only the files we wrote.
    std::set<std::string> now;
    for (const auto& a : n.agencies) now.insert(a.id);
    for (const auto& id : before) {
        if (now.contains(id)) continue;
        const fs::path folder = dir / "agencies" / id;
        std::error_code ec;
        if (fs::symlink_status(folder, ec).type() != fs::file_type::directory) continue;
        remove_ours(folder / "scenario.yaml");
        remove_ours(employees_csv_path(folder / "scenario.yaml"));
        fs::remove(folder, ec);  // only when nothing else is left in it
    }
    return n;
}

}  // namespace jadwal::generate
