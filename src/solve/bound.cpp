// Bounds and unplaceable demand (docs/model.md "Bounds and unplaceable
// demand"). Each test below is a necessary condition for placing a demand
// item under the hard constraints, so failing it proves the item unplaceable;
// each count below relaxes the constraints, so it is never below what a plan
// achieves.
#include <jadwal/solve/bound.hpp>

#include "bound_model.hpp"
#include "compiled_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

namespace jadwal::solve {
namespace {

using detail::compiled_model;
using detail::delivery_c;
using detail::employee_id;
using detail::span;
using detail::tmin;

/// Clips the pieces to the union of `open` spans.
std::vector<span> intersect(const std::vector<span>& pieces, const std::vector<span>& open) {
    std::vector<span> out;
    for (const auto& x : pieces)
        for (const auto& o : open) {
            const tmin a = std::max(x.a, o.a), b = std::min(x.b, o.b);
            if (a < b) out.push_back({a, b});
        }
    return out;
}

class bounder {
public:
    explicit bounder(const compiled_model& cm) : cm_(cm) {}

    /// Whether the person has time for the whole delivery before the deadline:
    /// the minutes of its windows they accept and are available in (with a
    /// trainer and a venue open, for live modes), within the daily and weekly
    /// limits, add up to its length. Ignores everyone else's training.
    [[nodiscard]] bool has_time(employee_id e, const delivery_c& pm, tmin deadline,
                                bool* outside_work = nullptr) const {
        const int daily_cap = day_cap(pm);
        long usable = 0;
        long week_work = 0, week_after = 0;
        int week = std::numeric_limits<int>::min();
        const auto close_week = [&] {
            const long after = cm_.max_ah_per_week >= 0 ? std::min<long>(week_after, cm_.max_ah_per_week) : week_after;
            usable += week_work + after;
            week_work = week_after = 0;
        };
        // A live session is one stretch: a piece shorter than every part holds none.
        int shortest = 0;
        if (pm.live && !pm.parts.empty()) {
            shortest = pm.parts.front().minutes;
            for (const auto& pt : pm.parts) shortest = std::min(shortest, pt.minutes);
        }
        for (int d = 0; d < cm_.days; ++d) {
            if (cm_.day_start[static_cast<std::size_t>(d)] >= deadline) break;
            long work = 0, after = 0;
            for (const auto& x : pieces(e, pm, d, deadline)) {
                if (x.length() < shortest) continue;
                int w = 0;
                tmin cur = x.a;
                // A session counts against the unit's limit unless the person is
                // outside working time for all of it: note an off-work stretch
                // long enough for the shortest session (one JP).
                cm_.for_each_work_piece(e, x.a, x.b, [&](tmin a, tmin b) {
                    w += b - a;
                    if (outside_work && a - cur >= cm_.scenario.jp_minutes) *outside_work = true;
                    cur = b;
                });
                if (outside_work && x.b - cur >= cm_.scenario.jp_minutes) *outside_work = true;
                work += w;
                after += x.length() - w;
            }
            if (work + after == 0) continue;
            if (cm_.max_ah_per_day >= 0) after = std::min<long>(after, cm_.max_ah_per_day);
            if (daily_cap >= 0) {
                work = std::min<long>(work, daily_cap);
                after = std::min<long>(after, daily_cap - work);
            }
            const int wk = cm_.week_of(cm_.local_day(e, cm_.day_start[static_cast<std::size_t>(d)]));
            if (wk != week) close_week(), week = wk;
            week_work += work;
            week_after += after;
            if ((!outside_work || *outside_work) && usable + week_work + week_after >= pm.total_minutes) return true;
        }
        close_week();
        return usable >= pm.total_minutes;
    }

