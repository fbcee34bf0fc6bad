// `jadwal generate nation`: the national folder (docs/scale.md) of agency scenarios and
// nation.yaml, and the options it adds to the Batanghari generator.
#include <date/date.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/generate/nation.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/model/error.hpp>
#include <map>
#include <set>

#include "../support/cli.hpp"
#include "support.hpp"
#include "../support/error_code.hpp"

using namespace jadwal;
using generate::test::read_file;
using generate::test::temp_dir;
namespace fs = std::filesystem;

namespace {

generate::nation_options nation(int agencies, int employees, std::uint64_t seed = 4) {
    generate::nation_options o;
    o.agencies = agencies;
    o.employees = employees;
    o.seed = seed;
    return o;
}

/// Every file under `dir`, by relative path, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
    return out;
}

std::set<std::string> agency_folders(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir / "agencies"))
        if (e.is_directory()) out.insert(e.path().filename().string());
    return out;
}

std::vector<std::string> strings(const YAML::Node& n) {
    std::vector<std::string> out;
    for (const auto& s : n) out.push_back(s.as<std::string>());
    return out;
}

template <class Items>
bool has_id(const Items& items, const std::string& id) {
    return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.id == id; });
}

/// A written nation of five agencies (the province, the ministry, Batanghari, Muaro Jambi and
/// Kota Jambi), loaded once for the tests that read it.
struct small_nation {
    temp_dir dir;
    generate::nation_summary summary;
    YAML::Node yaml;
    std::map<std::string, load::load_result> loaded;

    small_nation() {
        summary = generate::write_nation(dir.path(), nation(5, 1500));
        yaml = YAML::LoadFile((dir.path() / "nation.yaml").string());
        for (const auto& a : yaml["agencies"])
            loaded.emplace(a["id"].as<std::string>(),
                           load::load_scenario_file(dir.path() / a["scenario"].as<std::string>()));
    }
};

const small_nation& the_small_nation() {
    static const small_nation n;
    return n;
}

/// 64-bit FNV-1a: a fingerprint that is the same on every compiler.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace

TEST_CASE("a nation is the same bytes for the same options and different for another seed", "[generate][nation]") {
    temp_dir a, b, c;
    generate::write_nation(a.path(), nation(4, 1800, 9));
    generate::write_nation(b.path(), nation(4, 1800, 9));
    generate::write_nation(c.path(), nation(4, 1800, 10));
    const auto fa = files_under(a.path());
    const auto fb = files_under(b.path());
    REQUIRE(fa.size() == 6);  // nation.yaml, four scenarios, the province's employees CSV (>= 500)
    CHECK(fa == fb);
    CHECK(fa.contains("agencies/prov_jambi/scenario.employees.csv"));
    const auto fc = files_under(c.path());
    CHECK(fc.at("agencies/kab_batanghari/scenario.yaml") != fa.at("agencies/kab_batanghari/scenario.yaml"));
    // nation_yaml gives the text write_nation writes.
    CHECK(generate::nation_yaml(nation(4, 1800, 9)) == fa.at("nation.yaml"));
}

TEST_CASE("agency sizes add up to exactly the employees asked for", "[generate][nation]") {
    const auto [agencies, employees] =
        GENERATE(table<int, int>({{1, 1}, {2, 5}, {3, 900}, {13, 60000}, {14, 14}, {40, 123457}, {500, 4'300'000}}));
    CAPTURE(agencies, employees);
    const auto n = generate::plan_nation(nation(agencies, employees));
    REQUIRE(n.agencies.size() == static_cast<std::size_t>(agencies));
    long long total = 0;
    for (const auto& a : n.agencies) {
        CHECK(a.employees >= 1);
        total += a.employees;
    }
    CHECK(total == employees);
}

TEST_CASE("at national scale regencies and cities have 3 to 15 thousand civil servants, of varied sizes",
          "[generate][nation]") {
    const auto n = generate::plan_nation(nation(500, 4'300'000));
    int smallest = 1 << 30, largest = 0;
    for (const auto& a : n.agencies) {
        if (a.kind != "regency" && a.kind != "city") continue;
        smallest = std::min(smallest, a.employees);
        largest = std::max(largest, a.employees);
    }
    // Weights of 3,000-15,000 scaled by about 0.9 to reach 4.3 million over 500 agencies.
    CHECK(smallest >= 2500);
    CHECK(largest <= 16000);
    CHECK(largest - smallest > 8000);
}

