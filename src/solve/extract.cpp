#include "extract.hpp"

#include "replan.hpp"
#include "unplaced_reasons.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

namespace jadwal::solve::detail {
namespace {

/// A study block's revision when re-planning: an identical previous block's; else
/// one more than the previous block in the same place of its module (the same
/// calendar event, moved); else 0.
std::uint32_t block_revision(const replan_context& rc, demand_id d, const placement& p, std::size_t k,
                             const delivery_c& pm) {
    const auto module = pm.parts[k].module;
    const span at = p.blocks[k];
    // The block's place among the person's blocks of its module, in time order
    // (the calendar event it is: output/ics.hpp numbers blocks the same way).
    std::size_t rank = 0;
    for (std::size_t j = 0; j < p.blocks.size(); ++j)
        if (pm.parts[j].module == module && p.blocks[j].a < at.a) ++rank;
    const previous_block* same_slot = nullptr;
    std::size_t nth = 0;
    for (const auto& pb : rc.blocks[d]) {  // by module, then start
        if (pb.module != module) continue;
        if (pb.at.a == at.a && pb.at.b == at.b) return pb.revision;
        if (nth++ == rank) same_slot = &pb;
    }
    return same_slot ? same_slot->revision + 1 : 0U;
}

}  // namespace

solution extract(const plan& pl, const refusal_log& log, const demand_explanations* explanations) {
    const compiled_model& cm = pl.cm;
    const model::scenario& s = cm.scenario;
    auto at = [&](tmin t) { return cm.t0 + calendar::minutes{t}; };
    solution out;
    // Cohorts by programme, then first session, then internal id.
    std::vector<cohort_id> order;
    for (const cohort_id c : pl.cohorts.indices())
        if (pl.cohorts[c].alive) order.push_back(c);
    auto first_start = [&](cohort_id c) {
        tmin t = INT32_MAX;
        for (const auto& x : pl.cohorts[c].sessions) t = std::min(t, x.a);
        return t;
    };
    std::sort(order.begin(), order.end(), [&](cohort_id a, cohort_id b) {
        const auto pa = cm.deliveries[pl.cohorts[a].pm].program, pb = cm.deliveries[pl.cohorts[b].pm].program;
        if (pa != pb) return pa < pb;
        const tmin ta = first_start(a), tb = first_start(b);
        if (ta != tb) return ta < tb;
        return a < b;
    });
    const replan_context* rc = pl.previous();
    // Re-planning: a cohort that continues a previous one keeps its id; new ones
    // never take an id the previous plan used.
    std::set<std::string> taken;
    if (rc)
        for (const auto& pc : rc->cohorts) taken.insert(pc.id);
    std::vector<int> counter(cm.programs.size(), 0);
    auto fresh_id = [&](std::uint32_t program) {
        std::string id;
        do id = fmt::format("{}-{:02}", s.programs[program].id, ++counter[program]);
        while (taken.count(id));
        return id;
    };
    for (const auto c : order) {
        const cohort_t& co = pl.cohorts[c];
        const delivery_c& pm = cm.deliveries[co.pm];
        const previous_cohort* was = co.origin >= 0 ? &rc->cohorts[static_cast<std::size_t>(co.origin)] : nullptr;
        cohort oc;
        oc.id = was ? was->id : fresh_id(pm.program);
        oc.program = model::program_index{pm.program};
        oc.mode = pm.mode;
        oc.venue = co.venue;
        oc.platform = pm.platform;
        oc.instructors = co.instructors;
        for (const auto d : co.members) oc.participants.push_back(cm.demand[d].employee);
        std::sort(oc.participants.begin(), oc.participants.end());
        for (std::size_t k = 0; k < co.sessions.size(); ++k) {
            session x;
            x.module = pm.parts[k].module;
            x.part = pm.parts[k].part;
            x.start = at(co.sessions[k].a);
            x.end = at(co.sessions[k].b);
            x.pinned = co.fixed >= 0 || (was && was->pinned[k]);
            if (was) x.revision = was->revision[k] + (rc->same_session(co, static_cast<std::uint32_t>(k)) ? 0U : 1U);
            oc.sessions.push_back(x);
        }
        std::stable_sort(oc.sessions.begin(), oc.sessions.end(),
                         [](const session& a, const session& b) { return a.start < b.start; });
        out.cohorts.push_back(std::move(oc));
    }
    for (const demand_id d : pl.place.indices()) {
        const placement& p = pl.place[d];
        if (p.kind != place_kind::self) continue;
        const delivery_c& pm = cm.deliveries[p.pm];
        for (std::size_t k = 0; k < p.blocks.size(); ++k)
            out.study_blocks.push_back({cm.demand[d].employee, model::program_index{pm.program}, pm.parts[k].module,
                                        at(p.blocks[k].a), at(p.blocks[k].b),
                                        rc ? block_revision(*rc, d, p, k, pm) : 0U, pm.recording, cm.demand[d].top_up});
    }
    std::sort(out.study_blocks.begin(), out.study_blocks.end(), [](const study_block& a, const study_block& b) {
        if (a.employee != b.employee) return a.employee < b.employee;
        if (a.program != b.program) return a.program < b.program;
        return a.start < b.start;
    });
    // Days off in lieu (docs/model.md "Assigned duty"), by employee then date.
    for (const employee_id e : cm.employees.indices()) {
        if (cm.employees[e].rostered_off < 0) continue;
        const auto& rot = *cm.scenario.pattern_of(cm.scenario.employees[e.value]).rotation;
        const std::size_t first = out.days_in_lieu.size();
        for (const auto& l : pl.days_in_lieu(e)) {
            if (l.lieu_day < 0) continue;  // none could be placed: evaluate and verify report it
            const auto& rd = cm.rostered[static_cast<std::size_t>(cm.employees[e].rostered_off) +
                                         static_cast<std::size_t>(l.lieu_day)];
            out.days_in_lieu.push_back({e, cm.scenario.horizon.first + date::days{l.duty_day},
                                        cm.scenario.horizon.first + date::days{l.lieu_day}, rot.shifts[rd.shift].code});
        }
        std::sort(out.days_in_lieu.begin() + static_cast<std::ptrdiff_t>(first), out.days_in_lieu.end(),
                  [](const day_in_lieu& a, const day_in_lieu& b) { return a.date < b.date; });
    }
    for (const demand_id d : cm.declared_demand()) {  // top-up is not demand: never "unplaced"
        if (pl.place[d].kind != place_kind::none) continue;
        unplaced_demand u;
        u.employee = cm.demand[d].employee;
        u.program = model::program_index{cm.demand[d].program};
        if (explanations && d.value < explanations->size() && !(*explanations)[d].reasons.empty()) {
            u.reasons = (*explanations)[d].reasons;
            u.alternatives = (*explanations)[d].alternatives;
        } else {
            u.reasons = unplaced_reasons(pl, d, d.value < log.size() ? log[d] : refusal::none);
        }
        out.unplaced.push_back(std::move(u));
    }
    return out;
}

}  // namespace jadwal::solve::detail
