// The `work_patterns` section: weekly hours by weekday spec, seasonal variants,
// shift rotations, and the holiday rule.
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jadwal::load::detail {
namespace {

constexpr std::size_t max_ranges_per_day = 24;
constexpr std::size_t max_cycle_days = 366;
constexpr std::size_t max_shifts = 32;

static constexpr std::array<std::string_view, 7> day_names{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

/// A break lies within the working span of every weekday it is given for, and
/// does not cross midnight; reports E-BREAK-OUTSIDE otherwise.
bool break_fits(load_context& c, const calendar::clock_range& r, unsigned mask, const model::weekly_hours& work,
                const YAML::Node& n, const ypath& q) {
    if (r.crosses_midnight()) {
        c.yr.error_at(
            code::break_outside,
            say("the break {} crosses midnight; a break lies within one working day", calendar::format_clock_range(r)),
            n, q);
        return false;
    }
    for (unsigned d = 0; d < 7; ++d) {
        if (!(mask & (1u << d))) continue;
        const auto& hours = work.by_weekday[d];
        if (hours.empty()) {
            c.yr.error_at(
                code::break_outside,
                say("the break {} is on {}, which has no working hours", calendar::format_clock_range(r), day_names[d]),
                n, q);
            return false;
        }
        calendar::minutes lo = hours.front().start, hi = hours.front().end;
        for (const auto& h : hours) {
            lo = std::min(lo, h.start);
            hi = std::max(hi, h.end);
        }
        if (r.start < lo || r.end > hi) {
            c.yr.error_at(code::break_outside,
                          say("the break {} on {} lies outside that day's working hours ({})",
                              calendar::format_clock_range(r), day_names[d], calendar::format_clock_range({lo, hi})),
                          n, q);
            return false;
        }
    }
    return true;
}

/// A week: {DAYSPEC: [ranges] | range}. Each weekday may be named once.
/// With `work`, the ranges are breaks of that week: each must lie within the
/// working span of its day (from the first range's start to the last one's end).
std::optional<model::weekly_hours> read_week(load_context& c, const yval& v, std::string_view what,
                                             const model::weekly_hours* work = nullptr) {
    const auto m = c.yr.free_map(v, what);
    if (!m) return std::nullopt;
    model::weekly_hours week;
    std::array<const YAML::Node*, 7> given{};
    bool ok = true;
    for (const auto& entry : m->entries) {
        const ypath q = v.path->key(entry.key);
        phrase problem;
        const auto mask = parse_weekdays(entry.key, problem);
        if (!mask) {
            c.yr.error_at(code::weekday, problem, entry.key_node, q);
            ok = false;
            continue;
        }
        std::vector<calendar::clock_range> ranges;
        std::vector<YAML::Node> nodes;
        if (!entry.value.IsNull()) {
            const std::string_view kind = work ? "a break" : "working hours";
            const auto items = c.yr.scalar_or_list(yval{entry, q}, kind, max_ranges_per_day);
            if (!items) {
                ok = false;
                continue;
            }
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = q.at(i);
                if (const auto r = c.yr.clock_range(yval{(*items)[i], qi}, kind)) {
                    if (work && !break_fits(c, *r, *mask, *work, (*items)[i], qi)) {
                        ok = false;
                        continue;
                    }
                    ranges.push_back(*r);
                    nodes.push_back((*items)[i]);
                } else {
                    ok = false;
                }
            }
        }
        // Overlaps inside one list (sorted by start).
        std::vector<std::size_t> order(ranges.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return ranges[a].start < ranges[b].start; });
        for (std::size_t k = 1; k < order.size(); ++k) {
            const auto& prev = ranges[order[k - 1]];
            const auto& cur = ranges[order[k]];
            if (cur.start < prev.end) {
                const ypath qi = q.at(order[k]);
                c.yr.error_at(
                    code::time_overlap,
                    say("{} overlaps {}", calendar::format_clock_range(cur), calendar::format_clock_range(prev)),
                    nodes[order[k]], qi);
                ok = false;
            }
        }
        for (unsigned d = 0; d < 7; ++d) {
            if (!(*mask & (1u << d))) continue;
            if (given[d] != nullptr) {
                const loc first = c.yr.where(*given[d]);
                c.yr.error_at(
                    code::weekday,
                    say("{} is already given (at line {}, column {})", day_names[d], first.line, first.column),
                    entry.key_node, q);
                ok = false;
                continue;
            }
            given[d] = &entry.key_node;
            std::vector<calendar::clock_range> sorted;
            for (const auto i : order) sorted.push_back(ranges[i]);
            week.by_weekday[d] = std::move(sorted);
        }
    }
    if (!ok) return std::nullopt;
    return week;
}

/// A seasonal variant: a week, or {week: ..., breaks: ...} as the pattern itself writes them.
std::optional<model::weekly_hours> read_variant(load_context& c, const yval& v) {
    const YAML::Node& n = v.node;  // const: looking up keys must not add them
    const bool long_form = n.IsMap() && (n["week"].IsDefined() || n["breaks"].IsDefined());
    if (!long_form) return read_week(c, v, "a seasonal week");
    static constexpr std::array<std::string_view, 2> keys{"week", "breaks"};
    const auto m = c.yr.map(v, "a seasonal variant", keys);
    if (!m) return std::nullopt;
    const ypath& p = *v.path;
    const yentry* w = c.yr.need(*m, p, "week", "a seasonal variant with breaks");
    if (!w) return std::nullopt;
    const ypath qw = p.key("week");
    auto week = read_week(c, yval{*w, qw}, "a seasonal week");
    if (!week) return std::nullopt;
    if (const yentry* b = m->find("breaks")) {
        const ypath qb = p.key("breaks");
        auto br = read_week(c, yval{*b, qb}, "breaks", &*week);
        if (!br) return std::nullopt;
        week->breaks = std::move(br->by_weekday);
    }
    return week;
}

bool week_is_empty(const model::weekly_hours& w) {
    return std::all_of(w.by_weekday.begin(), w.by_weekday.end(), [](const auto& d) { return d.empty(); });
}

std::optional<model::shift> read_shift(load_context& c, const yentry& entry, const ypath& q) {
    model::shift sh;
    sh.code = entry.key;
    if (const auto problem = id_problem(entry.key); !problem.empty()) {
        c.yr.error_at(code::id_invalid, say("shift code: {}", problem), entry.key_node, q);
        return std::nullopt;
    }
    if (iequals(entry.key, "off")) {
        c.yr.error_at(code::id_invalid, say("the shift code 'off' is reserved for days off"), entry.key_node, q);
        return std::nullopt;
    }
    std::optional<bool> night;
    if (entry.value.IsMap()) {
        static constexpr std::array<std::string_view, 2> keys{"hours", "night"};
        const auto m = c.yr.map(yval{entry, q}, "a shift", keys);
        if (!m) return std::nullopt;
        const yentry* h = c.yr.need(*m, q, "hours", "a shift");
        if (!h) return std::nullopt;
        const ypath qh = q.key("hours");
        const auto r = c.yr.clock_range(yval{*h, qh}, "shift hours");
        if (!r) return std::nullopt;
        sh.hours = *r;
        if (const yentry* n = m->find("night")) {
            const ypath qn = q.key("night");
            night = c.yr.boolean(yval{*n, qn}, "night");
            if (!night) return std::nullopt;
        }
    } else {
        const auto r = c.yr.clock_range(yval{entry, q}, "shift hours");
        if (!r) return std::nullopt;
        sh.hours = *r;
    }
    sh.night = night.value_or(sh.hours.crosses_midnight());
    return sh;
}

std::optional<model::shift_rotation> read_rotation(load_context& c, const yval& v) {
    static constexpr std::array<std::string_view, 3> keys{"anchor", "cycle", "shifts"};
    const auto m = c.yr.map(v, "a rotation", keys);
    if (!m) return std::nullopt;
    const ypath& p = *v.path;
    model::shift_rotation rot;
    bool ok = true;
    rot.anchor = c.horizon_ok ? c.s.horizon.first : calendar::local_date{};
    if (const yentry* a = m->find("anchor")) {
        const ypath q = p.key("anchor");
        if (const auto d = c.yr.date(yval{*a, q}, "anchor"))
            rot.anchor = *d;
        else
            ok = false;
    }
    if (const yentry* s = c.yr.need(*m, p, "shifts", "a rotation")) {
        const ypath q = p.key("shifts");
        if (const auto sm = c.yr.free_map(yval{*s, q}, "shifts")) {
            if (sm->entries.size() > max_shifts) {
                c.yr.error(code::limit, say("a rotation may define at most {} shifts", max_shifts), yval{*s, q});
                ok = false;
            }
            for (const auto& entry : sm->entries) {
                const ypath qs = q.key(entry.key);
                if (auto sh = read_shift(c, entry, qs))
                    rot.shifts.push_back(std::move(*sh));
                else
                    ok = false;
            }
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }
    if (const yentry* cy = c.yr.need(*m, p, "cycle", "a rotation")) {
        const ypath q = p.key("cycle");
        const auto items = c.yr.list(yval{*cy, q}, "cycle", max_cycle_days);
        if (!items) {
            ok = false;
        } else if (items->empty()) {
            c.yr.error(code::empty_list, say("a rotation's cycle needs at least one day"), yval{*cy, q});
            ok = false;
        } else {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = q.at(i);
                const auto t = c.yr.text(yval{(*items)[i], qi}, "a cycle day");
                if (!t) {
                    ok = false;
                    continue;
                }
                if (rot.find(*t) == nullptr && !iequals(*t, "off")) {
                    std::vector<std::string> codes{"off"};
                    for (const auto& sh : rot.shifts) codes.push_back(sh.code);
                    const std::string hint = closest_match(*t, codes);
                    c.yr.warning(code::shift_undefined,
                                 say("the cycle names {}, which is not a shift of this rotation; the day is "
                                     "taken as a day off{}",
                                     in_quotes(*t), hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
                                 yval{(*items)[i], qi});
                }
                rot.cycle.push_back(std::move(*t));
            }
            const bool works = std::any_of(rot.cycle.begin(), rot.cycle.end(),
                                           [&](const std::string& code) { return rot.find(code) != nullptr; });
            if (ok && !works)
                c.yr.warning(code::pattern_empty,
                             say("this rotation has no working day: every day of its cycle is off"), yval{*cy, q});
        }
    } else {
        ok = false;
    }
    if (!ok) return std::nullopt;
    return rot;
}

}  // namespace

void read_work_patterns(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) {
        c.rep.error(code::key_missing, say("the scenario needs the section 'work_patterns'"), c.root_at);
        return;
    }
    const ypath p = root.key("work_patterns");
    const auto m = c.yr.free_map(yval{*e, p}, "work_patterns");
    if (!m) return;
    c.patterns.reserve(m->entries.size());
    for (const auto& entry : m->entries) {
        const ypath q = p.key(entry.key);
        if (const auto problem = id_problem(entry.key); !problem.empty()) {
            c.yr.error_at(code::id_invalid, say("work pattern: {}", problem), entry.key_node, q);
            continue;
        }
        model::work_pattern wp;
        wp.id = entry.key;
        wp.mark = c.yr.where(entry).mark();
        const auto pm = c.yr.free_map(yval{entry, q}, "a work pattern");
        if (pm) {
            const yentry* week = nullptr;
            const yentry* rotation = nullptr;
            const yentry* breaks = nullptr;
            bool week_ok = false;
            for (const auto& f : pm->entries) {
                const ypath qf = q.key(f.key);
                if (f.key == "week") {
                    week = &f;
                    if (auto w = read_week(c, yval{f, qf}, "a week")) {
                        wp.week = std::move(*w);
                        week_ok = true;
                    }
                } else if (f.key == "breaks") {
                    breaks = &f;  // read once the week is known
                } else if (f.key == "holidays") {
                    if (const auto r = read_holiday_rule(c, yval{f, qf})) wp.holidays = *r;
                } else if (f.key == "rotation") {
                    rotation = &f;
                    if (auto r = read_rotation(c, yval{f, qf})) wp.rotation = std::move(*r);
                } else {
                    // Any other key is a season this pattern varies by.
                    const bool known = f.key == "ramadan" || c.seasons.find(f.key).has_value();
                    if (!known) {
                        std::vector<std::string> candidates{"week", "breaks", "holidays", "rotation", "ramadan"};
                        candidates.insert(candidates.end(), c.seasons.ids().begin(), c.seasons.ids().end());
                        const std::string hint = closest_match(f.key, candidates);
                        c.yr.error_at(
                            code::ref_season,
                            say("{} is neither a key of a work pattern (week, breaks, holidays, rotation) "
                                "nor a season{}",
                                in_quotes(f.key), hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
                            f.key_node, qf);
                        continue;
                    }
                    if (const auto si = c.seasons.find(f.key)) c.seasons.use(*si);
                    if (f.key == "ramadan" && !c.ramadan_used_at) c.ramadan_used_at = c.yr.where(f);
                    if (auto w = read_variant(c, yval{f, qf})) wp.seasonal.emplace_back(f.key, std::move(*w));
                }
            }
            if (breaks && week_ok) {
                const ypath qb = q.key("breaks");
                if (auto br = read_week(c, yval{*breaks, qb}, "breaks", &wp.week))
                    wp.week.breaks = std::move(br->by_weekday);
            } else if (breaks && rotation && !week) {
                c.yr.error_at(code::key_conflict,
                              say("a shift rotation has no fixed breaks (breaks belong to weekly hours)"),
                              breaks->key_node, q.key("breaks"));
            }
            if (week && rotation) {
                c.yr.error_at(code::key_conflict,
                              say("a work pattern has either weekly hours (week) or a shift rotation, not both"),
                              rotation->key_node, q);
            } else if (!week && !rotation) {
                c.yr.error_at(code::key_missing, say("a work pattern needs 'week' (weekly hours) or 'rotation'"),
                              pm->node, q);
            } else if (rotation) {
                for (const auto& f : pm->entries)
                    if (f.key != "week" && f.key != "holidays" && f.key != "rotation" && f.key != "breaks") {
                        const ypath qf = q.key(f.key);
                        c.yr.error_at(code::key_conflict,
                                      say("a rotation cannot vary by season ({})", in_quotes(f.key)), f.key_node, qf);
                    }
            } else if (week_ok && week_is_empty(wp.week)) {
                c.yr.warning_at(code::pattern_empty, say("this pattern has no working hours on any day"),
                                week->key_node, q);
            }
        }
        if (c.patterns.add(wp.id, c.yr.where(entry), q.str(), c.rep)) c.s.patterns.push_back(std::move(wp));
    }
}

}  // namespace jadwal::load::detail
