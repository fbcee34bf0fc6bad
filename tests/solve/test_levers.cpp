// Recordings of fixed sessions and catalogue top-up in the solver, on tiny
// scenarios; every plan is also checked by verify.
#include "support.hpp"

#include <map>
#include <set>

using namespace jadwal;

namespace {

// Five office staff of whom one may be away in working time, and a national
// webinar in working hours that all of them need; it is recorded for a week.
constexpr std::string_view webinar_yaml = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-19}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 1}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
  - {id: c, name: C, unit: u, status: pns, jp_target: 0}
  - {id: d, name: D, unit: u, status: pns, jp_target: 0}
  - {id: e, name: E, unit: u, status: pns, jp_target: 0}
platforms: [{id: z, capacity: 100}]
programs:
  - id: webinar
    modules: [{id: w, jp: 2}]
    modes:
      - {mode: online_live, platform: z,
         fixed: [{module: w, date: 2026-06-03, time: 09:00-10:30, recording: {days: 7, post_test_minutes: 30}}]}
    cohort: {min: 1, max: 100}
demand: [{program: webinar, where: {unit: u}}]
policies:
  flexible: {}
  live_only: {recordings: false}
)";

}  // namespace

TEST_CASE("people a unit limit keeps from a fixed webinar watch its recording in the window", "[solve][recording]") {
    const auto s = test::scenario_from(webinar_yaml);
    const auto sol = test::solve_with(*s, "flexible", 3000);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK(sol.unplaced.empty());
    REQUIRE(sol.cohorts.size() == 1);
    CHECK(sol.cohorts[0].participants.size() == 1);  // the unit lets one go at a time
    CHECK(test::metric(sol, "recording_placed") == 4);
    const auto from = test::jakarta(sol.cohorts[0].sessions[0].end);
    for (const auto& b : sol.study_blocks) {
        CHECK(b.recording);
        CHECK(test::jakarta(b.start) >= from);
        CHECK(test::jakarta(b.end) <= "2026-06-10T10:30:00+07:00");
    }
    // 90 minutes of session and 30 of post-test each.
    std::int64_t minutes = 0;
    for (const auto& b : sol.study_blocks) minutes += (b.end - b.start).count();
    CHECK(minutes == 4 * 120);
}

TEST_CASE("a policy that refuses recordings leaves those the webinar cannot seat unplaced", "[solve][recording]") {
    const auto s = test::scenario_from(webinar_yaml);
    const auto sol = test::solve_with(*s, "live_only", 3000);
    CHECK(test::verify_violations(*s, sol, "live_only").empty());
    CHECK(sol.study_blocks.empty());
    CHECK(sol.unplaced.size() == 4);
    CHECK(test::metric(sol, "recording_placed") == 0);
}

TEST_CASE("people short of their target get catalogue courses up to it and within the limit", "[solve][top-up]") {
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-19}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units:
  - {id: u, kind: office, pattern: office, max_absent: 10}
  - {id: sd, kind: school, pattern: office, max_absent: 10}
employees:
  - {id: short, name: Short, unit: u, status: pns, jp_target: 8}
  - {id: far, name: Far, unit: u, status: pns, jp_target: 20}
  - {id: done, name: Done, unit: u, status: pns, jp_target: 2}
  - {id: contract, name: Contract, unit: u, status: pppk}
  - {id: teacher, name: Teacher, unit: sd, status: pns, jp_target: 8}
programs:
  - {id: dasar, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}
  - {id: c2, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}
  - {id: c4, modules: [{id: m, jp: 4}], modes: [{mode: self_paced}]}
  - {id: c6, modules: [{id: m, jp: 6}], modes: [{mode: self_paced}]}
demand: [{program: dasar, where: {}}]
catalogue: {programs: [c2, c4, c6], eligible: {status: [pns], unit_kind: [office]}, max_jp_per_person: 6}
policies: {flexible: {}}
)");
    const auto sol = test::solve_with(*s, "flexible", 3000);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK(sol.unplaced.empty());
    std::map<std::string, std::set<std::string>> top_up;
    for (const auto& b : sol.study_blocks)
        if (b.top_up) top_up[s->employees[b.employee.value].id].insert(s->programs[b.program.value].id);
    // 2 JP declared + the one course that closes the gap of 6 with no overshoot.
    CHECK(top_up["short"] == std::set<std::string>{"c6"});
    // Short by 18, but the catalogue allows 6 JP a person.
    CHECK(top_up["far"] == std::set<std::string>{"c6"});
    CHECK(top_up.count("done") == 0);      // already at target
    CHECK(top_up.count("contract") == 0);  // no target, and not eligible
    CHECK(top_up.count("teacher") == 0);   // not eligible
    CHECK(test::metric(sol, "top_up_placed") == 2);
    CHECK(test::metric(sol, "top_up_jp") == 12);
    CHECK(test::metric(sol, "demand_total") == 5);  // top-up is not demand
    CHECK(test::metric(sol, "jp_target_met") == 2);  // short (2 + 6) and done
}

TEST_CASE("top-up never takes the time declared demand needs", "[solve][top-up]") {
    // One evening of 90 minutes a week is all anyone may train: the declared
    // course gets it, the catalogue course does not, though both are 2 JP.
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-05}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, kind: office, pattern: office, max_absent: 10}]
employees: [{id: a, name: A, unit: u, status: pns, jp_target: 20}]
programs:
  - {id: wajib, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}
  - {id: c2, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}
demand: [{program: wajib, employees: [a]}]
catalogue: {programs: [c2]}
policies:
  evenings: {windows: [after_hours], after_hours: {max_minutes_per_week: 90}}
)");
    const auto sol = test::solve_with(*s, "evenings", 3000);
    CHECK(test::verify_violations(*s, sol, "evenings").empty());
    CHECK(sol.unplaced.empty());
    CHECK(test::metric(sol, "demand_placed") == 1);
    CHECK(test::metric(sol, "top_up_placed") == 0);
}
