// Each person's training time against their own calendar: never two things
// at once (hard 1), never while unavailable (hard 2), within the daily and
// weekly limits (hard 7); and how much of it falls inside and outside their
// working time (the burden metrics and the unit staffing check).
#include <date/tz.h>
#include <fmt/format.h>
#include <jadwal/calendar/assigned_duty.hpp>
#include <jadwal/time/iso_week.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "context.hpp"

namespace jadwal::verify::detail {
namespace {

/// A unit's critical weights as disjoint segments (weight = the largest of the periods covering it).
struct weight_segment {
    interval span;
    double weight = 1;
};

std::vector<weight_segment> critical_segments(const context& c, model::unit_index u) {
    const auto periods = c.cal.critical_periods(u);
    std::vector<instant> cuts;
    for (const auto& [span, w] : periods) {
        cuts.push_back(span.start);
        cuts.push_back(span.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<weight_segment> out;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const interval seg{cuts[k], cuts[k + 1]};
        std::optional<double> w;
        for (const auto& [span, weight] : periods)
            if (span.start <= seg.start && seg.end <= span.end) w = w ? std::max(*w, weight) : weight;
        if (w && *w != 1.0) out.push_back({seg, *w});
    }
    return out;
}

double weighted_minutes(const interval_set& set, const std::vector<weight_segment>& segments) {
    double out = static_cast<double>(set.total().count());
    for (const auto& seg : segments) {
        const auto inside = set.clip(seg.span).total().count();
        out += (seg.weight - 1.0) * static_cast<double>(inside);
    }
    return out;
}


std::string reasons_for(const context& c, model::employee_index e, interval span, const date::time_zone& z) {
    const calendar::date_range days{local_day(span.start, z), local_day(span.end - minutes{1}, z)};
    std::set<std::string> labels;
    for (const auto& piece : c.cal.explain(e, days)) {
        // Breaks are reported apart (H2-BREAK), not as a reason for being unavailable.
        if (piece.kind == calendar::time_kind::working || piece.kind == calendar::time_kind::break_time) continue;
        if (piece.span.start < span.end && span.start < piece.span.end) labels.insert(piece.label);
    }
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : "; ") + c.label_words(l);
    return out.empty() ? std::string(c.m.tr("unavailable")) : out;
}

class person_checker {
public:
    person_checker(context& c, std::uint32_t ei, const std::vector<weight_segment>& weights)
        : c_(c), e_{ei}, emp_(c.s.employees[ei]), z_(c.zone_of(e_)), weights_(weights) {}

    void run() {
        auto& items = c_.items[e_.value];
        std::sort(items.begin(), items.end(), [](const item& a, const item& b) {
            return std::tie(a.span.start, a.span.end, a.cohort, a.index) <
                   std::tie(b.span.start, b.span.end, b.cohort, b.index);
        });
        overlaps(items);
        const calendar::availability av = availability(items);
        std::vector<interval> spans;
        spans.reserve(items.size());
        for (const auto& it : items) {
            spans.push_back(it.span);
            if (av.unavailable.overlaps(it.span))
                c_.add("H2-UNAVAILABLE",
                       c_.m.format("{} is unavailable ({}) during {}", c_.who(e_), reasons_for(c_, e_, it.span, z_),
                                   c_.describe(it)),
                       it.span.start, about(it));
            else if (c_.pol.protect_breaks && av.breaks.overlaps(it.span))
                c_.add(
                    "H2-BREAK",
                    c_.m.format("{} is on a break ({}) during {}", c_.who(e_), break_label(it.span), c_.describe(it)),
                    it.span.start, about(it));
        }
        const interval_set all = interval_set::from_unsorted(std::move(spans));
        interval_set inside = all.intersect(av.working);
        // Break minutes are neither working time nor after hours (docs/model.md "Breaks"),
        // nor are assigned-duty minutes (docs/model.md "Assigned duty").
        interval_set outside = all.subtract(av.working).subtract(av.breaks);
        if (c_.pol.assigned_duty) {
            const interval_set duty = outside.intersect(
                calendar::assigned_duty_time(c_.s, *c_.pol.assigned_duty, e_, covered(items), av));
            outside = outside.subtract(duty);
            duty_days(duty);
        }
        c_.disruption_minutes[e_.value] = inside.total().count();
        c_.disruption_weighted[e_.value] = weighted_minutes(inside, weights_);
        c_.after_hours_minutes[e_.value] = outside.total().count();
        limits(all, outside);
        c_.training[e_.value] = all;
        c_.absent[e_.value] = std::move(inside);
    }

private:
    std::string break_label(interval span) const {
        const calendar::date_range days{local_day(span.start, z_),
                                        local_day(span.end - minutes{1}, z_)};
        for (const auto& piece : c_.cal.explain(e_, days))
            if (piece.kind == calendar::time_kind::break_time && piece.span.start < span.end &&
                span.start < piece.span.end)
                return c_.span(piece.span, z_);
        return std::string(c_.m.tr("break"));
    }

    context::about about(const item& it) const {
        return {emp_.id, it.cohort == none ? std::string{} : c_.sol.cohorts[it.cohort].id, ""};
    }

    void overlaps(const std::vector<item>& items) {
        std::optional<std::size_t> longest;
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (longest && items[k].span.start < items[*longest].span.end)
                c_.add("H1-OVERLAP",
                       c_.m.format("{} is in {} and in {} at once", c_.who(e_), c_.describe(items[*longest]),
                                   c_.describe(items[k])),
                       items[k].span.start, about(items[k]));
            if (!longest || items[k].span.end > items[*longest].span.end) longest = k;
        }
    }

