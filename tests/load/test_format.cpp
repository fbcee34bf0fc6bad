// The scenario format's rules and defaults (docs/format.md), one at a time on
// small variations of the minimal scenario.
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>

using namespace jadwal;
using std::chrono::minutes;

namespace {

const std::string minimal = R"(jadwal: 1
scenario: {name: t, from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00]}
units:
  - {id: bpkad, pattern: office}
employees:
  - {id: "198203142006041002", name: Siti, unit: bpkad, status: pns}
programs:
  - id: p1
    modules: [{id: m1, jp: 2}]
    modes: [{mode: self_paced}]
demand:
  - {program: p1, where: {unit: bpkad}}
)";

std::string with(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

calendar::local_date day(int y, unsigned m, unsigned d) {
    return calendar::local_date{date::year{y} / date::month{m} / date::day{d}};
}

model::scenario must_load(const std::string& text) {
    auto r = test::load_text(text);
    INFO(text << "\n" << test::dump(r));
    REQUIRE(r.scenario.has_value());
    return std::move(*r.scenario);
}

}  // namespace

TEST_CASE("The minimal scenario loads without any diagnostic", "[load]") {
    const auto r = load::load_scenario_file(test::data_dir() / "good/minimal.yaml");
    INFO(test::dump(r));
    CHECK(r.diags.empty());
    REQUIRE(r.scenario.has_value());
}

TEST_CASE("Weekday specs: days, ranges, ranges that wrap, lists and words", "[load]") {
    const auto [spec, mask] = GENERATE(table<std::string, unsigned>({
        {"mon", 0x02},
        {"Mon-Thu", 0x1e},
        {"sat-mon", 0x43},
        {"mon,wed,fri", 0x2a},
        {"mon-tue, fri", 0x26},
        {"daily", 0x7f},
        {"weekdays", 0x3e},
        {"weekend", 0x41},
        {"sun-sat", 0x7f},
        {"Monday-Thursday", 0x1e},
        {"senin-kamis", 0x1e},
        {"sen,rab,jum", 0x2a},
        {"Sabtu-Minggu", 0x41},
        {"jumat", 0x20},
        {"hari kerja", 0x3e},
        {"akhir pekan", 0x41},
        {"setiap hari", 0x7f},
    }));
    const auto s = must_load(with(minimal, "{mon-fri: [08:00-16:00]}", "{\"" + spec + "\": [08:00-16:00]}"));
    unsigned got = 0;
    for (unsigned d = 0; d < 7; ++d)
        if (!s.patterns[0].week.by_weekday[d].empty()) got |= 1u << d;
    CHECK(got == mask);
}

TEST_CASE("Clock ranges whose end is at or before the start cross midnight", "[load]") {
    const auto s = must_load(with(
        minimal, "    week: {mon-fri: [08:00-16:00]}",
        "    week: {mon-fri: [08:00-16:00]}\n  ward: {rotation: {cycle: [A, B, C, off], shifts: {A: 21:00-07:00, B: "
        "08:00-08:00, C: {hours: 07:00-24:00, night: true}}}}\n  "
        "night_desk: {week: {fri: [22:00-06:00], sat: 7:00-12:00}}"));
    const auto& rot = *s.patterns[1].rotation;
    CHECK(rot.find("A")->hours.length() == minutes{10 * 60});
    CHECK(rot.find("A")->night);
    CHECK(rot.find("B")->hours.length() == minutes{24 * 60});
    CHECK(rot.find("B")->night);
    CHECK(rot.find("C")->hours.end == minutes{24 * 60});
    CHECK(rot.find("C")->night);  // given explicitly
    CHECK(rot.anchor == s.horizon.first);  // anchor defaults to the horizon start
    const auto& desk = s.patterns[2].week;
    CHECK(desk.by_weekday[5][0].crosses_midnight());
    CHECK(desk.by_weekday[6][0].start == minutes{7 * 60});  // a single range, and 7:00 for 07:00
}

