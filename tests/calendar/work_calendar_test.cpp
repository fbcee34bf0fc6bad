#include "scenario_builder.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace jadwal::test;
using jadwal::calendar::availability;
using jadwal::calendar::format_instant;
using jadwal::calendar::labelled_interval;
using jadwal::calendar::minutes;
using jadwal::calendar::to_instant;
using jadwal::calendar::work_calendar;
namespace model = jadwal::model;

namespace {

lines explained(const std::vector<labelled_interval>& xs, const date::time_zone& zone = jakarta()) {
    lines out;
    for (const auto& x : xs) out.push_back(show(x.span, zone) + " " + x.label);
    return out;
}

// The invariants of `availability` that hold for every employee and range.
void check_invariants(const work_calendar& cal, const model::scenario& s, model::employee_index e, date_range r) {
    const availability a = cal.employee(e, r);
    const auto& zone = s.zone_of(s.employees[e.value]);
    const interval range{at(jadwal::calendar::format_date(r.first) + " 00:00", zone),
                         at(jadwal::calendar::format_date(r.last + date::days{1}) + " 00:00", zone)};
    CHECK(a.working.intersect(a.free).empty());
    CHECK(a.unavailable.intersect(a.free).empty());
    CHECK(a.busy.subtract(a.unavailable).empty());
    CHECK(a.working.intersect(a.breaks).empty());
    CHECK(a.breaks.intersect(a.free).empty());
    CHECK(a.working.unite(a.unavailable).unite(a.breaks).unite(a.free) == interval_set{range});
    // explain tells the same story: its pieces of each kind make up that kind of time.
    std::vector<interval> working, busy, unavailable, breaks;
    for (const auto& x : cal.explain(e, r)) {
        switch (x.kind) {
            case jadwal::calendar::time_kind::working: working.push_back(x.span); break;
            case jadwal::calendar::time_kind::busy: busy.push_back(x.span); break;
            case jadwal::calendar::time_kind::unavailable: unavailable.push_back(x.span); break;
            case jadwal::calendar::time_kind::break_time: breaks.push_back(x.span); break;
        }
    }
    CHECK(interval_set::from_unsorted(working) == a.working);
    CHECK(interval_set::from_unsorted(breaks) == a.breaks);
    CHECK(interval_set::from_unsorted(busy) == a.busy);
    CHECK(interval_set::from_unsorted(unavailable).unite(a.busy) == a.unavailable);
}

// An office unit in a scenario with the 2026 holidays and Ramadan 1447 H.
struct office_fixture {
    scenario_builder b;
    model::pattern_index office;
    model::unit_index unit;
    model::employee_index e;
    office_fixture() {
        b.holidays_2026().ramadan_2026();
        office = b.office();
        unit = b.add_unit("bpkad", office);
        e = b.add_employee("198203142006041002", unit);
    }
};

// A hospital ward on three shifts, holidays rule `none` unless said otherwise.
struct ward_fixture {
    scenario_builder b;
    model::pattern_index ward;
    model::unit_index unit;
    model::employee_index e;
    explicit ward_fixture(model::holiday_rule rule = model::holiday_rule::none,
                          local_date anchor = day("2026-01-01")) {
        b.holidays_2026();
        ward = b.ward(anchor, rule);
        unit = b.add_unit("rsud", ward);
        e = b.add_employee("perawat", unit);
    }
};

}  // namespace

TEST_CASE("local times convert to instants and back with the zone's offset", "[work_calendar][time]") {
    CHECK(at("2026-03-16 08:00") == utc("2026-03-16 01:00"));
    CHECK(format_instant(utc("2026-03-16 01:00"), jakarta()) == "2026-03-16T08:00:00+07:00");
    CHECK(format_instant(utc("2026-03-16 01:00"), makassar()) == "2026-03-16T09:00:00+08:00");
    CHECK(format_instant(utc("2026-03-16 01:00"), *date::locate_zone("Asia/Jayapura")) == "2026-03-16T10:00:00+09:00");
    CHECK(format_instant(utc("2026-03-16 01:00"), *date::locate_zone("America/New_York")) ==
          "2026-03-15T21:00:00-04:00");
}

