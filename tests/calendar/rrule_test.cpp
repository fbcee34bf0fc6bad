#include "scenario_builder.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace jadwal::test;
using jadwal::calendar::frequency;
using jadwal::calendar::occurrences;
using jadwal::calendar::parse_rrule;
using jadwal::calendar::rrule;
using jadwal::calendar::weekday_rule;

namespace {

std::vector<local_date> dates(std::initializer_list<std::string_view> xs) {
    std::vector<local_date> out;
    for (auto x : xs) out.push_back(day(x));
    return out;
}

std::vector<std::string> shown(const std::vector<local_date>& ds) {
    std::vector<std::string> out;
    for (auto d : ds) out.push_back(jadwal::calendar::format_date(d));
    return out;
}

const date_range year_2026 = days("2026-01-01", "2026-12-31");

}  // namespace

TEST_CASE("a full rule parses into its parts", "[rrule]") {
    const auto r = parse_rrule("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR,1MO,+2TU;UNTIL=20261231T235959Z");
    REQUIRE(r.error.empty());
    REQUIRE(r.rule);
    CHECK(r.rule->freq == frequency::monthly);
    CHECK(r.rule->interval == 2);
    CHECK(r.rule->by_day == std::vector<weekday_rule>{{date::Friday, -1}, {date::Monday, 1}, {date::Tuesday, 2}});
    CHECK(r.rule->until == day("2026-12-31"));
    CHECK_FALSE(r.rule->count);
    CHECK(r.rule->by_month_day.empty());
}

TEST_CASE("rule parts are read case-insensitively, with an optional RRULE: prefix", "[rrule]") {
    const auto r = parse_rrule("RRULE:freq=weekly;byday=mo,we;count=4;wkst=MO");
    REQUIRE(r.rule);
    CHECK(r.rule->freq == frequency::weekly);
    CHECK(r.rule->by_day == std::vector<weekday_rule>{{date::Monday, 0}, {date::Wednesday, 0}});
    CHECK(r.rule->count == 4);
}

TEST_CASE("BYMONTHDAY accepts negative days and UNTIL a plain date", "[rrule]") {
    const auto r = parse_rrule("FREQ=MONTHLY;BYMONTHDAY=1,-1,15;UNTIL=20270630");
    REQUIRE(r.rule);
    CHECK(r.rule->by_month_day == std::vector<int>{1, -1, 15});
    CHECK(r.rule->until == day("2027-06-30"));
}

TEST_CASE("unsupported or malformed rules are errors that point at the offending part", "[rrule]") {
    struct bad {
        std::string_view text;
        std::string_view message;
        std::size_t offset;
    };
    const auto c = GENERATE(values<bad>({
        {"FREQ=YEARLY", "FREQ=YEARLY is not supported (use DAILY, WEEKLY or MONTHLY)", 5},
        {"FREQ=MONTHLY;BYSETPOS=-1", "BYSETPOS is not supported", 13},
        {"FREQ=DAILY;COUNT=3;UNTIL=20260101", "COUNT and UNTIL must not both be given", 19},
        {"FREQ=DAILY;UNTIL=20260101;COUNT=3", "COUNT and UNTIL must not both be given", 26},
        {"FREQ=WEEKLY;BYDAY=1MO", "BYDAY with an ordinal (such as 1MO or -1FR) needs FREQ=MONTHLY", 12},
        {"FREQ=WEEKLY;BYDAY=MO,XX", "unknown weekday in 'XX' (use MO, TU, WE, TH, FR, SA, SU)", 21},
        {"FREQ=MONTHLY;BYDAY=6MO", "the ordinal in '6MO' must be 1..5 or -5..-1", 19},
        {"FREQ=MONTHLY;BYDAY=0MO", "the ordinal in '0MO' must be 1..5 or -5..-1", 19},
        {"BYDAY=MO", "FREQ is missing (FREQ=DAILY, WEEKLY or MONTHLY)", 0},
        {"FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1 to 2147483647, got '0'", 20},
        {"FREQ=DAILY;INTERVAL=99999999999", "INTERVAL must be a whole number from 1 to 2147483647, got '99999999999'", 20},
        {"FREQ=DAILY;COUNT=-2", "COUNT must be a whole number from 1 to 2147483647, got '-2'", 17},
        {"FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY values must be 1..31 or -31..-1, got '32'", 24},
        {"FREQ=MONTHLY;BYMONTHDAY=1,0", "BYMONTHDAY values must be 1..31 or -31..-1, got '0'", 26},
        {"FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY must not be used with FREQ=WEEKLY", 12},
        {"FREQ=DAILY;UNTIL=20260230", "UNTIL must be a date YYYYMMDD or YYYYMMDDTHHMMSS[Z], got '20260230'", 17},
        {"FREQ=DAILY;UNTIL=2026-01-01", "UNTIL must be a date YYYYMMDD or YYYYMMDDTHHMMSS[Z], got '2026-01-01'", 17},
        {"FREQ=DAILY;FOO=1", "unknown rule part 'FOO'", 11},
        {"FREQ=DAILY;BYMONTH=2", "BYMONTH is not supported", 11},
        {"FREQ=WEEKLY;WKST=SU", "WKST=SU is not supported (weeks start on Monday; use WKST=MO or omit it)", 17},
        {"FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice", 11},
        {"FREQ=DAILY;COUNT", "expected NAME=VALUE, got 'COUNT'", 11},
    }));
    CAPTURE(c.text);
    const auto r = parse_rrule(c.text);
    CHECK_FALSE(r.rule);
    CHECK(r.error == c.message);
    CHECK(r.offset == c.offset);
}

