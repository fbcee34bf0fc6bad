#include <jadwal/calendar/holidays.hpp>

#include <date/islamic.h>

#include <array>

namespace jadwal::calendar {
namespace {

struct row {
    int year;
    unsigned month, day;
    holiday_kind kind;
    std::string_view name;
};

constexpr auto LN = holiday_kind::national;
constexpr auto CB = holiday_kind::collective;

// SKB 1497/2025, confirmed for ASN by Keppres 42/2025 (see docs: domain facts).
// Names are the ones of the published table.
constexpr std::array id_2026{
    row{2026, 1, 1, LN, "Tahun Baru Masehi"},
    row{2026, 1, 16, LN, "Isra Mikraj"},
    row{2026, 2, 16, CB, "Imlek"},
    row{2026, 2, 17, LN, "Tahun Baru Imlek 2577"},
    row{2026, 3, 18, CB, "Nyepi"},
    row{2026, 3, 19, LN, "Hari Suci Nyepi (Saka 1948)"},
    row{2026, 3, 20, CB, "Idul Fitri"},
    row{2026, 3, 21, LN, "Idul Fitri 1447 H"},
    row{2026, 3, 22, LN, "Idul Fitri 1447 H"},
    row{2026, 3, 23, CB, "Idul Fitri"},
    row{2026, 3, 24, CB, "Idul Fitri"},
    row{2026, 4, 3, LN, "Wafat Yesus Kristus"},
    row{2026, 4, 5, LN, "Paskah"},
    row{2026, 5, 1, LN, "Hari Buruh"},
    row{2026, 5, 14, LN, "Kenaikan Yesus Kristus"},
    row{2026, 5, 15, CB, "Kenaikan Yesus Kristus"},
    row{2026, 5, 27, LN, "Idul Adha 1447 H"},
    row{2026, 5, 28, CB, "Idul Adha"},
    row{2026, 5, 31, LN, "Waisak 2570"},
    row{2026, 6, 1, LN, "Hari Lahir Pancasila"},
    row{2026, 6, 16, LN, "1 Muharam 1448 H"},
    row{2026, 8, 17, LN, "Hari Proklamasi"},
    row{2026, 8, 25, LN, "Maulid Nabi Muhammad"},
    row{2026, 12, 24, CB, "Natal"},
    row{2026, 12, 25, LN, "Natal"},
};

// SKB 1205/2026 as reported, not yet checked against the official text:
// every entry is provisional. 12-26 is itself unverified in the report.
constexpr std::array id_2027{
    row{2027, 1, 1, LN, "Tahun Baru Masehi"},
    row{2027, 1, 5, LN, "Isra Mikraj"},
    row{2027, 2, 5, CB, "Cuti bersama Tahun Baru Imlek"},
    row{2027, 2, 6, LN, "Tahun Baru Imlek 2578"},
    row{2027, 3, 8, LN, "Hari Suci Nyepi (Saka 1949)"},
    row{2027, 3, 9, CB, "Cuti bersama Hari Suci Nyepi"},
    row{2027, 3, 10, LN, "Idul Fitri 1448 H"},
    row{2027, 3, 11, LN, "Idul Fitri 1448 H"},
    row{2027, 3, 12, CB, "Cuti bersama Idul Fitri"},
    row{2027, 3, 15, CB, "Cuti bersama Idul Fitri"},
    row{2027, 3, 25, CB, "Cuti bersama Wafat Yesus Kristus"},
    row{2027, 3, 26, LN, "Wafat Yesus Kristus"},
    row{2027, 3, 28, LN, "Paskah"},
    row{2027, 5, 1, LN, "Hari Buruh"},
    row{2027, 5, 6, LN, "Kenaikan Yesus Kristus"},
    row{2027, 5, 17, LN, "Idul Adha 1448 H"},
    row{2027, 5, 18, CB, "Cuti bersama Idul Adha"},
    row{2027, 5, 19, CB, "Cuti bersama Waisak"},
    row{2027, 5, 20, LN, "Waisak 2571"},
    row{2027, 6, 1, LN, "Hari Lahir Pancasila"},
    row{2027, 6, 6, LN, "1 Muharam 1449 H"},
    row{2027, 8, 15, LN, "Maulid Nabi Muhammad"},
    row{2027, 8, 17, LN, "Hari Proklamasi"},
    row{2027, 12, 24, CB, "Cuti bersama Natal"},
    row{2027, 12, 25, LN, "Natal"},
    row{2027, 12, 26, LN, "Natal"},
};

constexpr std::array<std::string_view, 2> set_names{"id-2026", "id-2027"};

template <std::size_t N>
std::vector<holiday> expand(const std::array<row, N>& rows, bool provisional) {
    std::vector<holiday> out;
    out.reserve(N);
    for (const row& r : rows) {
        out.push_back(holiday{local_date{date::year{r.year} / date::month{r.month} / date::day{r.day}},
                              std::string{r.name}, r.kind, provisional});
    }
    return out;
}

}  // namespace

std::span<const std::string_view> builtin_holiday_set_names() { return set_names; }

std::optional<std::vector<holiday>> builtin_holidays(std::string_view set_name) {
    if (set_name == "id-2026") return expand(id_2026, false);
    if (set_name == "id-2027") return expand(id_2027, true);
    return std::nullopt;
}

date_range estimated_ramadan(int gregorian_year) {
    // The arithmetic (tabular) Islamic calendar drifts from the sighting by
    // about a day. An Islamic year is ~354 days, so Ramadan starts in a given
    // Gregorian year once, or twice (2030); the first one is taken.
    const date::sys_days jan1{date::year{gregorian_year} / 1 / 1};
    const int islamic_year = static_cast<int>(islamic::year_month_day{jan1}.year());
    for (int y = islamic_year; y <= islamic_year + 1; ++y) {
        const date::sys_days first{islamic::year{y} / islamic::month{9} / islamic::day{1}};
        if (date::year_month_day{first}.year() != date::year{gregorian_year}) continue;
        const date::sys_days shawwal{islamic::year{y} / islamic::month{10} / islamic::day{1}};
        return date_range{local_date{first.time_since_epoch()},
                          local_date{(shawwal - date::days{1}).time_since_epoch()}};
    }
    // Unreachable: some Ramadan starts in every Gregorian year.
    return date_range{};
}

season_dates ramadan(int gregorian_year) {
    // Official dates come from the government's sighting decision (sidang isbat).
    if (gregorian_year == 2026)
        return season_dates{date_range{local_date{date::year{2026} / 2 / 19}, local_date{date::year{2026} / 3 / 20}},
                            false};
    return season_dates{estimated_ramadan(gregorian_year), true};
}

}  // namespace jadwal::calendar
