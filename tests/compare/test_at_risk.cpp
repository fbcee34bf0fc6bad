// The at-risk list: the exact probability of reaching the JP target, earned JP,
// the threshold, at_risk.csv and the report's section.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <jadwal/compare/at_risk.hpp>
#include <jadwal/model/policy.hpp>
#include <jadwal/output/publish.hpp>
#include <jadwal/output/report.hpp>
#include <jadwal/verify/verify.hpp>
#include <utility>
#include <vector>

#include "../support/cli.hpp"
#include "attendance_fixture.hpp"
#include "../support/error_code.hpp"

using namespace jadwal;
using jadwal::test::attendance_scenario;
using jadwal::test::live_cohort;
using jadwal::test::plan_of;

namespace {

constexpr std::uint32_t etika = 0;  // one module, 2 JP

/// `jp` earned by employee `e`, completed on `end` ("YYYY-MM-DD").
void earned(model::scenario& s, std::uint32_t e, int jp, std::string_view end) {
    model::history_entry h;
    h.employee = model::employee_index{e};
    h.course = "Pelatihan lain";
    h.jp = jp;
    const auto d = calendar::parse_date(end);
    REQUIRE(d);
    h.start = *d;
    h.end = *d;
    s.history.push_back(h);
}

/// The checker's report of `sol` (in English) with one violation planted that
/// only this report has: which report a published report.html shows is then plain.
verify::report check_with_planted(const model::scenario& s, const solve::solution& sol, const std::string& message) {
    verify::options vo;
    vo.language = text::language::en;
    auto check = verify::verify(s, sol, model::policy_or_builtin(model::plan_policy(s, sol)), vo);
    REQUIRE(check.violations.empty());
    verify::violation planted;
    planted.code = "H8-PLANTED";
    planted.message = message;
    check.violations.push_back(planted);
    check.violations_by_code[planted.code] = 1;
    return check;
}

}  // namespace

TEST_CASE("The probability of reaching the target is exact over the JP sums", "[at-risk]") {
    using P = std::vector<std::pair<int, double>>;
    // Two programmes, 0.5 and 0.8, the target reachable only with both.
    CHECK(compare::target_probability(0, 4, P{{2, 0.5}, {2, 0.8}}) == Approx(0.4));
    // Either one suffices: 1 - 0.5 * 0.2.
    CHECK(compare::target_probability(2, 4, P{{2, 0.5}, {2, 0.8}}) == Approx(0.9));
    // Three programmes, any two of them: P(at least two of 0.5, 0.8, 0.6).
    const double two = 0.5 * 0.8 * 0.4 + 0.5 * 0.2 * 0.6 + 0.5 * 0.8 * 0.6 + 0.5 * 0.8 * 0.6;
    CHECK(compare::target_probability(0, 4, P{{2, 0.5}, {2, 0.8}, {2, 0.6}}) == Approx(two));
    // A large programme overshoots the target and still counts once.
    CHECK(compare::target_probability(0, 3, P{{10, 0.7}, {2, 0.9}}) == Approx(0.7));
    // Earned JP at the target: certain; all of it together short: impossible.
    CHECK(compare::target_probability(20, 20, P{}) == 1);
    CHECK(compare::target_probability(5, 20, P{{4, 1.0}, {4, 1.0}}) == 0);
}

TEST_CASE("JP earned this year lifts a person out of risk", "[at-risk]") {
    auto s = attendance_scenario(2);
    // Both booked on etika after hours (2 JP, attended with 0.92); target 4.
    const auto sol = plan_of({live_cohort("a", etika, 0, 2, {{0, "2026-04-06 18:00", 90}})});
    const auto x = compare::compute_exposure(s, sol);
    REQUIRE(x.enrolments.size() == 2);
    auto before = compare::at_risk_list(s, x, s.attendance);
    REQUIRE(before.size() == 2);
    CHECK(before[0].probability == 0);  // 0 earned + 2 planned < 4
    CHECK(before[0].jp_planned == 2);
    CHECK(before[0].expected_jp == Approx(0.92 * 2));

    earned(s, 1, 2, "2026-02-10");  // this year: counts
    earned(s, 0, 2, "2025-12-20");  // last year: does not
    const auto after = compare::at_risk_list(s, x, s.attendance);
    REQUIRE(after.size() == 1);
    CHECK(s.employees[after[0].employee.value].id == s.employees[0].id);
    CHECK(after[0].jp_earned == 0);
    const auto all = compare::at_risk_list(s, x, s.attendance, 1.0);
    REQUIRE(all.size() == 2);
    // Sorted by unit, then probability: the one who cannot make it first.
    CHECK(all[0].employee.value == 0);
    CHECK(all[1].employee.value == 1);
    CHECK(all[1].jp_earned == 2);
    CHECK(all[1].probability == Approx(0.92));
    CHECK(all[1].expected_jp == Approx(2 + 0.92 * 2));

    const auto units = compare::at_risk_units(s, after);
    REQUIRE(units.size() == 1);
    CHECK(units[0].staff_with_target == 2);
    CHECK(units[0].at_risk == 1);
}