TEST_CASE("Clock times may be written the Indonesian way, 07.30 for 07:30", "[load]") {
    const auto s = must_load(with(minimal, "{mon-fri: [08:00-16:00]}", "{senin-kamis: [07.30-16.00], jumat: 7.30-11.30}"));
    const auto& week = s.patterns[0].week;
    REQUIRE(week.by_weekday[1].size() == 1);
    CHECK(week.by_weekday[1][0].start == minutes{7 * 60 + 30});
    CHECK(week.by_weekday[1][0].end == minutes{16 * 60});
    REQUIRE(week.by_weekday[5].size() == 1);
    CHECK(week.by_weekday[5][0].end == minutes{11 * 60 + 30});
    // A time that is not one is still an error, with the usual code.
    const auto bad = test::load_text(with(minimal, "[08:00-16:00]", "[07.75-16.00]"));
    CHECK(test::has_code(bad, "E-TIME"));
}

TEST_CASE("scenario.locale names the language of what people read", "[load]") {
    CHECK_FALSE(must_load(minimal).locale.has_value());
    CHECK(must_load(with(minimal, "name: t,", "name: t, locale: id,")).locale == text::language::id);
    CHECK(must_load(with(minimal, "name: t,", "name: t, locale: en_US,")).locale == text::language::en);
    const auto bad = test::load_text(with(minimal, "name: t,", "name: t, locale: fr,"));
    INFO(test::dump(bad));
    REQUIRE(test::has_code(bad, "E-ENUM"));
    CHECK(test::first_with(bad, "E-ENUM")->line == 2);
}

TEST_CASE("max_absent is a share or a head count", "[load]") {
    const auto [text, is_share, value] = GENERATE(table<std::string, bool, double>({
        {"10%", true, 0.10},
        {"12.5%", true, 0.125},
        {"100%", true, 1.0},
        {"3", false, 3},
    }));
    const auto s = must_load(with(minimal, "{id: bpkad, pattern: office}", "{id: bpkad, pattern: office, max_absent: " + text + "}"));
    const auto& m = s.units[0].max_absent;
    CHECK((m.type == model::staffing_limit::kind::share) == is_share);
    if (is_share)
        CHECK(m.share == Approx(value));
    else
        CHECK(m.count == static_cast<int>(value));
}

TEST_CASE("Omitted keys take their documented defaults", "[load]") {
    const auto s = must_load(with(with(minimal, "    modes: [{mode: self_paced}]",
                                       "    modes: [{mode: self_paced}, {mode: classroom}, {mode: online_live, fixed: "
                                       "[{module: m1, date: 2026-09-10, time: 09:00-10:30}]}]"),
                                  "demand:", "venues: [{id: a, capacity: 30}, {id: b, capacity: 20}]\nplatforms: [{id: "
                                             "zoom, capacity: 100}]\nduty_templates: {d: {date: 2026-02-02, time: "
                                             "08:00-09:00}}\ndemand:") +
                             "policies: {p: {}}\n");
    CHECK(s.zone->name() == "Asia/Jakarta");
    CHECK(s.granularity_minutes == 15);
    CHECK(s.jp_minutes == 45);
    CHECK(s.rest_after_night_shift_minutes == 480);
    const auto& u = s.units[0];
    CHECK(u.name == "bpkad");
    CHECK(u.max_absent.type == model::staffing_limit::kind::share);
    CHECK(u.max_absent.share == Approx(0.10));
    const auto& e = s.employees[0];
    CHECK(e.jp_target == 20);
    CHECK_FALSE(e.jp_cap.has_value());
    CHECK(e.accepts.after_hours);
    CHECK_FALSE(e.accepts.weekend);
    CHECK_FALSE(e.works_collective_leave);
    CHECK_FALSE(e.pattern.valid());
    const auto& p = s.programs[0];
    CHECK(p.title == "p1");
    CHECK(p.jp == 2);
    CHECK(p.cohort_min == 1);
    CHECK(p.cohort_max == 40);
    CHECK(p.instructors_per_session == 0);
    using W = model::window_kind;
    CHECK(p.modes[0].windows == std::vector<W>{W::working_hours, W::after_hours, W::weekend});
    CHECK(p.modes[1].windows == std::vector<W>{W::working_hours});
    CHECK(p.modes[1].venues.size() == 2);  // no list: any venue
    CHECK(p.modes[2].platform.value == 0);  // no platform named: the only one
    CHECK(p.modes[2].fixed[0].capacity == 40);  // the cohort maximum
    CHECK(s.demand[0].level == model::priority::elective);
    const auto& pol = s.policies[0];
    CHECK(pol.modes.empty());
    CHECK(pol.max_session_minutes_per_day == 360);
    CHECK(pol.study_block_min_minutes == 45);
    CHECK(s.budget.currency == "IDR");
}

