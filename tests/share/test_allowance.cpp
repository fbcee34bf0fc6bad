// An agency held to its allowance of shared resources (include/jadwal/share/allowance.hpp):
// the scenario is edited, the solver keeps to it, and verify agrees.
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/share/allowance.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <catch2/catch.hpp>
#include <date/tz.h>

#include <algorithm>
#include <set>
#include <string>

using namespace jadwal;
using namespace date::literals;

namespace {

model::scenario small_example() {
    auto r = load::load_scenario_file(JADWAL_SOURCE_DIR "/examples/small/scenario.yaml");
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}

calendar::local_minute at(date::year_month_day d, int h, int m) {
    return calendar::local_minute{date::local_days{d}} + calendar::minutes{h * 60 + m};
}

/// An allowance of `n` seats in the example's national webinar.
share::allowance seats(int n) {
    share::allowance a;
    a.sessions = {{"webinar_smart_asn", "w1", at(2026_y / 9 / 10, 9, 0), n}};
    return a;
}

const model::fixed_session& webinar(const model::scenario& s) {
    return s.programs[s.find_program("webinar_smart_asn")->value].modes[0].fixed[0];
}

const model::policy& flexible(const model::scenario& s) { return s.policies[s.find_policy("flexible")->value]; }

template <class Index, class Items>
Index index_of(const Items& items, const std::string& id) {
    for (std::uint32_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return Index{i};
    FAIL("no " << id);
    return {};
}

solve::solution solve_it(const model::scenario& s) {
    solve::solve_options o;
    o.policy = "flexible";  // the example's default policy places nothing
    o.max_moves = 30000;
    o.seed = 3;
    return solve::solve(s, o);
}

}  // namespace

TEST_CASE("a session's seats become the smaller of its own capacity and the allowance") {
    auto s = small_example();
    share::restrict_to(s, seats(5));
    CHECK(webinar(s).capacity == 5);
    share::restrict_to(s, seats(500));
    CHECK(webinar(s).capacity == 5);
}

TEST_CASE("a plan made within a seat allowance seats no one when it allows none, and verify agrees") {
    auto s = small_example();
    const auto before = solve_it(s);
    const auto program = *s.find_program("webinar_smart_asn");
    auto seated = [&](const solve::solution& sol) {
        std::size_t n = 0;
        for (const auto& c : sol.cohorts)
            if (c.program == program) n += c.participants.size();
        return n;
    };
    REQUIRE(seated(before) > 0);
    share::restrict_to(s, seats(0));
    const auto after = solve_it(s);
    CHECK(seated(after) == 0);
    CHECK(verify::verify(s, after, flexible(s)).violations.empty());
}

TEST_CASE("an instructor is unavailable and a venue closed on every date the allowance does not give") {
    auto s = small_example();
    const std::vector<calendar::local_date> given{date::local_days{2026_y / 3 / 2}, date::local_days{2026_y / 3 / 3},
                                                  date::local_days{2026_y / 3 / 5}};
    share::allowance a;
    a.instructors = {{"wi_01", given}};
    a.venues = {{"aula_bkpsdmd", given}};
    share::restrict_to(s, a);
    const auto sol = solve_it(s);
    CHECK(verify::verify(s, sol, flexible(s)).violations.empty());
    const std::set<calendar::local_date> allowed(given.begin(), given.end());
    const auto instructor = index_of<model::instructor_index>(s.instructors, "wi_01");
    const auto venue = index_of<model::venue_index>(s.venues, "aula_bkpsdmd");
    for (const auto& c : sol.cohorts) {
        const bool teaches = std::find(c.instructors.begin(), c.instructors.end(), instructor) != c.instructors.end();
        if (!teaches && c.venue != venue) continue;
        for (const auto& se : c.sessions) {
            const auto day = date::floor<date::days>(date::zoned_time{s.zone, se.start}.get_local_time());
            CHECK(allowed.count(day) == 1);
        }
    }
}

TEST_CASE("no lanes on a platform removes the live online offers on it") {
    auto s = small_example();
    share::allowance a;
    a.platforms = {{"zoom_bkpsdmd", 0}};
    share::restrict_to(s, a);
    for (const auto& p : s.programs)
        for (const auto& mo : p.modes) CHECK(mo.mode != model::delivery_mode::online_live);
    const auto sol = solve_it(s);
    CHECK(verify::verify(s, sol, flexible(s)).violations.empty());
    for (const auto& c : sol.cohorts) CHECK(!c.platform.valid());
}

TEST_CASE("an allowance naming what the scenario lacks is refused whole and changes nothing") {
    auto s = small_example();
    const int capacity = webinar(s).capacity;
    try {
        share::allowance a = seats(1);
        a.platforms = {{"no_such_platform", 1}};
        a.venues = {{"no_such_hall", {}}};
        share::restrict_to(s, a);
        FAIL("accepted");
    } catch (const jadwal::error& e) {
        CHECK(e.code() == errc::not_found);
        CHECK_THAT(e.what(), Catch::Contains("platform no_such_platform") && Catch::Contains("venue no_such_hall"));
    }
    CHECK(webinar(s).capacity == capacity);
}
