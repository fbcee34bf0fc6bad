#include <jadwal/calendar/rrule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>

namespace jadwal::calendar {
namespace {

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (upper(a[i]) != upper(b[i])) return false;
    return true;
}

// Parses a whole string as a decimal int (optional sign when `allow_sign`).
// The comma-separated items of a rule value, each with its offset in the rule text.
std::vector<std::pair<std::string_view, std::size_t>> split_list(std::string_view value, std::size_t value_at) {
    std::vector<std::pair<std::string_view, std::size_t>> items;
    std::size_t at = 0;
    while (at <= value.size()) {
        const std::size_t comma = std::min(value.find(',', at), value.size());
        items.emplace_back(value.substr(at, comma - at), value_at + at);
        at = comma + 1;
    }
    return items;
}

std::optional<int> parse_int(std::string_view s, bool allow_sign) {
    if (s.empty()) return std::nullopt;
    bool negative = false;
    if (s.front() == '+' || s.front() == '-') {
        if (!allow_sign) return std::nullopt;
        negative = s.front() == '-';
        s.remove_prefix(1);
        if (s.empty()) return std::nullopt;
    }
    int value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return negative ? -value : value;
}

std::optional<date::weekday> parse_weekday_code(std::string_view s) {
    static constexpr std::array<std::string_view, 7> codes{"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    for (unsigned i = 0; i < codes.size(); ++i)
        if (iequals(s, codes[i])) return date::weekday{i};
    return std::nullopt;
}

int digit(char c) { return c - '0'; }
bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// UNTIL is a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally Z).
// jadwal's duties are whole-day occurrences, so only the date counts.
std::optional<local_date> parse_until(std::string_view s) {
    if (s.size() != 8 && s.size() != 15 && s.size() != 16) return std::nullopt;
    if (!all_digits(s.substr(0, 8))) return std::nullopt;
    if (s.size() > 8) {
        if (upper(s[8]) != 'T' || !all_digits(s.substr(9, 6))) return std::nullopt;
        if (s.size() == 16 && upper(s[15]) != 'Z') return std::nullopt;
        const int hh = digit(s[9]) * 10 + digit(s[10]);
        const int mm = digit(s[11]) * 10 + digit(s[12]);
        const int ss = digit(s[13]) * 10 + digit(s[14]);
        if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    }
    const int y = digit(s[0]) * 1000 + digit(s[1]) * 100 + digit(s[2]) * 10 + digit(s[3]);
    const unsigned m = static_cast<unsigned>(digit(s[4]) * 10 + digit(s[5]));
    const unsigned d = static_cast<unsigned>(digit(s[6]) * 10 + digit(s[7]));
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return local_date{ymd};
}

rrule_parse_result fail(std::string message, std::size_t offset) {
    rrule_parse_result r;
    r.error = std::move(message);
    r.offset = offset;
    return r;
}

}  // namespace

rrule_parse_result parse_rrule(std::string_view text) {
    rrule rule;
    std::size_t pos = 0;
    // People paste rules from .ics files; accept the property name in front.
    if (text.size() >= 6 && iequals(text.substr(0, 6), "RRULE:")) pos = 6;

    bool have_freq = false, have_interval = false, have_byday = false, have_bymonthday = false,
         have_count = false, have_until = false, have_wkst = false;
    std::size_t byday_at = 0, bymonthday_at = 0;

    while (pos <= text.size()) {
        const std::size_t semi = std::min(text.find(';', pos), text.size());
        const std::string_view part = text.substr(pos, semi - pos);
        const std::size_t part_at = pos;
        pos = semi + 1;
        if (part.empty()) continue;  // tolerate "A=1;;B=2" and a trailing ';'

        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos || eq == 0)
            return fail(fmt::format("expected NAME=VALUE, got '{}'", part), part_at);
        const std::string_view name = part.substr(0, eq);
        const std::string_view value = part.substr(eq + 1);
        const std::size_t value_at = part_at + eq + 1;

        auto once = [&](bool& seen) -> bool {
            if (seen) return false;
            seen = true;
            return true;
        };
        auto twice = [&] { return fail(fmt::format("{} is given twice", name), part_at); };

        if (iequals(name, "FREQ")) {
            if (!once(have_freq)) return twice();
            if (iequals(value, "DAILY")) {
                rule.freq = frequency::daily;
            } else if (iequals(value, "WEEKLY")) {
                rule.freq = frequency::weekly;
            } else if (iequals(value, "MONTHLY")) {
                rule.freq = frequency::monthly;
            } else {
                return fail(fmt::format("FREQ={} is not supported (use DAILY, WEEKLY or MONTHLY)", value),
                            value_at);
            }
        } else if (iequals(name, "INTERVAL")) {
            if (!once(have_interval)) return twice();
            const auto n = parse_int(value, false);
            if (!n || *n < 1)
                return fail(fmt::format("INTERVAL must be a whole number from 1 to {}, got '{}'",
                                        std::numeric_limits<int>::max(), value),
                            value_at);
            rule.interval = *n;
        } else if (iequals(name, "COUNT")) {
            if (!once(have_count)) return twice();
            const auto n = parse_int(value, false);
            if (!n || *n < 1)
                return fail(fmt::format("COUNT must be a whole number from 1 to {}, got '{}'",
                                        std::numeric_limits<int>::max(), value),
                            value_at);
            if (have_until) return fail("COUNT and UNTIL must not both be given", part_at);
            rule.count = *n;
        } else if (iequals(name, "UNTIL")) {
            if (!once(have_until)) return twice();
            const auto d = parse_until(value);
            if (!d)
                return fail(fmt::format("UNTIL must be a date YYYYMMDD or YYYYMMDDTHHMMSS[Z], got '{}'", value),
                            value_at);
            if (have_count) return fail("COUNT and UNTIL must not both be given", part_at);
            rule.until = *d;
        } else if (iequals(name, "BYDAY")) {
            if (!once(have_byday)) return twice();
            byday_at = part_at;
            for (const auto& [item, item_at] : split_list(value, value_at)) {
                if (item.size() < 2)
                    return fail(fmt::format("expected a weekday such as MO or -1FR, got '{}'", item), item_at);
                const auto wd = parse_weekday_code(item.substr(item.size() - 2));
                if (!wd) return fail(fmt::format("unknown weekday in '{}' (use MO, TU, WE, TH, FR, SA, SU)", item),
                                     item_at);
                int ordinal = 0;
                if (item.size() > 2) {
                    const auto n = parse_int(item.substr(0, item.size() - 2), true);
                    if (!n || *n == 0 || *n < -5 || *n > 5)
                        return fail(fmt::format("the ordinal in '{}' must be 1..5 or -5..-1", item), item_at);
                    ordinal = *n;
                }
                const weekday_rule r{*wd, ordinal};
                if (std::find(rule.by_day.begin(), rule.by_day.end(), r) == rule.by_day.end())
                    rule.by_day.push_back(r);
            }
        } else if (iequals(name, "BYMONTHDAY")) {
            if (!once(have_bymonthday)) return twice();
            bymonthday_at = part_at;
            for (const auto& [item, item_at] : split_list(value, value_at)) {
                const auto n = parse_int(item, true);
                if (!n || *n == 0 || *n < -31 || *n > 31)
                    return fail(fmt::format("BYMONTHDAY values must be 1..31 or -31..-1, got '{}'", item), item_at);
                if (std::find(rule.by_month_day.begin(), rule.by_month_day.end(), *n) == rule.by_month_day.end())
                    rule.by_month_day.push_back(*n);
            }
        } else if (iequals(name, "WKST")) {
            if (!once(have_wkst)) return twice();
            // Weeks start on Monday in jadwal (and in Indonesia); another week
            // start would change WEEKLY;INTERVAL>1 rules, so it is refused.
            if (!iequals(value, "MO"))
                return fail(fmt::format("WKST={} is not supported (weeks start on Monday; use WKST=MO or omit it)",
                                        value),
                            value_at);
        } else if (iequals(name, "BYSETPOS") || iequals(name, "BYMONTH") || iequals(name, "BYYEARDAY") ||
                   iequals(name, "BYWEEKNO") || iequals(name, "BYHOUR") || iequals(name, "BYMINUTE") ||
                   iequals(name, "BYSECOND")) {
            return fail(fmt::format("{} is not supported", name), part_at);
        } else {
            return fail(fmt::format("unknown rule part '{}'", name), part_at);
        }
    }

