// The report's own figures agree with the independent checker: per unit with
// verify's unit summaries, in total with the plan's metrics, on hand-made
// plans (tests/verify's fixture) and on solved ones.
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/output/plan_figures.hpp>

#include <numeric>

#include "../verify/fixture.hpp"
#include "output_fixtures.hpp"

using namespace jadwal;
using namespace jadwal::test;
using Catch::Matchers::WithinAbs;

namespace {

void same_as_verify(const model::scenario& s, const solve::solution& plan, const model::policy& pol) {
    const auto r = verify::verify(s, plan, pol);
    const auto f = output::compute_plan_figures(s, plan, pol);
    REQUIRE(f.units.size() == r.units.size());
    std::int64_t jp_met = 0, jp_employees = 0;
    for (std::size_t u = 0; u < f.units.size(); ++u) {
        const auto& a = f.units[u];
        const auto& b = r.units[u];
        INFO("unit " << b.unit);
        CHECK(a.headcount == b.headcount);
        if (a.headcount > 0) CHECK(a.absence_limit == b.absence_limit);  // verify leaves empty units at 0
        CHECK(a.max_absent == b.max_absent);
        CHECK_THAT(a.max_absence_ratio, WithinAbs(b.max_absence_ratio, 1e-12));
        CHECK(a.demand_total == b.demand_total);
        CHECK(a.demand_placed == b.demand_placed);
        CHECK(a.disruption_minutes == b.disruption_minutes);
        CHECK(a.after_hours_minutes == b.after_hours_minutes);
        jp_met += a.jp_target_met;
        jp_employees += a.jp_target_employees;
        // The daily maxima never exceed the overall peak, and reach it when all training lies in the horizon.
        const auto top = std::max_element(a.daily_max_absent.begin(), a.daily_max_absent.end());
        REQUIRE(top != a.daily_max_absent.end());
        CHECK(*top == a.max_absent);
    }
    CHECK(f.demand_total == r.metrics.demand_total);
    CHECK(f.demand_placed == r.metrics.demand_placed);
    CHECK(jp_met == r.metrics.jp_target_met);
    CHECK(jp_employees == r.metrics.jp_target_employees);
    CHECK(f.disruption_minutes == r.metrics.disruption_minutes);
    CHECK(f.after_hours_minutes == r.metrics.after_hours_minutes);
    CHECK(f.max_after_hours_week == r.metrics.max_after_hours_minutes_per_person_week);
    CHECK_THAT(f.max_unit_absence_ratio, WithinAbs(r.metrics.max_unit_absence_ratio, 1e-12));
}

}  // namespace

TEST_CASE("the figures of the hand-made verify plan are the hand-computed ones", "[output][figures]") {
    const auto s = base_scenario();
    const auto f = output::compute_plan_figures(s, base_plan(s), policy(s, "flexible"));
    // verify's metrics_test works these out: 7 of 11 placed, Siti alone meets her target.
    CHECK(f.demand_placed == 7);
    CHECK(f.demand_total == 11);
    CHECK(f.disruption_minutes == 810);
    CHECK(f.after_hours_minutes == 360);
    CHECK(f.max_after_hours_week == 180);
    CHECK_THAT(f.max_unit_absence_ratio, WithinAbs(0.5, 1e-12));
    // Placed JP: keuda 8 + etika 2 (Siti), keuda 8 (Ahmad), etika 2 (Rudi), webinar 2 (Dewi), prima 2 + webinar 2
    // (Nur).
    CHECK(f.placed_jp_total == 26);
    CHECK(f.placed_jp[emp(s, "e1").value] == 10);
    const auto& bpkad = f.units[0];
    CHECK(bpkad.jp_target_met == 1);
    CHECK(bpkad.jp_target_employees == 3);  // Rudi is PPPK, without a target
    // Day by day (the horizon starts on Monday 6 April): Siti and Ahmad in keuda on
    // the 7th and 8th, Dewi in the webinar on the 15th; etika on the 9th is after hours.
    REQUIRE(bpkad.daily_max_absent.size() == 54);
    CHECK(bpkad.daily_max_absent[0] == 0);
    CHECK(bpkad.daily_max_absent[1] == 2);
    CHECK(bpkad.daily_max_absent[2] == 2);
    CHECK(bpkad.daily_max_absent[3] == 0);
    CHECK(bpkad.daily_max_absent[9] == 1);
    CHECK(std::accumulate(bpkad.daily_max_absent.begin(), bpkad.daily_max_absent.end(), 0) == 5);
    // People with training: Siti, Ahmad, Rudi, Dewi and Nur.
    CHECK(f.people.size() == 5);
}