    /// For a delivery at fixed times: the options the person can attend whole.
    [[nodiscard]] bool can_attend(employee_id e, const delivery_c& pm, std::size_t option, tmin deadline) const {
        for (const auto& x : pm.fixed_sessions[option]) {
            const int d = cm_.day_of(x.a);
            if (x.b > deadline || !cm_.available(e, x.a, x.b) || !cm_.accepts_at(e, pm, d, x.a, x.b)) return false;
        }
        return true;
    }

    /// Seats of one fixed option that unit limits leave, for these attendees:
    /// at each instant of the sessions a unit can have at most its limit in
    /// training during working time, whoever is outside working time then is
    /// free of the limit.
    [[nodiscard]] std::int64_t fixed_seats(const delivery_c& pm, std::size_t option,
                                           const std::vector<employee_id>& attendees) const {
        model::index_vector<detail::unit_id, std::vector<employee_id>> by_unit(cm_.units.size());
        for (const auto e : attendees) by_unit[cm_.employees[e].unit].push_back(e);
        std::int64_t seats = 0;
        for (const auto u : by_unit.indices()) {
            const auto& staff = by_unit[u];
            if (staff.empty()) continue;
            std::int64_t best = static_cast<std::int64_t>(staff.size());
            for (const auto& x : pm.fixed_sessions[option])
                for (tmin t = x.a; t < x.b; t += cm_.granularity) {
                    std::int64_t free_of_limit = 0;
                    for (const auto e : staff) free_of_limit += cm_.work_minutes(e, t, t + 1) == 0 ? 1 : 0;
                    best = std::min(best, cm_.units[u].limit + free_of_limit);
                }
            seats += best;
        }
        return std::min<std::int64_t>(seats, cm_.cohort_cap(pm, detail::venue_id{}, static_cast<std::int32_t>(option)));
    }

private:
    [[nodiscard]] int day_cap(const delivery_c& pm) const {
        int cap = cm_.max_training_per_day;
        if (pm.live) {
            // One cohort meets for at most the daily maximum a day (docs/model.md).
            const int daily = (pm.daily_max_jp > 0 ? pm.daily_max_jp * cm_.scenario.jp_minutes
                                                   : cm_.policy.max_session_minutes_per_day);
            cap = cap < 0 ? daily : std::min(cap, daily);
        }
        return cap;
    }

    /// The pieces of day d in the delivery's windows that the person accepts
    /// and is available in, before the deadline; for live modes also within
    /// some trainer's and some venue's open hours.
    [[nodiscard]] std::vector<span> pieces(employee_id e, const delivery_c& pm, int d, tmin deadline) const {
        std::vector<span> out;
        const auto& dc = cm_.day[static_cast<std::size_t>(d)];
        for (const detail::window_c* w = cm_.wins_begin(pm, d); w != cm_.wins_end(pm, d); ++w) {
            const tmin b = std::min(w->b, deadline);
            if (w->a >= b) continue;
            if (w->kind != 3) {
                if (cm_.accepts(e, w->kind)) out.push_back({w->a, b});
                continue;
            }
            // An explicit window asks what its clock says: working hours on
            // weekdays ask nothing, the rest needs evenings or weekends.
            if (dc.weekday == 0 || dc.weekday == 6) {
                if (cm_.accepts(e, 2)) out.push_back({w->a, b});
            } else if (cm_.accepts(e, 1)) {
                out.push_back({w->a, b});
            } else {
                const tmin a = std::max(w->a, dc.work_a), z = std::min(b, dc.work_b);
                if (a < z) out.push_back({a, z});
            }
        }
        out = available_parts(e, d, out, least_travel(e, pm));
        if (pm.live && !out.empty()) {
            const auto& prog = cm_.programs[pm.program];
            if (prog.per_session > 0) out = intersect(out, instructor_hours(prog, d));
            if (pm.mode == model::delivery_mode::classroom && !out.empty()) out = intersect(out, venue_hours(pm, d));
            out = merged(std::move(out));
        }
        return out;
    }