TEST_CASE("local times in a DST gap move past it, and in an overlap take the earlier instant", "[work_calendar][time]") {
    const auto& ny = *date::locate_zone("America/New_York");
    // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 does not exist.
    CHECK(to_instant(jadwal::calendar::local_minute{day("2026-03-08")} + minutes{150}, ny) == utc("2026-03-08 07:00"));
    // 2026-11-01 01:30 happens twice: first in EDT (-4), then in EST (-5).
    CHECK(to_instant(jadwal::calendar::local_minute{day("2026-11-01")} + minutes{90}, ny) == utc("2026-11-01 05:30"));
    CHECK(format_instant(utc("2026-11-01 06:30"), ny) == "2026-11-01T01:30:00-05:00");
}

TEST_CASE("the horizon is the scenario's dates in its zone", "[work_calendar]") {
    scenario_builder b(days("2026-01-05", "2026-12-18"));
    const work_calendar cal(b.s);
    CHECK(cal.horizon() == interval{utc("2026-01-04 17:00"), utc("2026-12-18 17:00")});
}

TEST_CASE("office hours switch to Ramadan hours on the first day of Ramadan", "[work_calendar]") {
    office_fixture f;
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-02-18", "2026-02-19"));
    CHECK(show(a.working) == lines{"2026-02-18 07:30 - 12:00", "2026-02-18 13:00 - 16:00",
                                   "2026-02-19 08:00 - 12:00", "2026-02-19 12:30 - 15:00"});
    CHECK(a.busy.empty());
    CHECK(a.unavailable.empty());
    CHECK(show(a.free) == lines{"2026-02-18 00:00 - 07:30", "2026-02-18 12:00 - 13:00",
                                "2026-02-18 16:00 - 2026-02-19 08:00", "2026-02-19 12:00 - 12:30",
                                "2026-02-19 15:00 - 2026-02-20 00:00"});
    CHECK(a.working.total() == minutes{(270 + 180) + (240 + 150)});
    check_invariants(cal, f.b.s, f.e, days("2026-02-16", "2026-02-22"));
}

TEST_CASE("Friday has the long prayer break, in and out of Ramadan; weekends are free", "[work_calendar]") {
    office_fixture f;
    const work_calendar cal(f.b.s);
    CHECK(show(cal.employee(f.e, days("2026-02-13", "2026-02-13")).working) ==
          lines{"2026-02-13 07:30 - 11:30", "2026-02-13 13:00 - 16:30"});
    CHECK(show(cal.employee(f.e, days("2026-02-20", "2026-02-20")).working) ==
          lines{"2026-02-20 08:00 - 11:30", "2026-02-20 12:30 - 15:30"});
    const auto weekend = cal.employee(f.e, days("2026-02-14", "2026-02-15"));
    CHECK(weekend.working.empty());
    CHECK(show(weekend.free) == lines{"2026-02-14 00:00 - 2026-02-16 00:00"});
}

TEST_CASE("the week of Nyepi and Idul Fitri 2026: two Ramadan days, then holidays", "[work_calendar]") {
    office_fixture f;
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-03-16", "2026-03-22"));
    CHECK(show(a.working) == lines{"2026-03-16 08:00 - 12:00", "2026-03-16 12:30 - 15:00",
                                   "2026-03-17 08:00 - 12:00", "2026-03-17 12:30 - 15:00"});
    // 18 CB Nyepi, 19 LN Nyepi, 20 CB Idul Fitri, 21-22 LN Idul Fitri (a weekend anyway).
    CHECK(show(a.unavailable) == lines{"2026-03-18 00:00 - 2026-03-23 00:00"});
    CHECK(show(a.free) == lines{"2026-03-16 00:00 - 08:00", "2026-03-16 12:00 - 12:30",
                                "2026-03-16 15:00 - 2026-03-17 08:00", "2026-03-17 12:00 - 12:30",
                                "2026-03-17 15:00 - 2026-03-18 00:00"});
    check_invariants(cal, f.b.s, f.e, days("2026-03-16", "2026-03-22"));
}

