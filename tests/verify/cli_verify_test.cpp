// `jadwal verify SCENARIO SOLUTION`: exit codes, the violation lines and the
// metrics table, and the JSON output.
#include "fixture.hpp"

#ifdef JADWAL_CLI

#include <filesystem>
#include <jadwal/io/solution_json.hpp>
#include <nlohmann/json.hpp>

#include "../support/cli.hpp"

namespace fs = std::filesystem;
using namespace jadwal;
using namespace jadwal::test;

namespace {

std::string scratch(const std::string& name) { return jadwal::test::scratch_dir("verify-test-" + name).string(); }

const std::string scenario_file = std::string{JADWAL_TEST_DATA} + "/verify/base.yaml";

std::string write_plan(const std::string& dir, const model::scenario& s, solve::solution p) {
    const auto r = verify::verify(s, p, policy(s, "flexible"));
    p.metrics = r.metrics;
    p.objective = r.objective;
    const auto file = dir + "/solution.json";
    io::write_file_atomically(file, io::solution_to_json(s, p));
    return file;
}

}  // namespace

TEST_CASE("verify exits 0 for a valid plan and prints the metrics table", "[verify][cli]") {
    const auto dir = scratch("ok");
    const auto s = base_scenario();
    const auto file = write_plan(dir, s, base_plan(s));
    const auto r = run_cli("verify '" + scenario_file + "' '" + file + "'", dir);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("0 violation(s), 0 warning(s) under policy 'flexible'") != std::string::npos);
    CHECK(r.out.find("disruption_minutes") != std::string::npos);
    CHECK(r.out.find("810") != std::string::npos);
    CHECK(r.out.find("(differs)") == std::string::npos);
}

TEST_CASE("verify exits 3 and prints one line per violation with its time and offset", "[verify][cli]") {
    const auto dir = scratch("bad");
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[1].sessions[0] = session(0, "2026-04-21 17:00", "18:30");  // Siti on leave
    const auto file = write_plan(dir, s, p);
    const auto r = run_cli("verify '" + scenario_file + "' '" + file + "'", dir);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("H2-UNAVAILABLE 2026-04-21T17:00:00+07:00 Siti (e1) is unavailable (leave)") != std::string::npos);
}

TEST_CASE("verify --lang id prints the violations in Indonesian, and --lang en as before", "[verify][cli][language]") {
    const auto dir = scratch("lang");
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[1].sessions[0] = session(0, "2026-04-21 17:00", "18:30");  // Siti on leave
    const auto file = write_plan(dir, s, p);
    const auto id = run_cli("verify --lang id '" + scenario_file + "' '" + file + "'", dir);
    INFO(id.out << id.err);
    CHECK(id.exit_code == 3);
    CHECK(id.out.find("H2-UNAVAILABLE 2026-04-21T17:00:00+07:00 Siti (e1) tidak tersedia (cuti) selama modul e "
                      "angkatan etika-01 pada Sel, 21 Apr 2026 17.00\u201318.30") != std::string::npos);
    const auto json_id = run_cli("verify --lang id --format json '" + scenario_file + "' '" + file + "'", dir);
    CHECK(json_id.out.find("\"message\": \"Siti (e1) tidak tersedia (cuti)") != std::string::npos);
    const auto en = run_cli("verify --lang en '" + scenario_file + "' '" + file + "'", dir);
    INFO(en.out << en.err);
    CHECK(en.out.find("H2-UNAVAILABLE 2026-04-21T17:00:00+07:00 Siti (e1) is unavailable (leave) during module e of "
                      "cohort etika-01 on 2026-04-21 17:00-18:30") != std::string::npos);
}

TEST_CASE("the report's check section shows a violation in the report's language", "[verify][cli][language]") {
    const auto dir = scratch("report-lang");
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[1].sessions[0] = session(0, "2026-04-21 17:00", "18:30");  // Siti on leave
    const auto file = write_plan(dir, s, p);
    const auto id =
        run_cli("export --lang id --format html --out '" + dir + "/id' '" + scenario_file + "' '" + file + "'", dir);
    INFO(id.out << id.err);
    REQUIRE(id.exit_code == 0);
    const std::string html_id = read_file_text(dir + "/id/report.html");
    CHECK(html_id.find("Siti (e1) tidak tersedia (cuti) selama modul e angkatan etika-01 pada Sel, 21 Apr 2026") !=
          std::string::npos);
    CHECK(html_id.find("is unavailable") == std::string::npos);
    const auto en =
        run_cli("export --lang en --format html --out '" + dir + "/en' '" + scenario_file + "' '" + file + "'", dir);
    REQUIRE(en.exit_code == 0);
    CHECK(read_file_text(dir + "/en/report.html")
              .find("Siti (e1) is unavailable (leave) during module e of cohort etika-01 on 2026-04-21 17:00-18:30") !=
          std::string::npos);
}

