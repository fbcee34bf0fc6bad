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

// ---------------------------------------------------------------- stability (docs/model.md "Stability")

TEST_CASE("a newcomer the previous plan left unplaced is a change made to place demand", "[verify][replan][stability]") {
    const auto s = base_scenario();
    auto previous = base_plan(s);
    previous.cohorts[1].participants = people(s, {"e1"});  // Rudi was not in etika then
    previous.unplaced.push_back({emp(s, "e3"), prog(s, "etika"), {}, {}});
    const auto r = check(s, base_plan(s), "flexible", replanning(previous, "2026-04-08 00:00"));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.changes == 1);
    CHECK(r.changes_by_reason == std::map<std::string, std::int64_t>{{"repair", 0}, {"placement", 1}, {"other", 0}});
    CHECK(r.published_dropped == 0);
}

TEST_CASE("a session moved off a venue that closed is a repair, one moved for no such reason is other",
          "[verify][replan][stability]") {
    auto s = base_scenario();
    const auto previous = base_plan(s);
    // The aula closes on 8 April, the day of keuda's second session.
    const calendar::local_date closed{date::year{2026} / 4 / 8};
    s.venues[venue(s, "aula").value].closed.push_back({closed, closed});
    SECTION("the previous plan breaks the closure, so the checker has something to repair") {
        const auto before = check(s, previous, "flexible");
        CHECK(codes(before) != strings{});
    }
    auto p = base_plan(s);
    p.cohorts[0].sessions[1] = session(1, "2026-04-09 13:00", "16:00");  // keuda m2 off the closed day
    p.cohorts[1].sessions[0] = session(0, "2026-04-14 17:00", "18:30");  // etika a week later: no reason
    const auto r = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.changes == 2);
    CHECK(r.changes_by_reason == std::map<std::string, std::int64_t>{{"repair", 1}, {"placement", 0}, {"other", 1}});
}

TEST_CASE("under strict stability, published training taken away weighs above participation",
          "[verify][replan][stability]") {
    const auto s = base_scenario();
    const auto previous = base_plan(s);
    auto p = base_plan(s);
    p.cohorts[1].participants = people(s, {"e3"});  // Siti loses her published place in etika
    p.unplaced.push_back({emp(s, "e1"), prog(s, "etika"), {}, {}});
    const auto& item = *std::find_if(s.demand.begin(), s.demand.end(), [&](const model::demand_item& d) {
        return d.employee == emp(s, "e1") && d.program == prog(s, "etika");
    });
    const model::objective_weights w;
    const double taken = (item.level == model::priority::mandatory ? w.unmet_mandatory : w.unmet_elective) *
                         s.programs[prog(s, "etika").value].jp;
    SECTION("strict: its own level, the change in the stability level") {
        p.stability = model::stability_mode::strict;
        const auto r = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
        INFO(listing(r));
        CHECK(r.violations.empty());
        CHECK(r.published_dropped == 1);
        CHECK_THAT(r.objective.published, WithinAbs(taken, 1e-9));
        CHECK_THAT(r.objective.stability, WithinAbs(50.0, 1e-9));
        CHECK(r.changes_by_reason.at("other") == 1);
    }
    SECTION("free: no published level, the change is a cost") {
        p.stability = model::stability_mode::free;
        const auto r = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
        CHECK(r.published_dropped == 1);
        CHECK_THAT(r.objective.published, WithinAbs(0.0, 1e-9));
        CHECK_THAT(r.objective.stability, WithinAbs(0.0, 1e-9));
        const auto again = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
        p.stability = model::stability_mode::balanced;
        const auto balanced = check(s, p, "flexible", replanning(previous, "2026-04-08 00:00"));
        CHECK_THAT(balanced.objective.burden - again.objective.burden, WithinAbs(50.0, 1e-9));
        CHECK_THAT(again.objective.cost - balanced.objective.cost, WithinAbs(50.0, 1e-9));
    }
}
