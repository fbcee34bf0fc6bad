#include "explain.hpp"

#include "insertion.hpp"

#include <jadwal/solve/explain.hpp>

#include <jadwal/text/messages.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <array>

namespace jadwal::solve::detail {
namespace {

constexpr std::size_t refusal_kinds = static_cast<std::size_t>(refusal::mode_refused) + 1;

std::size_t ix(refusal r) { return static_cast<std::size_t>(r); }

// ---------------------------------------------------------------- words

std::string who(const compiled_model& cm, employee_id e) {
    const auto& emp = cm.scenario.employees[e.value];
    return emp.name.empty() ? emp.id : emp.name;
}

calendar::instant at(const compiled_model& cm, tmin t) { return cm.t0 + calendar::minutes{t}; }

/// The local time of t in the scenario's zone.
calendar::local_minute local(const compiled_model& cm, tmin t) {
    return date::floor<calendar::minutes>(date::make_zoned(cm.scenario.zone, at(cm, t)).get_local_time());
}

/// "Tue 12 May 2026 08:00\u201312:00" / "Sel, 12 Mei 2026 08.00\u201312.00" in the scenario's zone.
std::string when(const text::messages& m, const compiled_model& cm, tmin a, tmin b) {
    return m.when(local(cm, a), local(cm, b));
}

/// "12 May 2026" / "12 Mei 2026".
std::string day_text(const text::messages& m, const compiled_model& cm, tmin t) {
    return m.day(date::floor<date::days>(local(cm, t)), text::date_style::short_);
}

const char* code_of(refusal r) {
    switch (r) {
        case refusal::unavailable: return "R-UNAVAILABLE";
        case refusal::overlap: return "R-OVERLAP";
        case refusal::horizon: return "R-NO-TIME";
        case refusal::deadline: return "R-DEADLINE";
        case refusal::day_limit: return "R-DAY-LIMIT";
        case refusal::after_hours_day:
        case refusal::after_hours_week: return "R-AFTER-HOURS-LIMIT";
        case refusal::unit_limit: return "R-UNIT-LIMIT";
        case refusal::shift_minimum: return "R-SHIFT-MINIMUM";
        case refusal::acceptance: return "R-ACCEPTANCE";
        case refusal::jp_cap: return "R-JP-CAP";
        case refusal::cohort_full: return "R-COHORT-FULL";
        case refusal::budget: return "R-BUDGET";
        case refusal::pinned: return "R-REPLAN";
        case refusal::duty_days: return "R-DUTY-DAYS";
        case refusal::day_in_lieu: return "R-DAY-IN-LIEU";
        case refusal::mode_refused: return "R-MODE-REFUSED";
        case refusal::resource:
        case refusal::structure:
        case refusal::none: break;
    }
    return "R-NO-COHORT";
}

/// The calendar entry that makes the person unavailable during [a, b) ("leave",
/// "duty: apel", "holiday: Nyepi", "rest after night shift"), or "".
std::string unavailable_label(const compiled_model& cm, employee_id e, tmin a, tmin b) {
    const auto& zone = cm.scenario.zone_of(cm.scenario.employees[e.value]);
    const auto first = calendar::local_day(at(cm, a), zone);
    const auto last = calendar::local_day(at(cm, b), zone);
    calendar::date_range days;
    days.first = first;
    days.last = last;
    for (const auto& li : cm.calendar.explain(e, days)) {
        // A break keeps people from training only where the policy protects breaks.
        if (li.kind == calendar::time_kind::break_time && !cm.policy.protect_breaks) continue;
        if (li.kind != calendar::time_kind::working && li.span.start < at(cm, b) && at(cm, a) < li.span.end)
            return li.label;
    }
    return "";
}

/// The other training the person has during [a, b), by programme title, or "".
std::string overlapping_training(const plan& pl, employee_id e, tmin a, tmin b) {
    for (const auto& it : pl.items[e])
        if (it.a < b && a < it.b) return pl.cm.scenario.programs[pl.cm.demand[it.demand].program].title;
    return "";
}

/// What `r` means for demand d at [a, b), as a clause ("BPKAD would have more than ...").
std::string blocked_by(const text::messages& m, const plan& pl, demand_id d, refusal r, tmin a, tmin b) {
    const compiled_model& cm = pl.cm;
    const employee_id e = cm.demand[d].employee;
    const auto& unit = cm.scenario.units[cm.employees[e].unit.value];
    const unit_c& uc = cm.units[cm.employees[e].unit];
    const std::string name = who(cm, e);
    const std::string unit_name = unit.name.empty() ? unit.id : unit.name;
    switch (r) {
        case refusal::unavailable: {
            const std::string label = calendar::label_words(m, unavailable_label(cm, e, a, b));
            return label.empty() ? m.format("{} is not available", name)
                                 : m.format("{} is not available ({})", name, label);
        }
        case refusal::overlap: {
            const std::string other = overlapping_training(pl, e, a, b);
            return other.empty() ? m.format("{} already trains then", name)
                                 : m.format("it clashes with {}'s {} training", name, other);
        }
        case refusal::unit_limit:
            return m.format("{} would have more than {} of its {} staff in training at once", unit_name,
                            m.number(uc.limit), m.number(uc.headcount));
        case refusal::shift_minimum:
            return m.format("a shift of {} would fall below its minimum on duty", unit_name);
        case refusal::after_hours_week:
            return m.format("{} would pass the after-hours limit of {} minutes a week", name,
                            m.number(cm.max_ah_per_week));
        case refusal::after_hours_day:
            return m.format("{} would pass the after-hours limit of {} minutes a day", name,
                            m.number(cm.max_ah_per_day));
        case refusal::day_limit:
            return m.format("{} would pass the limit of {} training minutes a day", name,
                            m.number(cm.max_training_per_day));
        case refusal::acceptance: {
            // What this time asks of the person: an evening (after working hours) or a weekend.
            const int d0 = cm.day_of(a);
            const int need = d0 >= 0 && d0 < cm.days ? cm.needs(d0, a, b) : 0;
            if (need & 2) return m.format("{} does not accept training at weekends", name);
            if (need & 1) return m.format("{} does not accept training in the evening, after working hours", name);
            return m.format("{} does not accept training at these times", name);
        }
        case refusal::deadline:
            return m.format("it would end after the deadline of {}", day_text(m, cm, cm.demand[d].deadline - 1));
        case refusal::horizon:
            return std::string(m.tr("it would fall outside the planning horizon"));
        case refusal::cohort_full:
            return std::string(m.tr("the cohort is full"));
        case refusal::pinned:
            return std::string(m.tr("it is already under way or before the re-plan date"));
        case refusal::jp_cap:
            if (cm.employees[e].jp_earned > 0)
                return m.format("{} would pass the JP cap of {} a year ({} JP already earned this year, {} planned)",
                                name, m.number(cm.employees[e].jp_cap), m.number(cm.employees[e].jp_earned),
                                m.number(pl.placed_jp[e]));
            return m.format("{} would pass the JP cap of {} a year ({} JP already planned)", name,
                            m.number(cm.employees[e].jp_cap), m.number(pl.placed_jp[e]));
        case refusal::budget:
            return std::string(m.tr("the training budget allows no further cohort"));
        case refusal::duty_days:
            return m.format("{} would pass the limit of {} assigned-duty days a month", name,
                            m.number(cm.duty_max_days));
        case refusal::day_in_lieu:
            return m.format("{} would have no day off in lieu within {} days, or it falls on one", name,
                            m.number(cm.lieu_window));
        case refusal::mode_refused:
            return m.format("{} refused training in this mode", name);
        case refusal::resource:
            return std::string(m.tr("its venue, platform or instructors are not free then"));
        case refusal::structure:
        case refusal::none: break;
    }
    return std::string(m.tr("its sessions cannot be arranged then"));
}

// ---------------------------------------------------------------- tallies

/// How often each rule blocked the times tried, with the first example and the
/// range of ISO weeks it covered.
struct tally {
    std::array<int, refusal_kinds> count{};
    std::array<span, refusal_kinds> example{};
    std::array<int, refusal_kinds> week_lo{}, week_hi{};
    int tried = 0;
    int free = 0;

