// The attendance model reads the checker's measures (issue 13, "plan facts
// computed once"): a seat's share in working time and its week's after-hours
// load are what `verify` measured of the person, travel counted and breaks not,
// on a plan where measuring the sessions alone gives other figures.
#include "attendance_fixture.hpp"

#include <jadwal/model/policy.hpp>
#include <jadwal/verify/verify.hpp>

#include <numeric>

using namespace jadwal;
using jadwal::test::jakarta;

namespace {

// One person whose office breaks for lunch, 45 minutes from the venue.
constexpr std::string_view travel_and_break_yaml = R"(jadwal: 1
scenario: {name: Jarak, timezone: Asia/Jakarta, from: 2026-04-01, to: 2026-06-30}
holidays: []
locations:
  - {id: kantor, name: Kantor, travel_minutes: {kota: 45}}
  - {id: kota, name: Kota}
work_patterns:
  office:
    week: {mon-fri: [07:30-16:00]}
    breaks: {mon-fri: 12:00-13:00}
units:
  - {id: bpkad, name: BPKAD, pattern: office, location: kantor, max_absent: 100%}
venues:
  - {id: aula, name: Aula, capacity: 40, location: kota}
programs:
  - id: etika
    title: Etika
    modules: [{id: m1, jp: 2}, {id: m2, jp: 3}]
    modes: [{mode: classroom, windows: [working_hours, after_hours], venues: [aula]}]
    cohort: {min: 1, max: 40}
demand:
  - {program: etika, where: {unit: bpkad}}
employees:
  - {id: "198001012005011001", name: Orang Satu, unit: bpkad, status: pns, jp_target: 4}
)";

model::scenario travel_and_break_scenario() {
    return jadwal::test::scenario_of_text(travel_and_break_yaml, "jarak.yaml");
}

// Monday 16:00-17:30 (travel 15:15-16:00 in working time, 17:30-18:15 after
// it) and Tuesday 11:30-13:30 (across the lunch break, travel in working time).
solve::solution travel_and_break_plan() {
    solve::cohort c;
    c.id = "etika-01";
    c.program = model::program_index{0};
    c.mode = model::delivery_mode::classroom;
    c.venue = model::venue_index{0};
    c.participants.push_back(model::employee_index{0});
    const auto monday = jakarta("2026-04-06 16:00");
    const auto tuesday = jakarta("2026-04-07 11:30");
    c.sessions.push_back({0, 0, monday, monday + calendar::minutes{90}, false, 0});
    c.sessions.push_back({1, 0, tuesday, tuesday + calendar::minutes{120}, false, 0});
    return jadwal::test::plan_of({c});
}

verify::report check(const model::scenario& s, const solve::solution& plan) {
    return verify::verify(s, plan, model::policy_or_builtin(model::plan_policy(s, plan)));
}

}  // namespace

TEST_CASE("A seat's weekly after-hours load is the checker's, with travel counted and the lunch break not",
          "[compare][attendance][measures]") {
    const auto s = travel_and_break_scenario();
    const auto plan = travel_and_break_plan();
    const auto r = check(s, plan);
    REQUIRE(r.people.size() == 1);
    const auto& person = r.people[0];
    // The checker: Monday 16:00-18:15 is outside working time (the session to
    // 17:30 and the way back); Tuesday's 12:00-13:00 is a break, neither
    // working time nor after hours. Measuring the sessions alone would say
    // 90 + 60 = 150 (no travel, the break as after hours).
    REQUIRE(person.after_hours_weeks.size() == 1);
    CHECK(person.after_hours_weeks[0].first == calendar::local_date{date::year{2026} / 4 / 6});
    CHECK(person.after_hours_weeks[0].second == 135);
    CHECK(person.after_hours_minutes == 135);
    CHECK(person.max_after_hours_week == 135);

    const auto x = compare::compute_exposure(s, plan);
    REQUIRE(x.live.size() == 2);
    for (const auto& seat : x.live) CHECK(seat.week_after_hours_minutes == person.after_hours_weeks[0].second);
    // Working share: Monday's session is wholly after 16:00; Tuesday's has
    // 11:30-12:00 and 13:00-13:30 in working time, an hour of two.
    CHECK(x.live[0].working_share == 0);
    CHECK(x.live[1].working_share == Approx(0.5));
}

TEST_CASE("The exposure reads the report it is given rather than measuring the plan again",
          "[compare][attendance][measures]") {
    const auto s = travel_and_break_scenario();
    const auto plan = travel_and_break_plan();
    auto r = check(s, plan);
    const auto own = compare::compute_exposure(s, plan);
    const auto given = compare::compute_exposure(s, plan, r);
    REQUIRE(given.live.size() == own.live.size());
    for (std::size_t i = 0; i < own.live.size(); ++i) {
        CHECK(given.live[i].working_share == own.live[i].working_share);
        CHECK(given.live[i].week_after_hours_minutes == own.live[i].week_after_hours_minutes);
    }
    // A report that says otherwise is believed: the figures come from it.
    REQUIRE(r.people.size() == 1);
    REQUIRE(r.people[0].after_hours_weeks.size() == 1);
    r.people[0].after_hours_weeks[0].second = 999;
    r.working_time_training[0] = calendar::interval_set{};
    const auto doctored = compare::compute_exposure(s, plan, r);
    REQUIRE(doctored.live.size() == 2);
    CHECK(doctored.live[0].week_after_hours_minutes == 999);
    CHECK(doctored.live[1].working_share == 0);
}

TEST_CASE("The checker's weekly after-hours minutes add up to the person's after-hours total",
          "[compare][attendance][measures]") {
    const auto s = jadwal::test::attendance_scenario(2);
    // Two evenings in one week and one in the next, for both people.
    const auto plan = jadwal::test::plan_of({jadwal::test::live_cohort(
        "a", 1, 0, 2, {{0, "2026-04-06 18:00", 90}, {1, "2026-04-08 19:00", 60}, {1, "2026-04-14 18:00", 120}})});
    const auto r = check(s, plan);
    REQUIRE(r.people.size() == 2);
    for (const auto& p : r.people) {
        REQUIRE(p.after_hours_weeks.size() == 2);
        CHECK(p.after_hours_weeks[0].second == 150);
        CHECK(p.after_hours_weeks[1].second == 120);
        CHECK(p.after_hours_weeks[0].first < p.after_hours_weeks[1].first);
        const auto total = std::accumulate(p.after_hours_weeks.begin(), p.after_hours_weeks.end(), std::int64_t{0},
                                           [](std::int64_t a, const auto& w) { return a + w.second; });
        CHECK(total == p.after_hours_minutes);
        CHECK(p.max_after_hours_week == 150);
    }
    const auto x = compare::compute_exposure(s, plan, r);
    REQUIRE(x.live.size() == 6);
    for (const auto& seat : x.live)
        CHECK(seat.week_after_hours_minutes == (seat.start < jakarta("2026-04-13 00:00") ? 150 : 120));
}
