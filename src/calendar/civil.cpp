#include <jadwal/calendar/civil.hpp>

#include <fmt/format.h>

#include <charconv>

namespace jadwal::calendar {
namespace {

// Reads exactly `digits` decimal digits at text[pos], advancing pos.
std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t digits) {
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

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<time_of_day> parse_time_of_day(std::string_view text) {
    text = trim(text);
    std::size_t pos = 0;
    // Accept "7:30" as well as "07:30".
    std::optional<int> h;
    if (text.size() == 4) {
        h = read_digits(text, pos, 1);
    } else {
        h = read_digits(text, pos, 2);
    }
    if (!h || pos >= text.size() || text[pos] != ':') return std::nullopt;
    ++pos;
    const auto m = read_digits(text, pos, 2);
    if (!m || pos != text.size()) return std::nullopt;
    if (*m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
    return time_of_day{minutes{*h * 60 + *m}};
}

std::optional<clock_range> parse_clock_range(std::string_view text) {
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

std::optional<local_date> parse_date(std::string_view text) {
    text = trim(text);
    std::size_t pos = 0;
    const auto y = read_digits(text, pos, 4);
    if (!y || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    const auto m = read_digits(text, pos, 2);
    if (!m || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    const auto d = read_digits(text, pos, 2);
    if (!d || pos != text.size()) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return local_date{ymd};
}

std::string format_date(local_date d) {
    const date::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string format_clock_range(clock_range r) {
    const auto s = r.start.count();
    // An end past midnight is written as the next day's clock time; 24:00 stays 24:00.
    const auto e = r.end.count() > 1440 ? r.end.count() - 1440 : r.end.count();
    return fmt::format("{:02}:{:02}-{:02}:{:02}", s / 60, s % 60, e / 60, e % 60);
}

}  // namespace jadwal::calendar

namespace jadwal::calendar {

std::optional<instant> parse_instant(std::string_view text) {
    const auto t = text.find('T');
    if (t == std::string_view::npos) return std::nullopt;
    const auto day = parse_date(text.substr(0, t));
    if (!day) return std::nullopt;
    std::size_t pos = t + 1;
    const auto h = read_digits(text, pos, 2);
    if (!h || pos >= text.size() || text[pos++] != ':') return std::nullopt;
    const auto m = read_digits(text, pos, 2);
    if (!m || *h > 23 || *m > 59) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        const auto sec = read_digits(text, pos, 2);
        if (!sec || *sec != 0) return std::nullopt;
    }
    if (pos >= text.size()) return std::nullopt;
    int offset = 0;
    if (text[pos] == 'Z') {
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        const int sign = text[pos++] == '-' ? -1 : 1;
        const auto oh = read_digits(text, pos, 2);
        if (!oh || pos >= text.size() || text[pos++] != ':') return std::nullopt;
        const auto om = read_digits(text, pos, 2);
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
