// A tiny scenario for the attendance tests: one office unit (Mon-Fri
// 07:30-16:00, critical in May with weight 3), `n` employees, a one-module
// programme `etika` and a two-module programme `dua`, both online; and plans
// made by hand so every probability is known in advance.
#pragma once

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/compare/attendance.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/solve/solution.hpp>

#include <catch2/catch.hpp>
#include <date/tz.h>
#include <fmt/format.h>

#include <string>
#include <string_view>

namespace jadwal::test {

inline std::string attendance_yaml_text(int n, std::string_view extra = {}) {
    std::string y = R"(jadwal: 1
scenario: {name: Kecil, timezone: Asia/Jakarta, from: 2026-04-01, to: 2026-06-30}
holidays: []
work_patterns:
  office:
    week: {mon-fri: [07:30-16:00]}
units:
  - {id: bpkad, name: BPKAD, pattern: office, max_absent: 100%,
     critical: [{from: 2026-05-01, to: 2026-05-31, weight: 3, why: closing}]}
platforms: [{id: zoom, concurrent: 5, capacity: 300}]
programs:
  - id: etika
    title: Etika
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, windows: [working_hours, after_hours], platform: zoom}]
    cohort: {min: 1, max: 100}
  - id: dua
    title: Dua modul
    modules: [{id: m1, jp: 2}, {id: m2, jp: 2, after: m1}]
    modes: [{mode: online_live, windows: [working_hours, after_hours], platform: zoom},
            {mode: self_paced}]
    cohort: {min: 1, max: 100}
demand:
  - {program: etika, where: {unit: bpkad}}
  - {program: dua, where: {unit: bpkad}, deadline: 2026-06-30}
employees:
)";
    for (int i = 0; i < n; ++i)
        y += fmt::format("  - {{id: \"1980010120050110{:02d}\", name: Orang {}, unit: bpkad, status: pns, jp_target: 4}}\n",
                         i, i);
    y += extra;
    return y;
}

/// The scenario of a YAML text, its errors shown when it does not load.
inline model::scenario scenario_of_text(std::string_view yaml, std::string_view file) {
    auto r = load::load_scenario_text(yaml, file);
    std::string all;
    for (const auto& d : r.diags.items())
        if (d.level == load::severity::error) all += load::format(d) + "\n";
    INFO(all);
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}

inline model::scenario attendance_scenario(int n, std::string_view extra = {}) {
    return scenario_of_text(attendance_yaml_text(n, extra), "kecil.yaml");
}

/// "2026-04-06 08:00" (a Monday) in Asia/Jakarta.
inline calendar::instant jakarta(std::string_view local) {
    const auto d = calendar::parse_date(local.substr(0, 10));
    const auto t = calendar::parse_time_of_day(local.substr(11));
    REQUIRE(d);
    REQUIRE(t);
    return calendar::to_instant(calendar::local_minute{*d} + t->since_midnight, *date::locate_zone("Asia/Jakarta"));
}

/// A cohort of `program` for employees [first, last) with live sessions
/// (module, "YYYY-MM-DD HH:MM", minutes).
struct planned_session {
    std::uint32_t module;
    std::string_view start;
    int minutes;
};
inline solve::cohort live_cohort(std::string id, std::uint32_t program, std::uint32_t first, std::uint32_t last,
                                 std::initializer_list<planned_session> sessions) {
    solve::cohort c;
    c.id = std::move(id);
    c.program = model::program_index{program};
    c.mode = model::delivery_mode::online_live;
    c.platform = model::platform_index{0};
    for (auto e = first; e < last; ++e) c.participants.push_back(model::employee_index{e});
    std::uint32_t part = 0;
    for (const auto& ps : sessions) {
        const auto start = jakarta(ps.start);
        c.sessions.push_back({ps.module, part++, start, start + calendar::minutes{ps.minutes}, false, 0});
    }
    return c;
}

/// A plan of the attendance scenario made of `cohorts`, under the default policy.
inline solve::solution plan_of(std::vector<solve::cohort> cohorts) {
    solve::solution p;
    p.policy = "default";
    p.cohorts = std::move(cohorts);
    return p;
}

}  // namespace jadwal::test
