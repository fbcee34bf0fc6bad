// The Boost.Date_Time adapter (jadwal/adapt/boost_date_time.hpp): dates,
// half-open periods, UTC and wall-clock times, leave and duties, both ways.
#include <jadwal/adapt/boost_date_time.hpp>

#include "../support/error_code.hpp"

#include <catch2/catch.hpp>

using namespace jadwal;
namespace bdt = jadwal::boost_dt;
namespace bg = boost::gregorian;
namespace bp = boost::posix_time;

namespace {
calendar::local_date ymd(int y, unsigned m, unsigned d) { return calendar::local_date{date::year{y} / m / d}; }
const date::time_zone& jakarta() { return *date::locate_zone("Asia/Jakarta"); }
}  // namespace

TEST_CASE("Boost dates become jadwal dates and back, leap days and year ends included", "[calendar][boost]") {
    for (const auto& d : {bg::date(2026, 1, 1), bg::date(2026, 12, 31), bg::date(2028, 2, 29), bg::date(1970, 1, 1)}) {
        INFO(d.year() << "-" << d.month().as_number() << "-" << d.day());
        CHECK(bdt::to_boost(bdt::from_boost(d)) == d);
    }
    CHECK(bdt::from_boost(bg::date(2026, 3, 20)) == ymd(2026, 3, 20));
    CHECK(bdt::to_boost(ymd(2027, 3, 10)) == bg::date(2027, 3, 10));
    CHECK_THROWS_AS(bdt::from_boost(bg::date(boost::date_time::not_a_date_time)), jadwal::error);
    CHECK_THROWS_AS(bdt::from_boost(bg::date(boost::date_time::pos_infin)), jadwal::error);
    CHECK(jadwal::test::error_code_of([] { (void)bdt::from_boost(bg::date(boost::date_time::pos_infin)); }) ==
          jadwal::errc::invalid_argument);
}

TEST_CASE("a half-open Boost period is the inclusive date range of the same days", "[calendar][boost]") {
    // Five days of leave from Monday 16 March 2026: [16, 21) in Boost, 16..20 in jadwal.
    const bg::date_period cuti(bg::date(2026, 3, 16), bg::days(5));
    const auto r = bdt::from_boost(cuti);
    CHECK(r.first == ymd(2026, 3, 16));
    CHECK(r.last == ymd(2026, 3, 20));
    CHECK((bdt::to_boost(r) == cuti));
    // One day: [d, d + 1) is the range d..d.
    const auto one = bdt::from_boost(bg::date_period(bg::date(2026, 8, 17), bg::days(1)));
    CHECK(one.first == one.last);
    CHECK_THROWS_AS(bdt::from_boost(bg::date_period(bg::date(2026, 3, 16), bg::date(2026, 3, 16))),
                    jadwal::error);
    CHECK_THROWS_AS(bdt::to_boost(model::date_range{ymd(2026, 3, 20), ymd(2026, 3, 16)}), jadwal::error);

    const auto leave = bdt::leave_for(cuti, "cuti tahunan");
    CHECK(leave.days.first == ymd(2026, 3, 16));
    CHECK(leave.days.last == ymd(2026, 3, 20));
    CHECK(leave.why == "cuti tahunan");
}

TEST_CASE("Boost times are read as UTC or as wall-clock time in a zone, to the minute", "[calendar][boost]") {
    const bp::ptime utc(bg::date(2026, 9, 10), bp::hours(2) + bp::minutes(30) + bp::seconds(59));
    const auto t = bdt::from_boost_utc(utc);
    CHECK(calendar::format_instant(t, jakarta()) == "2026-09-10T09:30:00+07:00");  // seconds dropped
    CHECK(bdt::to_boost_utc(t) == bp::ptime(bg::date(2026, 9, 10), bp::hours(2) + bp::minutes(30)));
    // 09:00 on a Jakarta wall clock is 02:00 UTC; back again in the zone.
    const bp::ptime wall(bg::date(2026, 9, 10), bp::hours(9));
    const auto w = bdt::from_boost_local(wall, jakarta());
    CHECK(bdt::to_boost_utc(w) == bp::ptime(bg::date(2026, 9, 10), bp::hours(2)));
    CHECK(bdt::to_boost_local(w, jakarta()) == wall);
    // Across midnight: 23:30 UTC on 31 December is 06:30 on 1 January in Jakarta.
    const auto ny = bdt::from_boost_utc(bp::ptime(bg::date(2026, 12, 31), bp::hours(23) + bp::minutes(30)));
    CHECK(bdt::to_boost_local(ny, jakarta()) == bp::ptime(bg::date(2027, 1, 1), bp::hours(6) + bp::minutes(30)));
    CHECK_THROWS_AS(bdt::from_boost_utc(bp::ptime(boost::date_time::not_a_date_time)), jadwal::error);
    CHECK_THROWS_AS(bdt::from_boost_local(bp::ptime(boost::date_time::neg_infin), jakarta()),
                    jadwal::error);
}

TEST_CASE("a one-off duty comes from a Boost wall-clock period within one day", "[calendar][boost]") {
    const bp::ptime from(bg::date(2026, 4, 16), bp::hours(17));
    const auto d = bdt::one_off_duty(bp::time_period(from, bp::hours(2)), "rapat koperasi");
    CHECK(d.what == "rapat koperasi");
    CHECK(d.start == ymd(2026, 4, 16));
    CHECK_FALSE(d.rule.has_value());
    CHECK(d.time.start == calendar::minutes{17 * 60});
    CHECK(d.time.end == calendar::minutes{19 * 60});
    // Up to midnight is still one day; past it is refused.
    const auto late = bdt::one_off_duty(bp::time_period(bp::ptime(bg::date(2026, 4, 16), bp::hours(22)), bp::hours(2)),
                                        "jaga malam");
    CHECK(late.time.end == calendar::minutes{1440});
    CHECK_THROWS_AS(
        bdt::one_off_duty(bp::time_period(bp::ptime(bg::date(2026, 4, 16), bp::hours(22)), bp::hours(3)), "x"),
        jadwal::error);
}
