// Make-ups of a re-plan with attendance records (docs/attendance.md
// "Make-ups"): the plan lists exactly the make-ups the records call for, and
// places each only after the re-plan instant and after what was missed.
#include <algorithm>
#include <map>
#include <optional>

#include "context.hpp"

namespace jadwal::verify::detail {

void check_makeups(context& c, const previous_plan& prev) {
    // Like the other re-planning rules, checked only against a previous plan:
    // a plan read alone (export, the C API) keeps its figures.
    if (!prev.plan) return;
    static const std::vector<model::makeup> no_makeups;
    const auto& expected = prev.makeups ? *prev.makeups : no_makeups;
    const auto id_of = [&](model::employee_index e) { return c.valid(e) ? c.s.employees[e.value].id : std::string{}; };
    const auto program_of = [&](model::program_index p) {
        return c.valid(p) ? c.s.programs[p.value].id : std::string{};
    };
    std::map<std::uint64_t, const model::makeup*> listed;
    for (const auto& x : c.sol.makeups) listed.emplace(context::key(x.employee, x.program), &x);
    std::map<std::uint64_t, const model::makeup*> called_for;
    for (const auto& x : expected) called_for.emplace(context::key(x.employee, x.program), &x);

    for (const auto& [k, x] : listed)
        if (!called_for.count(k))
            c.add("H8-MAKEUP",
                  c.m.format("the plan lists a make-up of {} for {}, but the attendance records call for none: the "
                             "published item was re-opened without a missed session or skipped study",
                             program_of(x->program), c.who(x->employee)),
                  std::nullopt, {id_of(x->employee), x->cohort, ""});
    for (const auto& [k, x] : called_for) {
        if (!listed.count(k))
            c.add("H8-MAKEUP",
                  c.m.format("the attendance records call for a make-up of {} for {} (missed on {}), but the plan "
                             "does not list it",
                             program_of(x->program), c.who(x->employee), c.at(x->missed, c.zone_of(x->employee))),
                  x->missed, {id_of(x->employee), x->cohort, ""});
        if (!c.valid(x->employee) || !c.valid(x->program)) continue;
        // Where the plan has the make-up: every session of the person's cohort
        // of the programme, every study block of it.
        std::optional<instant> earliest_ok = x->missed + calendar::minutes{1};
        if (prev.replan_from) earliest_ok = std::max(*earliest_ok, *prev.replan_from);
        std::optional<instant> first;
        std::string where;
        for (const auto& co : c.sol.cohorts) {
            if (co.program != x->program ||
                !std::binary_search(co.participants.begin(), co.participants.end(), x->employee))
                continue;
            for (const auto& s : co.sessions)
                if (!first || s.start < *first) {
                    first = s.start;
                    where = co.id;
                }
        }
        for (const auto& b : c.sol.study_blocks)
            if (b.employee == x->employee && b.program == x->program && (!first || b.start < *first)) {
                first = b.start;
                where.clear();
            }
        if (first && *first < *earliest_ok)
            c.add("H8-MAKEUP",
                  c.m.format("the make-up of {} for {} starts on {}, before the re-plan instant or the missed "
                             "session it makes up for ({})",
                             program_of(x->program), c.who(x->employee), c.at(*first, c.zone_of(x->employee)),
                             c.at(x->missed, c.zone_of(x->employee))),
                  *first, {id_of(x->employee), where, ""});
    }
}

}  // namespace jadwal::verify::detail
