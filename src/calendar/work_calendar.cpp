#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/calendar/holidays.hpp>
#include <jadwal/calendar/rrule.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <tuple>
#include <unordered_map>

// Decisions of the calendar engine (problem.md "Work calendars"):
//  - Local dates and clock times are in the employee's zone (scenario::zone_of):
//    an employee in Asia/Makassar in a Jakarta unit works the pattern's clock
//    hours, and attends the unit's duties, in Makassar time.
//  - A clock range belongs to the local date it starts on, also when it runs
//    past midnight. Holidays and leave remove the ranges that *start* on their
//    dates: a night shift starting the evening before a holiday is worked in
//    full, one starting on the holiday is not worked at all.
//  - Holiday rules: `all` removes work on national, regional and collective
//    days; `national_only` (or employee.works_collective_leave) keeps
//    collective-leave days; `none` removes nothing. Independently, every
//    holiday date of any kind is wholly unavailable for training, for
//    everyone, and so is every leave day.
//  - A shift with `night` set is followed by `rest_after_night_shift_minutes`
//    of unavailable rest from the instant it ends, unless the shift itself was
//    removed (holiday or leave on its start date).
//  - Duties are busy at their clock time on each occurrence date, whether in
//    working time or not; a duty time crossing midnight runs into the next day.
namespace jadwal::calendar {

// ------------------------------------------------------------------ time zones

local_date local_day(instant t, const date::time_zone& zone) { return date::floor<date::days>(zone.to_local(t)); }

instant to_instant(local_minute t, const date::time_zone& zone) {
    const date::local_info info = zone.get_info(t);
    switch (info.result) {
        case date::local_info::unique:
        case date::local_info::ambiguous:
            // For an overlap `first` is the earlier offset, so this is the earlier instant.
            return date::floor<minutes>(date::sys_seconds{t.time_since_epoch() - info.first.offset});
        case date::local_info::nonexistent:
            // The local time falls in a gap: the first valid instant after it.
            return date::ceil<minutes>(info.second.begin);
    }
    return date::floor<minutes>(date::sys_seconds{t.time_since_epoch() - info.first.offset});
}

std::string format_instant(instant t, const date::time_zone& zone) {
    const date::sys_info info = zone.get_info(t);
    const date::local_seconds local{t.time_since_epoch() + info.offset};
    const date::local_days day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const auto tod = (local - day).count();  // seconds since local midnight
    auto off = info.offset.count();
    const char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", static_cast<int>(ymd.year()),
                                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), tod / 3600,
                                  tod / 60 % 60, tod % 60, sign, off / 3600, off / 60 % 60);
    // Historical local mean times have offsets in seconds; ISO 8601 can say so.
    if (off % 60 != 0) out += fmt::format(":{:02}", off % 60);
    return out;
}

namespace {

using model::employee_index;
using model::pattern_index;
using model::unit_index;

// Converts many local minutes of one zone quickly: while a conversion lies
// well inside one period of constant offset (for Indonesian zones: since
// the 1960s), it is a subtraction; near a transition it falls back to
// to_instant, which resolves gaps and overlaps.
class local_converter {
public:
    explicit local_converter(const date::time_zone& zone) : zone_(&zone) {}

    instant operator()(local_minute t) {
        if (!(lo_ <= t && t < hi_)) refresh(t);
        if (lo_ <= t && t < hi_) return instant{t.time_since_epoch() - offset_};
        return to_instant(t, *zone_);
    }
    instant operator()(local_date d, minutes since_midnight = minutes{0}) {
        return (*this)(local_minute{d} + since_midnight);
    }
    const date::time_zone& zone() const { return *zone_; }

private:
    void refresh(local_minute t) {
        lo_ = hi_ = local_minute{};
        const date::local_info info = zone_->get_info(t);
        if (info.result != date::local_info::unique) return;
        const date::sys_info& si = info.first;
        if (si.offset % std::chrono::minutes{1} != std::chrono::seconds{0}) return;
        offset_ = std::chrono::duration_cast<minutes>(si.offset);
        // Offsets never jump by more than a day, so two days inside the
        // period no other offset can claim a local time.
        constexpr auto margin = date::days{2};
        const auto begin = date::ceil<minutes>(si.begin) + offset_ + margin;
        const auto end = date::floor<minutes>(si.end) + offset_ - margin;
        if (begin >= end) return;
        lo_ = local_minute{begin.time_since_epoch()};
        hi_ = local_minute{end.time_since_epoch()};
    }