TEST_CASE("a nation has the province first, a ministry from three agencies on, then regencies and cities",
          "[generate][nation]") {
    SECTION("three agencies") {
        const auto n = generate::plan_nation(nation(3, 900));
        REQUIRE(n.agencies.size() == 3);
        CHECK(n.agencies[0].id == "prov_jambi");
        CHECK(n.agencies[0].kind == "province");
        CHECK(n.agencies[1].kind == "ministry");
        CHECK(n.agencies[2].id == "kab_batanghari");
        CHECK(n.agencies[2].kind == "regency");
    }
    SECTION("two agencies: no ministry") {
        const auto n = generate::plan_nation(nation(2, 10));
        CHECK(n.agencies[0].kind == "province");
        CHECK(n.agencies[1].kind == "regency");
    }
    SECTION("Jambi's regencies and cities first, then invented ones with unique ids") {
        const auto n = generate::plan_nation(nation(60, 60000));
        std::map<std::string, int> kinds;
        std::set<std::string> ids, names;
        for (const auto& a : n.agencies) {
            ++kinds[a.kind];
            CHECK(ids.insert(a.id).second);
            CHECK(names.insert(a.name).second);
            CHECK_FALSE(a.id.empty());
            CHECK(std::all_of(a.id.begin(), a.id.end(),
                              [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }));
            CHECK(a.scenario == "agencies/" + a.id + "/scenario.yaml");
        }
        CHECK(kinds["province"] == 1);
        CHECK(kinds["ministry"] == 1);
        CHECK(kinds["city"] >= 3);  // Kota Jambi, Kota Sungai Penuh and some invented ones
        CHECK(kinds["regency"] >= 40);
        CHECK(n.agencies[4].name == "Kota Jambi");
        CHECK(n.agencies[12].name == "Kota Sungai Penuh");
        CHECK(n.agencies[13].name.find("Jambi") == std::string::npos);
    }
}

TEST_CASE("nation.yaml parses and lists every agency folder", "[generate][nation]") {
    const auto& n = the_small_nation();
    CHECK(read_file(n.dir.path() / "nation.yaml").rfind(generate::nation_yaml_marker, 0) == 0);
    CHECK(n.yaml["name"].as<std::string>() == "Provinsi Jambi");
    std::set<std::string> listed;
    for (const auto& a : n.yaml["agencies"]) {
        const auto id = a["id"].as<std::string>();
        listed.insert(id);
        CHECK(a["scenario"].as<std::string>() == "agencies/" + id + "/scenario.yaml");
        CHECK(fs::is_regular_file(n.dir.path() / a["scenario"].as<std::string>()));
        CHECK_FALSE(a["name"].as<std::string>().empty());
        const auto kind = a["kind"].as<std::string>();
        CHECK((kind == "province" || kind == "ministry" || kind == "regency" || kind == "city"));
    }
    CHECK(listed.size() == 5);
    CHECK(listed == agency_folders(n.dir.path()));
}

TEST_CASE("every agency of a nation loads without errors and says which agency it is", "[generate][nation]") {
    const auto& n = the_small_nation();
    REQUIRE(n.loaded.size() == 5);
    for (const auto& a : n.summary.agencies) {
        const auto& r = n.loaded.at(a.id);
        std::string errors;
        for (const auto& d : r.diags.items())
            if (d.level == load::severity::error) errors += load::format(d) + "\n";
        INFO(a.id << "\n" << errors);
        CHECK(r.diags.error_count() == 0);
        REQUIRE(r.scenario.has_value());
        CHECK(r.scenario->employees.size() == static_cast<std::size_t>(a.employees));
        CHECK(r.scenario->name.rfind(a.name + " 2026 (synthetic", 0) == 0);
        CHECK(static_cast<long long>(r.scenario->demand.size()) == a.summary.demand_items);
    }
}

