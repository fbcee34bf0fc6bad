// Protected breaks and trainers who teach in the evening (issue 12), on tiny
// hand-made scenarios: what the solver plans, and what verify says when a
// plan is broken on purpose.
#include "support.hpp"

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/solve/explain.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

using namespace jadwal;
using jadwal::test::jakarta;

namespace {

bool has(const verify::report& r, const std::string& code) { return r.violations_by_code.count(code) > 0; }

// 2026-06-03 is a Wednesday; the office breaks for lunch 12:00-13:00.
constexpr std::string_view lunch = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-03, to: 2026-06-03}
work_patterns:
  office:
    week: {mon-thu: 07:30-16:00, fri: 07:30-16:30}
    breaks: {mon-thu: 12:00-13:00, fri: 11:30-13:00}
locations: [{id: town}]
units: [{id: u, pattern: office, location: town, max_absent: 3}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
venues: [{id: room, capacity: 10, location: town}]
programs:
  - id: p
    modules: [{id: m1, jp: 4}]
    modes: [{mode: classroom, venues: [room], windows: [{days: wed, hours: [10:00-16:00]}]}]
    cohort: {min: 2, max: 10}
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {only: {}}
)";

}  // namespace

TEST_CASE("a classroom session is never placed across lunch", "[solve][breaks]") {
    const auto s = test::scenario_from(lunch);
    const auto sol = test::solve_with(*s, "only", 2000);
    REQUIRE(sol.cohorts.size() == 1);
    REQUIRE(sol.cohorts[0].sessions.size() == 1);
    // 4 JP = 180 minutes: 10:00-12:00 is too short, so only the afternoon is left.
    CHECK(jakarta(sol.cohorts[0].sessions[0].start) == "2026-06-03T13:00:00+07:00");
    CHECK(jakarta(sol.cohorts[0].sessions[0].end) == "2026-06-03T16:00:00+07:00");
    CHECK(test::verify_violations(*s, sol, "only").empty());
    CHECK(test::own_violations(*s, sol, "only").empty());
}

TEST_CASE("verify reports a session moved into lunch as H2-BREAK", "[verify][breaks]") {
    const auto s = test::scenario_from(lunch);
    auto sol = test::solve_with(*s, "only", 2000);
    REQUIRE(sol.cohorts.size() == 1);
    REQUIRE(verify::verify(*s, sol, test::policy_of(*s, "only")).feasible());
    auto& ses = sol.cohorts[0].sessions[0];
    const auto len = ses.end - ses.start;
    ses.start -= std::chrono::minutes{120};  // 11:00-14:00, across lunch
    ses.end = ses.start + len;
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, "only"));
    CHECK(has(rep, "H2-BREAK"));
    CHECK(rep.violations_by_code.at("H2-BREAK") == 2);  // both participants
}

TEST_CASE("a policy that allows breaks counts break minutes neither as working time nor as after hours",
          "[verify][breaks]") {
    auto text = std::string(lunch);
    text.replace(text.find("policies: {only: {}}"), 20, "policies: {only: {}, lax: {breaks: allowed}}");
    const auto s = test::scenario_from(text);
    auto sol = test::solve_with(*s, "only", 2000);
    REQUIRE(sol.cohorts.size() == 1);
    auto& ses = sol.cohorts[0].sessions[0];
    const auto len = ses.end - ses.start;
    ses.start -= std::chrono::minutes{120};  // 11:00-14:00: 60 min of it is lunch
    ses.end = ses.start + len;
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, "lax"));
    CHECK_FALSE(has(rep, "H2-BREAK"));
    CHECK(rep.metrics.disruption_minutes == 2 * 120);
    CHECK(rep.metrics.after_hours_minutes == 0);
    // explain says the same of each person's session.
    sol.policy = "lax";
    const auto one = solve::explain_employee(*s, sol, sol.cohorts[0].participants[0]);
    REQUIRE(one.trainings.size() == 1);
    CHECK(one.trainings[0].working_minutes == 120);
    CHECK(one.trainings[0].after_hours_minutes == 0);
}

TEST_CASE("study blocks avoid the Friday prayer", "[solve][breaks]") {
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-05, to: 2026-06-05}
work_patterns:
  office:
    week: {mon-thu: 07:30-16:00, fri: 07:30-16:30}
    breaks: {mon-thu: 12:00-13:00, fri: 11:30-13:00}