    // The person's calendar over the days their training touches (the engine
    // looks back for night shifts and rest running into the first), kept within
    // a week of the horizon: training further out is already reported as
    // outside the horizon.
    calendar::availability availability(const std::vector<item>& items) const {
        const calendar::date_range days = covered(items);
        if (!days.ok()) return {};
        return c_.cal.employee(e_, days);
    }
    calendar::date_range covered(const std::vector<item>& items) const {
        instant lo = items.front().span.start, hi = items.front().span.end;
        for (const auto& it : items) hi = std::max(hi, it.span.end);
        calendar::date_range days{local_day(lo, z_), local_day(hi, z_)};
        days.first = std::max(days.first, c_.s.horizon.first - date::days{7});
        days.last = std::min(days.last, c_.s.horizon.last + date::days{7});
        return days;
    }

    /// The person's assigned-duty dates, and at most `max_days_per_month` of them in a calendar month.
    void duty_days(const interval_set& duty) {
        auto& dates = c_.duty_dates[e_.value];
        for (const auto& i : duty)
            for_each_day(i, z_, [&](local_date d, std::int64_t m) {
                c_.duty_minutes += m;
                if (dates.empty() || dates.back() != d) dates.push_back(d);
            });
        const int limit = c_.pol.assigned_duty->max_days_per_month;
        std::map<date::year_month, std::vector<local_date>> by_month;
        for (const auto d : dates) {
            const date::year_month_day ymd{d};
            by_month[ymd.year() / ymd.month()].push_back(d);
        }
        for (const auto& [ym, ds] : by_month) {
            if (static_cast<int>(ds.size()) <= limit) continue;
            std::string list;
            for (const auto d : ds) list += (list.empty() ? "" : ", ") + c_.date_text(d);
            const std::string month = c_.month_text(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
            c_.add("H7-DUTY-DAYS",
                   c_.m.format("{} trains as assigned duty on {} days in {}, above the policy's {} a month: {}",
                               c_.who(e_), ds.size(), month, limit, list),
                   calendar::to_instant(calendar::local_minute{ds.front()}, z_), {emp_.id, "", ""});
        }
    }

    void limits(const interval_set& all, const interval_set& outside) {
        const auto& p = c_.pol;
        std::map<local_date, std::int64_t> day_total, day_after;
        std::map<local_date, std::int64_t> week_after;
        std::map<local_date, instant> first_on_day;
        for (const auto& i : all)
            for_each_day(i, z_, [&](local_date d, std::int64_t m) {
                day_total[d] += m;
                first_on_day.emplace(d, std::max(i.start, calendar::to_instant(calendar::local_minute{d}, z_)));
            });
        for (const auto& i : outside)
            for_each_day(i, z_, [&](local_date d, std::int64_t m) {
                day_after[d] += m;
                week_after[calendar::week_monday(d)] += m;
            });
        for (const auto& [week, m] : week_after)
            c_.max_after_hours_week_of[e_.value] = std::max(c_.max_after_hours_week_of[e_.value], m);
        c_.after_hours_weeks[e_.value].assign(week_after.begin(), week_after.end());
        c_.max_after_hours_week = std::max(c_.max_after_hours_week, c_.max_after_hours_week_of[e_.value]);
        if (p.max_training_minutes_per_day)
            for (const auto& [d, m] : day_total)
                if (m > *p.max_training_minutes_per_day)
                    c_.add("H7-DAY-MINUTES",
                           c_.m.format("{} trains {} min on {}, above the daily maximum of {} min", c_.who(e_),
                                       c_.num(m), c_.date_text(d), c_.num(*p.max_training_minutes_per_day)),
                           first_on_day.at(d), {emp_.id, "", ""});
        if (p.max_after_hours_minutes_per_day)
            for (const auto& [d, m] : day_after)
                if (m > *p.max_after_hours_minutes_per_day)
                    c_.add(
                        "H7-AFTER-HOURS-DAY",
                        c_.m.format("{} trains {} min outside working time on {}, above the daily maximum of {} min",
                                    c_.who(e_), c_.num(m), c_.date_text(d), c_.num(*p.max_after_hours_minutes_per_day)),
                        first_on_day.count(d) ? std::optional<instant>{first_on_day.at(d)} : std::nullopt,
                        {emp_.id, "", ""});
        if (p.max_after_hours_minutes_per_week)
            for (const auto& [week, m] : week_after)
                if (m > *p.max_after_hours_minutes_per_week)
                    c_.add("H7-AFTER-HOURS-WEEK",
                           c_.m.format("{} trains {} min outside working time in the week of {}, above the weekly "
                                       "maximum of {} min",
                                       c_.who(e_), c_.num(m), c_.date_text(week),
                                       c_.num(*p.max_after_hours_minutes_per_week)),
                           calendar::to_instant(calendar::local_minute{week}, z_), {emp_.id, "", ""});
    }

    context& c_;
    model::employee_index e_;
    const model::employee& emp_;
    const date::time_zone& z_;
    const std::vector<weight_segment>& weights_;
};

}  // namespace

void check_people(context& c) {
    c.duty_dates.assign(c.s.employees.size(), {});
    c.max_after_hours_week_of.assign(c.s.employees.size(), 0);
    c.after_hours_weeks.assign(c.s.employees.size(), {});
    std::vector<std::optional<std::vector<weight_segment>>> weights(c.s.units.size());
    for (std::uint32_t e = 0; e < c.s.employees.size(); ++e) {
        if (c.items[e].empty()) continue;
        const auto u = c.s.employees[e].unit;
        if (!weights[u.value]) weights[u.value] = critical_segments(c, u);
        person_checker{c, e, *weights[u.value]}.run();
    }
}

}  // namespace jadwal::verify::detail
