#include <jadwal/generate/batanghari.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <unordered_set>
#include "../support/error_code.hpp"

using namespace jadwal::generate;
using jadwal::generate::test::parse_csv;
using jadwal::generate::test::read_file;
using jadwal::generate::test::split;
using jadwal::generate::test::temp_dir;

namespace {

batanghari_options sized(int employees, std::uint64_t seed = 1, int year = 2026) {
    batanghari_options o;
    o.employees = employees;
    o.seed = seed;
    o.year = year;
    return o;
}

const std::vector<std::string> csv_header{"nip",     "name",     "unit",       "status", "pattern",
                                          "rotation_offset", "jp_target", "jp_cap", "after_hours",
                                          "weekend", "works_collective_leave", "leave", "duties"};

/// A generated 7,200-employee scenario written once and shared by the tests that read it.
struct default_scenario {
    temp_dir dir;
    generated_files files;
    std::string yaml_text;
    std::string csv_text;
    YAML::Node yaml;
    std::vector<std::vector<std::string>> csv;

    default_scenario() {
        files = write_batanghari(dir.path() / "batanghari.yaml", sized(7200));
        yaml_text = read_file(files.scenario);
        csv_text = read_file(files.employees);
        yaml = YAML::Load(yaml_text);
        csv = parse_csv(csv_text);
    }
};

const default_scenario& the_default() {
    static const default_scenario s;
    return s;
}

// ---- key paths, to check that the output only uses keys of the example format

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// Maps whose keys are names chosen by the scenario (pattern ids, weekdays,
/// shift codes, location ids...), not format keys.
bool keys_are_names(const std::string& path) {
    if (path == "work_patterns" || path == "duty_templates" || path == "policies") return true;
    if (ends_with(path, ".travel_minutes") || ends_with(path, ".min_on_duty") || ends_with(path, ".shifts")) return true;
    // work_patterns.<id>.<variant>: weekday keys, except the rotation block.
    if (path.rfind("work_patterns.*.", 0) == 0 && std::count(path.begin(), path.end(), '.') == 2 &&
        !ends_with(path, ".rotation"))
        return true;
    return false;
}

void collect_paths(const YAML::Node& n, const std::string& path, std::set<std::string>& out) {
    if (n.IsMap()) {
        for (const auto& kv : n) {
            const std::string key = keys_are_names(path) ? "*" : kv.first.as<std::string>();
            const std::string p = path.empty() ? key : path + "." + key;
            out.insert(p);
            collect_paths(kv.second, p, out);
        }
    } else if (n.IsSequence()) {
        for (const auto& item : n) collect_paths(item, path + "[]", out);
    }
}

std::set<std::string> key_paths(const YAML::Node& n) {
    std::set<std::string> out;
    collect_paths(n, "", out);
    return out;
}

bool valid_date(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

int digits(const std::string& s, std::size_t pos, std::size_t n) { return std::stoi(s.substr(pos, n)); }

}  // namespace

TEST_CASE("the same options give byte-identical YAML and CSV", "[generate]") {
    const auto o = sized(900, 42);
    CHECK(batanghari_yaml(o) == batanghari_yaml(o));
    CHECK(batanghari_employees_csv(o) == batanghari_employees_csv(o));

    temp_dir a, b;
    const auto fa = write_batanghari(a.path() / "s.yaml", o);
    const auto fb = write_batanghari(b.path() / "s.yaml", o);
    REQUIRE_FALSE(fa.employees.empty());
    CHECK(read_file(fa.scenario) == read_file(fb.scenario));
    CHECK(read_file(fa.employees) == read_file(fb.employees));
}

TEST_CASE("different seeds give different populations", "[generate]") {
    CHECK(batanghari_yaml(sized(300, 1)) != batanghari_yaml(sized(300, 2)));
    CHECK(batanghari_employees_csv(sized(300, 1)) != batanghari_employees_csv(sized(300, 2)));
}

TEST_CASE("the generated YAML parses and has every section of the format", "[generate]") {
    const auto y = YAML::Load(batanghari_yaml(sized(300)));
    for (const char* key : {"jadwal", "scenario", "holidays", "seasons", "work_patterns", "locations", "duty_templates",
                            "units", "employees", "venues", "platforms", "instructors", "programs", "demand",
                            "policies", "budget"}) {
        INFO(key);
        CHECK(y[key].IsDefined());
    }
    CHECK(y["jadwal"].as<int>() == 1);
    CHECK(y["scenario"]["timezone"].as<std::string>() == "Asia/Jakarta");
    CHECK(y["employees"].IsSequence());
    CHECK(y["employees"].size() == 300);
    for (const char* p : {"classroom_only", "flexible", "modular", "after_hours_only"}) {
        INFO(p);
        CHECK(y["policies"][p].IsMap());
    }
}

TEST_CASE("the generated YAML uses only keys of the example scenario, plus a few documented ones", "[generate]") {
    const auto example = key_paths(YAML::LoadFile(std::string(JADWAL_SOURCE_DIR) + "/examples/small/scenario.yaml"));
    // Keys the example does not show; the loader must accept them (see the generator's report).
    const std::set<std::string> extras{
        "employees.csv",              // employees in a CSV file next to the YAML
        "employees[].pattern",        // staff on their own pattern inside a shift unit
        "demand[].where.district",    // demand filtered by district
        "policies.*.max_module_jp",   // the modular policy
        // recorded national webinars and the national e-learning catalogue (issue 12)
        "programs[].modes[].fixed[].recording", "programs[].modes[].fixed[].recording.days",
        "programs[].modes[].fixed[].recording.post_test_minutes", "catalogue", "catalogue.programs",
        "catalogue.eligible", "catalogue.eligible.status", "catalogue.max_jp_per_person",
        "work_patterns.*.breaks",     // lunch and Friday prayer (docs/format.md)
        "work_patterns.*.breaks.*",
        "work_patterns.*.ramadan.*.fri",      // a season's {week, breaks} long form
        "work_patterns.*.ramadan.*.mon-thu",
        "instructors[].evenings",     // trainers who also teach in the evening
        "instructors[].evenings.hours",
        "instructors[].evenings.max_per_week",
        "instructors[].evenings.cost_per_hour",
        // training on rostered days off and in school holidays as assigned duty (issue 19)
        "policies.*.assigned_duty", "policies.*.assigned_duty.rostered_days_off", "policies.*.assigned_duty.seasons",
        "policies.*.assigned_duty.hours", "policies.*.assigned_duty.max_days_per_month",
        "policies.*.assigned_duty.allowance_per_day", "policies.*.assigned_duty.lieu_window_days",
    };
    std::set<std::string> generated = key_paths(YAML::Load(batanghari_yaml(sized(400))));
    for (const auto& p : key_paths(the_default().yaml)) generated.insert(p);
    for (const auto& p : generated) {
        INFO(p);
        CHECK((example.contains(p) || extras.contains(p)));
    }
}

TEST_CASE("the default population has the shape of the domain table", "[generate]") {
    const auto& s = the_default().files.summary;
    CHECK(s.employees == 7200);
    CHECK(s.pns + s.pppk == 7200);
    const double pns_share = static_cast<double>(s.pns) / s.employees;
    CHECK(pns_share == Approx(0.65).margin(0.02));

    const std::map<std::string, int> staff{{"office", 1860},     {"district_office", 310}, {"school", 3400},
                                           {"hospital", 560},    {"puskesmas", 740},       {"satpol_pp", 120},
                                           {"fire_service", 80}, {"head_office", 130}};
    for (const auto& [kind, n] : s.staff_by_kind) {
        INFO(kind);
        CHECK(staff.at(kind) == n);
    }
    const std::map<std::string, int> units(s.units_by_kind.begin(), s.units_by_kind.end());
    CHECK(units.at("office") == 28);
    CHECK(units.at("district_office") == 22);
    CHECK(units.at("school") == 220);
    CHECK(units.at("puskesmas") == 18);
    CHECK(units.at("hospital") >= 5);
    CHECK(units.at("satpol_pp") == 1);
    CHECK(units.at("fire_service") == 1);
    CHECK(units.at("head_office") == 2);

    CHECK(s.programs >= 28);
    CHECK(s.programs <= 45);  // with the nine national e-learning courses of the catalogue
    CHECK(s.instructors >= 6);
    CHECK(s.instructors <= 10);
    CHECK(s.max_classroom_cohorts >= 40);
    CHECK(s.max_classroom_cohorts <= 60);

    // The file says the same as the summary.
    const auto& y = the_default().yaml;
    CHECK(static_cast<int>(y["units"].size()) == s.units);
    CHECK(static_cast<int>(the_default().csv.size()) == 7200 + 1);
}

TEST_CASE("small populations keep every kind of unit from about 100 employees", "[generate]") {
    const int n = GENERATE(100, 200, 499, 1000);
    const auto s = summarize_batanghari(sized(n));
    INFO("employees " << n);
    CHECK(s.employees == n);
    for (const auto& [kind, units] : s.units_by_kind) {
        INFO(kind);
        CHECK(units >= 1);
    }
    CHECK(s.max_demand_jp_pppk <= 24);
}

TEST_CASE("tiny populations generate and load as YAML", "[generate]") {
    const int n = GENERATE(1, 2, 7, 40);
    const auto y = YAML::Load(batanghari_yaml(sized(n)));
    CHECK(static_cast<int>(y["employees"].size()) == n);
    std::set<std::string> units;
    for (const auto& u : y["units"]) units.insert(u["id"].as<std::string>());
    for (const auto& e : y["employees"]) CHECK(units.contains(e["unit"].as<std::string>()));
}

TEST_CASE("options out of range are refused", "[generate]") {
    CHECK(jadwal::test::error_code_of([&] { (void)batanghari_yaml(sized(0)); }) == jadwal::errc::invalid_argument);
    CHECK(jadwal::test::error_code_of([&] { (void)batanghari_yaml(sized(10, 1, 1999)); }) ==
          jadwal::errc::invalid_argument);
    auto o = sized(10);
    o.csv_threshold = -1;
    CHECK(jadwal::test::error_code_of([&] { (void)batanghari_yaml(o); }) == jadwal::errc::invalid_argument);
}

TEST_CASE("unit ids, NIPs and other ids are unique", "[generate]") {
    const auto& y = the_default().yaml;
    for (const char* section : {"units", "venues", "platforms", "instructors", "programs", "locations"}) {
        std::set<std::string> ids;
        for (const auto& item : y[section]) {
            INFO(section << " " << item["id"].as<std::string>());
            CHECK(ids.insert(item["id"].as<std::string>()).second);
        }
    }
}

TEST_CASE("NIPs are 18 digits that encode birth date, appointment, status and gender", "[generate]") {
    const auto& rows = the_default().csv;
    REQUIRE(rows.size() > 1);
    CHECK(rows[0] == csv_header);
    std::unordered_set<std::string> seen;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        REQUIRE(r.size() == csv_header.size());
        const std::string& nip = r[0];
        INFO(nip);
        REQUIRE(nip.size() == 18);
        REQUIRE(std::all_of(nip.begin(), nip.end(), [](char c) { return c >= '0' && c <= '9'; }));
        CHECK(seen.insert(nip).second);
        const int by = digits(nip, 0, 4), bm = digits(nip, 4, 2), bd = digits(nip, 6, 2);
        CHECK(valid_date(by, bm, bd));
        CHECK(2026 - by >= 22);
        CHECK(2026 - by <= 58);
        const int ay = digits(nip, 8, 4), am = digits(nip, 12, 2);
        CHECK(ay >= 1985);
        CHECK(ay <= 2025);
        CHECK(ay - by >= 18);
        if (r[3] == "pppk") {
            CHECK(am == 21);  // PPPK NIPs carry 21 where PNS carry the month
        } else {
            CHECK(r[3] == "pns");
            CHECK((am >= 1 && am <= 12));
        }
        const char gender = nip[14];
        CHECK((gender == '1' || gender == '2'));
        CHECK(digits(nip, 15, 3) >= 1);
    }
}