units: [{id: u, pattern: office, max_absent: 3}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
programs:
  - id: p
    modules: [{id: m1, jp: 8}]
    modes: [{mode: self_paced, windows: [working_hours]}]
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {only: {working_hours: 07:30-16:30, max_training_minutes_per_day: 480}}
)");
    const auto sol = test::solve_with(*s, "only", 5000);
    REQUIRE(sol.metrics.demand_placed == 1);
    const auto prayer_a = *calendar::parse_instant("2026-06-05T11:30:00+07:00");
    const auto prayer_b = *calendar::parse_instant("2026-06-05T13:00:00+07:00");
    int minutes = 0;
    for (const auto& b : sol.study_blocks) {
        CHECK_FALSE((b.start < prayer_b && prayer_a < b.end));
        minutes += static_cast<int>((b.end - b.start).count());
    }
    CHECK(minutes == 8 * 45);  // 360 minutes fit around the prayer: 240 + 210 available
    CHECK(test::verify_violations(*s, sol, "only").empty());
}

TEST_CASE("a Ramadan variant has its own shorter break", "[calendar][breaks]") {
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-03-02, to: 2026-03-06}
seasons: {ramadan: {from: 2026-02-19, to: 2026-03-04}}
work_patterns:
  office:
    week: {mon-thu: 07:30-16:00, fri: 07:30-16:30}
    breaks: {mon-thu: 12:00-13:00, fri: 11:30-13:00}
    ramadan:
      week: {mon-thu: 08:00-15:00, fri: 08:00-15:30}
      breaks: {mon-thu: 12:00-12:30, fri: 11:30-12:30}
units: [{id: u, pattern: office}]
employees: [{id: a, name: A, unit: u, status: pns}]
)");
    const calendar::work_calendar cal(*s);
    auto day = [&](std::string_view d) {
        const auto ld = *calendar::parse_date(d);
        return cal.employee(model::employee_index{0}, {ld, ld});
    };
    const auto tue = day("2026-03-03");  // Ramadan
    REQUIRE(tue.breaks.items().size() == 1);
    CHECK(jakarta(tue.breaks.items()[0].start) == "2026-03-03T12:00:00+07:00");
    CHECK(jakarta(tue.breaks.items()[0].end) == "2026-03-03T12:30:00+07:00");
    CHECK(tue.working.total().count() == 420 - 30);
    CHECK_FALSE(tue.free.overlaps(tue.breaks.items()[0]));
    const auto fri = day("2026-03-06");  // after Ramadan
    REQUIRE(fri.breaks.items().size() == 1);
    CHECK(jakarta(fri.breaks.items()[0].start) == "2026-03-06T11:30:00+07:00");
    CHECK(fri.working.total().count() == 540 - 90);
    bool labelled = false;
    const auto ld = *calendar::parse_date("2026-03-03");
    for (const auto& p : cal.explain(model::employee_index{0}, {ld, ld}))
        labelled = labelled || (p.kind == calendar::time_kind::break_time && p.label == "break (office/ramadan)");
    CHECK(labelled);
}

TEST_CASE("policy working_hours, friday_prayer and breaks load", "[load][breaks]") {
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-05}
work_patterns: {office: {week: {mon-fri: 08:00-16:00}}}
units: [{id: u, pattern: office}]
employees: [{id: a, name: A, unit: u, status: pns}]
policies:
  p: {working_hours: 08:00-15:00, friday_prayer: 11:00-13:00, breaks: allowed}
  q: {friday_prayer: none}
)");
    const auto& p = test::policy_of(*s, "p");
    CHECK(p.working_hours.start == std::chrono::minutes{8 * 60});
    CHECK(p.working_hours.end == std::chrono::minutes{15 * 60});
    REQUIRE(p.friday_prayer);
    CHECK(p.friday_prayer->start == std::chrono::minutes{11 * 60});
    CHECK_FALSE(p.protect_breaks);
    CHECK_FALSE(test::policy_of(*s, "q").friday_prayer);
    CHECK(test::policy_of(*s, "q").protect_breaks);
}

