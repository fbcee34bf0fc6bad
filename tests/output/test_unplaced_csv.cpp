// unplaced.csv (one row per unmet demand, with its reasons and best
// alternative) and the CSV files for spreadsheets set to Indonesian
// (csv_options::spreadsheet): `;` between fields, decimal commas, all-digit
// ids kept as text, a byte order mark, formulas still neutralised.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/publish.hpp>
#include <set>
#include <tuple>

#include "output_fixtures.hpp"
#include "rfc4180.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

/// A spreadsheet file read as Excel set to Indonesian reads it: a UTF-8 byte
/// order mark first, then the strict reader's records with fields split at
/// `;`. Anything else fails the test.
csv_table read_spreadsheet(std::string_view text) {
    REQUIRE(text.substr(0, bom.size()) == bom);
    text.remove_prefix(bom.size());
    return read_rfc4180(text, ';');
}

/// What a spreadsheet shows for a cell of a spreadsheet file: the text of a
/// `="..."` constant, else the cell.
std::string shown(const std::string& cell) {
    if (cell.size() >= 3 && cell.rfind("=\"", 0) == 0 && cell.back() == '"') return cell.substr(2, cell.size() - 3);
    return cell;
}

std::size_t column(const csv_table& t, std::string_view name) {
    REQUIRE(!t.empty());
    for (std::size_t k = 0; k < t[0].size(); ++k)
        if (t[0][k] == name) return k;
    FAIL("no column " << name);
    return 0;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A copy of `plan` whose unplaced list is made up: two items out of scenario
/// order, one with two reasons and three alternatives (costs with decimals,
/// a formula in a sentence), one with neither reasons nor alternatives.
model::solution with_made_up_unplaced(const solved& plan) {
    model::solution sol = plan.plan;
    const auto& s = *plan.scenario;
    REQUIRE(s.employees.size() >= 3);
    REQUIRE(s.programs.size() >= 2);
    sol.unplaced.clear();
    model::unplaced_demand late;
    late.employee = model::employee_index{2};
    late.program = model::program_index{0};
    sol.unplaced.push_back(late);
    model::unplaced_demand first;
    first.employee = model::employee_index{0};
    first.program = model::program_index{1};
    first.reasons = {{"R-COHORT-FULL", "=HYPERLINK(\"x\"); all 3 cohorts are full"},
                     {"R-UNIT-LIMIT", "Unit u1 would have 4 people in training at once, its limit is 3"}};
    first.alternatives = {{"add 2 seats to cohort c1", 12.5}, {"-run an evening cohort", 40.25}, {"wait", 0}};
    sol.unplaced.push_back(first);
    return sol;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("unplaced.csv has one row per unplaced demand item, with its person, programme and first reason",
          "[output][csv][unplaced]") {
    for (const solved* plan : all_plans()) {
        const auto& s = *plan->scenario;
        const auto& sol = plan->plan;
        const auto file = output::unplaced_csv(s, sol);
        CHECK(file.relative == "unplaced.csv");
        const auto t = read_rfc4180(file.content);
        REQUIRE(t.size() == sol.unplaced.size() + 1);
        const auto nip = column(t, "nip"), prog = column(t, "program_id"), code = column(t, "reason_code"),
                   reason = column(t, "reason"), unit = column(t, "unit_id");
        std::multiset<std::tuple<std::string, std::string, std::string>> rows, expected;
        for (std::size_t r = 1; r < t.size(); ++r) rows.emplace(t[r][nip], t[r][prog], t[r][code]);
        for (const auto& u : sol.unplaced) {
            const auto& e = s.employees[u.employee.value];
            expected.emplace(output::neutralise_formulas(e.id),
                             output::neutralise_formulas(s.programs[u.program.value].id),
                             u.reasons.empty() ? std::string{} : u.reasons.front().code);
        }
        CHECK(rows == expected);
        // Unit and sentence agree with the person and the plan, row by row.
        for (std::size_t r = 1; r < t.size(); ++r) {
            const auto it = std::find_if(s.employees.begin(), s.employees.end(),
                                         [&](const auto& e) { return output::neutralise_formulas(e.id) == t[r][nip]; });
            REQUIRE(it != s.employees.end());
            CHECK(t[r][unit] == output::neutralise_formulas(s.units[it->unit.value].id));
            CHECK_FALSE(t[r][reason].empty());
        }
    }
}

TEST_CASE("the bundled small example leaves demand unplaced, so unplaced.csv is tested on real rows",
          "[output][csv][unplaced]") {
    const auto& ex = example_plan();
    REQUIRE(!ex.plan.unplaced.empty());
    const auto t = read_rfc4180(output::unplaced_csv(*ex.scenario, ex.plan).content);
    const auto reason = column(t, "reason"), code = column(t, "reason_code");
    for (std::size_t r = 1; r < t.size(); ++r) {
        CHECK(t[r][code].rfind("R-", 0) == 0);
        CHECK(t[r][reason].size() > 10);
    }
}

TEST_CASE(
    "unplaced.csv is ordered by person, then programme, in scenario order, and carries every reason and "
    "alternative",
    "[output][csv][unplaced]") {
    const auto& plan = example_plan();
    const auto& s = *plan.scenario;
    const auto sol = with_made_up_unplaced(plan);
    const auto t = read_rfc4180(output::unplaced_csv(s, sol).content);
    REQUIRE(t.size() == 3);
    CHECK(t[0] == std::vector<std::string>{"nip", "name", "unit_id", "unit_name", "program_id", "program_title",
                                           "priority", "reason_code", "reason", "other_reasons", "best_alternative",
                                           "alternative_cost", "other_alternatives"});
    // Employee 0 first although the plan lists employee 2 first.
    CHECK(t[1][0] == s.employees[0].id);
    CHECK(t[1][4] == s.programs[1].id);
    CHECK(t[2][0] == s.employees[2].id);
    CHECK(t[1][7] == "R-COHORT-FULL");
    CHECK(t[1][8] == "'=HYPERLINK(\"x\"); all 3 cohorts are full");
    CHECK(t[1][9] == "R-UNIT-LIMIT: Unit u1 would have 4 people in training at once, its limit is 3");
    CHECK(t[1][10] == "add 2 seats to cohort c1");
    CHECK(t[1][11] == "12.50");
    CHECK(t[1][12] == "'-run an evening cohort\nwait");
    // An item without reasons or alternatives keeps its row, with those cells empty.
    for (std::size_t k = 7; k < 13; ++k) CHECK(t[2][k].empty());
    // The priority is the demand's, as the scenario gives it.
    for (const auto& row : {t[1], t[2]}) CHECK((row[6] == "mandatory" || row[6] == "elective" || row[6].empty()));
}

TEST_CASE("a spreadsheet CSV has a byte order mark, ';' between fields, decimal commas and NIPs as text",
          "[output][csv][spreadsheet]") {
    const auto& plan = example_plan();
    const auto& s = *plan.scenario;
    const auto sol = with_made_up_unplaced(plan);
    output::csv_options o;
    o.spreadsheet = true;
    const auto text = output::unplaced_csv(s, sol, o).content;
    CHECK(text.rfind("\xEF\xBB\xBFnip;name;unit_id;", 0) == 0);
    const auto t = read_spreadsheet(text);
    REQUIRE(t.size() == 3);
    // The 18-digit NIP as a text constant, so Excel neither shows 1.98203E+17 nor drops digits.
    REQUIRE(all_digits(s.employees[0].id));
    CHECK(t[1][0] == "=\"" + s.employees[0].id + "\"");
    CHECK(shown(t[1][0]) == s.employees[0].id);
    CHECK(t[1][11] == "12,50");
    // Still neutralised: the sentence starting with '=' gets its apostrophe.
    CHECK(t[1][8] == "'=HYPERLINK(\"x\"); all 3 cohorts are full");
    CHECK(t[1][12] == "'-run an evening cohort\nwait");
    // The same cells as the default file, once the text constants are read.
    const auto plain = read_rfc4180(output::unplaced_csv(s, sol).content);
    REQUIRE(plain.size() == t.size());
    for (std::size_t r = 0; r < t.size(); ++r)
        for (std::size_t k = 0; k < t[r].size(); ++k) {
            std::string cell = shown(t[r][k]);
            if (plain[0][k] == "alternative_cost") std::replace(cell.begin(), cell.end(), ',', '.');
            CHECK(cell == plain[r][k]);
        }
}

TEST_CASE("schedule.csv and siasn_courses.csv for a spreadsheet hold the same cells, digits kept as text",
          "[output][csv][spreadsheet]") {
    output::csv_options sheet;
    sheet.spreadsheet = true;
    for (const solved* plan : all_plans()) {
        const auto& s = *plan->scenario;
        for (const bool siasn : {false, true}) {
            const auto make = [&](const output::csv_options& o) {
                return siasn ? output::siasn_courses_csv(s, plan->plan, o) : output::schedule_csv(s, plan->plan, o);
            };
            const auto plain = read_rfc4180(make({}).content);
            const auto t = read_spreadsheet(make(sheet).content);
            REQUIRE(t.size() == plain.size());
            std::size_t digit_nips = 0;
            for (std::size_t r = 0; r < t.size(); ++r) {
                REQUIRE(t[r].size() == plain[r].size());
                for (std::size_t k = 0; k < t[r].size(); ++k) {
                    CHECK(shown(t[r][k]) == plain[r][k]);
                    // Only all-digit text cells become constants; numbers (part, jp, jumlahJam, ...) stay numbers.
                    if (t[r][k] != plain[r][k]) CHECK(all_digits(plain[r][k]));
                }
                // Every all-digit NIP is a text constant.
                if (r > 0 && all_digits(plain[r][0])) {
                    ++digit_nips;
                    CHECK(t[r][0] == "=\"" + plain[r][0] + "\"");
                }
            }
            if (plan == &hostile_plan() && !siasn) CHECK(digit_nips > 0);
        }
    }
}

TEST_CASE("a spreadsheet CSV still neutralises formulas, in whole cells and after every ';'",
          "[output][csv][spreadsheet]") {
    const auto& h = hostile_plan();
    output::csv_options o;
    o.spreadsheet = true;
    for (const auto& file :
         {output::schedule_csv(*h.scenario, h.plan, o), output::siasn_courses_csv(*h.scenario, h.plan, o),
          output::unplaced_csv(*h.scenario, h.plan, o)}) {
        INFO(file.relative.string());
        const auto t = read_spreadsheet(file.content);
        for (const auto& row : t)
            for (const auto& cell : row) {
                // The only formula: a constant holding digits alone.
                if (output::looks_like_formula(cell)) CHECK(all_digits(shown(cell)));
                CHECK(cell.find(";=") == std::string::npos);
                CHECK(cell.find(";@") == std::string::npos);
            }
    }
}

TEST_CASE("the csv_writer writes a spreadsheet's separator, decimal comma and text constants only when asked",
          "[output][csv][spreadsheet]") {
    output::csv_writer plain;
    plain.text("198203152006041001").text("a;b").decimal(2.5, 2).number(7).text("0123").text("");
    plain.end_row();
    CHECK(plain.str() == "198203152006041001,\"a;b\",2.50,7,0123,\r\n");
    output::csv_writer sheet{false, true};
    sheet.text("198203152006041001").text("a;b").decimal(2.5, 2).number(7).text("0123").text("").text("1,5");
    sheet.text("-1+2").text("=1").text("12a");
    sheet.end_row();
    CHECK(sheet.str() ==
          "\xEF\xBB\xBF\"=\"\"198203152006041001\"\"\";\"a;b\";2,50;7;\"=\"\"0123\"\"\";;\"1,5\";'-1+2;'=1;12a\r\n");
}

TEST_CASE("the default CSV files are RFC 4180 without a byte order mark or text constants",
          "[output][csv][spreadsheet]") {
    const auto& ex = example_plan();
    for (const auto& file :
         {output::schedule_csv(*ex.scenario, ex.plan), output::siasn_courses_csv(*ex.scenario, ex.plan),
          output::unplaced_csv(*ex.scenario, ex.plan)}) {
        INFO(file.relative.string());
        CHECK(file.content.rfind("nip,", 0) == 0);
        CHECK(file.content.find("=\"") == std::string::npos);
        CHECK_NOTHROW(read_rfc4180(file.content));
    }
    // A language asked for changes no CSV byte: column names and codes are English, sentences the plan's.
    output::csv_options id;
    id.language = text::language::id;
    CHECK(output::schedule_csv(*ex.scenario, ex.plan, id).content ==
          output::schedule_csv(*ex.scenario, ex.plan).content);
    CHECK(output::unplaced_csv(*ex.scenario, ex.plan, id).content ==
          output::unplaced_csv(*ex.scenario, ex.plan).content);
}

TEST_CASE("publishing CSV writes unplaced.csv beside schedule.csv, for a spreadsheet when asked",
          "[output][csv][publish]") {
    const auto& ex = example_plan();
    const auto dir = std::filesystem::temp_directory_path() / "jadwal_test_unplaced_csv";
    std::filesystem::remove_all(dir);
    output::publish_request req;
    req.json = req.html = req.ics = false;
    output::publish_plan(*ex.scenario, ex.plan, dir, req);
    CHECK(read_file(dir / "unplaced.csv") == output::unplaced_csv(*ex.scenario, ex.plan).content);
    CHECK(read_file(dir / "schedule.csv") == output::schedule_csv(*ex.scenario, ex.plan).content);
    req.csv_spreadsheet = true;
    output::publish_plan(*ex.scenario, ex.plan, dir, req);
    output::csv_options o;
    o.spreadsheet = true;
    CHECK(read_file(dir / "unplaced.csv") == output::unplaced_csv(*ex.scenario, ex.plan, o).content);
    CHECK(read_file(dir / "siasn_courses.csv") == output::siasn_courses_csv(*ex.scenario, ex.plan, o).content);
    CHECK(read_file(dir / "schedule.csv").rfind("\xEF\xBB\xBFnip;", 0) == 0);
    std::filesystem::remove_all(dir);
}
