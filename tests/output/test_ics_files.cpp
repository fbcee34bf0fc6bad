// The calendar files of a plan: which files, which events in each, the
// properties every event carries, and what hostile names cannot do.
#include "ics_support.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include "../support/error_code.hpp"

using namespace jadwal;
using namespace jadwal::test_ics;

namespace {

/// The property names the writer uses; anything else at the start of a content line was injected.
const std::set<std::string> known_properties{
    "BEGIN",    "END",          "VERSION",  "PRODID",     "CALSCALE", "METHOD", "X-WR-CALNAME", "TZID",
    "DTSTART",  "TZOFFSETFROM", "TZOFFSETTO", "TZNAME",   "UID",      "DTSTAMP", "DTEND",       "SEQUENCE",
    "STATUS",   "TRANSP",       "SUMMARY",  "DESCRIPTION", "LOCATION", "URL",   "CATEGORIES",   "ORGANIZER",
    "ATTENDEE", "ACTION",       "TRIGGER"};

std::size_t count_of(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("The example plan gives one file per cohort, employee with training, instructor and venue used",
          "[output][ics]") {
    const auto& [s, sol] = example();
    REQUIRE(sol.cohorts.size() >= 2);
    REQUIRE_FALSE(sol.study_blocks.empty());
    const auto files = output::calendar_files(*s, sol, options());
    check_against(files, expected_calendars(*s, sol, nullptr));

    // Cohorts first (plan order), then employees, instructors, venues (scenario order); no cancel files.
    std::vector<std::string> order;
    for (const auto& f : files) order.push_back(f.relative.generic_string());
    auto written = [&](const std::string& path) {
        return std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.relative.generic_string() == path; });
    };
    std::vector<std::string> want;
    for (const auto& c : sol.cohorts) want.push_back("calendars/cohorts/" + c.id + ".ics");
    auto add = [&](const std::string& dir, const auto& items) {
        for (const auto& item : items)
            if (const std::string path = "calendars/" + dir + "/" + item.id + ".ics"; written(path)) want.push_back(path);
    };
    add("employees", s->employees);
    add("instructors", s->instructors);
    add("venues", s->venues);
    // 3 cohorts; 5 + 2 + 2 participants and 2 people with study blocks; both instructors; one venue.
    CHECK(want.size() == 3 + 11 + 2 + 1);
    CHECK(order == want);
}

TEST_CASE("Whatever the solver plans, the calendars hold exactly its events", "[output][ics]") {
    const auto& [s, sol] = solved_example();
    check_against(output::calendar_files(*s, sol, options()), expected_calendars(*s, sol, nullptr));
}

TEST_CASE("Every file is an RFC 5545 calendar: CRLF, folded lines, the required properties", "[output][ics]") {
    const auto& [s, sol] = example();
    for (const auto& f : output::calendar_files(*s, sol, options())) {
        INFO(f.relative);
        const auto& text = f.content;
        CHECK(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jadwal//jadwal//EN\r\n"
                               "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"));
        CHECK(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        const auto cal = parse_calendar(text);  // checks CRLF, 75 octets, nesting
        CHECK(count_of(text, "\n") == count_of(text, "\r\n"));
        CHECK(cal.get("X-WR-CALNAME").size() > 0);
        std::set<std::string> uids;
        for (const auto& ev : cal.events) {
            CHECK(uids.insert(ev.one("UID").value).second);
            CHECK(ev.one("DTSTAMP").value == "20260102T030400Z");
            for (const char* name : {"DTSTART", "DTEND"}) {
                const auto& p = ev.one(name);
                // Times refer to a VTIMEZONE of the file.
                if (!p.value.ends_with("Z")) {
                    REQUIRE(cal.zones.size() == 1);
                    CHECK(p.param("TZID") == cal.zones[0]);
                }
            }
            CHECK(instant_of(ev.one("DTSTART")) < instant_of(ev.one("DTEND")));
            CHECK(ev.one("SUMMARY").value.size() > 0);
            CHECK(ev.one("DESCRIPTION").value.size() > 0);
            CHECK(ev.count("CATEGORIES") == 1);
            CHECK_FALSE(ev.one("ORGANIZER").param("CN").empty());
            CHECK(ev.one("ORGANIZER").value.starts_with("urn:jadwal:"));
            CHECK(ev.one("STATUS").value == "CONFIRMED");
            // METHOD:PUBLISH allows no ATTENDEE (RFC 5546 3.2.1, libical's
            // icalrestriction_check); the attendees appear in cancel files.
            CHECK(ev.count("ATTENDEE") == 0);
        }
    }
}

