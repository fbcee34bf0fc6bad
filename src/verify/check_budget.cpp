// The budget (docs/model.md "Budget"): at most so many classroom cohorts, and
// a plan cost of at most `max_cost`: cohorts' mode and platform costs, venue
// days, and instructor hours.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "context.hpp"

namespace jadwal::verify::detail {
namespace {

/// "1250000 IDR" as the English messages always had it; "Rp 1.250.000" in Indonesian.
std::string money(const context& c, double amount, const std::string& currency) {
    if (c.m.lang() == text::language::en) return fmt::format("{:.0f} {}", amount, currency);
    return c.m.money(amount, currency);
}

}  // namespace

void check_budget(context& c) {
    const auto& s = c.s;
    double cost = 0;
    std::int64_t classroom = 0;
    std::vector<std::set<local_date>> venue_days(s.venues.size());
    std::vector<std::int64_t> instructor_minutes(s.instructors.size(), 0);
    std::vector<std::int64_t> evening_minutes(s.instructors.size(), 0);
    for (std::uint32_t ci = 0; ci < c.sol.cohorts.size(); ++ci) {
        const auto& co = c.sol.cohorts[ci];
        if (!c.cohort_ok[ci] || co.mode == model::delivery_mode::self_paced) continue;
        if (co.mode == model::delivery_mode::classroom) ++classroom;
        if (c.offer[ci]) cost += c.offer[ci]->cost_per_cohort;
        if (co.mode == model::delivery_mode::online_live && co.platform.valid() &&
            co.platform.value < s.platforms.size())
            cost += s.platforms[co.platform.value].cost_per_cohort;
        const bool at_venue =
            co.mode == model::delivery_mode::classroom && co.venue.valid() && co.venue.value < s.venues.size();
        std::set<std::uint32_t> teachers;
        for (const auto i : co.instructors)
            if (i.valid() && i.value < s.instructors.size()) teachers.insert(i.value);
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k) {
            if (!c.session_ok[ci][k]) continue;
            const interval span{co.sessions[k].start, co.sessions[k].end};
            if (at_venue)
                for_each_day(span, c.zone, [&](local_date d, std::int64_t) { venue_days[co.venue.value].insert(d); });
            for (const auto i : teachers) {
                instructor_minutes[i] += span.length().count();
                if (c.instructor_evening(s.instructors[i], span)) evening_minutes[i] += span.length().count();
            }
        }
    }
    for (std::uint32_t v = 0; v < s.venues.size(); ++v)
        cost += s.venues[v].cost_per_day * static_cast<double>(venue_days[v].size());
    for (std::uint32_t i = 0; i < s.instructors.size(); ++i)
        cost += (s.instructors[i].cost_per_hour * static_cast<double>(instructor_minutes[i] - evening_minutes[i]) +
                 s.instructors[i].evening_cost_per_hour() * static_cast<double>(evening_minutes[i])) /
                60.0;
    // The assigned-duty allowance (docs/model.md "Assigned duty"), per duty day.
    if (c.pol.assigned_duty)
        for (const auto& dates : c.duty_dates)
            cost += c.pol.assigned_duty->allowance_per_day * static_cast<double>(dates.size());
    c.budget_cost = cost;
    c.classroom_cohorts = classroom;

    const auto& b = s.budget;
    if (b.max_classroom_cohorts && classroom > *b.max_classroom_cohorts)
        c.add("H9-BUDGET-COHORTS", c.m.format("the plan opens {} classroom cohorts; the budget allows {}",
                                              c.num(classroom), c.num(*b.max_classroom_cohorts)));
    if (b.max_cost && cost > *b.max_cost * (1 + 1e-9))
        c.add("H9-BUDGET-COST", c.m.format("the plan costs {}; the budget is {}", money(c, cost, b.currency),
                                           money(c, *b.max_cost, b.currency)));
}

}  // namespace jadwal::verify::detail
