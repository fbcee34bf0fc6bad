// Explanations of unmet demand name the rule that really blocks the person,
// in words, and price alternatives that would place them.
#include "support.hpp"

#include <jadwal/solve/explain.hpp>

#include <fmt/format.h>

using namespace jadwal;

namespace {

// One week of office days (2026-06-01 is a Monday); the programme's only window
// is Wednesday 09:00-10:30 on one online meeting at a time, so one cohort at most.
std::string one_slot(std::string_view units, std::string_view employees, int cohort_max,
                     std::string_view window = "{days: wed, hours: [09:00-10:30]}") {
    return fmt::format(R"(
jadwal: 1
scenario: {{name: t, from: 2026-06-01, to: 2026-06-05}}
work_patterns:
  office: {{week: {{mon-fri: [08:00-16:00]}}}}
units: [{}]
employees:
{}
platforms: [{{id: z, capacity: 10, concurrent: 1}}]
programs:
  - id: p
    title: Pelayanan Prima
    modules: [{{id: m1, jp: 2}}]
    modes: [{{mode: online_live, platform: z, windows: [{}]}}]
    cohort: {{min: 1, max: {}}}
demand: [{{program: p, where: {{unit: u}}, priority: mandatory}}]
policies: {{only: {{after_hours: {{weekday: 16:00-21:00}}}}}}
)",
                       units, employees, window, cohort_max);
}

constexpr std::string_view three = R"(  - {id: a, name: Ani, unit: u, status: pns, jp_target: 0}
  - {id: b, name: Budi, unit: u, status: pns, jp_target: 0}
  - {id: c, name: Citra, unit: u, status: pns, jp_target: 0})";

const solve::unplaced_demand& only_unplaced(const solve::solution& sol) {
    REQUIRE(sol.unplaced.size() == 1);
    return sol.unplaced.front();
}

bool mentions(const std::string& text, std::string_view what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("a person kept out by the unit's staffing limit is told so, with the unit and the time", "[solve][explain]") {
    const auto s = test::scenario_from(one_slot("{id: u, name: Bagian Umum, pattern: office, max_absent: 2}", three, 10));
    const auto sol = test::solve_with(*s, "only", 3000);
    const auto& u = only_unplaced(sol);
    REQUIRE_FALSE(u.reasons.empty());
    CHECK(u.reasons[0].code == "R-UNIT-LIMIT");
    CHECK(mentions(u.reasons[0].message, "Bagian Umum would have more than 2 of its 3 staff in training at once"));
    CHECK(mentions(u.reasons[0].message, "Wed 3 Jun 2026 09:00"));
    // Raising the limit by one would place them, for 90 minutes of working time.
    REQUIRE_FALSE(u.alternatives.empty());
    CHECK(mentions(u.alternatives[0].description, "lets one more of its staff train at once (2 \u2192 3)"));
    CHECK(u.alternatives[0].cost == Approx(90));
}

TEST_CASE("a person on leave on the only day is told it is their leave", "[solve][explain]") {
    const auto s = test::scenario_from(one_slot("{id: u, pattern: office, max_absent: 3}", R"(  - {id: a, name: Ani, unit: u, status: pns, jp_target: 0}
  - {id: b, name: Budi, unit: u, status: pns, jp_target: 0}
  - {id: c, name: Citra, unit: u, status: pns, jp_target: 0, leave: [{from: 2026-06-03, to: 2026-06-03}]})",
                                                    10));
    const auto sol = test::solve_with(*s, "only", 3000);
    const auto& u = only_unplaced(sol);
    CHECK(s->employees[u.employee.value].id == "c");
    CHECK(u.reasons[0].code == "R-UNAVAILABLE");
    CHECK(mentions(u.reasons[0].message, "Citra is not available (leave"));
    // Leave is not something a planner relaxes: no alternative is offered.
    CHECK(u.alternatives.empty());
}

TEST_CASE("a full cohort is named as the reason and one seat more is priced", "[solve][explain]") {
    const auto s = test::scenario_from(one_slot("{id: u, pattern: office, max_absent: 3}", three, 2));
    const auto sol = test::solve_with(*s, "only", 3000);
    const auto& u = only_unplaced(sol);
    CHECK(u.reasons[0].code == "R-COHORT-FULL");
    REQUIRE_FALSE(u.alternatives.empty());
    CHECK(mentions(u.alternatives[0].description, "one seat over its maximum (2 \u2192 3)"));
}

