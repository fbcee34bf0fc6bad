// Helpers for the solver tests: scenarios from YAML text, solving, and
// checking plans with both the solver's own evaluation and `verify`.
#pragma once

#include <jadwal/generate/batanghari.hpp>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include "../../src/solve/compiled_model.hpp"
#include "../../src/solve/evaluate.hpp"

#include <catch2/catch.hpp>
#include <date/tz.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::test {

/// Loads YAML text or fails the test with the diagnostics.
inline std::shared_ptr<model::scenario> scenario_from(std::string_view yaml) {
    auto r = load::load_scenario_text(yaml, "test.yaml");
    if (!r.scenario) {
        std::string all;
        for (const auto& d : r.diags.items()) all += load::format(d) + "\n";
        FAIL("scenario does not load:\n" << all);
    }
    return std::make_shared<model::scenario>(std::move(*r.scenario));
}

/// A week of office days (2026-06-01 is a Monday, 08:00-16:00, no holidays
/// listed), followed by the rest of a scenario.
inline std::string office_week(std::string_view rest) {
    return std::string(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-05}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
)") + std::string(rest);
}

/// The text of tests/data/exact/<name>.yaml: a scenario whose optimum a short
/// argument and the exact model prove, shared with bench_exact (the README there).
inline std::string exact_case(std::string_view name) {
    const std::string path = std::string(JADWAL_TEST_DATA) + "/exact/" + std::string(name) + ".yaml";
    std::ifstream in(path, std::ios::binary);
    if (!in) FAIL("cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The scenario solved with the exact model (solve --exact) beside a short
/// search (2,000 moves), under `policy`, within `seconds`.
inline solve::solution solve_exact(const model::scenario& s, std::string policy, double seconds = 30) {
    solve::solve_options o;
    o.policy = std::move(policy);
    o.max_moves = 2000;
    o.exact = true;
    o.exact_seconds = seconds;
    return solve::solve(s, o);
}

/// The Batanghari scenario of this many employees and seed as YAML, with employees inline.
inline std::string batanghari_yaml(int employees, std::uint64_t seed) {
    generate::batanghari_options o;
    o.employees = employees;
    o.seed = seed;
    o.csv_threshold = 1 << 30;
    return generate::batanghari_yaml(o);
}

/// The same, loaded.
inline std::shared_ptr<model::scenario> batanghari(int employees, std::uint64_t seed) {
    return scenario_from(batanghari_yaml(employees, seed));
}

inline const model::policy& policy_of(const model::scenario& s, std::string_view id) {
    for (const auto& p : s.policies)
        if (p.id == id) return p;
    throw std::invalid_argument("no policy " + std::string(id));
}

inline solve::solution solve_with(const model::scenario& s, std::string policy, std::int64_t moves,
                                  std::uint64_t seed = 1, int threads = 1,
                                  solve::solve_strategy strategy = solve::solve_strategy::optimized) {
    solve::solve_options o;
    o.policy = std::move(policy);
    o.max_moves = moves;
    o.seed = seed;
    o.threads = threads;
    o.strategy = strategy;
    return solve::solve(s, o);
}

/// Every violation `verify` finds, one per line (empty when feasible).
inline std::string verify_violations(const model::scenario& s, const solve::solution& sol, std::string_view policy) {
    const auto rep = verify::verify(s, sol, policy_of(s, policy));
    std::string out;
    for (const auto& v : rep.violations) out += v.code + " " + v.message + "\n";
    return out;
}

/// Every violation the solver's own evaluation finds.
inline std::string own_violations(const model::scenario& s, const solve::solution& sol, std::string_view policy) {
    const solve::detail::compiled_model cm(s, policy_of(s, policy));
    const auto ev = solve::detail::evaluate(cm, sol);
    std::string out;
    for (const auto& v : ev.violations) out += v.code + " " + v.message + "\n";
    return out;
}

/// The solution text without its timing field.
inline std::string json_without_elapsed(const model::scenario& s, const solve::solution& sol) {
    std::string text = io::solution_to_json(s, sol);
    const auto at = text.find("\"elapsed_seconds\"");
    return at == std::string::npos ? text : text.substr(0, at);
}

/// The metrics on which two reports differ, "name: a vs b" one per line (empty when equal).
inline std::string metric_differences(const solve::solution_metrics& a, const solve::solution_metrics& b) {
    std::vector<std::string> left;
    solve::for_each_metric(a, [&](const char*, auto v) { left.push_back(std::to_string(v)); });
    std::string out;
    std::size_t i = 0;
    solve::for_each_metric(b, [&](const char* name, auto v) {
        const std::string right = std::to_string(v);
        if (left[i++] != right) out += std::string(name) + ": " + left[i - 1] + " vs " + right + "\n";
    });
    return out;
}

/// Local clock text of an instant in Asia/Jakarta, "2026-06-03T09:00:00+07:00".
inline std::string jakarta(calendar::instant t) {
    return calendar::format_instant(t, *date::locate_zone("Asia/Jakarta"));
}

/// The metric `name` of a plan (solve::for_each_metric), as a whole number; -1: none.
inline std::int64_t metric(const solve::solution& sol, std::string_view name) {
    std::int64_t out = -1;
    solve::for_each_metric(sol.metrics, [&](const char* n, auto v) {
        if (n == name) out = static_cast<std::int64_t>(v);
    });
    return out;
}

/// Four office workers (Ani, Budi, Citra, Dedi: NIPs 199001012020011001..04) of
/// one unit, a two-module live course `kursus` in cohorts of one or two that all
/// of them need, and a live `webinar` fixed as `fixed` (the module entry's keys
/// after `module: w1`) for `webinar_for` (a YAML list's items), one policy.
inline std::string four_office_workers(std::string_view name, std::string_view fixed, std::string_view webinar_for) {
    std::string y = R"(jadwal: 1
scenario: {name: )";
    y += name;
    y += R"(, timezone: Asia/Jakarta, from: 2026-06-01, to: 2026-06-26}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 100%}]
employees:
  - {id: "199001012020011001", name: Ani, unit: u, status: pns}
  - {id: "199001012020011002", name: Budi, unit: u, status: pns}
  - {id: "199001012020011003", name: Citra, unit: u, status: pns}
  - {id: "199001012020011004", name: Dedi, unit: u, status: pns}
platforms: [{id: z, capacity: 100, concurrent: 4}]
programs:
  - id: kursus
    modules: [{id: m1, jp: 2}, {id: m2, jp: 2, after: m1}]
    modes: [{mode: online_live, platform: z, windows: [working_hours]}]
    cohort: {min: 1, max: 2}
  - id: webinar
    modules: [{id: w1, jp: 2}]
    modes:
      - {mode: online_live, platform: z, windows: [working_hours], fixed: [{module: w1, )";
    y += fixed;
    y += R"(}]}
    cohort: {min: 1, max: 100}
demand:
  - {program: kursus, where: {unit: u}, priority: mandatory}
  - {program: webinar, employees: [)";
    y += webinar_for;
    y += R"(], priority: elective}
policies: {only: {}}
)";
    return y;
}

/// The cohort of programme `p` that `e` sits in; nullptr: none.
/// Whether one of the solution's notes starts with this text.
inline bool has_note(const solve::solution& sol, std::string_view start) {
    return std::any_of(sol.notes.begin(), sol.notes.end(),
                       [&](const std::string& n) { return std::string_view(n).substr(0, start.size()) == start; });
}

inline const model::cohort* cohort_of(const model::solution& plan, model::employee_index e, model::program_index p) {
    for (const auto& c : plan.cohorts)
        if (c.program == p && std::binary_search(c.participants.begin(), c.participants.end(), e)) return &c;
    return nullptr;
}

/// Each violation of a report as "CODE message", one a line (for test messages).
inline std::string violations_of(const verify::report& r) {
    std::string out;
    for (const auto& v : r.violations) out += v.code + " " + v.message + "\n";
    return out;
}

}  // namespace jadwal::test
