#include "insertion.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace jadwal::solve::detail {
namespace {

tmin align_up(const compiled_model& cm, int d, tmin t) {
    const tmin base = cm.day_start[static_cast<std::size_t>(d)];
    const tmin rel = t - base;
    const tmin g = cm.granularity;
    return base + (rel >= 0 ? (rel + g - 1) / g * g : -((-rel) / g * g));
}

tmin align_down(const compiled_model& cm, int d, tmin t) {
    const tmin base = cm.day_start[static_cast<std::size_t>(d)];
    const tmin rel = t - base;
    const tmin g = cm.granularity;
    return base + (rel >= 0 ? rel / g * g : -((-rel + g - 1) / g * g));
}

/// The least burden a block of this many minutes can have: every minute after
/// hours, or at the lightest critical weight.
double least_burden(const compiled_model& cm, int minutes) {
    double w = cm.weight_class[0];
    for (double x : cm.weight_class) w = std::min(w, x);
    return minutes * std::min(cm.weights.after_hours, cm.weights.disruption * w);
}

bool in_some_window(const compiled_model& cm, const delivery_c& pm, int d, tmin a, tmin b) {
    for (const window_c* w = cm.wins_begin(pm, d); w != cm.wins_end(pm, d); ++w)
        if (w->a <= a && b <= w->b) return true;
    return false;
}

/// One person's after-hours minutes per ISO week over sessions (with travel)
/// added one by one to what the plan already gives them, against the policy's
/// weekly limit (which the caller knows is set).
class week_after_hours_tally {
public:
    week_after_hours_tally(const plan& pl, employee_id e) : pl_(pl), e_(e) {}

    /// Adds [a, b); false when its week then holds more than the limit. Past
    /// 16 distinct weeks a session is held against the plan's week alone.
    bool add(tmin a, tmin b) {
        const compiled_model& cm = pl_.cm;
        const int ah = cm.after_hours_minutes(e_, a, b);
        if (ah == 0) return true;
        const int wk = cm.week_of(cm.local_day(e_, a));
        std::size_t i = 0;
        while (i < n_ && weeks_[i].first != wk) ++i;
        if (i == n_) {
            if (n_ == weeks_.size()) return ah + pl_.week_after_hours(e_, wk) <= cm.max_ah_per_week;
            weeks_[n_++] = {wk, 0};
        }
        weeks_[i].second += ah;
        return weeks_[i].second + pl_.week_after_hours(e_, wk) <= cm.max_ah_per_week;
    }

private:
    const plan& pl_;
    employee_id e_;
    std::array<std::pair<int, int>, 16> weeks_{};  ///< (week, after-hours minutes added)
    std::size_t n_ = 0;
};

/// Probes whether employee e could attend sessions (with travel) now, with the
/// weekly after-hours limit counted over all of them.
bool probe_sessions(const plan& pl, demand_id d, const delivery_c& pm, venue_id venue,
                    const std::vector<session_t>& sessions, double* burden, refusal* why) {
    const compiled_model& cm = pl.cm;
    const demand_c& dc = cm.demand[d];
    const employee_id e = dc.employee;
    auto fail = [&](refusal r) {
        if (why) *why = r;
        return false;
    };
    if (!pl.jp_cap_ok(e, dc.program)) return fail(refusal::jp_cap);
    if (cm.refuses(e, pm)) return fail(refusal::mode_refused);
    const int travel = cm.travel_to(e, venue);
    week_after_hours_tally weeks(pl, e);
    double total = 0;
    for (const auto& s : sessions) {
        if (!cm.accepts_at(e, pm, s.day, s.a, s.b)) return fail(refusal::acceptance);
        const tmin a = s.a - travel, b = s.b + travel;
        if (!pl.item_ok(e, d, a, b, why)) return false;
        if (burden) total += pl.item_burden(e, a, b) + cm.weights.preference * cm.time_misses(e, s.a, s.b);
        if (cm.max_ah_per_week >= 0 && !weeks.add(a, b)) return fail(refusal::after_hours_week);
    }
    if (burden) *burden = total + cm.weights.preference * cm.mode_miss(e, pm);
    return true;
}

}  // namespace

// ---------------------------------------------------------------- self-paced

