// Assigned duty on hand-made rosters (tests/data/duty/ward.yaml, docs/model.md
// "Assigned duty"): training on a nurse's rostered day off or in a teacher's
// school holiday is a working day with its own limits, and every nurse's duty
// day earns a day off in lieu that the solver places and both checkers verify.
#include "support.hpp"

#include "../support/load_or_fail.hpp"

#include <jadwal/calendar/assigned_duty.hpp>

#include <map>
#include <set>

using namespace jadwal;
using namespace jadwal::test;

namespace {

std::shared_ptr<const model::scenario> ward() {
    return load_or_fail(load::load_scenario_file(std::string(JADWAL_TEST_DATA) + "/duty/ward.yaml"));
}

std::int64_t placed_of_unit(const model::scenario& s, const solve::solution& sol, std::string_view unit) {
    std::int64_t n = 0;
    for (const auto& co : sol.cohorts)
        for (const auto e : co.participants) n += s.units[s.employees[e.value].unit.value].id == unit ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("without assigned duty, nurses on days off and teachers in school holidays cannot take a 6-JP day",
          "[solve][duty]") {
    const auto s = ward();
    const auto sol = solve_with(*s, "no_duty", 20000);
    CHECK(verify_violations(*s, sol, "no_duty").empty());
    std::set<std::string> unplaced_units;
    for (const auto& u : sol.unplaced) unplaced_units.insert(s->units[s->employees[u.employee.value].unit.value].id);
    CHECK(unplaced_units.count("sdn1") == 1);  // every teacher: the school holiday is after hours
    CHECK(sol.metrics.assigned_duty_days == 0);
    CHECK(sol.days_in_lieu.empty());
}

TEST_CASE("with assigned duty everyone is placed and the training days are neither after hours nor disruption",
          "[solve][duty]") {
    const auto s = ward();
    const auto sol = solve_with(*s, "duty", 20000);
    INFO(verify_violations(*s, sol, "duty"));
    CHECK(verify_violations(*s, sol, "duty").empty());
    CHECK(own_violations(*s, sol, "duty").empty());
    CHECK(sol.metrics.demand_placed == sol.metrics.demand_total);
    CHECK(sol.metrics.assigned_duty_days > 0);
    // The teachers' whole course is assigned duty: 2 days each, no after-hours or working minutes.
    const auto rep = verify::verify(*s, sol, policy_of(*s, "duty"));
    const auto& sdn1 = rep.units[1];
    CHECK(sdn1.after_hours_minutes == 0);
    CHECK(sdn1.disruption_minutes == 0);
    // Both checkers agree on every metric, the new ones included.
    CHECK(metric_differences(rep.metrics, sol.metrics).empty());
}

TEST_CASE("every nurse's duty day earns one day off in lieu on a rostered shift within the window, teachers none",
          "[solve][duty]") {
    const auto s = ward();
    const auto sol = solve_with(*s, "duty", 20000);
    const auto& rule = *policy_of(*s, "duty").assigned_duty;
    std::map<std::uint32_t, std::set<calendar::local_date>> earned;
    for (const auto& l : sol.days_in_lieu) {
        const auto& emp = s->employees[l.employee.value];
        INFO(emp.id << " earned " << calendar::format_date(l.earned) << " off " << calendar::format_date(l.date));
        CHECK(s->units[emp.unit.value].id == "ugd");
        CHECK(l.earned < l.date);
        CHECK(l.date <= l.earned + date::days{rule.lieu_window_days});
        const model::shift* sh = calendar::rostered_shift(*s, l.employee, l.date);
        REQUIRE(sh != nullptr);
        CHECK(sh->code == l.shift);
        CHECK(calendar::assigned_duty_date(*s, rule, l.employee, l.earned));
        CHECK(earned[l.employee.value].insert(l.earned).second);
    }
    std::int64_t nurse_days = 0;
    for (const auto& [e, days] : earned) nurse_days += static_cast<std::int64_t>(days.size());
    CHECK(sol.metrics.days_in_lieu == nurse_days);
    CHECK(nurse_days == sol.metrics.assigned_duty_days - 2 * placed_of_unit(*s, sol, "sdn1"));
}

TEST_CASE("a policy's limit of duty days a month holds for every person", "[solve][duty]") {
    auto sc = std::make_shared<model::scenario>(*ward());
    for (auto& p : sc->policies)
        if (p.assigned_duty) p.assigned_duty->max_days_per_month = 1;
    const auto sol = solve_with(*sc, "duty", 20000);
    CHECK(verify_violations(*sc, sol, "duty").empty());
    CHECK(own_violations(*sc, sol, "duty").empty());
    // Teachers' holiday lies in June and July: two duty days, one a month, at most.
    const auto rep = verify::verify(*sc, sol, policy_of(*sc, "duty"));
    CHECK(rep.metrics.assigned_duty_days <= 2 * static_cast<std::int64_t>(sc->employees.size()));
    CHECK(sol.metrics.assigned_duty_days > 0);
}

TEST_CASE("the same scenario and seed give the same days in lieu", "[solve][duty]") {
    const auto s = ward();
    CHECK(json_without_elapsed(*s, solve_with(*s, "duty", 5000, 3)) ==
          json_without_elapsed(*s, solve_with(*s, "duty", 5000, 3)));
}

TEST_CASE("when the trainer's days a month are used up, explanations name that limit, not the person's calendar",
          "[solve][explain][duty]") {
    auto sc = std::make_shared<model::scenario>(*ward());
    sc->instructors.front().max_days_per_month = 1;  // wi: one teaching day a month
    const auto sol = solve_with(*sc, "duty", 20000);
    CHECK(verify_violations(*sc, sol, "duty").empty());
    REQUIRE(!sol.unplaced.empty());
    for (const auto& u : sol.unplaced) {
        INFO(sc->employees[u.employee.value].id << ": " << u.reasons.front().message);
        CHECK(u.reasons.front().code == "R-INSTRUCTOR-LIMIT");
        CHECK(u.reasons.front().message.find("wi has already taught the 1 day a month") != std::string::npos);
    }
}

TEST_CASE("when the budget cannot pay for a cohort, explanations say so and by how much", "[solve][explain]") {
    auto sc = std::make_shared<model::scenario>(*ward());
    sc->programs.front().modes.front().cost_per_cohort = 2000000;
    sc->budget.max_cost = 1000000;  // not even one cohort
    const auto sol = solve_with(*sc, "no_duty", 5000);
    CHECK(verify_violations(*sc, sol, "no_duty").empty());
    REQUIRE(sol.unplaced.size() == sc->employees.size());
    for (const auto& u : sol.unplaced) {
        INFO(u.reasons.front().message);
        CHECK(u.reasons.front().code == "R-BUDGET");
        CHECK(u.reasons.front().message.find("a cohort costs at least 2000000 IDR") != std::string::npos);
    }
}
