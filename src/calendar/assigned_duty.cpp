// Assigned-duty dates and time (docs/model.md "Assigned duty").
#include <jadwal/calendar/assigned_duty.hpp>

#include <algorithm>

namespace jadwal::calendar {

const model::shift* rostered_shift(const model::scenario& s, model::employee_index e, local_date d) {
    const model::employee& emp = s.employees[e.value];
    const model::work_pattern& p = s.pattern_of(emp);
    if (!p.rotation || p.rotation->cycle.empty()) return nullptr;
    const auto& rot = *p.rotation;
    const auto len = static_cast<std::int64_t>(rot.cycle.size());
    std::int64_t idx = ((d - rot.anchor).count() + emp.rotation_offset) % len;
    if (idx < 0) idx += len;
    const model::shift* sh = rot.find(rot.cycle[static_cast<std::size_t>(idx)]);
    return sh && sh->hours.start < sh->hours.end ? sh : nullptr;
}

bool assigned_duty_date(const model::scenario& s, const model::assigned_duty& rule, model::employee_index e,
                        local_date d) {
    const model::work_pattern& p = s.pattern_of(s.employees[e.value]);
    if (p.rotation && !p.rotation->cycle.empty()) return rule.rostered_days_off && rostered_shift(s, e, d) == nullptr;
    const unsigned wd = date::weekday{d}.c_encoding();
    if (wd == 0 || wd == 6 || rule.seasons.empty()) return false;
    for (const auto& [season_id, hours] : p.seasonal) {
        if (std::find(rule.seasons.begin(), rule.seasons.end(), season_id) == rule.seasons.end()) continue;
        for (const auto& season : s.seasons)
            if (season.id == season_id &&
                std::any_of(season.ranges.begin(), season.ranges.end(), [d](const date_range& r) { return r.contains(d); }))
                return true;
    }
    return false;
}

bool earns_days_in_lieu(const model::scenario& s, const model::assigned_duty& rule, model::employee_index e) {
    const model::work_pattern& p = s.pattern_of(s.employees[e.value]);
    return rule.rostered_days_off && rule.lieu_window_days > 0 && p.rotation && !p.rotation->cycle.empty();
}

interval_set assigned_duty_time(const model::scenario& s, const model::assigned_duty& rule, model::employee_index e,
                                date_range days, const availability& av) {
    interval_set out;
    if (!days.ok() || !(rule.hours.start < rule.hours.end)) return out;
    const date::time_zone& zone = s.zone_of(s.employees[e.value]);
    for (local_date d = days.first; d <= days.last; d += date::days{1}) {
        if (!assigned_duty_date(s, rule, e, d)) continue;
        out.add(interval{to_instant(local_minute{d} + rule.hours.start, zone),
                         to_instant(local_minute{d} + rule.hours.end, zone)});
    }
    if (out.empty()) return out;
    return out.subtract(av.working).subtract(av.breaks).subtract(av.unavailable);
}

}  // namespace jadwal::calendar