double inserter::block_burden(employee_id e, span at) const {
    return pl_.item_burden(e, at.a, at.b) + cm_.weights.preference * cm_.time_misses(e, at.a, at.b);
}

bool inserter::best_block(demand_id d, const delivery_c& pm, std::uint32_t k, tmin earliest, int day_lo, int day_hi,
                          int effort, span& best, refusal* why) {
    const demand_c& dc = cm_.demand[d];
    const employee_id e = dc.employee;
    const int len = pm.parts[k].minutes;
    const double perfect = least_burden(cm_, len) + 1e-9;
    bool found = false;
    double best_burden = 0;
    int found_day = -1;
    std::array<tmin, 40> cands{};
    day_lo = std::max(day_lo, 0);
    day_hi = std::min(day_hi, cm_.days - 1);
    for (int dd = day_lo; dd <= day_hi; ++dd) {
        if (found && dd > found_day + effort) break;
        const window_c* wb = cm_.wins_begin(pm, dd);
        const window_c* we = cm_.wins_end(pm, dd);
        if (wb == we) continue;
        const day_profile& prof = cm_.profile(e, dd);
        const tmin base = cm_.day_start[static_cast<std::size_t>(dd)];
        for (const window_c* w = wb; w != we; ++w) {
            const tmin lo = align_up(cm_, dd, std::max(w->a, earliest));
            const tmin hi = align_down(cm_, dd, std::min(w->b, dc.deadline) - len);
            if (hi < lo) continue;
            std::size_t n = 0;
            auto add = [&](tmin t) {
                if (t >= lo && t <= hi && n < cands.size()) cands[n++] = t;
            };
            add(lo);
            add(hi);
            for (std::uint16_t i = 0; i < prof.work_n + prof.unav_n; ++i) {
                const rel_span& r = cm_.profile_spans[prof.off + i];
                add(align_up(cm_, dd, base + r.b));
                add(align_down(cm_, dd, base + r.a - len));
            }
            for (const auto& it : pl_.items[e]) {
                if (it.b < w->a - len || it.a > w->b + len) continue;
                add(align_up(cm_, dd, it.b));
                add(align_down(cm_, dd, it.a - len));
            }
            for (std::size_t i = 0; i < n; ++i) {
                const tmin a = cands[i], b = a + len;
                bool dup = false;
                for (std::size_t j = 0; j < i; ++j) dup = dup || cands[j] == a;
                if (dup) continue;
                if (!(pl_.relaxed() & relax_acceptance) && !cm_.accepts_at(e, pm, dd, a, b)) {
                    if (why) *why = refusal::acceptance;
                    continue;
                }
                // The burden first, as it costs far less than the rules: a start that
                // cannot beat the best one found is never checked against them.
                const double burden = block_burden(e, {a, b});
                if (found && burden >= best_burden - 1e-9) continue;
                if (!pl_.item_ok(e, d, a, b, why)) continue;
                best = {a, b};
                best_burden = burden;
                if (!found) found_day = dd;
                found = true;
                if (burden <= perfect) return true;
            }
        }
    }
    return found;
}

