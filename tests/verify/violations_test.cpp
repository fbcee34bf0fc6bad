// One planted violation at a time: each test breaks the valid plan (or the
// scenario under it) in one place and expects exactly the codes that break
// says, no more and no fewer.
#include "fixture.hpp"

using namespace jadwal;
using namespace jadwal::test;
using strings = std::vector<std::string>;

namespace {

bool mentions(const verify::violation& v, std::string_view text) {
    return v.message.find(text) != std::string::npos;
}

// Cohorts of the base plan by position.
constexpr std::size_t keuda = 0, etika = 1, webinar = 2;

}  // namespace

// ------------------------------------------------------------------ hard 1 and 2

TEST_CASE("a participant in a study block during their webinar is double-booked", "[verify][h1]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.study_blocks[1] = block(s, "n1", "prima", "2026-04-15 10:00", "10:45");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H1-OVERLAP"});
    CHECK(count(r, "H1-OVERLAP") == 1);
    const auto& v = first(r, "H1-OVERLAP");
    CHECK(v.employee == "n1");
    CHECK(v.when == at("2026-04-15 10:00"));
    CHECK(mentions(v, "webinar-01"));
}

TEST_CASE("travel buffers count when looking for double bookings", "[verify][h1]") {
    // In Jambi the keuda session ends at 16:00 but Siti travels until 17:00, when
    // an etika session at 16:45 has begun.
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].venue = venue(s, "bpsdm_jambi");
    p.cohorts[keuda].sessions[1] = session(1, "2026-04-09 13:00", "16:00");
    p.cohorts[etika].sessions[0] = session(0, "2026-04-09 16:45", "18:15");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(count(r, "H1-OVERLAP") == 1);
    CHECK(first(r, "H1-OVERLAP").employee == "e1");
    CHECK(mentions(first(r, "H1-OVERLAP"), "travel"));
}

TEST_CASE("a session on a holiday is outside every window and makes its participants unavailable", "[verify][h2]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-05-14 17:00", "18:30");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H2-UNAVAILABLE", "H3-WINDOW"});
    CHECK(count(r, "H2-UNAVAILABLE") == 2);  // Siti and Rudi
    CHECK(mentions(first(r, "H2-UNAVAILABLE"), "holiday: Kenaikan Yesus Kristus"));
    CHECK(mentions(first(r, "H3-WINDOW"), "holiday"));
}

TEST_CASE("a session during a participant's leave is caught", "[verify][h2]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-04-21 17:00", "18:30");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H2-UNAVAILABLE"});
    CHECK(count(r, "H2-UNAVAILABLE") == 1);
    CHECK(first(r, "H2-UNAVAILABLE").employee == "e1");
    CHECK(mentions(first(r, "H2-UNAVAILABLE"), "leave"));
}

TEST_CASE("a session during a participant's duty is caught", "[verify][h2]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-04-16 17:30", "19:00");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H2-UNAVAILABLE"});
    CHECK(first(r, "H2-UNAVAILABLE").employee == "e3");
    CHECK(mentions(first(r, "H2-UNAVAILABLE"), "duty: rapat koperasi"));
}

TEST_CASE("study in the rest after a night shift is caught", "[verify][h2]") {
    // Nur works the night shift of 12 April until 07:00 on the 13th; she rests until 15:00.
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.study_blocks[0] = block(s, "n1", "prima", "2026-04-13 09:00", "09:45");
    p.study_blocks[1] = block(s, "n1", "prima", "2026-04-13 10:00", "10:45");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H2-UNAVAILABLE"});
    CHECK(count(r, "H2-UNAVAILABLE") == 2);
    CHECK(mentions(first(r, "H2-UNAVAILABLE"), "rest after night shift"));
}

// ------------------------------------------------------------------ hard 3

TEST_CASE("a session outside its mode's windows is caught", "[verify][h3]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-04-09 15:00", "16:30");  // etika runs after hours only
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H3-WINDOW"});
    CHECK(first(r, "H3-WINDOW").cohort == "etika-01");
}

TEST_CASE("an after-hours session for someone who refuses after hours is caught", "[verify][h3]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].participants = people(s, {"e1", "e2", "e3"});
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H3-REFUSED-WINDOW"});
    CHECK(first(r, "H3-REFUSED-WINDOW").employee == "e2");
    // The plan still lists Ahmad as unplaced in etika: a warning, not a violation.
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "W-UNPLACED-PLACED");
}

