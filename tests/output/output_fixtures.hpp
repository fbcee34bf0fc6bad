// Plans the CSV and report tests share: the bundled example solved with a
// small move budget (and planned by hand, as a baseline), a scenario whose
// every name is hostile (markup, spreadsheet formulas, quotes, a line break
// followed by an iCalendar property) solved the same way, and the verify
// tests' hand-made plan.
#pragma once

#include <jadwal/load/load_scenario.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "../verify/fixture.hpp"
#include "../support/load_or_fail.hpp"

namespace jadwal::test {

struct solved {
    std::shared_ptr<const model::scenario> scenario;
    solve::solution plan;
    const model::policy* policy = nullptr;
};


inline const model::policy& policy_named(const model::scenario& s, std::string_view id) {
    for (const auto& p : s.policies)
        if (p.id == id) return p;
    throw std::invalid_argument("no policy " + std::string(id));
}

inline solved solve_scenario(std::shared_ptr<const model::scenario> s, const std::string& policy,
                             solve::solve_strategy strategy = solve::solve_strategy::optimized) {
    solve::solve_options o;
    o.policy = policy;
    o.max_moves = 20000;
    o.seed = 1;
    o.strategy = strategy;
    solved out{s, solve::solve(*s, o), &policy_named(*s, policy)};
    return out;
}

/// examples/small/scenario.yaml under its `flexible` policy (every delivery mode).
inline const solved& example_plan() {
    static const solved plan = solve_scenario(
        load_or_fail(load::load_scenario_file(std::string{JADWAL_SOURCE_DIR} + "/examples/small/scenario.yaml")),
        "flexible");
    return plan;
}

/// The same scenario planned as an HR office does by hand, for comparisons.
inline const solved& example_baseline() {
    static const solved plan = solve_scenario(example_plan().scenario, "flexible", solve::solve_strategy::baseline);
    return plan;
}

/// Names that try to become markup, formulas or calendar properties. YAML
/// double-quoted strings carry the quotes, the tab, the CR and the line break.
inline constexpr std::string_view hostile_yaml = R"yaml(
jadwal: 1
scenario: {name: "</title><script>alert(4)</script>", from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00]}
locations:
  - {id: kota, name: "<b>Kota</b>"}
units:
  - {id: "<u1>", name: "<script>alert(1)</script>", pattern: office, location: kota, max_absent: 100%}
  - {id: u2, name: "=HYPERLINK(\"http://x\",\"y\")", pattern: office, location: kota, max_absent: 100%}
employees:
  - {id: "198203142006041002", name: "\"quotes'", unit: "<u1>", status: pns}
  - {id: "198507212010012003", name: "=HYPERLINK(\"http://x\",\"y\")", unit: "<u1>", status: pns}
  - {id: "199001012019031004", name: "+1", unit: "<u1>", status: pns}
  - {id: "199203152022211005", name: "@SUM(A1)", unit: "<u1>", status: pns}
  - {id: "198811112015031006", name: "Evil\nATTENDEE:mailto:evil@x", unit: "<u1>", status: pns}
  - {id: "199406062020122007", name: "Nur'aini, S.Pd.", unit: u2, status: pns}
  - {id: "198701012011012008", name: "Zulkarnain \"Zul\"", unit: u2, status: pns}
  - {id: "199109092019032009", name: "Ñoño Đặng", unit: u2, status: pns, timezone: Asia/Jayapura}
  - {id: "-1+2", name: "\tTab\r-1", unit: u2, status: pns}
venues:
  - {id: aula, name: "</svg><script>alert(2)</script>", capacity: 20, location: kota}
  - {id: hall, name: "'; DROP TABLE venues;--", capacity: 60, location: kota}
platforms:
  - {id: zoom, name: "\"><script>alert(3)</script>", capacity: 100}
programs:
  - id: "=p1"
    title: "<img src=x onerror=alert(5)>"
    organizer: "=1+1"
    modules: [{id: "@m1", title: "@SUM(1+1)*cmd|' /C calc'!A0", jp: 4}]
    modes: [{mode: classroom, windows: [working_hours], venues: [aula]}]
    cohort: {min: 1, max: 20}
  - id: p2
    title: "=cmd|' /C calc'!A0"
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, windows: [working_hours], platform: zoom}]
    cohort: {min: 1, max: 20}
  - id: p3
    title: "+Self <paced> & 'study'"
    modules: [{id: m1, jp: 2}]
    modes: [{mode: self_paced}]
  - id: p4
    title: "<iframe src=\"https://evil.example/\"></iframe>"
    modules: [{id: m1, jp: 2}]
    modes: [{mode: classroom, windows: [working_hours], venues: [hall]}]
    cohort: {min: 50, max: 60}
demand:
  - {program: "=p1", where: {unit: ["<u1>", u2]}, priority: mandatory}
  - {program: p2, where: {unit: ["<u1>", u2]}}
  - {program: p3, where: {unit: ["<u1>", u2]}}
  - {program: p4, where: {unit: ["<u1>", u2]}}
policies:
  open:
    description: "<style>body{display:none}</style>"
)yaml";

inline const solved& hostile_plan() {
    static const solved plan =
        solve_scenario(load_or_fail(load::load_scenario_text(hostile_yaml, "hostile.yaml")), "open");
    return plan;
}

/// tests/verify's hand-made plan: a classroom cohort with an instructor, an
/// evening online cohort, a fixed webinar and study blocks, all valid.
inline const solved& verify_fixture_plan() {
    static const solved plan = [] {
        auto s = std::make_shared<const model::scenario>(base_scenario());
        solved out{s, base_plan(*s), &policy_named(*s, "flexible")};
        return out;
    }();
    return plan;
}

/// Every plan above, for tests that hold for any plan.
inline std::vector<const solved*> all_plans() {
    return {&example_plan(), &example_baseline(), &hostile_plan(), &verify_fixture_plan()};
}

}  // namespace jadwal::test
