// Builds small scenarios in code for the calendar tests (no YAML loader), and
// shows interval sets as local clock times so failures read like a timetable.
#pragma once

#include <jadwal/calendar/holidays.hpp>
#include <jadwal/calendar/rrule.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/model/scenario.hpp>

#include <date/tz.h>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::test {

using calendar::clock_range;
using calendar::date_range;
using calendar::instant;
using calendar::interval;
using calendar::interval_set;
using calendar::local_date;

inline const date::time_zone& jakarta() { return *date::locate_zone("Asia/Jakarta"); }
inline const date::time_zone& makassar() { return *date::locate_zone("Asia/Makassar"); }

inline local_date day(std::string_view iso) {
    const auto d = calendar::parse_date(iso);
    if (!d) throw std::invalid_argument("bad date in test: " + std::string(iso));
    return *d;
}

inline date_range days(std::string_view first, std::string_view last) { return {day(first), day(last)}; }

inline clock_range hours(std::string_view text) {
    const auto r = calendar::parse_clock_range(text);
    if (!r) throw std::invalid_argument("bad clock range in test: " + std::string(text));
    return *r;
}

/// "2026-03-16 08:00" in `zone` as an instant.
inline instant at(std::string_view local, const date::time_zone& zone = jakarta()) {
    const auto t = local.size() == 16 ? calendar::parse_time_of_day(local.substr(11)) : std::nullopt;
    if (!t) throw std::invalid_argument("bad local time in test: " + std::string(local));
    return calendar::to_instant(calendar::local_minute{day(local.substr(0, 10))} + t->since_midnight, zone);
}

/// An instant given in UTC, "2026-02-17 23:30".
inline instant utc(std::string_view text) { return at(text, *date::locate_zone("UTC")); }

inline interval span(std::string_view from, std::string_view to, const date::time_zone& zone = jakarta()) {
    return {at(from, zone), at(to, zone)};
}

/// An interval as local clock times: "2026-03-16 08:00 - 12:00", or with the
/// end's date when it ends on another day: "2026-12-24 21:00 - 2026-12-25 07:00".
inline std::string show(interval i, const date::time_zone& zone = jakarta()) {
    const std::string a = calendar::format_instant(i.start, zone);
    const std::string b = calendar::format_instant(i.end, zone);
    std::string out = a.substr(0, 10) + " " + a.substr(11, 5) + " - ";
    if (a.substr(0, 10) != b.substr(0, 10)) out += b.substr(0, 10) + " ";
    return out + b.substr(11, 5);
}

inline std::vector<std::string> show(const interval_set& s, const date::time_zone& zone = jakarta()) {
    std::vector<std::string> out;
    for (const interval& i : s) out.push_back(show(i, zone));
    return out;
}

using lines = std::vector<std::string>;

/// A weekly_hours with the same ranges Monday to Thursday and others on Friday.
inline model::weekly_hours office_week(std::initializer_list<std::string_view> mon_thu,
                                       std::initializer_list<std::string_view> fri) {
    model::weekly_hours w;
    for (unsigned wd = 1; wd <= 4; ++wd)
        for (auto r : mon_thu) w.by_weekday[wd].push_back(hours(r));
    for (auto r : fri) w.by_weekday[5].push_back(hours(r));
    return w;
}

inline model::shift make_shift(std::string code, std::string_view range) {
    model::shift s{std::move(code), hours(range), false};
    s.night = s.hours.crosses_midnight();  // the loader's default
    return s;
}

inline calendar::rrule rule(std::string_view text) {
    auto r = calendar::parse_rrule(text);
    if (!r.rule) throw std::invalid_argument("bad rrule in test: " + r.error);
    return *r.rule;
}

class scenario_builder {
public:
    explicit scenario_builder(date_range horizon = days("2026-01-01", "2026-12-31")) {
        s.name = "test";
        s.zone = &jakarta();
        s.horizon = horizon;
    }

    scenario_builder& holidays_2026() {
        auto h = calendar::builtin_holidays("id-2026");
        s.holidays.insert(s.holidays.end(), h->begin(), h->end());
        return *this;
    }

    scenario_builder& season(std::string id, date_range range) {
        s.seasons.push_back({std::move(id), {range}, {false}, {}});
        return *this;
    }

    /// Ramadan 1447 H, as the scenario would declare it.
    scenario_builder& ramadan_2026() { return season("ramadan", days("2026-02-19", "2026-03-20")); }

    model::pattern_index add_pattern(model::work_pattern p) {
        s.pattern_by_id[p.id] = static_cast<std::uint32_t>(s.patterns.size());
        s.patterns.push_back(std::move(p));
        return {static_cast<std::uint32_t>(s.patterns.size() - 1)};
    }

    /// The regency office pattern of domain.md, with its Ramadan variant.
    model::pattern_index office() {
        model::work_pattern p;
        p.id = "office";
        p.week = office_week({"07:30-12:00", "13:00-16:00"}, {"07:30-11:30", "13:00-16:30"});
        p.seasonal.emplace_back("ramadan", office_week({"08:00-12:00", "12:30-15:00"}, {"08:00-11:30", "12:30-15:30"}));
        return add_pattern(std::move(p));
    }

    /// Three shifts on a 2-2-2-2 rotation (interface.md's `ward`).
    model::pattern_index ward(local_date anchor, model::holiday_rule rule = model::holiday_rule::none) {
        model::work_pattern p;
        p.id = "ward";
        p.rotation = model::shift_rotation{
            anchor,
            {"P", "P", "S", "S", "M", "M", "off", "off"},
            {make_shift("P", "07:00-14:00"), make_shift("S", "14:00-21:00"), make_shift("M", "21:00-07:00")}};
        p.holidays = rule;
        return add_pattern(std::move(p));
    }

    model::unit_index add_unit(std::string id, model::pattern_index pattern, const date::time_zone* zone = nullptr) {
        model::unit u;
        u.id = id;
        u.name = id;
        u.pattern = pattern;
        u.zone = zone;
        s.unit_by_id[id] = static_cast<std::uint32_t>(s.units.size());
        s.units.push_back(std::move(u));
        return {static_cast<std::uint32_t>(s.units.size() - 1)};
    }

    model::employee_index add_employee(std::string id, model::unit_index unit) {
        model::employee e;
        e.id = id;
        e.name = id;
        e.unit = unit;
        s.employee_by_id[id] = static_cast<std::uint32_t>(s.employees.size());
        s.employees.push_back(std::move(e));
        return {static_cast<std::uint32_t>(s.employees.size() - 1)};
    }

    model::employee& employee(model::employee_index e) { return s.employees[e.value]; }
    model::unit& unit(model::unit_index u) { return s.units[u.value]; }

    model::scenario s;
};

inline model::duty recurring(std::string what, std::string_view rrule_text, std::string_view dtstart,
                             std::string_view time, std::vector<local_date> except = {}) {
    return model::duty{std::move(what), day(dtstart), rule(rrule_text), hours(time), std::move(except)};
}

inline model::duty one_off(std::string what, std::string_view on, std::string_view time) {
    return model::duty{std::move(what), day(on), std::nullopt, hours(time), {}};
}

}  // namespace jadwal::test
