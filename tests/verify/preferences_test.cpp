// Personal preferences (docs/model.md "Preferences"): a refused mode is a
// planted violation (`S-MODE-REFUSED`), and the preference misses of the
// valid base plan (tests/verify/fixture.hpp) are counted by hand for each case
// of the definition. The base plan, in Asia/Jakarta:
//  - Siti (e1): keuda-01 classroom Tue 7 Apr 08:00-11:00 and Wed 8 Apr 13:00-16:00,
//    etika-01 online_live Thu 9 Apr 17:00-18:30;
//  - Ahmad (e2): keuda-01 (the same two sessions); Rudi (e3): etika-01;
//  - Dewi (e4): webinar-01 online_live Wed 15 Apr 09:00-10:30;
//  - Nur (n1): webinar-01, and prima self-paced Mon 13 Apr 16:30-17:15 and 17:30-18:15.
#include "fixture.hpp"

namespace jadwal::test {
namespace {

using model::delivery_mode;

/// Weekday bits (bit d = c_encoding d: 0 Sunday .. 6 Saturday).
constexpr std::uint8_t mon = 1U << 1U, tue = 1U << 2U, wed = 1U << 3U, thu = 1U << 4U, fri = 1U << 5U;

calendar::clock_range hours(int from_minute, int to_minute) {
    return {calendar::minutes{from_minute}, calendar::minutes{to_minute}};
}

calendar::local_date day(std::string_view iso) {
    return *calendar::parse_date(iso);
}

model::preferences& prefs(model::scenario& s, const std::string& id) {
    return s.employees[emp(s, id).value].prefs;
}

/// base.yaml with the webinar recorded, and the base plan with Dewi watching
/// the recording on Thu 16 and Fri 17 April 17:00-18:00 instead of live.
model::scenario recording_scenario() {
    return load_yaml(edited({{"fixed: [{module: w, date: 2026-04-15, time: 09:00-10:30, capacity: 100}]",
                              "fixed: [{module: w, date: 2026-04-15, time: 09:00-10:30, capacity: 100,\n"
                              "                  recording: {days: 14, post_test_minutes: 30}}]"}}));
}

solve::solution recording_plan(const model::scenario& s) {
    auto p = base_plan(s);
    p.cohorts[2].participants = people(s, {"n1"});
    for (const char* from : {"2026-04-16 17:00", "2026-04-17 17:00"}) {
        auto b = block(s, "e4", "webinar", from, "18:00");
        b.recording = true;
        p.study_blocks.push_back(b);
    }
    return p;
}

std::int64_t misses_of(const verify::report& r, const model::scenario& s, const std::string& id) {
    for (const auto& p : r.people)
        if (p.employee == emp(s, id)) return p.preference_misses;
    return -1;
}

}  // namespace

TEST_CASE("a plan for people without preferences has no preference misses", "[verify][preferences]") {
    const auto s = base_scenario();
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.metrics.preference_misses == 0);
    CHECK(r.objective.breakdown.at("preference") == 0);
}

TEST_CASE("a participant of a cohort in a mode they refused is exactly one S-MODE-REFUSED", "[verify][preferences]") {
    auto s = base_scenario();
    prefs(s, "e1").refused_modes = {delivery_mode::online_live};
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    REQUIRE(count(r, "S-MODE-REFUSED") == 1);
    CHECK(r.violations.size() == 1);
    const auto& v = first(r, "S-MODE-REFUSED");
    CHECK(v.employee == "e1");
    CHECK(v.cohort == "etika-01");
    CHECK(v.when == at("2026-04-09 17:00"));
    CHECK(v.message ==
          "Siti (e1) is a participant of cohort etika-01, which runs as online_live, a delivery mode "
          "they refused");
    CHECK(r.metrics.hard_violations == 1);
}

TEST_CASE("refusing a mode the plan does not put the person in breaks nothing", "[verify][preferences]") {
    auto s = base_scenario();
    prefs(s, "e3").refused_modes = {delivery_mode::classroom, delivery_mode::self_paced};
    prefs(s, "n1").refused_modes = {delivery_mode::classroom};
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
}

TEST_CASE("self-paced study blocks of a person who refused self-paced study are one S-MODE-REFUSED",
          "[verify][preferences]") {
    auto s = base_scenario();
    prefs(s, "n1").refused_modes = {delivery_mode::self_paced};
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    REQUIRE(count(r, "S-MODE-REFUSED") == 1);  // two blocks, one placement
    CHECK(r.violations.size() == 1);
    const auto& v = first(r, "S-MODE-REFUSED");
    CHECK(v.employee == "n1");
    CHECK(v.when == at("2026-04-13 16:30"));
    CHECK(v.message == "Nur (n1) has study blocks for programme prima (self_paced), a delivery mode they refused");
}

