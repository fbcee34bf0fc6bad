// Calendar files and the iTIP rules (RFC 5546) as libical checks them, the
// reminders (VALARM) in each event, and the calendars' texts in Indonesian
// and English (docs/outputs.md "Calendar files").
#include <catch2/catch.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/solve/solver.hpp>

#include "ics_support.hpp"

#ifdef JADWAL_HAVE_LIBICAL
#include <libical/ical.h>
#endif

#include <string>
#include <vector>

using namespace jadwal;
using namespace jadwal::test_ics;

namespace {

output::ics_options options_in(text::language l, const solve::solution* previous = nullptr) {
    auto o = options(previous);
    o.language = l;
    return o;
}

/// The lines of one component's properties, for a VEVENT and the VALARMs inside it.
struct event_with_alarms {
    std::vector<property> props;
    std::vector<std::vector<property>> alarms;

    [[nodiscard]] std::string get(std::string_view name) const {
        for (const auto& p : props)
            if (p.name == name) return p.value;
        return {};
    }
};

struct calendar_with_alarms {
    std::vector<property> header;
    std::vector<event_with_alarms> events;

    [[nodiscard]] std::string get(std::string_view name) const {
        for (const auto& p : header)
            if (p.name == name) return p.value;
        return {};
    }
};

calendar_with_alarms read_alarms(std::string_view text) {
    calendar_with_alarms cal;
    std::vector<std::string> stack;
    for (const auto& line : content_lines(text)) {
        const property p = parse_property(line);
        if (p.name == "BEGIN") {
            if (p.value == "VEVENT") cal.events.emplace_back();
            if (p.value == "VALARM") {
                REQUIRE(!stack.empty());
                REQUIRE(stack.back() == "VEVENT");
                cal.events.back().alarms.emplace_back();
            }
            stack.push_back(p.value);
        } else if (p.name == "END") {
            REQUIRE(!stack.empty());
            stack.pop_back();
        } else if (!stack.empty() && stack.back() == "VCALENDAR") {
            cal.header.push_back(p);
        } else if (!stack.empty() && stack.back() == "VEVENT") {
            cal.events.back().props.push_back(p);
        } else if (!stack.empty() && stack.back() == "VALARM") {
            cal.events.back().alarms.back().push_back(p);
        }
    }
    return cal;
}

std::string value_of(const std::vector<property>& props, std::string_view name) {
    for (const auto& p : props)
        if (p.name == name) return p.value;
    return {};
}

/// Every kind of file the writer makes: cohorts, employees (with study
/// blocks), instructors, venues, and after a re-plan their cancel files.
struct named_files {
    std::string name;
    output::output_files files;
};

const plan& duty_plan() {
    static const plan p = [] {
        auto s = load_or_fail(load::load_scenario_file(std::string(JADWAL_TEST_DATA) + "/duty/ward.yaml"));
        solve::solve_options o;
        o.policy = "duty";
        o.max_moves = 20000;
        return plan{s, solve::solve(*s, o)};
    }();
    return p;
}

std::vector<named_files> every_kind_of_file(text::language l) {
    std::vector<named_files> out;
    const auto& ex = example();
    const auto r = make_replan();
    out.push_back({"replan", output::calendar_files(*ex.scenario, r.after, options_in(l, &r.before))});
    const auto& solved = solved_example();
    out.push_back({"solved", output::calendar_files(*solved.scenario, solved.solution, options_in(l))});
    const auto& h = hostile();
    solve::solution none = h.solution;
    none.cohorts.clear();
    out.push_back({"hostile", output::calendar_files(*h.scenario, h.solution, options_in(l))});
    out.push_back({"hostile-cancelled", output::calendar_files(*h.scenario, none, options_in(l, &h.solution))});
    const auto& d = duty_plan();
    out.push_back({"duty", output::calendar_files(*d.scenario, d.solution, options_in(l))});
    return out;
}

}  // namespace

#ifdef JADWAL_HAVE_LIBICAL

