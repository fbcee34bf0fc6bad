// Small value types for civil (wall-clock) time: local dates, times of day,
// inclusive date ranges and clock ranges that may cross midnight.
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jadwal::calendar {

using minutes = std::chrono::minutes;
/// A calendar date in some civil time zone (which zone is the caller's context).
using local_date = date::local_days;
/// An absolute instant at minute resolution (UTC based).
using instant = date::sys_time<minutes>;
/// A wall-clock time at minute resolution, zone given by context.
using local_minute = date::local_time<minutes>;

/// Minutes since local midnight; 0..1440 (1440 only as an end).
struct time_of_day {
    minutes since_midnight{0};
    friend constexpr auto operator<=>(const time_of_day&, const time_of_day&) = default;
};

/// A clock range on one day. `end` is after `start`; a range written 21:00-07:00
/// crosses midnight and is stored with end = 31:00 (end - start <= 24 h).
struct clock_range {
    minutes start{0};
    minutes end{0};
    [[nodiscard]] constexpr minutes length() const { return end - start; }
    [[nodiscard]] constexpr bool crosses_midnight() const { return end > minutes{1440}; }
    friend constexpr bool operator==(const clock_range&, const clock_range&) = default;
};

/// Inclusive range of local dates, as people write them ("from 2026-07-06 to 2026-07-10").
struct date_range {
    local_date first{};
    local_date last{};
    [[nodiscard]] constexpr bool contains(local_date d) const { return first <= d && d <= last; }
    [[nodiscard]] constexpr bool ok() const { return first <= last; }
    friend constexpr bool operator==(const date_range&, const date_range&) = default;
};

/// Parses "HH:MM" (00:00..24:00). Returns nullopt on anything else.
[[nodiscard]] std::optional<time_of_day> parse_time_of_day(std::string_view text);
/// Parses "HH:MM-HH:MM"; an end at or before the start means the range crosses midnight.
[[nodiscard]] std::optional<clock_range> parse_clock_range(std::string_view text);
/// Parses an ISO date "YYYY-MM-DD" that exists in the proleptic Gregorian calendar.
[[nodiscard]] std::optional<local_date> parse_date(std::string_view text);

[[nodiscard]] std::string format_date(local_date d);
[[nodiscard]] std::string format_clock_range(clock_range r);

}  // namespace jadwal::calendar

namespace jadwal::calendar {
/// Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" into an instant
/// (seconds must be 0: the grid is in minutes). nullopt on anything else.
[[nodiscard]] std::optional<instant> parse_instant(std::string_view text);
}  // namespace jadwal::calendar