TEST_CASE("a recording counts as online_live for a refusal, not as self-paced", "[verify][preferences]") {
    auto s = recording_scenario();
    SECTION("refusing online_live") {
        prefs(s, "e4").refused_modes = {delivery_mode::online_live};
        const auto r = check(s, recording_plan(s));
        INFO(listing(r));
        REQUIRE(count(r, "S-MODE-REFUSED") == 1);
        CHECK(r.violations.size() == 1);
        CHECK(first(r, "S-MODE-REFUSED").employee == "e4");
        CHECK(first(r, "S-MODE-REFUSED").message ==
              "Dewi (e4) watches the recording of programme webinar, which counts as online_live, a delivery mode "
              "they refused");
    }
    SECTION("refusing self-paced study") {
        prefs(s, "e4").refused_modes = {delivery_mode::self_paced};
        const auto r = check(s, recording_plan(s));
        INFO(listing(r));
        CHECK(r.violations.empty());
    }
}

TEST_CASE("the refusal reads in Indonesian", "[verify][preferences][language]") {
    auto s = base_scenario();
    prefs(s, "e1").refused_modes = {delivery_mode::online_live};
    verify::options o;
    o.language = text::language::id;
    const auto r = check(s, base_plan(s), "flexible", o);
    const auto& v = first(r, "S-MODE-REFUSED");
    INFO(v.message);
    CHECK(v.message.find("Siti (e1)") != std::string::npos);
    CHECK(v.message.find("angkatan etika-01") != std::string::npos);
    CHECK(v.message.find("ditolak") != std::string::npos);
    CHECK(v.message.find("refused") == std::string::npos);
    CHECK(v.message.find("online_live") == std::string::npos);
}

TEST_CASE("an item in a mode the person does not prefer is one miss, however many sessions it has",
          "[verify][preferences]") {
    auto s = base_scenario();
    // keuda-01 is classroom (two sessions): 1 miss; etika-01 is online: none.
    prefs(s, "e1").modes = {delivery_mode::online_live};
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.metrics.preference_misses == 1);
    CHECK(misses_of(r, s, "e1") == 1);
    CHECK(r.objective.breakdown.at("preference") == Approx(0.2));  // the default weight
    const auto plain = check(base_scenario(), base_plan(s));
    CHECK(r.objective.burden - plain.objective.burden == Approx(0.2));
}

TEST_CASE("a session on an avoided date is a day miss", "[verify][preferences]") {
    auto s = base_scenario();
    prefs(s, "e1").avoid_dates = {day("2026-04-08")};  // keuda-01 m2
    const auto r = check(s, base_plan(s));
    CHECK(r.metrics.preference_misses == 1);
    CHECK(misses_of(r, s, "e1") == 1);
    CHECK(misses_of(r, s, "e2") == 0);
}

TEST_CASE("a session on an avoided weekday is a day miss, one per session however it is avoided",
          "[verify][preferences]") {
    auto s = base_scenario();
    SECTION("the weekday") {
        prefs(s, "e1").avoid_weekdays = tue;  // keuda-01 m1
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 1);
    }
    SECTION("the weekday and the date of the same session") {
        prefs(s, "e1").avoid_weekdays = tue;
        prefs(s, "e1").avoid_dates = {day("2026-04-07")};
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 1);
    }
    SECTION("two weekdays") {
        prefs(s, "e1").avoid_weekdays = tue | thu;  // m1 and etika-01
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 2);
    }
}

TEST_CASE("a session on a day that is not a preferred day is a day miss", "[verify][preferences]") {
    auto s = base_scenario();
    SECTION("preferred Monday and Tuesday: Wednesday's and Thursday's sessions miss") {
        prefs(s, "e1").days = mon | tue;
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 2);
    }
    SECTION("an avoided date on a preferred day misses too, once") {
        prefs(s, "e1").days = tue;
        prefs(s, "e1").avoid_dates = {day("2026-04-07")};
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 3);
    }
}

TEST_CASE("staff who state no preferred days take their unit's", "[verify][preferences]") {
    auto s = base_scenario();
    s.units[0].preferred_days = thu;  // bpkad: Siti, Ahmad, Rudi, Dewi
    SECTION("nobody states days of their own") {
        // Siti: Tue, Wed miss (Thu not); Ahmad: Tue, Wed; Rudi: none; Dewi: Wed 15.
        // Nur is in rsud, which prefers nothing.
        const auto r = check(s, base_plan(s));
        INFO(listing(r));
        CHECK(r.violations.empty());
        CHECK(r.metrics.preference_misses == 5);
        CHECK(misses_of(r, s, "e1") == 2);
        CHECK(misses_of(r, s, "e2") == 2);
        CHECK(misses_of(r, s, "e3") == 0);
        CHECK(misses_of(r, s, "e4") == 1);
        CHECK(misses_of(r, s, "n1") == 0);
        CHECK(r.units[0].preference_misses == 5);
        CHECK(r.units[1].preference_misses == 0);
    }
    SECTION("a person's own days replace the unit's") {
        prefs(s, "e1").days = tue | wed;  // Siti now misses Thursday only
        const auto r = check(s, base_plan(s));
        CHECK(misses_of(r, s, "e1") == 1);
        CHECK(r.metrics.preference_misses == 4);
    }
}