TEST_CASE("Demand entries merge per employee and programme: mandatory and the earlier deadline win", "[load]") {
    const auto s = must_load(with(minimal, "  - {program: p1, where: {unit: bpkad}}",
                                  "  - {program: p1, where: {unit: bpkad}, deadline: 2026-10-01}\n"
                                  "  - {program: p1, employees: [\"198203142006041002\"], priority: mandatory, "
                                  "deadline: 2026-11-01}\n"
                                  "  - {program: p1, where: {status: pns}, deadline: 2026-09-01}"));
    REQUIRE(s.demand.size() == 1);
    CHECK(s.demand[0].level == model::priority::mandatory);
    CHECK(s.demand[0].deadline == day(2026, 9, 1));
    CHECK(s.demand[0].mark.line == 17);  // the entry that made it mandatory
}

TEST_CASE("Demand filters combine keys with AND and list values with OR", "[load]") {
    const auto text = with(with(minimal, "  - {id: bpkad, pattern: office}",
                                "  - {id: bpkad, kind: office, district: Muara Bulian, pattern: office}\n"
                                "  - {id: sdn_1, kind: school, district: Bajubang, pattern: office}\n"
                                "  - {id: puskesmas, kind: health, district: Bajubang, pattern: office}"),
                           "status: pns}",
                           "status: pns}\n"
                           "  - {id: \"198203142006041003\", name: A, unit: sdn_1, status: pppk}\n"
                           "  - {id: \"198203142006041004\", name: B, unit: sdn_1, status: pns}\n"
                           "  - {id: \"198203142006041005\", name: C, unit: puskesmas, status: pppk}");
    const auto count = [&](const std::string& where) {
        const auto r = test::load_text(with(text, "where: {unit: bpkad}}", "where: " + where + "}"));
        INFO(test::dump(r));
        REQUIRE(r.scenario.has_value());
        return r.scenario->demand.size();
    };
    CHECK(count("{unit_kind: [school, health]}") == 3);
    CHECK(count("{unit_kind: [school, health], status: pppk}") == 2);
    CHECK(count("{district: Bajubang, status: [pns]}") == 1);
    CHECK(count("{unit: [bpkad, puskesmas]}") == 2);
    CHECK(count("{}") == 4);
}

TEST_CASE("A filter value that no unit has is a warning with a did-you-mean", "[load]") {
    const auto r = test::load_text(with(with(minimal, "{id: bpkad, pattern: office}", "{id: bpkad, kind: hospital, pattern: office}"),
                                        "where: {unit: bpkad}", "where: {unit_kind: [hopsital]}"));
    INFO(test::dump(r));
    CHECK(test::codes(r) == std::vector<std::string>{"W-EMPLOYEE-NO-DEMAND", "W-DEMAND-EMPTY", "W-FILTER-NO-MATCH"});
    REQUIRE(test::first_with(r, "W-FILTER-NO-MATCH") != nullptr);
    CHECK(test::first_with(r, "W-FILTER-NO-MATCH")->message ==
          "no unit has the unit kind 'hopsital' (did you mean 'hospital'?)");
}

