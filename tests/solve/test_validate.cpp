// Every entry point checks a scenario before the solver indexes it
// (load::validate): a scenario built or edited in code gets a located
// diagnostic from solve(), never an internal error mid-solve.
#include <date/tz.h>

#include <catch2/catch.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/load/validate.hpp>
#include <jadwal/solve/solver.hpp>
#include <string>

#include "../support/in_code.hpp"

namespace {

using namespace jadwal;

model::scenario small_example() {
    auto loaded = load::load_scenario_file(std::string(JADWAL_SOURCE_DIR) + "/examples/small/scenario.yaml");
    REQUIRE(loaded.scenario);
    return std::move(*loaded.scenario);
}

/// One office worker in one unit, built in code as an HR system would.
model::scenario built_in_code() {
    model::scenario s;
    s.zone = date::locate_zone("Asia/Jakarta");
    s.horizon = {*calendar::parse_date("2026-03-02"), *calendar::parse_date("2026-03-27")};
    model::work_pattern office;
    office.id = "office";
    for (std::size_t d = 1; d <= 5; ++d) office.week.by_weekday[d] = {*calendar::parse_clock_range("07:30-16:00")};
    s.patterns.push_back(office);
    test::add_unit_with_one_employee(s, "bkpsdm", "198001012005011001");
    s.units[0].pattern = model::pattern_index{0};
    return s;
}

const load::diagnostic* find_code(const load::diagnostics& d, std::string_view code) {
    for (const auto& x : d.items())
        if (x.code == code) return &x;
    return nullptr;
}

}  // namespace

TEST_CASE("a loaded scenario and a correct one built in code pass validation", "[validate]") {
    CHECK(load::validate(small_example()).empty());
    const model::scenario s = built_in_code();
    CHECK(load::validate(s).empty());
    CHECK_NOTHROW(solve::solve(s, solve::solve_options{}));
}

TEST_CASE("solve() refuses a dangling reference built in code with its path and code", "[validate]") {
    model::scenario s = built_in_code();
    s.employees[0].unit = model::unit_index{3};  // there is one unit
    try {
        (void)solve::solve(s, solve::solve_options{});
        FAIL("solve() accepted an employee of a unit that does not exist");
    } catch (const load::invalid_scenario& e) {
        CHECK(e.code() == errc::invalid_scenario);
        const auto* d = find_code(e.diags(), "E-MODEL-REF");
        REQUIRE(d != nullptr);
        CHECK(d->path == "employees[0].unit");
        CHECK(d->file == "<scenario>");  // built in code: no file to point at
        CHECK(std::string(e.what()).find("employees[0].unit") != std::string::npos);
    }
}

TEST_CASE("an edit in code to a loaded scenario is located at the entry it came from", "[validate]") {
    model::scenario s = small_example();
    REQUIRE_FALSE(s.demand.empty());
    s.demand[0].program = model::program_index{static_cast<std::uint32_t>(s.programs.size())};
    const load::diagnostics d = load::validate(s);
    const auto* ref = find_code(d, "E-MODEL-REF");
    REQUIRE(ref != nullptr);
    CHECK(ref->path == "demand[0].program");
    CHECK(ref->file.find("scenario.yaml") != std::string::npos);
    CHECK(ref->line == s.demand[0].mark.line);
    CHECK(ref->line > 0);
    CHECK_THROWS_AS(solve::solve(s, solve::solve_options{}), load::invalid_scenario);
}

TEST_CASE("every problem is reported at once, not just the first", "[validate]") {
    model::scenario s = built_in_code();
    s.zone = nullptr;
    s.jp_minutes = 0;
    s.units[0].pattern = model::pattern_index{};  // a unit needs a pattern
    model::demand_item bad;
    bad.employee = model::employee_index{9};
    bad.program = model::program_index{0};
    s.demand.push_back(bad);
    const load::diagnostics d = load::validate(s);
    CHECK(find_code(d, "E-MODEL-ZONE") != nullptr);
    CHECK(find_code(d, "E-MODEL-VALUE") != nullptr);
    CHECK(d.error_count() == 5);  // zone, jp_minutes, the unit's pattern, the demand's employee and programme
}

TEST_CASE("ids changed in code without index_ids() are caught before they mislead look-ups", "[validate]") {
    model::scenario s = built_in_code();
    model::employee second = s.employees[0];
    second.id = "199002022015022002";
    s.employees.push_back(second);  // index_ids() not called again
    const load::diagnostics d = load::validate(s);
    const auto* stale = find_code(d, "E-MODEL-INDEX");
    REQUIRE(stale != nullptr);
    CHECK(stale->path == "employees");
    s.index_ids();
    CHECK(load::validate(s).empty());
    s.employees[1].id = s.employees[0].id;
    s.index_ids();
    CHECK(find_code(load::validate(s), "E-MODEL-DUPLICATE") != nullptr);
}

TEST_CASE("a limit the solver keeps is checked before it solves, not met mid-solve", "[validate]") {
    model::scenario s = built_in_code();
    for (int w = 0; w < 254; ++w)  // with weight 1: the most the solver keeps
        s.units[0].critical.push_back({s.horizon, 2.0 + w, "audit"});
    CHECK(load::validate(s).empty());
    s.units[0].critical.push_back({s.horizon, 1000.0, "one level too many"});
    const load::diagnostics d = load::validate(s);
    const auto* limit = find_code(d, "E-MODEL-LIMIT");
    REQUIRE(limit != nullptr);
    CHECK(limit->path == "units[0].critical[254].weight");
    CHECK_THROWS_AS(solve::solve(s, solve::solve_options{}), load::invalid_scenario);
}

TEST_CASE("a training history built in code is checked like the rest of the scenario", "[validate][history]") {
    model::scenario s = built_in_code();
    model::history_entry ok;
    ok.employee = model::employee_index{0};
    ok.course = "Pelatihan Kepemimpinan";
    ok.jp = 12;
    ok.start = ok.end = *calendar::parse_date("2026-02-10");
    s.history.push_back(ok);
    CHECK(load::validate(s).empty());

    model::history_entry bad = ok;
    bad.employee = model::employee_index{4};  // one employee
    bad.program = model::program_index{2};    // no programmes
    bad.jp = -3;
    bad.end = *calendar::parse_date("2026-02-01");  // before its start
    s.history.push_back(bad);
    model::completed_demand done;
    done.demand.employee = model::employee_index{0};
    done.demand.program = model::program_index{0};  // no programmes either
    done.history = 7;                               // two history rows
    s.completed.push_back(done);
    const load::diagnostics d = load::validate(s);
    CHECK(d.error_count() == 6);
    for (const char* path : {"history[1].employee", "history[1].program", "history[1].jp", "history[1].end",
                             "completed[0].demand.program", "completed[0].history"}) {
        INFO(path);
        bool found = false;
        for (const auto& x : d.items()) found = found || x.path == path;
        CHECK(found);
    }
    CHECK_THROWS_AS(solve::solve(s, solve::solve_options{}), load::invalid_scenario);
}
