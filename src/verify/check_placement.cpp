// Who is placed where: each person at most once per programme, which demand
// items are placed (docs/model.md "Demand and placement"), and the PPPK cap.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "context.hpp"

namespace jadwal::verify::detail {

void check_placement(context& c) {
    // (employee, programme) -> the live cohorts they are in.
    std::map<std::uint64_t, std::vector<std::uint32_t>> live;
    std::vector<std::optional<instant>> cohort_end(c.sol.cohorts.size());
    for (std::uint32_t ci = 0; ci < c.sol.cohorts.size(); ++ci) {
        const auto& co = c.sol.cohorts[ci];
        if (!c.cohort_ok[ci] || co.mode == model::delivery_mode::self_paced) continue;
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k)
            if (c.session_ok[ci][k] && (!cohort_end[ci] || co.sessions[k].end > *cohort_end[ci]))
                cohort_end[ci] = co.sessions[k].end;
        std::set<std::uint32_t> seen;
        for (const auto e : co.participants)
            if (c.valid(e) && seen.insert(e.value).second) live[context::key(e, co.program)].push_back(ci);
    }

    // Every (employee, programme) the plan schedules, with what it schedules.
    std::set<std::uint64_t> scheduled;
    for (const auto& [k, list] : live) scheduled.insert(k);
    for (const auto& [k, complete] : c.study_complete) scheduled.insert(k);

    std::vector<std::int64_t> jp_taken(c.s.employees.size(), 0);
    for (const auto k : scheduled) {
        const model::employee_index e{static_cast<std::uint32_t>(k >> 32)};
        const model::program_index p{static_cast<std::uint32_t>(k & 0xffffffffU)};
        const auto& prog = c.s.programs[p.value];
        jp_taken[e.value] += prog.jp;
        const auto lit = live.find(k);
        const std::size_t cohorts = lit == live.end() ? 0 : lit->second.size();
        const bool study = c.study_complete.count(k) > 0;
        const bool recorded = c.recording_study.count(k) > 0;
        if (recorded && cohorts > 0) {
            c.add("S-RECORDING-LIVE",
                  c.m.format("{} watches the recording of programme {} but is also seated live in cohort {}", c.who(e),
                             prog.id, c.sol.cohorts[lit->second.front()].id),
                  std::nullopt, {c.s.employees[e.value].id, "", ""});
        } else if (cohorts + (study ? 1 : 0) > 1) {
            std::string where;
            if (lit != live.end())
                for (const auto ci : lit->second)
                    where += (where.empty() ? "" : ", ") + c.m.format("cohort {}", c.sol.cohorts[ci].id);
            if (study)
                where += where.empty() ? c.m.tr("self-paced study blocks") : c.m.tr(" and self-paced study blocks");
            c.add("S-DUPLICATE",
                  c.m.format("{} is placed in programme {} more than once: {}", c.who(e), prog.id, where), std::nullopt,
                  {c.s.employees[e.value].id, "", ""});
        }
        if (c.top_up_study.count(k) && study && c.study_complete.at(k)) {
            const auto end = c.study_end.find(k);
            if (end == c.study_end.end() || end->second <= c.horizon.end) {
                ++c.top_up_placed;
                c.top_up_jp[e.value] += prog.jp;
                auto& small = c.top_up_smallest[e.value];
                small = small == 0 ? prog.jp : std::min<std::int64_t>(small, prog.jp);
                bool begun = false;
                if (c.replan_from)
                    for (const auto& b : c.sol.study_blocks)
                        if (b.employee == e && b.program == p && b.start < *c.replan_from) begun = true;
                if (!begun) {
                    auto& drop = c.top_up_droppable[e.value];
                    drop = drop == 0 ? prog.jp : std::min<std::int64_t>(drop, prog.jp);
                }
            }
        }
        const auto d = c.demand(e, p);
        if (!d) continue;
        const instant due = c.deadline_end(e, p);
        bool ok = false;
        if (lit != live.end())
            for (const auto ci : lit->second)
                if (!cohort_end[ci] || *cohort_end[ci] <= due) ok = true;
        if (study && c.study_complete.at(k)) {
            const auto end = c.study_end.find(k);
            if (end == c.study_end.end() || end->second <= due) ok = true;
        }
        c.placed[*d] = ok;
        if (ok && c.recording_study.count(k) && cohorts == 0) ++c.recording_placed;
    }

