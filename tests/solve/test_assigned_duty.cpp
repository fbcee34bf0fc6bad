// Assigned duty on hand-made rosters (tests/data/duty/ward.yaml, docs/model.md
// "Assigned duty"): training on a nurse's rostered day off or in a teacher's
// school holiday is a working day with its own limits, and every nurse's duty
// day earns a day off in lieu that the solver places and both checkers verify.
#include "support.hpp"

#include "../support/load_or_fail.hpp"

#include <jadwal/calendar/assigned_duty.hpp>

#include "../../src/solve/construct.hpp"
#include "../../src/solve/extract.hpp"
#include "../../src/solve/local_search.hpp"
#include "../../src/solve/plan.hpp"

#include <map>
#include <set>

using namespace jadwal;
using namespace jadwal::test;

namespace {

std::shared_ptr<const model::scenario> ward() {
    return load_or_fail(load::load_scenario_file(std::string(JADWAL_TEST_DATA) + "/duty/ward.yaml"));
}

/// A scenario whose assigned duty pays no allowance, so that duty days are not held back by the budget.
std::shared_ptr<const model::scenario> free_duty(std::shared_ptr<model::scenario> s) {
    for (auto& p : s->policies)
        if (p.assigned_duty) p.assigned_duty->allowance_per_day = 0;
    return s;
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
        CHECK(u.reasons.front().message.find("a cohort costs at least IDR 2,000,000") != std::string::npos);
    }
}

TEST_CASE("days in lieu stay valid through thousands of moves and rollbacks", "[solve][duty]") {
    namespace sd = jadwal::solve::detail;
    // Two nurses' worth of training a month: duty days and their days in lieu come and go.
    for (const auto& [policy, scenario] :
         {std::pair{std::string_view{"duty"}, ward()},
          std::pair{std::string_view{"flexible_duty"}, free_duty(batanghari(800, 4))}}) {
        INFO("policy " << policy);
        const sd::compiled_model cm(*scenario, policy_of(*scenario, policy));
        sd::plan pl(cm);
        sd::rng r(5);
        sd::refusal_log log;
        sd::construct(pl, r, log, [] { return false; });
        std::int64_t most_duty_days = pl.tot.duty_days;
        for (int round = 1; round <= 8; ++round) {
            INFO("round " << round);
            sd::search_params sp;
            sp.max_moves = 30000;
            sp.history = round % 2 ? 1 : 2000;  // also accept worse plans, and roll back often
            sd::local_search(pl, r, log, sp);
            most_duty_days = std::max(most_duty_days, pl.tot.duty_days);
            CHECK(pl.self_check() == "");
            const auto ev = sd::evaluate(cm, sd::extract(pl, log));
            std::string violations;
            for (const auto& v : ev.violations) violations += v.code + " " + v.message + "\n";
            CHECK(violations == "");
        }
        CHECK(most_duty_days > 0);
    }
}

TEST_CASE("training added without checks on a reserved day in lieu moves that day in lieu to the next free shift",
          "[solve][duty]") {
    namespace sd = jadwal::solve::detail;
    const auto s = ward();
    const sd::compiled_model cm(*s, policy_of(*s, "duty"));
    sd::plan pl(cm);
    const sd::employee_id e{0};  // Nur, on the rotation from the horizon's first day
    const auto off = static_cast<std::size_t>(cm.employees[e].rostered_off);
    REQUIRE(cm.employees[e].rostered_off >= 0);
    // A day off whose duty time holds 08:00-12:30, and the first rostered shift after it.
    int k0 = -1, k1 = -1;
    for (int k = 0; k < cm.days && k1 < 0; ++k) {
        const sd::tmin a = cm.day_start[static_cast<std::size_t>(k)] + 8 * 60;
        if (k0 < 0 && cm.duty_minutes(e, a, a + 270) == 270) k0 = k;
        else if (k0 >= 0 && cm.rostered[off + static_cast<std::size_t>(k)].a != cm.rostered[off + static_cast<std::size_t>(k)].b)
            k1 = k;
    }
    REQUIRE(k1 > k0);
    const auto& shift = cm.rostered[off + static_cast<std::size_t>(k1)];
    const sd::tmin a0 = cm.day_start[static_cast<std::size_t>(k0)] + 8 * 60;
    sd::demand_id d{0};
    while (cm.demand[d].employee != e) ++d.value;
    const sd::delivery_id pm = cm.programs[cm.demand[d].program].deliveries.front();
    REQUIRE(cm.deliveries[pm].parts.size() == 2);
    // As a rollback or a re-plan's import does: the first session earns a day in lieu,
    // reserved on k1 before the second session, during k1's shift, is added.
    const auto c = pl.open_cohort(pm, sd::venue_id{0}, -1, {sd::instructor_id{0}},
                                  {{a0, a0 + 270, k0}, {shift.a + 30, shift.a + 300, k1}});
    pl.force_join(c, d);
    const auto& lieu = pl.days_in_lieu(e);
    REQUIRE(lieu.size() == 1);
    CHECK(lieu.front().duty_day == k0);
    CHECK(lieu.front().lieu_day > k1);
    CHECK(pl.self_check() == "");
}
