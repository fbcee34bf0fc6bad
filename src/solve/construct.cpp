#include "construct.hpp"

#include "insertion.hpp"

#include <algorithm>
#include <queue>

namespace jadwal::solve::detail {
namespace {

struct programme_view {
    std::vector<std::vector<demand_id>> demand;      // per programme, in seating order
    std::vector<std::uint32_t> order;                // programmes, most pressing first
    std::vector<char> has_self, has_live;
};

programme_view view_of(const compiled_model& cm) {
    programme_view v;
    const std::size_t n = cm.programs.size();
    v.demand.resize(n);
    v.has_self.assign(n, 0);
    v.has_live.assign(n, 0);
    for (const demand_id d : cm.declared_demand()) v.demand[cm.demand[d].program].push_back(d);
    std::vector<std::int64_t> mandatory_jp(n, 0), total_jp(n, 0);
    for (std::size_t p = 0; p < n; ++p) {
        auto& list = v.demand[p];
        std::sort(list.begin(), list.end(), [&](demand_id a, demand_id b) {
            const auto& x = cm.demand[a];
            const auto& y = cm.demand[b];
            if (x.mandatory != y.mandatory) return x.mandatory;
            if (x.deadline != y.deadline) return x.deadline < y.deadline;
            return a < b;
        });
        for (const auto d : list) {
            total_jp[p] += cm.programs[p].jp;
            if (cm.demand[d].mandatory) mandatory_jp[p] += cm.programs[p].jp;
        }
        for (const auto pm : cm.programs[p].deliveries) (cm.deliveries[pm].live ? v.has_live : v.has_self)[p] = 1;
        v.order.push_back(static_cast<std::uint32_t>(p));
    }
    std::sort(v.order.begin(), v.order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (v.has_self[a] != v.has_self[b]) return v.has_self[a] < v.has_self[b];
        if (mandatory_jp[a] != mandatory_jp[b]) return mandatory_jp[a] > mandatory_jp[b];
        if (total_jp[a] != total_jp[b]) return total_jp[a] > total_jp[b];
        return a < b;
    });
    return v;
}

std::vector<demand_id> unplaced_of(const plan& pl, const std::vector<demand_id>& list) {
    std::vector<demand_id> out;
    for (const auto d : list)
        if (pl.place[d].kind == place_kind::none) out.push_back(d);
    return out;
}

/// The budget a schedule would add (docs/model.md "Budget"): venue days already
/// paid for by other cohorts are free.
double schedule_money(const plan& pl, const schedule& s) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[s.pm];
    double m = cm.cohort_money(pm);
    for (const auto& x : s.sessions) {
        if (s.venue.valid() && pl.venue_day(s.venue, x.day).empty()) m += cm.venues[s.venue].cost_per_day;
        for (const auto i : s.instructors)
            m += (cm.instructor_evening(i, x.day, x.a, x.b) ? cm.instructors[i].evening_cost_per_hour
                                                            : cm.instructors[i].cost_per_hour) *
                 (x.b - x.a) / 60.0;
    }
    return m;
}

struct offer {
    double score = -1;
    schedule s;
};

/// The best cohort to open next for programme p: the most participation per
/// share of the budget it uses (per cohort when there is no budget).
offer best_offer(plan& pl, inserter& ins, std::uint32_t p, const std::vector<demand_id>& cands) {
    const compiled_model& cm = pl.cm;
    offer best;
    if (cands.empty()) return best;
    tmin latest = 0;
    double weight = 0;
    for (const auto d : cands) {
        latest = std::max(latest, cm.demand[d].deadline);
        weight += cm.demand[d].mandatory ? cm.weights.unmet_mandatory : cm.weights.unmet_elective;
    }
    weight /= static_cast<double>(cands.size());
    schedule s;
    for (const auto pmi : cm.programs[p].deliveries) {
        const delivery_c& pm = cm.deliveries[pmi];
        if (!pm.live || pm.fixed) continue;
        const int first_hi = std::max(0, cm.day_of(latest - 1) - static_cast<int>(pm.parts.size()));
        double seated = 0, avg = 0;
        if (!ins.best_schedule(pmi, cands, 24, 0, first_hi, s, seated, avg)) continue;
        if (seated < pm.size_min) continue;
        const double value = seated * (weight + cm.weights.jp_shortfall) * cm.programs[p].jp -
                             1e-6 * seated * avg;
        double share = 0;
        if (cm.budget_cost > 0) share += schedule_money(pl, s) / cm.budget_cost;
        if (cm.budget_classroom > 0 && pm.mode == model::delivery_mode::classroom)
            share += 1.0 / cm.budget_classroom;
        const double score = share > 0 ? value / share : value;
        if (score > best.score) {
            best.score = score;
            best.s = s;
        }
    }
    return best;
}

