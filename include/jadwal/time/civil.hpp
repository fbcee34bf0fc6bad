// Small value types for civil (wall-clock) time: local dates, times of day,
// inclusive date ranges and clock ranges that may cross midnight. Part of the
// header-only layer (jadwal::model): it needs only Howard Hinnant's date.h.
#pragma once

#include <date/date.h>

#include <array>
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

namespace detail {

/// Reads exactly `digits` decimal digits at text[pos], advancing pos.
inline std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t digits) {
    if (pos + digits > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    pos += digits;
    return value;
}

inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// Appends `value` (0 <= value) with at least `width` digits, zero-padded.
inline void append_padded(std::string& out, long long value, int width) {
    std::array<char, 24> buf{};
    int n = 0;
    do {
        buf[static_cast<std::size_t>(n++)] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (n < width) buf[static_cast<std::size_t>(n++)] = '0';
    while (n > 0) out.push_back(buf[static_cast<std::size_t>(--n)]);
}

}  // namespace detail

/// Parses "HH:MM" (00:00..24:00; "7:30" too), or "HH.MM" as Indonesian writes
/// clock times ("07.30"). Returns nullopt on anything else.
[[nodiscard]] inline std::optional<time_of_day> parse_time_of_day(std::string_view text) {
    text = detail::trim_blanks(text);
    std::size_t pos = 0;
    const std::optional<int> h = detail::read_digits(text, pos, text.size() == 4 ? 1 : 2);
    if (!h || pos >= text.size() || (text[pos] != ':' && text[pos] != '.')) return std::nullopt;
    ++pos;
    const auto m = detail::read_digits(text, pos, 2);
    if (!m || pos != text.size()) return std::nullopt;
    if (*m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
    return time_of_day{minutes{*h * 60 + *m}};
}

/// Parses "HH:MM-HH:MM"; an end at or before the start means the range crosses midnight.
[[nodiscard]] inline std::optional<clock_range> parse_clock_range(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto a = parse_time_of_day(text.substr(0, dash));
    const auto b = parse_time_of_day(text.substr(dash + 1));
    if (!a || !b) return std::nullopt;
    if (a->since_midnight == minutes{1440}) return std::nullopt;  // 24:00 only ends a range
    clock_range r{a->since_midnight, b->since_midnight};
    if (r.end <= r.start) r.end += minutes{1440};
    return r;
}

/// Parses an ISO date "YYYY-MM-DD" that exists in the proleptic Gregorian calendar.
[[nodiscard]] inline std::optional<local_date> parse_date(std::string_view text) {
    text = detail::trim_blanks(text);
    std::size_t pos = 0;
    const auto y = detail::read_digits(text, pos, 4);
    if (!y || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    const auto m = detail::read_digits(text, pos, 2);
    if (!m || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    const auto d = detail::read_digits(text, pos, 2);
    if (!d || pos != text.size()) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return local_date{ymd};
}

/// "YYYY-MM-DD".
[[nodiscard]] inline std::string format_date(local_date d) {
    const date::year_month_day ymd{d};
    std::string out;
    out.reserve(10);
    detail::append_padded(out, static_cast<int>(ymd.year()), 4);
    out.push_back('-');
    detail::append_padded(out, static_cast<unsigned>(ymd.month()), 2);
    out.push_back('-');
    detail::append_padded(out, static_cast<unsigned>(ymd.day()), 2);
    return out;
}

/// "HH:MM-HH:MM"; an end past midnight is written as the next day's clock time, 24:00 stays 24:00.
[[nodiscard]] inline std::string format_clock_range(clock_range r) {
    const auto s = r.start.count();
    const auto e = r.end.count() > 1440 ? r.end.count() - 1440 : r.end.count();
    std::string out;
    out.reserve(11);
    detail::append_padded(out, s / 60, 2);
    out.push_back(':');
    detail::append_padded(out, s % 60, 2);
    out.push_back('-');
    detail::append_padded(out, e / 60, 2);
    out.push_back(':');
    detail::append_padded(out, e % 60, 2);
    return out;
}

/// Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" into an instant
/// (seconds must be 0: the grid is in minutes). nullopt on anything else.
[[nodiscard]] inline std::optional<instant> parse_instant(std::string_view text) {
    const auto t = text.find('T');
    if (t == std::string_view::npos) return std::nullopt;
    const auto day = parse_date(text.substr(0, t));
    if (!day) return std::nullopt;
    std::size_t pos = t + 1;
    const auto h = detail::read_digits(text, pos, 2);
    if (!h || pos >= text.size() || text[pos++] != ':') return std::nullopt;
    const auto m = detail::read_digits(text, pos, 2);
    if (!m || *h > 23 || *m > 59) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        const auto sec = detail::read_digits(text, pos, 2);
        if (!sec || *sec != 0) return std::nullopt;
    }
    if (pos >= text.size()) return std::nullopt;
    int offset = 0;
    if (text[pos] == 'Z') {
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        const int sign = text[pos++] == '-' ? -1 : 1;
        const auto oh = detail::read_digits(text, pos, 2);
        if (!oh || pos >= text.size() || text[pos++] != ':') return std::nullopt;
        const auto om = detail::read_digits(text, pos, 2);
        if (!om || *oh > 14 || *om > 59) return std::nullopt;
        offset = sign * (*oh * 60 + *om);
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;
    const auto local = day->time_since_epoch() + std::chrono::hours{*h} + minutes{*m};
    return instant{std::chrono::duration_cast<minutes>(local) - minutes{offset}};
}

}  // namespace jadwal::calendar
