// VTIMEZONE components and the DTSTART/DTEND forms that refer to them.
#include "../../src/output/vtimezone.hpp"

#include "ics_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace jadwal;
using jadwal::test_ics::at;

namespace {

std::string vtimezone(const char* zone, calendar::instant first, calendar::instant last) {
    output::detail::zone_table table{*date::locate_zone(zone)};
    table.cover(first, last);
    std::string out;
    table.append_vtimezone(out, first, last);
    return out;
}

std::string date_time(const char* zone, calendar::instant t) {
    output::detail::zone_table table{*date::locate_zone(zone)};
    table.cover(t, t);
    std::string out;
    table.append_date_time(out, "DTSTART", t);
    return out;
}

}  // namespace

TEST_CASE("A zone without daylight saving time has one STANDARD observance", "[output][ics][tz]") {
    CHECK(vtimezone("Asia/Jakarta", at(2026, 3, 16, 1), at(2026, 11, 30, 9)) ==
          "BEGIN:VTIMEZONE\r\n"
          "TZID:Asia/Jakarta\r\n"
          "BEGIN:STANDARD\r\n"
          "DTSTART:19700101T000000\r\n"
          "TZOFFSETFROM:+0700\r\n"
          "TZOFFSETTO:+0700\r\n"
          "TZNAME:WIB\r\n"
          "END:STANDARD\r\n"
          "END:VTIMEZONE\r\n");
    CHECK(vtimezone("Asia/Makassar", at(2026, 3, 16, 1), at(2026, 3, 16, 2)).find("TZOFFSETTO:+0800\r\n") !=
          std::string::npos);
    CHECK(vtimezone("UTC", at(2026, 3, 16, 1), at(2026, 3, 16, 2)).find("TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\n") !=
          std::string::npos);
}

TEST_CASE("A zone with daylight saving time has one observance per offset period the events touch",
          "[output][ics][tz]") {
    // Europe/Berlin, March to November 2026: CET, CEST from 29 March, CET from 25 October.
    CHECK(vtimezone("Europe/Berlin", at(2026, 3, 1, 8), at(2026, 11, 15, 9)) ==
          "BEGIN:VTIMEZONE\r\n"
          "TZID:Europe/Berlin\r\n"
          "BEGIN:STANDARD\r\n"
          "DTSTART:20251026T020000\r\n"
          "TZOFFSETFROM:+0100\r\n"
          "TZOFFSETTO:+0100\r\n"
          "TZNAME:CET\r\n"
          "END:STANDARD\r\n"
          "BEGIN:DAYLIGHT\r\n"
          "DTSTART:20260329T020000\r\n"
          "TZOFFSETFROM:+0100\r\n"
          "TZOFFSETTO:+0200\r\n"
          "TZNAME:CEST\r\n"
          "END:DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\n"
          "DTSTART:20261025T030000\r\n"
          "TZOFFSETFROM:+0200\r\n"
          "TZOFFSETTO:+0100\r\n"
          "TZNAME:CET\r\n"
          "END:STANDARD\r\n"
          "END:VTIMEZONE\r\n");
    // Australia/Sydney, southern hemisphere: daylight time ends on 5 April 2026.
    CHECK(vtimezone("Australia/Sydney", at(2026, 3, 1, 0), at(2026, 5, 1, 0)) ==
          "BEGIN:VTIMEZONE\r\n"
          "TZID:Australia/Sydney\r\n"
          "BEGIN:DAYLIGHT\r\n"
          "DTSTART:20251005T030000\r\n"
          "TZOFFSETFROM:+1100\r\n"
          "TZOFFSETTO:+1100\r\n"
          "TZNAME:AEDT\r\n"
          "END:DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\n"
          "DTSTART:20260405T030000\r\n"
          "TZOFFSETFROM:+1100\r\n"
          "TZOFFSETTO:+1000\r\n"
          "TZNAME:AEST\r\n"
          "END:STANDARD\r\n"
          "END:VTIMEZONE\r\n");
    // Events inside one period need only that period.
    const std::string summer = vtimezone("Europe/Berlin", at(2026, 6, 1, 8), at(2026, 6, 30, 9));
    CHECK(summer.find("BEGIN:STANDARD") == std::string::npos);
    CHECK(summer.find("TZOFFSETTO:+0200") != std::string::npos);
}

TEST_CASE("A local time that occurs twice is written in UTC when it means the second one", "[output][ics][tz]") {
    // Berlin turns clocks back from 03:00 CEST to 02:00 CET at 01:00 UTC on 25 October 2026.
    CHECK(date_time("Europe/Berlin", at(2026, 10, 25, 0, 30)) == "DTSTART;TZID=Europe/Berlin:20261025T023000\r\n");
    CHECK(date_time("Europe/Berlin", at(2026, 10, 25, 0, 59)) == "DTSTART;TZID=Europe/Berlin:20261025T025900\r\n");
    CHECK(date_time("Europe/Berlin", at(2026, 10, 25, 1, 0)) == "DTSTART:20261025T010000Z\r\n");
    CHECK(date_time("Europe/Berlin", at(2026, 10, 25, 1, 30)) == "DTSTART:20261025T013000Z\r\n");
    CHECK(date_time("Europe/Berlin", at(2026, 10, 25, 2, 0)) == "DTSTART;TZID=Europe/Berlin:20261025T030000\r\n");
    // Clocks going forward leave no doubt.
    CHECK(date_time("Europe/Berlin", at(2026, 3, 29, 1, 0)) == "DTSTART;TZID=Europe/Berlin:20260329T030000\r\n");
    CHECK(date_time("Asia/Jakarta", at(2026, 3, 16, 1, 0)) == "DTSTART;TZID=Asia/Jakarta:20260316T080000\r\n");
}

TEST_CASE("Every quarter hour of a year reads back as the same instant", "[output][ics][tz]") {
    const char* zone = GENERATE("Asia/Jakarta", "Europe/Berlin", "Australia/Sydney", "America/Sao_Paulo");
    INFO(zone);
    output::detail::zone_table table{*date::locate_zone(zone)};
    const auto first = at(2026, 1, 1, 0);
    const auto last = at(2027, 1, 1, 0);
    table.cover(first, last);
    std::string out;
    for (auto t = first; t < last; t += std::chrono::minutes{15}) {
        out.clear();
        table.append_date_time(out, "DTSTART", t);
        const auto p = test_ics::parse_property(out.substr(0, out.size() - 2));
        if (test_ics::instant_of(p) != t) FAIL_CHECK(out);
    }
}