TEST_CASE("the employees CSV round-trips names with commas and apostrophes", "[generate]") {
    // The CSV of a scenario and the inline YAML of the same scenario name the same people.
    const auto o = sized(600, 3);
    const auto rows = parse_csv(batanghari_employees_csv(o));
    const auto y = YAML::Load(batanghari_yaml(o));
    REQUIRE(rows.size() == 601);
    REQUIRE(y["employees"].size() == 600);
    int with_comma = 0, with_apostrophe = 0, with_title = 0;
    for (std::size_t i = 0; i < 600; ++i) {
        const auto& r = rows[i + 1];
        const auto e = y["employees"][i];
        INFO(r[1]);
        CHECK(r[0] == e["id"].as<std::string>());
        CHECK(r[1] == e["name"].as<std::string>());
        CHECK(r[2] == e["unit"].as<std::string>());
        CHECK(r[3] == e["status"].as<std::string>());
        with_comma += r[1].find(',') != std::string::npos;
        with_apostrophe += r[1].find('\'') != std::string::npos;
        with_title += r[1].rfind("dr. ", 0) == 0 || r[1].find("S.Pd.") != std::string::npos;
        // Same leave and duties in both encodings.
        std::vector<std::string> leave;
        for (const auto& l : e["leave"]) leave.push_back(l["from"].as<std::string>() + "/" + l["to"].as<std::string>());
        CHECK(split(r[11], ';') == leave);
        std::vector<std::string> duties;
        for (const auto& d : e["duty_templates"]) duties.push_back(d.as<std::string>());
        CHECK(split(r[12], ';') == duties);
        // Only what differs from the defaults (after hours yes, weekends no) is written inline.
        const auto accepts = e["accepts"];
        const bool refuses_evenings = accepts.IsDefined() && accepts["after_hours"].IsDefined();
        const bool takes_weekends = accepts.IsDefined() && accepts["weekend"].IsDefined();
        CHECK(r[8] == (refuses_evenings ? "false" : "true"));
        CHECK(r[9] == (takes_weekends ? "true" : "false"));
    }
    CHECK(with_comma > 50);
    CHECK(with_apostrophe > 5);
    CHECK(with_title > 20);
    // Records end in CRLF and quoted fields are well formed (parse_csv throws otherwise).
    const auto text = batanghari_employees_csv(o);
    CHECK(text.substr(text.size() - 2) == "\r\n");
}

