// Re-planning against a previous plan (the hook `jadwal solve --previous`
// will use): what was pinned or under way before the re-plan date stays, and
// every change is counted.
#include "fixture.hpp"

using namespace jadwal;
using namespace jadwal::test;
using strings = std::vector<std::string>;
using Catch::Matchers::WithinAbs;

namespace {
verify::options replanning(const solve::solution& previous, std::string_view from) {
    verify::options o;
    o.previous.plan = &previous;
    o.previous.replan_from = at(from);
    return o;
}
}  // namespace

TEST_CASE("re-planning without changes keeps everything and costs nothing", "[verify][replan]") {
    const auto s = base_scenario();
    const auto previous = base_plan(s);
    const auto r = check(s, base_plan(s), "flexible", replanning(previous, "2026-04-08 00:00"));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.changes == 0);
    CHECK_THAT(r.objective.breakdown.at("change"), WithinAbs(0.0, 1e-9));
}

TEST_CASE("changes after the re-plan date are allowed and counted", "[verify][replan]") {
    const auto s = base_scenario();
    const auto previous = base_plan(s);
    auto p = base_plan(s);
    p.cohorts[0].sessions[1] = session(1, "2026-04-09 13:00", "16:00");        // keuda m2 a day later
    p.cohorts[1].sessions[0] = session(0, "2026-04-14 17:00", "18:30");        // etika to the next week
    p.study_blocks[1] = block(s, "n1", "prima", "2026-04-14 17:30", "18:15");  // a study block moved
    const auto r = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.changes == 3);
    CHECK_THAT(r.objective.breakdown.at("change"), WithinAbs(3 * 50.0, 1e-9));
}

TEST_CASE("moving a session that already took place breaks a pin", "[verify][replan]") {
    const auto s = base_scenario();
    const auto previous = base_plan(s);
    auto p = base_plan(s);
    p.cohorts[0].sessions[0] = session(0, "2026-04-07 13:00", "16:00");  // before the re-plan date
    const auto r = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H8-PIN"});
    CHECK(first(r, "H8-PIN").cohort == "keuda-01");
    CHECK(r.changes == 1);
}

TEST_CASE("removing a participant from a cohort under way breaks a pin", "[verify][replan]") {
    const auto s = base_scenario();
    const auto previous = base_plan(s);
    auto p = base_plan(s);
    p.cohorts[0].participants = people(s, {"e1"});
    p.unplaced.push_back({emp(s, "e2"), prog(s, "keuda"), {}, {}});
    const auto r = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H8-PIN"});
    CHECK(first(r, "H8-PIN").employee == "e2");
    CHECK(r.changes == 1);
}

TEST_CASE("a session pinned in the previous plan stays even after the re-plan date", "[verify][replan]") {
    const auto s = base_scenario();
    auto previous = base_plan(s);
    previous.cohorts[1].sessions[0].pinned = true;  // etika, 9 April: published and pinned
    auto p = base_plan(s);
    p.cohorts[1].sessions[0] = session(0, "2026-04-14 17:00", "18:30");
    SECTION("with a re-plan date") {
        const auto r = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
        INFO(listing(r));
        CHECK(codes(r) == strings{"H8-PIN"});
    }
    SECTION("without one") {
        verify::options o;
        o.previous.plan = &previous;
        const auto r = check(s, p, "flexible", o);
        INFO(listing(r));
        CHECK(codes(r) == strings{"H8-PIN"});
        CHECK(r.changes == 1);
    }
}