TEST_CASE("An employee's file holds their own sessions and study blocks in their own zone", "[output][ics]") {
    const auto& [s, sol] = example();
    const auto files = output::calendar_files(*s, sol, options());
    // Putri Ayu works in Asia/Makassar; everyone else in Asia/Jakarta.
    for (std::uint32_t e = 0; e < s->employees.size(); ++e) {
        const auto& person = s->employees[e];
        const auto cal = output::employee_calendar(*s, sol, {e}, options());
        CHECK(cal.cancel.empty());
        const auto parsed = parse_calendar(cal.publish);
        REQUIRE(parsed.zones.size() == 1);
        CHECK(parsed.zones[0] == s->zone_of(person).name());
        bool written = false;
        for (const auto& f : files)
            if (f.relative.generic_string() == "calendars/employees/" + person.id + ".ics") {
                CHECK(f.content == cal.publish);
                written = true;
            }
        CHECK(written == !parsed.events.empty());
        for (const auto& ev : parsed.events) {
            CHECK(ev.one("UID").value.ends_with("@jadwal"));
            // No ATTENDEE in METHOD:PUBLISH (RFC 5546); the person's own UIDs say whose file it is.
            CHECK(ev.count("ATTENDEE") == 0);
            if (ev.one("UID").value.find(".study.") == std::string::npos)
                CHECK(ev.one("UID").value.ends_with("." + person.id + "@jadwal"));
        }
    }
}

TEST_CASE("Sessions say what, how, where and who; study blocks say what and how", "[output][ics]") {
    const auto& [s, sol] = example();
    const auto files = output::calendar_files(*s, sol, options());
    for (const auto& c : sol.cohorts) {
        const auto& prog = s->programs[c.program.value];
        const auto cal = parse_calendar(file_named(files, "calendars/cohorts/" + c.id + ".ics").content);
        REQUIRE(cal.events.size() == c.sessions.size());
        for (const auto& ev : cal.events) {
            const std::string summary = unescape_text(ev.one("SUMMARY").value);
            CHECK(summary.starts_with(prog.title + ": "));
            const std::string description = unescape_text(ev.one("DESCRIPTION").value);
            CHECK(description.find("Cohort: " + c.id) != std::string::npos);
            CHECK(description.find(" JP") != std::string::npos);
            if (c.mode == model::delivery_mode::classroom) {
                CHECK(description.find("Mode: Classroom") != std::string::npos);
                const auto& v = s->venues[c.venue.value];
                CHECK(unescape_text(ev.one("LOCATION").value).starts_with(v.name));
                CHECK(ev.one("CATEGORIES").value == "Training,Classroom");
            } else {
                CHECK(description.find("Mode: Online (live)") != std::string::npos);
                CHECK(unescape_text(ev.one("LOCATION").value) == s->platforms[c.platform.value].name);
                CHECK(ev.count("URL") == 0);  // the example's platform has no url
            }
        }
    }
    for (const auto& f : files) {
        if (!f.relative.generic_string().starts_with("calendars/employees/")) continue;
        for (const auto& ev : parse_calendar(f.content).events)
            if (ev.one("UID").value.find(".study.") != std::string::npos) {
                CHECK(unescape_text(ev.one("SUMMARY").value).ends_with("(self-paced study)"));
                CHECK(ev.one("CATEGORIES").value == "Training,Self-paced study");
            }
    }
}