TEST_CASE("write_batanghari puts large populations in a CSV next to the YAML", "[generate]") {
    temp_dir dir;
    const auto small = write_batanghari(dir.path() / "small.yaml", sized(120));
    CHECK(small.employees.empty());
    CHECK(YAML::LoadFile(small.scenario.string())["employees"].IsSequence());

    const auto big = write_batanghari(dir.path() / "big.yaml", sized(600));
    CHECK(big.employees == dir.path() / "big.employees.csv");
    const auto y = YAML::LoadFile(big.scenario.string());
    CHECK(y["employees"]["csv"].as<std::string>() == "big.employees.csv");
    CHECK(parse_csv(read_file(big.employees)).size() == 601);

    // Nothing temporary is left behind.
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().extension() != ".tmp");
}

TEST_CASE("a file that cannot be written throws and leaves nothing behind", "[generate]") {
    temp_dir dir;
    const auto missing = dir.path() / "no-such-dir" / "s.yaml";
    CHECK_THROWS_AS(write_batanghari(missing, sized(600)), std::runtime_error);
    CHECK(std::filesystem::is_empty(dir.path()));

    // An existing good file is not replaced by a failed run.
    const auto target = dir.path() / "s.yaml";
    write_batanghari(target, sized(50));
    const auto before = read_file(target);
    // A folder where the temporary goes (io::staged_file: ".<name>.tmp-<pid>") makes it unwritable.
    std::filesystem::create_directory(dir.path() / (".s.yaml.tmp-" + std::to_string(::getpid())));
    CHECK_THROWS_AS(write_batanghari(target, sized(60)), std::runtime_error);
    CHECK(read_file(target) == before);
}

