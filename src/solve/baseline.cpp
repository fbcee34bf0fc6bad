// The baseline strategy: a training calendar as an HR office draws it up by
// hand (construct.hpp). It shares the plan's hard-constraint checks, so it is
// feasible; it just does not look for anything better.
#include "construct.hpp"
#include "insertion.hpp"

#include <algorithm>

namespace jadwal::solve::detail {
namespace {

bool tue_to_thu(const compiled_model& cm, int d) {
    const int wd = cm.day[static_cast<std::size_t>(d)].weekday;
    return wd >= 2 && wd <= 4;
}

/// Sessions of pm on Tuesday-Thursday from `first_day`, all at the same clock
/// time where possible (else the earliest that fits), with this venue and
/// these instructors. False when the parts cannot all be placed.
bool hand_schedule(const plan& pl, delivery_id pmi, int first_day, venue_id venue,
                   const std::vector<instructor_id>& instructors, schedule& out) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pmi];
    out = schedule{};
    out.pm = pmi;
    out.venue = venue;
    out.instructors = instructors;
    tmin tod = -1;
    instructor_month_tally month_tally;
    auto fits = [&](int d, tmin a, tmin b) {
        if (a < pl.earliest()) return false;  // re-planning: nothing new before the re-plan instant
        bool in_window = false;
        for (const window_c* w = cm.wins_begin(pm, d); w != cm.wins_end(pm, d); ++w) in_window = in_window || (w->a <= a && b <= w->b);
        if (!in_window) return false;
        if (venue.valid() && !pl.venue_free(venue, d, a, b, cohort_id{})) return false;
        if (pm.platform.valid() && !pl.platform_free(pm.platform, d, a, b, cohort_id{})) return false;
        for (const auto i : instructors) {
            // The baseline plans as today: no evening teaching.
            if (cm.instructor_evening(i, d, a, b) || !pl.instructor_free(i, d, a, b, cohort_id{})) return false;
            if (!month_tally.room(pl, i, d)) return false;
        }
        return true;
    };
    for (std::size_t j = 0; j < pm.parts.size(); ++j) {
        const part_c& pt = pm.parts[j];
        // The first part within the week from first_day.
        const auto [lo, hi] =
            j == 0 ? std::pair{first_day, std::min(cm.days - 1, first_day + 6)} : later_part_days(cm, pt, out.sessions);
        bool found = false;
        for (int d = lo; d <= hi && !found; ++d) {
            if (!tue_to_thu(cm, d)) continue;
            const tmin base = cm.day_start[static_cast<std::size_t>(d)];
            if (tod >= 0 && fits(d, base + tod, base + tod + pt.minutes)) {
                out.sessions.push_back({base + tod, base + tod + pt.minutes, d});
                found = true;
                break;
            }
            for (const window_c* w = cm.wins_begin(pm, d); w != cm.wins_end(pm, d) && !found; ++w) {
                const tmin rel = w->a - base;
                tmin a = base + (rel + cm.granularity - 1) / cm.granularity * cm.granularity;
                for (; a + pt.minutes <= w->b; a += cm.granularity)
                    if (fits(d, a, a + pt.minutes)) {
                        out.sessions.push_back({a, a + pt.minutes, d});
                        if (tod < 0) tod = a - base;
                        found = true;
                        break;
                    }
            }
        }
        if (!found) return false;
        const session_t& s = out.sessions.back();
        for (const auto i : instructors) month_tally.count(pl, i, s.day);
    }
    return true;
}

}  // namespace

void construct_baseline(plan& pl, refusal_log& log, const std::function<bool()>& stop) {
    const compiled_model& cm = pl.cm;
    log.assign(cm.demand.size(), refusal::none);
    rng unused(0);
    inserter ins(pl, unused);
    std::vector<std::vector<demand_id>> by_program(cm.programs.size());
    for (const demand_id d : cm.declared_demand()) by_program[cm.demand[d].program].push_back(d);
    // First come, first served: in the order the employees are listed.
    for (auto& list : by_program)
        std::sort(list.begin(), list.end(), [&](demand_id a, demand_id b) {
            return cm.demand[a].employee < cm.demand[b].employee || (cm.demand[a].employee == cm.demand[b].employee && a < b);
        });
    // The Monday of the week each day index belongs to.
    const int first_monday = (7 - cm.weekday0) % 7;
    for (std::uint32_t p = 0; p < cm.programs.size() && !stop(); ++p) {
        const auto& list = by_program[p];
        if (list.empty()) continue;
        delivery_id classroom;
        for (const auto pmi : cm.programs[p].deliveries)
            if (cm.deliveries[pmi].mode == model::delivery_mode::classroom && !cm.deliveries[pmi].fixed)
                classroom = pmi;
        if (!classroom.valid()) {
            for (const auto d : list) log[d] = refusal::structure;
            continue;
        }
        const delivery_id pmi = classroom;
        const delivery_c& pm = cm.deliveries[pmi];
        const program_c& pc = cm.programs[p];
        // Programmes start in staggered weeks, then run a cohort a week.
        for (int week = static_cast<int>(p % 4); !stop(); ++week) {
            const int tuesday = first_monday + 7 * week + 1;
            if (tuesday >= cm.days) break;
            std::vector<demand_id> waiting;
            for (const auto d : list) {
                if (pl.place[d].kind != place_kind::none) continue;
                if (cm.refuses(cm.demand[d].employee, pm)) {
                    log[d] = refusal::mode_refused;  // waits for no classroom cohort
                    continue;
                }
                waiting.push_back(d);
            }
            if (waiting.empty()) break;
            bool opened = false;
            for (const auto v : pm.venues) {
                // Instructors: the first ones listed that are free.
                std::vector<instructor_id> chosen;
                schedule s;
                if (pc.per_session == 0) {
                    if (!hand_schedule(pl, pmi, tuesday, v, chosen, s)) continue;
                } else {
                    bool ok = false;
                    for (std::size_t i = 0; i + static_cast<std::size_t>(pc.per_session) <= pc.instructors.size() && !ok; ++i) {
                        chosen.assign(pc.instructors.begin() + static_cast<std::ptrdiff_t>(i),
                                      pc.instructors.begin() + static_cast<std::ptrdiff_t>(i) + pc.per_session);
                        ok = hand_schedule(pl, pmi, tuesday, v, chosen, s);
                    }
                    if (!ok) continue;
                }
                if (ins.open_and_seat(s, waiting).valid()) {
                    pl.commit();
                    opened = true;
                    break;
                }
            }
            (void)opened;
        }
    }
    pl.commit();
}

}  // namespace jadwal::solve::detail
