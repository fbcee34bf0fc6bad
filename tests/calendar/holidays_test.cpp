#include "scenario_builder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

using namespace jadwal::test;
using jadwal::calendar::builtin_holiday_set_names;
using jadwal::calendar::builtin_holidays;
using jadwal::calendar::estimated_ramadan;
using jadwal::calendar::format_date;
using jadwal::calendar::holiday_kind;
using jadwal::calendar::ramadan;

namespace {

// The table of domain.md, row by row: date, weekday, kind, name.
struct table_row {
    std::string_view date, weekday, kind, name;
};
constexpr table_row table_2026[] = {
    {"2026-01-01", "Thu", "LN", "Tahun Baru Masehi"},
    {"2026-01-16", "Fri", "LN", "Isra Mikraj"},
    {"2026-02-16", "Mon", "CB", "Imlek"},
    {"2026-02-17", "Tue", "LN", "Tahun Baru Imlek 2577"},
    {"2026-03-18", "Wed", "CB", "Nyepi"},
    {"2026-03-19", "Thu", "LN", "Hari Suci Nyepi (Saka 1948)"},
    {"2026-03-20", "Fri", "CB", "Idul Fitri"},
    {"2026-03-21", "Sat", "LN", "Idul Fitri 1447 H"},
    {"2026-03-22", "Sun", "LN", "Idul Fitri 1447 H"},
    {"2026-03-23", "Mon", "CB", "Idul Fitri"},
    {"2026-03-24", "Tue", "CB", "Idul Fitri"},
    {"2026-04-03", "Fri", "LN", "Wafat Yesus Kristus"},
    {"2026-04-05", "Sun", "LN", "Paskah"},
    {"2026-05-01", "Fri", "LN", "Hari Buruh"},
    {"2026-05-14", "Thu", "LN", "Kenaikan Yesus Kristus"},
    {"2026-05-15", "Fri", "CB", "Kenaikan Yesus Kristus"},
    {"2026-05-27", "Wed", "LN", "Idul Adha 1447 H"},
    {"2026-05-28", "Thu", "CB", "Idul Adha"},
    {"2026-05-31", "Sun", "LN", "Waisak 2570"},
    {"2026-06-01", "Mon", "LN", "Hari Lahir Pancasila"},
    {"2026-06-16", "Tue", "LN", "1 Muharam 1448 H"},
    {"2026-08-17", "Mon", "LN", "Hari Proklamasi"},
    {"2026-08-25", "Tue", "LN", "Maulid Nabi Muhammad"},
    {"2026-12-24", "Thu", "CB", "Natal"},
    {"2026-12-25", "Fri", "LN", "Natal"},
};

std::string_view weekday_name(local_date d) {
    static constexpr std::string_view names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return names[date::weekday{d}.c_encoding()];
}

}  // namespace

TEST_CASE("the built-in sets are id-2026 and id-2027", "[holidays]") {
    const auto names = builtin_holiday_set_names();
    CHECK(std::vector<std::string_view>(names.begin(), names.end()) ==
          std::vector<std::string_view>{"id-2026", "id-2027"});
    CHECK_FALSE(builtin_holidays("id-2025"));
    CHECK_FALSE(builtin_holidays(""));
}

TEST_CASE("id-2026 is exactly the 25 rows of SKB 1497/2025", "[holidays]") {
    const auto set = builtin_holidays("id-2026");
    REQUIRE(set);
    REQUIRE(set->size() == std::size(table_2026));
    for (std::size_t i = 0; i < set->size(); ++i) {
        const auto& h = (*set)[i];
        const auto& row = table_2026[i];
        CAPTURE(row.date);
        CHECK(format_date(h.date) == row.date);
        CHECK(weekday_name(h.date) == row.weekday);
        CHECK(h.kind == (row.kind == "LN" ? holiday_kind::national : holiday_kind::collective));
        CHECK(h.name == row.name);
        CHECK_FALSE(h.provisional);
    }
    const auto collective = std::count_if(set->begin(), set->end(),
                                          [](const auto& h) { return h.kind == holiday_kind::collective; });
    CHECK(collective == 8);
}

TEST_CASE("id-2027 has 18 national days and 8 collective leave days, all provisional", "[holidays]") {
    const auto set = builtin_holidays("id-2027");
    REQUIRE(set);
    CHECK(set->size() == 26);
    CHECK(std::all_of(set->begin(), set->end(), [](const auto& h) { return h.provisional; }));
    CHECK(std::count_if(set->begin(), set->end(), [](const auto& h) { return h.kind == holiday_kind::national; }) == 18);
    CHECK(std::is_sorted(set->begin(), set->end(), [](const auto& a, const auto& b) { return a.date < b.date; }));

    auto find = [&](std::string_view d) {
        return std::find_if(set->begin(), set->end(), [&](const auto& h) { return format_date(h.date) == d; });
    };
    REQUIRE(find("2027-03-10") != set->end());
    CHECK(find("2027-03-10")->name == "Idul Fitri 1448 H");
    CHECK(find("2027-02-06")->name == "Tahun Baru Imlek 2578");
    CHECK(find("2027-12-26")->kind == holiday_kind::national);
    CHECK(find("2027-03-15")->kind == holiday_kind::collective);
    CHECK(find("2027-03-15")->name.rfind("Cuti bersama", 0) == 0);
    CHECK(find("2027-06-06")->name == "1 Muharam 1449 H");
    CHECK(find("2027-12-24")->kind == holiday_kind::collective);
}

TEST_CASE("holiday kinds have names", "[holidays]") {
    CHECK(jadwal::calendar::to_string(holiday_kind::national) == "national");
    CHECK(jadwal::calendar::to_string(holiday_kind::collective) == "collective");
    CHECK(jadwal::calendar::to_string(holiday_kind::regional) == "regional");
}

TEST_CASE("Ramadan 2026 is the official 19 February to 20 March", "[holidays][ramadan]") {
    const auto r = ramadan(2026);
    CHECK(r.days == days("2026-02-19", "2026-03-20"));
    CHECK_FALSE(r.estimated);
    // The arithmetic calendar is a day early that year.
    CHECK(estimated_ramadan(2026) == days("2026-02-18", "2026-03-19"));
}

TEST_CASE("Ramadan 2027 is an estimate around 8 February to 9 March", "[holidays][ramadan]") {
    const auto r = ramadan(2027);
    CHECK(r.estimated);
    CHECK(std::abs((r.days.first - day("2027-02-08")).count()) <= 1);
    CHECK(std::abs((r.days.last - day("2027-03-09")).count()) <= 1);
    CHECK(r.days == estimated_ramadan(2027));
}

TEST_CASE("in a year where two Ramadans begin, the first one is taken", "[holidays][ramadan]") {
    // 1451 H begins in early January 2030 and 1452 H in late December 2030.
    const auto r = estimated_ramadan(2030);
    CHECK(date::year_month_day{r.first}.year() == date::year{2030});
    CHECK(date::year_month_day{r.first}.month() == date::January);
    // Ramadan lasts 29 or 30 days.
    const auto length = (r.last - r.first).count() + 1;
    CHECK((length == 29 || length == 30));
}
