#include "commands.hpp"
#include "print_diagnostics.hpp"

#include <jadwal/solve/bound.hpp>
#include <jadwal/solve/solver.hpp>

#include <fmt/format.h>

#include <map>
#include <memory>
#include <tuple>

namespace jadwal::cli {

namespace {

/// Demand no plan can place, one warning per programme, unit and rule, at the
/// demand entry that asked for it; then the bounds.
void report_unplaceable(const model::scenario& s, const model::policy& p) {
    const solve::plan_bounds b = solve::compute_bounds(s, p);
    struct group {
        std::int64_t count = 0;
        std::int64_t of = 0;
        model::source_mark mark;
        std::string reason;
    };
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::string>, group> groups;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::int64_t> demand_of;
    for (const auto& d : s.demand) ++demand_of[{d.program.value, s.employees[d.employee.value].unit.value}];
    for (const auto& u : b.unplaceable) {
        const auto unit = s.employees[u.employee.value].unit.value;
        auto& g = groups[{u.program.value, unit, u.code}];
        if (g.count++ == 0) {
            g.mark = s.demand[u.demand].mark;
            g.reason = u.reason;
            g.of = demand_of[{u.program.value, unit}];
        }
    }
    for (const auto& [key, g] : groups) {
        const auto& [prog, unit, code] = key;
        const std::string file = g.mark.file < s.source_files.size() ? s.source_files[g.mark.file] : std::string();
        fmt::print("{}:{}:{}: warning: {} of {} demand item(s) of {} in {} cannot be placed by any plan under policy "
                   "{}: {} [{}]\n",
                   file, g.mark.line, g.mark.column, g.count, g.of, s.programs[prog].id, s.units[unit].id, p.id,
                   g.reason, code);
    }
    const auto pct = [](std::int64_t a, std::int64_t n) { return n > 0 ? 100.0 * static_cast<double>(a) / static_cast<double>(n) : 100.0; };
    fmt::print("bounds under policy {}: no plan places more than {} of {} demand items ({:.1f}%; {} cannot be placed "
               "at all, {} more at most for lack of seats, budget or JP cap) or brings more than {} of {} people to "
               "their JP target ({:.1f}%)\n",
               p.id, b.demand_placed, b.demand_total, pct(b.demand_placed, b.demand_total), b.unplaceable.size(),
               b.capacity_cut, b.jp_target_met, b.jp_target_employees, pct(b.jp_target_met, b.jp_target_employees));
}

}  // namespace

action add_check(CLI::App& app) {
    auto* cmd = app.add_subcommand("check", "Validate a scenario and print every diagnostic");
    auto path = std::make_shared<std::string>();
    auto policy = std::make_shared<std::string>();
    auto opts = std::make_shared<load::load_options>();
    cmd->add_option("scenario", *path, "Scenario file (YAML)")->required();
    cmd->add_option("--policy", *policy,
                    "Policy to find unplaceable demand and bounds under (default: the scenario's policy, else its "
                    "first)");
    add_load_options(*cmd, *opts);
    return [path, policy, opts]() {
        const auto result = load_and_report(*path, *opts);
        const auto errors = result.diags.error_count();
        const auto warnings = result.diags.warning_count();
        if (!result.scenario) {
            fmt::print("{}: {} error(s), {} warning(s)\n", load::printable(*path), errors, warnings);
            return failure_code(result.diags);
        }
        const auto& s = *result.scenario;
        fmt::print("{}: {} employees, {} units, {} programmes, {} demand items, {} policies; "
                   "{} error(s), {} warning(s)\n",
                   load::printable(*path), s.employees.size(), s.units.size(), s.programs.size(), s.demand.size(),
                   s.policies.size(), errors, warnings);
        solve::solve_options by_name;
        by_name.policy = *policy;
        const model::policy* chosen = nullptr;
        try {
            chosen = solve::select_policy(s, by_name);
        } catch (const solve::solve_error& e) {
            fmt::print(stderr, "jadwal check: {}\n", e.what());
            return static_cast<int>(usage_error);
        }
        report_unplaceable(s, model::policy_or_builtin(chosen));
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