/// Opens cohorts for the programmes' unplaced demand, greedily by participation
/// per budget share, re-scoring lazily (a programme's offer is recomputed
/// when it comes to the top).
void live_greedy(plan& pl, inserter& ins, const programme_view& v, const std::vector<std::uint32_t>& programmes,
                 const std::function<bool()>& stop) {
    struct entry {
        double score;
        std::uint32_t p;
        bool operator<(const entry& o) const { return score < o.score || (score == o.score && p > o.p); }
    };
    std::priority_queue<entry> queue;
    std::vector<int> failures(pl.cm.programs.size(), 0);
    for (const auto p : programmes) {
        const offer o = best_offer(pl, ins, p, unplaced_of(pl, v.demand[p]));
        if (o.score > 0) queue.push({o.score, p});
    }
    while (!queue.empty() && !stop()) {
        const entry top = queue.top();
        queue.pop();
        const auto cands = unplaced_of(pl, v.demand[top.p]);
        const offer o = best_offer(pl, ins, top.p, cands);
        if (o.score <= 0) continue;
        if (!queue.empty() && o.score < queue.top().score * 0.999) {
            queue.push({o.score, top.p});
            continue;
        }
        if (!ins.open_and_seat(o.s, cands).valid()) {
            if (++failures[top.p] < 3) queue.push({o.score * 0.5, top.p});
            continue;
        }
        pl.commit();
        queue.push({o.score, top.p});
    }
}

}  // namespace

void construct(plan& pl, rng& r, refusal_log& log, const std::function<bool()>& stop) {
    const compiled_model& cm = pl.cm;
    log.assign(cm.demand.size(), refusal::none);
    inserter ins(pl, r);
    const programme_view v = view_of(cm);

    // Fixed sessions (national webinars): their times are given.
    for (const auto p : v.order)
        for (const auto pmi : cm.programs[p].deliveries) {
            if (!cm.deliveries[pmi].fixed) continue;
            while (!stop()) {
                const auto cands = unplaced_of(pl, v.demand[p]);
                if (cands.empty() || !ins.build_cohort(pmi, cands, 0).valid()) break;
                pl.commit();
            }
        }
    // Programmes that only run live.
    std::vector<std::uint32_t> live_only, mixed;
    for (const auto p : v.order) {
        if (v.has_live[p] && !v.has_self[p]) live_only.push_back(p);
        if (v.has_live[p] && v.has_self[p]) mixed.push_back(p);
    }
    live_greedy(pl, ins, v, live_only, stop);
    // Self-paced study, person by person.
    for (const auto p : v.order) {
        if (!v.has_self[p] || stop()) continue;
        for (const auto d : v.demand[p]) {
            if (pl.place[d].kind != place_kind::none) continue;
            for (const auto pmi : cm.programs[p].deliveries) {
                if (cm.deliveries[pmi].live) continue;
                refusal why = refusal::none;
                if (ins.place_self(d, pmi, 7, &why)) {
                    log[d] = refusal::none;
                    break;
                }
                log[d] = why;
            }
            pl.commit();
        }
    }
    // Cohorts for whoever self-paced study could not take.
    live_greedy(pl, ins, v, mixed, stop);
    // The rest wherever they fit.
    for (const auto p : v.order)
        for (const auto d : v.demand[p]) {
            if (pl.place[d].kind != place_kind::none || stop()) continue;
            refusal why = refusal::none;
            if (!ins.insert_best(d, 30, &why)) log[d] = why == refusal::none ? log[d] : why;
            pl.commit();
        }
    pl.commit();
}

}  // namespace jadwal::solve::detail