    if (!have_freq) return fail("FREQ is missing (FREQ=DAILY, WEEKLY or MONTHLY)", 0);
    if (rule.freq != frequency::monthly) {
        // RFC 5545: numeric BYDAY values only with MONTHLY (or YEARLY) rules.
        for (const auto& d : rule.by_day)
            if (d.ordinal != 0)
                return fail("BYDAY with an ordinal (such as 1MO or -1FR) needs FREQ=MONTHLY", byday_at);
    }
    if (rule.freq == frequency::weekly && have_bymonthday)
        return fail("BYMONTHDAY must not be used with FREQ=WEEKLY", bymonthday_at);

    rrule_parse_result ok;
    ok.rule = std::move(rule);
    return ok;
}

// ------------------------------------------------------------------ occurrences

namespace {

using day_number = std::int64_t;  // days since 1970-01-01; wide enough for any INTERVAL arithmetic

day_number number_of(local_date d) { return d.time_since_epoch().count(); }
local_date date_of(day_number n) { return local_date{date::days{static_cast<int>(n)}}; }

// Monday = 0 .. Sunday = 6.
unsigned iso_index(date::weekday w) { return (w.c_encoding() + 6) % 7; }

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Months since year 0, January = 0.
std::int64_t month_number(const date::year_month_day& ymd) {
    return static_cast<std::int64_t>(static_cast<int>(ymd.year())) * 12 + static_cast<unsigned>(ymd.month()) - 1;
}
date::year_month month_of(std::int64_t n) {
    const std::int64_t y = floor_div(n, 12);
    return date::year{static_cast<int>(y)} / date::month{static_cast<unsigned>(n - y * 12 + 1)};
}

// Does `d` satisfy one weekday rule? An ordinal counts within d's month.
bool matches(const weekday_rule& r, local_date d) {
    const date::weekday wd{d};
    if (wd != r.day) return false;
    if (r.ordinal == 0) return true;
    const date::year_month_day ymd{d};
    const unsigned dom = static_cast<unsigned>(ymd.day());
    if (r.ordinal > 0) return (dom - 1) / 7 + 1 == static_cast<unsigned>(r.ordinal);
    const unsigned last = static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
    return (last - dom) / 7 + 1 == static_cast<unsigned>(-r.ordinal);
}

bool matches_by_day(const rrule& rule, local_date d) {
    if (rule.by_day.empty()) return true;
    return std::any_of(rule.by_day.begin(), rule.by_day.end(), [&](const weekday_rule& r) { return matches(r, d); });
}

bool matches_by_month_day(const rrule& rule, local_date d) {
    if (rule.by_month_day.empty()) return true;
    const date::year_month_day ymd{d};
    const int dom = static_cast<int>(static_cast<unsigned>(ymd.day()));
    const int last = static_cast<int>(static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day()));
    for (int n : rule.by_month_day) {
        if (n > 0 && n == dom) return true;
        if (n < 0 && last + 1 + n == dom) return true;
    }
    return false;
}