TEST_CASE("a session not wholly inside one preferred time range is a time miss", "[verify][preferences]") {
    auto s = base_scenario();
    SECTION("mornings: Wednesday 13:00 and Thursday 17:00 miss") {
        prefs(s, "e1").times = {hours(8 * 60, 12 * 60)};
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 2);
    }
    SECTION("a range the session fills exactly holds it") {
        prefs(s, "e1").times = {hours(8 * 60, 11 * 60)};
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 2);
    }
    SECTION("a range that starts a quarter later does not") {
        prefs(s, "e1").times = {hours(8 * 60 + 15, 12 * 60)};
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 3);
    }
    SECTION("any one of several ranges will do, but two together do not") {
        prefs(s, "e1").times = {hours(8 * 60, 12 * 60), hours(13 * 60, 15 * 60), hours(15 * 60, 19 * 60)};
        // Tue in the first, Thu in the third; Wed 13:00-16:00 spans two ranges: a miss.
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 1);
    }
    SECTION("day and time misses add up on one session") {
        prefs(s, "e1").times = {hours(8 * 60, 12 * 60)};
        prefs(s, "e1").avoid_weekdays = wed;
        CHECK(check(s, base_plan(s)).metrics.preference_misses == 3);
    }
}

TEST_CASE("a session past midnight counts on its start's date, its end past 24:00", "[verify][preferences]") {
    auto s = base_scenario();
    auto p = base_plan(s);
    // etika-01 (Siti and Rudi) from Thu 9 April 23:00 to Fri 10 April 00:30.
    p.cohorts[1].sessions[0].start = at("2026-04-09 23:00");
    p.cohorts[1].sessions[0].end = at("2026-04-10 00:30");
    SECTION("a range to 24:30 holds it") {
        prefs(s, "e3").times = {hours(22 * 60, 24 * 60 + 30)};
        CHECK(check(s, p).metrics.preference_misses == 0);
    }
    SECTION("a range to midnight does not") {
        prefs(s, "e3").times = {hours(22 * 60, 24 * 60)};
        CHECK(check(s, p).metrics.preference_misses == 1);
    }
    SECTION("nor do the morning hours of the day it ends on") {
        prefs(s, "e3").times = {hours(0, 60)};
        CHECK(check(s, p).metrics.preference_misses == 1);
    }
    SECTION("avoiding Friday, the day it ends on, is no miss") {
        prefs(s, "e3").avoid_weekdays = fri;
        CHECK(check(s, p).metrics.preference_misses == 0);
    }
    SECTION("avoiding Thursday, the day it starts on, is") {
        prefs(s, "e3").avoid_dates = {day("2026-04-09")};
        CHECK(check(s, p).metrics.preference_misses == 1);
    }
}

TEST_CASE("study blocks count each block's day and time and the programme's mode once", "[verify][preferences]") {
    auto s = base_scenario();
    auto& n = prefs(s, "n1");
    n.modes = {delivery_mode::classroom};  // prima (self-paced) and webinar-01 (online): 2 mode misses
    n.times = {hours(16 * 60, 18 * 60)};   // block 17:30-18:15 and webinar 09:00 miss: 2
    n.avoid_weekdays = mon;                // both blocks (Mon 13 April): 2; webinar (Wed) not
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.metrics.preference_misses == 6);
    CHECK(misses_of(r, s, "n1") == 6);
    CHECK(r.units[1].preference_misses == 6);
    CHECK(r.objective.breakdown.at("preference") == Approx(0.2 * 6));
}

TEST_CASE("a recording counts as online_live for the mode and its blocks for days and times", "[verify][preferences]") {
    auto s = recording_scenario();
    auto& d = prefs(s, "e4");
    d.modes = {delivery_mode::classroom};  // the recording is online_live: 1
    d.days = thu;                          // the Friday block: 1
    d.times = {hours(17 * 60, 18 * 60)};   // both blocks fit: 0
    const auto r = check(s, recording_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(misses_of(r, s, "e4") == 2);
    CHECK(r.metrics.preference_misses == 2);
    d.modes = {delivery_mode::online_live};
    CHECK(check(s, recording_plan(s)).metrics.preference_misses == 1);
}

TEST_CASE("preference misses count in the person's own time zone", "[verify][preferences]") {
    auto s = base_scenario();
    // Siti in Jayapura (UTC+9, two hours ahead of Jakarta): 08:00-11:00 WIB is 10:00-13:00 WIT.
    s.employees[emp(s, "e1").value].zone = date::locate_zone("Asia/Jayapura");
    prefs(s, "e1").times = {hours(10 * 60, 13 * 60), hours(15 * 60, 18 * 60), hours(19 * 60, 21 * 60)};
    const auto r = check(s, base_plan(s));
    CHECK(misses_of(r, s, "e1") == 0);
    prefs(s, "e1").times = {hours(8 * 60, 11 * 60)};
    CHECK(misses_of(check(s, base_plan(s)), s, "e1") == 3);
}

}  // namespace jadwal::test
