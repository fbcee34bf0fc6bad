// Shared resources across cohorts (hard 5): a venue holds one session at a
// time, only when open; a platform runs at most `concurrent` meetings at once;
// an instructor teaches one session at a time, inside their hours and
// availability, within their daily minutes and monthly days.
#include <jadwal/time/iso_week.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "context.hpp"

namespace jadwal::verify::detail {
namespace {

struct booking {
    interval span;
    std::uint32_t cohort = 0, session = 0;
};

void sort_bookings(std::vector<booking>& list) {
    std::sort(list.begin(), list.end(), [](const booking& a, const booking& b) {
        return std::tie(a.span.start, a.span.end, a.cohort, a.session) <
               std::tie(b.span.start, b.span.end, b.cohort, b.session);
    });
}

/// Calls clash(earlier, later) for each booking that starts before an earlier one ends.
template <class F>
void for_each_clash(const std::vector<booking>& sorted, F&& clash) {
    std::optional<std::size_t> longest;  // the booking seen so far that ends last
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        if (longest && sorted[k].span.start < sorted[*longest].span.end) clash(sorted[*longest], sorted[k]);
        if (!longest || sorted[k].span.end > sorted[*longest].span.end) longest = k;
    }
}

bool in_any(const std::vector<calendar::date_range>& ranges, local_date d) {
    return std::any_of(ranges.begin(), ranges.end(), [d](const calendar::date_range& r) { return r.contains(d); });
}

std::vector<local_date> days_of(interval i, const date::time_zone& z) {
    std::vector<local_date> out;
    for_each_day(i, z, [&](local_date d, std::int64_t) { out.push_back(d); });
    return out;
}

const interval_set* pattern_hours(const context& c, model::pattern_index p) {
    if (!p.valid() || p.value >= c.s.patterns.size()) return nullptr;
    return &c.cal.pattern_working(p, c.zone, 0, c.s.patterns[p.value].holidays, false);
}

void check_venues(context& c) {
    std::vector<std::vector<booking>> by_venue(c.s.venues.size());
    for (std::uint32_t ci = 0; ci < c.sol.cohorts.size(); ++ci) {
        const auto& co = c.sol.cohorts[ci];
        if (!c.cohort_ok[ci] || co.mode != model::delivery_mode::classroom) continue;
        if (!co.venue.valid() || co.venue.value >= c.s.venues.size()) continue;
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k)
            if (c.session_ok[ci][k])
                by_venue[co.venue.value].push_back({{co.sessions[k].start, co.sessions[k].end}, ci, k});
    }
    for (std::uint32_t v = 0; v < by_venue.size(); ++v) {
        auto& list = by_venue[v];
        if (list.empty()) continue;
        sort_bookings(list);
        const auto& venue = c.s.venues[v];
        for_each_clash(list, [&](const booking& a, const booking& b) {
            c.add("H5-VENUE-DOUBLE",
                  c.m.format("{} holds {} and {} at once", venue.id, c.describe_session(a.cohort, a.session),
                             c.describe_session(b.cohort, b.session)),
                  b.span.start, {"", c.sol.cohorts[b.cohort].id, venue.id});
        });
        const interval_set* open = pattern_hours(c, venue.pattern);
        for (const auto& b : list) {
            for (const auto d : days_of(b.span, c.zone))
                if (in_any(venue.closed, d)) {
                    c.add("H5-VENUE-CLOSED",
                          c.m.format("{} is closed on {} but holds {}", venue.id, c.date_text(d),
                                     c.describe_session(b.cohort, b.session)),
                          b.span.start, {"", c.sol.cohorts[b.cohort].id, venue.id});
                    break;
                }
            if (open && !open->covers(b.span))
                c.add("H5-VENUE-HOURS",
                      c.m.format("{} holds {} outside its opening hours ({})", venue.id,
                                 c.describe_session(b.cohort, b.session), c.s.patterns[venue.pattern.value].id),
                      b.span.start, {"", c.sol.cohorts[b.cohort].id, venue.id});
        }
    }
}

void check_platforms(context& c) {
    std::vector<std::vector<booking>> by_platform(c.s.platforms.size());
    for (std::uint32_t ci = 0; ci < c.sol.cohorts.size(); ++ci) {
        const auto& co = c.sol.cohorts[ci];
        if (!c.cohort_ok[ci] || co.mode != model::delivery_mode::online_live) continue;
        if (!co.platform.valid() || co.platform.value >= c.s.platforms.size()) continue;
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k)
            if (c.session_ok[ci][k])
                by_platform[co.platform.value].push_back({{co.sessions[k].start, co.sessions[k].end}, ci, k});
    }
    for (std::uint32_t p = 0; p < by_platform.size(); ++p) {
        const auto& list = by_platform[p];
        if (list.empty()) continue;
        const auto& platform = c.s.platforms[p];
        std::vector<interval> spans;
        spans.reserve(list.size());
        for (const auto& b : list) spans.push_back(b.span);
        std::int64_t peak = 0;
        for (const auto& crowd : over_limit(std::move(spans), platform.concurrent, peak)) {
            std::string who;
            for (const auto& b : list)
                if (b.span.start <= crowd.span.start && crowd.span.start < b.span.end)
                    who += (who.empty() ? "" : ", ") + c.sol.cohorts[b.cohort].id;
            c.add("H5-PLATFORM-CONCURRENT",
                  c.m.format("{} runs {} meetings at once on {} ({}); it has {} licence(s)", platform.id,
                             c.num(crowd.peak), c.span(crowd.span, c.zone), who, c.num(platform.concurrent)),
                  crowd.span.start, {"", "", platform.id});
        }
    }
}

