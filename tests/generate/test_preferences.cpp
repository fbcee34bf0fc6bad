// Generated personal preferences (`jadwal generate batanghari --preferences SHARE`).
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/load_scenario.hpp>

#include "../support/cli.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include "../support/error_code.hpp"

using namespace jadwal;
using generate::test::parse_csv;
using generate::test::read_file;
using generate::test::temp_dir;

namespace {

generate::batanghari_options options(int employees, std::uint64_t seed, double preferences) {
    generate::batanghari_options o;
    o.employees = employees;
    o.seed = seed;
    o.preferences = preferences;
    return o;
}

/// 64-bit FNV-1a, as tests/generate/test_nation.cpp pins the example's bytes.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

const std::vector<std::string> preference_columns{"prefer_modes", "refuse_modes", "prefer_days", "prefer_times",
                                                  "avoid_days"};

/// The employees CSV as maps from column name to cell.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text) {
    const auto rows = parse_csv(text);
    std::vector<std::map<std::string, std::string>> out;
    REQUIRE_FALSE(rows.empty());
    for (std::size_t i = 1; i < rows.size(); ++i) {
        REQUIRE(rows[i].size() == rows[0].size());
        std::map<std::string, std::string> row;
        for (std::size_t k = 0; k < rows[0].size(); ++k) row[rows[0][k]] = rows[i][k];
        out.push_back(std::move(row));
    }
    return out;
}

bool states_something(const std::map<std::string, std::string>& row) {
    return std::any_of(preference_columns.begin(), preference_columns.end(),
                       [&](const std::string& c) { return !row.at(c).empty(); });
}

