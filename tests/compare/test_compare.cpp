// Comparing policies: one column per policy, each holding the verifier's
// figures for that policy's plan; the outputs; and `jadwal compare`,
// `simulate` and `attendance fit` end to end.
#include "attendance_fixture.hpp"

#include "../solve/support.hpp"
#include "../support/cli.hpp"

#include <jadwal/compare/compare.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace jadwal;

namespace {

const model::scenario& population() {
    static const auto s = jadwal::test::batanghari(300, 3);
    return *s;
}

const compare::comparison& three_policies() {
    static const compare::comparison c = [] {
        compare::compare_options o;
        o.policies = {"classroom_only", "flexible", "modular"};
        o.max_moves = 2000;
        o.seed = 4;
        o.attendance.runs = 50;
        return compare::compare_policies(population(), o);
    }();
    return c;
}

}  // namespace

TEST_CASE("Comparing policies gives one column per policy holding each plan's own verified metrics", "[compare]") {
    const auto& s = population();
    const auto& c = three_policies();
    REQUIRE(c.results.size() == 3);
    CHECK(c.results[0].policy == "classroom_only");
    CHECK(c.results[1].policy == "flexible");
    CHECK(c.results[2].policy == "modular");
    for (const auto& r : c.results) {
        INFO(r.policy);
        CHECK(r.plan.policy == r.policy);
        CHECK(r.plan.seed == 4);
        const auto rep = verify::verify(s, r.plan, jadwal::test::policy_of(s, r.policy));
        CHECK(rep.metrics == r.check.metrics);
        CHECK(r.check.metrics.hard_violations == 0);
        CHECK(r.plan.metrics == r.check.metrics);  // the solver's own account agrees with the checker
        CHECK(r.attendance.runs == 50);
        CHECK(r.attendance.completions.mean <= static_cast<double>(r.attendance.enrolments));
    }
    // Policies differ, so at least their plans do.
    CHECK(c.results[0].check.metrics.study_blocks != c.results[1].check.metrics.study_blocks);

    const auto rows = compare::comparison_rows(c);
    std::set<std::string> keys;
    for (const auto& row : rows) {
        keys.insert(row.key);
        CHECK(row.values.size() == 3);
    }
    for (const char* k : {"participation_rate", "demand_placed", "jp_target_attainment", "disruption_minutes",
                          "disruption_minutes_per_jp", "after_hours_minutes", "max_after_hours_minutes_per_person_week",
                          "max_unit_absence_ratio", "cohorts", "sessions", "study_blocks", "hard_violations",
                          "expected_completions", "expected_jp_target_share", "jp_target_share_stddev",
                          "jp_target_share_p05", "jp_target_share_p95"})
        CHECK(keys.count(k) == 1);
    for (const auto& row : rows) {
        for (std::size_t j = 0; j < 3; ++j) {
            const auto& r = c.results[j];
            if (row.key == "participation_rate") CHECK(row.values[j] == r.check.metrics.participation_rate);
            if (row.key == "demand_placed") {
                CHECK(row.values[j] == static_cast<double>(r.check.metrics.demand_placed));
                CHECK(row.totals[j] == static_cast<double>(r.check.metrics.demand_total));
            }
            if (row.key == "expected_completions") CHECK(row.values[j] == r.attendance.completions.mean);
            if (row.key == "jp_target_attainment_shift")
                CHECK(row.values[j] == r.check.staff_groups[static_cast<std::size_t>(model::staff_group::shift)]
                                           .attainment());
        }
    }
    // The generated regency has office staff, teachers and ward nurses on rotation.
    for (const char* k : {"jp_target_attainment_office", "jp_target_attainment_teachers", "jp_target_attainment_shift"})
        CHECK(keys.count(k) == 1);
    const auto text = compare::comparison_text(c);
    const auto header = text.substr(0, text.find('\n'));
    CHECK(header.find("classroom_only") < header.find("flexible"));
    CHECK(header.find("flexible") < header.find("modular"));
    CHECK(text.find("\nparticipation_rate ") != std::string::npos);
}

TEST_CASE("An unknown, repeated or missing policy is refused before anything is solved", "[compare]") {
    const auto& s = population();
    compare::compare_options o;
    o.max_moves = 10;
    o.policies = {"flexible", "flexibel"};
    CHECK_THROWS_WITH(compare::compare_policies(s, o),
                      "unknown policy 'flexibel' (the scenario has: classroom_only, flexible, flexible_duty, modular, after_hours_only)");
    o.policies = {"flexible", "flexible"};
    CHECK_THROWS_WITH(compare::compare_policies(s, o), "policy 'flexible' is named twice");
    o.policies.clear();
    CHECK_THROWS_AS(compare::compare_policies(s, o), solve::solve_error);
}

TEST_CASE("comparison.html escapes scenario text and loads nothing; comparison.json holds every column",
          "[compare]") {
    model::scenario s = population();
    s.name = "<script>alert('x')</script> & co";
    const auto& c = three_policies();
    const auto page = compare::comparison_html(s, c);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co") != std::string::npos);
    CHECK(page.find("src=") == std::string::npos);
    CHECK(page.find("href=") == std::string::npos);
    CHECK(page.find("<svg") != std::string::npos);

    const auto doc = nlohmann::json::parse(compare::comparison_json(s, c));
    REQUIRE(doc["policies"].size() == 3);
    CHECK(doc["policies"][1]["policy"] == "flexible");
    CHECK(doc["policies"][1]["metrics"]["demand_placed"] == c.results[1].check.metrics.demand_placed);
    CHECK(doc["policies"][1]["attendance"]["runs"] == 50);
    CHECK(doc["rows"][0]["key"] == "participation_rate");
}