TEST_CASE("a full cohort whose programme the money budget keeps from a second one says how much is left",
          "[solve][explain]") {
    // Two online meetings may run at once, so only the money stops a second cohort.
    const auto with_budget = [&](int max_cost) {
        return test::scenario_from(fmt::format(R"(
jadwal: 1
scenario: {{name: t, from: 2026-06-01, to: 2026-06-05}}
work_patterns:
  office: {{week: {{mon-fri: [08:00-16:00]}}}}
units: [{{id: u, pattern: office, max_absent: 3}}]
employees:
{}
platforms: [{{id: z, capacity: 10, concurrent: 2}}]
programs:
  - id: p
    modules: [{{id: m1, jp: 2}}]
    modes: [{{mode: online_live, platform: z, windows: [{{days: wed, hours: [09:00-10:30]}}], cost_per_cohort: 1000000}}]
    cohort: {{min: 1, max: 2}}
demand: [{{program: p, where: {{unit: u}}, priority: mandatory}}]
policies: {{only: {{}}}}
budget: {{max_cost: {}, currency: IDR}}
)",
                                               three, max_cost));
    };
    const auto sol = test::solve_with(*with_budget(1500000), "only", 3000);
    const auto& u = only_unplaced(sol);
    CHECK(u.reasons[0].code == "R-COHORT-FULL");
    CHECK(mentions(u.reasons[0].message, "no further cohort can open: a cohort costs at least"));
    CHECK(mentions(u.reasons[0].message, "has IDR 500,000 left"));
    // With the money for a second cohort, everyone is placed.
    CHECK(test::solve_with(*with_budget(2000000), "only", 3000).unplaced.empty());
}

TEST_CASE("a person who refuses evening training is told so, and accepting it is the alternative", "[solve][explain]") {
    const auto s = test::scenario_from(one_slot("{id: u, pattern: office, max_absent: 3}", R"(  - {id: a, name: Ani, unit: u, status: pns, jp_target: 0}
  - {id: b, name: Budi, unit: u, status: pns, jp_target: 0, accepts: {after_hours: false}})",
                                                    10, "{days: wed, hours: [17:00-18:30]}"));
    const auto sol = test::solve_with(*s, "only", 3000);
    const auto& u = only_unplaced(sol);
    CHECK(s->employees[u.employee.value].id == "b");
    CHECK(u.reasons[0].code == "R-ACCEPTANCE");
    CHECK(mentions(u.reasons[0].message, "Budi does not accept training in the evening"));
    REQUIRE_FALSE(u.alternatives.empty());
    CHECK(mentions(u.alternatives[0].description, "Budi accepts evening or weekend sessions"));
    CHECK(u.alternatives[0].cost == Approx(45));  // 90 minutes after hours at weight 0.5
}

TEST_CASE("explain_employee rebuilds the plan from the file and agrees with the solver", "[solve][explain]") {
    const auto s = test::scenario_from(one_slot("{id: u, name: Bagian Umum, pattern: office, max_absent: 2}", three, 10));
    const auto sol = test::solve_with(*s, "only", 3000);
    const auto read = io::solution_from_json(*s, io::solution_to_json(*s, sol));
    REQUIRE(read.solution);
    const auto& u = only_unplaced(sol);
    const auto x = solve::explain_employee(*s, *read.solution, u.employee);
    CHECK(x.notes.empty());
    CHECK(x.trainings.empty());
    REQUIRE(x.unplaced.size() == 1);
    CHECK(x.unplaced[0].reasons[0].code == u.reasons[0].code);
    CHECK(x.unplaced[0].reasons[0].message == u.reasons[0].message);
    // A placed colleague sees their session and its 90 minutes of working time.
    for (std::uint32_t e = 0; e < s->employees.size(); ++e) {
        if (e == u.employee.value) continue;
        const auto y = solve::explain_employee(*s, *read.solution, model::employee_index{e});
        REQUIRE(y.trainings.size() == 1);
        CHECK(y.trainings[0].working_minutes == 90);
        CHECK(y.trainings[0].after_hours_minutes == 0);
        CHECK(y.unplaced.empty());
        CHECK(y.placed.size() == 1);
    }
}