TEST_CASE("after Ramadan and the collective leave, normal hours return", "[work_calendar]") {
    office_fixture f;
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-03-23", "2026-03-25"));
    CHECK(show(a.working) == lines{"2026-03-25 07:30 - 12:00", "2026-03-25 13:00 - 16:00"});
    CHECK(show(a.unavailable) == lines{"2026-03-23 00:00 - 2026-03-25 00:00"});
}

TEST_CASE("a night shift runs across midnight into a holiday, with rest after it", "[work_calendar][shift]") {
    // Cycle P P S S M M off off from 2026-01-01: 12-23 and 12-24 are M, 12-25 is off.
    ward_fixture f;
    const work_calendar cal(f.b.s);

    const auto a = cal.employee(f.e, days("2026-12-24", "2026-12-25"));
    CHECK(show(a.working) == lines{"2026-12-24 00:00 - 07:00", "2026-12-24 21:00 - 2026-12-25 07:00"});
    // Both days are holidays (CB and LN Natal): unavailable for training, though worked.
    CHECK(show(a.unavailable) == lines{"2026-12-24 00:00 - 2026-12-26 00:00"});
    CHECK(a.free.empty());

    const auto christmas = cal.employee(f.e, days("2026-12-25", "2026-12-25"));
    CHECK(show(christmas.working) == lines{"2026-12-25 00:00 - 07:00"});
    CHECK(show(christmas.unavailable) == lines{"2026-12-25 00:00 - 2026-12-26 00:00"});
    CHECK(explained(cal.explain(f.e, days("2026-12-25", "2026-12-25"))) ==
          lines{"2026-12-25 00:00 - 07:00 shift M", "2026-12-25 00:00 - 2026-12-26 00:00 holiday: Natal",
                "2026-12-25 07:00 - 15:00 rest after night shift"});
    check_invariants(cal, f.b.s, f.e, days("2026-12-20", "2026-12-31"));
}

TEST_CASE("the rest after a night shift is unavailable on an ordinary day", "[work_calendar][shift]") {
    ward_fixture f;
    const work_calendar cal(f.b.s);
    // 12-16 is M (21:00-07:00), 12-17 is off.
    const auto a = cal.employee(f.e, days("2026-12-17", "2026-12-17"));
    CHECK(show(a.working) == lines{"2026-12-17 00:00 - 07:00"});
    CHECK(show(a.unavailable) == lines{"2026-12-17 07:00 - 15:00"});
    CHECK(show(a.free) == lines{"2026-12-17 15:00 - 2026-12-18 00:00"});
    CHECK(explained(cal.explain(f.e, days("2026-12-17", "2026-12-17"))) ==
          lines{"2026-12-17 00:00 - 07:00 shift M", "2026-12-17 07:00 - 15:00 rest after night shift"});
}

TEST_CASE("a ward on holiday rule `all` drops the shift starting on a holiday, and its rest", "[work_calendar][shift]") {
    ward_fixture f(model::holiday_rule::all);
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-12-24", "2026-12-25"));
    // The M of 12-23 (an ordinary day) is worked into 12-24; the M of 12-24 (CB) is not.
    CHECK(show(a.working) == lines{"2026-12-24 00:00 - 07:00"});
    CHECK(explained(cal.explain(f.e, days("2026-12-25", "2026-12-25"))) ==
          lines{"2026-12-25 00:00 - 2026-12-26 00:00 holiday: Natal"});
}

TEST_CASE("a rotation anchored before the horizon keeps its phase, with per-employee offsets", "[work_calendar][shift]") {
    ward_fixture f(model::holiday_rule::none, day("2025-06-01"));
    const auto other = f.b.add_employee("perawat-2", f.unit);
    f.b.employee(other).rotation_offset = 3;
    const work_calendar cal(f.b.s);
    // 2026-01-05 is day 218 after the anchor: 218 mod 8 = 2, an S.
    CHECK(show(cal.employee(f.e, days("2026-01-05", "2026-01-05")).working) == lines{"2026-01-05 14:00 - 21:00"});
    // With offset 3 the index is 221 mod 8 = 5 (M), and 01-04 was M as well.
    const auto a = cal.employee(other, days("2026-01-05", "2026-01-05"));
    CHECK(show(a.working) == lines{"2026-01-05 00:00 - 07:00", "2026-01-05 21:00 - 2026-01-06 00:00"});
    CHECK(show(a.unavailable) == lines{"2026-01-05 07:00 - 15:00"});
}