TEST_CASE("Ramadan is completed for horizon years without dates, with a warning when estimated", "[load]") {
    SECTION("a two-year horizon with 2026 given") {
        const auto r = test::load_text(with(with(with(minimal, "to: 2026-12-18", "to: 2027-12-17"), "[id-2026]", "[id-2026, id-2027]"),
                                            "work_patterns:", "seasons: {ramadan: {from: 2026-02-19, to: 2026-03-20}}\nwork_patterns:"));
        // No pattern varies by ramadan yet: nothing is added.
        REQUIRE(r.scenario.has_value());
        CHECK(r.scenario->seasons[0].ranges.size() == 1);
        CHECK(test::codes(r) == std::vector<std::string>{"W-HOLIDAYS-PROVISIONAL"});

        const auto r2 = test::load_text(with(with(with(with(minimal, "to: 2026-12-18", "to: 2027-12-17"), "[id-2026]", "[id-2026, id-2027]"),
                                                  "work_patterns:", "seasons: {ramadan: {from: 2026-02-19, to: 2026-03-20}}\nwork_patterns:"),
                                             "    week: {mon-fri: [08:00-16:00]}",
                                             "    week: {mon-fri: [08:00-16:00]}\n    ramadan: {mon-fri: [08:00-15:00]}"));
        INFO(test::dump(r2));
        REQUIRE(r2.scenario.has_value());
        const auto& season = r2.scenario->seasons[0];
        REQUIRE(season.ranges.size() == 2);
        CHECK(season.ranges[0] == calendar::date_range{day(2026, 2, 19), day(2026, 3, 20)});
        CHECK(season.estimated == std::vector<bool>{false, true});
        CHECK(date::year_month_day{season.ranges[1].first}.year() == date::year{2027});
        CHECK(test::codes(r2) == std::vector<std::string>{"W-HOLIDAYS-PROVISIONAL", "W-SEASON-ESTIMATED"});
    }
    SECTION("ramadan: auto uses the official 2026 dates without a warning") {
        const auto r = test::load_text(with(minimal, "work_patterns:", "seasons: {ramadan: auto}\nwork_patterns:"));
        INFO(test::dump(r));
        REQUIRE(r.scenario.has_value());
        CHECK(r.diags.empty());
        REQUIRE(r.scenario->seasons.size() == 1);
        CHECK(r.scenario->seasons[0].ranges == std::vector<calendar::date_range>{{day(2026, 2, 19), day(2026, 3, 20)}});
        CHECK(r.scenario->seasons[0].estimated == std::vector<bool>{false});
    }
    SECTION("a pattern's ramadan variant needs no seasons section") {
        const auto s = must_load(with(minimal, "    week: {mon-fri: [08:00-16:00]}",
                                      "    week: {mon-fri: [08:00-16:00]}\n    ramadan: {mon-fri: [08:00-15:00]}"));
        REQUIRE(s.seasons.size() == 1);
        CHECK(s.seasons[0].id == "ramadan");
        CHECK(s.seasons[0].ranges.size() == 1);
        CHECK(s.patterns[0].seasonal[0].first == "ramadan");
    }
}

TEST_CASE("Travel times given both ways must agree; the larger one is kept", "[load]") {
    const auto r = test::load_text(
        with(with(minimal, "{id: bpkad, pattern: office}", "{id: bpkad, pattern: office, location: a}"), "units:",
             "locations:\n  - {id: a, travel_minutes: {b: 30}}\n  - {id: b, travel_minutes: {a: 40}}\nunits:"));
    INFO(test::dump(r));
    CHECK(test::codes(r) == std::vector<std::string>{"W-UNUSED", "W-TRAVEL-ASYMMETRIC"});
    REQUIRE(r.scenario.has_value());
    CHECK(r.scenario->locations[0].travel.at(model::location_index{1}) == minutes{40});
    CHECK(r.scenario->locations[1].travel.at(model::location_index{0}) == minutes{40});
}

