#include "scenario_builder.hpp"

#include <catch2/catch.hpp>

using namespace jadwal::test;
using jadwal::calendar::format_clock_range;
using jadwal::calendar::format_date;
using jadwal::calendar::minutes;
using jadwal::calendar::parse_clock_range;
using jadwal::calendar::parse_date;
using jadwal::calendar::parse_time_of_day;

TEST_CASE("clock ranges ending at or before their start cross midnight", "[civil]") {
    const auto night = parse_clock_range("21:00-07:00");
    REQUIRE(night);
    CHECK(night->start == minutes{21 * 60});
    CHECK(night->end == minutes{31 * 60});
    CHECK(night->crosses_midnight());
    CHECK(format_clock_range(*night) == "21:00-07:00");

    const auto day_and_night = parse_clock_range("08:00-08:00");
    REQUIRE(day_and_night);
    CHECK(day_and_night->length() == minutes{24 * 60});
    CHECK(day_and_night->crosses_midnight());

    const auto office = parse_clock_range("07:30-24:00");
    REQUIRE(office);
    CHECK_FALSE(office->crosses_midnight());
    CHECK(format_clock_range(*office) == "07:30-24:00");
}

TEST_CASE("malformed times, ranges and dates are rejected", "[civil]") {
    CHECK(parse_time_of_day("7:30") == jadwal::calendar::time_of_day{minutes{450}});
    CHECK_FALSE(parse_time_of_day("24:01"));
    CHECK_FALSE(parse_time_of_day("12:60"));
    CHECK(parse_time_of_day("12.30") == jadwal::calendar::time_of_day{minutes{750}});  // as Indonesian writes it
    CHECK_FALSE(parse_time_of_day("12,30"));
    CHECK_FALSE(parse_time_of_day("12.60"));
    CHECK_FALSE(parse_clock_range("24:00-08:00"));
    CHECK_FALSE(parse_clock_range("08:00"));
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-2-01"));
    CHECK(parse_date("2028-02-29"));
    CHECK(format_date(day("2026-03-05")) == "2026-03-05");
}

TEST_CASE("parse_instant reads ISO 8601 with an offset or Z", "[civil]") {
    using jadwal::calendar::parse_instant;
    const auto a = parse_instant("2026-03-16T08:00:00+07:00");
    const auto b = parse_instant("2026-03-16T01:00Z");
    const auto c = parse_instant("2026-03-16T09:00:00+08:00");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(*a == *b);
    CHECK(*a == *c);
    CHECK(jadwal::calendar::format_instant(*a, *date::locate_zone("Asia/Jakarta")) == "2026-03-16T08:00:00+07:00");
    for (const char* bad : {"2026-03-16", "2026-03-16T08:00", "2026-02-30T08:00Z", "2026-03-16T24:00Z",
                            "2026-03-16T08:00:30Z", "2026-03-16T08:00+0700", "2026-03-16T08:00Zjunk", ""}) {
        INFO(bad);
        CHECK_FALSE(parse_instant(bad));
    }
}