TEST_CASE("dates before the rotation's anchor count backwards through the cycle", "[work_calendar][shift]") {
    ward_fixture f(model::holiday_rule::none, day("2026-03-01"));
    const auto early = f.b.add_employee("perawat-2", f.unit);
    f.b.employee(early).rotation_offset = -3;
    const work_calendar cal(f.b.s);
    // 02-26 is day -3: (-3 mod 8) = 5, an M; 02-25 (day -4) is M too; 02-27 is off.
    const auto a = cal.employee(f.e, days("2026-02-26", "2026-02-26"));
    CHECK(show(a.working) == lines{"2026-02-26 00:00 - 07:00", "2026-02-26 21:00 - 2026-02-27 00:00"});
    CHECK(show(a.unavailable) == lines{"2026-02-26 07:00 - 15:00"});
    CHECK(show(a.free) == lines{"2026-02-26 15:00 - 21:00"});
    // A negative offset works the same way: on the anchor day the index is -3 mod 8 = 5.
    CHECK(show(cal.employee(early, days("2026-03-01", "2026-03-01")).working) ==
          lines{"2026-03-01 00:00 - 07:00", "2026-03-01 21:00 - 2026-03-02 00:00"});
}

TEST_CASE("employees whose offsets agree modulo the cycle share one cached expansion", "[work_calendar][shift]") {
    ward_fixture f;
    const work_calendar cal(f.b.s);
    const auto& a = cal.pattern_working(f.ward, jakarta(), 3, model::holiday_rule::none, false);
    const auto& b = cal.pattern_working(f.ward, jakarta(), 11, model::holiday_rule::none, false);
    const auto& c = cal.pattern_working(f.ward, jakarta(), -5, model::holiday_rule::none, false);
    const auto& d = cal.pattern_working(f.ward, jakarta(), 4, model::holiday_rule::none, false);
    CHECK(&a == &b);
    CHECK(&a == &c);
    CHECK(&a != &d);
    // The cached set covers the whole horizon: with offset 3, 01-01 is S and 12-29 is M.
    CHECK(a.covers(span("2026-01-01 14:00", "2026-01-01 21:00")));
    CHECK(a.covers(span("2026-12-29 21:00", "2026-12-30 07:00")));
    // With offset 5, the M of 2025-12-31, before the horizon, runs into it.
    const auto& e = cal.pattern_working(f.ward, jakarta(), 5, model::holiday_rule::none, false);
    CHECK(e.covers(span("2026-01-01 00:00", "2026-01-01 07:00")));
}

TEST_CASE("a range leaving the horizon gives the same answer as one inside it", "[work_calendar]") {
    ward_fixture f;
    const work_calendar cal(f.b.s);
    const auto outside = cal.employee(f.e, days("2025-12-28", "2026-01-03"));
    const auto inside = cal.employee(f.e, days("2026-01-01", "2026-01-03"));
    const interval window = span("2026-01-01 00:00", "2026-01-04 00:00");
    CHECK(outside.working.clip(window) == inside.working);
    CHECK(outside.unavailable.clip(window) == inside.unavailable);
    CHECK(outside.free.clip(window) == inside.free);
    // 2025-12-27 is day -5 of the cycle (S), 12-28 and 12-29 are M.
    CHECK(show(outside.working.clip(span("2025-12-27 00:00", "2025-12-30 00:00"))) ==
          lines{"2025-12-28 21:00 - 2025-12-29 07:00", "2025-12-29 21:00 - 2025-12-30 00:00"});
}