bool inserter::find_blocks(demand_id d, delivery_id pmi, std::vector<span>& out, int effort, refusal* why) {
    const delivery_c& pm = cm_.deliveries[pmi];
    const demand_c& dc = cm_.demand[d];
    const employee_id e = dc.employee;
    if (!pl_.jp_cap_ok(e, dc.program)) {
        if (why) *why = refusal::jp_cap;
        return false;
    }
    if (cm_.refuses(e, pm)) {
        if (why) *why = refusal::mode_refused;
        return false;
    }
    const int last_day = std::min(cm_.days - 1, cm_.day_of(dc.deadline - 1));
    if (last_day < 0) {
        if (why) *why = refusal::deadline;
        return false;
    }
    out.assign(pm.parts.size(), span{});
    refusal last = refusal::unavailable;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int start_day = attempt == 0 ? rng_.between(0, std::max(0, last_day * 2 / 3)) : 0;
        bool ok = true;
        std::uint32_t added = 0;
        int cur = start_day;
        for (std::uint32_t k = 0; k < pm.parts.size(); ++k) {
            tmin earliest = 0;
            const int pre = pm.parts[k].prereq_module;
            if (pre >= 0) {
                const auto [p0, n] = pm.module_parts[static_cast<std::size_t>(pre)];
                for (std::uint32_t j = p0; j < p0 + n; ++j) earliest = std::max(earliest, out[j].b);
            }
            const int dmin = cm_.day_of(earliest);
            const int lo = std::max(cur, dmin);
            span best;
            bool found = best_block(d, pm, k, earliest, lo, last_day, effort, best, &last);
            // The days before `lo` (the previous part's day, or the first day drawn)
            // when nothing fits from it on, or nothing as cheap as a minute can be:
            // a part that took the week's one long lunch gap otherwise pushes the
            // next part into working time. The refusal said is that of a failure.
            if (lo > dmin) {
                const double found_burden = found ? block_burden(e, best) : 0;
                if (!found || found_burden > least_burden(cm_, pm.parts[k].minutes) + 1e-9) {
                    span before;
                    refusal ignored = refusal::none;
                    if (best_block(d, pm, k, earliest, dmin, lo - 1, effort, before, found ? &ignored : &last) &&
                        (!found || block_burden(e, before) < found_burden - 1e-9))
                        best = before, found = true;
                }
            }
            if (!found) {
                ok = false;
                break;
            }
            out[k] = best;
            pl_.scratch_add(e, pl_.make_item(e, d, static_cast<std::uint16_t>(k), best.a, best.b));
            ++added;
            cur = cm_.day_of(best.a);
        }
        for (std::uint32_t j = 0; j < added; ++j) pl_.scratch_remove(e, d, static_cast<std::uint16_t>(j));
        if (ok) return true;
    }
    if (why) *why = last;
    return false;
}

bool inserter::place_self(demand_id d, delivery_id pm, int effort, refusal* why) {
    std::vector<span> blocks;
    if (!find_blocks(d, pm, blocks, effort, why)) return false;
    return pl_.self_place(d, pm, blocks, why);
}

// ---------------------------------------------------------------- cohorts

