#include <jadwal/model/scenario.hpp>

#include <date/tz.h>

#include <algorithm>

namespace jadwal::model {
namespace {
template <class Index>
std::optional<Index> lookup(const std::unordered_map<std::string, std::uint32_t>& map, const std::string& id) {
    const auto it = map.find(id);
    if (it == map.end()) return std::nullopt;
    return Index{it->second};
}
}  // namespace

void scenario::index_ids() {
    const auto fill = [](const auto& items, std::unordered_map<std::string, std::uint32_t>& out) {
        out.clear();
        out.reserve(items.size());
        for (std::uint32_t i = 0; i < items.size(); ++i) out.emplace(items[i].id, i);
    };
    fill(employees, employee_by_id);
    fill(units, unit_by_id);
    fill(programs, program_by_id);
    fill(patterns, pattern_by_id);
    fill(policies, policy_by_id);
}

std::optional<employee_index> scenario::find_employee(const std::string& id) const {
    return lookup<employee_index>(employee_by_id, id);
}
std::optional<unit_index> scenario::find_unit(const std::string& id) const { return lookup<unit_index>(unit_by_id, id); }
std::optional<program_index> scenario::find_program(const std::string& id) const {
    return lookup<program_index>(program_by_id, id);
}
std::optional<pattern_index> scenario::find_pattern(const std::string& id) const {
    return lookup<pattern_index>(pattern_by_id, id);
}
std::optional<policy_index> scenario::find_policy(const std::string& id) const {
    return lookup<policy_index>(policy_by_id, id);
}

const date::time_zone& scenario::zone_of(const unit& u) const { return u.zone ? *u.zone : *zone; }

const date::time_zone& scenario::zone_of(const employee& e) const {
    if (e.zone) return *e.zone;
    return zone_of(units[e.unit.value]);
}

const work_pattern& scenario::pattern_of(const employee& e) const {
    if (e.pattern.valid()) return patterns[e.pattern.value];
    return patterns[units[e.unit.value].pattern.value];
}

holiday_rule scenario::holiday_rule_of(const employee& e) const {
    const auto& u = units[e.unit.value];
    if (!e.pattern.valid() && u.holidays) return *u.holidays;
    return pattern_of(e).holidays;
}

std::string_view to_string(delivery_mode m) {
    switch (m) {
        case delivery_mode::classroom: return "classroom";
        case delivery_mode::online_live: return "online_live";
        case delivery_mode::self_paced: return "self_paced";
    }
    return "classroom";
}

std::string_view to_string(window_kind w) {
    switch (w) {
        case window_kind::working_hours: return "working_hours";
        case window_kind::after_hours: return "after_hours";
        case window_kind::weekend: return "weekend";
        case window_kind::explicit_hours: return "explicit";
    }
    return "working_hours";
}

staff_group staff_group_of(const work_pattern& p) {
    if (p.rotation) return staff_group::shift;
    const auto idle = [](const weekly_hours& w) {
        return std::all_of(w.by_weekday.begin(), w.by_weekday.end(), [](const auto& day) { return day.empty(); });
    };
    if (std::any_of(p.seasonal.begin(), p.seasonal.end(), [&](const auto& s) { return idle(s.second); }))
        return staff_group::teachers;
    const auto& days = p.week.by_weekday;  // index 0 is Sunday
    const bool weekdays = std::any_of(days.begin() + 1, days.begin() + 6, [](const auto& d) { return !d.empty(); });
    return weekdays && days[0].empty() && days[6].empty() ? staff_group::office : staff_group::other;
}

std::string_view to_string(staff_group g) {
    switch (g) {
        case staff_group::office: return "office";
        case staff_group::teachers: return "teachers";
        case staff_group::shift: return "shift";
        case staff_group::other: return "other";
    }
    return "other";
}

std::string_view to_string(employment_status s) { return s == employment_status::pns ? "pns" : "pppk"; }
std::string_view to_string(priority p) { return p == priority::mandatory ? "mandatory" : "elective"; }

std::optional<delivery_mode> parse_delivery_mode(std::string_view s) {
    for (auto m : {delivery_mode::classroom, delivery_mode::online_live, delivery_mode::self_paced})
        if (to_string(m) == s) return m;
    return std::nullopt;
}

std::optional<window_kind> parse_window_kind(std::string_view s) {
    for (auto w : {window_kind::working_hours, window_kind::after_hours, window_kind::weekend})
        if (to_string(w) == s) return w;
    return std::nullopt;
}

}  // namespace jadwal::model
