#include <fmt/format.h>

#include <cmath>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/compare/makeups.hpp>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/load/requests.hpp>
#include <jadwal/solve/requests.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "commands.hpp"
#include "print_diagnostics.hpp"
#include "solution_file.hpp"

namespace jadwal::cli {
namespace {

using json = nlohmann::ordered_json;
using load::printable;

struct metric_row {
    const char* name;
    double value;
    bool integral;
};

std::vector<metric_row> metric_rows(const solve::solution_metrics& m) {
    std::vector<metric_row> rows;
    solve::for_each_metric(m, [&](const char* name, auto value) {
        rows.push_back({name, static_cast<double>(value), std::is_integral_v<decltype(value)>});
    });
    return rows;
}

std::string show_number(double v, bool integral) {
    if (integral) return fmt::format("{}", static_cast<std::int64_t>(v));
    return fmt::format("{:.6g}", v);
}

/// As show_number, in the language's way of writing numbers: "5.179.655" and
/// "0,636364" in Indonesian; English as before.
std::string show_number(const text::messages& m, double v, bool integral) {
    if (m.lang() == text::language::en) return show_number(v, integral);
    if (integral) return m.number(static_cast<std::int64_t>(v));
    std::string out = fmt::format("{:.6g}", v);
    for (auto& c : out)
        if (c == '.') c = ',';
    return out;
}

bool same_number(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

/// What the solution file itself claims for each metric, by name.
std::map<std::string, double> claimed_metrics(const std::string& text) {
    std::map<std::string, double> out;
    const auto doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return out;
    const auto it = doc.find("metrics");
    if (it == doc.end() || !it->is_object()) return out;
    for (const auto& [k, v] : it->items())
        if (v.is_number()) out[k] = v.get<double>();
    return out;
}

std::string when_text(const model::scenario& s, const verify::violation& v) {
    if (!v.when) return "-";
    const date::time_zone* z = s.zone;
    if (!v.employee.empty())
        if (const auto e = s.find_employee(v.employee)) z = &s.zone_of(s.employees[e->value]);
    return calendar::format_instant(*v.when, *z);
}

json violation_json(const model::scenario& s, const verify::violation& v) {
    json j{{"code", v.code}, {"message", v.message}, {"when", v.when ? json(when_text(s, v)) : json(nullptr)}};
    if (!v.employee.empty()) j["employee"] = v.employee;
    if (!v.cohort.empty()) j["cohort"] = v.cohort;
    if (!v.resource.empty()) j["resource"] = v.resource;
    return j;
}

}  // namespace

action add_verify(CLI::App& app) {
    auto* cmd = app.add_subcommand("verify", "Check a plan independently: every hard constraint, every metric");
    cmd->footer(
        "Exit 0 when the plan breaks no hard constraint, 3 when it does. Each metric the file states differently "
        "from what the plan gives is a warning on stderr (W-METRIC-DIFFERS) and keeps the exit code, unless "
        "--strict-metrics is given: then it exits 3 too.");
    struct args {
        std::string scenario, solution, policy, format = "text", previous, replan_from, requests, attendance;
        load::load_options load;
        bool strict_metrics = false;
    };
    auto a = std::make_shared<args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("solution", a->solution, "Solution file (solution.json)")->required();
    cmd->add_option("--policy", a->policy,
                    "Policy to check against (default: the solution's, else the scenario's default, else the first)");
    cmd->add_option("--format", a->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->add_option("--previous", a->previous,
                    "The plan this one re-plans: check that what is pinned or before --replan-from stayed, and count "
                    "changes");
    cmd->add_option("--replan-from", a->replan_from, "With --previous: the re-plan date or instant");
    cmd->add_option("--requests", a->requests,
                    "With --previous: the change requests (CSV, docs/requests.md) the plan answers; they are applied "
                    "as the person's duties before checking, so a plan that keeps someone in training at a time "
                    "they asked to be free fails");
    cmd->add_option("--attendance", a->attendance,
                    "With --previous and --replan-from: the attendance records the re-plan read (CSV, "
                    "docs/attendance.md \"Make-ups\"); checks the make-ups they call for against the published plan "
                    "with those items re-opened");
    add_load_options(*cmd, a->load);
    cmd->add_flag("--strict-metrics", a->strict_metrics,
                  "Exit 3 also when the file states a metric other than the plan gives (a warning otherwise)");
    return [a](const run_context& ctx) {
        if (!a->replan_from.empty() && a->previous.empty()) {
            fmt::print(stderr, "jadwal verify: {}\n", ctx.messages().tr("--replan-from needs --previous"));
            return static_cast<int>(usage_error);
        }
        if (!a->requests.empty() && a->previous.empty()) {
            fmt::print(stderr, "jadwal verify: {}\n", ctx.messages().tr("--requests needs --previous"));
            return static_cast<int>(usage_error);
        }
        if (!a->attendance.empty() && (a->previous.empty() || a->replan_from.empty())) {
            fmt::print(stderr, "jadwal verify: {}\n",
                       ctx.messages().tr("--attendance needs --previous and --replan-from"));
            return static_cast<int>(usage_error);
        }
        const auto loaded = load_and_report(ctx, a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const model::scenario* checked_against = &*loaded.scenario;
        const auto& s = *loaded.scenario;
        const text::messages m = ctx.messages(s);

        int failed = 0;
        const auto input = read_input_reporting(a->solution, m.tr("the solution file"), failed, m.lang());
        if (!input) return failed;
        const std::string& text = *input;
        const auto read = io::solution_from_json(s, text, a->solution);
        for (const auto& d : read.diags.items()) fmt::print(stderr, "{}\n", load::format(d, m.lang()));
        if (!read.solution) return static_cast<int>(input_error);
        const auto& sol = *read.solution;

        // Which policy: asked for, else the one the plan was made with, else the scenario's choice.
        const model::policy default_policy;
        const model::policy* pol = &default_policy;
        if (!a->policy.empty()) {
            const auto p = s.find_policy(a->policy);
            if (!p) {
                fmt::print(stderr, "jadwal verify: {}\n",
                           m.format("no policy '{}' in {}", printable(a->policy), printable(a->scenario)));
                return static_cast<int>(usage_error);
            }
            pol = &s.policies[p->value];
        } else {
            try {
                if (const model::policy* made_with = solve::plan_policy(s, sol)) pol = made_with;
            } catch (const solve::solve_error& e) {
                fmt::print(stderr, "{}: error: {} ({})\n", printable(a->solution), printable(e.what()),
                           printable(a->scenario));
                return static_cast<int>(input_error);
            }
        }

        std::optional<solve::solution> previous;
        verify::options vopts;
        vopts.language = m.lang();  // the messages of the violations, as the rest of the output
        if (!a->previous.empty()) {
            previous = read_solution_reporting(s, a->previous, failed, m.lang());
            if (!previous) return failed;
            vopts.previous.plan = &*previous;
            if (!a->replan_from.empty()) {
                vopts.previous.replan_from = parse_replan_from(s, a->replan_from);
                if (!vopts.previous.replan_from) {
                    fmt::print(stderr, "jadwal verify: {}\n",
                               m.format("--replan-from '{}' is not a date or an ISO 8601 instant",
                                        printable(a->replan_from)));
                    return static_cast<int>(usage_error);
                }
            }
        }
        // The make-ups the records call for, and the published plan with them re-opened.
        std::optional<compare::makeup_reopening> reopened;
        if (!a->attendance.empty()) {
            const auto rec_text = read_input_reporting(a->attendance, m.tr("the records file"), failed, m.lang());
            if (!rec_text) return failed;
            std::vector<std::string> errors;
            reopened = compare::reopen_makeups_csv(s, *previous, *rec_text, *vopts.previous.replan_from,
                                                   a->attendance, m, errors);
            for (const auto& e : errors) fmt::print(stderr, "{}\n", printable(e));
            if (!errors.empty()) return static_cast<int>(input_error);
            previous = reopened->previous;
            vopts.previous.plan = &*previous;
            vopts.previous.makeups = &reopened->makeups;
        }
        // The requests become the person's duties (as `solve --requests` applies
        // them), so the checker's own rules catch a plan that ignores one.
        std::optional<model::scenario> asked;
        if (!a->requests.empty()) {
            const auto req_text = read_input_reporting(a->requests, m.tr("the requests file"), failed, m.lang());
            if (!req_text) return failed;
            const auto asked_for = load::read_requests(s, *req_text, a->requests, {&*previous, vopts.previous.replan_from});
            for (const auto& d : asked_for.diags.items()) fmt::print(stderr, "{}\n", load::format(d, m.lang()));
            if (asked_for.diags.has_errors()) return static_cast<int>(input_error);
            // A requests.csv that `solve --requests` wrote says which were refused: those are not checked.
            std::vector<load::change_request> granted;
            for (const auto& q : asked_for.requests)
                if (!q.refused) granted.push_back(q);
            asked = solve::apply_requests(s, granted, &*previous, vopts.previous.replan_from);
            checked_against = &*asked;
        }
        const auto r = verify::verify(*checked_against, sol, *pol, vopts);
        const auto claimed = claimed_metrics(text);
        const auto rows = metric_rows(r.metrics);
        std::vector<std::string> differ;
        for (const auto& row : rows) {
            const auto it = claimed.find(row.name);
            if (it == claimed.end() || same_number(it->second, row.value)) continue;
            differ.push_back(row.name);
            // On stderr in both formats: JSON on stdout stays one document.
            load::diagnostic d;
            d.level = load::severity::warning;
            d.code = "W-METRIC-DIFFERS";
            d.message = m.format("the file states {} {}, but the plan gives {}", row.name,
                                 show_number(m, it->second, row.integral), show_number(m, row.value, row.integral));
            d.file = a->solution;
            d.path = fmt::format("$.metrics.{}", row.name);
            fmt::print(stderr, "{}\n", load::format(d, m.lang()));
        }

        if (a->format == "json") {
            json out;
            out["scenario"] = a->scenario;
            out["solution"] = a->solution;
            out["policy"] = pol->id;
            out["feasible"] = r.feasible();
            json vs = json::array();
            for (const auto& v : r.violations) vs.push_back(violation_json(s, v));
            out["violations"] = std::move(vs);
            json ws = json::array();
            for (const auto& v : r.warnings) ws.push_back(violation_json(s, v));
            out["warnings"] = std::move(ws);
            out["violations_by_code"] = json::object();
            for (const auto& [code, n] : r.violations_by_code) out["violations_by_code"][code] = n;
            json metrics = json::object();
            for (const auto& row : rows)
                metrics[row.name] = row.integral ? json(static_cast<std::int64_t>(row.value)) : json(row.value);
            out["metrics"] = std::move(metrics);
            out["metrics_differing_from_solution"] = differ;
            if (previous) {
                out["changes"] = r.changes;
                out["changes_by_reason"] = r.changes_by_reason;
                out["published_dropped"] = r.published_dropped;
            }
            json breakdown = json::object();
            for (const auto& [k, v] : r.objective.breakdown) breakdown[k] = v;
            json per_unit = json::object();
            for (const auto& [unit, terms] : r.objective.per_unit) {
                json t = json::object();
                for (const auto& [k, v] : terms) t[k] = v;
                per_unit[unit] = std::move(t);
            }
            out["objective"] = json{{"participation", r.objective.participation},
                                    {"burden", r.objective.burden},
                                    {"cost", r.objective.cost},
                                    {"breakdown", std::move(breakdown)},
                                    {"per_unit", std::move(per_unit)}};
            const auto& budget = s.budget;
            out["budget"] = json{{"cost", r.budget_cost},
                                 {"max_cost", budget.max_cost ? json(*budget.max_cost) : json(nullptr)},
                                 {"classroom_cohorts", r.classroom_cohorts},
                                 {"max_classroom_cohorts",
                                  budget.max_classroom_cohorts ? json(*budget.max_classroom_cohorts) : json(nullptr)},
                                 {"currency", budget.currency}};
            json units = json::array();
            for (const auto& u : r.units)
                units.push_back(json{{"unit", u.unit},
                                     {"headcount", u.headcount},
                                     {"absence_limit", u.absence_limit},
                                     {"max_absent", u.max_absent},
                                     {"max_absence_ratio", u.max_absence_ratio},
                                     {"demand_total", u.demand_total},
                                     {"demand_placed", u.demand_placed},
                                     {"disruption_minutes", u.disruption_minutes},
                                     {"disruption_weighted", u.disruption_weighted},
                                     {"after_hours_minutes", u.after_hours_minutes}});
            out["units"] = std::move(units);
            fmt::print("{}\n", out.dump(2));
        } else {
            const auto n = [&](std::size_t k) { return count(m, static_cast<std::int64_t>(k)); };
            fmt::print("{}\n", m.format("{} with {}: {} violation(s), {} warning(s) under {}", printable(a->solution),
                                        printable(a->scenario), n(r.violations.size()), n(r.warnings.size()),
                                        pol->id.empty() ? std::string{m.tr("the default policy")}
                                                        : m.format("policy '{}'", printable(pol->id))));
            for (const auto& v : r.violations)
                fmt::print("{} {} {}\n", v.code, when_text(s, v), printable(v.message));
            for (const auto& v : r.warnings)
                fmt::print("{}\n", m.format("warning: {} {} {}", v.code, when_text(s, v), printable(v.message)));
            if (!r.violations_by_code.empty()) {
                fmt::print("\n{}\n", m.tr("violations by code:"));
                for (const auto& [code, k] : r.violations_by_code)
                    fmt::print("  {:<28} {}\n", printable(code), count(m, static_cast<std::int64_t>(k)));
            }
            fmt::print("\n{:<42} {:>14} {:>14}\n", m.tr_in("cli", "metric"), m.tr_in("cli", "verified"), m.tr_in("cli", "solution says"));
            for (const auto& row : rows) {
                const auto it = claimed.find(row.name);
                const std::string theirs = it == claimed.end() ? "-" : show_number(m, it->second, row.integral);
                const bool bad = it != claimed.end() && !same_number(it->second, row.value);
                fmt::print("{:<42} {:>14} {:>14}{}\n", row.name, show_number(m, row.value, row.integral), theirs,
                           bad ? "  " + std::string(m.tr_in("cli", "(differs)")) : std::string{});
            }
            const auto g = [&](double v) { return show_number(m, v, false); };
            fmt::print("\n{:<42} {:>14}\n", m.tr_in("cli", "objective"), m.tr_in("cli", "verified"));
            if (sol.stability == model::stability_mode::strict)
                fmt::print("{:<42} {:>14}\n", m.tr_in("cli", "published training taken away"), g(r.objective.published));
            fmt::print("{:<42} {:>14}\n", m.tr_in("cli", "participation"), g(r.objective.participation));
            if (sol.stability == model::stability_mode::strict)
                fmt::print("{:<42} {:>14}\n", m.tr_in("cli", "stability"), g(r.objective.stability));
            fmt::print("{:<42} {:>14}\n{:<42} {:>14}\n", m.tr_in("cli", "burden"), g(r.objective.burden),
                       m.tr_in("cli", "cost"), g(r.objective.cost));
            for (const auto& [k, v] : r.objective.breakdown) fmt::print("  {:<40} {:>14}\n", printable(k), g(v));
            if (previous) {
                fmt::print("\n{}\n", m.format("changes against {}: {}", printable(a->previous), count(m, r.changes)));
                fmt::print("{}\n", m.format("  to repair what no longer fits: {}; to place unplaced demand: {}; "
                                             "other: {}",
                                             count(m, r.changes_by_reason.at("repair")),
                                             count(m, r.changes_by_reason.at("placement")),
                                             count(m, r.changes_by_reason.at("other"))));
            }
            const std::string max_cost =
                s.budget.max_cost ? m.format(" of at most {}", figure(m, *s.budget.max_cost, 0)) : std::string{};
            const std::string max_cohorts =
                s.budget.max_classroom_cohorts ? m.format(" of at most {}", count(m, *s.budget.max_classroom_cohorts))
                                               : std::string{};
            fmt::print("\n{}\n", m.format("budget: cost {} {}{}, {} classroom cohort(s){}", figure(m, r.budget_cost, 0),
                                           printable(s.budget.currency), max_cost, count(m, r.classroom_cohorts),
                                           max_cohorts));
            fmt::print("\n{:<16} {:>9} {:>6} {:>10} {:>8} {:>8} {:>12} {:>12}\n", m.tr_in("cli", "unit"), m.tr_in("cli", "headcount"),
                       m.tr_in("cli", "limit"), m.tr_in("cli", "max absent"), m.tr_in("cli", "demand"), m.tr_in("cli", "placed"), m.tr_in("cli", "disruption"),
                       m.tr_in("cli", "after hours"));
            for (const auto& u : r.units)
                fmt::print("{:<16} {:>9} {:>6} {:>10} {:>8} {:>8} {:>12} {:>12}\n", printable(u.unit), count(m, u.headcount),
                           count(m, u.absence_limit), count(m, u.max_absent), count(m, u.demand_total),
                           count(m, u.demand_placed), count(m, u.disruption_minutes), count(m, u.after_hours_minutes));
        }
        const bool metrics_ok = differ.empty() || !a->strict_metrics;
        return static_cast<int>(r.feasible() && metrics_ok ? success : infeasible);
    };
}

}  // namespace jadwal::cli