TEST_CASE("The same inputs give byte-identical calendars", "[output][ics]") {
    const auto& [s, sol] = example();
    const auto a = output::calendar_files(*s, sol, options());
    const auto b = output::calendar_files(*s, sol, options());
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].relative == b[i].relative);
        CHECK(a[i].content == b[i].content);
    }
    // A copy of the plan as its own "previous plan" changes nothing.
    const solve::solution copy = sol;
    const auto c = output::calendar_files(*s, sol, options(&copy));
    REQUIRE(c.size() == a.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(c[i].content == a[i].content);
}

TEST_CASE("Options set DTSTAMP, PRODID and the UID domain", "[output][ics]") {
    const auto& [s, sol] = example();
    auto o = options();
    o.dtstamp = at(2026, 7, 1, 12, 30);
    o.product_id = "-//BKPSDMD Batanghari//jadwal 0.1//ID";
    o.uid_domain = "bkpsdmd.batangharikab.go.id";
    const auto files = output::calendar_files(*s, sol, o);
    const auto cal = parse_calendar(files.front().content);
    CHECK(cal.get("PRODID") == "-//BKPSDMD Batanghari//jadwal 0.1//ID");
    for (const auto& ev : cal.events) {
        CHECK(ev.one("DTSTAMP").value == "20260701T123000Z");
        CHECK(ev.one("UID").value.ends_with("@bkpsdmd.batangharikab.go.id"));
    }
    o.uid_domain = "evil\r\nATTENDEE:x";
    const auto odd = output::calendar_files(*s, sol, o);
    CHECK(parse_calendar(odd.front().content).events.front().one("UID").value.ends_with("@evil%0D%0AATTENDEE%3Ax"));
}