TEST_CASE("A person exactly at the threshold is not at risk, just above it is", "[at-risk]") {
    auto s = attendance_scenario(1);
    earned(s, 0, 2, "2026-03-01");
    const auto x =
        compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})}));
    REQUIRE(x.enrolments.size() == 1);
    const double p = compare::enrolment_probability(x, x.enrolments[0], s.attendance);
    CHECK(p == Approx(0.92));
    CHECK(compare::at_risk_list(s, x, s.attendance, p).empty());
    const auto just = compare::at_risk_list(s, x, s.attendance, std::nextafter(p, 1.0));
    REQUIRE(just.size() == 1);
    CHECK(just[0].probability == p);
    CHECK(compare::at_risk_list(s, x, s.attendance, 0).empty());
    CHECK(jadwal::test::error_code_of([&] { (void)compare::at_risk_list(s, x, s.attendance, 1.5); }) ==
          jadwal::errc::invalid_argument);
    CHECK(jadwal::test::error_code_of([&] { (void)compare::at_risk_list(s, x, s.attendance, std::nan("")); }) ==
          jadwal::errc::invalid_argument);
}

TEST_CASE("at_risk.csv lists the people at risk with their figures", "[at-risk]") {
    auto s = attendance_scenario(3);
    earned(s, 2, 4, "2026-01-15");  // already at the target: never at risk
    const auto sol = plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})});
    const auto t = compare::at_risk(s, sol);
    REQUIRE(t.units.size() == 1);
    CHECK(t.units[0].staff_with_target == 3);
    CHECK(t.units[0].at_risk == 2);
    const auto f = output::at_risk_csv(s, t);
    CHECK(f.relative == "at_risk.csv");
    CHECK(f.content ==
          "unit,nip,name,staff_group,jp_target,jp_earned,jp_planned,expected_jp,probability\r\n"
          "bpkad,198001012005011000,Orang 0,office,4,0,2,1.8,0.000\r\n"
          "bpkad,198001012005011001,Orang 1,office,4,0,0,0.0,0.000\r\n");
    output::csv_options sheet;
    sheet.spreadsheet = true;
    const auto g = output::at_risk_csv(s, t, sheet);
    CHECK(g.content.find("\"=\"\"198001012005011000\"\"\";Orang 0;office;4;0;2;1,8;0,000\r\n") != std::string::npos);
}

TEST_CASE("The report has an at-risk section in Indonesian when given the list", "[at-risk]") {
    auto s = attendance_scenario(2);
    const auto sol = plan_of({live_cohort("a", etika, 0, 2, {{0, "2026-04-06 18:00", 90}})});
    const auto t = compare::at_risk(s, sol);
    const auto& pol = model::policy_or_builtin(model::plan_policy(s, sol));
    output::report_options ro;
    ro.language = text::language::id;
    CHECK(output::html_report(s, sol, pol, ro).content.find("id=\"at-risk\"") == std::string::npos);
    ro.at_risk = &t;
    const auto html = output::html_report(s, sol, pol, ro).content;
    CHECK(html.find("id=\"at-risk\"") != std::string::npos);
    CHECK(html.find("Berisiko tidak mencapai target JP") != std::string::npos);
    CHECK(html.find("198001012005011001") != std::string::npos);
    ro.language = text::language::en;
    const auto en = output::html_report(s, sol, pol, ro).content;
    CHECK(en.find("At risk of missing the JP target") != std::string::npos);
}

