// How the first plan places study (src/solve/insertion.cpp, find_blocks): each
// part of a study at its best start, on hand-made scenarios whose best plan a
// short argument proves. These check the construction alone (no search moves):
// the search repairs a weak first plan on a scenario this small, so a test
// that searched would pass either way.
#include "support.hpp"

using namespace jadwal;

namespace {

// One person; e-learning of 3 JP (135 minutes, two parts of 75 and 60); the
// office is closed 12:00-13:00 Monday to Thursday and 11:30-13:00 on Friday, and
// study there counts as after hours (half the weight of working time). The
// fairness weight is 0, so a minute costs at least 0.5 and the best plan has
// both parts in those gaps: the 75 minutes on Friday, the 60 on another day,
// burden 135 x 0.5 = 67.5.
constexpr std::string_view two_parts_two_gaps = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-05}
work_patterns:
  office: {week: {mon-thu: [07:30-12:00, 13:00-16:00], fri: [07:30-11:30, 13:00-16:30]}}
units: [{id: keu, pattern: office}]
employees:
  - {id: e00, name: Ani, unit: keu, status: pns, jp_target: 0}
programs:
  - {id: etika, modules: [{id: m1, jp: 3}], modes: [{mode: self_paced, windows: [working_hours]}]}
demand:
  - {program: etika, where: {unit: keu}}
policies: {flex: {weights: {fairness: 0}}}
)";

}  // namespace

TEST_CASE("a study's short part goes into an earlier lunch gap when its long part takes the week's only long one",
          "[solve][insertion]") {
    // Placed part by part from a day on, the 75 minutes take Friday's gap and the
    // 60 then had only Friday afternoon left (burden 90); an earlier day's gap is
    // looked at too when the start found is not the cheapest a minute can be.
    const auto s = test::scenario_from(std::string(two_parts_two_gaps));
    for (const std::uint64_t seed : {1, 2, 3, 4, 5}) {
        INFO("seed " << seed);
        const auto sol = test::solve_with(*s, "flex", 0, seed);
        REQUIRE(sol.study_blocks.size() == 2);
        CHECK(sol.objective.burden == Approx(67.5));
        CHECK(sol.metrics.disruption_minutes == 0);
        CHECK(test::verify_violations(*s, sol, "flex").empty());
    }
}
