// `export --previous` and `solve --previous`: the plan is checked against the
// previous plan, and solution.json, report.html and the at-risk list all show
// that one check.
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

const std::string office = std::string(JADWAL_SOURCE_DIR) + "/examples/office/scenario.yaml";

/// The office example's plan (seed 1, 2,000 moves) in dir/first: the previous plan of both tests.
void solve_first_office_plan(const std::filesystem::path& dir) {
    REQUIRE(run_cli("solve '" + office + "' --seed 1 --max-moves 2000 --format json --out '" +
                        (dir / "first").string() + "'",
                    dir)
                .exit_code == 0);
}

}  // namespace

TEST_CASE("export --previous shows in report.html the hard violations solution.json counts", "[cli][export]") {
    const auto dir = jadwal::test::scratch_dir("export-check");
    solve_first_office_plan(dir);
    // The plan to export: the first with one person taken out of the cohort that
    // has a pinned session, which the previous plan keeps (H8-PIN).
    const auto s = jadwal::test::load_or_fail(load::load_scenario_file(office));
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
    const auto run = run_cli("export '" + office + "' '" + (dir / "changed.json").string() + "' --previous '" +
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
    REQUIRE(run_cli("export '" + office + "' '" + (dir / "changed.json").string() + "' --format json,html --out '" +
                        (dir / "alone").string() + "'",
                    dir)
                .exit_code == 0);
    CHECK(number_in(read_file_text(dir / "alone" / "solution.json"), json_count) == 0);
    CHECK(read_file_text(dir / "alone" / "report.html").find("H8-PIN") == std::string::npos);
    CHECK(number_in(read_file_text(dir / "alone" / "report.html"), report_card) == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("solve --previous shows in report.html the broken pins solution.json counts", "[cli][solve][replan]") {
    // examples/office re-planned from 27 March with its horizon cut to 3 April:
    // study begun before the re-plan date whose later blocks the horizon lost is
    // planned again, which breaks its pins (H8-PIN). The solver counts them in
    // solution.json; the report checked the plan without the previous one and
    // said none. (The webinar's demand goes: its fixed sessions lie after the
    // new horizon, which the loader refuses.)
    const auto dir = jadwal::test::scratch_dir("solve-replan-check");
    solve_first_office_plan(dir);
    std::string text = read_file_text(office);
    const auto cut = [&](const std::string& from, const std::string& to) {
        const auto i = text.find(from);
        REQUIRE(i != std::string::npos);
        const auto j = text.find(to, i);
        REQUIRE(j != std::string::npos);
        text.erase(i, j - i);
    };
    const auto horizon = text.find("  to: 2026-06-30");
    REQUIRE(horizon != std::string::npos);
    text.replace(horizon, 16, "  to: 2026-04-03");
    cut("  # The national webinar, for the secretariat.", "  # E-learning for every PPPK.");
    {
        std::ofstream out(dir / "short.yaml", std::ios::binary);
        out << text;
    }
    // The cut scenario re-planned from 27 March against the first plan, into dir/out.
    const auto replan = [&](const std::string& options, const std::string& out) {
        return run_cli("solve '" + (dir / "short.yaml").string() + "' --seed 1 --max-moves 2000 --previous '" +
                           (dir / "first" / "solution.json").string() + "' --replan-from 2026-03-27" + options +
                           " --lang en --format json,html --out '" + (dir / out).string() + "'",
                       dir);
    };
    const auto run = replan("", "out");
    INFO(run.err);
    REQUIRE(run.exit_code == 3);  // solved, with hard violations (docs/cli.md "Exit codes")
    const auto json = read_file_text(dir / "out" / "solution.json");
    const auto html = read_file_text(dir / "out" / "report.html");
    const long in_json = number_in(json, json_count);
    CHECK(in_json > 0);
    CHECK(number_in(html, report_card) == in_json);
    CHECK(html.find("H8-PIN") != std::string::npos);
    // The same re-plan answering a change request: the check applies the
    // granted ones as duties (as verify --requests does) and still knows the
    // previous plan.
    {
        std::ofstream out(dir / "requests.csv", std::ios::binary);
        out << "nip,program,request,value,reason\n198105172007012014,arsip_digital,not_on,2026-04-02,rapat\n";
    }
    const auto asked = replan(" --requests '" + (dir / "requests.csv").string() + "'", "asked");
    INFO(asked.err);
    REQUIRE(asked.exit_code == 3);
    const long asked_json = number_in(read_file_text(dir / "asked" / "solution.json"), json_count);
    CHECK(asked_json > 0);
    CHECK(number_in(read_file_text(dir / "asked" / "report.html"), report_card) == asked_json);
    std::filesystem::remove_all(dir);
}