TEST_CASE("the last Friday of every month", "[rrule]") {
    const auto got = occurrences(rule("FREQ=MONTHLY;BYDAY=-1FR"), day("2026-01-01"), year_2026);
    CHECK(shown(got) == shown(dates({"2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29",
                                      "2026-06-26", "2026-07-31", "2026-08-28", "2026-09-25", "2026-10-30",
                                      "2026-11-27", "2026-12-25"})));
}

TEST_CASE("the first Monday and the second Tuesday of every month", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;BYDAY=1MO"), day("2026-01-01"), days("2026-01-01", "2026-06-30"))) ==
          shown(dates({"2026-01-05", "2026-02-02", "2026-03-02", "2026-04-06", "2026-05-04", "2026-06-01"})));
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;BYDAY=2TU"), day("2026-01-01"), days("2026-01-01", "2026-03-31"))) ==
          shown(dates({"2026-01-13", "2026-02-10", "2026-03-10"})));
}

TEST_CASE("every weekday of a kind in the month with a plain MONTHLY BYDAY", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;BYDAY=FR"), day("2026-05-01"), days("2026-05-01", "2026-05-31"))) ==
          shown(dates({"2026-05-01", "2026-05-08", "2026-05-15", "2026-05-22", "2026-05-29"})));
}

TEST_CASE("the last day of every month", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;BYMONTHDAY=-1"), day("2026-01-01"), days("2026-01-01", "2026-04-30"))) ==
          shown(dates({"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"})));
}

TEST_CASE("day 31 skips the months that do not have it", "[rrule]") {
    const auto expected = shown(dates({"2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31",
                                       "2026-10-31", "2026-12-31"}));
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;BYMONTHDAY=31"), day("2026-01-01"), year_2026)) == expected);
    // Without BYMONTHDAY the day of month comes from dtstart, with the same skipping.
    CHECK(shown(occurrences(rule("FREQ=MONTHLY"), day("2026-01-31"), year_2026)) == expected);
}

TEST_CASE("BYMONTHDAY limited by BYDAY finds Friday the 13th", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR"), day("2026-01-01"), year_2026)) ==
          shown(dates({"2026-02-13", "2026-03-13", "2026-11-13"})));
}

TEST_CASE("every other week on Tuesday and Thursday, counted from dtstart's week", "[rrule]") {
    // dtstart is a Thursday: that week's Tuesday is before dtstart and does not occur.
    const auto r = rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH");
    CHECK(shown(occurrences(r, day("2026-01-08"), days("2026-01-01", "2026-02-06"))) ==
          shown(dates({"2026-01-08", "2026-01-20", "2026-01-22", "2026-02-03", "2026-02-05"})));
    // A window that starts later gives the same phase.
    CHECK(shown(occurrences(r, day("2026-01-08"), days("2026-03-01", "2026-03-07"))) ==
          shown(dates({"2026-03-03", "2026-03-05"})));
    CHECK(occurrences(r, day("2026-01-08"), days("2026-03-08", "2026-03-15")).empty());
}

TEST_CASE("WEEKLY without BYDAY repeats dtstart's weekday", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=WEEKLY"), day("2026-01-07"), days("2026-01-01", "2026-01-31"))) ==
          shown(dates({"2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"})));
}