    const date::time_zone* zone_;
    minutes offset_{0};
    local_minute lo_{}, hi_{};
};

interval whole_days(local_converter& conv, local_date first, local_date last) {
    return interval{conv(first), conv(last + date::days{1})};
}

// Holiday kinds present on a date, as bits.
enum : std::uint8_t { hk_national = 1, hk_collective = 2, hk_regional = 4 };

std::uint8_t bit_of(holiday_kind k) {
    switch (k) {
        case holiday_kind::national: return hk_national;
        case holiday_kind::collective: return hk_collective;
        case holiday_kind::regional: return hk_regional;
    }
    return hk_national;
}

// Which holidays remove working time, after normalising (rule, works_collective_leave).
struct removal {
    bool national = true;    // national and regional holidays
    bool collective = true;  // collective leave (cuti bersama)
    friend bool operator==(const removal&, const removal&) = default;
};

removal removal_of(model::holiday_rule rule, bool works_collective_leave) {
    switch (rule) {
        case model::holiday_rule::all: return {true, !works_collective_leave};
        case model::holiday_rule::national_only: return {true, false};
        case model::holiday_rule::none: return {false, false};
    }
    return {true, true};
}

struct expansion_key {
    std::uint32_t pattern = 0;
    const date::time_zone* zone = nullptr;
    std::int64_t offset = 0;  // rotation offset modulo the cycle length; 0 without rotation
    removal remove;
    friend bool operator==(const expansion_key&, const expansion_key&) = default;
};

struct expansion_key_hash {
    std::size_t operator()(const expansion_key& k) const noexcept {
        std::size_t h = std::hash<std::uint32_t>{}(k.pattern);
        auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
        mix(std::hash<const void*>{}(k.zone));
        mix(std::hash<std::int64_t>{}(k.offset));
        mix(static_cast<std::size_t>(k.remove.national) * 2 + static_cast<std::size_t>(k.remove.collective));
        return h;
    }
};

struct unit_zone_key {
    std::uint32_t unit = 0;
    const date::time_zone* zone = nullptr;
    friend bool operator==(const unit_zone_key&, const unit_zone_key&) = default;
};

struct unit_zone_key_hash {
    std::size_t operator()(const unit_zone_key& k) const noexcept {
        return std::hash<std::uint32_t>{}(k.unit) * 31 + std::hash<const void*>{}(k.zone);
    }
};

// A pattern's working time over a span of dates, in one zone, for one
// rotation offset and one holiday removal. Pieces are kept per start date so
// that leave (whole days) can drop the pieces starting on a leave day without
// re-expanding the pattern.
struct expansion {
    struct piece {
        interval span;
        std::uint32_t label = 0;  // index into pattern_info::labels
    };
    local_date first{};  // the date of day index 0
    std::vector<piece> work;
    std::vector<std::uint32_t> work_by_day;  // work[work_by_day[i] .. work_by_day[i+1]) start on day i
    std::vector<interval> rest;               // rest after night shifts, by the shift's start day
    std::vector<std::uint32_t> rest_by_day;
    std::vector<piece> brk;                   // breaks, by their day
    std::vector<std::uint32_t> brk_by_day;
    interval_set working;  // union of `work`
    interval_set resting;  // union of `rest`
    interval_set breaks;   // union of `brk`

    [[nodiscard]] std::size_t days() const { return work_by_day.empty() ? 0 : work_by_day.size() - 1; }
};

// What the engine needs of a pattern, resolved once.
struct pattern_info {
    struct variant {
        const model::weekly_hours* hours = nullptr;
        std::vector<date_range> ranges;  // of the seasons with the variant's id
        std::uint32_t label = 0;
    };
    std::vector<variant> variants;
    std::vector<const model::shift*> cycle;    // per cycle entry; nullptr = day off
    std::vector<std::uint32_t> cycle_label;    // per cycle entry
    std::vector<std::string> labels;           // 0: the pattern id
};

struct day_flags {
    local_date day{};
    std::uint8_t kinds = 0;
};

std::int64_t positive_mod(std::int64_t a, std::int64_t n) {
    const std::int64_t r = a % n;
    return r < 0 ? r + n : r;
}

bool on_leave(const model::employee& e, local_date d) {
    for (const auto& l : e.leaves)
        if (l.days.contains(d)) return true;
    return false;
}

bool any_leave_in(const model::employee& e, date_range days) {
    for (const auto& l : e.leaves)
        if (l.days.first <= days.last && days.first <= l.days.last) return true;
    return false;
}

// Calls emit(interval) for every occurrence of a duty on the dates `days`
// (the caller includes the day before its range, for duties crossing midnight).
template <class Emit>
void expand_duty(const model::duty& d, date_range days, local_converter& conv, Emit&& emit) {
    if (d.time.end <= d.time.start) return;
    auto one = [&](local_date on) { emit(interval{conv(on, d.time.start), conv(on, d.time.end)}); };
    if (!d.rule) {
        if (days.contains(d.start)) one(d.start);
        return;
    }
    for (local_date on : occurrences(*d.rule, d.start, days, d.except)) one(on);
}

}  // namespace