TEST_CASE("demand adds up to about 20 JP per PNS and stays within the PPPK cap", "[generate]") {
    const auto& d = the_default();
    const auto& s = d.files.summary;
    CHECK(s.demand_jp_per_pns() >= 18.0);
    CHECK(s.demand_jp_per_pns() <= 24.0);
    CHECK(s.demand_jp_per_pppk() >= 12.0);
    CHECK(s.max_demand_jp_pppk <= 24);

    // Recompute from the files alone: resolve every demand entry against the CSV.
    const auto& y = d.yaml;
    std::map<std::string, int> program_jp;
    for (const auto& p : y["programs"]) {
        int jp = 0;
        for (const auto& m : p["modules"]) jp += m["jp"].as<int>();
        CHECK(jp == p["jp"].as<int>());
        program_jp[p["id"].as<std::string>()] = jp;
    }
    struct unit_info {
        std::string kind, district;
    };
    std::map<std::string, unit_info> units;
    for (const auto& u : y["units"])
        units[u["id"].as<std::string>()] = {u["kind"].as<std::string>(), u["district"].as<std::string>()};

    const auto& rows = d.csv;
    std::map<std::string, int> jp_of;  // by NIP
    std::map<std::string, std::set<std::string>> programs_of;
    auto list = [](const YAML::Node& n) {
        std::set<std::string> out;
        if (n.IsDefined())
            for (const auto& x : n) out.insert(x.as<std::string>());
        return out;
    };
    for (const auto& dem : y["demand"]) {
        const std::string program = dem["program"].as<std::string>();
        REQUIRE(program_jp.contains(program));
        std::set<std::string> selected;
        if (dem["employees"].IsDefined()) {
            selected = list(dem["employees"]);
        } else {
            const auto w = dem["where"];
            const auto unit = list(w["unit"]), kind = list(w["unit_kind"]), district = list(w["district"]),
                       status = list(w["status"]);
            for (std::size_t i = 1; i < rows.size(); ++i) {
                const auto& r = rows[i];
                const auto& ui = units.at(r[2]);
                if (!unit.empty() && !unit.contains(r[2])) continue;
                if (!kind.empty() && !kind.contains(ui.kind)) continue;
                if (!district.empty() && !district.contains(ui.district)) continue;
                if (!status.empty() && !status.contains(r[3])) continue;
                selected.insert(r[0]);
            }
        }
        CHECK_FALSE(selected.empty());
        for (const auto& nip : selected) {
            INFO(program << " " << nip);
            CHECK(programs_of[nip].insert(program).second);  // nobody is asked twice for one programme
            jp_of[nip] += program_jp[program];
        }
    }
    long long pns = 0, pppk = 0;
    int max_pppk = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const int jp = jp_of.contains(rows[i][0]) ? jp_of.at(rows[i][0]) : 0;
        if (rows[i][3] == "pppk") {
            pppk += jp;
            max_pppk = std::max(max_pppk, jp);
        } else {
            pns += jp;
        }
    }
    CHECK(pns == s.demand_jp_pns);
    CHECK(pppk == s.demand_jp_pppk);
    CHECK(max_pppk == s.max_demand_jp_pppk);
}