void check_instructors(context& c) {
    std::vector<std::vector<booking>> by_instructor(c.s.instructors.size());
    for (std::uint32_t ci = 0; ci < c.sol.cohorts.size(); ++ci) {
        const auto& co = c.sol.cohorts[ci];
        if (!c.cohort_ok[ci] || co.mode == model::delivery_mode::self_paced) continue;
        std::set<std::uint32_t> seen;
        for (const auto i : co.instructors) {
            if (!i.valid() || i.value >= c.s.instructors.size() || !seen.insert(i.value).second) continue;
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k)
                if (c.session_ok[ci][k])
                    by_instructor[i.value].push_back({{co.sessions[k].start, co.sessions[k].end}, ci, k});
        }
    }
    for (std::uint32_t i = 0; i < by_instructor.size(); ++i) {
        auto& list = by_instructor[i];
        if (list.empty()) continue;
        sort_bookings(list);
        const auto& ins = c.s.instructors[i];
        for_each_clash(list, [&](const booking& a, const booking& b) {
            c.add("H5-INSTRUCTOR-DOUBLE",
                  c.m.format("{} teaches {} and {} at once", ins.id, c.describe_session(a.cohort, a.session),
                             c.describe_session(b.cohort, b.session)),
                  b.span.start, {"", c.sol.cohorts[b.cohort].id, ins.id});
        });
        const interval_set* hours = pattern_hours(c, ins.pattern);
        std::map<local_date, std::int64_t> per_day;
        std::map<local_date, instant> first_on_day;
        std::map<local_date, std::set<local_date>> evenings;  // ISO week's Monday -> evening dates
        for (const auto& b : list) {
            if (c.instructor_evening(ins, b.span)) {
                const local_date d = local_day(b.span.start, c.zone);
                evenings[calendar::week_monday(d)].insert(d);
            } else if (hours && !hours->covers(b.span))
                c.add("H5-INSTRUCTOR-HOURS",
                      c.m.format("{} teaches {} outside their working hours ({})", ins.id,
                                 c.describe_session(b.cohort, b.session), c.s.patterns[ins.pattern.value].id),
                      b.span.start, {"", c.sol.cohorts[b.cohort].id, ins.id});
            bool reported = false;
            for_each_day(b.span, c.zone, [&](local_date d, std::int64_t m) {
                per_day[d] += m;
                first_on_day.emplace(d, b.span.start);
                if (!reported && in_any(ins.unavailable, d)) {
                    reported = true;
                    c.add("H5-INSTRUCTOR-UNAVAILABLE",
                          c.m.format("{} is unavailable on {} but teaches {}", ins.id, c.date_text(d),
                                     c.describe_session(b.cohort, b.session)),
                          b.span.start, {"", c.sol.cohorts[b.cohort].id, ins.id});
                }
            });
        }
        if (ins.evenings)
            for (const auto& [monday, dates] : evenings)
                if (static_cast<int>(dates.size()) > ins.evenings->max_per_week)
                    c.add("H5-INSTRUCTOR-EVENINGS",
                          c.m.format("{} teaches on {} evenings in the week of {}, above their maximum of {}", ins.id,
                                     dates.size(), c.date_text(monday), ins.evenings->max_per_week),
                          calendar::to_instant(calendar::local_minute{*dates.begin()} + ins.evenings->hours.start,
                                               c.zone),
                          {"", "", ins.id});
        for (const auto& [d, m] : per_day)
            if (m > ins.max_minutes_per_day)
                c.add("H5-INSTRUCTOR-DAY-MINUTES",
                      c.m.format("{} teaches {} min on {}, above their daily maximum of {} min", ins.id, c.num(m),
                                 c.date_text(d), c.num(ins.max_minutes_per_day)),
                      first_on_day.at(d), {"", "", ins.id});
        if (ins.max_days_per_month) {
            std::map<std::pair<int, unsigned>, std::vector<local_date>> per_month;
            for (const auto& [d, m] : per_day) {
                const date::year_month_day ymd{d};
                per_month[{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month())}].push_back(d);
            }
            for (const auto& [ym, days] : per_month)
                if (static_cast<int>(days.size()) > *ins.max_days_per_month)
                    c.add("H5-INSTRUCTOR-MONTH-DAYS",
                          c.m.format("{} teaches on {} days in {}, above their maximum of {} days a month", ins.id,
                                     days.size(), c.month_text(ym.first, ym.second), *ins.max_days_per_month),
                          first_on_day.at(days.front()), {"", "", ins.id});
        }
    }
}

}  // namespace

void check_resources(context& c) {
    check_venues(c);
    check_platforms(c);
    check_instructors(c);
}

}  // namespace jadwal::verify::detail