TEST_CASE("a 24-hours-on, 48-hours-off roster works 08:00 to 08:00 and rests after it", "[work_calendar][shift]") {
    scenario_builder b;
    b.holidays_2026();
    model::work_pattern p;
    p.id = "piket";
    p.rotation = model::shift_rotation{day("2026-01-01"), {"D", "off", "off"}, {make_shift("D", "08:00-08:00")}};
    p.holidays = model::holiday_rule::none;
    const auto unit = b.add_unit("damkar", b.add_pattern(std::move(p)));
    const auto e = b.add_employee("petugas-1", unit);
    const auto e2 = b.add_employee("petugas-2", unit);
    b.employee(e2).rotation_offset = 1;
    REQUIRE(b.s.patterns[0].rotation->shifts[0].night);
    const work_calendar cal(b.s);

    const auto a = cal.employee(e, days("2026-01-01", "2026-01-04"));
    CHECK(show(a.working) == lines{"2026-01-01 08:00 - 2026-01-02 08:00", "2026-01-04 08:00 - 2026-01-05 00:00"});
    CHECK(show(a.unavailable) == lines{"2026-01-01 00:00 - 2026-01-02 00:00", "2026-01-02 08:00 - 16:00"});
    CHECK(show(a.free) == lines{"2026-01-02 16:00 - 2026-01-04 08:00"});

    // Offset 1: the shift of 2025-12-31, before the horizon, still runs into 2026-01-01.
    const auto a2 = cal.employee(e2, days("2026-01-01", "2026-01-04"));
    CHECK(show(a2.working) == lines{"2026-01-01 00:00 - 08:00", "2026-01-03 08:00 - 2026-01-04 08:00"});
    CHECK(show(a2.unavailable) == lines{"2026-01-01 00:00 - 2026-01-02 00:00", "2026-01-04 08:00 - 16:00"});
    check_invariants(cal, b.s, e2, days("2026-01-01", "2026-01-31"));
}

TEST_CASE("a last-Friday-of-the-month duty is busy time", "[work_calendar][duty]") {
    office_fixture f;
    f.b.unit(f.unit).duties.push_back(recurring("senam", "FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01", "14:00-16:00"));
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-04-23", "2026-04-24"));
    CHECK(show(a.busy) == lines{"2026-04-24 14:00 - 16:00"});
    CHECK(show(a.unavailable) == lines{"2026-04-24 14:00 - 16:00"});
    // Busy time inside office hours stays working time (it is both).
    CHECK(show(a.working) == lines{"2026-04-23 07:30 - 12:00", "2026-04-23 13:00 - 16:00",
                                   "2026-04-24 07:30 - 11:30", "2026-04-24 13:00 - 16:30"});
    CHECK(show(a.free) == lines{"2026-04-23 00:00 - 07:30", "2026-04-23 12:00 - 13:00",
                                "2026-04-23 16:00 - 2026-04-24 07:30", "2026-04-24 11:30 - 13:00",
                                "2026-04-24 16:30 - 2026-04-25 00:00"});
    check_invariants(cal, f.b.s, f.e, days("2026-04-01", "2026-04-30"));
    // Outside the horizon (not cached) the rule still applies: 2027-01-29 is the last Friday.
    CHECK(show(cal.employee(f.e, days("2027-01-25", "2027-01-31")).busy) == lines{"2027-01-29 14:00 - 16:00"});
}

TEST_CASE("an excepted date removes one occurrence of a duty; one-off duties and night duties count", "[work_calendar][duty]") {
    office_fixture f;
    auto& emp = f.b.employee(f.e);
    emp.duties.push_back(recurring("apel", "FREQ=WEEKLY;BYDAY=MO", "2026-01-05", "07:30-08:00", {day("2026-04-13")}));
    emp.duties.push_back(one_off("rapat", "2026-04-08", "19:00-21:00"));
    emp.duties.push_back(one_off("ronda", "2026-04-19", "22:00-02:00"));
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-04-06", "2026-04-19"));
    CHECK(show(a.busy) == lines{"2026-04-06 07:30 - 08:00", "2026-04-08 19:00 - 21:00",
                                "2026-04-19 22:00 - 2026-04-20 00:00"});
    // The night duty runs into the next day's range.
    CHECK(show(cal.employee(f.e, days("2026-04-20", "2026-04-20")).busy) ==
          lines{"2026-04-20 00:00 - 02:00", "2026-04-20 07:30 - 08:00"});
    CHECK(explained(cal.explain(f.e, days("2026-04-20", "2026-04-20"))) ==
          lines{"2026-04-20 00:00 - 02:00 duty: ronda", "2026-04-20 07:30 - 08:00 duty: apel",
                "2026-04-20 07:30 - 12:00 office", "2026-04-20 13:00 - 16:00 office"});
}