TEST_CASE("scenario.policy names the default policy", "[load]") {
    const auto s = must_load(with(minimal, "to: 2026-12-18}", "to: 2026-12-18, policy: flexible}") +
                             "policies:\n  strict: {modes: [classroom]}\n  flexible: {}\n");
    CHECK(s.default_policy.value == 1);
}

TEST_CASE("A demand some of whose employees can never be served is a warning naming them", "[load]") {
    const auto r = test::load_text(with(with(minimal, "    modes: [{mode: self_paced}]", "    modes: [{mode: self_paced, windows: [weekend]}]"),
                                        "status: pns}",
                                        "status: pns, accepts: {weekend: true}}\n"
                                        "  - {id: \"199203152022211005\", name: Rudi, unit: bpkad, status: pppk}"));
    INFO(test::dump(r));
    CHECK(test::codes(r) == std::vector<std::string>{"W-DEMAND-PARTLY-UNSERVABLE"});
    CHECK(r.diags.items()[0].message.find("'199203152022211005'") != std::string::npos);
    CHECK(r.scenario.has_value());
}

TEST_CASE("Staff whose JP cap is below a programme's JP can never take it", "[load]") {
    const auto r = test::load_text(with(with(minimal, "{id: m1, jp: 2}", "{id: m1, jp: 20}, {id: m2, jp: 10}"), "status: pns}",
                                        "status: pppk}"));
    INFO(test::dump(r));
    CHECK(test::codes(r) == std::vector<std::string>{"E-DEMAND-UNSERVABLE"});
    CHECK(r.diags.items()[0].message.find("JP cap of 24") != std::string::npos);
}

TEST_CASE("An RRULE error points into the rule, plain or quoted", "[load]") {
    const auto plain = test::load_text(with(minimal, "status: pns}", "status: pns, duties: [{rrule: FREQ=WEEKLY;BYDAY=XX, time: 08:00-09:00}]}"));
    const auto quoted = test::load_text(with(minimal, "status: pns}", "status: pns, duties: [{rrule: \"FREQ=WEEKLY;BYDAY=XX\", time: 08:00-09:00}]}"));
    INFO(test::dump(plain) << test::dump(quoted));
    REQUIRE(test::codes(plain) == std::vector<std::string>{"E-RRULE"});
    REQUIRE(test::codes(quoted) == std::vector<std::string>{"E-RRULE"});
    const int start = static_cast<int>(std::string{R"(  - {id: "198203142006041002", name: Siti, unit: bpkad, status: pns, duties: [{rrule: )"}.size()) + 1;
    CHECK(plain.diags.items()[0].column >= start + 12);
    CHECK(quoted.diags.items()[0].column == plain.diags.items()[0].column + 1);
}

TEST_CASE("Warnings that an error could cause are held back until the errors are fixed", "[load]") {
    // The misspelt pattern leaves 'office' unused and the venue is unused too:
    // only the error is reported.
    const auto r = test::load_text(with(minimal, "pattern: office}", "pattern: offise}") + "venues: [{id: v, capacity: 4}]\n");
    CHECK(test::codes(r) == std::vector<std::string>{"E-REF-PATTERN"});
}

TEST_CASE("Many diagnostics of one code are capped, and a note counts the rest", "[load]") {
    std::string staff;
    for (int i = 0; i < 60; ++i) staff += fmt::format("  - {{id: E{}, name: x, unit: bpkad, status: pns}}\n", i);
    const auto r = test::load_text(with(minimal, "  - {id: \"198203142006041002\", name: Siti, unit: bpkad, status: pns}\n", staff));
    const auto all = test::codes(r);
    CHECK(std::count(all.begin(), all.end(), "W-NIP-FORMAT") == 50);
    const auto* note = test::first_with(r, "N-SUPPRESSED");
    REQUIRE(note != nullptr);
    CHECK(note->message == "10 more diagnostics with code W-NIP-FORMAT were not listed");
    CHECK(r.scenario.has_value());
}