    void add(refusal r, tmin a, tmin b, int week) {
        ++tried;
        if (r == refusal::none) {
            ++free;
            return;
        }
        const std::size_t k = ix(r);
        if (count[k]++ == 0) example[k] = {a, b}, week_lo[k] = week, week_hi[k] = week;
        week_lo[k] = std::min(week_lo[k], week);
        week_hi[k] = std::max(week_hi[k], week);
    }
    /// Refusals by count, most frequent first (ties by enum order).
    [[nodiscard]] std::vector<refusal> ranked() const {
        std::vector<refusal> out;
        for (std::size_t k = 1; k < refusal_kinds; ++k)
            if (count[k] > 0) out.push_back(static_cast<refusal>(k));
        std::stable_sort(out.begin(), out.end(), [&](refusal x, refusal y) { return count[ix(x)] > count[ix(y)]; });
        return out;
    }
};

tmin align_up(const compiled_model& cm, int d, tmin t) {
    const tmin base = cm.day_start[static_cast<std::size_t>(d)];
    const tmin rel = std::max<tmin>(0, t - base);
    return base + (rel + cm.granularity - 1) / cm.granularity * cm.granularity;
}

/// Samples the person's own time in pm's windows up to the deadline (at most
/// about 120 days and 4 starts per window occurrence) against the plan as it is.
tally sample_own_time(const plan& pl, demand_id d, const delivery_c& pm) {
    const compiled_model& cm = pl.cm;
    const employee_id e = cm.demand[d].employee;
    tally t;
    if (pm.parts.empty()) return t;
    const int len = pm.parts.front().minutes;
    const int first_day = std::max(0, cm.day_of(std::max<tmin>(0, pl.earliest())));
    const int last_day = std::min(cm.days - 1, cm.day_of(cm.demand[d].deadline - 1));
    if (last_day < first_day) return t;
    const int stride = std::max(1, (last_day - first_day + 1) / 120);
    for (int dd = first_day; dd <= last_day; dd += stride)
        for (const window_c* w = cm.wins_begin(pm, dd); w != cm.wins_end(pm, dd); ++w) {
            const tmin lo = align_up(cm, dd, w->a);
            if (lo + len > w->b) continue;
            const tmin room = w->b - len - lo;
            const tmin step = std::max<tmin>(cm.granularity, (room / 3 + cm.granularity - 1) / cm.granularity * cm.granularity);
            int n = 0;
            for (tmin a = lo; a + len <= w->b && n < 4; a += step, ++n) {
                const tmin b = a + len;
                refusal why = refusal::none;
                const bool accepted = (pl.relaxed() & relax_acceptance) || cm.accepts_at(e, pm, dd, a, b);
                if (!accepted) why = refusal::acceptance;
                else if (pl.item_ok(e, d, a, b, &why)) why = refusal::none;
                t.add(why, a, b, cm.week_of(cm.local_day(e, a)));
            }
        }
    return t;
}

/// "61% because X (weeks 10-20, e.g. Tue 12 May 2026 19:00-20:30)" for the top rules.
std::string summarise(const text::messages& m, const plan& pl, demand_id d, const tally& t, std::size_t top) {
    std::string out;
    const auto ranked = t.ranked();
    for (std::size_t i = 0; i < ranked.size() && i < top; ++i) {
        const std::size_t k = ix(ranked[i]);
        const int pct = (100 * t.count[k] + t.tried / 2) / std::max(1, t.tried);
        const span ex = t.example[k];
        const std::string because = blocked_by(m, pl, d, ranked[i], ex.a, ex.b);
        const std::string example = when(m, pl.cm, ex.a, ex.b);
        out += (out.empty() ? "" : "; ") + (t.week_lo[k] == t.week_hi[k]
                                                ? m.format("{}% because {} (e.g. {})", pct, because, example)
                                                : m.format("{}% because {} (weeks {}\u2013{}, e.g. {})", pct, because,
                                                           t.week_lo[k] + 1, t.week_hi[k] + 1, example));
    }
    return out;
}

// ---------------------------------------------------------------- instructors

/// When the programme's instructors cannot give a new cohort of pm its session
/// days before the deadlines of those waiting (fewer instructor-days free than
/// the cohort's sessions need, counting each instructor's days left in each
/// month), a reason naming the limit that binds each instructor (days a month,
/// minutes a day): R-INSTRUCTOR-LIMIT when one of those binds. None otherwise.
std::optional<reason> instructor_reason(const text::messages& m, const plan& pl, delivery_id pmi) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    const program_c& pc = cm.programs[pm.program];
    if (pc.instructors.empty() || pc.per_session <= 0 || pm.parts.empty() || pm.fixed) return std::nullopt;
    tmin deadline = 0;
    for (const demand_id x : cm.declared_demand())
        if (cm.demand[x].program == pm.program && pl.place[x].kind == place_kind::none)
            deadline = std::max(deadline, cm.demand[x].deadline);
    const int len = pm.parts.front().minutes;
    const int first_day = std::max(0, cm.day_of(std::max<tmin>(0, pl.earliest())));
    const int last_day = std::min(cm.days - 1, cm.day_of(deadline - 1));
    // Per instructor: window days on which the month's days, the day's minutes, or anything else kept them out,
    // and the free days per month.
    std::vector<std::array<int, 3>> why(pc.instructors.size(), {0, 0, 0});
    std::vector<std::map<int, int>> free_days(pc.instructors.size());
    int window_days = 0;
    for (int d = first_day; d <= last_day; ++d) {
        bool any_window = false;
        std::vector<char> free(pc.instructors.size(), 0);
        for (const window_c* w = cm.wins_begin(pm, d); w != cm.wins_end(pm, d); ++w) {
            const tmin a = align_up(cm, d, w->a), b = a + len;
            if (b > w->b) continue;
            any_window = true;
            for (std::size_t k = 0; k < pc.instructors.size(); ++k)
                free[k] = free[k] || pl.instructor_free(pc.instructors[k], d, a, b, cohort_id{});
        }
        if (!any_window) continue;
        ++window_days;
        const int month = cm.day[static_cast<std::size_t>(d)].month;
        for (std::size_t k = 0; k < pc.instructors.size(); ++k) {
            if (free[k]) {
                ++free_days[k][month];
                continue;
            }
            const auto i = pc.instructors[k];
            const instructor_c& ic = cm.instructors[i];
            if (ic.max_days_per_month >= 0 && pl.instructor_day(i, d).empty() &&
                pl.instructor_month_days(i, month) >= ic.max_days_per_month)
                ++why[k][0];
            else if (pl.instructor_day_minutes(i, d) + len > ic.max_minutes_per_day)
                ++why[k][1];
            else
                ++why[k][2];
        }
    }
    // Instructor-days a new cohort could use: free days, at most the days left in each month.
    std::int64_t usable = 0;
    for (std::size_t k = 0; k < pc.instructors.size(); ++k) {
        const instructor_c& ic = cm.instructors[pc.instructors[k]];
        for (const auto& [month, n] : free_days[k])
            usable += ic.max_days_per_month < 0
                          ? n
                          : std::min(n, std::max(0, ic.max_days_per_month -
                                                        pl.instructor_month_days(pc.instructors[k], month)));
    }
    if (usable >= static_cast<std::int64_t>(pc.per_session) * static_cast<std::int64_t>(pm.parts.size()))
        return std::nullopt;
    if (window_days == 0) return std::nullopt;
    std::string names;
    bool limit = false;
    for (std::size_t k = 0; k < pc.instructors.size(); ++k) {
        const auto i = pc.instructors[k];
        const auto& mi = cm.scenario.instructors[i.value];
        const auto& c = why[k];
        std::string clause;
        if (c[0] >= c[1] && c[0] >= c[2] && c[0] > 0) {
            const int most = cm.instructors[i].max_days_per_month;
            clause = m.plural("{} has already taught the {} day a month they may in the months of {} of those {} days",
                              "{} has already taught the {} days a month they may in the months of {} of those {} "
                              "days",
                              most, mi.id, m.number(most), m.number(c[0]), m.number(window_days));
            limit = true;
        } else if (c[1] >= c[2] && c[1] > 0) {
            clause = m.format("{} has no {} minutes left of their {} a day on {} of them", mi.id, m.number(len),
                              m.number(cm.instructors[i].max_minutes_per_day), m.number(c[1]));
            limit = true;
        } else {
            clause = m.format("{} is unavailable or teaching elsewhere", mi.id);
        }
        names += (names.empty() ? "" : "; ") + clause;
    }
    return reason{
        limit ? "R-INSTRUCTOR-LIMIT" : "R-NO-COHORT",
        m.format("no new cohort of {} can meet: its {} sessions need {} instructor-days, and of the {} "
                 "days its windows offer before the deadlines its instructors have {} left ({})",
                 cm.scenario.programs[pm.program].id, m.number(static_cast<std::int64_t>(pm.parts.size())),
                 m.number(static_cast<std::int64_t>(pc.per_session) * static_cast<std::int64_t>(pm.parts.size())),
                 m.number(window_days), m.number(usable), names)};
}

// ---------------------------------------------------------------- gathering

/// How many of the people waiting for a programme could sit its first session
/// together at the best of the sampled times (unit limits and shifts counted as
/// they join), and what stopped the others then.
struct gathering {
    int waiting = 0;
    int best = 0;
    span when{};
    tally others;  ///< refusals of the waiting people, summed over the times that reach `best`
};

gathering gather(plan& pl, delivery_id pmi) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    gathering g;
    if (pm.parts.empty()) return g;
    std::vector<demand_id> waiting;
    tmin deadline = 0;
    for (const demand_id x : cm.declared_demand())
        if (cm.demand[x].program == pm.program && pl.place[x].kind == place_kind::none &&
            !cm.refuses(cm.demand[x].employee, pm)) {  // who refused the mode does not wait for it
            if (waiting.size() < 400) waiting.push_back(x);
            deadline = std::max(deadline, cm.demand[x].deadline);
            ++g.waiting;
        }
    if (waiting.empty()) return g;
    const int len = pm.parts.front().minutes;
    const int first_day = std::max(0, cm.day_of(std::max<tmin>(0, pl.earliest())));
    const int last_day = std::min(cm.days - 1, cm.day_of(deadline - 1));
    const int stride = std::max(1, (last_day - first_day + 1) / 60);
    std::vector<std::pair<employee_id, demand_id>> added;
    for (int dd = first_day; dd <= last_day; dd += stride)
        for (const window_c* w = cm.wins_begin(pm, dd); w != cm.wins_end(pm, dd); ++w) {
            const tmin a = align_up(cm, dd, w->a), b = a + len;
            if (b > w->b) continue;
            tally t;
            added.clear();
            for (const auto x : waiting) {
                const employee_id e = cm.demand[x].employee;
                refusal why = refusal::none;
                if (!(pl.relaxed() & relax_acceptance) && !cm.accepts_at(e, pm, dd, a, b)) why = refusal::acceptance;
                else if (!pl.jp_cap_ok(e, pm.program)) why = refusal::jp_cap;
                else if (pl.item_ok(e, x, a, b, &why)) {
                    pl.scratch_add(e, pl.make_item(e, x, 0, a, b));
                    added.emplace_back(e, x);
                    why = refusal::none;
                }
                t.add(why, a, b, cm.week_of(cm.local_day(e, a)));
            }
            for (const auto& [e, x] : added) pl.scratch_remove(e, x, 0);
            const int n = static_cast<int>(added.size());
            if (n > g.best || g.others.tried == 0) {
                g.best = n;
                g.when = {a, b};
                g.others = t;
            } else if (n == g.best) {
                // Equally good times: what blocks the others most often over all of them.
                for (std::size_t k = 0; k < refusal_kinds; ++k) {
                    if (t.count[k] == 0) continue;
                    if (g.others.count[k] == 0) {
                        g.others.example[k] = t.example[k];
                        g.others.week_lo[k] = t.week_lo[k];
                        g.others.week_hi[k] = t.week_hi[k];
                    }
                    g.others.count[k] += t.count[k];
                    g.others.week_lo[k] = std::min(g.others.week_lo[k], t.week_lo[k]);
                    g.others.week_hi[k] = std::max(g.others.week_hi[k], t.week_hi[k]);
                }
                g.others.tried += t.tried;
                g.others.free += t.free;
            }
        }
    return g;
}