// ------------------------------------------------------------------ impl

struct work_calendar::impl {
    const model::scenario& s;
    // Days before a range whose shifts (and the rest after them) can reach into it.
    int lookback_days = 2;
    std::vector<day_flags> holidays;  // sorted by day, kinds merged
    std::vector<pattern_info> patterns;

    mutable std::shared_mutex mutex;
    mutable std::unordered_map<expansion_key, std::unique_ptr<expansion>, expansion_key_hash> expansions;
    mutable std::unordered_map<const date::time_zone*, std::unique_ptr<interval_set>> holiday_sets;
    mutable std::unordered_map<unit_zone_key, std::unique_ptr<interval_set>, unit_zone_key_hash> unit_duties;

    explicit impl(const model::scenario& sc) : s(sc) {
        const int rest = std::max(0, s.rest_after_night_shift_minutes);
        // A shift starts before 24:00 and lasts at most 24 h, so it ends within two
        // days of its start date; the rest adds ceil(rest / 1 day); one more day
        // absorbs any offset change of the zone.
        lookback_days = 2 + (rest + 1439) / 1440;

        for (const auto& h : s.holidays) {
            holidays.push_back({h.date, bit_of(h.kind)});
        }
        std::sort(holidays.begin(), holidays.end(), [](const day_flags& a, const day_flags& b) { return a.day < b.day; });
        std::size_t n = 0;
        for (const auto& h : holidays) {
            if (n > 0 && holidays[n - 1].day == h.day) {
                holidays[n - 1].kinds |= h.kinds;
            } else {
                holidays[n++] = h;
            }
        }
        holidays.resize(n);

        patterns.reserve(s.patterns.size());
        for (const auto& p : s.patterns) patterns.push_back(resolve(p));
    }

    pattern_info resolve(const model::work_pattern& p) const {
        pattern_info info;
        info.labels.push_back(p.id);
        for (const auto& [season_id, hours] : p.seasonal) {
            pattern_info::variant v;
            v.hours = &hours;
            for (const auto& season : s.seasons)
                if (season.id == season_id) v.ranges.insert(v.ranges.end(), season.ranges.begin(), season.ranges.end());
            v.label = static_cast<std::uint32_t>(info.labels.size());
            info.labels.push_back(p.id + "/" + season_id);
            info.variants.push_back(std::move(v));
        }
        if (p.rotation) {
            for (const auto& code : p.rotation->cycle) {
                const model::shift* sh = p.rotation->find(code);
                info.cycle.push_back(sh);
                if (sh) {
                    info.cycle_label.push_back(static_cast<std::uint32_t>(info.labels.size()));
                    info.labels.push_back("shift " + sh->code);
                } else {
                    info.cycle_label.push_back(0);
                }
            }
        }
        return info;
    }

    std::uint8_t holiday_kinds(local_date d) const {
        const auto it = std::lower_bound(holidays.begin(), holidays.end(), d,
                                         [](const day_flags& a, local_date x) { return a.day < x; });
        return (it != holidays.end() && it->day == d) ? it->kinds : std::uint8_t{0};
    }

    bool removed_by_holiday(local_date d, removal r) const {
        if (!r.national && !r.collective) return false;
        const std::uint8_t k = holiday_kinds(d);
        return (r.national && (k & (hk_national | hk_regional))) || (r.collective && (k & hk_collective));
    }

    // The dates a cached expansion covers: the horizon and the days before it
    // whose shifts can run into it.
    date_range cache_span() const {
        return {s.horizon.first - date::days{lookback_days}, s.horizon.last};
    }
    bool in_horizon(date_range days) const {
        return s.horizon.ok() && s.horizon.first <= days.first && days.last <= s.horizon.last;
    }