TEST_CASE("Unknown keys anywhere are errors with a did-you-mean", "[load]") {
    const auto [from, to, path] = GENERATE(table<std::string, std::string, std::string>({
        {"{id: m1, jp: 2}", "{id: m1, jp: 2, aftr: m0}", "programs[0].modules[0]"},
        {"{mode: self_paced}", "{mode: self_paced, windos: [weekend]}", "programs[0].modes[0]"},
        {"{unit: bpkad}", "{units: bpkad}", "demand[0].where"},
        {"{name: t,", "{nama: t,", "scenario"},
        {"status: pns}", "status: pns, accept: {}}", "employees[0]"},
    }));
    const auto r = test::load_text(with(minimal, from, to));
    INFO(test::dump(r));
    const auto* d = test::first_with(r, "E-KEY-UNKNOWN");
    REQUIRE(d != nullptr);
    CHECK(d->path == path);
    CHECK(d->message.find("did you mean") != std::string::npos);
}

TEST_CASE("The format version must be given and be 1", "[load]") {
    CHECK(test::codes(test::load_text(with(minimal, "jadwal: 1\n", ""))) == std::vector<std::string>{"E-KEY-MISSING"});
    CHECK(test::codes(test::load_text(with(minimal, "jadwal: 1", "jadwal: one"))) == std::vector<std::string>{"E-TYPE"});
}

TEST_CASE("A diagnostic formats compiler style, with its path", "[load]") {
    load::diagnostic d;
    d.level = load::severity::warning;
    d.code = "W-UNUSED";
    d.message = "venue 'x' is not used by any programme mode";
    d.file = "s.yaml";
    d.line = 3;
    d.column = 7;
    d.path = "venues[0]";
    CHECK(load::format(d) == "s.yaml:3:7: warning: venue 'x' is not used by any programme mode [W-UNUSED] at venues[0]");
}

TEST_CASE("printable escapes what a terminal would act on and keeps the rest of the text", "[load][hostile]") {
    const auto [in, out] = GENERATE(table<std::string, std::string>({
        {"Siti Rahmawati", "Siti Rahmawati"},
        {"Ñoño Đặng, S.Pd.", "Ñoño Đặng, S.Pd."},
        {"red\x1b[31m", "red\\x1b[31m"},
        {"line\rforged", "line\\x0dforged"},
        {"two\nlines\tand a tab", "two\\x0alines\\x09and a tab"},
        {"bell\a del\x7f", "bell\\x07 del\\x7f"},
        {"csi \xc2\x9b" "31m", "csi \\u009b31m"},              // C1 CSI as UTF-8
        {"rtl \xe2\x80\xae" "evil", "rtl \\u202eevil"},         // right-to-left override
        {"sep \xe2\x80\xa8x", "sep \\u2028x"},              // line separator
        {"raw \x9b byte \xff", "raw \\x9b byte \\xff"},     // not UTF-8
        {"cut \xe2\x80", "cut \\xe2\\x80"},
        {"already \\x1b escaped", "already \\x1b escaped"},  // escaping twice changes nothing
    }));
    CHECK(load::printable(in) == out);
    CHECK(load::printable(load::printable(in)) == out);
}

TEST_CASE("A diagnostic prints on one line whatever its file name, message and path hold", "[load][hostile]") {
    load::diagnostic d;
    d.code = "E-TYPE";
    d.message = "name \x1b[2J\rforged";
    d.file = "s\x1b[31m.yaml";
    d.line = 3;
    d.column = 7;
    d.path = "policies.a\nb";
    CHECK(load::format(d) == "s\\x1b[31m.yaml:3:7: error: name \\x1b[2J\\x0dforged [E-TYPE] at policies.a\\x0ab");
}