TEST_CASE("leave that overlaps holidays is counted once", "[work_calendar][leave]") {
    office_fixture f;
    f.b.employee(f.e).leaves.push_back({days("2026-03-16", "2026-03-20"), "cuti tahunan"});
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-03-16", "2026-03-22"));
    CHECK(a.working.empty());
    CHECK(show(a.unavailable) == lines{"2026-03-16 00:00 - 2026-03-23 00:00"});
    CHECK(a.unavailable.total() == minutes{7 * 24 * 60});
    CHECK(a.free.empty());
    CHECK(explained(cal.explain(f.e, days("2026-03-16", "2026-03-22"))) ==
          lines{"2026-03-16 00:00 - 2026-03-21 00:00 leave",
                "2026-03-18 00:00 - 2026-03-19 00:00 holiday: Nyepi (cuti bersama)",
                "2026-03-19 00:00 - 2026-03-20 00:00 holiday: Hari Suci Nyepi (Saka 1948)",
                "2026-03-20 00:00 - 2026-03-21 00:00 holiday: Idul Fitri (cuti bersama)",
                "2026-03-21 00:00 - 2026-03-22 00:00 holiday: Idul Fitri 1447 H",
                "2026-03-22 00:00 - 2026-03-23 00:00 holiday: Idul Fitri 1447 H"});
    check_invariants(cal, f.b.s, f.e, days("2026-03-01", "2026-03-31"));
}

TEST_CASE("leave removes the shifts that start on leave days, not the night running into it", "[work_calendar][leave][shift]") {
    ward_fixture f;
    // 12-15 and 12-16 are M. Leave on 12-16 cancels its M (and the rest after it).
    f.b.employee(f.e).leaves.push_back({days("2026-12-16", "2026-12-16"), ""});
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-12-16", "2026-12-17"));
    CHECK(show(a.working) == lines{"2026-12-16 00:00 - 07:00"});
    CHECK(show(a.unavailable) == lines{"2026-12-16 00:00 - 2026-12-17 00:00"});
    CHECK(show(a.free) == lines{"2026-12-17 00:00 - 2026-12-18 00:00"});
    check_invariants(cal, f.b.s, f.e, days("2026-12-01", "2026-12-31"));
}

TEST_CASE("an employee in Asia/Makassar works the pattern's hours in Makassar time", "[work_calendar][time]") {
    office_fixture f;
    f.b.employee(f.e).zone = &makassar();
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-02-17", "2026-02-18"));
    CHECK(show(a.working, makassar()) == lines{"2026-02-18 07:30 - 12:00", "2026-02-18 13:00 - 16:00"});
    REQUIRE_FALSE(a.working.empty());
    // 07:30 WITA is 23:30 UTC the day before.
    CHECK(a.working.items().front().start == utc("2026-02-17 23:30"));
    CHECK(format_instant(a.working.items().front().start, makassar()) == "2026-02-18T07:30:00+08:00");
    CHECK(format_instant(a.working.items().front().start, jakarta()) == "2026-02-18T06:30:00+07:00");
    // The holiday of 02-17 is that local day in Makassar.
    CHECK(a.unavailable.items() == std::vector<interval>{{utc("2026-02-16 16:00"), utc("2026-02-17 16:00")}});
    check_invariants(cal, f.b.s, f.e, days("2026-02-01", "2026-03-31"));
}

TEST_CASE("an employee in a zone with daylight saving keeps local office hours across the change", "[work_calendar][time]") {
    office_fixture f;
    f.b.employee(f.e).zone = date::locate_zone("America/New_York");
    const work_calendar cal(f.b.s);
    const auto fri = cal.employee(f.e, days("2026-03-06", "2026-03-06"));
    const auto mon = cal.employee(f.e, days("2026-03-09", "2026-03-09"));
    REQUIRE_FALSE(fri.working.empty());
    REQUIRE_FALSE(mon.working.empty());
    // Ramadan hours (the scenario's season applies to everyone): 08:00 local.
    CHECK(fri.working.items().front().start == utc("2026-03-06 13:00"));  // 08:00 EST
    CHECK(mon.working.items().front().start == utc("2026-03-09 12:00"));  // 08:00 EDT
    // Sunday 2026-03-08 has 23 hours.
    CHECK(cal.employee(f.e, days("2026-03-08", "2026-03-08")).free.total() == minutes{23 * 60});
}

