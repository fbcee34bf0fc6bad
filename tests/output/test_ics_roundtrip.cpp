// The calendar files read back by two iCalendar parsers that share no code
// with the writer: Python's icalendar (tests/output/ics_check.py) and libical.
// Both must find exactly the events expected_calendars() derives from the plan,
// with times converted through the files' own VTIMEZONEs.
#include "ics_support.hpp"

#include <catch2/catch.hpp>

#ifdef JADWAL_HAVE_LIBICAL
#include <libical/ical.h>
#endif

#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/wait.h>

using namespace jadwal;
using namespace jadwal::test_ics;

namespace {

struct dataset {
    std::string name;
    output::output_files files;
    std::map<std::string, expected_file> want;
};

/// The hostile plan's session summaries, so that both parsers must read the
/// escaped and folded non-ASCII text back exactly.
void add_hostile_summaries(const model::scenario& s, const solve::solution& sol, std::map<std::string, expected_file>& want) {
    for (const auto& c : sol.cohorts) {
        const auto& prog = s.programs[c.program.value];
        for (const auto& ses : c.sessions) {
            std::size_t parts = 0;
            for (const auto& other : c.sessions) parts += other.module == ses.module ? 1 : 0;
            const auto& mod = prog.modules[ses.module];
            std::string summary = prog.title + ": " + (mod.title.empty() ? mod.id : mod.title);
            if (parts > 1) summary += " (part " + std::to_string(ses.part + 1) + " of " + std::to_string(parts) + ")";
            const std::string base = encode(c.id) + "." + encode(mod.id) + "." + std::to_string(ses.part + 1);
            for (auto& [path, f] : want)
                for (auto& e : f.events)
                    if (e.uid == base + "@jadwal" || e.uid.starts_with(base + ".")) e.summary = summary;
        }
    }
}

const std::vector<dataset>& datasets() {
    static const std::vector<dataset> all = [] {
        std::vector<dataset> out;
        const auto& ex = example();
        out.push_back({"example", output::calendar_files(*ex.scenario, ex.solution, options()),
                       expected_calendars(*ex.scenario, ex.solution, nullptr)});
        const auto& solved = solved_example();
        out.push_back({"solved", output::calendar_files(*solved.scenario, solved.solution, options()),
                       expected_calendars(*solved.scenario, solved.solution, nullptr)});
        const auto r = make_replan();
        out.push_back({"replan", output::calendar_files(*ex.scenario, r.after, options(&r.before)),
                       expected_calendars(*ex.scenario, r.after, &r.before)});
        const auto& h = hostile();
        dataset hostile_set{"hostile", output::calendar_files(*h.scenario, h.solution, options()),
                            expected_calendars(*h.scenario, h.solution, nullptr)};
        add_hostile_summaries(*h.scenario, h.solution, hostile_set.want);
        out.push_back(std::move(hostile_set));
        return out;
    }();
    return all;
}

/// Writes every dataset under dir/<name>/ and the manifest for all of them.
fs::path write_all(const fs::path& dir) {
    std::map<std::string, expected_file> want;
    for (const auto& d : datasets()) {
        for (const auto& f : d.files) write_text(dir / d.name / f.relative, f.content);
        for (const auto& [path, f] : d.want) want[d.name + "/" + path] = f;
    }
    const fs::path manifest_file = dir / "manifest.json";
    std::ofstream(manifest_file) << manifest(want).dump(1);
    return manifest_file;
}

int run_python_check(const fs::path& dir, const fs::path& manifest_file) {
    // Debian's python3-icalendar is installed for /usr/bin/python3; a python3
    // earlier on PATH (pyenv) may not have it.
    const std::string command = "/usr/bin/python3 '" + std::string{JADWAL_SOURCE_DIR} + "/tests/output/ics_check.py' '" +
                                dir.string() + "' '" + manifest_file.string() + "'";
    const int status = std::system(command.c_str());
    return status == -1 ? -1 : WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("Python's icalendar reads every file back as the plan says", "[output][ics][roundtrip]") {
    temp_dir dir;
    const auto manifest_file = write_all(dir.path());
    REQUIRE(run_python_check(dir.path(), manifest_file) == 0);
}

TEST_CASE("The Python check fails on a calendar that differs from the plan", "[output][ics][roundtrip]") {
    temp_dir dir;
    const auto manifest_file = write_all(dir.path());
    // Move one event by an hour inside its file: both conversions must notice.
    const auto& d = datasets().front();
    const fs::path victim = dir.path() / d.name / d.files.front().relative;
    std::string text = d.files.front().content;
    const auto at = text.find("\r\nDTSTART;TZID=");
    REQUIRE(at != std::string::npos);
    const auto hour = text.find('T', text.find(':', at)) + 1;
    text[hour + 1] = text[hour + 1] == '9' ? '8' : static_cast<char>(text[hour + 1] + 1);
    write_text(victim, text);
    CHECK(run_python_check(dir.path(), manifest_file) == 1);
    // A file the manifest does not list is a failure too.
    write_text(victim, d.files.front().content);
    write_text(dir.path() / d.name / "calendars/stray.ics", d.files.front().content);
    CHECK(run_python_check(dir.path(), manifest_file) == 1);
}

#ifdef JADWAL_HAVE_LIBICAL

namespace {

/// Frees a libical component when the test leaves the scope.
struct component_owner {
    icalcomponent* c;
    ~component_owner() {
        if (c) icalcomponent_free(c);
    }
};

calendar::instant libical_instant(icalcomponent* event, bool start) {
    const icaltimetype t = start ? icalcomponent_get_dtstart(event) : icalcomponent_get_dtend(event);
    // A TZID time carries the VTIMEZONE of its own file (libical looks in the
    // enclosing VCALENDAR first); a UTC time carries the UTC zone.
    REQUIRE(t.zone != nullptr);
    const auto seconds = icaltime_as_timet_with_zone(t, t.zone);
    return std::chrono::floor<std::chrono::minutes>(date::sys_seconds{std::chrono::seconds{seconds}});
}

}  // namespace

TEST_CASE("libical parses every file without errors and reads the plan's events back", "[output][ics][roundtrip]") {
    for (const auto& d : datasets()) {
        for (const auto& f : d.files) {
            const std::string path = f.relative.generic_string();
            INFO(d.name << "/" << path);
            const expected_file& want = d.want.at(path);
            component_owner root{icalparser_parse_string(f.content.c_str())};
            REQUIRE(root.c != nullptr);
            REQUIRE(icalcomponent_isa(root.c) == ICAL_VCALENDAR_COMPONENT);
            CHECK(icalcomponent_count_errors(root.c) == 0);
            CHECK(icalcomponent_get_method(root.c) ==
                  (want.method == "CANCEL" ? ICAL_METHOD_CANCEL : ICAL_METHOD_PUBLISH));
            std::map<std::string, icalcomponent*> events;
            for (icalcomponent* ev = icalcomponent_get_first_component(root.c, ICAL_VEVENT_COMPONENT); ev != nullptr;
                 ev = icalcomponent_get_next_component(root.c, ICAL_VEVENT_COMPONENT))
                CHECK(events.emplace(icalcomponent_get_uid(ev), ev).second);
            REQUIRE(events.size() == want.events.size());
            for (const auto& e : want.events) {
                INFO(e.uid);
                REQUIRE(events.count(e.uid) == 1);
                icalcomponent* ev = events.at(e.uid);
                CHECK(libical_instant(ev, true) == e.start);
                CHECK(libical_instant(ev, false) == e.end);
                CHECK(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY) == e.attendees);
                CHECK(icalcomponent_get_sequence(ev) == static_cast<int>(e.sequence));
                CHECK(icalcomponent_get_status(ev) == (e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
                if (!e.summary.empty()) CHECK(std::string{icalcomponent_get_summary(ev)} == e.summary);
            }
        }
    }
}

TEST_CASE("libical reports errors in a calendar that breaks the rules", "[output][ics][roundtrip]") {
    // The control for the test above: what libical flags there must be flaggable.
    const std::string bad =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART:2026-03-16 08:00\r\nSEQUENCE:one\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    component_owner root{icalparser_parse_string(bad.c_str())};
    REQUIRE(root.c != nullptr);
    CHECK(icalcomponent_count_errors(root.c) > 0);
}

#endif