TEST_CASE("every shared id is declared in each agency nation.yaml lists for it, and only there", "[generate][nation]") {
    const auto& n = the_small_nation();
    const auto& shared = n.yaml["shared"];
    std::vector<std::string> all;
    for (const auto& a : n.yaml["agencies"]) all.push_back(a["id"].as<std::string>());
    auto listed_or_all = [&](const YAML::Node& entry) { return entry["agencies"] ? strings(entry["agencies"]) : all; };

    SECTION("instructors") {
        REQUIRE(shared["instructors"].size() >= 3);
        for (const auto& entry : shared["instructors"]) {
            const auto id = entry["id"].as<std::string>();
            const auto users = listed_or_all(entry);
            CHECK(std::find(users.begin(), users.end(), "prov_jambi") != users.end());
            CHECK(users.size() < all.size());  // the far ones and the ministry do without
            std::set<std::string> names;
            for (const auto& agency : all) {
                const auto& sc = *n.loaded.at(agency).scenario;
                const bool uses = std::find(users.begin(), users.end(), agency) != users.end();
                CAPTURE(id, agency);
                CHECK(has_id(sc.instructors, id) == uses);
                if (!uses) continue;
                for (const auto& i : sc.instructors)
                    if (i.id == id) names.insert(i.name);
                // Some programme may ask for them.
                const auto taught = std::any_of(sc.programs.begin(), sc.programs.end(), [&](const model::program& p) {
                    return std::any_of(p.instructors.begin(), p.instructors.end(),
                                       [&](model::instructor_index k) { return sc.instructors[k.value].id == id; });
                });
                CHECK(taught);
            }
            CHECK(names.size() == 1);  // one person, one name everywhere
        }
    }
    SECTION("venues") {
        REQUIRE(shared["venues"].size() == 1);
        const auto& entry = shared["venues"][0];
        const auto users = listed_or_all(entry);
        CHECK(entry["id"].as<std::string>() == "bpsdm_jambi");
        CHECK(users.size() >= 2);
        for (const auto& agency : all) {
            const bool uses = std::find(users.begin(), users.end(), agency) != users.end();
            CAPTURE(agency);
            CHECK(has_id(n.loaded.at(agency).scenario->venues, "bpsdm_jambi") == uses);
        }
    }
    SECTION("platforms") {
        REQUIRE(shared["platforms"].size() == 1);
        const auto& entry = shared["platforms"][0];
        const auto id = entry["id"].as<std::string>();
        int lanes = 0;
        for (const auto& agency : listed_or_all(entry)) {
            const auto& sc = *n.loaded.at(agency).scenario;
            CAPTURE(agency);
            REQUIRE(has_id(sc.platforms, id));
            for (const auto& p : sc.platforms)
                if (p.id == id) lanes += p.concurrent;
            // Offered as a live online mode of some programmes.
            int offered = 0;
            for (const auto& p : sc.programs)
                for (const auto& m : p.modes)
                    if (m.mode == model::delivery_mode::online_live && m.platform.valid() &&
                        sc.platforms[m.platform.value].id == id)
                        ++offered;
            CHECK(offered >= 3);
        }
        // Fewer lanes for the province than the agencies have between them: coordination matters.
        CHECK(entry["concurrent"].as<int>() >= 1);
        CHECK(entry["concurrent"].as<int>() < lanes);
    }
    SECTION("sessions: every agency has the fixed session, with about three quarters of the demand as seats") {
        REQUIRE(shared["sessions"].size() >= 1);
        for (const auto& entry : shared["sessions"]) {
            const auto program = entry["program"].as<std::string>();
            const auto start = entry["start"].as<std::string>();
            long long demand = 0;
            for (const auto& agency : all) {
                const auto& sc = *n.loaded.at(agency).scenario;
                CAPTURE(program, start, agency);
                const auto p = std::find_if(sc.programs.begin(), sc.programs.end(),
                                            [&](const model::program& x) { return x.id == program; });
                REQUIRE(p != sc.programs.end());
                bool found = false;
                for (const auto& m : p->modes)
                    for (const auto& f : m.fixed)
                        found = found || (p->modules[f.module].id == entry["module"].as<std::string>() &&
                                          date::format("%FT%R", f.start) == start);
                CHECK(found);
                const auto pi = static_cast<std::uint32_t>(p - sc.programs.begin());
                demand += std::count_if(sc.demand.begin(), sc.demand.end(),
                                        [&](const model::demand_item& d) { return d.program.value == pi; });
            }
            const int seats = entry["seats"].as<int>();
            CHECK(seats == (3 * demand + 3) / 4);
            CHECK(seats < demand);
        }
    }
}

