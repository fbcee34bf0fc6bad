#include "plan_references.hpp"

#include <jadwal/calendar/assigned_duty.hpp>

#include <fmt/format.h>

#include <jadwal/model/error.hpp>
#include <stdexcept>

namespace jadwal::output::detail {
namespace {

template <class Index, class T>
bool in(Index i, const std::vector<T>& v) {
    return i.valid() && i.value < v.size();
}

[[noreturn]] void refuse(const std::string& what) {
    throw error(errc::parse, fmt::format("the plan does not fit the scenario: {}", what));
}

}  // namespace

std::optional<std::string> reference_problem(const model::scenario& s, const model::solution& sol) {
    for (const auto& c : sol.cohorts) {
        if (!in(c.program, s.programs)) return fmt::format("cohort {} has no valid programme", c.id);
        const auto& p = s.programs[c.program.value];
        for (const auto e : c.participants)
            if (!in(e, s.employees)) return fmt::format("cohort {} lists an unknown participant", c.id);
        for (const auto& ses : c.sessions)
            if (ses.module >= p.modules.size())
                return fmt::format("cohort {} has a session of an unknown module", c.id);
        if (c.mode == model::delivery_mode::classroom && c.venue.valid() && !in(c.venue, s.venues))
            return fmt::format("cohort {} has an unknown venue", c.id);
        if (c.mode == model::delivery_mode::online_live && c.platform.valid() && !in(c.platform, s.platforms))
            return fmt::format("cohort {} has an unknown platform", c.id);
        for (const auto i : c.instructors)
            if (!in(i, s.instructors)) return fmt::format("cohort {} has an unknown instructor", c.id);
    }
    for (std::size_t b = 0; b < sol.study_blocks.size(); ++b) {
        const auto& blk = sol.study_blocks[b];
        if (!in(blk.employee, s.employees) || !in(blk.program, s.programs) ||
            blk.module >= s.programs[blk.program.value].modules.size())
            return fmt::format("study block {} has an unknown employee, programme or module", b);
    }
    for (std::size_t u = 0; u < sol.unplaced.size(); ++u)
        if (!in(sol.unplaced[u].employee, s.employees) || !in(sol.unplaced[u].program, s.programs))
            return fmt::format("unplaced item {} has an unknown employee or programme", u);
    for (std::size_t i = 0; i < sol.days_in_lieu.size(); ++i)
        if (!in(sol.days_in_lieu[i].employee, s.employees))
            return fmt::format("day in lieu {} has an unknown employee", i);
    for (const auto& e : s.employees)
        if (!in(e.unit, s.units)) return fmt::format("employee {} has no valid unit", e.id);
    return std::nullopt;
}

void require_valid_references(const model::scenario& s, const model::solution& sol) {
    if (const auto problem = reference_problem(s, sol)) refuse(*problem);
}

std::optional<calendar::interval> lieu_shift(const model::scenario& s, const model::day_in_lieu& l) {
    const model::shift* sh = calendar::rostered_shift(s, l.employee, l.date);
    if (!sh) return std::nullopt;
    const auto& zone = s.zone_of(s.employees[l.employee.value]);
    return calendar::interval{calendar::to_instant(calendar::local_minute{l.date} + sh->hours.start, zone),
                              calendar::to_instant(calendar::local_minute{l.date} + sh->hours.end, zone)};
}

}  // namespace jadwal::output::detail