    /// The shortest drive from the person to a venue of the delivery (0 but for classroom).
    [[nodiscard]] tmin least_travel(employee_id e, const delivery_c& pm) const {
        if (pm.mode != model::delivery_mode::classroom || pm.venues.empty()) return 0;
        tmin least = std::numeric_limits<tmin>::max();
        for (const auto v : pm.venues) least = std::min<tmin>(least, cm_.travel_to(e, v));
        return least;
    }

    /// Overlapping or touching pieces joined: a session may run across the seam
    /// of two sources' hours (two trainers, say), so only a joined piece too
    /// short for it proves it cannot sit there.
    [[nodiscard]] static std::vector<span> merged(std::vector<span> in) {
        std::sort(in.begin(), in.end(), [](const span& x, const span& y) { return x.a < y.a; });
        std::vector<span> out;
        for (const auto& x : in) {
            if (!out.empty() && x.a <= out.back().b) out.back().b = std::max(out.back().b, x.b);
            else out.push_back(x);
        }
        return out;
    }

    /// The parts of `in` a session can take with the person's drive of
    /// `travel` minutes each way: the drive too must miss their unavailable
    /// spans (leave, rest, a protected break), so each span grows by it.
    [[nodiscard]] std::vector<span> available_parts(employee_id e, int d, const std::vector<span>& in,
                                                    tmin travel) const {
        const tmin base = cm_.day_start[static_cast<std::size_t>(d)];
        const detail::day_profile& p = cm_.profile(e, d);
        std::vector<span> cur = in;
        for (std::uint16_t i = 0; i < p.unav_n; ++i) {
            const detail::rel_span& r = cm_.profile_spans[p.off + p.work_n + i];
            const tmin ua = base + r.a - travel, ub = base + r.b + travel;
            std::vector<span> next;
            for (const auto& x : cur) {
                if (ub <= x.a || x.b <= ua) {
                    next.push_back(x);
                    continue;
                }
                if (x.a < ua) next.push_back({x.a, ua});
                if (ub < x.b) next.push_back({ub, x.b});
            }
            cur = std::move(next);
        }
        return cur;
    }

    [[nodiscard]] std::vector<span> instructor_hours(const detail::program_c& prog, int d) const {
        std::vector<span> open;
        int available = 0;
        const tmin a = cm_.day_start[static_cast<std::size_t>(d)], b = cm_.day_start[static_cast<std::size_t>(d) + 1];
        for (const auto i : prog.instructors) {
            const auto& ic = cm_.instructors[i];
            if (ic.unavailable[static_cast<std::size_t>(d)]) continue;
            ++available;
            if (ic.any_time) open.push_back({a - 1440, b + 1440});
            else
                for (auto k = ic.open_off[static_cast<std::size_t>(d)]; k < ic.open_off[static_cast<std::size_t>(d) + 1]; ++k)
                    open.push_back(ic.open[k]);
            // Evening teaching (docs/model.md "Instructors in the evening") opens more.
            if (ic.evenings_per_week >= 0 && static_cast<std::size_t>(d) < ic.evening.size()) {
                const span ev = ic.evening[static_cast<std::size_t>(d)];
                if (ev.a < ev.b) open.push_back(ev);
            }
        }
        if (available < prog.per_session) return {};
        return open;
    }

    [[nodiscard]] std::vector<span> venue_hours(const delivery_c& pm, int d) const {
        std::vector<span> open;
        const tmin a = cm_.day_start[static_cast<std::size_t>(d)], b = cm_.day_start[static_cast<std::size_t>(d) + 1];
        for (const auto v : pm.venues) {
            const auto& vc = cm_.venues[v];
            if (vc.closed[static_cast<std::size_t>(d)]) continue;
            if (vc.any_time) open.push_back({a - 1440, b + 1440});
            else
                for (auto k = vc.open_off[static_cast<std::size_t>(d)]; k < vc.open_off[static_cast<std::size_t>(d) + 1]; ++k)
                    open.push_back(vc.open[k]);
        }
        return open;
    }