TEST_CASE("Did-you-mean finds close words, swapped letters and case, but not unrelated ones", "[load]") {
    const std::vector<std::string> ids{"bpkad", "office", "P", "Asia/Jakarta"};
    CHECK(load::closest_match("bpkda", ids) == "bpkad");
    CHECK(load::closest_match("ofice", ids) == "office");
    CHECK(load::closest_match("p", ids) == "P");
    CHECK(load::closest_match("M", ids).empty());
    CHECK(load::closest_match("asia/jakata", ids) == "Asia/Jakarta");
    CHECK(load::closest_match("hospital", ids).empty());
}

TEST_CASE("Each suspicious or contradictory setting gets its code", "[load]") {
    const auto [from, to, expected] = GENERATE(table<std::string, std::string, std::vector<std::string>>({
        {"status: pns}", "status: pns, duties: [{rrule: \"FREQ=WEEKLY;UNTIL=20251201\", time: 08:00-09:00}]}",
         {"W-DUTY-NO-OCCURRENCE"}},
        {"status: pns}", "status: pns, duties: [{date: 2027-01-04, time: 08:00-09:00}]}", {"W-DATE-OUTSIDE-HORIZON"}},
        {"    modes: [{mode: self_paced}]",
         "    modes: [{mode: self_paced}, {mode: classroom, venues: [r]}]\n    cohort: {min: 3}\nvenues: [{id: r, "
         "capacity: 2}]",
         {"W-MODE-UNUSABLE", "W-COHORT-CAPACITY"}},
        {"{mode: self_paced}", "{mode: self_paced, venues: [r]}", {"W-IGNORED"}},
        {"{mode: self_paced}", "{mode: self_paced, windows: [weekend, working_hours, weekend]}", {"W-DUPLICATE"}},
        {"week: {mon-fri: [08:00-16:00]}", "week: {}", {"W-PATTERN-EMPTY"}},
        {"pattern: office}", "pattern: office, min_on_duty: {P: 1}}", {"W-IGNORED"}},
        {"status: pns}", "status: pns, rotation_offset: 3}", {"W-IGNORED"}},
        {"    week: {mon-fri: [08:00-16:00]}",
         "    week: {mon-fri: [08:00-16:00]}\n  ward: {rotation: {cycle: [off], shifts: {off: 07:00-14:00}}}",
         {"E-ID-INVALID"}},
        {"    week: {mon-fri: [08:00-16:00]}",
         "    week: {mon-fri: [08:00-16:00]}\n    rotation: {cycle: [P], shifts: {P: 07:00-14:00}}", {"E-KEY-CONFLICT"}},
        {"    week: {mon-fri: [08:00-16:00]}", "    week: {mon-fri: [08:00-16:00]}\n  ward: {holidays: none}",
         {"E-KEY-MISSING"}},
        {"{id: m1, jp: 2}", "{id: m1, jp: 2}, {id: m2, jp: 2, gap_days: [1]}", {"E-KEY-MISSING"}},
        // ' bpkad' is refused, so the references to 'bpkad' are unknown too.
        {"{id: bpkad, pattern: office}", "{id: \" bpkad\", pattern: office}",
         {"E-ID-INVALID", "E-REF-UNIT", "E-REF-UNIT"}},
        {"{mode: self_paced}", "{mode: self_paced, fixed: []}", {"E-KEY-CONFLICT"}},
        {"    modes: [{mode: self_paced}]",
         "    modes: [{mode: self_paced}, {mode: online_live}]\nplatforms: [{id: a, capacity: 9}, {id: b, capacity: 9}]",
         {"E-KEY-MISSING"}},
        {"    modes: [{mode: self_paced}]", "    modes: [{mode: self_paced}]\n    instructors_per_session: 2",
         {"E-NUMBER"}},
        {"{name: t,", "{name: t, rest_after_night_shift_hours: 49,", {"E-NUMBER"}},
        {"to: 2026-12-18", "to: 2036-12-18", {"E-LIMIT"}},
        {"from: 2026-01-05", "from: 1969-12-01", {"E-DATE"}},
        {"    modes: [{mode: self_paced}]",
         "    modes: [{mode: self_paced, windows: [{days: sat-sun, hours: [09:00-09:30]}]}]",
         {"W-MODE-UNUSABLE", "E-DEMAND-UNSERVABLE"}},
    }));
    const auto r = test::load_text(with(minimal, from, to));
    INFO(to << "\n" << test::dump(r));
    CHECK(test::codes(r) == expected);
}

