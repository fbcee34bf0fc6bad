#include "commands.hpp"
#include "print_diagnostics.hpp"

#include <jadwal/solve/bound.hpp>
#include <jadwal/solve/solver.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <tuple>

namespace jadwal::cli {

namespace {

using json = nlohmann::ordered_json;

/// Demand no plan can place, one warning per programme, unit and rule, at the
/// demand entry that asked for it.
struct unplaceable_group {
    std::int64_t count = 0;
    std::int64_t of = 0;
    model::source_mark mark;
    std::string reason;
    std::string code;
    std::uint32_t program = 0;
    std::uint32_t unit = 0;
};

std::vector<unplaceable_group> group_unplaceable(const model::scenario& s, const solve::plan_bounds& b) {
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::string>, unplaceable_group> groups;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::int64_t> demand_of;
    for (const auto& d : s.demand) ++demand_of[{d.program.value, s.employees[d.employee.value].unit.value}];
    for (const auto& u : b.unplaceable) {
        const auto unit = s.employees[u.employee.value].unit.value;
        auto& g = groups[{u.program.value, unit, u.code}];
        if (g.count++ == 0) {
            g.mark = s.demand[u.demand].mark;
            g.reason = u.reason;
            g.code = u.code;
            g.program = u.program.value;
            g.unit = unit;
            g.of = demand_of[{u.program.value, unit}];
        }
    }
    std::vector<unplaceable_group> out;
    for (auto& [key, g] : groups) out.push_back(std::move(g));
    return out;
}

std::string file_of(const model::scenario& s, const model::source_mark& mark) {
    return mark.file < s.source_files.size() ? s.source_files[mark.file] : std::string();
}

double share(std::int64_t a, std::int64_t n) {
    return n > 0 ? static_cast<double>(a) / static_cast<double>(n) : 1.0;
}

void report_unplaceable(const text::messages& m, const model::scenario& s, const model::policy& p,
                        const solve::plan_bounds& b) {
    for (const auto& g : group_unplaceable(s, b)) {
        // Compiler style, like the loader's diagnostics: file:line:col: warning: ... [CODE].
        fmt::print(
            "{}:{}:{}: {}: {} [{}]\n", file_of(s, g.mark), g.mark.line, g.mark.column, m.tr_in("diagnostic", "warning"),
            m.format("{} of {} demand item(s) of {} in {} cannot be placed by any plan under policy {}: {}",
                     count(m, g.count), count(m, g.of), s.programs[g.program].id, s.units[g.unit].id, p.id, g.reason),
            g.code);
    }
    const auto pct = [&](std::int64_t a, std::int64_t n) {
        return m.lang() == text::language::en ? fmt::format("{:.1f}%", 100 * share(a, n)) : m.percent(share(a, n), 1);
    };
    fmt::print("{}\n",
               m.format("bounds under policy {}: no plan places more than {} of {} demand items ({}; {} cannot be "
                        "placed at all, {} more at most for lack of seats, budget or JP cap) or brings more than {} of "
                        "{} people to their JP target ({})",
                        p.id, count(m, b.demand_placed), count(m, b.demand_total), pct(b.demand_placed, b.demand_total),
                        count(m, static_cast<std::int64_t>(b.unplaceable.size())), count(m, b.capacity_cut),
                        count(m, b.jp_target_met), count(m, b.jp_target_employees),
                        pct(b.jp_target_met, b.jp_target_employees)));
}

json diagnostic_json(const load::diagnostic& d, text::language l) {
    json j{{"code", d.code},
           {"severity", std::string(load::to_string(d.level))},
           {"file", d.file},
           {"line", d.line},
           {"column", d.column},
           {"message", d.message_in(l)}};
    if (!d.path.empty()) j["path"] = d.path;
    return j;
}

}  // namespace

action add_check(CLI::App& app) {
    auto* cmd = app.add_subcommand("check", "Validate a scenario and print every diagnostic");
    struct args {
        std::string path, policy, format = "text";
        load::load_options load;
    };
    auto a = std::make_shared<args>();
    cmd->add_option("scenario", a->path, "Scenario file (YAML)")->required();
    cmd->add_option("--policy", a->policy,
                    "Policy to find unplaceable demand and bounds under (default: the scenario's policy, else its "
                    "first)");
    cmd->add_option("--format", a->format,
                    "text (compiler style, diagnostics on stderr), or json (one document on stdout: every "
                    "diagnostic, the counts, the unplaceable demand and the bounds)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    add_load_options(*cmd, a->load);
    return [a](const run_context& ctx) {
        const bool as_json = a->format == "json";
        const auto result = as_json ? load::load_scenario_file(a->path, a->load) : load_and_report(ctx, a->path, a->load);
        const auto errors = result.diags.error_count();
        const auto warnings = result.diags.warning_count();
        json doc;
        if (as_json) {
            doc["scenario"] = a->path;
            doc["valid"] = result.scenario.has_value();
            doc["errors"] = errors;
            doc["warnings"] = warnings;
            json diags = json::array();
            const auto lang = result.scenario ? ctx.language(*result.scenario) : ctx.language();
            for (const auto& d : result.diags.items()) diags.push_back(diagnostic_json(d, lang));
            doc["diagnostics"] = std::move(diags);
        }
        if (!result.scenario) {
            const auto m = ctx.messages();
            if (as_json)
                fmt::print("{}\n", doc.dump(2, ' ', false, json::error_handler_t::replace));
            else
                fmt::print("{}: {}\n", load::printable(a->path),
                           m.format("{} error(s), {} warning(s)", count(m, static_cast<std::int64_t>(errors)),
                                    count(m, static_cast<std::int64_t>(warnings))));
            return failure_code(result.diags);
        }
        const auto& s = *result.scenario;
        const auto m = ctx.messages(s);
        if (!as_json)
            fmt::print("{}: {}\n", load::printable(a->path),
                       m.format("{} employees, {} units, {} programmes, {} demand items, {} policies; {} error(s), {} "
                                "warning(s)",
                                count(m, static_cast<std::int64_t>(s.employees.size())),
                                count(m, static_cast<std::int64_t>(s.units.size())),
                                count(m, static_cast<std::int64_t>(s.programs.size())),
                                count(m, static_cast<std::int64_t>(s.demand.size())),
                                count(m, static_cast<std::int64_t>(s.policies.size())),
                                count(m, static_cast<std::int64_t>(errors)), count(m, static_cast<std::int64_t>(warnings))));
        solve::solve_options by_name;
        by_name.policy = a->policy;
        const model::policy* chosen = nullptr;
        try {
            chosen = solve::select_policy(s, by_name);
        } catch (const solve::solve_error& e) {
            fmt::print(stderr, "jadwal check: {}\n", load::printable(e.what()));
            return static_cast<int>(usage_error);
        }
        const model::policy& p = model::policy_or_builtin(chosen);
        // The reasons in the language of the rest of the output (--lang, else the scenario's locale, ...).
        const solve::plan_bounds b = solve::compute_bounds(s, p, m.lang());
        if (as_json) {
            doc["counts"] = json{{"employees", s.employees.size()}, {"units", s.units.size()},
                                 {"programs", s.programs.size()},   {"demand", s.demand.size()},
                                 {"policies", s.policies.size()}};
            doc["policy"] = p.id;
            json groups = json::array();
            for (const auto& g : group_unplaceable(s, b))
                groups.push_back(json{{"code", g.code},
                                      {"severity", "warning"},
                                      {"file", file_of(s, g.mark)},
                                      {"line", g.mark.line},
                                      {"column", g.mark.column},
                                      {"message", m.format("{} of {} demand item(s) of {} in {} cannot be placed by any "
                                                           "plan under policy {}: {}",
                                                           count(m, g.count), count(m, g.of), s.programs[g.program].id,
                                                           s.units[g.unit].id, p.id, g.reason)},
                                      {"program", s.programs[g.program].id},
                                      {"unit", s.units[g.unit].id},
                                      {"count", g.count},
                                      {"of", g.of}});
            doc["unplaceable"] = std::move(groups);
            doc["bounds"] = json{{"demand_total", b.demand_total},
                                 {"demand_placed", b.demand_placed},
                                 {"unplaceable", b.unplaceable.size()},
                                 {"capacity_cut", b.capacity_cut},
                                 {"jp_target_employees", b.jp_target_employees},
                                 {"jp_target_met", b.jp_target_met}};
            fmt::print("{}\n", doc.dump(2, ' ', false, json::error_handler_t::replace));
            return static_cast<int>(success);
        }
        report_unplaceable(m, s, p, b);
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
