// The optional `attendance` section: the parameters of the expected-attendance
// model (docs/attendance.md). Read after the units, so a penalty that the
// units' critical weights would push past certainty can be pointed out.
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jadwal::load::detail {

void read_attendance(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("attendance");
    static constexpr std::array<std::string_view, 8> keys{
        "live_base",      "working_time_penalty", "overload_minutes_per_week", "overload_penalty",
        "self_paced_min", "self_paced_max",       "full_slack_days",           "missed_sessions_allowed"};
    const auto m = c.yr.map(yval{*e, p}, "the attendance section", keys);
    if (!m) return;
    auto& a = c.s.attendance;
    a.mark = c.yr.where(*e).mark();
    auto& yr = c.yr;
    // Probabilities and shares are read as plain numbers in [0, 1]: a
    // percentage sign would suggest a precision these guesses do not have.
    const auto read_share = [&](std::string_view key, double& out) {
        if (const yentry* f = m->find(key)) {
            const ypath q = p.key(key);
            if (const auto v = yr.real(yval{*f, q}, key, 0, 1)) out = *v;
        }
    };
    const auto read_int = [&](std::string_view key, int max, int& out) {
        if (const yentry* f = m->find(key)) {
            const ypath q = p.key(key);
            if (const auto v = yr.small_int(yval{*f, q}, key, 0, max)) out = *v;
        }
    };
    read_share("live_base", a.live_base);
    read_share("working_time_penalty", a.working_time_penalty);
    read_int("overload_minutes_per_week", 10080, a.overload_minutes_per_week);
    read_share("overload_penalty", a.overload_penalty);
    read_share("self_paced_min", a.self_paced_min);
    read_share("self_paced_max", a.self_paced_max);
    read_int("full_slack_days", 366, a.full_slack_days);
    read_int("missed_sessions_allowed", 100, a.missed_sessions_allowed);

    if (a.self_paced_min > a.self_paced_max) {
        const std::string_view key = m->find("self_paced_min") != nullptr ? "self_paced_min" : "self_paced_max";
        const yentry* f = m->find(key);
        const ypath q = p.key(key);
        yr.error(code::range_order,
                 say("self_paced_min ({}) is above self_paced_max ({}): more slack would make completion "
                     "less likely",
                     a.self_paced_min, a.self_paced_max),
                 yval{*f, q});
    }
    // A critical weight w turns the working-time factor into 1 - penalty * w;
    // when that goes below zero the model clamps it, so a session wholly in
    // working time in that period is never attended. Legal, but rarely meant.
    double max_weight = 1;
    for (const auto& u : c.s.units)
        for (const auto& cp : u.critical) max_weight = std::max(max_weight, cp.weight);
    if (a.working_time_penalty * max_weight > 1) {
        const yentry* f = m->find("working_time_penalty");
        const ypath q = p.key("working_time_penalty");
        yr.warning(code::attendance_clamped,
                   say("working_time_penalty {} times the largest critical weight {} exceeds 1: a session "
                       "wholly in working time in that critical period would never be attended",
                       a.working_time_penalty, max_weight),
                   f != nullptr ? yval{*f, q} : yval{*e, p});
    }
}

}  // namespace jadwal::load::detail