TEST_CASE("shift units have staff on every rotation offset and can spare a few per shift", "[generate]") {
    const auto& d = the_default();
    std::map<std::string, int> cycle_of;  // unit -> cycle length
    std::map<std::string, int> min_on_duty;
    for (const auto& u : d.yaml["units"]) {
        const auto pattern = u["pattern"].as<std::string>();
        if (pattern != "ward" && pattern != "roster_24_48") continue;
        const std::string id = u["id"].as<std::string>();
        cycle_of[id] = pattern == "ward" ? 8 : 3;
        REQUIRE(u["min_on_duty"].IsMap());
        for (const auto& kv : u["min_on_duty"]) min_on_duty[id] = kv.second.as<int>();
    }
    REQUIRE(cycle_of.size() >= 10);
    std::map<std::string, std::vector<int>> per_offset;
    for (const auto& [id, n] : cycle_of) per_offset[id].assign(static_cast<std::size_t>(n), 0);
    for (std::size_t i = 1; i < d.csv.size(); ++i) {
        const auto& r = d.csv[i];
        if (!cycle_of.contains(r[2]) || r[5].empty()) continue;
        const int off = std::stoi(r[5]);
        REQUIRE(off >= 0);
        REQUIRE(off < cycle_of[r[2]]);
        ++per_offset[r[2]][static_cast<std::size_t>(off)];
    }
    for (const auto& [id, counts] : per_offset) {
        INFO(id);
        for (int c : counts) CHECK(c >= 1);
        // The thinnest shift on any day: one offset (24/48) or two adjacent ones (P,P,S,S,M,M,off,off).
        int thinnest = 1 << 30;
        const auto n = counts.size();
        for (std::size_t a = 0; a < n; ++a)
            thinnest = std::min(thinnest, n == 8 ? counts[a] + counts[(a + 1) % n] : counts[a]);
        CHECK(min_on_duty[id] >= 1);
        CHECK(min_on_duty[id] < thinnest);
    }
}

