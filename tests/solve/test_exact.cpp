// Tiny scenarios whose best plan is known by hand: the solver must find it.
#include <map>

#include "support.hpp"

using namespace jadwal;
using jadwal::test::jakarta;

TEST_CASE("three people and one obvious free slot make one cohort in that slot", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("one_obvious_slot"));
    const auto sol = test::solve_with(*s, "only", 2000);
    REQUIRE(sol.status == solve::solve_status::feasible);
    REQUIRE(sol.cohorts.size() == 1);
    const auto& c = sol.cohorts[0];
    CHECK(c.participants.size() == 3);
    REQUIRE(c.sessions.size() == 1);
    CHECK(jakarta(c.sessions[0].start) == "2026-06-03T09:00:00+07:00");
    CHECK(jakarta(c.sessions[0].end) == "2026-06-03T10:30:00+07:00");
    CHECK(sol.metrics.demand_placed == 3);
    CHECK(sol.objective.participation == 0);
    CHECK(sol.objective.burden == Approx(3 * 90));  // 90 minutes in working time each
    CHECK(sol.objective.cost == Approx(100));        // one cohort, full
    CHECK(test::verify_violations(*s, sol, "only").empty());
}

TEST_CASE("an evening online cohort beats a classroom day with travel on burden", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("evening_online_or_classroom_with_travel"));
    const auto sol = test::solve_with(*s, "flex", 3000);
    REQUIRE(sol.cohorts.size() == 1);
    CHECK(sol.cohorts[0].mode == model::delivery_mode::online_live);
    CHECK(sol.cohorts[0].participants.size() == 2);
    // 90 minutes after hours each at weight 0.5; classroom would be 150 minutes at 1.0 each.
    CHECK(sol.objective.burden == Approx(90));
    CHECK(sol.metrics.disruption_minutes == 0);
    CHECK(sol.metrics.after_hours_minutes == 180);
    CHECK(jakarta(sol.cohorts[0].sessions[0].start) >= "2026-06-02T16:30:00+07:00");
    CHECK(test::verify_violations(*s, sol, "flex").empty());
}

TEST_CASE("a unit that may miss only one person at a time gets two separate sessions", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("unit_that_may_miss_one"));
    const auto sol = test::solve_with(*s, "office", 3000);
    CHECK(sol.metrics.demand_placed == 2);
    REQUIRE(sol.cohorts.size() == 2);
    const auto& x = sol.cohorts[0].sessions[0];
    const auto& y = sol.cohorts[1].sessions[0];
    CHECK((x.end <= y.start || y.end <= x.start));
    CHECK(sol.metrics.max_unit_absence_ratio == Approx(0.5));
    CHECK(test::verify_violations(*s, sol, "office").empty());
}

TEST_CASE("the two sessions of a module fall on the dates every participant can come", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("two_sessions_around_leave"));
    for (std::uint64_t seed : {1, 2, 3}) {
        INFO("seed " << seed);
        const auto sol = test::solve_with(*s, "only", 20000, seed);
        CHECK(sol.metrics.demand_placed == 3);
        CHECK(sol.objective.burden == Approx(3 * 360));  // the exact model's optimum
        CHECK(test::verify_violations(*s, sol, "only").empty());
    }
}

TEST_CASE("module order and gap days are respected", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("modules_in_order_with_gaps"));
    for (std::uint64_t seed : {1, 2, 3}) {
        const auto sol = test::solve_with(*s, "office", 3000, seed);
        REQUIRE(sol.cohorts.size() == 1);
        const auto& ses = sol.cohorts[0].sessions;
        REQUIRE(ses.size() == 2);
        CHECK(ses[0].module == 0);
        CHECK(ses[1].module == 1);
        CHECK(ses[0].end <= ses[1].start);
        const auto days = date::floor<date::days>(ses[1].start + std::chrono::hours{7}) -
                          date::floor<date::days>(ses[0].start + std::chrono::hours{7});
        CHECK(days.count() >= 3);
        CHECK(days.count() <= 4);
        CHECK(test::verify_violations(*s, sol, "office").empty());
    }
}