    // Top-up limits (docs/model.md "Top-up"): the catalogue's JP per person, and
    // no more than closes the person's shortfall plus one item's overshoot.
    std::vector<std::int64_t> declared_jp(c.s.employees.size(), 0);
    for (std::uint32_t d = 0; d < c.s.demand.size(); ++d)
        if (c.placed[d]) declared_jp[c.s.demand[d].employee.value] += c.s.programs[c.s.demand[d].program.value].jp;
    for (std::uint32_t i = 0; i < c.s.employees.size(); ++i) {
        if (c.top_up_jp[i] == 0) continue;
        const auto& emp = c.s.employees[i];
        const int limit = c.s.catalogue.max_jp_per_person;
        if (limit > 0 && c.top_up_jp[i] > limit)
            c.add("S-TOP-UP-LIMIT",
                  c.m.format("{} takes {} JP of catalogue top-up, above the catalogue's {} JP per person",
                             c.who(model::employee_index{i}), c.top_up_jp[i], limit),
                  std::nullopt, {emp.id, "", ""});
        const std::int64_t total = c.earned_jp[i] + declared_jp[i] + c.top_up_jp[i];  // earned JP count (history)
        // Top-up already begun before a re-plan happened; only what could still be dropped is excess.
        if (emp.jp_target > 0 && c.top_up_droppable[i] > 0 && total - c.top_up_droppable[i] >= emp.jp_target)
            c.add("S-TOP-UP-EXCESS",
                  c.m.format("{} reaches {} JP with {} JP of top-up; their target of {} JP is met even without "
                             "their smallest top-up item ({} JP)",
                             c.who(model::employee_index{i}), total, c.top_up_jp[i], emp.jp_target,
                             c.top_up_droppable[i]),
                  std::nullopt, {emp.id, "", ""});
    }

    // What a re-plan had to keep is a fact as the history is (docs/model.md
    // "Training history"): per person, the JP of the scheduled programmes the
    // previous plan had them in a cohort with a pinned session or one starting
    // before the re-plan instant, or in study begun before it.
    std::vector<std::int64_t> jp_kept(c.s.employees.size(), 0);
    if (c.previous) {
        const auto before = [&](instant t) { return c.replan_from && t < *c.replan_from; };
        std::set<std::uint64_t> kept;
        for (const auto& co : c.previous->cohorts)
            if (std::any_of(co.sessions.begin(), co.sessions.end(),
                            [&](const model::session& ss) { return ss.pinned || before(ss.start); }))
                for (const auto e : co.participants)
                    if (c.valid(e)) kept.insert(context::key(e, co.program));
        for (const auto& b : c.previous->study_blocks)
            if (c.valid(b.employee) && before(b.start)) kept.insert(context::key(b.employee, b.program));
        for (const auto k : kept)
            if (scheduled.count(k) && (k & 0xffffffffU) < c.s.programs.size())
                jp_kept[k >> 32] += c.s.programs[k & 0xffffffffU].jp;
    }

    // PPPK cap: the JP of every programme a person is scheduled for, plus the JP
    // the history shows earned this year. A history alone above the cap is no
    // fault of the plan, nor is what a re-plan had to keep that the history
    // then took above it: only scheduling anything on top is.
    for (std::uint32_t i = 0; i < c.s.employees.size(); ++i) {
        const auto& emp = c.s.employees[i];
        const std::int64_t earned = c.earned_jp[i];
        if (!emp.jp_cap || jp_taken[i] <= std::max<std::int64_t>({0, *emp.jp_cap - earned, jp_kept[i]})) continue;
        if (earned > 0)
            c.add(
                "H7-JP-CAP",
                c.m.format("{} is scheduled for {} JP of training and earned {} JP this year, above their cap of {} JP",
                           c.who(model::employee_index{i}), jp_taken[i], earned, *emp.jp_cap),
                std::nullopt, {emp.id, "", ""});
        else
            c.add("H7-JP-CAP",
                  c.m.format("{} is scheduled for {} JP of training, above their cap of {} JP",
                             c.who(model::employee_index{i}), jp_taken[i], *emp.jp_cap),
                  std::nullopt, {emp.id, "", ""});
    }
}

}  // namespace jadwal::verify::detail