// ---------------------------------------------------------------- cohorts

struct cohort_probe {
    cohort_id cohort;
    refusal why = refusal::none;
    span where{};  ///< the session that failed, when one did
};

/// The first rule that keeps demand d out of cohort c (none: it could join now).
cohort_probe probe_cohort(plan& pl, cohort_id c, demand_id d) {
    const compiled_model& cm = pl.cm;
    const cohort_t& co = pl.cohorts[c];
    const delivery_c& pm = cm.deliveries[co.pm];
    const employee_id e = cm.demand[d].employee;
    cohort_probe p;
    p.cohort = c;
    const span first = co.sessions.empty() ? span{} : span{co.sessions.front().a, co.sessions.front().b};
    p.where = first;
    if (pl.cohort_frozen(c)) return p.why = refusal::pinned, p;
    if (static_cast<int>(co.members.size()) >= co.cap + ((pl.relaxed() & relax_capacity) ? 1 : 0))
        return p.why = refusal::cohort_full, p;
    if (!pl.jp_cap_ok(e, cm.demand[d].program)) return p.why = refusal::jp_cap, p;
    if (cm.refuses(e, pm)) return p.why = refusal::mode_refused, p;
    const int travel = pl.travel_for(co, e);
    for (const auto& s : co.sessions)
        if (!(pl.relaxed() & relax_acceptance) && !cm.accepts_at(e, pm, s.day, s.a, s.b))
            return p.why = refusal::acceptance, p.where = {s.a, s.b}, p;
    for (const auto& s : co.sessions) {
        refusal why = refusal::none;
        if (!pl.item_ok(e, d, s.a - travel, s.b + travel, &why)) return p.why = why, p.where = {s.a, s.b}, p;
    }
    // Each session fits on its own; together they might not (a daily limit).
    const std::size_t mark = pl.mark();
    refusal why = refusal::none;
    if (!pl.join(c, d, &why)) p.why = why == refusal::none ? refusal::structure : why;
    pl.rollback(mark);
    return p;
}

