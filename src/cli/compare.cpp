// `jadwal compare`: one scenario, several policies, one table.
#include "commands.hpp"
#include "interrupt.hpp"
#include "print_diagnostics.hpp"
#include "progress.hpp"

#include <jadwal/compare/compare.hpp>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/output/output_files.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

namespace jadwal::cli {
namespace {

using load::printable;

/// Multi-line text with every line made printable.
std::string printable_lines(std::string_view text) {
    std::string out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        out += printable(text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        out += '\n';
        text.remove_prefix(nl + 1);
    }
    return out;
}

struct compare_args {
    std::string scenario;
    std::vector<std::string> policies;
    std::string strategy = "optimized";
    std::uint64_t seed = 1;
    std::optional<double> time_limit;
    std::optional<std::int64_t> max_moves;
    int threads = 1;
    int runs = 200;
    std::string out;
    std::string format = "text";
    load::load_options load;
};

}  // namespace

action add_compare(CLI::App& app) {
    auto* cmd = app.add_subcommand("compare", "Solve a scenario under several policies and compare the plans");
    auto a = std::make_shared<compare_args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("--policy", a->policies, "A policy id (repeat: one column each)")->required();
    cmd->add_option("--strategy", a->strategy, "optimized, or baseline (classroom by hand)")
        ->check(CLI::IsMember({"optimized", "baseline"}))
        ->capture_default_str();
    cmd->add_option("--seed", a->seed, "Random seed, the same for every policy")->capture_default_str();
    cmd->add_option("--time-limit", a->time_limit, "Stop each solve after this many seconds")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--max-moves", a->max_moves, "Stop each solve after this many moves per thread (reproducible)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--threads", a->threads, "Search threads per solve")->check(CLI::Range(1, solve::max_threads))->capture_default_str();
    cmd->add_option("--runs", a->runs, "Attendance simulation runs per policy")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--out", a->out,
                    "Directory for comparison.json, comparison.html and <policy>/solution.json (created if missing)");
    cmd->add_option("--format", a->format, "Table on stdout: text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    add_load_options(*cmd, a->load);
    return [a](const run_context& ctx) {
        const auto loaded = load_and_report(ctx, a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        const text::messages m = ctx.messages(s);

        compare::compare_options opts;
        opts.policies = a->policies;
        opts.strategy = *solve::parse_solve_strategy(a->strategy);
        opts.seed = a->seed;
        opts.time_limit_seconds = a->time_limit;
        opts.max_moves = a->max_moves;
        opts.threads = a->threads;
        opts.attendance.runs = a->runs;
        opts.attendance.seed = a->seed;
        opts.language = m.lang();
        progress_display progress(m, progress_display::stderr_is_terminal());
        solve::solve_options each;  // the limits of each policy's solve, for the bar
        each.time_limit_seconds = a->time_limit;
        each.max_moves = a->max_moves;
        each.threads = a->threads;
        progress.attach(each);
        opts.on_progress = each.on_progress;
        opts.progress_interval_seconds = each.progress_interval_seconds;
        opts.on_policy = [&](std::string_view policy, std::size_t i, std::size_t n) {
            progress.finish();
            fmt::print(stderr, "{}\n", m.format("[{}/{}] solving with policy {}", i + 1, n, printable(policy)));
            progress.set_label(fmt::format("[{}/{}] {}", i + 1, n, printable(policy)));
            std::fflush(stderr);
        };
        const stop_on_signal interrupt;
        opts.cancel = interrupt.flag();
        compare::comparison result;
        try {
            result = compare::compare_policies(s, opts);
            progress.finish();
        } catch (const solve::solve_error& e) {
            fmt::print(stderr, "jadwal compare: {}\n", printable(e.what()));
            return static_cast<int>(usage_error);
        }
        for (const auto& r : result.results)
            for (const auto& note : r.plan.notes)
                fmt::print(stderr, "{}\n", m.format("note ({}): {}", printable(r.policy), printable(note)));

        if (!a->out.empty()) {
            output::output_files files;
            files.push_back({"comparison.json", compare::comparison_json(s, result)});
            files.push_back({"comparison.html", compare::comparison_html(s, result)});
            for (std::size_t j = 0; j < result.results.size(); ++j) {
                const auto& r = result.results[j];
                files.push_back({std::filesystem::path(compare::policy_directory(r.policy, j)) / "solution.json",
                                 io::solution_to_json(s, r.plan)});
            }
            try {
                output::write_outputs(a->out, files);
            } catch (const output::write_error& e) {
                fmt::print(stderr, "jadwal compare: {}\n", printable(e.what()));
                return static_cast<int>(io_error);
            }
        }
        if (a->format == "json")
            fmt::print("{}", compare::comparison_json(s, result));
        else
            fmt::print("{}", printable_lines(compare::comparison_text(result)));

        bool violations = false;
        for (const auto& r : result.results) violations = violations || r.check.metrics.hard_violations > 0;
        return static_cast<int>(violations ? infeasible : success);
    };
}

}  // namespace jadwal::cli