TEST_CASE("Hostile names and ids stay inside their values, their files and their directories", "[output][ics][hostile]") {
    const auto& [s, sol] = hostile();
    const auto files = output::calendar_files(*s, sol, options());
    check_against(files, expected_calendars(*s, sol, nullptr));

    std::set<std::string> names;
    for (const auto& f : files) {
        const std::string path = f.relative.generic_string();
        INFO(path);
        // Four levels, ASCII without controls, nothing that leaves the directory.
        CHECK(std::regex_match(path, std::regex{R"(calendars/(cohorts|employees|instructors|venues)/[A-Za-z0-9_%~-]+\.ics)"}));
        CHECK(names.insert(path).second);
        for (const auto& line : content_lines(f.content)) {
            const auto p = parse_property(line);
            INFO(line);
            CHECK(known_properties.count(p.name) == 1);
        }
        // No physical line starts a property the writer did not mean, and
        // events end only where they do.
        const auto lines = physical_lines(f.content);
        for (const auto line : lines)
            for (const char* injected : {"ATTENDEE:mailto:evil", "LOCATION:evil", "URL:http://evil",
                                         "ORGANIZER:mailto:evil", "METHOD:REQUEST"})
                CHECK_FALSE(line.starts_with(injected));
        CHECK(std::count(lines.begin(), lines.end(), "END:VEVENT") ==
              static_cast<std::ptrdiff_t>(parse_calendar(f.content).events.size()));
        CHECK(std::count(lines.begin(), lines.end(), "METHOD:PUBLISH") == 1);
    }
    CHECK(names.count("calendars/employees/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.ics") == 1);
    CHECK(names.count("calendars/employees/%43ON.ics") == 1);
    CHECK(names.count("calendars/employees/Keuda.ics") == 1);
    CHECK(names.count("calendars/employees/keuda~2.ics") == 1);  // Keuda and keuda differ only in case
    CHECK(names.count("calendars/employees/x%2Ecancel.ics") == 1);
    CHECK(names.count("calendars/cohorts/%2E%2E%2Fc%3B1.ics") == 1);
    CHECK(names.count("calendars/venues/a%2Fb.ics") == 1);
    CHECK(names.count("calendars/instructors/wi%2F1.ics") == 1);

    // The values read back exactly as written in the scenario.
    const auto room = parse_calendar(file_named(files, "calendars/cohorts/%2E%2E%2Fc%3B1.ics").content);
    const auto& ev = room.events.front();
    CHECK(unescape_text(ev.one("SUMMARY").value) == s->programs[0].title + ": " + s->programs[0].modules[0].title +
                                                         " (part 1 of 2)");
    CHECK(unescape_text(ev.one("LOCATION").value) == s->venues[0].name + ", " + s->locations[0].name);
    CHECK(ev.one("UID").value == "%2E%2E%2Fc%3B1.m%2F1.1@jadwal");
    CHECK(ev.one("ORGANIZER").param("CN") == "BKPSDMD; 'Batanghari' METHOD:REQUEST");
    // Names as ATTENDEE parameters: METHOD:PUBLISH has none (RFC 5546), so
    // they are read from the cancel files of a re-plan that drops every cohort.
    solve::solution none = sol;
    none.cohorts.clear();
    const auto cancelled = output::calendar_files(*s, none, options(&sol));
    const auto room_cancel =
        parse_calendar(file_named(cancelled, "calendars/cohorts/%2E%2E%2Fc%3B1.cancel.ics").content);
    std::set<std::string> cns;
    for (const auto& p : room_cancel.events.front().props)
        if (p.name == "ATTENDEE") cns.insert(p.param("CN") + " <" + p.value + ">");
    CHECK(cns == std::set<std::string>{
                     "Evil ATTENDEE:mailto:evil@x <mailto:siti@bkpsdmd.go.id>",
                     "<script>alert(1)</script> <urn:jadwal:employee:%2E%2E%2F%2E%2E%2Fetc%2Fpasswd>",
                     "=HYPERLINK('http://evil','x') <urn:jadwal:employee:CON>",
                     "Back\\slash; semi, comma: colon <urn:jadwal:employee:Keuda>",
                     "Nur'aini 'Ani'  END:VEVENT <urn:jadwal:employee:keuda>",
                     "Drs. 'Hasan', M.Si. ORGANIZER:mailto:evil <mailto:hasan+wi@bpsdm.go.id>",
                     "Aula 'Utama'; LOCATION:evil <urn:jadwal:venue:a%2Fb>"});
    const auto online = parse_calendar(file_named(files, "calendars/cohorts/KEUDA.ics").content);
    CHECK(online.events.front().one("URL").value == "https://zoom.us/j/1?pwd=a,b;c=%41&x=%C3%BC");
    CHECK(unescape_text(online.events.front().one("LOCATION").value) == "Zoom\nURL:http://evil");

    const auto x = parse_calendar(file_named(cancelled, "calendars/employees/x.cancel.ics").content);
    CHECK(x.events.front().one("ATTENDEE").param("CN") == "Tab here ctl ");  // no control characters in parameters
}

TEST_CASE("Study blocks are numbered in time order within a person's module", "[output][ics][hostile]") {
    const auto& [s, sol] = hostile();
    // The plan lists the 2 April block before the 1 April one.
    const auto cal = parse_calendar(output::employee_calendar(*s, sol, {5}, options()).publish);
    std::map<std::string, std::pair<calendar::instant, std::string>> blocks;
    for (const auto& ev : cal.events)
        if (ev.one("UID").value.find(".study.") != std::string::npos)
            blocks[ev.one("UID").value] = {instant_of(ev.one("DTSTART")), ev.one("SEQUENCE").value};
    REQUIRE(blocks.size() == 2);
    CHECK(blocks.at("x%2Ecancel.p%2E1.m2.study.1@jadwal") == std::pair{at(2026, 4, 1, 12), std::string{"3"}});
    CHECK(blocks.at("x%2Ecancel.p%2E1.m2.study.2@jadwal") == std::pair{at(2026, 4, 2, 12), std::string{"0"}});
}

