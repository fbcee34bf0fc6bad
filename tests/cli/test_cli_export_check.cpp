// `export --previous`: the plan is checked once, against the previous plan, and
// solution.json, report.html and the at-risk list all show that one check.
#include <jadwal/io/solution_json.hpp>
#include <jadwal/load/load_scenario.hpp>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "../support/cli.hpp"
#include "../support/load_or_fail.hpp"

using namespace jadwal;
using jadwal::test::read_file_text;
using jadwal::test::run_cli;

namespace {

/// The number in `text` that `pattern`'s one group matches first, or -1.
long number_in(const std::string& text, const std::string& pattern) {
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(pattern))) return -1;
    return std::stol(m[1].str());
}

constexpr const char* json_count = "\"hard_violations\": ([0-9]+)";
constexpr const char* report_card = "<div class=\"v\">([0-9]+)</div><div class=\"k\">hard violations<";

}  // namespace

TEST_CASE("export --previous shows in report.html the hard violations solution.json counts", "[cli][export]") {
    const auto dir = jadwal::test::scratch_dir("export-check");
    const std::string scenario = std::string(JADWAL_SOURCE_DIR) + "/examples/office/scenario.yaml";
    REQUIRE(run_cli("solve '" + scenario + "' --seed 1 --max-moves 2000 --format json --out '" +
                        (dir / "first").string() + "'",
                    dir)
                .exit_code == 0);
    // The plan to export: the first with one person taken out of the cohort that
    // has a pinned session, which the previous plan keeps (H8-PIN).
    const auto s = jadwal::test::load_or_fail(load::load_scenario_file(scenario));
    auto read = io::read_solution_file(*s, dir / "first" / "solution.json");
    REQUIRE(read.solution);
    auto plan = *read.solution;
    bool planted = false;
    for (auto& c : plan.cohorts) {
        const bool pinned =
            std::any_of(c.sessions.begin(), c.sessions.end(), [](const model::session& x) { return x.pinned; });
        if (pinned && !c.participants.empty()) {
            c.participants.erase(c.participants.begin());
            planted = true;
            break;
        }
    }
    REQUIRE(planted);
    {
        std::ofstream out(dir / "changed.json", std::ios::binary);
        out << io::solution_to_json(*s, plan);
    }
    const auto run = run_cli("export '" + scenario + "' '" + (dir / "changed.json").string() + "' --previous '" +
                                 (dir / "first" / "solution.json").string() + "' --format json,html --out '" +
                                 (dir / "out").string() + "'",
                             dir);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto json = read_file_text(dir / "out" / "solution.json");
    const auto html = read_file_text(dir / "out" / "report.html");
    const long in_json = number_in(json, json_count);
    const long in_report = number_in(html, report_card);
    CHECK(in_json > 0);
    CHECK(in_report == in_json);
    CHECK(html.find("H8-PIN") != std::string::npos);
    // Without --previous nothing is held against the plan, in either file.
    REQUIRE(run_cli("export '" + scenario + "' '" + (dir / "changed.json").string() + "' --format json,html --out '" +
                        (dir / "alone").string() + "'",
                    dir)
                .exit_code == 0);
    CHECK(number_in(read_file_text(dir / "alone" / "solution.json"), json_count) == 0);
    CHECK(read_file_text(dir / "alone" / "report.html").find("H8-PIN") == std::string::npos);
    CHECK(number_in(read_file_text(dir / "alone" / "report.html"), report_card) == 0);
    std::filesystem::remove_all(dir);
}
