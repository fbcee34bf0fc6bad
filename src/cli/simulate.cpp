// `jadwal simulate` and `jadwal attendance fit`: expected attendance of a plan
// under the scenario's attendance model, and calibrating that model from
// records of past attendance (docs/attendance.md).
#include "commands.hpp"
#include "print_diagnostics.hpp"
#include "solution_file.hpp"

#include <jadwal/compare/attendance.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace jadwal::cli {
namespace {

struct simulate_args {
    std::string scenario;
    std::string solution;
    int runs = 200;
    std::uint64_t seed = 1;
    std::string format = "text";
    load::load_options load;
};

struct fit_args {
    std::string records;
    std::string scenario;
    std::string solution;
    load::load_options load;
};

/// A scenario and what a plan of it asks of people; nothing (the problems
/// printed) when either file does not read.
struct plan_exposure {
    load::load_result loaded;
    compare::exposure x;
    [[nodiscard]] const model::scenario& scenario() const { return *loaded.scenario; }
};
std::optional<plan_exposure> read_plan_exposure(const std::string& scenario, const std::string& solution,
                                                const load::load_options& opts, int& failure) {
    auto loaded = load_and_report(scenario, opts);
    if (!loaded.scenario) {
        failure = failure_code(loaded.diags);
        return std::nullopt;
    }
    const auto sol = read_solution_reporting(*loaded.scenario, solution, failure);
    if (!sol) return std::nullopt;
    auto x = compare::compute_exposure(*loaded.scenario, *sol);
    return plan_exposure{std::move(loaded), std::move(x)};
}

void print_summary(const compare::attendance_summary& r) {
    const auto row = [](std::string_view name, const std::string& value) { fmt::print("  {:<40} {:>12}\n", name, value); };
    fmt::print("expected attendance over {} runs (seed {})\n\n", r.runs, r.seed);
    row("placed programmes", fmt::format("{}", r.enrolments));
    row("live seats", fmt::format("{}", r.live_seats));
    row("expected live-seat attendance", fmt::format("{:.1f}%", 100 * r.expected_seat_attendance));
    row("expected completions (exact)", fmt::format("{:.1f}", r.expected_completions));
    row("completions: mean", fmt::format("{:.1f}", r.completions.mean));
    row("completions: standard deviation", fmt::format("{:.1f}", r.completions.stddev));
    row("completions: 5th-95th percentile", fmt::format("{:.0f}-{:.0f}", r.completions.p05, r.completions.p95));
    row("employees with a JP target", fmt::format("{}", r.jp_target_employees));
    row("share reaching the JP target: mean", fmt::format("{:.1f}%", 100 * r.jp_target_share.mean));
    row("... standard deviation", fmt::format("{:.1f}%", 100 * r.jp_target_share.stddev));
    row("... 5th-95th percentile",
        fmt::format("{:.1f}%-{:.1f}%", 100 * r.jp_target_share.p05, 100 * r.jp_target_share.p95));
}

}  // namespace

action add_simulate(CLI::App& app) {
    auto* cmd = app.add_subcommand("simulate", "Expected attendance of a plan under the scenario's attendance model");
    auto a = std::make_shared<simulate_args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("solution", a->solution, "The plan (solution.json)")->required();
    cmd->add_option("--runs", a->runs, "Simulation runs")->check(CLI::Range(1, 1000000))->capture_default_str();
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->add_option("--format", a->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    add_load_options(*cmd, a->load);
    return [a]() {
        int failed = 0;
        const auto plan = read_plan_exposure(a->scenario, a->solution, a->load, failed);
        if (!plan) return failed;
        const auto r = compare::simulate_attendance(plan->x, plan->scenario().attendance, {a->runs, a->seed});
        if (a->format == "json") {
            const auto sp = [](const compare::spread& v) {
                return nlohmann::json{{"mean", v.mean}, {"stddev", v.stddev}, {"p05", v.p05}, {"p95", v.p95}};
            };
            const nlohmann::json doc{{"runs", r.runs},
                                     {"seed", r.seed},
                                     {"enrolments", r.enrolments},
                                     {"live_seats", r.live_seats},
                                     {"expected_seat_attendance", r.expected_seat_attendance},
                                     {"expected_completions", r.expected_completions},
                                     {"completions", sp(r.completions)},
                                     {"jp_target_employees", r.jp_target_employees},
                                     {"jp_target_share", sp(r.jp_target_share)}};
            fmt::print("{}\n", doc.dump(2));
        } else {
            print_summary(r);
        }
        return static_cast<int>(success);
    };
}

action add_attendance(CLI::App& app) {
    auto* cmd = app.add_subcommand("attendance", "Calibrate the attendance model");
    cmd->require_subcommand(1);
    auto* fit = cmd->add_subcommand(
        "fit", "Fit the attendance parameters to past attendance records; prints an attendance: section");
    auto a = std::make_shared<fit_args>();
    fit->add_option("records", a->records, "CSV with columns nip, program, module, start (empty for a self-paced module), attended")->required();
    fit->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    fit->add_option("solution", a->solution, "The plan the records are about (solution.json)")->required();
    add_load_options(*fit, a->load);
    return [a]() {
        int failed = 0;
        const auto text = read_input_reporting(a->records, "the records file", failed);
        if (!text) return failed;
        std::vector<std::string> errors;
        const auto records = compare::parse_attendance_records(*text, a->records, errors);
        for (const auto& e : errors) fmt::print(stderr, "{}\n", load::printable(e));
        if (!errors.empty()) return static_cast<int>(input_error);

        const auto plan = read_plan_exposure(a->scenario, a->solution, a->load, failed);
        if (!plan) return failed;
        const auto& s = plan->scenario();
        const auto r = compare::fit_attendance(s, plan->x, records, s.attendance);
        if (r.records_used == 0) {
            fmt::print(stderr, "{}: error: none of the {} records names a live session or self-paced module of the plan\n",
                       load::printable(a->records), records.size());
            return static_cast<int>(input_error);
        }
        std::vector<std::string> fitted, held;
        const auto note = [&](bool was_fitted, std::string_view name) {
            (was_fitted ? fitted : held).emplace_back(name);
        };
        note(r.fitted_live, "live_base");
        note(r.fitted_live, "working_time_penalty");
        note(r.fitted_overload, "overload_penalty");
        note(r.fitted_self_paced_min, "self_paced_min");
        note(r.fitted_self_paced_max, "self_paced_max");
        fmt::print("# fitted by jadwal attendance fit from {} records: {} of live sessions, {} of self-paced modules "
                   "({} not matching the plan)\n",
                   r.records_used, r.records_live, r.records_self_paced, r.records_unmatched);
        fmt::print("# fitted: {}; kept as they were: {}\n", fmt::join(fitted, ", "),
                   held.empty() ? std::string("none") : fmt::format("{}", fmt::join(held, ", ")));
        fmt::print("# log-likelihood {:.1f} (the scenario's parameters: {:.1f})\n", r.log_likelihood,
                   r.log_likelihood_start);
        fmt::print("{}", compare::attendance_yaml(r.fitted));
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
