#include "unplaced_reasons.hpp"

#include <fmt/format.h>

namespace jadwal::solve::detail {

std::vector<reason> unplaced_reasons(const plan& pl, demand_id d, refusal last) {
    const compiled_model& cm = pl.cm;
    const model::scenario& s = cm.scenario;
    const demand_c& dc = cm.demand[d];
    const model::employee& e = s.employees[dc.employee.value];
    const model::program& p = s.programs[dc.program];
    const program_c& pc = cm.programs[dc.program];
    const std::string who = e.name.empty() ? e.id : e.name;
    std::vector<reason> out;
    if (pc.deliveries.empty()) {
        out.push_back({"R-NO-MODE", fmt::format("no delivery mode of {} is allowed by policy {} and can run", p.id,
                                                cm.policy.id.empty() ? "default" : cm.policy.id)});
        return out;
    }
    if (!pl.jp_cap_ok(dc.employee, dc.program) && pl.placed_jp[dc.employee] + pc.jp > 0) {
        const int earned = cm.employees[dc.employee].jp_earned;
        out.push_back({"R-JP-CAP", earned > 0 ? fmt::format("{} JP of {} would take {} past the JP cap of {} "
                                                            "({} JP already earned this year)",
                                                            pc.jp, p.id, who, cm.employees[dc.employee].jp_cap, earned)
                                              : fmt::format("{} JP of {} would take {} past the JP cap of {}", pc.jp,
                                                            p.id, who, cm.employees[dc.employee].jp_cap)});
        return out;
    }
    const std::string unit = s.units[cm.employees[dc.employee].unit.value].id;
    switch (last) {
        case refusal::acceptance:
            out.push_back({"R-ACCEPTANCE",
                           fmt::format("{} does not accept the after-hours or weekend times {} runs in", who, p.id)});
            break;
        case refusal::unavailable:
        case refusal::overlap:
        case refusal::horizon:
            out.push_back({"R-NO-TIME", fmt::format("{} has no free time in the windows of {} that fits", who, p.id)});
            break;
        case refusal::deadline:
            out.push_back({"R-DEADLINE", fmt::format("no time for {} before {}'s deadline", p.id, who)});
            break;
        case refusal::day_limit:
            out.push_back({"R-DAY-LIMIT", fmt::format("{} would exceed the daily training limit", who)});
            break;
        case refusal::after_hours_day:
        case refusal::after_hours_week:
            out.push_back({"R-AFTER-HOURS-LIMIT",
                           fmt::format("{} would exceed the after-hours limit of the policy", who)});
            break;
        case refusal::unit_limit:
            out.push_back({"R-UNIT-LIMIT",
                           fmt::format("the staffing limit of unit {} is reached at every candidate time", unit)});
            break;
        case refusal::shift_minimum:
            out.push_back({"R-SHIFT-MINIMUM",
                           fmt::format("every candidate time would leave a shift of unit {} below its minimum", unit)});
            break;
        case refusal::cohort_full:
            out.push_back({"R-COHORT-FULL", fmt::format("every cohort of {} that fits {} is full", p.id, who)});
            break;
        case refusal::budget:
            out.push_back({"R-BUDGET", fmt::format("the training budget allows no further cohort of {}", p.id)});
            break;
        case refusal::pinned:
            out.push_back({"R-REPLAN", fmt::format("every time that fits {} for {} lies before the re-plan date", p.id, who)});
            break;
        case refusal::jp_cap:
            out.push_back({"R-JP-CAP", fmt::format("{} JP of {} would take {} past the JP cap", pc.jp, p.id, who)});
            break;
        case refusal::duty_days:
            out.push_back({"R-DUTY-DAYS", fmt::format("{} has no assigned-duty day left in the months that fit", who)});
            break;
        case refusal::day_in_lieu:
            out.push_back({"R-DAY-IN-LIEU",
                           fmt::format("{} could not be given a day off in lieu after the duty days that fit", who)});
            break;
        case refusal::mode_refused:
            out.push_back({"R-MODE-REFUSED", fmt::format("{} refused every mode of {} that could place them", who, p.id)});
            break;
        case refusal::resource:
        case refusal::structure:
        case refusal::none:
            out.push_back({"R-NO-COHORT",
                           fmt::format("no cohort of {} could be formed with enough participants at times {} can attend",
                                       p.id, who)});
            break;
    }
    return out;
}

}  // namespace jadwal::solve::detail