TEST_CASE("years without official data leave Ramadan and holidays to the loader", "[generate]") {
    const auto y26 = YAML::Load(batanghari_yaml(sized(50, 1, 2026)));
    CHECK(y26["seasons"]["ramadan"]["from"].as<std::string>() == "2026-02-19");
    CHECK(y26["holidays"][0].as<std::string>() == "id-2026");
    CHECK(y26["scenario"]["from"].as<std::string>() == "2026-01-05");

    const auto y27 = YAML::Load(batanghari_yaml(sized(50, 1, 2027)));
    CHECK_FALSE(y27["seasons"]["ramadan"].IsDefined());
    CHECK(y27["holidays"][0].as<std::string>() == "id-2027");
    CHECK(y27["scenario"]["from"].as<std::string>().rfind("2027-", 0) == 0);

    // No built-in set: the fixed-date national holidays inside the planning period are written out.
    const auto y30 = YAML::Load(batanghari_yaml(sized(50, 1, 2030)));
    CHECK(y30["holidays"][0]["date"].as<std::string>() == "2030-05-01");
    for (const auto& h : y30["holidays"]) CHECK(h.IsMap());
    CHECK(y30["seasons"]["school_holiday"].size() == 3);
}

TEST_CASE("generation is fast: 7,200 employees well under a second, 100,000 in a few", "[generate][.slow]") {
    temp_dir dir;
    auto timed = [&](int n) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto f = write_batanghari(dir.path() / (std::to_string(n) + ".yaml"), sized(n));
        CHECK(f.summary.employees == n);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    const double small = timed(7200);
    const double big = timed(100000);
    WARN("7,200 employees in " << small << " s; 100,000 in " << big << " s");
    CHECK(small < 1.0);
    CHECK(big < 10.0);

    // Ids stay unique when catalogues run out and names get numbered.
    const auto y = YAML::LoadFile((dir.path() / "100000.yaml").string());
    std::set<std::string> ids;
    for (const auto& u : y["units"]) CHECK(ids.insert(u["id"].as<std::string>()).second);
}