std::string errors_of(const load::load_result& r) {
    std::string out;
    for (const auto& d : r.diags.items())
        if (d.level == load::severity::error) out += load::format(d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("Without preferences the generated YAML and CSV are the bytes they always were", "[generate][preferences]") {
    // Fingerprints of the output before preferences existed (the same as test_nation.cpp's for the YAML).
    CHECK(fnv1a(generate::batanghari_yaml(options(300, 3, 0.0))) == 0x0ff124375d81105cULL);
    CHECK(fnv1a(generate::batanghari_employees_csv(options(900, 2, 0.0))) == 0x6263063ae6f91ebdULL);
    const std::string csv = generate::batanghari_employees_csv(options(900, 2, 0.0));
    CHECK(csv.find("prefer_modes") == std::string::npos);
    // And a share changes them.
    CHECK(fnv1a(generate::batanghari_yaml(options(300, 3, 0.25))) != 0x0ff124375d81105cULL);
}

TEST_CASE("The share of employees who state preferences roughly matches the option", "[generate][preferences]") {
    const double share = GENERATE(0.05, 0.3, 0.7, 1.0);
    INFO("share " << share);
    const auto rows = csv_rows(generate::batanghari_employees_csv(options(3000, 5, share)));
    REQUIRE(rows.size() == 3000);
    const auto stating = std::count_if(rows.begin(), rows.end(), states_something);
    CHECK(static_cast<double>(stating) / 3000.0 == Approx(share).margin(0.03));
}

TEST_CASE("Generated preferences are the same for a seed and differ for another", "[generate][preferences]") {
    const auto a = generate::batanghari_employees_csv(options(800, 7, 0.4));
    CHECK(a == generate::batanghari_employees_csv(options(800, 7, 0.4)));
    CHECK(a != generate::batanghari_employees_csv(options(800, 8, 0.4)));
}

TEST_CASE("A preference share outside 0..1 is refused", "[generate][preferences]") {
    const double bad = GENERATE(-0.1, 1.01, std::numeric_limits<double>::quiet_NaN());
    CHECK(jadwal::test::error_code_of([&] { (void)generate::batanghari_yaml(options(50, 1, bad)); }) ==
          jadwal::errc::invalid_argument);
}

TEST_CASE("A generated scenario with preferences loads without errors into the preferences it wrote",
          "[generate][preferences]") {
    temp_dir dir;
    const auto files = generate::write_batanghari(dir.path() / "s.yaml", options(2500, 1, 0.4));
    REQUIRE_FALSE(files.employees.empty());
    const auto rows = csv_rows(read_file(files.employees));
    const auto r = load::load_scenario_file(files.scenario);
    INFO(errors_of(r));
    CHECK(r.diags.error_count() == 0);
    REQUIRE(r.scenario.has_value());
    const auto& s = *r.scenario;
    REQUIRE(s.employees.size() == rows.size());

    std::size_t stating = 0, refusing = 0, carers_evenings_free = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& e = s.employees[i];
        INFO(e.id);
        CHECK(states_something(rows[i]) == !e.prefs.empty());
        stating += e.prefs.empty() ? 0 : 1;
        for (const auto m : e.prefs.refused_modes) {
            // Only the live online mode is refused, by staff of village clinics, schools and
            // district offices; never a mode the same person prefers.
            CHECK(m == model::delivery_mode::online_live);
            CHECK(std::find(e.prefs.modes.begin(), e.prefs.modes.end(), m) == e.prefs.modes.end());
            const std::string& kind = s.units[e.unit.value].kind;
            CHECK((kind == "puskesmas" || kind == "school" || kind == "district_office"));
            ++refusing;
        }
        for (const auto& t : e.prefs.times) {
            CHECK(t.start >= std::chrono::minutes{7 * 60});
            CHECK(t.end <= std::chrono::minutes{17 * 60});
            if (t.end <= std::chrono::minutes{16 * 60 + 30}) ++carers_evenings_free;
        }
    }
    CHECK(static_cast<double>(stating) / static_cast<double>(rows.size()) == Approx(0.4).margin(0.03));
    CHECK(refusing > 0);
    CHECK(carers_evenings_free > 0);
    const auto with_days =
        std::count_if(s.units.begin(), s.units.end(), [](const auto& u) { return u.preferred_days; });
    CHECK(with_days > 0);
    for (const auto& u : s.units)
        if (u.preferred_days) CHECK(u.kind == "office");
}

TEST_CASE("Preferences written inline in the YAML load without errors", "[generate][preferences]") {
    const std::string yaml = generate::batanghari_yaml(options(300, 3, 0.5));
    CHECK(yaml.find("preferences: {") != std::string::npos);
    const auto r = load::load_scenario_text(yaml, "inline.yaml");
    INFO(errors_of(r));
    CHECK(r.diags.error_count() == 0);
    REQUIRE(r.scenario.has_value());
    const auto stating = std::count_if(r.scenario->employees.begin(), r.scenario->employees.end(),
                                       [](const auto& e) { return !e.prefs.empty(); });
    CHECK(static_cast<double>(stating) / 300.0 == Approx(0.5).margin(0.08));
}

#ifdef JADWAL_CLI
TEST_CASE("jadwal generate batanghari --preferences writes the preference columns, and nation refuses the option",
          "[generate][preferences][cli]") {
    const auto scratch = jadwal::test::scratch_dir("preferences");
    const auto with = jadwal::test::run_cli(
        "generate batanghari --employees 600 --seed 4 --preferences 0.25 --out '" + (scratch / "p.yaml").string() + "'",
        scratch);
    INFO(with.all());
    REQUIRE(with.exit_code == 0);
    CHECK(read_file(scratch / "p.employees.csv") == generate::batanghari_employees_csv(options(600, 4, 0.25)));
    CHECK(read_file(scratch / "p.employees.csv").find(",prefer_modes,refuse_modes,") != std::string::npos);

    const auto without = jadwal::test::run_cli(
        "generate batanghari --employees 600 --seed 4 --out '" + (scratch / "d.yaml").string() + "'", scratch);
    REQUIRE(without.exit_code == 0);
    CHECK(read_file(scratch / "d.employees.csv") == generate::batanghari_employees_csv(options(600, 4, 0.0)));

    const auto out_of_range = jadwal::test::run_cli(
        "generate batanghari --preferences 1.5 --out '" + (scratch / "x.yaml").string() + "'", scratch);
    CHECK(out_of_range.exit_code == 2);
    const auto nation =
        jadwal::test::run_cli("--lang id generate nation --agencies 2 --employees 40 --preferences 0.2 --out '" +
                                  (scratch / "n").string() + "'",
                              scratch);
    CHECK(nation.exit_code == 2);
    CHECK(nation.err.find("hanya berlaku untuk batanghari") != std::string::npos);
    std::filesystem::remove_all(scratch);
}
#endif