TEST_CASE("staff who work collective leave are at work on cuti bersama, but not available for training",
          "[work_calendar][holidays]") {
    office_fixture f;
    f.b.employee(f.e).works_collective_leave = true;
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-03-18", "2026-03-19"));
    // 18 is CB Nyepi (worked, Ramadan hours), 19 is LN Nyepi (not worked).
    CHECK(show(a.working) == lines{"2026-03-18 08:00 - 12:00", "2026-03-18 12:30 - 15:00"});
    CHECK(show(a.unavailable) == lines{"2026-03-18 00:00 - 2026-03-20 00:00"});
}

TEST_CASE("a unit's holiday rule overrides the pattern's", "[work_calendar][holidays]") {
    office_fixture f;
    const auto front_desk = f.b.add_unit("kecamatan", f.office);
    f.b.unit(front_desk).holidays = model::holiday_rule::national_only;
    const auto clerk = f.b.add_employee("clerk", front_desk);
    const auto always = f.b.add_unit("always", f.office);
    f.b.unit(always).holidays = model::holiday_rule::none;
    const auto guard = f.b.add_employee("guard", always);
    const work_calendar cal(f.b.s);
    CHECK(show(cal.employee(clerk, days("2026-03-18", "2026-03-19")).working) ==
          lines{"2026-03-18 08:00 - 12:00", "2026-03-18 12:30 - 15:00"});
    CHECK(show(cal.employee(guard, days("2026-03-18", "2026-03-19")).working) ==
          lines{"2026-03-18 08:00 - 12:00", "2026-03-18 12:30 - 15:00", "2026-03-19 08:00 - 12:00",
                "2026-03-19 12:30 - 15:00"});
    CHECK(cal.employee(f.e, days("2026-03-18", "2026-03-19")).working.empty());
}

TEST_CASE("regional holidays remove working time like national ones", "[work_calendar][holidays]") {
    office_fixture f;
    f.b.s.holidays.push_back({day("2026-12-01"), "Hari Jadi Kabupaten", jadwal::calendar::holiday_kind::regional, false});
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-12-01", "2026-12-01"));
    CHECK(a.working.empty());
    CHECK(explained(cal.explain(f.e, days("2026-12-01", "2026-12-01"))) ==
          lines{"2026-12-01 00:00 - 2026-12-02 00:00 holiday: Hari Jadi Kabupaten (regional)"});
}

TEST_CASE("an empty seasonal variant means no work, and the first matching season wins", "[work_calendar]") {
    scenario_builder b;
    b.ramadan_2026().season("school_holiday", days("2026-03-02", "2026-03-06"));
    model::work_pattern school;
    school.id = "school";
    school.week = office_week({"07:00-14:30"}, {"07:00-11:00"});
    school.seasonal.emplace_back("ramadan", office_week({"08:00-13:00"}, {"08:00-11:00"}));
    school.seasonal.emplace_back("school_holiday", model::weekly_hours{});
    model::work_pattern holiday_first = school;
    holiday_first.id = "school2";
    std::swap(holiday_first.seasonal[0], holiday_first.seasonal[1]);
    const auto u1 = b.add_unit("sd1", b.add_pattern(std::move(school)));
    const auto u2 = b.add_unit("sd2", b.add_pattern(std::move(holiday_first)));
    const auto t1 = b.add_employee("guru-1", u1);
    const auto t2 = b.add_employee("guru-2", u2);
    const work_calendar cal(b.s);
    CHECK(show(cal.employee(t1, days("2026-03-02", "2026-03-02")).working) == lines{"2026-03-02 08:00 - 13:00"});
    CHECK(cal.employee(t2, days("2026-03-02", "2026-03-06")).working.empty());
    CHECK(show(cal.employee(t2, days("2026-03-09", "2026-03-09")).working) == lines{"2026-03-09 08:00 - 13:00"});
    CHECK(explained(cal.explain(t1, days("2026-02-27", "2026-03-02"))) ==
          lines{"2026-02-27 08:00 - 11:00 school/ramadan", "2026-03-02 08:00 - 13:00 school/ramadan"});
    CHECK(explained(cal.explain(t1, days("2026-03-23", "2026-03-23"))) == lines{"2026-03-23 07:00 - 14:30 school"});
}