TEST_CASE("A list longer than its maximum is E-LIMIT", "[load]") {
    std::string cycle;
    for (int i = 0; i < 400; ++i) cycle += i ? ", P" : "P";
    const auto r = test::load_text(with(minimal, "    week: {mon-fri: [08:00-16:00]}",
                                        "    week: {mon-fri: [08:00-16:00]}\n  ward: {rotation: {cycle: [" + cycle +
                                            "], shifts: {P: 07:00-14:00}}}"));
    CHECK(test::codes(r) == std::vector<std::string>{"E-LIMIT"});
}

TEST_CASE("A module with a bad JP does not also make the programme's jp mismatch", "[load]") {
    const auto r = test::load_text(with(with(minimal, "  - id: p1\n", "  - id: p1\n    jp: 24\n"), "{id: m1, jp: 2}",
                                        "{id: m1, jp: -8}"));
    CHECK(test::codes(r) == std::vector<std::string>{"E-NUMBER"});
}

TEST_CASE("A policy's assigned_duty reads its rule and defaults", "[load][duty]") {
    const auto s = must_load(with(minimal + "seasons:\n  school_holiday: {from: 2026-06-22, to: 2026-07-10}\n" +
                                      "policies:\n  duty:\n    assigned_duty: {rostered_days_off: true, seasons: "
                                      "[school_holiday], max_days_per_month: 3, allowance_per_day: 150000}\n",
                                  "    week: {mon-fri: [08:00-16:00]}",
                                  "    week: {mon-fri: [08:00-16:00]}\n    school_holiday: {}"));
    REQUIRE(s.policies.size() == 1);
    REQUIRE(s.policies[0].assigned_duty.has_value());
    const auto& ad = *s.policies[0].assigned_duty;
    CHECK(ad.rostered_days_off);
    CHECK(ad.seasons == std::vector<std::string>{"school_holiday"});
    CHECK(ad.max_days_per_month == 3);
    CHECK(ad.allowance_per_day == 150000);
    CHECK(ad.lieu_window_days == 30);
    CHECK(ad.hours.start == calendar::minutes{7 * 60 + 30});
}

TEST_CASE("A bad assigned_duty reports every problem at its line", "[load][duty]") {
    const auto r = test::load_text(minimal + "policies:\n  duty:\n    assigned_duty:\n" +
                                   "      seasons: [school_holidy]\n      max_days_per_month: 40\n" +
                                   "      hours: 16:00-07:30\n      lieu_window_days: -1\n");
    INFO(test::dump(r));
    CHECK(!r.scenario.has_value());
    const auto* season = test::first_with(r, "E-REF-SEASON");
    REQUIRE(season != nullptr);
    CHECK(season->line == 20);
    CHECK(season->column == 17);
    CHECK(test::codes(r) == std::vector<std::string>{"E-REF-SEASON", "E-NUMBER", "E-RANGE-ORDER", "E-NUMBER"});
    CHECK(test::first_with(r, "E-RANGE-ORDER")->line == 22);
}
