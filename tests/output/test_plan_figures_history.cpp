// The report's per-unit JP-target figures count the JP the training history
// shows earned this year, as verify does.
#include <jadwal/output/plan_figures.hpp>

#include "../verify/fixture.hpp"

using namespace jadwal;
using namespace jadwal::test;

TEST_CASE("per unit, JP earned this year count toward the JP target as in verify", "[output][figures][history]") {
    auto s = base_scenario();
    const auto plan = base_plan(s);
    const auto before = output::compute_plan_figures(s, plan, policy(s, "flexible"));
    CHECK(before.units[0].jp_target_met == 1);  // bpkad: Siti alone

    // Dewi (bpkad, target 20) takes the 2 JP webinar and earned 18 this year;
    // Nur (rsud) 40 last year, which counts for nothing.
    model::history_entry h;
    h.employee = emp(s, "e4");
    h.course = "Diklat";
    h.jp = 18;
    h.end = h.start = date::local_days{date::year{2026} / 1 / 20};
    s.history.push_back(h);
    h.employee = emp(s, "n1");
    h.jp = 40;
    h.end = h.start = date::local_days{date::year{2025} / 11 / 3};
    s.history.push_back(h);
    const auto f = output::compute_plan_figures(s, plan, policy(s, "flexible"));
    CHECK(f.units[0].jp_target_met == 2);
    CHECK(f.units[1].jp_target_met == before.units[1].jp_target_met);
    CHECK(f.earned_jp[emp(s, "e4").value] == 18);
    CHECK(f.earned_jp[emp(s, "n1").value] == 0);
    std::int64_t met = 0;
    for (const auto& u : f.units) met += u.jp_target_met;
    CHECK(met == verify::verify(s, plan, policy(s, "flexible")).metrics.jp_target_met);
}