TEST_CASE("verify marks metrics the solution file gets wrong", "[verify][cli]") {
    const auto dir = scratch("differs");
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.metrics.disruption_minutes = 1;  // written as is: a plan that misreports itself
    const auto file = dir + "/solution.json";
    io::write_file_atomically(file, io::solution_to_json(s, p));
    const auto r = run_cli("verify '" + scenario_file + "' '" + file + "' --format json", dir);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);  // a wrong metric is not a hard violation
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["feasible"] == true);
    CHECK(doc["metrics"]["disruption_minutes"] == 810);
    CHECK(doc["metrics"]["demand_placed"] == 7);
    const auto differ = doc["metrics_differing_from_solution"];
    CHECK(std::find(differ.begin(), differ.end(), "disruption_minutes") != differ.end());
    CHECK(doc["objective"]["breakdown"]["cohort_opened"] == 300.0);
    CHECK(doc["budget"]["classroom_cohorts"] == 1);
    CHECK(doc["budget"]["cost"] == 0.0);
}

TEST_CASE("verify warns once per metric the solution file states differently and still exits 0", "[verify][cli]") {
    const auto dir = scratch("differs-warn");
    const auto s = base_scenario();
    auto p = base_plan(s);
    const auto r0 = verify::verify(s, p, policy(s, "flexible"));
    p.metrics = r0.metrics;
    p.metrics.disruption_minutes = 1;  // misreported
    p.metrics.demand_placed = 0;       // as `jadwal export` once wrote it
    const auto file = dir + "/solution.json";
    io::write_file_atomically(file, io::solution_to_json(s, p));
    for (const std::string format : {"text", "json"}) {
        INFO(format);
        const auto r = run_cli("verify '" + scenario_file + "' '" + file + "' --format " + format, dir);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);  // the interface contract: exit 0 iff no hard violation
        CHECK(r.err.find(file + ": warning: the file states disruption_minutes 1, but the plan gives 810 "
                                "[W-METRIC-DIFFERS] at $.metrics.disruption_minutes\n") != std::string::npos);
        CHECK(r.err.find(file + ": warning: the file states demand_placed 0, but the plan gives 7 "
                                "[W-METRIC-DIFFERS] at $.metrics.demand_placed\n") != std::string::npos);
        std::size_t lines = 0;  // one line each, nothing for the others
        for (auto at = r.err.find("W-METRIC-DIFFERS"); at != std::string::npos;
             at = r.err.find("W-METRIC-DIFFERS", at + 1))
            ++lines;
        CHECK(lines == 2);
    }
}

TEST_CASE("verify --strict-metrics exits 3 for a misstated metric and 0 for a file that states them right",
          "[verify][cli]") {
    const auto dir = scratch("differs-strict");
    const auto s = base_scenario();
    const auto good = write_plan(dir, s, base_plan(s));
    const auto ok = run_cli("verify '" + scenario_file + "' '" + good + "' --strict-metrics", dir);
    INFO(ok.out << ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(ok.err.find("W-METRIC-DIFFERS") == std::string::npos);
    auto p = base_plan(s);
    p.metrics = verify::verify(s, p, policy(s, "flexible")).metrics;
    p.metrics.participation_rate = 0.5;
    const auto bad = dir + "/misstated.json";
    io::write_file_atomically(bad, io::solution_to_json(s, p));
    for (const std::string format : {"text", "json"}) {
        const auto r = run_cli("verify '" + scenario_file + "' '" + bad + "' --strict-metrics --format " + format, dir);
        INFO(format << "\n" << r.out << r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("participation_rate 0.5, but the plan gives 0.636364 [W-METRIC-DIFFERS]") != std::string::npos);
    }
}

TEST_CASE("verify in JSON lists violations with codes and times", "[verify][cli]") {
    const auto dir = scratch("json");
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[0].participants = people(s, {"e1", "e2", "e4"});
    const auto file = write_plan(dir, s, p);
    const auto r = run_cli("verify '" + scenario_file + "' '" + file + "' --format json", dir);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["feasible"] == false);
    REQUIRE(doc["violations"].size() == 2);
    CHECK(doc["violations"][0]["code"] == "H6-UNIT-LIMIT");
    CHECK(doc["violations"][0]["when"] == "2026-04-07T08:00:00+07:00");
    CHECK(doc["violations"][0]["resource"] == "bpkad");
    CHECK(doc["violations_by_code"]["H6-UNIT-LIMIT"] == 2);
    CHECK(doc["metrics"]["hard_violations"] == 2);
}

TEST_CASE("verify checks against the policy asked for", "[verify][cli]") {
    const auto dir = scratch("policy");
    const auto s = base_scenario();
    const auto file = write_plan(dir, s, base_plan(s));
    const auto r = run_cli("verify '" + scenario_file + "' '" + file + "' --policy classroom_only", dir);
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("S-MODE-NOT-ALLOWED") != std::string::npos);
    const auto unknown = run_cli("verify '" + scenario_file + "' '" + file + "' --policy nope", dir);
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("nope") != std::string::npos);
}

TEST_CASE("verify reports a broken solution file as an input error", "[verify][cli]") {
    const auto dir = scratch("input");
    const auto s = base_scenario();
    auto text = io::solution_to_json(s, base_plan(s));
    const auto at_id = text.find("\"e3\"");
    REQUIRE(at_id != std::string::npos);
    text.replace(at_id, 4, "\"zz\"");  // an employee the scenario does not have
    const auto file = dir + "/solution.json";
    io::write_file_atomically(file, text);
    const auto r = run_cli("verify '" + scenario_file + "' '" + file + "'", dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("unknown employee 'zz'") != std::string::npos);
    const auto missing = run_cli("verify '" + scenario_file + "' '" + dir + "/none.json'", dir);
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("none.json") != std::string::npos);
}

#endif  // JADWAL_CLI