TEST_CASE("no two civil servants of a nation share a NIP", "[generate][nation]") {
    const auto& n = the_small_nation();
    std::set<std::string> nips;
    std::size_t people = 0;
    for (const auto& [id, r] : n.loaded) {
        for (const auto& e : r.scenario->employees) {
            CAPTURE(id, e.id);
            CHECK(e.id.size() == 18);
            // The last three digits are this agency's sequence numbers: 1 + position, step 5.
            const int seq = std::stoi(e.id.substr(15));
            const auto at = std::find_if(n.summary.agencies.begin(), n.summary.agencies.end(),
                                         [&](const generate::nation_agency& a) { return a.id == id; }) -
                            n.summary.agencies.begin();
            CHECK((seq - 1) % 5 == at);
            nips.insert(e.id);
            ++people;
        }
    }
    CHECK(people == 1500);
    CHECK(nips.size() == people);
}

TEST_CASE("NIP sequence options out of range are refused", "[generate][nation]") {
    generate::batanghari_options o;
    o.employees = 20;
    o.nip_stride = 3;
    o.nip_offset = 3;
    CHECK(jadwal::test::error_code_of([&] { (void)generate::batanghari_yaml(o); }) == jadwal::errc::invalid_argument);
    o.nip_stride = 1000;
    o.nip_offset = 0;
    CHECK(jadwal::test::error_code_of([&] { (void)generate::batanghari_yaml(o); }) == jadwal::errc::invalid_argument);
}

TEST_CASE("the agency options leave the Batanghari example's bytes as they always were", "[generate][nation]") {
    // Fingerprints of `jadwal generate batanghari` output written before the nation's
    // options existed: the bundled example and the tests depend on these bytes.
    generate::batanghari_options small;
    small.employees = 300;
    small.seed = 3;
    CHECK(fnv1a(generate::batanghari_yaml(small)) == 0x0ff124375d81105cULL);
    generate::batanghari_options other_year;
    other_year.employees = 12;
    other_year.seed = 9;
    other_year.year = 2030;
    CHECK(fnv1a(generate::batanghari_yaml(other_year)) == 0xff247cd6dd5ea732ULL);
}

TEST_CASE("an agency's own name, organiser and shared resources go into its scenario", "[generate][nation]") {
    generate::batanghari_options o;
    o.employees = 200;
    o.agency = "Kabupaten Tebo";
    o.hr_office = "BKPSDMD Kabupaten Tebo";
    o.place = "Tebo";
    o.hospital = "RSUD Sultan Thaha Saifuddin";
    o.shared.provincial_hall = false;
    o.shared.platform = "zoom_prov";
    o.shared.platform_name = "Zoom Provinsi";
    o.shared.platform_concurrent = 3;
    o.shared.platform_programs = {"pbj", "sakip"};
    o.shared.trainers = {{"wi_prov_01", "Dr. Ayu Lestari, M.Si.", {"pkp", "keuda"}, 6, 500000}};
    const auto yaml = generate::batanghari_yaml(o);
    const auto r = load::load_scenario_text(yaml, "tebo.yaml");
    REQUIRE(r.diags.error_count() == 0);
    const auto& sc = *r.scenario;
    CHECK(sc.name.rfind("Kabupaten Tebo 2026 (synthetic, 200 ASN", 0) == 0);
    CHECK(yaml.find("Hari Jadi Kabupaten Tebo") != std::string::npos);
    CHECK(yaml.find("Batanghari") == std::string::npos);  // shared with the example: no word of it here
    CHECK(yaml.find("Hamba") == std::string::npos);
    CHECK(yaml.find("SMP Negeri 1 Tebo") != std::string::npos);
    CHECK(yaml.find("RSUD Sultan Thaha Saifuddin - ") != std::string::npos);
    CHECK_FALSE(has_id(sc.venues, "bpsdm_jambi"));
    REQUIRE(has_id(sc.platforms, "zoom_prov"));
    REQUIRE(has_id(sc.instructors, "wi_prov_01"));
    for (const auto& p : sc.programs) {
        CAPTURE(p.id);
        if (p.id == "pkp" || p.id == "keuda") {
            CHECK(std::any_of(p.instructors.begin(), p.instructors.end(),
                              [&](model::instructor_index k) { return sc.instructors[k.value].id == "wi_prov_01"; }));
        }
        if (p.id == "pbj" || p.id == "sakip") {
            CHECK(std::any_of(p.modes.begin(), p.modes.end(), [&](const model::mode_offer& m) {
                return m.platform.valid() && sc.platforms[m.platform.value].id == "zoom_prov";
            }));
        }
        if (p.id != "pkp" && p.id != "keuda") CHECK(p.organizer != "BKPSDMD Kabupaten Batanghari");
    }
}

