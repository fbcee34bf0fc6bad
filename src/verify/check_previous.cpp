// Re-planning against a previous plan: what was pinned or already under way
// stays (hard 8), and every change to the previous plan is counted for the
// objective's `change` term (docs/model.md "Objective") with its reason
// (docs/model.md "Stability"): repair, placement or other.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "context.hpp"

namespace jadwal::verify::detail {

namespace {

/// What of the previous plan no longer holds in the scenario as it is now,
/// found by checking the previous plan itself against it: the cohorts and the
/// people a violation names, and which demand the previous plan placed.
struct previous_state {
    std::unordered_set<std::string> broken_cohorts;
    std::unordered_set<std::uint32_t> broken_people;
    std::vector<bool> placed;  ///< per demand item of the current scenario
};

previous_state state_of(const context& c, const model::solution& old) {
    options o;
    o.language = c.m.lang();
    const report r = verify(c.s, old, c.pol, o);
    previous_state st;
    st.placed = r.placed;
    std::unordered_map<std::string_view, std::uint32_t> person;
    for (std::uint32_t e = 0; e < c.s.employees.size(); ++e) person.emplace(c.s.employees[e].id, e);
    for (const auto& v : r.violations) {
        if (!v.cohort.empty()) {
            st.broken_cohorts.insert(v.cohort);
        } else if (!v.employee.empty()) {
            if (const auto it = person.find(v.employee); it != person.end()) st.broken_people.insert(it->second);
        } else {
            // A rule of a resource or of the plan as a whole: every cohort
            // meeting at that instant (every cohort when it has none) takes part.
            for (const auto& oc : old.cohorts)
                if (!v.when || std::any_of(oc.sessions.begin(), oc.sessions.end(), [&](const model::session& s) {
                        return s.start <= *v.when && *v.when < s.end;
                    }))
                    st.broken_cohorts.insert(oc.id);
        }
    }
    return st;
}

}  // namespace

void check_previous(context& c, const previous_plan& prev) {
    if (!prev.plan) return;
    const model::solution& old = *prev.plan;
    const previous_state st = state_of(c, old);
    // Whether (e, program) was left unplaced by the previous plan and is placed now.
    auto newly_placed = [&](std::uint32_t e, model::program_index p) {
        const auto it = c.demand_of.find(context::key(model::employee_index{e}, p));
        return it != c.demand_of.end() && it->second < st.placed.size() && !st.placed[it->second] &&
               c.placed[it->second];
    };
    // People the new plan gives training the previous plan left unplaced: their
    // study may move to make room for it.
    std::vector<char> gained(c.s.employees.size(), 0);
    for (std::uint32_t d = 0; d < c.s.demand.size(); ++d)
        if (d < st.placed.size() && !st.placed[d] && c.placed[d]) gained[c.s.demand[d].employee.value] = 1;
    // Published demand the new plan takes away: a participant of a cohort of the
    // programme, or study blocks of it, in the previous plan; not placed now.
    {
        std::unordered_set<std::uint64_t> had;
        for (const auto& oc : old.cohorts)
            for (const auto e : oc.participants) had.insert(context::key(e, oc.program));
        for (const auto& b : old.study_blocks) had.insert(context::key(b.employee, b.program));
        for (std::uint32_t d = 0; d < c.s.demand.size(); ++d) {
            const auto& item = c.s.demand[d];
            if (c.placed[d] || !had.count(context::key(item.employee, item.program))) continue;
            const double jp = c.valid(item.program) ? c.s.programs[item.program.value].jp : 0;
            (item.level == model::priority::mandatory ? c.dropped_jp_mandatory : c.dropped_jp_elective) += jp;
            ++c.dropped;
        }
    }
    std::map<std::string, std::int64_t>& by_reason = c.changes_by_reason;
    by_reason = {{"repair", 0}, {"placement", 0}, {"other", 0}};
    auto kept = [&](const instant start, bool pinned) {
        return pinned || (prev.replan_from && start < *prev.replan_from);
    };
    std::unordered_map<std::string, std::uint32_t> now_by_id;
    for (std::uint32_t i = 0; i < c.sol.cohorts.size(); ++i) now_by_id.emplace(c.sol.cohorts[i].id, i);

    std::int64_t changes = 0;
    // The previous cohort of each (employee, programme), to tell a move caused
    // by a broken cohort from one that is not.
    std::unordered_map<std::uint64_t, const model::cohort*> old_cohort_of;
    for (const auto& oc : old.cohorts)
        for (const auto e : oc.participants) old_cohort_of.emplace(context::key(e, oc.program), &oc);
    // The cohorts of the new plan that seat someone the previous plan left
    // unplaced, and whether a change to previous cohort `oc` made room for one
    // of them: the same cohort or programme (seats), the same venue, platform or
    // instructor (time), or the classroom-cohort or cost budget when the new
    // plan uses all of it.
    std::vector<const model::cohort*> seating;
    for (const auto& nc : c.sol.cohorts)
        if (std::any_of(nc.participants.begin(), nc.participants.end(),
                        [&](model::employee_index e) { return newly_placed(e.value, nc.program); }))
            seating.push_back(&nc);
    const bool cohorts_bind = c.s.budget.max_classroom_cohorts && c.classroom_cohorts >= *c.s.budget.max_classroom_cohorts;
    const bool cost_binds = c.s.budget.max_cost && c.budget_cost >= 0.98 * *c.s.budget.max_cost;
    auto makes_room = [&](const model::cohort& oc) {
        return std::any_of(seating.begin(), seating.end(), [&](const model::cohort* n) {
            const bool shares_instructor = std::any_of(n->instructors.begin(), n->instructors.end(), [&](auto i) {
                return std::find(oc.instructors.begin(), oc.instructors.end(), i) != oc.instructors.end();
            });
            const bool classroom = oc.mode == model::delivery_mode::classroom && n->mode == model::delivery_mode::classroom;
            return n->id == oc.id || n->program == oc.program || (n->venue.valid() && n->venue == oc.venue) ||
                   (n->platform.valid() && n->platform == oc.platform) || shares_instructor ||
                   (classroom && cohorts_bind) || cost_binds;
        });
    };
    for (const auto& oc : old.cohorts) {
        const auto it = now_by_id.find(oc.id);
        const model::cohort* nc = it == now_by_id.end() ? nullptr : &c.sol.cohorts[it->second];
        const bool same_place = nc && nc->venue == oc.venue && nc->platform == oc.platform;
        const bool broken = st.broken_cohorts.count(oc.id) > 0;
        const bool seats_new = makes_room(oc);
        const std::string_view cohort_reason = broken ? "repair" : seats_new ? "placement" : "other";
        bool started = false;
        for (const auto& os : oc.sessions) {
            const model::session* ns = nullptr;
            if (nc)
                for (const auto& s : nc->sessions)
                    if (s.module == os.module && s.part == os.part) {
                        ns = &s;
                        break;
                    }
            const bool same = same_place && ns && ns->start == os.start && ns->end == os.end;
            if (!same) {
                ++changes;
                ++by_reason[std::string(cohort_reason)];
            }
            if (!kept(os.start, os.pinned)) continue;
            started = true;
            if (same) continue;
            std::string what = c.m.format("session {} (part {}) of cohort {} on {}", os.module, os.part + 1, oc.id,
                                          c.span({os.start, os.end}, c.zone));
            if (c.valid(oc.program) && os.module < c.s.programs[oc.program.value].modules.size())
                what = c.m.format("module {} (part {}) of cohort {} on {}",
                                  c.s.programs[oc.program.value].modules[os.module].id, os.part + 1, oc.id,
                                  c.span({os.start, os.end}, c.zone));
            c.add("H8-PIN",
                  c.m.format("{} is {} in the previous plan and must stay as it was, but the new plan {}", what,
                             os.pinned ? c.m.tr("pinned") : c.m.tr("already under way"),
                             !nc           ? std::string(c.m.tr("drops the cohort"))
                             : !ns         ? std::string(c.m.tr("drops the session"))
                             : !same_place ? std::string(c.m.tr("moves it to another venue or platform"))
                                           : c.m.format("has it on {}", c.span({ns->start, ns->end}, c.zone))),
                  os.start, {"", oc.id, ""});
        }
        const std::set<std::uint32_t> before = [&] {
            std::set<std::uint32_t> out;
            for (const auto e : oc.participants) out.insert(e.value);
            return out;
        }();
        std::set<std::uint32_t> after;
        if (nc)
            for (const auto e : nc->participants) after.insert(e.value);
        for (const auto e : before) {
            if (after.count(e)) continue;
            ++changes;
            ++by_reason[broken || st.broken_people.count(e) ? "repair" : seats_new ? "placement" : "other"];
            if (started)
                c.add("H8-PIN",
                      c.m.format("{} takes part in cohort {}, which is already under way or pinned, but the new plan "
                                 "removes them",
                                 c.who(model::employee_index{e}), oc.id),
                      std::nullopt, {c.valid(model::employee_index{e}) ? c.s.employees[e].id : "", oc.id, ""});
        }
        for (const auto e : after) {
            if (before.count(e)) continue;
            ++changes;
            const auto from = old_cohort_of.find(context::key(model::employee_index{e}, oc.program));
            const bool moved_off_broken =
                st.broken_people.count(e) > 0 ||
                (from != old_cohort_of.end() && st.broken_cohorts.count(from->second->id) > 0);
            const bool made_room = seats_new || (from != old_cohort_of.end() && makes_room(*from->second));
            ++by_reason[moved_off_broken ? "repair" : newly_placed(e, oc.program) || made_room ? "placement" : "other"];
        }
    }

    using block_key = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, instant, instant>;
    std::multiset<block_key> now_blocks;
    for (const auto& b : c.sol.study_blocks)
        now_blocks.insert({b.employee.value, b.program.value, b.module, b.start, b.end});
    for (const auto& b : old.study_blocks) {
        const auto it = now_blocks.find({b.employee.value, b.program.value, b.module, b.start, b.end});
        if (it != now_blocks.end()) {
            now_blocks.erase(it);
            continue;
        }
        ++changes;
        ++by_reason[st.broken_people.count(b.employee.value) ? "repair" : gained[b.employee.value] ? "placement" : "other"];
        if (kept(b.start, false))
            c.add("H8-PIN",
                  c.m.format("{} had a study block on {} before the re-plan date; the new plan moves or drops it",
                             c.who(b.employee), c.span({b.start, b.end}, c.zone_of(b.employee))),
                  b.start, {c.valid(b.employee) ? c.s.employees[b.employee.value].id : "", "", ""});
    }
    c.changes = changes;
}

}  // namespace jadwal::verify::detail