TEST_CASE("a live session over Friday prayer is caught", "[verify][h3]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].sessions[1] = session(1, "2026-04-10 11:00", "14:00");
    const auto r = check(s, p);
    INFO(listing(r));
    // wi_01 works the office pattern, which breaks for the prayer too.
    CHECK(codes(r) == strings{"H3-FRIDAY-PRAYER", "H5-INSTRUCTOR-HOURS"});
}

TEST_CASE("a policy that does not allow a mode or a window is enforced", "[verify][h3]") {
    const auto s = base_scenario();
    const auto r = check(s, base_plan(s), "classroom_only");
    INFO(listing(r));
    // etika and the webinar are online, prima self-paced; etika and Nur's study
    // blocks lie after hours, a window classroom_only does not allow.
    CHECK(codes(r) == strings{"H3-WINDOW", "S-MODE-NOT-ALLOWED"});
    CHECK(count(r, "S-MODE-NOT-ALLOWED") == 3);
    CHECK(count(r, "H3-WINDOW") == 3);
}

// ------------------------------------------------------------------ hard 4

TEST_CASE("a module before its prerequisite is caught", "[verify][h4]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].sessions = {session(0, "2026-04-08 13:00", "16:00"), session(1, "2026-04-07 08:00", "11:00")};
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H4-MODULE-ORDER"});
}

TEST_CASE("a gap between modules longer than allowed is caught", "[verify][h4]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].sessions[1] = session(1, "2026-04-17 13:00", "16:00");  // 10 days; at most 7
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H4-GAP"});
    CHECK(mentions(first(r, "H4-GAP"), "10 day(s)"));
}

TEST_CASE("a gap between modules shorter than allowed is caught", "[verify][h4]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].sessions[1] = session(1, "2026-04-07 13:00", "16:00");  // same day; at least 1
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H4-GAP"});
}

TEST_CASE("modules longer than the daily maximum run in parts on later days", "[verify][h4]") {
    // At most 2 JP a day: each 4-JP module of keuda runs in parts of 1 or 2 JP.
    const auto s = load_yaml(
        edited({{"windows: [working_hours], venues:", "max_jp_per_day: 2, windows: [working_hours], venues:"}}));
    auto p = base_plan(s);
    auto& sessions = p.cohorts[keuda].sessions;

    SECTION("sessions longer than the daily maximum are caught") {
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"S-SESSION-LENGTH"});
        CHECK(count(r, "S-SESSION-LENGTH") == 2);
    }
    sessions = {session(0, "2026-04-07 08:00", "09:30", 0), session(0, "2026-04-08 08:00", "09:30", 1),
                session(1, "2026-04-09 08:00", "09:30", 0), session(1, "2026-04-10 08:00", "09:30", 1)};
    SECTION("a plan in parts is valid") {
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(r.violations.empty());
        CHECK(r.metrics.sessions == 6);
    }
    SECTION("parts need not be of the daily maximum: 1 + 2 + 1 JP is fine") {
        sessions = {session(0, "2026-04-07 08:00", "08:45", 0), session(0, "2026-04-08 08:00", "09:30", 1),
                    session(0, "2026-04-09 08:00", "08:45", 2), session(1, "2026-04-10 08:00", "09:30", 0),
                    session(1, "2026-04-13 09:00", "10:30", 1)};
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(r.violations.empty());
    }
    SECTION("a part that is not a whole number of JP is caught") {
        sessions[0] = session(0, "2026-04-07 08:00", "09:00", 0);
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"S-SESSION-LENGTH"});  // m1 is 15 minutes short as a consequence only
    }
    SECTION("a second part on the same day as the first is caught") {
        sessions[1] = session(0, "2026-04-07 13:00", "14:30", 1);
        const auto r = check(s, p);
        INFO(listing(r));
        // Two parts of 2 JP on one day are also more than the daily maximum.
        CHECK(codes(r) == strings{"H4-PART-ORDER", "S-DAY-JP"});
    }
    SECTION("a second part more than 7 days after the first is caught") {
        sessions[3] = session(1, "2026-04-17 08:00", "09:30", 1);
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"H4-PART-GAP"});
    }
    SECTION("parts numbered against their start order are caught") {
        sessions[0].part = 1;
        sessions[1].part = 0;
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"S-PART-NUMBER"});
        CHECK(count(r, "S-PART-NUMBER") == 2);
    }
    SECTION("parts adding up to more than the module are caught") {
        sessions.push_back(session(1, "2026-04-13 13:00", "14:30", 2));
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"S-SESSION-EXTRA"});
    }
}