TEST_CASE("a cohort at a far hall opens with every session at the start of work, two a week", "[solve]") {
    // tests/data/exact/far_hall_two_sessions_a_week.yaml: the drive back must end
    // before the lunch break, and the drive there (90 minutes after hours) allows
    // two sessions a week. Schedules built around one waiting person find it from
    // the first plan on; drawn at random, no schedule fitted anyone.
    const auto s = test::scenario_from(test::exact_case("far_hall_two_sessions_a_week"));
    for (const std::int64_t moves : {0, 20000})
        for (std::uint64_t seed : {1, 2, 3}) {
            INFO("seed " << seed << ", " << moves << " moves");
            const auto sol = test::solve_with(*s, "only", moves, seed);
            CHECK(sol.metrics.demand_placed == 4);
            REQUIRE(sol.cohorts.size() == 1);
            const auto& ses = sol.cohorts[0].sessions;
            REQUIRE(ses.size() == 6);
            std::map<date::sys_days, int> per_week;  // by the Monday of the session's week
            for (const auto& x : ses) {
                CHECK(jakarta(x.start).substr(10) == "T07:30:00+07:00");
                const auto day = date::floor<date::days>(x.start + std::chrono::hours{7});
                per_week[day - (date::weekday{day} - date::Monday)] += 1;
            }
            for (const auto& [monday, n] : per_week) CHECK(n <= 2);
            CHECK(test::verify_violations(*s, sol, "only").empty());
        }
}

TEST_CASE("a PPPK cap lets the mandatory programme in and keeps the second out", "[solve]") {
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-14}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office}]
employees:
  - {id: a, name: A, unit: u, status: pppk, jp_cap: 10}
programs:
  - {id: extra, modules: [{id: m1, jp: 8}], modes: [{mode: self_paced}]}
  - {id: core, modules: [{id: m1, jp: 8}], modes: [{mode: self_paced}]}
demand:
  - {program: extra, employees: [a], priority: elective}
  - {program: core, employees: [a], priority: mandatory}
policies: {any: {}}
)");
    const auto sol = test::solve_with(*s, "any", 2000);
    CHECK(sol.metrics.demand_placed == 1);
    REQUIRE(sol.unplaced.size() == 1);
    CHECK(s->programs[sol.unplaced[0].program.value].id == "extra");
    REQUIRE_FALSE(sol.unplaced[0].reasons.empty());
    CHECK(sol.unplaced[0].reasons[0].code == "R-JP-CAP");
    int minutes = 0;
    for (const auto& b : sol.study_blocks) {
        CHECK(s->programs[b.program.value].id == "core");
        minutes += static_cast<int>((b.end - b.start).count());
    }
    CHECK(minutes == 8 * 45);
    CHECK(test::verify_violations(*s, sol, "any").empty());
}

TEST_CASE("self-paced study goes into free evenings when the person accepts them", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("free_evenings_for_study"));
    const auto sol = test::solve_with(*s, "evenings", 2000);
    CHECK(sol.metrics.demand_placed == 1);
    CHECK(sol.metrics.disruption_minutes == 0);
    CHECK(sol.metrics.after_hours_minutes == 180);
    CHECK(sol.objective.burden == Approx(90));
    CHECK(sol.metrics.study_blocks == 2);  // 180 minutes in blocks of at most 90
    CHECK(test::verify_violations(*s, sol, "evenings").empty());
}

TEST_CASE("someone who refuses evenings studies in working time instead", "[solve]") {
    const auto s = test::scenario_from(test::office_week(R"(
units: [{id: u, pattern: office}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0, accepts: {after_hours: false}}
programs:
  - {id: p, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced, windows: [working_hours, after_hours]}]}
demand: [{program: p, employees: [a]}]
policies: {evenings: {}}
)"));
    const auto sol = test::solve_with(*s, "evenings", 2000);
    CHECK(sol.metrics.demand_placed == 1);
    CHECK(sol.metrics.disruption_minutes == 90);
    CHECK(sol.metrics.after_hours_minutes == 0);
    CHECK(test::verify_violations(*s, sol, "evenings").empty());
}

TEST_CASE("a national webinar is attended at its fixed time", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("national_webinar"));
    const auto sol = test::solve_with(*s, "any", 1000);
    REQUIRE(sol.cohorts.size() == 1);
    CHECK(sol.cohorts[0].participants.size() == 2);
    REQUIRE(sol.cohorts[0].sessions.size() == 1);
    CHECK(sol.cohorts[0].sessions[0].pinned);
    CHECK(jakarta(sol.cohorts[0].sessions[0].start) == "2026-06-04T09:10:00+07:00");
    CHECK(test::verify_violations(*s, sol, "any").empty());
}