bool inserter::random_schedule(delivery_id pmi, int first_lo, int first_hi, schedule& out, demand_id around) {
    const delivery_c& pm = cm_.deliveries[pmi];
    const program_c& pc = cm_.programs[pm.program];
    if (pm.fixed || pm.parts.empty()) return false;
    const bool focused = around.valid();
    const employee_id fe = focused ? cm_.demand[around].employee : employee_id{0};
    if (focused && (pl_.place[around].kind != place_kind::none || cm_.refuses(fe, pm) ||
                    !pl_.jp_cap_ok(fe, cm_.demand[around].program)))
        return false;
    out.pm = pmi;
    out.fixed = -1;
    out.venue = pm.venues.empty() ? venue_id{} : pm.venues[rng_.below(static_cast<std::uint32_t>(pm.venues.size()))];
    out.instructors.clear();
    {
        std::vector<instructor_id> pool = pc.instructors;
        for (int i = 0; i < pc.per_session && !pool.empty(); ++i) {
            const auto j = rng_.below(static_cast<std::uint32_t>(pool.size()));
            out.instructors.push_back(pool[j]);
            pool[j] = pool.back();
            pool.pop_back();
        }
        std::sort(out.instructors.begin(), out.instructors.end());
    }
    out.sessions.clear();
    if (first_hi < 0 || first_hi >= cm_.days) first_hi = cm_.days - 1;
    first_lo = std::clamp(first_lo, 0, cm_.days - 1);
    int d0 = rng_.between(first_lo, std::max(first_lo, first_hi));
    // Half the classroom schedules look for days the venue is already paid for
    // (a morning and an afternoon cohort share one venue day).
    const bool share = out.venue.valid() && rng_.chance(1, 2);
    auto booked = [&](int dd) { return !pl_.venue_day(out.venue, dd).empty(); };
    if (share) {
        std::vector<int> days;
        for (int dd = first_lo; dd <= first_hi; ++dd)
            if (booked(dd)) days.push_back(dd);
        if (!days.empty()) d0 = days[rng_.below(static_cast<std::uint32_t>(days.size()))];
    }
    month_tally_.clear();
    auto resources_ok = [&](int dd, tmin a, tmin b) {
        if (a < pl_.earliest()) return false;  // re-planning: nothing new before the re-plan instant
        if (out.venue.valid() && !pl_.venue_free(out.venue, dd, a, b, cohort_id{})) return false;
        if (pm.platform.valid() && !pl_.platform_free(pm.platform, dd, a, b, cohort_id{})) return false;
        for (const auto i : out.instructors) {
            if (!pl_.instructor_free(i, dd, a, b, cohort_id{})) return false;
            if (cm_.instructor_evening(i, dd, a, b)) {
                // Evenings this schedule already takes count towards the week too.
                std::vector<int> extra;
                for (const auto& x : out.sessions)
                    if (cm_.instructor_evening(i, x.day, x.a, x.b)) extra.push_back(x.day);
                if (!pl_.instructor_evenings_ok(i, dd, cohort_id{}, -1, extra)) return false;
            }
            if (!month_tally_.room(pl_, i, dd)) return false;
        }
        return true;
    };
    // The policy's daily and weekly after-hours caps bind everyone who works
    // the policy's hours, so a schedule over them could seat nobody: its
    // sessions are spread over the weeks. After-hours minutes are counted
    // against the policy's working hours of the day.
    auto after_hours = [&](int dd, tmin a, tmin b) {
        const day_c& dc = cm_.day[static_cast<std::size_t>(dd)];
        const tmin inside = std::max<tmin>(0, std::min(b, dc.work_b) - std::max(a, dc.work_a));
        return static_cast<int>((b - a) - inside);
    };
    auto caps_ok = [&](int dd, tmin a, tmin b) {
        const int ah = after_hours(dd, a, b);
        if (ah == 0) return true;
        if (cm_.max_ah_per_day >= 0 && ah > cm_.max_ah_per_day) return false;
        if (cm_.max_ah_per_week < 0) return true;
        const int week = cm_.week_of(dd);
        int in_week = ah;
        for (const auto& s : out.sessions)
            if (cm_.week_of(s.day) == week) in_week += after_hours(s.day, s.a, s.b);
        return in_week <= cm_.max_ah_per_week;
    };
    // The person a schedule is built around: their travel to the venue each
    // way, and their after-hours minutes of a session (with travel).
    const tmin travel = focused ? cm_.travel_to(fe, out.venue) : 0;
    auto focus_after_hours_ok = [&](tmin a, tmin b) {
        if (cm_.max_ah_per_week < 0 || (pl_.relaxed() & relax_after_hours_limit)) return true;
        if (cm_.after_hours_minutes(fe, a, b) == 0) return true;
        week_after_hours_tally weeks(pl_, fe);
        for (const auto& x : out.sessions) (void)weeks.add(x.a - travel, x.b + travel);  // each was accepted
        return weeks.add(a, b);
    };
    auto focus_ok = [&](int dd, tmin a, tmin b) {
        if (!focused) return true;
        if (!(pl_.relaxed() & relax_acceptance) && !cm_.accepts_at(fe, pm, dd, a, b)) return false;
        return pl_.item_ok(fe, around, a - travel, b + travel, nullptr) && focus_after_hours_ok(a - travel, b + travel);
    };
    tmin tod = -1;
    for (std::size_t j = 0; j < pm.parts.size(); ++j) {
        const part_c& pt = pm.parts[j];
        int lo, hi;
        if (j == 0) {
            lo = d0;
            hi = std::min(cm_.days - 1, d0 + 28);
        } else {
            std::tie(lo, hi) = later_part_days(cm_, pt, out.sessions);
            if (pt.prev < 0 && pt.prereq_last < 0) hi = std::min(hi, lo + 14);  // an unrelated module: soon after
        }
        bool found = false;
        for (int pass = share ? 0 : 1; pass < 2 && !found; ++pass) {
          for (int dd = lo; dd <= hi && !found; ++dd) {
            if (pass == 0 && !booked(dd)) continue;
            const window_c* wb = cm_.wins_begin(pm, dd);
            const window_c* we = cm_.wins_end(pm, dd);
            if (wb == we) continue;
            // Start times: the first session's time of day, a random one and the
            // windows' edges (window_starts at most), then, built around a
            // person, the ends of their day's spans.
            constexpr std::size_t window_starts = 12;
            std::array<tmin, window_starts + 16> cands{};
            std::size_t n = 0;
            const tmin base = cm_.day_start[static_cast<std::size_t>(dd)];
            if (tod >= 0) cands[n++] = base + tod;
            if (j == 0) {
                const window_c& w = wb[rng_.below(static_cast<std::uint32_t>(we - wb))];
                const tmin lo_t = align_up(cm_, dd, w.a), hi_t = align_down(cm_, dd, w.b - pt.minutes);
                if (hi_t >= lo_t)
                    cands[n++] = lo_t + static_cast<tmin>(rng_.below(static_cast<std::uint32_t>((hi_t - lo_t) / cm_.granularity + 1))) * cm_.granularity;
            }
            for (const window_c* w = wb; w != we && n + 2 <= window_starts; ++w) {
                cands[n++] = align_up(cm_, dd, w->a);
                cands[n++] = align_down(cm_, dd, w->b - pt.minutes);
            }
            if (focused) {
                // Around the person's day: a session (with its travel) that
                // starts as a span of theirs ends, or ends as one starts.
                const day_profile& prof = cm_.profile(fe, dd);
                for (std::uint16_t i = 0; i < prof.work_n + prof.unav_n && n + 2 <= cands.size(); ++i) {
                    const rel_span& r = cm_.profile_spans[prof.off + i];
                    cands[n++] = align_up(cm_, dd, base + r.b + travel);
                    cands[n++] = align_down(cm_, dd, base + r.a - travel - pt.minutes);
                }
            }
            for (std::size_t i = 0; i < n && !found; ++i) {
                const tmin a = cands[i], b = a + pt.minutes;
                if (!in_some_window(cm_, pm, dd, a, b)) continue;
                if (!caps_ok(dd, a, b) || !resources_ok(dd, a, b) || !focus_ok(dd, a, b)) continue;
                out.sessions.push_back({a, b, dd});
                for (const auto ins : out.instructors) month_tally_.count(pl_, ins, dd);
                if (tod < 0) tod = a - base;
                found = true;
            }
          }
        }
        if (!found) return false;
    }
    return true;
}