std::uint8_t relax_for(refusal r) {
    switch (r) {
        case refusal::unit_limit: return relax_unit_limit;
        case refusal::after_hours_day:
        case refusal::after_hours_week: return relax_after_hours_limit;
        case refusal::acceptance: return relax_acceptance;
        case refusal::cohort_full: return relax_capacity;
        case refusal::shift_minimum: return relax_shift_minimum;
        case refusal::day_limit: return relax_day_limit;
        default: return relax_none;
    }
}

// ---------------------------------------------------------------- alternatives

struct candidate {
    double gain = 0;  ///< participation level gained
    double cost = 0;  ///< burden level added
    std::uint8_t relaxed = relax_none;
    std::string text;
};

/// Burden words for the difference between two totals ("480 min in working time, 90 after hours").
std::string burden_words(const text::messages& m, const totals& before, const totals& after) {
    std::int64_t work = 0;
    for (std::size_t k = 0; k < after.work_by_class.size(); ++k) work += after.work_by_class[k] - before.work_by_class[k];
    const std::int64_t ah = after.after_hours - before.after_hours;
    if (work > 0 && ah > 0)
        return m.format("{} min in working time and {} min after hours", m.number(work), m.number(ah));
    if (work > 0) return m.format("{} min in working time", m.number(work));
    if (ah > 0) return m.format("{} min after hours", m.number(ah));
    return std::string(m.tr("no working or after-hours time"));
}

/// "a and b and c" / "a dan b dan c".
std::string joined(const text::messages& m, const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out = i == 0 ? parts[i] : m.format("{} and {}", out, parts[i]);
    return out;
}

std::string relax_words(const text::messages& m, const plan& pl, demand_id d, std::uint8_t bits, const cohort_t* co) {
    const compiled_model& cm = pl.cm;
    const employee_id e = cm.demand[d].employee;
    const auto& unit = cm.scenario.units[cm.employees[e].unit.value];
    const unit_c& uc = cm.units[cm.employees[e].unit];
    const std::string unit_name = unit.name.empty() ? unit.id : unit.name;
    std::vector<std::string> parts;
    if (bits & relax_unit_limit)
        parts.push_back(m.format("{} lets one more of its staff train at once ({} \u2192 {})", unit_name,
                                 m.number(uc.limit), m.number(uc.limit + 1)));
    if (bits & relax_acceptance) parts.push_back(m.format("{} accepts evening or weekend sessions", who(cm, e)));
    if (bits & relax_capacity && co)
        parts.push_back(m.format("the cohort takes one seat over its maximum ({} \u2192 {})", m.number(co->cap),
                                 m.number(co->cap + 1)));
    if (bits & relax_after_hours_limit)
        parts.push_back(m.format("the after-hours limit ({} min a week) is raised for {}", m.number(cm.max_ah_per_week),
                                 who(cm, e)));
    if (bits & relax_shift_minimum) parts.push_back(m.format("{} can spare one more person from a shift", unit_name));
    if (bits & relax_day_limit) parts.push_back(std::string(m.tr("the daily training limit is raised")));
    return joined(m, parts);
}