TEST_CASE("explain labels every piece and sorts them by start", "[work_calendar][explain]") {
    office_fixture f;
    auto& emp = f.b.employee(f.e);
    emp.leaves.push_back({days("2026-02-20", "2026-02-20"), "sakit"});
    emp.duties.push_back(one_off("rapat", "2026-02-19", "13:00-14:00"));
    const work_calendar cal(f.b.s);
    CHECK(explained(cal.explain(f.e, days("2026-02-16", "2026-02-20"))) ==
          lines{"2026-02-16 00:00 - 2026-02-17 00:00 holiday: Imlek (cuti bersama)",
                "2026-02-17 00:00 - 2026-02-18 00:00 holiday: Tahun Baru Imlek 2577",
                "2026-02-18 07:30 - 12:00 office",
                "2026-02-18 13:00 - 16:00 office",
                "2026-02-19 08:00 - 12:00 office/ramadan",
                "2026-02-19 12:30 - 15:00 office/ramadan",
                "2026-02-19 13:00 - 14:00 duty: rapat",
                "2026-02-20 00:00 - 2026-02-21 00:00 leave"});
    check_invariants(cal, f.b.s, f.e, days("2026-02-16", "2026-02-20"));
}

TEST_CASE("critical periods are the unit's dates in its zone, with their weights", "[work_calendar]") {
    office_fixture f;
    f.b.unit(f.unit).critical.push_back({days("2026-12-01", "2026-12-31"), 3.0, "year-end closing"});
    const auto east = f.b.add_unit("east", f.office, &makassar());
    f.b.unit(east).critical.push_back({days("2026-01-05", "2026-01-09"), 2.0, "audit"});
    const work_calendar cal(f.b.s);
    const auto a = cal.critical_periods(f.unit);
    REQUIRE(a.size() == 1);
    CHECK(a[0].first == interval{utc("2026-11-30 17:00"), utc("2026-12-31 17:00")});
    CHECK(a[0].second == 3.0);
    const auto b = cal.critical_periods(east);
    REQUIRE(b.size() == 1);
    CHECK(b[0].first == interval{utc("2026-01-04 16:00"), utc("2026-01-09 16:00")});
    CHECK(b[0].second == 2.0);
}

TEST_CASE("an inverted date range gives empty availability", "[work_calendar]") {
    office_fixture f;
    const work_calendar cal(f.b.s);
    const auto a = cal.employee(f.e, days("2026-03-02", "2026-03-01"));
    CHECK(a.working.empty());
    CHECK(a.free.empty());
    CHECK(cal.explain(f.e, days("2026-03-02", "2026-03-01")).empty());
}

TEST_CASE("a calendar keeps answering after being moved", "[work_calendar]") {
    office_fixture f;
    work_calendar a(f.b.s);
    work_calendar b(std::move(a));
    CHECK(show(b.employee(f.e, days("2026-02-13", "2026-02-13")).working) ==
          lines{"2026-02-13 07:30 - 11:30", "2026-02-13 13:00 - 16:30"});
}

TEST_CASE("a calendar can serve several threads at once", "[work_calendar]") {
    ward_fixture f;
    for (int k = 0; k < 15; ++k) {
        const auto e = f.b.add_employee("perawat-" + std::to_string(k), f.unit);
        f.b.employee(e).rotation_offset = k;
    }
    const work_calendar shared(f.b.s);
    std::vector<availability> results(f.b.s.employees.size());
    {
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < 2; ++t)
            threads.emplace_back([&, t] {
                for (std::size_t i = t; i < results.size(); i += 2)
                    results[i] = shared.employee({static_cast<std::uint32_t>(i)}, f.b.s.horizon);
            });
        for (auto& th : threads) th.join();
    }
    const work_calendar alone(f.b.s);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto a = alone.employee({static_cast<std::uint32_t>(i)}, f.b.s.horizon);
        CHECK(results[i].working == a.working);
        CHECK(results[i].unavailable == a.unavailable);
    }
}