bool inserter::probe(const schedule& s, demand_id d, double* burden, refusal* why) const {
    if (pl_.place[d].kind != place_kind::none) {
        if (why) *why = refusal::structure;
        return false;
    }
    return probe_sessions(pl_, d, cm_.deliveries[s.pm], s.venue, s.sessions, burden, why);
}

cohort_id inserter::open_seating(const schedule& s, const std::vector<demand_id>& candidates) {
    const std::size_t mark = pl_.mark();
    const cohort_id c = pl_.open_cohort(s.pm, s.venue, s.fixed, s.instructors, s.sessions);
    if (!pl_.budget_ok()) {
        pl_.rollback(mark);
        return {};
    }
    for (const demand_id d : candidates) {
        if (static_cast<int>(pl_.cohorts[c].members.size()) >= pl_.cohorts[c].cap) break;
        if (pl_.place[d].kind == place_kind::none) pl_.join(c, d);
    }
    return c;
}

cohort_id inserter::open_and_seat(const schedule& s, const std::vector<demand_id>& candidates) {
    const std::size_t mark = pl_.mark();
    const cohort_id c = open_seating(s, candidates);
    if (!c.valid()) return {};
    if (pl_.short_of_minimum(c)) {
        pl_.rollback(mark);
        return {};
    }
    return c;
}

cohort_id inserter::open_pulling(const schedule& s, const std::vector<demand_id>& waiting, int max_pulls,
                                 std::vector<cohort_id>& donors) {
    donors.clear();
    const std::size_t mark = pl_.mark();
    const cohort_id c = open_seating(s, waiting);
    if (!c.valid()) return {};
    const delivery_c& pm = cm_.deliveries[s.pm];
    if (pl_.short_of_minimum(c)) {
        pull_.clear();
        std::size_t above = 0;
        for (const bool spare : {true, false}) {
            for (const auto x : pl_.program_cohorts[pm.program]) {
                if (x == c || pl_.cohort_frozen(x)) continue;
                if (pl_.has_spare(x) != spare) continue;
                for (const auto m : pl_.cohorts[x].members) pull_.push_back(m);
            }
            const auto first = pull_.begin() + static_cast<std::ptrdiff_t>(above);
            for (auto i = pull_.end() - first; i > 1; --i)
                std::swap(first[i - 1], first[rng_.below(static_cast<std::uint32_t>(i))]);
            above = pull_.size();
        }
        int tries = 0;
        for (const auto m : pull_) {
            if (!pl_.short_of_minimum(c) || ++tries > max_pulls) break;
            if (pl_.frozen(m)) continue;
            const cohort_id from = pl_.place[m].cohort;
            pl_.leave(m);
            if (pl_.join(c, m)) {
                if (std::find(donors.begin(), donors.end(), from) == donors.end()) donors.push_back(from);
                continue;
            }
            if (!pl_.join(from, m)) {
                pl_.rollback(mark);
                donors.clear();
                return {};
            }
        }
    }
    if (pl_.short_of_minimum(c)) {
        pl_.rollback(mark);
        donors.clear();
        return {};
    }
    return c;
}