TEST_CASE("Publishing with the at-risk list writes what the list and publish_plan write apart", "[at-risk]") {
    // compare::publish_with_at_risk checks the plan once for both; the files
    // are those of the list computed on its own and handed to publish_plan.
    auto s = attendance_scenario(3);
    const auto sol = plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})});
    output::publish_request req;
    req.json = req.ics = false;
    req.csv = req.html = true;
    req.language = text::language::id;
    const auto dir = jadwal::test::scratch_dir("publish-at-risk");
    compare::publish_with_at_risk(s, sol, dir / "together", req);
    const auto t = compare::at_risk(s, sol, req.at_risk_below);
    output::publish_request apart = req;
    apart.at_risk = &t;
    output::publish_plan(s, sol, dir / "apart", apart);
    const auto read = [](const std::filesystem::path& f) {
        std::ifstream in(f, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    for (const char* name : {"at_risk.csv", "report.html", "schedule.csv"}) {
        INFO(name);
        const std::string together = read(dir / "together" / name);
        CHECK_FALSE(together.empty());
        CHECK(together == read(dir / "apart" / name));
    }
    CHECK(read(dir / "together" / "report.html").find("id=\"at-risk\"") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("Publishing with a caller's check shows that check in the report instead of checking again",
          "[at-risk]") {
    // The CLI's export checks the plan against the previous one; the report must
    // show that check, not one of its own without the previous plan. A violation
    // planted in the caller's report proves which one report.html shows.
    auto s = attendance_scenario(3);
    const auto sol = plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})});
    const auto check = check_with_planted(s, sol, "a planted violation that only the given check has");
    output::publish_request req;
    req.json = req.ics = req.csv = false;
    req.html = true;
    req.language = text::language::en;
    const auto dir = jadwal::test::scratch_dir("publish-caller-check");
    compare::publish_with_at_risk(s, sol, dir / "given", req, &check);
    compare::publish_with_at_risk(s, sol, dir / "own", req);
    const auto given = jadwal::test::read_file_text(dir / "given" / "report.html");
    const auto own = jadwal::test::read_file_text(dir / "own" / "report.html");
    CHECK(given.find("H8-PLANTED") != std::string::npos);
    CHECK(given.find("a planted violation that only the given check has") != std::string::npos);
    CHECK(own.find("H8-PLANTED") == std::string::npos);
    CHECK(own.find("found no violation of a hard constraint") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("Publishing with a check given in the request shows it in the report and does not check again",
          "[at-risk]") {
    // A caller that fills publish_request::checked (and passes no check of its
    // own) has checked the plan already: report.html shows that report, not a
    // second check made here. The violation planted in it proves which one.
    auto s = attendance_scenario(3);
    const auto sol = plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})});
    const auto check = check_with_planted(s, sol, "a planted violation that only the check in the request has");
    output::publish_request req;
    req.json = req.ics = false;
    req.csv = req.html = true;
    req.language = text::language::en;
    req.checked = &check;
    const auto dir = jadwal::test::scratch_dir("publish-request-check");
    compare::publish_with_at_risk(s, sol, dir, req);
    const auto report = jadwal::test::read_file_text(dir / "report.html");
    CHECK(report.find("H8-PLANTED") != std::string::npos);
    CHECK(report.find("a planted violation that only the check in the request has") != std::string::npos);
    CHECK(report.find("found no violation of a hard constraint") == std::string::npos);
    CHECK(std::filesystem::exists(dir / "at_risk.csv"));
    std::filesystem::remove_all(dir);
}

#ifdef JADWAL_CLI

TEST_CASE("solve --at-risk-below sets who at_risk.csv lists, and refuses a value outside 0 to 1", "[at-risk]") {
    const auto dir = jadwal::test::scratch_dir("at-risk");
    const std::string office = std::string(JADWAL_SOURCE_DIR) + "/examples/office/scenario.yaml";
    auto rows = [&](const std::string& sub) {
        const auto text = jadwal::test::read_file_text(dir / sub / "at_risk.csv");
        return std::count(text.begin(), text.end(), '\n');
    };
    const std::string base = "solve '" + office + "' --seed 1 --max-moves 2000 --format csv,html --out '";
    REQUIRE(jadwal::test::run_cli(base + (dir / "half").string() + "'", dir).exit_code == 0);
    REQUIRE(jadwal::test::run_cli(base + (dir / "none").string() + "' --at-risk-below 0", dir).exit_code == 0);
    CHECK(rows("none") == 1);  // the header alone
    CHECK(rows("half") > 1);   // the office's 20-JP targets are out of reach in five months
    const auto report = jadwal::test::read_file_text(dir / "half" / "report.html");
    CHECK(report.find("id=\"at-risk\"") != std::string::npos);
    const auto bad = jadwal::test::run_cli(base + (dir / "bad").string() + "' --at-risk-below 1.5", dir);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--at-risk-below") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "bad"));
    std::filesystem::remove_all(dir);
}

#endif