    std::int64_t normalised_offset(const model::work_pattern& p, std::int64_t offset) const {
        if (!p.rotation || p.rotation->cycle.empty()) return 0;
        return positive_mod(offset, static_cast<std::int64_t>(p.rotation->cycle.size()));
    }

    std::unique_ptr<expansion> build(const expansion_key& key, date_range days) const {
        auto x = std::make_unique<expansion>();
        x->first = days.first;
        if (!days.ok()) {
            x->work_by_day.push_back(0);
            x->rest_by_day.push_back(0);
            x->brk_by_day.push_back(0);
            return x;
        }
        const model::work_pattern& p = s.patterns[key.pattern];
        const pattern_info& info = patterns[key.pattern];
        local_converter conv(*key.zone);
        const minutes rest{std::max(0, s.rest_after_night_shift_minutes)};
        const auto n = static_cast<std::size_t>((days.last - days.first).count()) + 1;
        x->work_by_day.reserve(n + 1);
        x->rest_by_day.reserve(n + 1);
        x->brk_by_day.reserve(n + 1);

        for (local_date d = days.first; d <= days.last; d += date::days{1}) {
            x->work_by_day.push_back(static_cast<std::uint32_t>(x->work.size()));
            x->rest_by_day.push_back(static_cast<std::uint32_t>(x->rest.size()));
            x->brk_by_day.push_back(static_cast<std::uint32_t>(x->brk.size()));
            if (removed_by_holiday(d, key.remove)) continue;

            if (p.rotation) {
                const auto& rot = *p.rotation;
                if (rot.cycle.empty()) continue;
                // Dates before the anchor count backwards: the mod is kept non-negative.
                const std::int64_t idx = positive_mod(static_cast<std::int64_t>((d - rot.anchor).count()) + key.offset,
                                                      static_cast<std::int64_t>(rot.cycle.size()));
                const model::shift* sh = info.cycle[static_cast<std::size_t>(idx)];
                if (!sh || sh->hours.end <= sh->hours.start) continue;
                const interval span{conv(d, sh->hours.start), conv(d, sh->hours.end)};
                x->work.push_back({span, info.cycle_label[static_cast<std::size_t>(idx)]});
                if (sh->night && rest > minutes{0}) x->rest.push_back({span.end, span.end + rest});
                continue;
            }

            const model::weekly_hours* hours = &p.week;
            std::uint32_t label = 0;
            for (const auto& v : info.variants) {
                const bool in_season = std::any_of(v.ranges.begin(), v.ranges.end(),
                                                   [d](const date_range& r) { return r.contains(d); });
                if (in_season) {
                    hours = v.hours;  // an empty variant means no work in that season
                    label = v.label;
                    break;
                }
            }
            // Breaks are cut out of the working hours (sorted, disjoint: the loader checks).
            const unsigned wd = date::weekday{d}.c_encoding();
            const auto& day_breaks = hours->breaks[wd];
            for (const clock_range& br : day_breaks)
                if (br.start < br.end) x->brk.push_back({interval{conv(d, br.start), conv(d, br.end)}, label});
            for (const clock_range& cr : hours->by_weekday[wd]) {
                if (cr.end <= cr.start) continue;
                minutes from = cr.start;
                for (const clock_range& br : day_breaks) {
                    if (br.end <= from || br.start >= cr.end) continue;
                    if (br.start > from) x->work.push_back({interval{conv(d, from), conv(d, br.start)}, label});
                    from = std::max(from, br.end);
                }
                if (from < cr.end) x->work.push_back({interval{conv(d, from), conv(d, cr.end)}, label});
            }
        }
        x->work_by_day.push_back(static_cast<std::uint32_t>(x->work.size()));
        x->rest_by_day.push_back(static_cast<std::uint32_t>(x->rest.size()));
        x->brk_by_day.push_back(static_cast<std::uint32_t>(x->brk.size()));

        for (const auto& pc : x->work) x->working.add(pc.span);
        for (const auto& r : x->rest) x->resting.add(r);
        for (const auto& b : x->brk) x->breaks.add(b.span);
        return x;
    }

    expansion_key key_for(pattern_index p, const date::time_zone& zone, std::int64_t offset, removal r) const {
        return expansion_key{p.value, &zone, normalised_offset(s.patterns[p.value], offset), r};
    }