// Candidate dates of one period (unique; sorted before use); at most 31 of them.
struct candidates {
    std::array<day_number, 31> days{};
    std::size_t n = 0;
    void push(day_number d) {
        // Rules such as BYDAY=MO,1MO name a date twice; keeping dates unique
        // also bounds n by the days of one month.
        for (std::size_t i = 0; i < n; ++i)
            if (days[i] == d) return;
        days[n++] = d;
    }
    void sort() { std::sort(days.begin(), days.begin() + static_cast<std::ptrdiff_t>(n)); }
};

void daily_candidates(const rrule& rule, day_number day, candidates& out) {
    const local_date d = date_of(day);
    if (matches_by_day(rule, d) && matches_by_month_day(rule, d)) out.push(day);
}

void weekly_candidates(const rrule& rule, day_number monday, date::weekday dtstart_wd, candidates& out) {
    for (day_number i = 0; i < 7; ++i) {
        const local_date d = date_of(monday + i);
        const bool day_ok = rule.by_day.empty() ? date::weekday{d} == dtstart_wd : matches_by_day(rule, d);
        if (day_ok && matches_by_month_day(rule, d)) out.push(monday + i);
    }
}

void monthly_candidates(const rrule& rule, std::int64_t month, unsigned dtstart_dom, candidates& out) {
    const date::year_month ym = month_of(month);
    const unsigned last = static_cast<unsigned>((ym / date::last).day());
    const day_number first_day = number_of(local_date{ym / 1});
    if (!rule.by_month_day.empty()) {
        // BYMONTHDAY expands; BYDAY, if present, then limits.
        for (int n : rule.by_month_day) {
            const int dom = n > 0 ? n : static_cast<int>(last) + 1 + n;
            if (dom < 1 || dom > static_cast<int>(last)) continue;  // e.g. 31 in April: no occurrence
            const day_number day = first_day + dom - 1;
            if (matches_by_day(rule, date_of(day))) out.push(day);
        }
    } else if (!rule.by_day.empty()) {
        for (const weekday_rule& r : rule.by_day) {
            // The first such weekday in the month, as a day of month (1..7).
            const unsigned first_wd_dom =
                1 + (r.day - date::weekday{local_date{ym / 1}}).count();
            if (r.ordinal == 0) {
                for (unsigned dom = first_wd_dom; dom <= last; dom += 7) out.push(first_day + dom - 1);
            } else if (r.ordinal > 0) {
                const unsigned dom = first_wd_dom + 7 * static_cast<unsigned>(r.ordinal - 1);
                if (dom <= last) out.push(first_day + dom - 1);
            } else {
                const unsigned last_wd_dom =
                    last - (date::weekday{local_date{ym / date::last}} - r.day).count();
                const unsigned back = 7 * static_cast<unsigned>(-r.ordinal - 1);
                if (last_wd_dom > back) out.push(first_day + (last_wd_dom - back) - 1);
            }
        }
    } else if (dtstart_dom <= last) {
        // RFC 5545: a rule that would give an invalid date (31 February) skips that month.
        out.push(first_day + dtstart_dom - 1);
    }
    out.sort();
}

}  // namespace

