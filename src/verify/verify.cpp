#include <fmt/format.h>

#include <algorithm>
#include <jadwal/model/policy.hpp>
#include <jadwal/verify/verify.hpp>
#include <set>

#include "context.hpp"

namespace jadwal::verify {
namespace {

// The solution's own list of unplaced demand should match what is unplaced:
// a mismatch misleads the reader of the report but breaks no hard rule.
void check_unplaced_list(detail::context& c) {
    std::set<std::uint64_t> listed;
    for (const auto& u : c.sol.unplaced) {
        if (!c.valid(u.employee) || !c.valid(u.program)) continue;
        listed.insert(detail::context::key(u.employee, u.program));
        const auto d = c.demand(u.employee, u.program);
        const auto& pid = c.s.programs[u.program.value].id;
        const auto& eid = c.s.employees[u.employee.value].id;
        if (!d)
            c.warn("W-UNPLACED-UNKNOWN",
                   c.m.format("the plan lists {} as unplaced in {}, but no demand entry asks for it", c.who(u.employee),
                              pid),
                   std::nullopt, {eid, "", ""});
        else if (c.placed[*d])
            c.warn("W-UNPLACED-PLACED",
                   c.m.format("the plan lists {} as unplaced in {}, but they are placed", c.who(u.employee), pid),
                   std::nullopt, {eid, "", ""});
    }
    for (std::uint32_t d = 0; d < c.s.demand.size(); ++d) {
        const auto& item = c.s.demand[d];
        if (c.placed[d] || listed.count(detail::context::key(item.employee, item.program))) continue;
        c.warn("W-UNPLACED-MISSING",
               c.m.format("{} is not placed in {}, but the plan does not list them as unplaced", c.who(item.employee),
                          c.s.programs[item.program.value].id),
               std::nullopt, {c.s.employees[item.employee.value].id, "", ""});
    }
}

void sort_by_time(std::vector<violation>& list) {
    std::stable_sort(list.begin(), list.end(), [](const violation& a, const violation& b) {
        if (a.when.has_value() != b.when.has_value()) return !a.when.has_value();
        return a.when && *a.when < *b.when;
    });
}

}  // namespace

report verify(const model::scenario& s, const model::solution& sol, const model::policy& pol, const options& opts) {
    detail::context c{s, sol, pol, text::messages(text::choose_language(opts.language, s.locale))};
    detail::check_cohorts(c);
    detail::check_study(c);
    if (opts.previous.plan) {
        c.previous = opts.previous.plan;
        c.replan_from = opts.previous.replan_from;
    }
    detail::check_placement(c);
    detail::check_resources(c);
    detail::check_people(c);
    detail::check_lieu(c);
    detail::check_staffing(c);
    detail::check_budget(c);
    detail::check_preferences(c);
    detail::check_previous(c, opts.previous);
    detail::check_makeups(c, opts.previous);
    check_unplaced_list(c);

    report r;
    detail::score(c, r);
    r.violations = std::move(c.violations);
    r.warnings = std::move(c.warnings);
    sort_by_time(r.violations);
    sort_by_time(r.warnings);
    for (const auto& v : r.violations) ++r.violations_by_code[v.code];
    return r;
}

report recompute_metrics(const model::scenario& s, model::solution& sol, const options& opts) {
    report r = verify(s, sol, model::policy_or_builtin(model::plan_policy(s, sol)), opts);
    sol.metrics = r.metrics;
    sol.objective = r.objective;
    return r;
}

}  // namespace jadwal::verify