TEST_CASE("A participant in Europe/Berlin gets Berlin times and a VTIMEZONE with daylight saving time",
          "[output][ics][hostile][tz]") {
    const auto& [s, sol] = hostile();
    const auto text = output::employee_calendar(*s, sol, {4}, options()).publish;
    const auto cal = parse_calendar(text);
    REQUIRE(cal.zones == std::vector<std::string>{"Europe/Berlin"});
    CHECK(text.find("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n") !=
          std::string::npos);
    CHECK(text.find("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n") !=
          std::string::npos);
    // 16 March 08:00 WIB is 02:00 CET; 30 March 08:00 WIB is 03:00 CEST; 25 October 01:30 UTC is
    // the second 02:30 of that night in Berlin, so it is written in UTC.
    CHECK(text.find("DTSTART;TZID=Europe/Berlin:20260316T020000\r\n") != std::string::npos);
    CHECK(text.find("DTSTART;TZID=Europe/Berlin:20260330T030000\r\n") != std::string::npos);
    CHECK(text.find("DTSTART:20261025T013000Z\r\n") != std::string::npos);
}

TEST_CASE("Someone without training gets a calendar with only their zone", "[output][ics]") {
    const auto& [s, sol] = example();
    solve::solution empty;
    const auto cal = output::employee_calendar(*s, empty, {0}, options());
    const auto parsed = parse_calendar(cal.publish);
    CHECK(parsed.events.empty());
    CHECK(parsed.zones == std::vector<std::string>{"Asia/Jakarta"});
    CHECK(output::calendar_files(*s, empty, options()).empty());
}

TEST_CASE("A plan that points outside the scenario or repeats itself is refused", "[output][ics]") {
    const auto& [s, sol] = example();
    auto refused = [&](const solve::solution& bad, const char* what) {
        INFO(what);
        CHECK(jadwal::test::error_code_of([&] { (void)output::calendar_files(*s, bad, options()); }) ==
              jadwal::errc::parse);
        CHECK(jadwal::test::error_code_of([&] { (void)output::calendar_files(*s, sol, options(&bad)); }) ==
              jadwal::errc::parse);
    };
    auto broken = sol;
    broken.cohorts[0].participants.push_back({999999});
    refused(broken, "unknown participant");
    // The message says which plan, and why.
    try {
        (void)output::calendar_files(*s, sol, options(&broken));
        FAIL("a previous plan with an unknown participant was written");
    } catch (const jadwal::error& e) {
        CHECK(std::string(e.what()) ==
              "cannot write calendars: the previous plan does not fit the scenario: cohort " + broken.cohorts[0].id +
                  " lists an unknown participant");
    }
    broken = sol;
    broken.cohorts[0].instructors.push_back({77});
    refused(broken, "unknown instructor");
    broken = sol;
    broken.cohorts[0].sessions[0].module = 99;
    refused(broken, "unknown module");
    broken = sol;
    broken.cohorts[0].sessions[0].end = broken.cohorts[0].sessions[0].start;
    refused(broken, "empty session");
    broken = sol;
    broken.cohorts[1].id = broken.cohorts[0].id;
    refused(broken, "cohort id twice");
    broken = sol;
    broken.cohorts[0].sessions.push_back(broken.cohorts[0].sessions[0]);
    refused(broken, "module part twice");
    broken = sol;
    broken.study_blocks[0].program = {42};
    refused(broken, "unknown programme of a block");
    CHECK(jadwal::test::error_code_of([&] { (void)output::employee_calendar(*s, sol, {9999}, options()); }) ==
          jadwal::errc::not_found);
}

TEST_CASE("A plan that lists someone twice still gives each event once", "[output][ics]") {
    const auto& [s, sol] = example();
    auto twice = sol;
    auto& c = twice.cohorts[0];
    c.participants.push_back(c.participants.front());
    c.instructors.push_back(c.instructors.empty() ? model::instructor_index{0} : c.instructors.front());
    check_against(output::calendar_files(*s, twice, options()), expected_calendars(*s, twice, nullptr));
}