std::vector<local_date> occurrences(const rrule& rule, local_date dtstart, date_range window,
                                    const std::vector<local_date>& except) {
    std::vector<local_date> out;
    if (!window.ok()) return out;
    // Nothing after min(UNTIL, window end) matters; nothing before dtstart occurs.
    local_date limit = window.last;
    if (rule.until && *rule.until < limit) limit = *rule.until;
    if (limit < dtstart) return out;
    if (rule.count && *rule.count <= 0) return out;

    std::vector<local_date> skip = except;
    std::sort(skip.begin(), skip.end());

    const std::int64_t step = std::max(rule.interval, 1);
    const day_number start = number_of(dtstart);
    const day_number end = number_of(limit);
    const day_number from = std::max(start, number_of(window.first));
    std::int64_t produced = 0;

    // Returns false once the rule is exhausted (past the limit or COUNT reached).
    auto take = [&](day_number d) -> bool {
        if (d < start) return true;
        if (d > end) return false;
        if (rule.count && produced >= *rule.count) return false;
        ++produced;
        if (d >= from && !std::binary_search(skip.begin(), skip.end(), date_of(d))) out.push_back(date_of(d));
        return true;
    };

    // Without COUNT, periods wholly before the window cannot matter, so the
    // loop starts at the period containing the window's first day. With COUNT
    // it starts at dtstart's period so the count is right; either way the
    // number of periods visited is bounded by the span up to `end`, whatever
    // INTERVAL and COUNT say.
    switch (rule.freq) {
        case frequency::daily: {
            std::int64_t k = rule.count ? 0 : floor_div(from - start, step);
            for (;; ++k) {
                const day_number day = start + k * step;
                if (day > end) break;
                candidates c;
                daily_candidates(rule, day, c);
                bool more = true;
                for (std::size_t i = 0; i < c.n && more; ++i) more = take(c.days[i]);
                if (!more) break;
            }
            break;
        }
        case frequency::weekly: {
            // INTERVAL counts weeks from the Monday of dtstart's week.
            const day_number monday0 = start - iso_index(date::weekday{dtstart});
            const std::int64_t week_step = 7 * step;
            std::int64_t k = rule.count ? 0 : std::max<std::int64_t>(0, floor_div(from - monday0, week_step));
            for (;; ++k) {
                const day_number monday = monday0 + k * week_step;
                if (monday > end) break;
                candidates c;
                weekly_candidates(rule, monday, date::weekday{dtstart}, c);
                bool more = true;
                for (std::size_t i = 0; i < c.n && more; ++i) more = take(c.days[i]);
                if (!more) break;
            }
            break;
        }
        case frequency::monthly: {
            const date::year_month_day start_ymd{dtstart};
            const std::int64_t month0 = month_number(start_ymd);
            const std::int64_t last_month = month_number(date::year_month_day{limit});
            const std::int64_t from_month = month_number(date::year_month_day{date_of(from)});
            std::int64_t k = rule.count ? 0 : std::max<std::int64_t>(0, floor_div(from_month - month0, step));
            for (;; ++k) {
                const std::int64_t month = month0 + k * step;
                if (month > last_month) break;
                candidates c;
                monthly_candidates(rule, month, static_cast<unsigned>(start_ymd.day()), c);
                bool more = true;
                for (std::size_t i = 0; i < c.n && more; ++i) more = take(c.days[i]);
                if (!more) break;
            }
            break;
        }
    }
    return out;
}

}  // namespace jadwal::calendar