/// Tries demand d in cohort c with `bits` relaxed; adds a candidate when it works.
void try_cohort(const text::messages& m, plan& pl, cohort_id c, demand_id d, std::uint8_t bits,
                std::vector<candidate>& out) {
    const compiled_model& cm = pl.cm;
    const objective3 before = pl.objective();
    const totals tot_before = pl.tot;
    const std::size_t mark = pl.mark();
    pl.set_relaxed(bits);
    const bool ok = pl.join(c, d);
    pl.set_relaxed(relax_none);
    if (ok) {
        const objective3 after = pl.objective();
        const cohort_t& co = pl.cohorts[c];
        const delivery_c& pm = cm.deliveries[co.pm];
        const std::string id = cm.scenario.programs[pm.program].id;
        candidate cand;
        cand.gain = before.participation - after.participation;
        cand.cost = after.burden - before.burden;
        cand.relaxed = bits;
        const std::string starting =
            co.sessions.empty() ? std::string("?") : when(m, cm, co.sessions.front().a, co.sessions.front().b);
        cand.text = bits ? m.format("join a {} cohort of {} starting {} if {} ({})", mode_words(m, pm.mode), id,
                                    starting, relax_words(m, pl, d, bits, &co), burden_words(m, tot_before, pl.tot))
                         : m.format("join a {} cohort of {} starting {}: it has a seat and fits now ({})",
                                    mode_words(m, pm.mode), id, starting, burden_words(m, tot_before, pl.tot));
        out.push_back(std::move(cand));
    }
    pl.rollback(mark);
}

void try_self_paced(const text::messages& m, plan& pl, rng& r, demand_id d, delivery_id pmi, std::uint8_t bits,
                    std::vector<candidate>& out) {
    const compiled_model& cm = pl.cm;
    const objective3 before = pl.objective();
    const totals tot_before = pl.tot;
    const std::size_t mark = pl.mark();
    pl.set_relaxed(bits);
    inserter ins(pl, r);
    std::vector<span> blocks;
    bool ok = ins.find_blocks(d, pmi, blocks, 60) && pl.self_place(d, pmi, blocks);
    pl.set_relaxed(relax_none);
    if (ok) {
        const objective3 after = pl.objective();
        candidate cand;
        cand.gain = before.participation - after.participation;
        cand.cost = after.burden - before.burden;
        cand.relaxed = bits;
        const std::string& id = cm.scenario.programs[cm.demand[d].program].id;
        const std::string n = m.number(static_cast<std::int64_t>(blocks.size()));
        const std::string first = when(m, cm, blocks.front().a, blocks.front().b);
        cand.text = bits ? m.format("study {} self-paced in {} blocks, the first {} if {} ({})", id, n, first,
                                    relax_words(m, pl, d, bits, nullptr), burden_words(m, tot_before, pl.tot))
                         : m.format("study {} self-paced in {} blocks, the first {}: they fit now ({})", id, n, first,
                                    burden_words(m, tot_before, pl.tot));
        out.push_back(std::move(cand));
    }
    pl.rollback(mark);
}

/// Picks at most three: most participation gained, then least burden; one per kind of relaxation.
std::vector<alternative> choose(std::vector<candidate> cands) {
    std::stable_sort(cands.begin(), cands.end(), [](const candidate& a, const candidate& b) {
        if (a.gain != b.gain) return a.gain > b.gain;
        return a.cost < b.cost;
    });
    std::vector<alternative> out;
    std::vector<std::uint8_t> kinds;
    for (const auto& c : cands) {
        if (out.size() == 3) break;
        if (std::find(kinds.begin(), kinds.end(), c.relaxed) != kinds.end()) continue;
        kinds.push_back(c.relaxed);
        out.push_back({c.text, c.cost});
    }
    return out;
}

// ---------------------------------------------------------------- per mode

/// What relaxing `bits` would mean for everyone waiting (no one person's unit).
std::string relax_words_for_all(const text::messages& m, std::uint8_t bits) {
    std::vector<std::string> parts;
    if (bits & relax_unit_limit) parts.emplace_back(m.tr("their units let more staff train at once"));
    if (bits & relax_acceptance) parts.emplace_back(m.tr("people accept evening or weekend sessions"));
    if (bits & relax_after_hours_limit) parts.emplace_back(m.tr("the after-hours limit is raised"));
    if (bits & relax_shift_minimum) parts.emplace_back(m.tr("shifts can spare more people"));
    if (bits & relax_day_limit) parts.emplace_back(m.tr("the daily training limit is raised"));
    return joined(m, parts);
}

reason no_cohort_reason(const text::messages& m, plan& pl, delivery_id pmi, gathering& g);

/// Why no cohort of pm could gather, for everyone waiting for it, and whether
/// relaxing the rule that stops most of them would let one gather.
no_cohort_case no_cohort(const text::messages& m, plan& pl, delivery_id pmi) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    no_cohort_case out;
    gathering g;
    out.why = no_cohort_reason(m, pl, pmi, g);
    if (g.best >= pm.size_min || g.others.tried == 0) return out;
    const auto ranked = g.others.ranked();
    const std::uint8_t bits = ranked.empty() ? std::uint8_t{relax_none} : relax_for(ranked.front());
    if (bits == relax_none) return out;
    pl.set_relaxed(bits);
    const gathering relaxed = gather(pl, pmi);
    pl.set_relaxed(relax_none);
    if (relaxed.best < pm.size_min) return out;
    out.alternative = m.format(
        "open a {} cohort of {} if {}: {} of the {} people waiting could then sit its first "
        "session together (e.g. {})",
        mode_words(m, pm.mode), cm.scenario.programs[pm.program].id, relax_words_for_all(m, bits),
        m.number(relaxed.best), m.number(relaxed.waiting), when(m, cm, relaxed.when.a, relaxed.when.b));
    out.opens_at = relaxed.when;
    return out;
}

/// Whether pm is classroom and the budget's classroom cohorts are all in use.
bool classroom_budget_spent(const plan& pl, const delivery_c& pm) {
    const compiled_model& cm = pl.cm;
    return pm.mode == model::delivery_mode::classroom && cm.budget_classroom >= 0 &&
           pl.tot.classroom_cohorts >= cm.budget_classroom;
}

/// {least, left} when the money budget has less left than a cohort of pm costs
/// at least (its mode's and platform's cost per cohort), else {0, 0}.
std::pair<double, double> money_short(const plan& pl, const delivery_c& pm) {
    const compiled_model& cm = pl.cm;
    if (cm.budget_cost < 0) return {0, 0};
    const double least = cm.cohort_money(pm);
    const double left = cm.budget_cost - pl.money();
    if (least > 0 && least > left + 1e-9 * cm.budget_cost) return {least, std::max(0.0, left)};
    return {0, 0};
}