TEST_CASE("shared resources naming an unknown programme or an id already used are refused", "[generate][nation]") {
    generate::batanghari_options o;
    o.employees = 50;
    SECTION("unknown programme") {
        o.shared.trainers = {{"wi_prov_01", "Ayu", {"no_such_programme"}, 6, 500000}};
        CHECK(jadwal::test::error_code_of([&] { (void)generate::batanghari_yaml(o); }) ==
              jadwal::errc::invalid_argument);
    }
    SECTION("a platform id the generator already uses") {
        o.shared.platform = "zoom_bkpsdmd";
        o.shared.platform_programs = {"pbj"};
        CHECK(jadwal::test::error_code_of([&] { (void)generate::batanghari_yaml(o); }) ==
              jadwal::errc::invalid_argument);
    }
    SECTION("a trainer id the generator already uses") {
        o.shared.trainers = {{"wi_01", "Ayu", {"pbj"}, 6, 500000}};
        CHECK(jadwal::test::error_code_of([&] { (void)generate::batanghari_yaml(o); }) ==
              jadwal::errc::invalid_argument);
    }
}

TEST_CASE("nation options out of range are refused", "[generate][nation]") {
    CHECK(jadwal::test::error_code_of([&] { (void)generate::plan_nation(nation(0, 10)); }) ==
          jadwal::errc::invalid_argument);
    CHECK(jadwal::test::error_code_of([&] { (void)generate::plan_nation(nation(1001, 100000)); }) ==
          jadwal::errc::invalid_argument);
    CHECK(jadwal::test::error_code_of([&] { (void)generate::plan_nation(nation(5, 4)); }) ==
          jadwal::errc::invalid_argument);
    auto bad_year = nation(3, 30);
    bad_year.year = 1999;
    CHECK(jadwal::test::error_code_of([&] { (void)generate::plan_nation(bad_year); }) ==
          jadwal::errc::invalid_argument);
}

TEST_CASE("write_nation refuses a folder in use and leaves its files", "[generate][nation]") {
    temp_dir dir;
    const auto notes = dir.path() / "notes.txt";
    std::ofstream(notes) << "mine";
    CHECK(generate::inspect_nation_folder(dir.path()) == generate::nation_folder::in_use);
    try {
        generate::write_nation(dir.path(), nation(3, 30));
        FAIL("write_nation wrote into a folder in use");
    } catch (const jadwal::error& e) {
        CHECK(e.code() == errc::invalid_argument);
    }
    CHECK(read_file(notes) == "mine");
    CHECK_FALSE(fs::exists(dir.path() / "nation.yaml"));
    CHECK_FALSE(fs::exists(dir.path() / "agencies"));

    SECTION("a nation.yaml that jadwal did not write is in use too") {
        fs::remove(notes);
        std::ofstream(dir.path() / "nation.yaml") << "name: Mine\n";
        CHECK(generate::inspect_nation_folder(dir.path()) == generate::nation_folder::in_use);
        CHECK_THROWS_AS(generate::write_nation(dir.path(), nation(3, 30)), jadwal::error);
        CHECK(read_file(dir.path() / "nation.yaml") == "name: Mine\n");
    }
}