TEST_CASE("the figures agree with verify on hand-made plans", "[output][figures]") {
    const auto s = base_scenario();
    const auto& pol = policy(s, "flexible");
    SECTION("the valid plan") {
        same_as_verify(s, base_plan(s), pol);
    }
    SECTION("classroom in Jambi: an hour's travel each way counts as training") {
        auto p = base_plan(s);
        p.cohorts[0].venue = venue(s, "bpsdm_jambi");
        same_as_verify(s, p, pol);
        const auto f = output::compute_plan_figures(s, p, pol);
        CHECK(f.disruption_minutes > 810);
    }
    SECTION("a person in two things at once counts the overlap once") {
        auto p = base_plan(s);
        p.cohorts[1].sessions[0] = session(0, "2026-04-07 09:00", "10:30");  // etika over keuda for Siti
        same_as_verify(s, p, pol);
    }
    SECTION("a unit over its limit") {
        auto p = base_plan(s);
        p.cohorts[2].sessions[0] = session(0, "2026-04-07 09:00", "10:30");
        p.cohorts[2].participants = people(s, {"e4", "e3"});
        same_as_verify(s, p, pol);
    }
    SECTION("under a policy that replaces every unit's limit") {
        auto p = base_plan(s);
        auto strict = pol;
        strict.max_absent = model::staffing_limit{model::staffing_limit::kind::count, 0, 1};
        same_as_verify(s, p, strict);
        CHECK(output::compute_plan_figures(s, p, strict).units[0].absence_limit == 1);
    }
}

TEST_CASE("the figures agree with verify and the metrics on solved plans", "[output][figures]") {
    for (const auto* plan : {&example_plan(), &example_baseline(), &hostile_plan()}) {
        INFO("policy " << plan->policy->id << ", strategy " << plan->plan.strategy);
        same_as_verify(*plan->scenario, plan->plan, *plan->policy);
        const auto f = output::compute_plan_figures(*plan->scenario, plan->plan, *plan->policy);
        CHECK(f.demand_placed == plan->plan.metrics.demand_placed);
        CHECK(f.disruption_minutes == plan->plan.metrics.disruption_minutes);
    }
}

TEST_CASE("break minutes a policy allows count neither as working time nor as after hours in the figures",
          "[output][figures][breaks]") {
    // 2026-06-03 is a Wednesday; the office breaks for lunch 12:00-13:00.
    const auto s = load_yaml(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-03, to: 2026-06-03}
work_patterns:
  office:
    week: {mon-fri: 07:30-16:00}
    breaks: {mon-fri: 12:00-13:00}
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
policies: {only: {}, lax: {breaks: allowed}}
)");
    solve::solve_options o;
    o.policy = "only";
    o.max_moves = 2000;
    auto plan = solve::solve(s, o);
    REQUIRE(plan.cohorts.size() == 1);
    auto& ses = plan.cohorts[0].sessions[0];
    const auto len = ses.end - ses.start;
    ses.start -= std::chrono::minutes{120};  // 11:00-14:00: 60 min of it is lunch
    ses.end = ses.start + len;
    const auto& lax = policy(s, "lax");
    same_as_verify(s, plan, lax);
    const auto f = output::compute_plan_figures(s, plan, lax);
    CHECK(f.disruption_minutes == 2 * 120);
    CHECK(f.after_hours_minutes == 0);
}

TEST_CASE("the figures count catalogue top-up towards the JP target as verify does", "[output][figures]") {
    generate::batanghari_options g;
    g.employees = 300;
    g.seed = 5;
    g.csv_threshold = 1 << 30;
    const auto s = test::load_or_fail(load::load_scenario_text(generate::batanghari_yaml(g), "batanghari.yaml"));
    const auto plan = test::solve_scenario(s, "flexible");
    REQUIRE(plan.plan.metrics.top_up_placed > 0);  // else this test shows nothing
    same_as_verify(*plan.scenario, plan.plan, *plan.policy);
    // The staff groups of the checker add up to the same JP-target figures.
    const auto r = verify::verify(*plan.scenario, plan.plan, *plan.policy);
    std::int64_t met = 0;
    for (const auto& group : r.staff_groups) met += group.jp_target_met;
    CHECK(met == plan.plan.metrics.jp_target_met);
}
