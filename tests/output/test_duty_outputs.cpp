// Days off in lieu in what people see (docs/model.md "Assigned duty"): a row
// of schedule.csv and an event in the person's calendar, each on the rostered
// shift they are off, for a plan of tests/data/duty/ward.yaml.
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/solve/solver.hpp>

#include "../support/load_or_fail.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

using namespace jadwal;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("days off in lieu appear in schedule.csv and in each nurse's calendar", "[output][duty]") {
    const auto s = test::load_or_fail(load::load_scenario_file(std::string(JADWAL_TEST_DATA) + "/duty/ward.yaml"));
    solve::solve_options o;
    o.policy = "duty";
    o.max_moves = 20000;
    const auto sol = solve::solve(*s, o);
    REQUIRE(!sol.days_in_lieu.empty());

    const auto csv = output::schedule_csv(*s, sol).content;
    CHECK(occurrences(csv, ",day_in_lieu,") == sol.days_in_lieu.size());

    const auto& first = sol.days_in_lieu.front();
    const auto cal = output::employee_calendar(*s, sol, first.employee).publish;
    std::size_t mine = 0;
    for (const auto& l : sol.days_in_lieu) mine += l.employee == first.employee ? 1 : 0;
    CHECK(occurrences(cal, "SUMMARY:Day off in lieu (shift ") == mine);
    const date::year_month_day ymd{first.date};
    const std::string uid = fmt::format("UID:{}.lieu.{:04}{:02}{:02}@", s->employees[first.employee.value].id,
                                        static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                        static_cast<unsigned>(ymd.day()));
    CHECK(occurrences(cal, uid) == 1);
    CHECK(occurrences(cal, "Earned by assigned-duty training on " + calendar::format_date(first.earned)) == 1);
}