TEST_CASE("a cohort's sessions on one day above its daily maximum are caught", "[verify][h4]") {
    // At most 6 JP a day and no gap needed: m1 and m2 (4 JP each) on one day make 8.
    const auto s =
        load_yaml(edited({{"windows: [working_hours], venues:", "max_jp_per_day: 6, windows: [working_hours], venues:"},
                          {"gap_days: [1, 7]", "gap_days: [0, 7]"}}));
    auto p = base_plan(s);
    p.cohorts[keuda].sessions[1] = session(1, "2026-04-07 13:00", "16:00");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-DAY-JP"});
    CHECK(mentions(first(r, "S-DAY-JP"), "360 min"));
}

// ------------------------------------------------------------------ hard 5

TEST_CASE("a cohort smaller than the programme's minimum is caught", "[verify][h5]") {
    const auto s = load_yaml(edited({{"cohort: {min: 1, max: 3}", "cohort: {min: 3, max: 3}"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-COHORT-SIZE"});
    CHECK(first(r, "H5-COHORT-SIZE").cohort == "keuda-01");
}

TEST_CASE("a cohort larger than the programme's maximum is caught", "[verify][h5]") {
    const auto s = load_yaml(edited({{"cohort: {min: 1, max: 3}", "cohort: {min: 1, max: 1}"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-COHORT-SIZE"});
}

TEST_CASE("a cohort larger than its venue is caught", "[verify][h5]") {
    const auto s = load_yaml(edited({{"{id: aula, capacity: 3,", "{id: aula, capacity: 1,"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-VENUE-CAPACITY"});
}

TEST_CASE("a venue holding two sessions at once is caught", "[verify][h5]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    auto second = p.cohorts[keuda];
    second.id = "keuda-02";
    second.participants = people(s, {"e2"});
    second.instructors = {instructor(s, "wi_02")};
    p.cohorts[keuda].participants = people(s, {"e1"});
    p.cohorts.push_back(second);
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-VENUE-DOUBLE"});
    CHECK(count(r, "H5-VENUE-DOUBLE") == 2);
    CHECK(first(r, "H5-VENUE-DOUBLE").resource == "aula");
}

TEST_CASE("a session in a closed venue is caught", "[verify][h5]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].venue = venue(s, "ruang_rapat");  // closed on 8 April
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-VENUE-CLOSED"});
    CHECK(first(r, "H5-VENUE-CLOSED").when == at("2026-04-08 13:00"));
}

TEST_CASE("a venue used outside its opening hours is caught", "[verify][h5]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].venue = venue(s, "bpsdm_jambi");
    p.cohorts[keuda].sessions[0] = session(0, "2026-04-07 11:00", "14:00");  // over the lunch hour
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(count(r, "H5-VENUE-HOURS") == 1);
    CHECK(count(r, "H5-INSTRUCTOR-HOURS") == 1);  // wi_01 has lunch too
}

TEST_CASE("a platform running more meetings than its licences is caught", "[verify][h5]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    auto second = p.cohorts[etika];
    second.id = "etika-02";
    second.participants = people(s, {"e3"});
    p.cohorts[etika].participants = people(s, {"e1"});
    p.cohorts.push_back(second);
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-PLATFORM-CONCURRENT"});
    CHECK(count(r, "H5-PLATFORM-CONCURRENT") == 1);
    CHECK(first(r, "H5-PLATFORM-CONCURRENT").when == at("2026-04-09 17:00"));
}

TEST_CASE("a cohort larger than its platform takes is caught", "[verify][h5]") {
    const auto s = load_yaml(edited({{"concurrent: 1, capacity: 300", "concurrent: 1, capacity: 1"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-PLATFORM-CAPACITY"});
    CHECK(count(r, "H5-PLATFORM-CAPACITY") == 2);  // etika-01 and webinar-01
}

TEST_CASE("an instructor teaching two sessions at once is caught", "[verify][h5]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    auto second = p.cohorts[keuda];
    second.id = "keuda-02";
    second.venue = venue(s, "ruang_rapat");
    second.participants = people(s, {"e2"});
    second.sessions[1] = session(1, "2026-04-09 13:00", "16:00");
    p.cohorts[keuda].participants = people(s, {"e1"});
    p.cohorts.push_back(second);
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-INSTRUCTOR-DOUBLE"});
    CHECK(first(r, "H5-INSTRUCTOR-DOUBLE").resource == "wi_01");
}

TEST_CASE("an instructor over their daily maximum is caught", "[verify][h5]") {
    const auto s = load_yaml(edited({{"max_minutes_per_day: 360}", "max_minutes_per_day: 120}"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-INSTRUCTOR-DAY-MINUTES"});
    CHECK(count(r, "H5-INSTRUCTOR-DAY-MINUTES") == 2);
}

TEST_CASE("an instructor over their days a month is caught", "[verify][h5]") {
    const auto s =
        load_yaml(edited({{"max_minutes_per_day: 360}", "max_minutes_per_day: 360, max_days_per_month: 1}"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-INSTRUCTOR-MONTH-DAYS"});
}

TEST_CASE("an instructor teaching on a day they are unavailable is caught", "[verify][h5]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].instructors = {instructor(s, "wi_02")};  // away 9-10 April
    p.cohorts[keuda].sessions[1] = session(1, "2026-04-09 13:00", "16:00");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-INSTRUCTOR-UNAVAILABLE"});
}

TEST_CASE("a cohort without the instructors its programme needs, or with others, is caught", "[verify][h5]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    SECTION("none") {
        p.cohorts[keuda].instructors.clear();
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"H5-INSTRUCTOR-COUNT"});
    }
    SECTION("one the programme does not name") {
        p.cohorts[keuda].instructors = {instructor(s, "wi_03")};
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"H5-INSTRUCTOR-NOT-LISTED"});
    }
}

TEST_CASE("a fixed session with more participants than it takes is caught", "[verify][h5]") {
    const auto s = load_yaml(edited({{"capacity: 100}", "capacity: 1}"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H5-FIXED-CAPACITY"});
}

// ------------------------------------------------------------------ hard 6

TEST_CASE("more staff of a unit in training in working time than its limit is caught", "[verify][h6]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].participants = people(s, {"e1", "e2", "e4"});  // 3 of BPKAD's 4; the limit is 2
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H6-UNIT-LIMIT"});
    CHECK(count(r, "H6-UNIT-LIMIT") == 2);  // one per session
    const auto& v = first(r, "H6-UNIT-LIMIT");
    CHECK(v.resource == "bpkad");
    CHECK(v.when == at("2026-04-07 08:00"));
    CHECK(mentions(v, "Dewi"));
    CHECK_THAT(r.metrics.max_unit_absence_ratio, Catch::Matchers::WithinAbs(0.75, 1e-12));
}

TEST_CASE("a policy's absence limit replaces the units' own", "[verify][h6]") {
    const auto s = load_yaml(edited(
        {{"    max_training_minutes_per_day: 480", "    max_training_minutes_per_day: 480\n    max_absent: 1"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H6-UNIT-LIMIT"});  // Siti and Ahmad together
    CHECK(r.units[0].absence_limit == 1);
}

TEST_CASE("training during a shift that leaves it below its minimum is caught", "[verify][h6]") {
    // Nia is the only one on the early shift of 9 April.
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.study_blocks.push_back(block(s, "n2", "prima", "2026-04-09 09:00", "10:30"));
    p.unplaced.pop_back();  // Nia is now placed in prima
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H6-SHIFT-MINIMUM"});
    const auto& v = first(r, "H6-SHIFT-MINIMUM");
    CHECK(v.resource == "rsud");
    CHECK(mentions(v, "shift P"));
    CHECK(mentions(v, "2026-04-09"));
    CHECK(r.metrics.disruption_minutes == 810 + 90);                                       // in her working time
    CHECK_THAT(r.metrics.max_unit_absence_ratio, Catch::Matchers::WithinAbs(0.5, 1e-12));  // BPKAD still
}

// ------------------------------------------------------------------ hard 7

TEST_CASE("training minutes a day above the policy maximum are caught", "[verify][h7]") {
    const auto s = load_yaml(edited({{"max_training_minutes_per_day: 480", "max_training_minutes_per_day: 120"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H7-DAY-MINUTES"});
    CHECK(count(r, "H7-DAY-MINUTES") == 4);  // Siti and Ahmad, 7 and 8 April
}

TEST_CASE("after-hours minutes a day above the policy maximum are caught", "[verify][h7]") {
    const auto s = load_yaml(edited({{"max_minutes_per_day: 135}", "max_minutes_per_day: 60}"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H7-AFTER-HOURS-DAY"});
    CHECK(count(r, "H7-AFTER-HOURS-DAY") == 4);  // Siti, Rudi, Nur twice
}

TEST_CASE("after-hours minutes a week above the policy maximum are caught", "[verify][h7]") {
    const auto s = load_yaml(edited({{"max_minutes_per_week: 180", "max_minutes_per_week: 150"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H7-AFTER-HOURS-WEEK"});
    CHECK(first(r, "H7-AFTER-HOURS-WEEK").employee == "n1");
    CHECK(first(r, "H7-AFTER-HOURS-WEEK").when == at("2026-04-13 00:00"));
}

TEST_CASE("a PPPK scheduled above their JP cap is caught", "[verify][h7]") {
    const auto s = load_yaml(edited({{"status: pppk,", "status: pppk, jp_cap: 1,"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(codes(r) == strings{"H7-JP-CAP"});
    CHECK(first(r, "H7-JP-CAP").employee == "e3");
}

// ------------------------------------------------------------------ hard 8

TEST_CASE("a fixed webinar moved from its time is caught", "[verify][h8]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[webinar].sessions[0] = session(0, "2026-04-15 10:00", "11:30");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"H8-PIN"});
    CHECK(mentions(first(r, "H8-PIN"), "2026-04-15 09:00-10:30"));
}

// ------------------------------------------------------------------ budget

TEST_CASE("the plan's cost is computed and held to the budget", "[verify][budget]") {
    SECTION("within the budget") {
        const auto s = load_yaml(with_costs("{max_cost: 7560, max_classroom_cohorts: 1}"));
        const auto r = check(s, base_plan(s));
        INFO(listing(r));
        CHECK(r.violations.empty());
        CHECK_THAT(r.budget_cost, Catch::Matchers::WithinAbs(7560.0, 1e-9));
        CHECK(r.classroom_cohorts == 1);
    }
    SECTION("over the cost") {
        const auto s = load_yaml(with_costs("{max_cost: 7559}"));
        const auto r = check(s, base_plan(s));
        INFO(listing(r));
        CHECK(codes(r) == strings{"H9-BUDGET-COST"});
    }
    SECTION("over the classroom cohorts") {
        const auto s = load_yaml(with_costs("{max_classroom_cohorts: 0}"));
        const auto r = check(s, base_plan(s));
        INFO(listing(r));
        CHECK(codes(r) == strings{"H9-BUDGET-COHORTS"});
    }
    SECTION("two cohorts in one venue on one day pay for the day once") {
        const auto s = load_yaml(with_costs("{max_cost: 100000}"));
        auto p = base_plan(s);
        auto second = p.cohorts[keuda];
        second.id = "keuda-02";
        second.participants = people(s, {"e2"});
        second.instructors = {instructor(s, "wi_02")};
        second.sessions = {session(0, "2026-04-07 13:00", "16:00"), session(1, "2026-04-08 08:00", "11:00")};
        p.cohorts[keuda].participants = people(s, {"e1"});
        p.cohorts.push_back(second);
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(r.violations.empty());
        CHECK_THAT(r.budget_cost, Catch::Matchers::WithinAbs(7560.0 + 5000, 1e-9));  // wi_02 costs nothing
    }
}

// ------------------------------------------------------------------ structure

TEST_CASE("a session off the grid is caught", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-04-09 17:05", "18:35");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-GRID"});
}

TEST_CASE("a session whose length does not match its module is caught", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-04-09 17:00", "18:00");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-SESSION-LENGTH"});
    CHECK(mentions(first(r, "S-SESSION-LENGTH"), "60 min"));
}

TEST_CASE("a live cohort missing a module's session is caught", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].sessions.pop_back();
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-INCOMPLETE"});
    CHECK(mentions(first(r, "S-INCOMPLETE"), "module m2"));
}

TEST_CASE("a module split into parts that do not add up is incomplete", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].sessions[0] = session(0, "2026-04-07 08:00", "09:30");  // 2 of m1's 4 JP
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-INCOMPLETE"});
    CHECK(mentions(first(r, "S-INCOMPLETE"), "90 min"));
}

TEST_CASE("incomplete study blocks are caught and do not place the person", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.study_blocks.pop_back();
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-STUDY-INCOMPLETE"});
    CHECK(r.metrics.demand_placed == 6);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "W-UNPLACED-MISSING");
}

TEST_CASE("study blocks shorter or longer than the policy allows are caught", "[verify][structure]") {
    SECTION("too short") {
        const auto s = base_scenario();
        auto p = base_plan(s);
        p.study_blocks[0] = block(s, "n1", "prima", "2026-04-13 16:30", "17:00");
        p.study_blocks[1] = block(s, "n1", "prima", "2026-04-13 17:30", "18:30");
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"S-STUDY-BLOCK-LENGTH"});
        CHECK(count(r, "S-STUDY-BLOCK-LENGTH") == 1);
    }
    SECTION("too long") {
        const auto s =
            load_yaml(edited({{"    max_training_minutes_per_day: 480",
                               "    max_training_minutes_per_day: 480\n    study_block_minutes: [30, 60]"}}));
        auto p = base_plan(s);
        p.study_blocks = {block(s, "n1", "prima", "2026-04-13 16:30", "18:00")};
        const auto r = check(s, p);
        INFO(listing(r));
        CHECK(codes(r) == strings{"S-STUDY-BLOCK-LENGTH"});
    }
}

TEST_CASE("study blocks after the demand's deadline are caught and do not place the person", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.study_blocks[0] = block(s, "n1", "prima", "2026-05-04 16:30", "17:15");
    p.study_blocks[1] = block(s, "n1", "prima", "2026-05-04 17:30", "18:15");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-DEADLINE"});
    CHECK(r.metrics.demand_placed == 6);
}

TEST_CASE("a participant who is not in the programme's demand is caught", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[webinar].participants = people(s, {"e2", "e4", "n1"});
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-NOT-IN-DEMAND"});
    CHECK(first(r, "S-NOT-IN-DEMAND").employee == "e2");
}

TEST_CASE("a person placed twice in one programme is caught", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    auto second = p.cohorts[etika];
    second.id = "etika-02";
    second.participants = people(s, {"e1"});
    second.sessions[0] = session(0, "2026-04-14 17:00", "18:30");
    p.cohorts.push_back(second);
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-DUPLICATE"});
    CHECK(first(r, "S-DUPLICATE").employee == "e1");
}

TEST_CASE("a session outside the planning horizon is caught", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-06-02 17:00", "18:30");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-HORIZON"});
    CHECK(r.metrics.demand_placed == 5);  // after the horizon's end nobody is placed
}

TEST_CASE("a plan with indices the scenario lacks is reported, not crashed on", "[verify][structure]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[keuda].participants.push_back(model::employee_index{99});
    p.cohorts[keuda].sessions.push_back(session(7, "2026-04-09 08:00", "11:00"));
    p.cohorts[etika].program = model::program_index{42};
    p.study_blocks.push_back(
        {model::employee_index{77}, prog(s, "prima"), 0, at("2026-04-13 19:00"), at("2026-04-13 19:45")});
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(count(r, "S-REFERENCE") == 4);
}

TEST_CASE("an unplaced list that does not match the plan gives warnings, not violations", "[verify]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.unplaced.erase(p.unplaced.begin());                            // Rudi in keuda: unmet but not listed
    p.unplaced.push_back({emp(s, "n3"), prog(s, "keuda"), {}, {}});  // Nanda has no keuda demand
    p.unplaced.push_back({emp(s, "e1"), prog(s, "keuda"), {}, {}});  // Siti is placed in keuda
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(r.violations.empty());
    std::vector<std::string> warned;
    for (const auto& w : r.warnings) warned.push_back(w.code + " " + w.employee);
    std::sort(warned.begin(), warned.end());
    CHECK(warned == strings{"W-UNPLACED-MISSING e3", "W-UNPLACED-PLACED e1", "W-UNPLACED-UNKNOWN n3"});
}

TEST_CASE("violations are sorted by time and counted by code", "[verify]") {
    const auto s = load_yaml(edited({{"max_training_minutes_per_day: 480", "max_training_minutes_per_day: 120"}}));
    auto p = base_plan(s);
    p.cohorts[keuda].instructors.clear();  // a finding without a time
    const auto r = check(s, p);
    REQUIRE(r.violations.size() == 5);
    CHECK(r.violations_by_code.at("H7-DAY-MINUTES") == 4);
    CHECK(r.violations_by_code.at("H5-INSTRUCTOR-COUNT") == 1);
    CHECK(r.metrics.hard_violations == 5);
    for (std::size_t i = 1; i < r.violations.size(); ++i)
        if (r.violations[i - 1].when && r.violations[i].when) CHECK(*r.violations[i - 1].when <= *r.violations[i].when);
}