TEST_CASE("every unplaced demand of a generated population gets a reason sentence", "[solve][explain]") {
    const auto s = test::batanghari(300, 7);
    const auto sol = test::solve_with(*s, "flexible", 20000);
    REQUIRE_FALSE(sol.unplaced.empty());
    std::size_t with_alternative = 0;
    for (const auto& u : sol.unplaced) {
        REQUIRE_FALSE(u.reasons.empty());
        for (const auto& r : u.reasons) {
            CHECK(r.code.rfind("R-", 0) == 0);
            CHECK(r.message.size() > 20);
        }
        CHECK(u.alternatives.size() <= 3);
        for (std::size_t i = 1; i < u.alternatives.size(); ++i) CHECK(u.alternatives[i].description != u.alternatives[0].description);
        with_alternative += u.alternatives.empty() ? 0 : 1;
    }
    CHECK(with_alternative > 0);
}

TEST_CASE("a programme no cohort can gather for a unit's limit names the limit and offers to open one", "[solve][explain]") {
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-05}
work_patterns:
  office: {week: {mon-fri: [07:30-16:00]}}
units: [{id: u, name: Bagian Keuangan, pattern: office, max_absent: 1}]
employees:
  - {id: a, name: Ani, unit: u, status: pns, jp_target: 0}
  - {id: b, name: Budi, unit: u, status: pns, jp_target: 0}
  - {id: c, name: Citra, unit: u, status: pns, jp_target: 0}
platforms: [{id: z, capacity: 10}]
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, platform: z, windows: [working_hours]}]
    cohort: {min: 3, max: 10}
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {only: {}}
)");
    const auto sol = test::solve_with(*s, "only", 3000);
    REQUIRE(sol.unplaced.size() == 3);
    const auto& u = sol.unplaced.front();
    CHECK(u.reasons[0].code == "R-UNIT-LIMIT");
    CHECK(mentions(u.reasons[0].message, "at best 1 of the 3 people waiting could sit its first session together, "
                                         "fewer than its minimum of 3"));
    CHECK(mentions(u.reasons[0].message, "Bagian Keuangan would have more than 1 of its 3 staff in training at once"));
    REQUIRE(u.alternatives.size() == 1);
    CHECK(mentions(u.alternatives[0].description, "open a live online cohort of p if their units let more staff train "
                                                  "at once: 3 of the 3 people waiting could then sit"));
    CHECK(u.alternatives[0].cost == Approx(90));  // 90 minutes of working time (07:30-09:00)
}

TEST_CASE("explaining one person gives the reasons and alternatives the whole plan gave them", "[solve][explain]") {
    // Each demand's explanation draws from a random stream of its own, so
    // `jadwal explain` agrees with solution.json's unplaced list, also for a
    // plan found by the second of two search threads.
    const auto s = test::batanghari(400, 5);
    for (const int threads : {1, 2}) {
        const auto sol = test::solve_with(*s, "flexible", 5000, 3, threads);
        REQUIRE(sol.unplaced.size() > 20);
        std::size_t checked = 0;
        for (std::size_t i = 0; i < sol.unplaced.size(); i += 7) {
            const auto& u = sol.unplaced[i];
            const auto one = solve::explain_employee(*s, sol, u.employee, u.program);
            REQUIRE(one.unplaced.size() == 1);
            const auto& again = one.unplaced[0];
            INFO(s->employees[u.employee.value].id << " " << s->programs[u.program.value].id);
            REQUIRE(again.reasons.size() == u.reasons.size());
            for (std::size_t k = 0; k < u.reasons.size(); ++k) {
                CHECK(again.reasons[k].code == u.reasons[k].code);
                CHECK(again.reasons[k].message == u.reasons[k].message);
            }
            REQUIRE(again.alternatives.size() == u.alternatives.size());
            for (std::size_t k = 0; k < u.alternatives.size(); ++k) {
                CHECK(again.alternatives[k].description == u.alternatives[k].description);
                CHECK(again.alternatives[k].cost == u.alternatives[k].cost);
            }
            ++checked;
        }
        CHECK(checked > 3);
    }
}
