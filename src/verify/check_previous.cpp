// Re-planning against a previous plan: what was pinned or already under way
// stays (hard 8), and every change to the previous plan is counted for the
// objective's `change` term (docs/model.md "Objective").
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "context.hpp"

namespace jadwal::verify::detail {

void check_previous(context& c, const previous_plan& prev) {
    if (!prev.plan) return;
    const model::solution& old = *prev.plan;
    auto kept = [&](const instant start, bool pinned) {
        return pinned || (prev.replan_from && start < *prev.replan_from);
    };
    std::unordered_map<std::string, std::uint32_t> now_by_id;
    for (std::uint32_t i = 0; i < c.sol.cohorts.size(); ++i) now_by_id.emplace(c.sol.cohorts[i].id, i);

    std::int64_t changes = 0;
    for (const auto& oc : old.cohorts) {
        const auto it = now_by_id.find(oc.id);
        const model::cohort* nc = it == now_by_id.end() ? nullptr : &c.sol.cohorts[it->second];
        const bool same_place = nc && nc->venue == oc.venue && nc->platform == oc.platform;
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
            if (!same) ++changes;
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
            if (started)
                c.add("H8-PIN",
                      c.m.format("{} takes part in cohort {}, which is already under way or pinned, but the new plan "
                                 "removes them",
                                 c.who(model::employee_index{e}), oc.id),
                      std::nullopt, {c.valid(model::employee_index{e}) ? c.s.employees[e].id : "", oc.id, ""});
        }
        for (const auto e : after)
            if (!before.count(e)) ++changes;
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
        if (kept(b.start, false))
            c.add("H8-PIN",
                  c.m.format("{} had a study block on {} before the re-plan date; the new plan moves or drops it",
                             c.who(b.employee), c.span({b.start, b.end}, c.zone_of(b.employee))),
                  b.start, {c.valid(b.employee) ? c.s.employees[b.employee.value].id : "", "", ""});
    }
    c.changes = changes;
}

}  // namespace jadwal::verify::detail
