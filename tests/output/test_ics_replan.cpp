// Re-planning: UIDs that survive, SEQUENCE that grows, and METHOD:CANCEL for
// what the new plan no longer holds.
#include "ics_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace jadwal;
using namespace jadwal::test_ics;

namespace {

std::string session_uid(const model::scenario& s, const solve::cohort& c, const solve::session& ses) {
    return encode(c.id) + "." + encode(s.programs[c.program.value].modules[ses.module].id) + "." +
           std::to_string(ses.part + 1);
}

const parsed_event& event_with_uid(const parsed_calendar& cal, const std::string& uid) {
    for (const auto& ev : cal.events)
        if (ev.one("UID").value == uid) return ev;
    FAIL("no event " << uid);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("A re-plan gives the events the files must hold, with cancellations", "[output][ics][replan]") {
    const auto& s = *example().scenario;
    const auto r = make_replan();
    check_against(output::calendar_files(s, r.after, options(&r.before)), expected_calendars(s, r.after, &r.before));
}

TEST_CASE("A moved session keeps its UID and takes SEQUENCE from its revision", "[output][ics][replan]") {
    const auto& s = *example().scenario;
    const auto r = make_replan();
    const auto files = output::calendar_files(s, r.after, options(&r.before));
    const auto& co = r.after.cohorts[r.cohort > r.gone ? r.cohort - 1 : r.cohort];
    const std::string uid = session_uid(s, co, r.moved);
    const auto cohort = parse_calendar(file_named(files, "calendars/cohorts/" + co.id + ".ics").content);
    const auto& ev = event_with_uid(cohort, uid + "@jadwal");
    CHECK(ev.one("SEQUENCE").value == std::to_string(r.moved.revision));
    CHECK(ev.one("STATUS").value == "CONFIRMED");
    CHECK(instant_of(ev.one("DTSTART")) == r.moved.start);
    // Each remaining participant sees the same move under their own UID.
    for (const auto e : co.participants) {
        const auto& id = s.employees[e.value].id;
        const auto mine = parse_calendar(file_named(files, "calendars/employees/" + id + ".ics").content);
        const auto& own = event_with_uid(mine, uid + "." + id + "@jadwal");
        CHECK(own.one("SEQUENCE").value == std::to_string(r.moved.revision));
        CHECK(instant_of(own.one("DTSTART")) == r.moved.start);
    }
}

TEST_CASE("A removed session is cancelled in every file that showed it", "[output][ics][replan]") {
    const auto& s = *example().scenario;
    const auto r = make_replan();
    const auto files = output::calendar_files(s, r.after, options(&r.before));
    const auto& old = r.before.cohorts[r.cohort];
    const std::string uid = session_uid(s, old, r.removed);
    const std::string sequence = std::to_string(r.removed.revision + 1);

    std::vector<std::string> bases{"calendars/cohorts/" + old.id};
    for (const auto i : old.instructors) bases.push_back("calendars/instructors/" + s.instructors[i.value].id);
    if (old.mode == model::delivery_mode::classroom) bases.push_back("calendars/venues/" + s.venues[old.venue.value].id);
    for (const auto& base : bases) {
        INFO(base);
        const auto publish = parse_calendar(file_named(files, base + ".ics").content);
        const auto& copy = event_with_uid(publish, uid + "@jadwal");
        CHECK(copy.one("STATUS").value == "CANCELLED");
        CHECK(copy.one("SEQUENCE").value == sequence);
        CHECK(copy.one("TRANSP").value == "TRANSPARENT");
        CHECK(instant_of(copy.one("DTSTART")) == r.removed.start);
        const auto cancel = parse_calendar(file_named(files, base + ".cancel.ics").content);
        CHECK(cancel.get("METHOD") == "CANCEL");
        const auto& c = event_with_uid(cancel, uid + "@jadwal");
        CHECK(c.one("STATUS").value == "CANCELLED");
        CHECK(c.one("SEQUENCE").value == sequence);
        CHECK(c.count("ORGANIZER") == 1);
        CHECK(c.count("ATTENDEE") >= 1);
    }
    for (const auto e : old.participants) {
        const auto& id = s.employees[e.value].id;
        const auto cancel = parse_calendar(file_named(files, "calendars/employees/" + id + ".cancel.ics").content);
        const auto& c = event_with_uid(cancel, uid + "." + id + "@jadwal");
        CHECK(c.one("SEQUENCE").value == sequence);
        CHECK(c.one("ATTENDEE").value == "urn:jadwal:employee:" + id);
    }
}

TEST_CASE("Someone dropped from a cohort whose sessions go on gets every one of them cancelled",
          "[output][ics][replan]") {
    const auto& s = *example().scenario;
    const auto r = make_replan();
    const auto files = output::calendar_files(s, r.after, options(&r.before));
    const auto& old = r.before.cohorts[r.cohort];
    const auto& id = s.employees[r.dropped.value].id;
    const auto publish = parse_calendar(file_named(files, "calendars/employees/" + id + ".ics").content);
    const auto cancel = parse_calendar(file_named(files, "calendars/employees/" + id + ".cancel.ics").content);
    for (const auto& ses : old.sessions) {
        const std::string uid = session_uid(s, old, ses) + "." + id + "@jadwal";
        CHECK(event_with_uid(publish, uid).one("STATUS").value == "CANCELLED");
        CHECK(event_with_uid(cancel, uid).one("SEQUENCE").value == std::to_string(ses.revision + 1));
    }
    // The cohort's own file keeps the sessions that go on (METHOD:PUBLISH: no
    // ATTENDEE at all, RFC 5546; the cancel file lists whom a session was cancelled for).
    const auto cohort = parse_calendar(file_named(files, "calendars/cohorts/" + old.id + ".ics").content);
    std::size_t going_on = 0;
    for (const auto& ev : cohort.events) {
        if (ev.one("STATUS").value != "CONFIRMED") continue;
        ++going_on;
        CHECK(ev.count("ATTENDEE") == 0);
    }
    CHECK(going_on == old.sessions.size() - 1);
}

TEST_CASE("A dropped cohort keeps a file of cancelled sessions and a cancel file", "[output][ics][replan]") {
    const auto& s = *example().scenario;
    const auto r = make_replan();
    const auto files = output::calendar_files(s, r.after, options(&r.before));
    const auto& gone = r.before.cohorts[r.gone];
    const auto publish = parse_calendar(file_named(files, "calendars/cohorts/" + gone.id + ".ics").content);
    REQUIRE(publish.events.size() == gone.sessions.size());
    for (const auto& ev : publish.events) CHECK(ev.one("STATUS").value == "CANCELLED");
    const auto cancel = parse_calendar(file_named(files, "calendars/cohorts/" + gone.id + ".cancel.ics").content);
    CHECK(cancel.events.size() == gone.sessions.size());
    // The dropped cohort's file comes after the plan's own cohorts.
    std::size_t last_cohort = 0, gone_at = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto path = files[i].relative.generic_string();
        if (path.starts_with("calendars/cohorts/")) last_cohort = i;
        if (path == "calendars/cohorts/" + gone.id + ".ics") gone_at = i;
    }
    CHECK(gone_at + 1 == last_cohort);  // followed only by its cancel file
}

TEST_CASE("A removed study block is cancelled under its UID", "[output][ics][replan]") {
    const auto& s = *example().scenario;
    const auto r = make_replan();
    const auto files = output::calendar_files(s, r.after, options(&r.before));
    const auto& id = s.employees[r.block.employee.value].id;
    const auto& prog = s.programs[r.block.program.value];
    std::size_t n = 0;
    for (const auto& b : r.before.study_blocks)
        if (b.employee == r.block.employee && b.program == r.block.program && b.module == r.block.module) ++n;
    const std::string uid =
        id + "." + prog.id + "." + prog.modules[r.block.module].id + ".study." + std::to_string(n) + "@jadwal";
    const auto cancel = parse_calendar(file_named(files, "calendars/employees/" + id + ".cancel.ics").content);
    const auto& ev = event_with_uid(cancel, uid);
    CHECK(instant_of(ev.one("DTSTART")) == r.block.start);
    CHECK(ev.one("SEQUENCE").value == std::to_string(r.block.revision + 1));
}

TEST_CASE("Files a re-plan did not touch are the same as without a previous plan and have no cancel file",
          "[output][ics][replan]") {
    const auto& s = *example().scenario;
    const auto r = make_replan();
    const auto with = output::calendar_files(s, r.after, options(&r.before));
    const auto without = output::calendar_files(s, r.after, options());
    const auto want = expected_calendars(s, r.after, &r.before);
    std::size_t same = 0;
    for (const auto& f : without) {
        const std::string path = f.relative.generic_string();
        const std::string cancel = path.substr(0, path.size() - 4) + ".cancel.ics";
        if (want.count(cancel)) continue;
        INFO(path);
        CHECK(file_named(with, path).content == f.content);
        ++same;
    }
    CHECK(same > 0);
}

TEST_CASE("SEQUENCE never goes below what was published, and rises when times change without a revision",
          "[output][ics][replan]") {
    const auto& [s, sol] = example();
    auto before = sol;
    auto after = sol;
    auto& old_ses = before.cohorts[0].sessions[0];
    old_ses.revision = 5;
    after.cohorts[0].sessions[0].revision = 0;  // a plan that lost track of revisions
    auto& moved = after.cohorts[0].sessions[1];
    moved.start += std::chrono::hours{1};
    moved.end += std::chrono::hours{1};  // moved, revision not raised
    const auto files = output::calendar_files(*s, after, options(&before));
    check_against(files, expected_calendars(*s, after, &before));
    const auto& co = after.cohorts[0];
    const auto cal = parse_calendar(file_named(files, "calendars/cohorts/" + co.id + ".ics").content);
    CHECK(event_with_uid(cal, session_uid(*s, co, co.sessions[0]) + "@jadwal").one("SEQUENCE").value == "5");
    CHECK(event_with_uid(cal, session_uid(*s, co, moved) + "@jadwal").one("SEQUENCE").value ==
          std::to_string(before.cohorts[0].sessions[1].revision + 1));
}