TEST_CASE("dtstart occurs only when it matches the rule, and nothing occurs before it", "[rrule]") {
    // 2026-01-07 is a Wednesday.
    CHECK(shown(occurrences(rule("FREQ=WEEKLY;BYDAY=MO"), day("2026-01-07"), days("2025-12-01", "2026-01-20"))) ==
          shown(dates({"2026-01-12", "2026-01-19"})));
}

TEST_CASE("COUNT counts from dtstart, not from the window", "[rrule]") {
    const auto r = rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5");
    CHECK(shown(occurrences(r, day("2026-01-08"), year_2026)) ==
          shown(dates({"2026-01-08", "2026-01-20", "2026-01-22", "2026-02-03", "2026-02-05"})));
    CHECK(shown(occurrences(r, day("2026-01-08"), days("2026-01-21", "2026-12-31"))) ==
          shown(dates({"2026-01-22", "2026-02-03", "2026-02-05"})));
}

TEST_CASE("excepted dates still count towards COUNT", "[rrule]") {
    const auto r = rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5");
    CHECK(shown(occurrences(r, day("2026-01-08"), year_2026, dates({"2026-01-20", "2026-01-21"}))) ==
          shown(dates({"2026-01-08", "2026-01-22", "2026-02-03", "2026-02-05"})));
}

TEST_CASE("UNTIL is inclusive", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=DAILY;UNTIL=20260105"), day("2026-01-01"), year_2026)) ==
          shown(dates({"2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"})));
    CHECK(shown(occurrences(rule("FREQ=DAILY;INTERVAL=2;UNTIL=20260105T000000Z"), day("2026-01-01"), year_2026)) ==
          shown(dates({"2026-01-01", "2026-01-03", "2026-01-05"})));
}

TEST_CASE("EXDATE removes single occurrences", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=WEEKLY;BYDAY=MO"), day("2026-01-05"), days("2026-01-01", "2026-01-31"),
                            dates({"2026-01-19", "2026-01-20"}))) ==
          shown(dates({"2026-01-05", "2026-01-12", "2026-01-26"})));
}

TEST_CASE("DAILY with BYDAY keeps only those weekdays", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=DAILY;BYDAY=MO,WE,FR"), day("2026-01-01"), days("2026-01-01", "2026-01-11"))) ==
          shown(dates({"2026-01-02", "2026-01-05", "2026-01-07", "2026-01-09"})));
}

TEST_CASE("MONTHLY INTERVAL counts months from dtstart's month", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR"), day("2026-02-10"), year_2026)) ==
          shown(dates({"2026-02-27", "2026-05-29", "2026-08-28", "2026-11-27"})));
}

TEST_CASE("huge INTERVAL and COUNT neither loop forever nor overflow", "[rrule]") {
    CHECK(shown(occurrences(rule("FREQ=DAILY;INTERVAL=2147483647"), day("2026-03-01"), year_2026)) ==
          shown(dates({"2026-03-01"})));
    CHECK(shown(occurrences(rule("FREQ=WEEKLY;INTERVAL=2147483647"), day("2026-03-01"), year_2026)) ==
          shown(dates({"2026-03-01"})));
    CHECK(shown(occurrences(rule("FREQ=MONTHLY;INTERVAL=2147483647"), day("2026-03-01"), year_2026)) ==
          shown(dates({"2026-03-01"})));
    CHECK(occurrences(rule("FREQ=DAILY;COUNT=2147483647"), day("2026-01-01"), year_2026).size() == 365);
    // A rule that can never occur (30 February, every 12 months) still ends.
    CHECK(occurrences(rule("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30;COUNT=3"), day("2026-02-01"),
                      days("2026-01-01", "2199-12-31"))
              .empty());
    // A start long ago, without COUNT, jumps straight to the window.
    CHECK(shown(occurrences(rule("FREQ=WEEKLY;BYDAY=MO"), day("1900-01-01"), days("2026-01-01", "2026-01-12"))) ==
          shown(dates({"2026-01-05", "2026-01-12"})));
}

TEST_CASE("an empty or inverted window gives nothing", "[rrule]") {
    CHECK(occurrences(rule("FREQ=DAILY"), day("2026-01-01"), days("2026-02-01", "2026-01-01")).empty());
    CHECK(occurrences(rule("FREQ=DAILY;UNTIL=20251231"), day("2026-01-01"), year_2026).empty());
}