/// Why no cohort of pm could gather, for everyone waiting for it.
reason no_cohort_reason(const text::messages& m, plan& pl, delivery_id pmi, gathering& g) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    const auto& prog = cm.scenario.programs[pm.program];
    g = gather(pl, pmi);
    // The instructors first: when they have no day left, the people's own reasons do not matter.
    if (auto r = instructor_reason(m, pl, pmi)) return std::move(*r);
    if (g.others.tried == 0)
        return {"R-NO-COHORT",
                m.format("no cohort of {} runs: its windows leave no time before the deadlines", prog.id)};
    if (g.best >= pm.size_min) {
        // The budget first: a cohort costs at least its mode's and platform's cost per cohort.
        if (const auto [least, left] = money_short(pl, pm); least > 0)
            return {"R-BUDGET",
                    m.format("no cohort of {} runs, although {} of the {} people waiting could sit its first "
                             "session together (e.g. {}): a cohort costs at least {}, and the budget's {} has {} "
                             "left",
                             prog.id, m.number(g.best), m.number(g.waiting), when(m, cm, g.when.a, g.when.b),
                             m.money(least, cm.scenario.budget.currency),
                             m.money(cm.budget_cost, cm.scenario.budget.currency),
                             m.money(left, cm.scenario.budget.currency))};
        return {"R-NO-COHORT",
                m.format("no cohort of {} runs, although {} of the {} people waiting could sit its first session "
                         "together (e.g. {}): its venue, platform, instructors or the budget allowed none at such "
                         "times",
                         prog.id, m.number(g.best), m.number(g.waiting), when(m, cm, g.when.a, g.when.b))};
    }
    const auto ranked = g.others.ranked();
    std::string others;
    for (std::size_t i = 0; i < ranked.size() && i < 2; ++i) {
        const std::size_t k = ix(ranked[i]);
        const span ex = g.others.example[k];
        // The example person: the first one waiting whom this rule stops at that time.
        demand_id ex_d{0};
        for (const demand_id x : cm.declared_demand()) {
            if (cm.demand[x].program != pm.program || pl.place[x].kind != place_kind::none) continue;
            const employee_id e = cm.demand[x].employee;
            if (cm.refuses(e, pm)) continue;
            refusal why = refusal::none;
            if (!cm.accepts_at(e, pm, cm.day_of(ex.a), ex.a, ex.b)) why = refusal::acceptance;
            else if (pl.item_ok(e, x, ex.a, ex.b, &why)) why = refusal::none;
            if (why == ranked[i]) {
                ex_d = x;
                break;
            }
        }
        const int pct = (100 * g.others.count[k] + (g.others.tried - g.others.free) / 2) /
                        std::max(1, g.others.tried - g.others.free);
        others += (others.empty() ? "" : "; ") + m.format("{}% of the time because {} (e.g. {})", pct,
                                                          blocked_by(m, pl, ex_d, ranked[i], ex.a, ex.b),
                                                          when(m, cm, ex.a, ex.b));
    }
    return {code_of(ranked.empty() ? refusal::none : ranked.front()),
            others.empty()
                ? m.format("no cohort of {} runs: at best {} of the {} people waiting could sit its first session "
                           "together, fewer than its minimum of {}",
                           prog.id, m.number(g.best), m.number(g.waiting), m.number(pm.size_min))
                : m.format("no cohort of {} runs: at best {} of the {} people waiting could sit its first session "
                           "together, fewer than its minimum of {}; the others are kept out {}",
                           prog.id, m.number(g.best), m.number(g.waiting), m.number(pm.size_min), others)};
}

/// Whether another cohort of pm could open now with demand d in it: a schedule
/// its venue, platform and instructors allow, within the budget, d and others
/// waiting seated, members of the other cohorts moved in up to its minimum
/// without taking any of them below their own. The plan is left as it was;
/// `at`: the new cohort's first session. A few schedules are tried, from a seed
/// of d's own, so the same plan gives the same answer.
bool another_cohort_opens(plan& pl, demand_id d, delivery_id pmi, span& at) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    if (pm.fixed || pl.relaxed() != relax_none) return false;
    if (classroom_budget_spent(pl, pm)) return false;
    rng r(mix(0xc0407e11ULL, d.value));
    inserter ins(pl, r);
    std::vector<demand_id> waiting{d};
    for (const demand_id x : cm.declared_demand())
        if (x != d && cm.demand[x].program == pm.program && pl.place[x].kind == place_kind::none &&
            !cm.refuses(cm.demand[x].employee, pm))
            waiting.push_back(x);
    std::vector<cohort_id> donors;
    schedule s;
    // Four schedules drawn at random, then four built around d (a far venue
    // leaves d few times that schedules drawn at random hit).
    for (int t = 0; t < 8; ++t) {
        if (!ins.random_schedule(pmi, 0, -1, s, t < 4 ? demand_id{} : d) || !ins.probe(s, d, nullptr)) continue;
        const std::size_t mark = pl.mark();
        const cohort_id c = ins.open_pulling(s, waiting, 64, donors);
        bool ok = c.valid() && pl.place[d].kind == place_kind::cohort && pl.place[d].cohort == c;
        for (const auto x : donors) ok = ok && !pl.short_of_minimum(x);
        pl.rollback(mark);
        if (ok) {
            at = {s.sessions.front().a, s.sessions.front().b};
            return true;
        }
    }
    return false;
}

/// When every cohort of pm is full: "; no further cohort can open: ..." when the
/// budget stops one (its classroom cohorts all in use, or less money left than a
/// cohort of pm costs at least), else empty.
std::string budget_closes(const text::messages& m, const plan& pl, const delivery_c& pm) {
    const compiled_model& cm = pl.cm;
    if (classroom_budget_spent(pl, pm))
        return m.format("; no further cohort can open: the budget's {} classroom cohorts are all in use",
                        m.number(cm.budget_classroom));
    if (const auto [least, left] = money_short(pl, pm); least > 0)
        return m.format("; no further cohort can open: a cohort costs at least {}, and the budget's {} has {} left",
                        m.money(least, cm.scenario.budget.currency),
                        m.money(cm.budget_cost, cm.scenario.budget.currency),
                        m.money(left, cm.scenario.budget.currency));
    return {};
}