TEST_CASE("the classroom budget opens only the cohort of the mandatory programme", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("one_classroom_cohort_of_budget"));
    const auto sol = test::solve_with(*s, "any", 2000);
    REQUIRE(sol.cohorts.size() == 1);
    CHECK(s->programs[sol.cohorts[0].program.value].id == "must");
    CHECK(sol.cohorts[0].participants.size() == 2);
    CHECK(test::own_violations(*s, sol, "any").empty());
    CHECK(test::verify_violations(*s, sol, "any").empty());
}

TEST_CASE("an unknown policy or no thread is refused", "[solve]") {
    const auto s = test::scenario_from(test::office_week(R"(
units: [{id: u, pattern: office}]
employees: [{id: a, name: A, unit: u, status: pns}]
programs: [{id: p, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced}]}]
demand: [{program: p, employees: [a]}]
policies: {any: {}}
)"));
    solve::solve_options o;
    o.policy = "nope";
    CHECK_THROWS_WITH(solve::solve(*s, o), "unknown policy 'nope' (known: any)");
    o.policy = "any";
    o.threads = 0;
    CHECK_THROWS_AS(solve::solve(*s, o), solve::solve_error);
}

TEST_CASE("a cancelled solve still returns a feasible plan", "[solve]") {
    const auto s = test::scenario_from(test::office_week(R"(
units: [{id: u, pattern: office}]
employees: [{id: a, name: A, unit: u, status: pns}]
programs: [{id: p, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced}]}]
demand: [{program: p, employees: [a]}]
policies: {any: {}}
)"));
    std::atomic<bool> cancel{true};
    solve::solve_options o;
    o.cancel = &cancel;
    const auto sol = solve::solve(*s, o);
    CHECK(sol.status == solve::solve_status::feasible);
    CHECK(sol.moves == 0);
    CHECK(test::verify_violations(*s, sol, "any").empty());
}

TEST_CASE("a scenario without demand gives an empty feasible plan", "[solve]") {
    const auto s = test::scenario_from(test::office_week(R"(
units: [{id: u, pattern: office}]
employees: [{id: a, name: A, unit: u, status: pns, jp_target: 0}]
programs: [{id: p, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced}]}]
policies: {any: {}}
)"));
    const auto sol = test::solve_with(*s, "any", 5000);
    CHECK(sol.status == solve::solve_status::feasible);
    CHECK(sol.cohorts.empty());
    CHECK(sol.study_blocks.empty());
    CHECK(sol.metrics.demand_total == 0);
    CHECK(sol.metrics.participation_rate == 1);
    CHECK(test::verify_violations(*s, sol, "any").empty());
}

TEST_CASE("the example scenario is planned within every rule under each of its policies", "[solve]") {
    auto r = load::load_scenario_file(std::string(JADWAL_SOURCE_DIR) + "/examples/small/scenario.yaml");
    REQUIRE(r.scenario);
    const auto& s = *r.scenario;
    for (const auto& pol : s.policies) {
        INFO("policy " << pol.id);
        const auto sol = test::solve_with(s, pol.id, 20000);
        CHECK(sol.status == solve::solve_status::feasible);
        CHECK(test::own_violations(s, sol, pol.id).empty());
        const auto rep = verify::verify(s, sol, pol);
        CHECK(rep.metrics.demand_placed == sol.metrics.demand_placed);
        CHECK(rep.metrics.disruption_minutes == sol.metrics.disruption_minutes);
        CHECK(rep.metrics.after_hours_minutes == sol.metrics.after_hours_minutes);
        CHECK(rep.metrics.max_unit_absence_ratio == Approx(sol.metrics.max_unit_absence_ratio));
        CHECK(rep.objective.burden == Approx(sol.objective.burden));
        CHECK(test::verify_violations(s, sol, pol.id).empty());
    }
}

TEST_CASE("a shift keeps its minimum on duty: only the spare nurse trains during it", "[solve]") {
    const auto s = test::scenario_from(test::exact_case("shift_minimum_on_duty"));
    const auto sol = test::solve_with(*s, "any", 2000);
    CHECK(sol.metrics.demand_placed == 1);
    REQUIRE(sol.unplaced.size() == 2);
    CHECK(sol.unplaced[0].reasons[0].code == "R-SHIFT-MINIMUM");
    CHECK(test::verify_violations(*s, sol, "any").empty());
}