bool inserter::fixed_schedule(delivery_id pmi, std::size_t first_option, schedule& s, std::size_t& option) {
    const delivery_c& pm = cm_.deliveries[pmi];
    const program_c& pc = cm_.programs[pm.program];
    for (std::size_t o = first_option; o < pm.fixed_sessions.size(); ++o) {
        bool used = false;
        for (const auto c : pl_.program_cohorts[pm.program])
            used = used || (pl_.cohorts[c].pm == pmi && pl_.cohorts[c].fixed == static_cast<std::int32_t>(o));
        if (used) continue;
        s = schedule{};
        s.pm = pmi;
        s.fixed = static_cast<std::int32_t>(o);
        bool ok = true;
        for (const auto& f : pm.fixed_sessions[o]) {
            if (f.a < pl_.earliest()) ok = false;  // already past when re-planning
            const int dd = cm_.day_of(f.a);
            s.sessions.push_back({f.a, f.b, dd});
            if (pm.platform.valid() && !pl_.platform_free(pm.platform, dd, f.a, f.b, cohort_id{})) ok = false;
        }
        for (int i = 0; ok && i < pc.per_session; ++i) {
            bool got = false;
            for (const auto ins : pc.instructors) {
                if (std::find(s.instructors.begin(), s.instructors.end(), ins) != s.instructors.end()) continue;
                bool free = true;
                std::vector<int> evenings;  // this schedule's evenings of ins so far: they count towards the week too
                for (const auto& x : s.sessions) {
                    free = free && pl_.instructor_free(ins, x.day, x.a, x.b, cohort_id{});
                    if (free && cm_.instructor_evening(ins, x.day, x.a, x.b)) {
                        free = pl_.instructor_evenings_ok(ins, x.day, cohort_id{}, -1, evenings);
                        evenings.push_back(x.day);
                    }
                }
                if (free) {
                    s.instructors.push_back(ins);
                    got = true;
                    break;
                }
            }
            ok = got;
        }
        if (!ok) continue;
        option = o;
        return true;
    }
    return false;
}