reason live_reason(const text::messages& m, plan& pl, demand_id d, delivery_id pmi, std::vector<cohort_probe>& probes,
                   explain_cache* cache, std::vector<candidate>& cands) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    const auto& prog = cm.scenario.programs[pm.program];
    const std::string mode = mode_words(m, pm.mode);
    // The cohorts in an order of the plan itself (times, venue, first member),
    // not of how the search happened to number them: the same plan read back
    // from solution.json (`jadwal explain`) gives the same sentences.
    std::vector<cohort_id> ours;
    for (const auto c : pl.program_cohorts[pm.program])
        if (pl.cohorts[c].pm == pmi) ours.push_back(c);
    const auto key = [&](cohort_id c) {
        const cohort_t& co = pl.cohorts[c];
        const tmin first = co.sessions.empty() ? 0 : co.sessions.front().a;
        const std::uint32_t member =
            co.members.empty() ? UINT32_MAX : std::min_element(co.members.begin(), co.members.end())->value;
        // No venue sorts first, as the -1 it was before venues were typed.
        const std::int64_t venue = co.venue.valid() ? std::int64_t{co.venue.value} : -1;
        return std::tuple{first, venue, co.fixed, member, c};
    };
    std::sort(ours.begin(), ours.end(), [&](cohort_id x, cohort_id y) { return key(x) < key(y); });
    std::vector<cohort_probe> mine;
    for (const auto c : ours) mine.push_back(probe_cohort(pl, c, d));
    probes.insert(probes.end(), mine.begin(), mine.end());
    if (mine.empty()) {
        if (classroom_budget_spent(pl, pm))
            return {"R-BUDGET", m.format("{}: no cohort of {} runs, and the budget's {} classroom cohorts are all "
                                         "in use",
                                         mode, prog.id, m.number(cm.budget_classroom))};
        no_cohort_case found;
        if (cache) {
            const auto it = cache->find(pmi);
            found = it != cache->end() ? it->second : cache->emplace(pmi, no_cohort(m, pl, pmi)).first->second;
        } else {
            found = no_cohort(m, pl, pmi);
        }
        const reason& common = found.why;
        if (!found.alternative.empty()) {
            // Priced for this person: their first session then, times the sessions of the course.
            const double first = pl.item_burden(cm.demand[d].employee, found.opens_at.a, found.opens_at.b);
            const int first_minutes = std::max(1, found.opens_at.length());
            candidate cand;
            cand.gain = cm.programs[pm.program].jp;
            cand.cost = first * pm.total_minutes / first_minutes;
            cand.relaxed = 0x80;  // a kind of its own: a new cohort
            cand.text = m.format("{} (about {} min of training for {})", found.alternative, m.number(pm.total_minutes),
                                 who(cm, cm.demand[d].employee));
            cands.push_back(std::move(cand));
        }
        const tally t = sample_own_time(pl, d, pm);
        std::string own = t.tried == 0 ? std::string(m.tr("its windows leave no time before the deadline"))
                          : t.free == 0
                              ? m.format("none of {} times sampled in its windows is free for {}: {}",
                                         m.number(t.tried), who(cm, cm.demand[d].employee), summarise(m, pl, d, t, 2))
                              : m.format("{}% of the times sampled in its windows are free for {}",
                                         (100 * t.free + t.tried / 2) / t.tried, who(cm, cm.demand[d].employee));
        const refusal top = t.free == 0 && !t.ranked().empty() ? t.ranked().front() : refusal::none;
        // A limit of the instructors or the budget binds whatever the person's own time holds.
        const bool trainers = common.code == "R-INSTRUCTOR-LIMIT" || common.code == "R-BUDGET";
        return {top == refusal::none || trainers ? common.code : code_of(top),
                m.format("{}: {}; {}", mode, common.message, own)};
    }
    // Group the cohorts by what keeps the person out.
    std::array<int, refusal_kinds> count{};
    std::array<const cohort_probe*, refusal_kinds> example{};
    for (const auto& p : mine) {
        if (count[ix(p.why)]++ == 0) example[ix(p.why)] = &p;
    }
    std::vector<refusal> ranked;
    for (std::size_t k = 0; k < refusal_kinds; ++k)
        if (count[k] > 0) ranked.push_back(static_cast<refusal>(k));
    std::stable_sort(ranked.begin(), ranked.end(), [&](refusal x, refusal y) { return count[ix(x)] > count[ix(y)]; });
    // Every cohort full: whether the instructors leave room for another.
    if (ranked.size() == 1 && ranked.front() == refusal::cohort_full && !classroom_budget_spent(pl, pm))
        if (const auto r = instructor_reason(m, pl, pmi); r && r->code == "R-INSTRUCTOR-LIMIT")
            return {r->code, mine.size() == 1
                                 ? m.format("{}: the only cohort of {} is full, and {}", mode, prog.id, r->message)
                                 : m.format("{}: all {} cohorts of {} are full, and {}", mode,
                                            m.number(static_cast<std::int64_t>(mine.size())), prog.id, r->message)};
    // Full cohorts are not the reason when another could still open with the person in it.
    if (ranked.front() == refusal::cohort_full) {
        span at{};
        if (another_cohort_opens(pl, d, pmi, at))
            return {"R-NOT-REACHED",
                    m.format("{}: the cohorts of {} that fit are full, but another could open now with {} in it (e.g. "
                             "{}), filled to its minimum of {} with people waiting and members moved from the other "
                             "cohorts; the search did not reach it",
                             mode, prog.id, who(cm, cm.demand[d].employee), when(m, cm, at.a, at.b),
                             m.number(pm.size_min))};
    }
    if (mine.size() == 1) {
        const cohort_probe& p = mine.front();
        const std::string because = p.why == refusal::none
                                        ? std::string(m.tr("it fits now (the search did not reach it)"))
                                        : blocked_by(m, pl, d, p.why, p.where.a, p.where.b);
        return {p.why == refusal::none ? "R-NOT-REACHED" : code_of(p.why),
                m.format("{}: the only cohort of {} does not fit, at its session of {}: {}", mode, prog.id,
                         when(m, cm, p.where.a, p.where.b),
                         p.why == refusal::cohort_full ? because + budget_closes(m, pl, pm) : because)};
    }
    std::string detail;
    for (const auto r : ranked) {
        const cohort_probe& ex = *example[ix(r)];
        const std::string cohort_words = m.format("{} on {}", prog.id, when(m, cm, ex.where.a, ex.where.b));
        const std::string because = r == refusal::none ? std::string(m.tr("it fits now (the search did not reach it)"))
                                                       : blocked_by(m, pl, d, r, ex.where.a, ex.where.b);
        const std::string how_many = ranked.size() == 1
                                         ? m.format("all {}", m.number(count[ix(r)]))
                                         : m.plural("{} cohort", "{} cohorts", count[ix(r)], m.number(count[ix(r)]));
        detail +=
            (detail.empty() ? "" : "; ") + m.format("{}: {} (e.g. the session of {})", how_many, because, cohort_words);
    }
    const refusal top = ranked.front();
    if (top == refusal::cohort_full) detail += budget_closes(m, pl, pm);
    return {top == refusal::none ? "R-NOT-REACHED" : code_of(top),
            mine.size() == 1 ? m.format("{}: not one of the 1 cohort of {} fits \u2014 {}", mode, prog.id, detail)
                             : m.format("{}: none of the {} cohorts of {} fits \u2014 {}", mode,
                                        m.number(static_cast<std::int64_t>(mine.size())), prog.id, detail)};
}