    const compiled_model& cm_;
};

std::string mode_list(const model::program& p) {
    std::string out;
    for (const auto& m : p.modes) out += (out.empty() ? "" : ", ") + std::string(model::to_string(m.mode));
    return out;
}

}  // namespace

plan_bounds compute_bounds(const model::scenario& s, const model::policy& pol, std::optional<text::language> language) {
    // The reasons in the language asked for, else the scenario's (its `locale`, else English).
    const text::messages m(text::choose_language(language, s.locale));
    const compiled_model cm(s, pol);
    return detail::compute_bounds(m, cm);
}

plan_bounds detail::compute_bounds(const text::messages& m, const compiled_model& cm) {
    const model::scenario& s = cm.scenario;
    const model::policy& pol = cm.policy;
    const bounder b(cm);
    plan_bounds out;
    out.demand_total = static_cast<std::int64_t>(s.demand.size());

    // Which deliveries each item could use on its own (declared demand only;
    // top-up candidates, after it in cm.demand, count below toward targets).
    const std::size_t n = cm.declared;
    using detail::demand_id;
    model::index_vector<demand_id, std::vector<detail::delivery_id>> usable(n);
    model::index_vector<demand_id, std::vector<char>> outside(n);  // parallel: has time outside working time there
    model::index_vector<demand_id, std::string> code(n), reason(n);
    for (const demand_id i : cm.declared_demand()) {
        const auto& dc = cm.demand[i];
        const auto& prog = s.programs[dc.program];
        const auto& ec = cm.employees[dc.employee];
        if (ec.jp_cap >= 0 && ec.jp_earned + prog.jp > ec.jp_cap) {
            code[i] = "U-JP-CAP";
            reason[i] = ec.jp_earned > 0
                            ? m.format(
                                  "{} JP is more than the {} JP left under the {} JP cap of this PPPK employee, "
                                  "who earned {} JP this year",
                                  m.number(prog.jp), m.number(std::max(0, ec.jp_cap - ec.jp_earned)),
                                  m.number(ec.jp_cap), m.number(ec.jp_earned))
                            : m.format("{} JP is more than the {} JP cap of this PPPK employee", m.number(prog.jp),
                                       m.number(ec.jp_cap));
            continue;
        }
        if (cm.programs[dc.program].deliveries.empty()) {
            code[i] = "U-NO-MODE";
            reason[i] = m.format("policy {} allows none of its modes ({})", pol.id, mode_list(prog));
            continue;
        }
        bool any_fixed = false, any_flexible = false, any_accepted = false;
        for (const auto pmi : cm.programs[dc.program].deliveries) {
            const delivery_c& pm = cm.deliveries[pmi];
            if (cm.refuses(dc.employee, pm)) continue;  // the person's own word (docs/model.md "Preferences")
            any_accepted = true;
            if (pm.fixed) {
                any_fixed = true;
                for (std::size_t o = 0; o < pm.fixed_sessions.size(); ++o)
                    if (b.can_attend(dc.employee, pm, o, dc.deadline)) {
                        usable[i].push_back(pmi);
                        outside[i].push_back(0);
                        break;
                    }
            } else {
                any_flexible = true;
                bool off_work = false;
                if (b.has_time(dc.employee, pm, dc.deadline, &off_work)) {
                    usable[i].push_back(pmi);
                    outside[i].push_back(off_work ? 1 : 0);
                }
            }
        }
        if (usable[i].empty()) {
            if (!any_accepted) {
                code[i] = "U-MODE-REFUSED";
                reason[i] = m.tr("the person refused every mode it runs in that the policy allows");
            } else if (any_fixed && !any_flexible) {
                code[i] = "U-FIXED-TIME";
                reason[i] = m.tr(
                    "the person is unavailable, or does not accept the window, at every fixed time it "
                    "runs");
            } else {
                code[i] = "U-NO-TIME";
                reason[i] = m.tr(
                    "before its deadline the person has too little time in its windows that they "
                    "accept and are available in (with a trainer and a venue free, for live modes, in "
                    "stretches as long as a session and, for classroom, with room for the drive to the "
                    "venue) to take it whole");
            }
        }
    }

    // A live delivery other than at fixed times opens only with its minimum,
    // and all of a cohort sit each session together: at any instant a unit
    // has at most its limit in training during working time, so a cohort holds
    // at most limit + (those who could sit a whole session outside their
    // working time) of each unit. Fewer than the minimum in all, and nobody
    // can take it.
    model::index_vector<detail::delivery_id, std::map<detail::unit_id, std::pair<std::int64_t, std::int64_t>>> per_unit(
        cm.deliveries.size());
    for (const demand_id i : cm.declared_demand())
        for (std::size_t k = 0; k < usable[i].size(); ++k) {
            auto& [all, off_work] = per_unit[usable[i][k]][cm.employees[cm.demand[i].employee].unit];
            ++all;
            off_work += outside[i][k];
        }
    model::index_vector<detail::delivery_id, std::int64_t> could(cm.deliveries.size(), 0);
    for (const detail::delivery_id pmi : cm.deliveries.indices())
        for (const auto& [u, counts] : per_unit[pmi])
            could[pmi] += std::min<std::int64_t>(counts.first, cm.units[u].limit + counts.second);
    for (const demand_id i : cm.declared_demand()) {
        if (usable[i].empty()) continue;
        std::vector<detail::delivery_id> kept;
        for (const auto pmi : usable[i]) {
            const delivery_c& pm = cm.deliveries[pmi];
            if (pm.live && !pm.fixed && could[pmi] < pm.size_min) continue;
            kept.push_back(pmi);
        }
        if (kept.empty()) {
            const delivery_c& pm = cm.deliveries[usable[i].front()];
            code[i] = "U-COHORT-MIN";
            reason[i] = m.format(
                "a cohort in {} could hold at most {} of the people who need it (unit limits "
                "during working time included), fewer than its minimum of {}",
                model::to_string(pm.mode), m.number(could[usable[i].front()]), m.number(pm.size_min));
        }
        usable[i] = std::move(kept);
    }

    // Seats: a programme with a self-paced or open live delivery has no seat
    // limit here beyond the classroom budget; fixed deliveries have their
    // options' seats under unit limits.
    std::vector<std::int64_t> placeable(s.programs.size(), 0), seats(s.programs.size(), 0);
    std::vector<char> unlimited(s.programs.size(), 0);
    model::index_vector<detail::delivery_id, std::vector<demand_id>> fixed_attendees(cm.deliveries.size());
    for (const demand_id i : cm.declared_demand()) {
        if (usable[i].empty()) continue;
        ++placeable[cm.demand[i].program];
        for (const auto pmi : usable[i]) {
            const delivery_c& pm = cm.deliveries[pmi];
            if (pm.fixed) fixed_attendees[pmi].push_back(i);
        }
    }
    for (const detail::delivery_id pmi : cm.deliveries.indices()) {
        const delivery_c& pm = cm.deliveries[pmi];
        if (!pm.fixed) {
            if (pm.mode == model::delivery_mode::classroom && cm.budget_classroom >= 0) {
                int biggest = 0;
                for (const auto v : pm.venues) biggest = std::max(biggest, cm.cohort_cap(pm, v, -1));
                seats[pm.program] += static_cast<std::int64_t>(cm.budget_classroom) * biggest;
            } else {
                unlimited[pm.program] = 1;
            }
            continue;
        }
        for (std::size_t o = 0; o < pm.fixed_sessions.size(); ++o) {
            std::vector<employee_id> people;
            for (const auto i : fixed_attendees[pmi])
                if (b.can_attend(cm.demand[i].employee, pm, o, cm.demand[i].deadline)) people.push_back(cm.demand[i].employee);
            seats[pm.program] += b.fixed_seats(pm, o, people);
        }
    }
    std::int64_t by_programme = 0;
    for (std::size_t p = 0; p < s.programs.size(); ++p)
        by_programme += unlimited[p] ? placeable[p] : std::min(placeable[p], seats[p]);

    // Per person: the PPPK cap allows only so many of their placeable items
    // (the smallest first), and a target is reachable only with enough JP.
    // Where a programme has fewer seats than the people who need it to reach
    // their target, at least the difference miss it (one programme at a time,
    // the one that cuts most, so that nobody is counted twice).
    std::int64_t by_person = 0;
    std::int64_t reach = 0;
    std::vector<std::int64_t> needing(s.programs.size(), 0);
    for (const employee_id e : cm.employees.indices()) {
        std::vector<int> jp;
        for (const demand_id i : cm.declared_of(e)) {
            if (!usable[i].empty()) jp.push_back(s.programs[cm.demand[i].program].jp);
        }
        std::sort(jp.begin(), jp.end());
        // JP earned this year (history) use up the cap and count toward the target.
        const int earned = cm.employees[e].jp_earned;
        const int cap = cm.employees[e].jp_cap >= 0 ? std::max(0, cm.employees[e].jp_cap - earned) : -1;
        long total = 0;
        std::int64_t count = 0;
        for (const int x : jp) {
            if (cap >= 0 && total + x > cap) break;
            total += x;
            ++count;
        }
        by_person += count;
        long all = std::accumulate(jp.begin(), jp.end(), 0L);
        if (cm.employees[e].jp_target <= 0) continue;
        const int target = cm.employees[e].jp_target - earned;  // what the plan must still bring
        if (target <= 0) {
            ++out.jp_target_employees;
            ++reach;
            continue;
        }
        if (all < target && !cm.topup_off.empty()) {
            // The catalogue tops up what the person could take alone, within its per-person limit.
            long topup = 0;
            for (const demand_id i : cm.topups_of(e)) {
                const auto& dc = cm.demand[i];
                for (const auto pmi : cm.programs[dc.program].deliveries)
                    if (!cm.deliveries[pmi].fixed && !cm.refuses(dc.employee, cm.deliveries[pmi]) &&
                        b.has_time(dc.employee, cm.deliveries[pmi], dc.deadline)) {
                        topup += s.programs[dc.program].jp;
                        break;
                    }
            }
            if (cm.topup_max_jp > 0) topup = std::min<long>(topup, cm.topup_max_jp);
            all += topup;
        }
        const long reachable = cap >= 0 ? std::min<long>(cap, all) : all;
        ++out.jp_target_employees;
        if (reachable < target) continue;
        ++reach;
        for (const demand_id i : cm.declared_of(e)) {
            const auto p = cm.demand[i].program;
            if (!usable[i].empty() && !unlimited[p] && reachable - s.programs[p].jp < target) ++needing[p];
        }
    }
    std::int64_t worst_cut = 0;
    for (std::size_t p = 0; p < s.programs.size(); ++p)
        if (!unlimited[p]) worst_cut = std::max(worst_cut, needing[p] - seats[p]);
    out.jp_target_met = reach - worst_cut;
    std::int64_t alone = 0;
    for (const demand_id i : cm.declared_demand()) alone += usable[i].empty() ? 0 : 1;
    out.demand_placed = std::min(by_programme, by_person);
    out.capacity_cut = alone - out.demand_placed;

    for (const demand_id i : cm.declared_demand()) {
        if (!usable[i].empty()) continue;
        unplaceable_demand u;
        u.employee = s.demand[i.value].employee;
        u.program = s.demand[i.value].program;
        u.demand = i.value;
        u.code = code[i];
        u.reason = reason[i];
        out.unplaceable.push_back(std::move(u));
    }
    return out;
}

}  // namespace jadwal::solve