    const expansion& cached(const expansion_key& key) const {
        {
            std::shared_lock lock(mutex);
            const auto it = expansions.find(key);
            if (it != expansions.end()) return *it->second;
        }
        std::unique_lock lock(mutex);
        auto& slot = expansions[key];
        if (!slot) slot = build(key, cache_span());
        return *slot;
    }

    const interval_set& holiday_set(const date::time_zone& zone) const {
        {
            std::shared_lock lock(mutex);
            const auto it = holiday_sets.find(&zone);
            if (it != holiday_sets.end()) return *it->second;
        }
        std::unique_lock lock(mutex);
        auto& slot = holiday_sets[&zone];
        if (!slot) {
            slot = std::make_unique<interval_set>();
            local_converter conv(zone);
            for (const auto& h : holidays) slot->add(whole_days(conv, h.day, h.day));
        }
        return *slot;
    }

    // Busy time of a unit's duties for its staff in `zone`, over the horizon.
    const interval_set& unit_duty_set(unit_index u, const date::time_zone& zone) const {
        const unit_zone_key key{u.value, &zone};
        {
            std::shared_lock lock(mutex);
            const auto it = unit_duties.find(key);
            if (it != unit_duties.end()) return *it->second;
        }
        std::unique_lock lock(mutex);
        auto& slot = unit_duties[key];
        if (!slot) {
            std::vector<interval> items;
            local_converter conv(zone);
            const date_range days{s.horizon.first - date::days{1}, s.horizon.last};
            for (const auto& d : s.units[u.value].duties)
                expand_duty(d, days, conv, [&](interval i) { items.push_back(i); });
            slot = std::make_unique<interval_set>(interval_set::from_unsorted(std::move(items)));
        }
        return *slot;
    }

    // Everything one request about one employee needs.
    struct request {
        const model::employee& e;
        const date::time_zone& zone;
        date_range days;
        interval range{};
        const expansion* x = nullptr;        // nullptr: no pattern
        std::unique_ptr<expansion> own;      // when the range leaves the horizon
        const pattern_info* info = nullptr;
        bool leave = false;                  // some leave near the range
    };

    request make_request(employee_index ei, date_range days) const {
        const model::employee& e = s.employees[ei.value];
        const date::time_zone& zone = s.zone_of(e);
        local_converter conv(zone);
        request rq{e, zone, days, whole_days(conv, days.first, days.last), nullptr, nullptr, nullptr, false};
        const pattern_index p = e.pattern.valid() ? e.pattern : s.units[e.unit.value].pattern;
        const date_range reach{days.first - date::days{lookback_days}, days.last};
        rq.leave = any_leave_in(e, reach);
        if (!p.valid() || p.value >= s.patterns.size()) return rq;
        rq.info = &patterns[p.value];
        const expansion_key key =
            key_for(p, zone, e.rotation_offset, removal_of(s.holiday_rule_of(e), e.works_collective_leave));
        if (in_horizon(days)) {
            rq.x = &cached(key);
        } else {
            rq.own = build(key, reach);
            rq.x = rq.own.get();
        }
        return rq;
    }

    // Calls f(day index) for the days of `x` from which pieces can reach the
    // request's range, skipping leave days.
    template <class F>
    void for_each_day(const request& rq, F&& f) const {
        const expansion& x = *rq.x;
        const auto first = std::max<std::int64_t>(0, (rq.days.first - date::days{lookback_days} - x.first).count());
        const auto last = std::min<std::int64_t>(static_cast<std::int64_t>(x.days()) - 1, (rq.days.last - x.first).count());
        for (std::int64_t i = first; i <= last; ++i) {
            if (rq.leave && on_leave(rq.e, x.first + date::days{static_cast<int>(i)})) continue;
            f(static_cast<std::size_t>(i));
        }
    }

    static interval span_of(const expansion::piece& p) { return p.span; }
    static interval span_of(const interval& i) { return i; }

    /// One kind of time of the request: the expansion's union of it (`all`)
    /// clipped to the range, or, where leave days are left out, its spans
    /// (`items`, indexed per day by `by_day`) of the days that remain.
    template <class T>
    interval_set spans(const request& rq, interval_set expansion::*all, std::vector<T> expansion::*items,
                       std::vector<std::uint32_t> expansion::*by_day) const {
        if (!rq.x) return {};
        const expansion& x = *rq.x;
        if (!rq.leave) return (x.*all).clip(rq.range);
        interval_set out;
        for_each_day(rq, [&](std::size_t i) {
            for (auto k = (x.*by_day)[i]; k < (x.*by_day)[i + 1]; ++k) out.add(span_of((x.*items)[k]));
        });
        return out.clip(rq.range);
    }