reason self_reason(const text::messages& m, plan& pl, rng& r, demand_id d, delivery_id pmi) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    const auto& prog = cm.scenario.programs[pm.program];
    {
        const std::size_t mark = pl.mark();
        inserter ins(pl, r);
        std::vector<span> blocks;
        const bool fits = ins.find_blocks(d, pmi, blocks, 60);
        pl.rollback(mark);
        if (fits)
            return {"R-NOT-REACHED", m.format("self-paced: {} study blocks of {} fit now; the search stopped "
                                              "before placing them",
                                              m.number(static_cast<std::int64_t>(pm.parts.size())), prog.id)};
    }
    const tally t = sample_own_time(pl, d, pm);
    if (t.tried == 0)
        return {"R-DEADLINE", m.format("self-paced: the windows of {} leave no time before the deadline of {}", prog.id,
                                       day_text(m, cm, cm.demand[d].deadline - 1))};
    const auto ranked = t.ranked();
    const refusal top = ranked.empty() ? refusal::none : ranked.front();
    return {t.free > 0 || top == refusal::none ? "R-NO-TIME" : code_of(top),
            m.format("self-paced: no room for {} study blocks of {} before {}; of {} times sampled in its windows{}{}",
                     m.number(static_cast<std::int64_t>(pm.parts.size())), prog.id,
                     day_text(m, cm, cm.demand[d].deadline - 1), m.number(t.tried),
                     t.free > 0 ? m.format(", {} are free but too few in order before the deadline", m.number(t.free))
                                : std::string(),
                     ranked.empty() ? std::string() : ": " + summarise(m, pl, d, t, 3))};
}

}  // namespace

demand_explanation explain_unplaced(const text::messages& m, plan& pl, rng& r, demand_id d, explain_cache* cache) {
    const compiled_model& cm = pl.cm;
    const demand_c& dc = cm.demand[d];
    const program_c& pc = cm.programs[dc.program];
    const auto& prog = cm.scenario.programs[dc.program];
    demand_explanation out;
    if (pc.deliveries.empty()) {
        out.reasons.push_back({"R-NO-MODE", m.format("no delivery mode of {} is allowed by policy {}", prog.id,
                                                     cm.policy.id.empty() ? "default" : cm.policy.id)});
        return out;
    }
    if (!pl.jp_cap_ok(dc.employee, dc.program)) {
        out.reasons.push_back(
            {"R-JP-CAP", m.format("{} with the {} JP of {}", blocked_by(m, pl, d, refusal::jp_cap, 0, 0),
                                  m.number(pc.jp), prog.id)});
        return out;
    }
    std::vector<cohort_probe> probes;
    std::vector<candidate> cands;
    for (const auto pmi : pc.deliveries) {
        if (cm.refuses(dc.employee, cm.deliveries[pmi])) {
            // The person's own word: nothing else about this mode matters.
            const auto mode = cm.deliveries[pmi].recording ? model::delivery_mode::online_live : cm.deliveries[pmi].mode;
            const std::string words = mode_words(m, mode);
            out.reasons.push_back(
                {"R-MODE-REFUSED", cm.deliveries[pmi].recording
                                       ? m.format("{} (recording): {} refused {} training", words,
                                                  who(cm, dc.employee), words)
                                       : m.format("{}: {} refused {} training", words, who(cm, dc.employee), words)});
            continue;
        }
        if (cm.deliveries[pmi].live) {
            out.reasons.push_back(live_reason(m, pl, d, pmi, probes, cache, cands));
        } else {
            out.reasons.push_back(self_reason(m, pl, r, d, pmi));
            try_self_paced(m, pl, r, d, pmi, relax_after_hours_limit | relax_day_limit, cands);
            try_self_paced(m, pl, r, d, pmi, relax_acceptance | relax_after_hours_limit, cands);
        }
    }
    // Relax the rule that keeps the person out of each cohort (and a second one if
    // that uncovers it); at most 24 cohorts, the ones starting soonest after the first.
    std::size_t tried = 0;
    for (const auto& p : probes) {
        if (tried++ == 24) break;
        std::uint8_t bits = relax_for(p.why);
        if (p.why == refusal::none) {
            try_cohort(m, pl, p.cohort, d, relax_none, cands);
            continue;
        }
        if (bits == relax_none) continue;
        const std::size_t before = cands.size();
        try_cohort(m, pl, p.cohort, d, bits, cands);
        if (cands.size() == before) {
            pl.set_relaxed(bits);
            const cohort_probe again = probe_cohort(pl, p.cohort, d);
            pl.set_relaxed(relax_none);
            const std::uint8_t more = relax_for(again.why);
            if (more != relax_none && more != bits) try_cohort(m, pl, p.cohort, d, bits | more, cands);
        }
    }
    out.alternatives = choose(std::move(cands));
    // The most telling reason first: a mode with cohorts before one without,
    // and a mode the person refused last (they know it already).
    const auto rank = [](const reason& x) { return x.code == "R-MODE-REFUSED" ? 2 : x.code == "R-NO-COHORT" ? 1 : 0; };
    std::stable_sort(out.reasons.begin(), out.reasons.end(),
                     [&](const reason& a, const reason& b) { return rank(a) < rank(b); });
    return out;
}

std::uint64_t explain_seed(std::uint64_t seed, demand_id d) {
    return seed ^ 0x6578706c61696eULL ^ (static_cast<std::uint64_t>(d.value) + 1) * 0x9E3779B97F4A7C15ULL;  // "explain"
}

demand_explanations explain_all_unplaced(const text::messages& m, plan& pl, std::uint64_t seed) {
    demand_explanations out(pl.cm.demand.size());
    explain_cache cache;  // depends on the plan only, not on the random stream
    for (const demand_id d : pl.cm.declared_demand())
        if (pl.place[d].kind == place_kind::none) {
            rng r(explain_seed(seed, d));
            out[d] = explain_unplaced(m, pl, r, d, &cache);
        }
    return out;
}

}  // namespace jadwal::solve::detail

namespace jadwal::solve {

std::string mode_words(const text::messages& m, model::delivery_mode mode) {
    switch (mode) {
        case model::delivery_mode::classroom: return std::string(m.tr_in("mode", "classroom"));
        case model::delivery_mode::online_live: return std::string(m.tr_in("mode", "live online"));
        case model::delivery_mode::self_paced: return std::string(m.tr_in("mode", "self-paced"));
    }
    return "?";
}

std::string mode_label(const text::messages& m, model::delivery_mode mode) {
    if (m.lang() == text::language::en) return std::string(model::to_string(mode));
    return mode_words(m, mode);
}

}  // namespace jadwal::solve