TEST_CASE("Policy ids become directory names only when they are safe file names", "[compare]") {
    CHECK(compare::policy_directory("flexible", 0) == "flexible");
    CHECK(compare::policy_directory("after-hours_2.v1", 1) == "after-hours_2.v1");
    CHECK(compare::policy_directory("../etc", 2) == "policy-3");
    CHECK(compare::policy_directory(".hidden", 0) == "policy-1");
    CHECK(compare::policy_directory("a/b", 0) == "policy-1");
    CHECK(compare::policy_directory("", 0) == "policy-1");
}

#ifdef JADWAL_CLI

namespace {

/// Runs the CLI; what it prints on either stream, as a user would see it.
struct run_result {
    int code = -1;
    std::string out;
};
run_result run(const std::string& args) {
    const auto r = jadwal::test::run_cli(args);
    return {r.exit_code, r.all()};
}

std::filesystem::path scratch() { return jadwal::test::scratch_dir("compare"); }

void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

const std::string example = std::string(JADWAL_SOURCE_DIR) + "/examples/small/scenario.yaml";

}  // namespace

TEST_CASE("jadwal compare exits 2 for an unknown policy and lists the known ones", "[compare][cli]") {
    const auto r = run("compare '" + example + "' --policy flexible --policy no_such_policy --max-moves 100");
    CHECK(r.code == 2);
    CHECK(r.out.find("unknown policy 'no_such_policy'") != std::string::npos);
    CHECK(r.out.find("flexible") != std::string::npos);
}

TEST_CASE("jadwal compare writes the table, comparison files and each policy's plan", "[compare][cli]") {
    const auto dir = scratch();
    const auto scenario = dir / "s.yaml";
    generate::batanghari_options g;
    g.employees = 200;
    g.seed = 2;
    g.csv_threshold = 1 << 30;
    write(scenario, generate::batanghari_yaml(g));
    const auto out = dir / "cmp";
    const auto r = run("compare '" + scenario.string() + "' --policy classroom_only --policy flexible --max-moves 1000 "
                       "--runs 20 --out '" + out.string() + "'");
    CHECK(r.code == 0);
    CHECK(r.out.find("participation_rate") != std::string::npos);
    CHECK(r.out.find("expected_completions") != std::string::npos);
    CHECK(std::filesystem::exists(out / "comparison.json"));
    CHECK(std::filesystem::exists(out / "comparison.html"));
    REQUIRE(std::filesystem::exists(out / "flexible" / "solution.json"));
    CHECK(std::filesystem::exists(out / "classroom_only" / "solution.json"));
    // Each written plan passes the checker on its own.
    const auto v = run("verify '" + scenario.string() + "' '" + (out / "flexible" / "solution.json").string() +
                       "' --policy flexible");
    CHECK(v.code == 0);

    const auto sim = run("simulate '" + scenario.string() + "' '" + (out / "flexible" / "solution.json").string() +
                         "' --runs 30 --seed 3 --format json");
    REQUIRE(sim.code == 0);
    const auto again = run("simulate '" + scenario.string() + "' '" + (out / "flexible" / "solution.json").string() +
                           "' --runs 30 --seed 3 --format json");
    CHECK(sim.out == again.out);
    const auto doc = nlohmann::json::parse(sim.out);
    CHECK(doc["runs"] == 30);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal attendance fit prints an attendance section fitted to the records", "[compare][cli]") {
    const auto dir = scratch();
    const auto yaml = jadwal::test::attendance_yaml_text(20);
    write(dir / "s.yaml", yaml);
    const auto s = jadwal::test::attendance_scenario(20);
    solve::solution plan;
    plan.policy = "default";
    plan.cohorts = {jadwal::test::live_cohort("a", 0, 0, 10, {{0, "2026-04-06 08:00", 90}}),
                    jadwal::test::live_cohort("b", 0, 10, 20, {{0, "2026-04-06 18:00", 90}})};
    write(dir / "solution.json", io::solution_to_json(s, plan));
    // Everyone after hours attends, nobody in working time: the fit goes to
    // the edges of its box.
    std::string csv = "nip,program,module,start,attended\n";
    for (int i = 0; i < 20; ++i)
        csv += fmt::format("{},etika,m1,{},{}\n", s.employees[static_cast<std::size_t>(i)].id,
                           i < 10 ? "2026-04-06T08:00:00+07:00" : "2026-04-06T18:00:00+07:00", i < 10 ? 0 : 1);
    write(dir / "records.csv", csv);
    const auto r = run("attendance fit '" + (dir / "records.csv").string() + "' '" + (dir / "s.yaml").string() + "' '" +
                       (dir / "solution.json").string() + "'");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("attendance:\n  live_base: 0.999\n  working_time_penalty: 1\n") != std::string::npos);
    CHECK(r.out.find("from 20 records: 20 of live sessions, 0 of self-paced modules (0 not matching the plan)") !=
          std::string::npos);
    CHECK(r.out.find("# fitted: live_base, working_time_penalty; kept as they were: overload_penalty, self_paced_min, "
                     "self_paced_max") != std::string::npos);

    write(dir / "bad.csv", "nip,program,module,start,attended\nx,etika,m1,2026-04-06T08:00:00+07:00,maybe\n");
    const auto bad = run("attendance fit '" + (dir / "bad.csv").string() + "' '" + (dir / "s.yaml").string() + "' '" +
                         (dir / "solution.json").string() + "'");
    CHECK(bad.code == 1);
    CHECK(bad.out.find("bad.csv:2:38: error: attended 'maybe' is not 0 or 1") != std::string::npos);
    std::filesystem::remove_all(dir);
}

#endif