TEST_CASE("nobody trains on a holiday", "[solve]") {
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-02}
holidays: [{date: 2026-06-01, name: Hari Lahir Pancasila, kind: national}]
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office}]
employees: [{id: a, name: A, unit: u, status: pns, jp_target: 0}]
programs:
  - {id: p, modules: [{id: m1, jp: 4}], modes: [{mode: self_paced, windows: [working_hours, after_hours]}]}
demand: [{program: p, employees: [a]}]
policies: {any: {}}
)");
    const auto sol = test::solve_with(*s, "any", 2000);
    REQUIRE(sol.metrics.demand_placed == 1);
    for (const auto& b : sol.study_blocks) CHECK(jakarta(b.start).substr(0, 10) == "2026-06-02");
    CHECK(test::verify_violations(*s, sol, "any").empty());
}

TEST_CASE("a weekly after-hours cap spreads an evening course over the weeks instead of losing it", "[solve]") {
    // 16 JP online in the evening, at most 2 JP (90 min) a day, 180 after-hours
    // minutes a week: eight evenings, at most two a week, fit in the four weeks.
    const auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-28}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 3}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
  - {id: c, name: C, unit: u, status: pns, jp_target: 0}
platforms: [{id: z, capacity: 10}]
programs:
  - id: p
    modules: [{id: m1, jp: 16}]
    modes: [{mode: online_live, windows: [after_hours], platform: z, max_jp_per_day: 2}]
    cohort: {min: 3, max: 10}
demand: [{program: p, where: {unit: u}}]
policies: {capped: {after_hours: {weekday: 16:30-21:00, max_minutes_per_week: 180}}}
)");
    const auto sol = test::solve_with(*s, "capped", 3000);
    CHECK(test::verify_violations(*s, sol, "capped").empty());
    REQUIRE(sol.cohorts.size() == 1);
    CHECK(sol.cohorts[0].participants.size() == 3);
    CHECK(sol.cohorts[0].sessions.size() == 8);
    CHECK(sol.metrics.max_after_hours_minutes_per_person_week <= 180);
}

TEST_CASE("the search reaches the proven burden where the fairness maximum needs two items moved at once",
          "[solve][exact-cases]") {
    // tests/data/exact/: each optimum proven by the exact model (test_exact_model.cpp,
    // test_compound_moves.cpp). In each, items at the edge of the working day (or
    // all inside it) hold the fairness maximum together, so one item moved alone
    // makes the plan worse; pair_retime moves two at once.
    struct proven {
        std::string_view name, policy;
        std::int64_t placed;
        double burden;
    };
    const std::array<proven, 4> cases{{{"unit_that_may_miss_one", "office", 2, 180},
                                       {"pppk_cap_keeps_elective_out", "any", 1, 360},
                                       {"open_pull", "only", 6, 510},
                                       {"budget_swap", "only", 6, 840}}};
    for (const auto& c : cases) {
        const auto s = test::scenario_from(test::exact_case(c.name));
        for (const std::uint64_t seed : {1, 2, 3}) {
            INFO(c.name << ", seed " << seed);
            const auto sol = test::solve_with(*s, std::string(c.policy), 100000, seed);
            CHECK(sol.metrics.demand_placed == c.placed);
            CHECK(sol.objective.burden == Approx(c.burden));
            CHECK(test::verify_violations(*s, sol, std::string(c.policy)).empty());
        }
    }
}

TEST_CASE("the search reaches the proven participation of a working week of two offices", "[solve][exact-cases]") {
    // tests/data/exact/office_week_12.yaml: participation 332 proven by the exact
    // model over its candidates (test_exact_model.cpp); its burden optimum is not
    // proven (the file says why).
    const auto s = test::scenario_from(test::exact_case("office_week_12"));
    for (const std::uint64_t seed : {1, 2, 3, 4, 5}) {
        INFO("seed " << seed);
        const auto sol = test::solve_with(*s, "flex", 600000, seed);
        CHECK(sol.metrics.demand_placed == 30);
        CHECK(sol.objective.participation == Approx(332));
        // The best known, 2520, on every seed (seeds 2 and 5 stayed at 2580 while
        // a study's second part could not go to a day before its first's). A
        // search change that does worse fails.
        CHECK(sol.objective.burden <= 2520 + 1e-9);
        CHECK(test::verify_violations(*s, sol, "flex").empty());
    }
}