    interval_set working(const request& rq) const {
        return spans(rq, &expansion::working, &expansion::work, &expansion::work_by_day);
    }
    interval_set resting(const request& rq) const {
        return spans(rq, &expansion::resting, &expansion::rest, &expansion::rest_by_day);
    }
    interval_set breaks(const request& rq) const {
        return spans(rq, &expansion::breaks, &expansion::brk, &expansion::brk_by_day);
    }

    interval_set leave_set(const request& rq) const {
        interval_set out;
        if (!rq.leave) return out;
        local_converter conv(rq.zone);
        std::vector<interval> items;
        for (const auto& l : rq.e.leaves) {
            const local_date a = std::max(l.days.first, rq.days.first);
            const local_date b = std::min(l.days.last, rq.days.last);
            if (a <= b) items.push_back(whole_days(conv, a, b));
        }
        return interval_set::from_unsorted(std::move(items));
    }

    interval_set holiday_days(const request& rq) const { return holiday_set(rq.zone).clip(rq.range); }

    interval_set busy(const request& rq) const {
        const date_range reach{rq.days.first - date::days{1}, rq.days.last};
        interval_set out;
        if (in_horizon(rq.days)) {
            out = unit_duty_set(rq.e.unit, rq.zone).clip(rq.range);
        } else if (!s.units[rq.e.unit.value].duties.empty()) {
            local_converter conv(rq.zone);
            std::vector<interval> items;
            for (const auto& d : s.units[rq.e.unit.value].duties)
                expand_duty(d, reach, conv, [&](interval i) { items.push_back(i); });
            out = interval_set::from_unsorted(std::move(items)).clip(rq.range);
        }
        if (!rq.e.duties.empty()) {
            local_converter conv(rq.zone);
            std::vector<interval> items;
            for (const auto& d : rq.e.duties) expand_duty(d, reach, conv, [&](interval i) { items.push_back(i); });
            out = out.unite(interval_set::from_unsorted(std::move(items)).clip(rq.range));
        }
        return out;
    }
};

// ------------------------------------------------------------------ work_calendar

work_calendar::work_calendar(const model::scenario& s) : impl_(std::make_unique<impl>(s)) {}
work_calendar::~work_calendar() = default;
work_calendar::work_calendar(work_calendar&&) noexcept = default;
work_calendar& work_calendar::operator=(work_calendar&&) noexcept = default;

availability work_calendar::employee(model::employee_index e, date_range days) const {
    availability out;
    if (!days.ok()) return out;
    const impl::request rq = impl_->make_request(e, days);
    out.working = impl_->working(rq);
    out.busy = impl_->busy(rq);
    out.unavailable = impl_->leave_set(rq)
                          .unite(impl_->holiday_days(rq))
                          .unite(out.busy)
                          .unite(impl_->resting(rq));
    out.breaks = impl_->breaks(rq);
    out.free = out.working.unite(out.unavailable).unite(out.breaks).complement(rq.range);
    return out;
}

namespace {
// "holiday: Nyepi (cuti bersama)": collective leave and regional days say what they are.
std::string holiday_label(const holiday& h) {
    switch (h.kind) {
        case holiday_kind::national: return "holiday: " + h.name;
        case holiday_kind::collective: return "holiday: " + h.name + " (cuti bersama)";
        case holiday_kind::regional: return "holiday: " + h.name + " (regional)";
    }
    return "holiday: " + h.name;
}
}  // namespace