namespace {

// Everyone is busy in working hours (a daily duty), so only evenings are left;
// the trainer works office hours and teaches evenings only with `evenings`.
std::string evening_scenario(std::string_view evenings, std::string_view to = "2026-06-05", int modules = 1) {
    std::string mods;
    for (int m = 1; m <= modules; ++m)
        mods += fmt::format("{}{{id: m{}, jp: 2}}", m > 1 ? ", " : "", m);
    return fmt::format(R"(
jadwal: 1
scenario: {{name: t, from: 2026-06-01, to: {}}}
work_patterns:
  office:
    week: {{mon-fri: 08:00-16:00}}
units:
  - {{id: u, pattern: office, max_absent: 3,
     duties: [{{rrule: "FREQ=DAILY", time: 08:00-16:00, what: pelayanan}}]}}
employees:
  - {{id: a, name: A, unit: u, status: pns, jp_target: 0}}
  - {{id: b, name: B, unit: u, status: pns, jp_target: 0}}
instructors:
  - {{id: wi, pattern: office, cost_per_hour: 100, {}}}
platforms: [{{id: z, capacity: 10}}]
programs:
  - id: p
    modules: [{}]
    modes: [{{mode: online_live, platform: z, windows: [working_hours, after_hours]}}]
    instructors: [wi]
    cohort: {{min: 2, max: 10}}
demand: [{{program: p, where: {{unit: u}}, priority: mandatory}}]
policies: {{eve: {{after_hours: {{weekday: 16:30-21:00}}}}}}
)",
                       to, evenings.empty() ? "name: W" : evenings, mods);
}

}  // namespace

TEST_CASE("an evening-teaching instructor lets an evening online cohort open that cannot open otherwise",
          "[solve][evenings]") {
    const auto none = test::scenario_from(evening_scenario(""));
    const auto without = test::solve_with(*none, "eve", 3000);
    CHECK(without.cohorts.empty());
    CHECK(without.metrics.demand_placed == 0);

    const auto s = test::scenario_from(evening_scenario("evenings: {hours: 18:30-21:00, max_per_week: 2, cost_per_hour: 150}"));
    const auto sol = test::solve_with(*s, "eve", 3000);
    REQUIRE(sol.cohorts.size() == 1);
    CHECK(sol.metrics.demand_placed == 2);
    for (const auto& ses : sol.cohorts[0].sessions) {
        const auto t = jakarta(ses.start);
        CHECK(t.substr(11, 5) >= "18:30");
    }
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, "eve"));
    CHECK(rep.feasible());
    // 90 minutes at the evening rate of 150 an hour.
    CHECK(rep.budget_cost == Approx(150 * 1.5));
}

TEST_CASE("an instructor teaches on at most max_per_week evenings, and verify reports a third",
          "[solve][verify][evenings]") {
    const auto s = test::scenario_from(
        evening_scenario("evenings: {hours: 18:30-21:00, max_per_week: 2}", "2026-06-12", 3));
    const auto sol = test::solve_with(*s, "eve", 5000);
    REQUIRE(sol.cohorts.size() == 1);
    REQUIRE(sol.cohorts[0].sessions.size() == 3);
    std::map<int, std::set<std::string>> per_week;
    for (const auto& ses : sol.cohorts[0].sessions) {
        const auto d = jakarta(ses.start).substr(0, 10);
        per_week[d < "2026-06-08" ? 0 : 1].insert(d);
    }
    for (const auto& [w, days] : per_week) CHECK(days.size() <= 2);
    REQUIRE(verify::verify(*s, sol, test::policy_of(*s, "eve")).feasible());

    // Plant a third evening: every session into the first week, one a day.
    auto bad = sol;
    auto& sessions = bad.cohorts[0].sessions;
    for (std::size_t k = 0; k < sessions.size(); ++k) {
        const auto len = sessions[k].end - sessions[k].start;
        sessions[k].start = *calendar::parse_instant(fmt::format("2026-06-0{}T18:30:00+07:00", 1 + k));
        sessions[k].end = sessions[k].start + len;
    }
    const auto rep = verify::verify(*s, bad, test::policy_of(*s, "eve"));
    CHECK(has(rep, "H5-INSTRUCTOR-EVENINGS"));
    CHECK_FALSE(has(rep, "H5-INSTRUCTOR-HOURS"));
}