namespace {

struct component_owner {
    icalcomponent* c;
    ~component_owner() {
        if (c) icalcomponent_free(c);
    }
};

void collect_errors(icalcomponent* c, std::vector<std::string>& out) {
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p != nullptr;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
        out.emplace_back(icalproperty_get_xlicerror(p));
    for (icalcomponent* sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub != nullptr;
         sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        collect_errors(sub, out);
}

/// libical's icalrestriction_check on one file: empty when it passes, else
/// each X-LIC-ERROR libical wrote (or a line saying the check failed).
std::vector<std::string> restriction_errors(const std::string& text) {
    component_owner root{icalparser_parse_string(text.c_str())};
    if (root.c == nullptr) return {"libical cannot parse it"};
    const int ok = icalrestriction_check(root.c);
    std::vector<std::string> errors;
    collect_errors(root.c, errors);
    if (ok == 0 && errors.empty()) errors.emplace_back("icalrestriction_check failed without an X-LIC-ERROR");
    return errors;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += "\n  " + l;
    return out;
}

/// `text` with `line` (and CRLF) inserted before the first END:VEVENT.
std::string planted(std::string text, std::string_view line) {
    const auto at = text.find("END:VEVENT\r\n");
    REQUIRE(at != std::string::npos);
    text.insert(at, std::string{line} + "\r\n");
    return text;
}

std::string without_lines(std::string text, std::string_view prefix) {
    std::string out;
    for (std::size_t begin = 0; begin < text.size();) {
        const std::size_t end = text.find("\r\n", begin) + 2;
        const std::string_view line{text.data() + begin, end - begin};
        if (!line.starts_with(prefix)) out += line;
        begin = end;
    }
    return out;
}

}  // namespace

TEST_CASE("Every calendar file passes libical's iTIP restriction check, in both languages", "[output][ics][itip]") {
    for (const auto l : text::languages) {
        std::set<std::string> kinds;
        std::size_t checked = 0;
        for (const auto& set : every_kind_of_file(l)) {
            for (const auto& f : set.files) {
                const std::string path = f.relative.generic_string();
                const auto errors = restriction_errors(f.content);
                INFO(text::code(l) << " " << set.name << "/" << path << joined(errors));
                CHECK(errors.empty());
                kinds.insert(path.substr(0, path.find('/', 10)) + (path.ends_with(".cancel.ics") ? " cancel" : ""));
                ++checked;
            }
        }
        INFO(text::code(l));
        CHECK(checked > 50);
        // Every directory, with and without cancellations, was tried.
        CHECK(kinds == std::set<std::string>{"calendars/cohorts", "calendars/cohorts cancel", "calendars/employees",
                                             "calendars/employees cancel", "calendars/instructors",
                                             "calendars/instructors cancel", "calendars/venues",
                                             "calendars/venues cancel"});
    }
}

TEST_CASE("The restriction check fails a calendar that breaks the iTIP rules", "[output][ics][itip]") {
    // The control for the test above: the same files, each broken one way.
    const auto& ex = example();
    const auto r = make_replan();
    const auto files = output::calendar_files(*ex.scenario, r.after, options(&r.before));
    const std::string base = "calendars/cohorts/" + r.before.cohorts[r.cohort].id;
    const std::string& cohort = file_named(files, base + ".ics").content;
    const std::string& cancel = file_named(files, base + ".cancel.ics").content;
    REQUIRE(restriction_errors(cohort).empty());
    REQUIRE(restriction_errors(cancel).empty());

    // An ATTENDEE in a METHOD:PUBLISH file: what every file had before.
    const auto attendee = restriction_errors(planted(cohort, "ATTENDEE;CN=Siti:urn:jadwal:employee:1"));
    REQUIRE(attendee.size() == 1);
    CHECK(attendee.front().find("ATTENDEE") != std::string::npos);
    // PUBLISH without ORGANIZER; CANCEL without SEQUENCE; REQUEST without ATTENDEE.
    const auto organizer = restriction_errors(without_lines(cohort, "ORGANIZER"));
    REQUIRE(organizer.size() == 1);
    CHECK(organizer.front().find("ORGANIZER") != std::string::npos);
    const auto sequence = restriction_errors(without_lines(cancel, "SEQUENCE"));
    REQUIRE(sequence.size() == 1);
    CHECK(sequence.front().find("SEQUENCE") != std::string::npos);
    std::string request = cohort;
    request.replace(request.find("METHOD:PUBLISH"), 14, "METHOD:REQUEST");
    CHECK_FALSE(restriction_errors(request).empty());
}

#endif

TEST_CASE("Publish files name no attendee and cancel files name whom an event is cancelled for",
          "[output][ics][itip]") {
    const auto& ex = example();
    const auto r = make_replan();
    std::size_t cancels = 0;
    for (const auto& f : output::calendar_files(*ex.scenario, r.after, options(&r.before))) {
        INFO(f.relative);
        const auto cal = parse_calendar(f.content);
        const bool cancel = f.relative.generic_string().ends_with(".cancel.ics");
        CHECK(cal.get("METHOD") == (cancel ? "CANCEL" : "PUBLISH"));
        for (const auto& ev : cal.events) {
            CHECK(ev.count("ORGANIZER") == 1);
            CHECK(ev.count("SEQUENCE") == 1);
            if (cancel) {
                CHECK(ev.count("ATTENDEE") >= 1);
                CHECK(ev.one("STATUS").value == "CANCELLED");
            } else {
                CHECK(ev.count("ATTENDEE") == 0);
            }
        }
        cancels += cancel ? 1 : 0;
    }
    CHECK(cancels > 3);
}

TEST_CASE("A day off in lieu is published with the person's unit as organizer", "[output][ics][itip]") {
    const auto& [s, sol] = duty_plan();
    REQUIRE(!sol.days_in_lieu.empty());
    const auto& l = sol.days_in_lieu.front();
    const auto cal = parse_calendar(output::employee_calendar(*s, sol, l.employee, options()).publish);
    std::size_t lieu = 0;
    for (const auto& ev : cal.events) {
        if (ev.one("UID").value.find(".lieu.") == std::string::npos) continue;
        ++lieu;
        const auto& unit = s->units[s->employees[l.employee.value].unit.value];
        CHECK(ev.one("ORGANIZER").value == "urn:jadwal:unit:" + encode(unit.id));
        CHECK(ev.count("ATTENDEE") == 0);
    }
    CHECK(lieu >= 1);
}

TEST_CASE("Each event that takes place has a reminder a day and one 30 minutes before it", "[output][ics][alarm]") {
    const auto& ex = example();
    const auto r = make_replan();
    std::size_t confirmed = 0, cancelled = 0;
    for (const auto& f : output::calendar_files(*ex.scenario, r.after, options(&r.before))) {
        INFO(f.relative);
        const auto cal = read_alarms(f.content);
        const bool cancel_file = cal.get("METHOD") == "CANCEL";
        for (const auto& ev : cal.events) {
            INFO(ev.get("UID"));
            if (cancel_file || ev.get("STATUS") == "CANCELLED") {
                // RFC 5546 3.2.5: no VALARM in CANCEL; nobody wants a reminder of what is off.
                CHECK(ev.alarms.empty());
                ++cancelled;
                continue;
            }
            ++confirmed;
            REQUIRE(ev.alarms.size() == 2);
            CHECK(value_of(ev.alarms[0], "TRIGGER") == "-P1D");
            CHECK(value_of(ev.alarms[1], "TRIGGER") == "-PT30M");
            for (const auto& a : ev.alarms) {
                CHECK(value_of(a, "ACTION") == "DISPLAY");
                const std::string description = unescape_text(value_of(a, "DESCRIPTION"));
                std::string tail = "\n";  // built in steps: g++ 12 warns (-Wrestrict) on "\n" + string&&
                tail += unescape_text(ev.get("SUMMARY"));
                CHECK(description.ends_with(tail));
            }
            CHECK(unescape_text(value_of(ev.alarms[0], "DESCRIPTION")).starts_with("Starts in 1 day\n"));
            CHECK(unescape_text(value_of(ev.alarms[1], "DESCRIPTION")).starts_with("Starts in 30 min\n"));
        }
    }
    CHECK(confirmed > 10);
    CHECK(cancelled > 3);
}

TEST_CASE("Reminders follow ics_options: none, or one per distinct value, earliest first", "[output][ics][alarm]") {
    const auto& [s, sol] = example();
    auto o = options();
    o.reminder_minutes = {};
    for (const auto& f : output::calendar_files(*s, sol, o)) {
        INFO(f.relative);
        CHECK(f.content.find("VALARM") == std::string::npos);
    }
    o.reminder_minutes = {120, 45, 2 * 24 * 60, 0, 45};
    o.language = text::language::id;
    const auto files = output::calendar_files(*s, sol, o);
    REQUIRE(!files.empty());
    for (const auto& f : files) {
        for (const auto& ev : read_alarms(f.content).events) {
            REQUIRE(ev.alarms.size() == 4);
            CHECK(value_of(ev.alarms[0], "TRIGGER") == "-P2D");
            CHECK(value_of(ev.alarms[1], "TRIGGER") == "-PT2H");
            CHECK(value_of(ev.alarms[2], "TRIGGER") == "-PT45M");
            CHECK(value_of(ev.alarms[3], "TRIGGER") == "PT0M");
            CHECK(unescape_text(value_of(ev.alarms[0], "DESCRIPTION")).starts_with("Dimulai 2 hari lagi\n"));
            CHECK(unescape_text(value_of(ev.alarms[1], "DESCRIPTION")).starts_with("Dimulai 2 jam lagi\n"));
            CHECK(unescape_text(value_of(ev.alarms[3], "DESCRIPTION")).starts_with("Dimulai sekarang\n"));
        }
    }
}

TEST_CASE("Calendars in Indonesian say training, parts, modes and study in Indonesian", "[output][ics][language]") {
    const auto& [s, sol] = example();
    const auto files = output::calendar_files(*s, sol, options_in(text::language::id));
    // The classroom cohort: module 1 in two parts.
    const auto room = read_alarms(file_named(files, "calendars/cohorts/keuda-01.ics").content);
    const auto& prog = s->programs[sol.cohorts[0].program.value];
    CHECK(unescape_text(room.get("X-WR-CALNAME")) == "Angkatan keuda-01: " + prog.title);
    const auto& first = room.events.front();
    const auto& mod = prog.modules[0];
    CHECK(unescape_text(first.get("SUMMARY")) ==
          prog.title + ": " + (mod.title.empty() ? mod.id : mod.title) + " (bagian 1 dari 2)");
    const std::string description = unescape_text(first.get("DESCRIPTION"));
    CHECK(description.starts_with("Program pelatihan: "));
    CHECK(description.find("\nSesi ini: bagian 1 dari 2, ") != std::string::npos);
    CHECK(description.find("\nMetode: Klasikal\nAngkatan: keuda-01") != std::string::npos);
    CHECK(unescape_text(first.get("CATEGORIES")) == "Pelatihan,Klasikal");
    CHECK(unescape_text(value_of(first.alarms[0], "DESCRIPTION")).starts_with("Dimulai 1 hari lagi\n"));
    CHECK(unescape_text(value_of(first.alarms[1], "DESCRIPTION")).starts_with("Dimulai 30 menit lagi\n"));

    // An employee with study blocks, and the other kinds of file.
    const auto& block = sol.study_blocks.front();
    const auto& person = s->employees[block.employee.value];
    const auto mine = read_alarms(file_named(files, "calendars/employees/" + person.id + ".ics").content);
    CHECK(unescape_text(mine.get("X-WR-CALNAME")) == "Pelatihan: " + person.name);
    std::size_t study = 0;
    for (const auto& ev : mine.events)
        if (unescape_text(ev.get("SUMMARY")).ends_with(" (belajar mandiri)")) {
            ++study;
            CHECK(unescape_text(ev.get("DESCRIPTION")).find("\nMetode: Belajar mandiri") != std::string::npos);
        }
    CHECK(study == 6);
    const auto& wi = s->instructors[sol.cohorts[0].instructors[0].value];
    CHECK(unescape_text(
              read_alarms(file_named(files, "calendars/instructors/" + wi.id + ".ics").content).get("X-WR-CALNAME")) ==
          "Jadwal mengajar: " + wi.name);
    const auto& venue = s->venues[sol.cohorts[0].venue.value];
    CHECK(unescape_text(
              read_alarms(file_named(files, "calendars/venues/" + venue.id + ".ics").content).get("X-WR-CALNAME")) ==
          "Tempat pelatihan: " + venue.name);
    const auto online = read_alarms(file_named(files, "calendars/cohorts/keuda-02.ics").content);
    CHECK(unescape_text(online.events.front().get("CATEGORIES")) == "Pelatihan,Daring");
}

TEST_CASE("No English word is left in the Indonesian calendars", "[output][ics][language]") {
    // Names and titles come from the scenario (Indonesian here); every word
    // jadwal adds must be translated.
    const std::vector<std::string> english{
        "Training", "Programme", "Module",     "This session", "Mode:",         "Cohort", "Organizer",
        "part ",    " of ",      "self-paced", "Self-paced",   "Classroom",     "Online", "Teaching",
        "Venue",    "Starts in", "Day off",    "shift",        "assigned-duty", " day",   " min"};
    std::size_t files_read = 0;
    for (const auto& set : every_kind_of_file(text::language::id)) {
        if (set.name.starts_with("hostile")) continue;  // its names are English on purpose
        for (const auto& f : set.files) {
            ++files_read;
            for (const auto& line : content_lines(f.content)) {
                const auto p = parse_property(line);
                if (p.name != "SUMMARY" && p.name != "DESCRIPTION" && p.name != "X-WR-CALNAME" &&
                    p.name != "CATEGORIES")
                    continue;
                const std::string v = unescape_text(p.value);
                for (const auto& word : english) {
                    INFO(f.relative << ": " << p.name << ":" << v);
                    CHECK(v.find(word) == std::string::npos);
                }
            }
        }
    }
    CHECK(files_read > 20);
}

TEST_CASE("The scenario's locale chooses the calendars' language unless the options say", "[output][ics][language]") {
    const auto& [base, sol] = example();
    auto s = *base;
    s.locale = text::language::id;
    const auto calendar_name = [&](const output::ics_options& o) {
        const auto files = output::calendar_files(s, sol, o);
        const auto& f = file_named(files, "calendars/cohorts/keuda-01.ics");
        return unescape_text(read_alarms(f.content).get("X-WR-CALNAME"));
    };
    CHECK(calendar_name(options()).starts_with("Angkatan keuda-01: "));
    CHECK(calendar_name(options_in(text::language::en)).starts_with("Cohort keuda-01: "));
    s.locale.reset();
    CHECK(calendar_name(options()).starts_with("Cohort keuda-01: "));
}

TEST_CASE("English calendars read as before languages came", "[output][ics][language]") {
    const auto& [s, sol] = example();
    const auto files = output::calendar_files(*s, sol, options());
    const auto room = read_alarms(file_named(files, "calendars/cohorts/keuda-01.ics").content);
    const auto& ev = room.events.front();
    CHECK(unescape_text(ev.get("SUMMARY")).ends_with(" (part 1 of 2)"));
    const std::string description = unescape_text(ev.get("DESCRIPTION"));
    CHECK(description.starts_with("Programme: "));
    CHECK(description.find("\nThis session: part 1 of 2, 4 JP\nMode: Classroom\nCohort: keuda-01") !=
          std::string::npos);
    CHECK(unescape_text(ev.get("CATEGORIES")) == "Training,Classroom");
    const auto& person = s->employees[sol.study_blocks.front().employee.value];
    const auto mine = read_alarms(file_named(files, "calendars/employees/" + person.id + ".ics").content);
    CHECK(unescape_text(mine.get("X-WR-CALNAME")) == "Training: " + person.name);
    CHECK(unescape_text(mine.events.front().get("SUMMARY")).ends_with(" (self-paced study)"));
}
