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
std::optional<plan_exposure> read_plan_exposure(const run_context& ctx, const std::string& scenario,
                                                const std::string& solution, const load::load_options& opts,
                                                int& failure) {
    auto loaded = load_and_report(ctx, scenario, opts);
    if (!loaded.scenario) {
        failure = failure_code(loaded.diags);
        return std::nullopt;
    }
    const auto sol = read_solution_reporting(*loaded.scenario, solution, failure, ctx.language(*loaded.scenario));
    if (!sol) return std::nullopt;
    auto x = compare::compute_exposure(*loaded.scenario, *sol);
    return plan_exposure{std::move(loaded), std::move(x)};
}

void print_summary(const text::messages& m, const compare::attendance_summary& r) {
    const auto row = [](std::string_view name, const std::string& value) {
        // Left-aligned in 40 columns, counted in code points.
        std::string padded(name);
        std::size_t width = 0;
        for (const char c : padded) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (width < 40) padded.append(40 - width, ' ');
        fmt::print("  {} {:>12}\n", padded, value);
    };
    const auto pct = [&](double ratio) {
        return m.lang() == text::language::en ? fmt::format("{:.1f}%", 100 * ratio) : m.percent(ratio, 1);
    };
    fmt::print("{}\n\n", m.format("expected attendance over {} runs (seed {})", count(m, r.runs), r.seed));
    row(m.tr("placed programmes"), count(m, r.enrolments));
    row(m.tr("live seats"), count(m, r.live_seats));
    row(m.tr("expected live-seat attendance"), pct(r.expected_seat_attendance));
    row(m.tr("expected completions (exact)"), figure(m, r.expected_completions, 1));
    row(m.tr("completions: mean"), figure(m, r.completions.mean, 1));
    row(m.tr("completions: standard deviation"), figure(m, r.completions.stddev, 1));
    row(m.tr("completions: 5th-95th percentile"),
        fmt::format("{}-{}", figure(m, r.completions.p05, 0), figure(m, r.completions.p95, 0)));
    row(m.tr("employees with a JP target"), count(m, r.jp_target_employees));
    row(m.tr("share reaching the JP target: mean"), pct(r.jp_target_share.mean));
    row(m.tr("... standard deviation"), pct(r.jp_target_share.stddev));
    row(m.tr("... 5th-95th percentile"),
        fmt::format("{}-{}", pct(r.jp_target_share.p05), pct(r.jp_target_share.p95)));
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
    return [a](const run_context& ctx) {
        int failed = 0;
        const auto plan = read_plan_exposure(ctx, a->scenario, a->solution, a->load, failed);
        if (!plan) return failed;
        const text::messages m = ctx.messages(plan->scenario());
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
            print_summary(m, r);
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
    return [a](const run_context& ctx) {
        int failed = 0;
        const auto early = ctx.messages();
        const auto text = read_input_reporting(a->records, early.tr("the records file"), failed, early.lang());
        if (!text) return failed;
        std::vector<std::string> errors;
        const auto records = compare::parse_attendance_records(*text, a->records, errors, early);
        for (const auto& e : errors) fmt::print(stderr, "{}\n", load::printable(e));
        if (!errors.empty()) return static_cast<int>(input_error);

        const auto plan = read_plan_exposure(ctx, a->scenario, a->solution, a->load, failed);
        if (!plan) return failed;
        const auto& s = plan->scenario();
        const text::messages m = ctx.messages(s);
        const auto r = compare::fit_attendance(s, plan->x, records, s.attendance);
        if (r.records_used == 0) {
            fmt::print(stderr, "{}: error: {}\n", load::printable(a->records),
                       m.format("none of the {} records names a live session or self-paced module of the plan",
                                count(m, static_cast<std::int64_t>(records.size()))));
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
        fmt::print("# {}\n", m.format("fitted by jadwal attendance fit from {} records: {} of live sessions, {} of "
                                      "self-paced modules ({} not matching the plan)",
                                      count(m, r.records_used), count(m, r.records_live),
                                      count(m, r.records_self_paced), count(m, r.records_unmatched)));
        fmt::print("# {}\n", m.format("fitted: {}; kept as they were: {}", fmt::format("{}", fmt::join(fitted, ", ")),
                                      held.empty() ? std::string(m.tr_in("cli", "none"))
                                                   : fmt::format("{}", fmt::join(held, ", "))));
        fmt::print("# {}\n", m.format("log-likelihood {} (the scenario's parameters: {})",
                                      figure(m, r.log_likelihood, 1), figure(m, r.log_likelihood_start, 1)));
        fmt::print("{}", compare::attendance_yaml(r.fitted));
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