std::vector<labelled_interval> work_calendar::explain(model::employee_index e, date_range days) const {
    std::vector<labelled_interval> out;
    if (!days.ok()) return out;
    const model::scenario& s = impl_->s;
    const impl::request rq = impl_->make_request(e, days);
    auto push = [&](interval i, time_kind kind, std::string label) {
        const interval c{std::max(i.start, rq.range.start), std::min(i.end, rq.range.end)};
        if (!c.empty()) out.push_back({c, kind, std::move(label)});
    };

    if (rq.x) {
        const expansion& x = *rq.x;
        impl_->for_each_day(rq, [&](std::size_t i) {
            for (auto k = x.work_by_day[i]; k < x.work_by_day[i + 1]; ++k)
                push(x.work[k].span, time_kind::working, rq.info->labels[x.work[k].label]);
            for (auto k = x.rest_by_day[i]; k < x.rest_by_day[i + 1]; ++k) push(x.rest[k], time_kind::unavailable, "rest after night shift");
            for (auto k = x.brk_by_day[i]; k < x.brk_by_day[i + 1]; ++k)
                push(x.brk[k].span, time_kind::break_time, "break (" + rq.info->labels[x.brk[k].label] + ")");
        });
    }
    local_converter conv(rq.zone);
    for (const auto& h : s.holidays)
        if (days.contains(h.date)) push(whole_days(conv, h.date, h.date), time_kind::unavailable, holiday_label(h));
    for (const auto& l : rq.e.leaves) {
        const local_date a = std::max(l.days.first, days.first);
        const local_date b = std::min(l.days.last, days.last);
        if (a <= b) push(whole_days(conv, a, b), time_kind::unavailable, "leave");
    }
    const date_range reach{days.first - date::days{1}, days.last};
    for (const auto* duties : {&s.units[rq.e.unit.value].duties, &rq.e.duties})
        for (const auto& d : *duties) expand_duty(d, reach, conv, [&](interval i) { push(i, time_kind::busy, "duty: " + d.what); });

    std::sort(out.begin(), out.end(), [](const labelled_interval& a, const labelled_interval& b) {
        return std::tie(a.span.start, a.span.end, a.label) < std::tie(b.span.start, b.span.end, b.label);
    });
    return out;
}

std::string_view to_string(time_kind k) {
    switch (k) {
        case time_kind::working: return "working";
        case time_kind::busy: return "busy";
        case time_kind::unavailable: return "unavailable";
        case time_kind::break_time: return "break";
    }
    return "working";
}

const interval_set& work_calendar::pattern_working(model::pattern_index p, const date::time_zone& zone,
                                                   int rotation_offset, model::holiday_rule rule,
                                                   bool works_collective_leave) const {
    assert(p.valid() && p.value < impl_->s.patterns.size());
    return impl_->cached(impl_->key_for(p, zone, rotation_offset, removal_of(rule, works_collective_leave))).working;
}

const interval_set& work_calendar::pattern_breaks(model::pattern_index p, const date::time_zone& zone,
                                                  int rotation_offset, model::holiday_rule rule,
                                                  bool works_collective_leave) const {
    assert(p.valid() && p.value < impl_->s.patterns.size());
    return impl_->cached(impl_->key_for(p, zone, rotation_offset, removal_of(rule, works_collective_leave))).breaks;
}

std::vector<std::pair<interval, double>> work_calendar::critical_periods(model::unit_index u) const {
    const model::scenario& s = impl_->s;
    const model::unit& unit = s.units[u.value];
    local_converter conv(s.zone_of(unit));
    std::vector<std::pair<interval, double>> out;
    out.reserve(unit.critical.size());
    for (const auto& c : unit.critical) {
        if (!c.days.ok()) continue;
        out.emplace_back(whole_days(conv, c.days.first, c.days.last), c.weight);
    }
    return out;
}

interval work_calendar::horizon() const {
    const model::scenario& s = impl_->s;
    assert(s.zone != nullptr);
    local_converter conv(*s.zone);
    return whole_days(conv, s.horizon.first, s.horizon.last);
}

std::string label_words(const text::messages& m, const std::string& label) {
    const auto starts = [&](std::string_view p) { return label.compare(0, p.size(), p) == 0; };
    const auto ends = [&](std::string_view p) {
        return label.size() >= p.size() && label.compare(label.size() - p.size(), p.size(), p) == 0;
    };
    if (label == "leave") return std::string(m.tr_in("calendar entry", "leave"));
    if (label == "rest after night shift") return std::string(m.tr_in("calendar entry", "rest after night shift"));
    if (starts("duty: ")) return m.format("duty: {}", label.substr(6));
    if (starts("holiday: ")) {
        const std::string rest = label.substr(9);
        if (ends(" (cuti bersama)")) return m.format("holiday: {} (cuti bersama)", rest.substr(0, rest.size() - 15));
        if (ends(" (regional)")) return m.format("holiday: {} (regional)", rest.substr(0, rest.size() - 11));
        return m.format("holiday: {}", rest);
    }
    if (starts("break (") && ends(")")) return m.format("break ({})", label.substr(7, label.size() - 8));
    return label;
}

}  // namespace jadwal::calendar