bool inserter::best_schedule(delivery_id pmi, const std::vector<demand_id>& candidates, int tries, int first_lo,
                             int first_hi, schedule& best, double& best_seated, double& best_avg) {
    const delivery_c& pm = cm_.deliveries[pmi];
    best_seated = -1;
    best_avg = 0;
    if (candidates.empty() || pm.fixed) return false;
    // The same random sample scores every try.
    const std::size_t sample_n = std::min<std::size_t>(candidates.size(), 96);
    sample_.assign(candidates.begin(), candidates.end());
    for (std::size_t i = 0; i < sample_n; ++i) {
        const auto j = i + rng_.below(static_cast<std::uint32_t>(sample_.size() - i));
        std::swap(sample_[i], sample_[j]);
    }
    sample_.resize(sample_n);
    const double scale = static_cast<double>(candidates.size()) / static_cast<double>(sample_n);
    // Scores a schedule by the people of the sample it could seat, and keeps the best.
    auto consider = [&](const schedule& s) {
        int ok = 0;
        double sum = 0;
        // Who could come in working time counts against their unit's limit: a
        // cohort takes at most that many of one unit, however many the sample finds.
        unit_ok_.clear();
        int free_time_ok = 0;
        for (const auto d : sample_) {
            double b = 0;
            if (!probe(s, d, &b)) continue;
            ++ok, sum += b;
            const employee_id e = cm_.demand[d].employee;
            bool in_work = false;
            for (const auto& x : s.sessions) in_work = in_work || cm_.work_minutes(e, x.a, x.b) > 0;
            if (!in_work) {
                ++free_time_ok;
                continue;
            }
            const unit_id u = cm_.employees[e].unit;
            auto it = std::find_if(unit_ok_.begin(), unit_ok_.end(), [&](const auto& x) { return x.first == u; });
            if (it == unit_ok_.end()) unit_ok_.push_back({u, 1});
            else it->second += 1;
        }
        if (ok == 0) return;
        const int cap = cm_.cohort_cap(pm, s.venue, -1);
        double est = free_time_ok * scale;
        for (const auto& [u, n] : unit_ok_) est += std::min(n * scale, static_cast<double>(cm_.units[u].limit));
        const double seated = std::min(est, static_cast<double>(cap));
        const double avg = sum / ok;
        if (seated > best_seated + 0.5 || (seated > best_seated - 0.5 && avg < best_avg)) {
            best = s;
            best_seated = seated;
            best_avg = avg;
        }
    };
    schedule s;
    for (int t = 0; t < tries; ++t)
        if (random_schedule(pmi, first_lo, first_hi, s)) consider(s);
    if (best_seated >= pm.size_min) return true;
    // None seats the minimum: schedules built around one person of the sample
    // each (one at least can come, and those who live and work alike may too).
    // Their own stream leaves the search's where it was when they find nothing either.
    schedules_around(
        pmi, first_lo, first_hi, tries,
        [&](rng& r) { return sample_[r.below(static_cast<std::uint32_t>(sample_n))]; }, consider);
    return best_seated >= 0;
}

cohort_id inserter::build_cohort(delivery_id pmi, const std::vector<demand_id>& candidates, int tries, int first_lo,
                                 int first_hi) {
    const delivery_c& pm = cm_.deliveries[pmi];
    if (candidates.empty()) return {};
    schedule s;
    if (pm.fixed) {
        std::size_t option = 0;
        for (std::size_t from = 0; fixed_schedule(pmi, from, s, option); from = option + 1) {
            const cohort_id c = open_and_seat(s, candidates);
            if (c.valid()) return c;
        }
        return {};
    }
    double seated = 0, avg = 0;
    if (!best_schedule(pmi, candidates, tries, first_lo, first_hi, s, seated, avg)) return {};
    if (seated < pm.size_min) return {};
    return open_and_seat(s, candidates);
}

// ---------------------------------------------------------------- one demand

bool inserter::insert_best(demand_id d, int effort, refusal* why) {
    const demand_c& dc = cm_.demand[d];
    if (pl_.place[d].kind != place_kind::none) return false;
    cohort_id best_cohort;
    double best = 0;
    bool found = false;
    for (const auto c : pl_.program_cohorts[dc.program]) {
        const cohort_t& co = pl_.cohorts[c];
        if (static_cast<int>(co.members.size()) >= co.cap) {
            if (why) *why = refusal::cohort_full;
            continue;
        }
        double b = 0;
        if (!probe_sessions(pl_, d, cm_.deliveries[co.pm], co.venue, co.sessions, &b, why)) continue;
        if (!found || b < best) {
            best = b;
            best_cohort = c;
            found = true;
        }
    }
    std::vector<span> blocks, best_blocks;
    delivery_id best_pm;  ///< invalid: the best is a cohort
    for (const auto pmi : cm_.programs[dc.program].deliveries) {
        if (cm_.deliveries[pmi].live) continue;
        if (!find_blocks(d, pmi, blocks, effort, why)) continue;
        double b = cm_.weights.preference * cm_.mode_miss(dc.employee, cm_.deliveries[pmi]);
        for (const auto& x : blocks)
            b += pl_.item_burden(dc.employee, x.a, x.b) + cm_.weights.preference * cm_.time_misses(dc.employee, x.a, x.b);
        if (!found || b < best) {
            best = b;
            best_pm = pmi;
            best_blocks = blocks;
            best_cohort = {};
            found = true;
        }
    }
    if (!found) return false;
    if (best_pm.valid()) return pl_.self_place(d, best_pm, best_blocks, why);
    return pl_.join(best_cohort, d, why);
}

}  // namespace jadwal::solve::detail