TEST_CASE("writing over a generated nation removes only the files it wrote that are no longer listed",
          "[generate][nation]") {
    temp_dir dir;
    const auto root = dir.path() / "jambi";
    CHECK(generate::inspect_nation_folder(root) == generate::nation_folder::absent);
    generate::write_nation(root, nation(6, 3000));
    CHECK(generate::inspect_nation_folder(root) == generate::nation_folder::generated);
    REQUIRE(agency_folders(root).size() == 6);
    REQUIRE(fs::exists(root / "agencies/kota_jambi/scenario.employees.csv"));
    // Someone's own file in one agency that goes away, and in the folder.
    std::ofstream(root / "agencies/kab_tanjung_jabung_barat/notes.txt") << "mine";
    std::ofstream(root / "readme.txt") << "mine";

    generate::write_nation(root, nation(4, 400));
    CHECK(agency_folders(root) == std::set<std::string>{"prov_jambi", "kanwil_kemenag_jambi", "kab_batanghari",
                                                        "kab_muaro_jambi", "kab_tanjung_jabung_barat"});
    CHECK_FALSE(fs::exists(root / "agencies/kota_jambi"));
    CHECK_FALSE(fs::exists(root / "agencies/kab_tanjung_jabung_barat/scenario.yaml"));
    CHECK(read_file(root / "agencies/kab_tanjung_jabung_barat/notes.txt") == "mine");
    CHECK(read_file(root / "readme.txt") == "mine");
    // Small now: the employees are inline and the old CSV is gone.
    CHECK_FALSE(fs::exists(root / "agencies/prov_jambi/scenario.employees.csv"));
    const auto yaml = YAML::LoadFile((root / "nation.yaml").string());
    CHECK(yaml["agencies"].size() == 4);
}

#ifdef JADWAL_CLI
TEST_CASE("jadwal generate nation writes agencies that check and solve, and refuses a folder in use",
          "[generate][nation][cli]") {
    const auto scratch = jadwal::test::scratch_dir("nation");
    const auto out = scratch / "jambi";
    const auto g = jadwal::test::run_cli(
        "generate nation --agencies 3 --employees 600 --seed 2 --locale id --out '" + out.string() + "'", scratch);
    INFO(g.all());
    REQUIRE(g.exit_code == 0);
    CHECK(g.out.find("3 agency scenarios (600 employees, seed 2)") != std::string::npos);
    const auto yaml = YAML::LoadFile((out / "nation.yaml").string());
    CHECK(yaml["locale"].as<std::string>() == "id");
    for (const auto& a : yaml["agencies"]) {
        const auto scenario = (out / a["scenario"].as<std::string>()).string();
        const auto check = jadwal::test::run_cli("check '" + scenario + "'", scratch);
        INFO(scenario << "\n" << check.all());
        CHECK(check.exit_code == 0);
        const auto solve = jadwal::test::run_cli(
            "solve '" + scenario + "' --max-moves 20000 --out '" + (scratch / "plan").string() + "'", scratch);
        INFO(solve.all());
        CHECK(solve.exit_code == 0);
    }

    const auto busy = scratch / "busy";
    fs::create_directories(busy);
    std::ofstream(busy / "mine.txt") << "mine";
    const auto refused = jadwal::test::run_cli(
        "--lang id generate nation --agencies 3 --employees 30 --out '" + busy.string() + "'", scratch);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("tidak kosong") != std::string::npos);
    CHECK(read_file(busy / "mine.txt") == "mine");
    CHECK_FALSE(fs::exists(busy / "nation.yaml"));

    const auto too_few = jadwal::test::run_cli(
        "generate nation --agencies 5 --employees 4 --out '" + (scratch / "few").string() + "'", scratch);
    CHECK(too_few.exit_code == 2);
    fs::remove_all(scratch);
}
#endif
