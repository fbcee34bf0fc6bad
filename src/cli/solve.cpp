// `jadwal solve`: plans a scenario and writes DIR/solution.json.
#include "commands.hpp"
#include "interrupt.hpp"
#include "print_diagnostics.hpp"
#include "outputs.hpp"
#include "solution_file.hpp"

#include <jadwal/io/solution_json.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/solve/solver.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace jadwal::cli {
namespace {

struct solve_args {
    std::string scenario;
    std::string out;
    std::string policy;
    std::uint64_t seed = 1;
    std::optional<double> time_limit;
    std::optional<std::int64_t> max_moves;
    int threads = 1;
    std::string strategy = "optimized";
    std::string previous;
    std::string replan_from;
    std::string formats = "all";
    bool compare_baseline = false;
    load::load_options load;
    output_request request;  ///< the calendar options; formats are parsed later
};

using load::printable;

std::string fmt_objective(double v) { return fmt::format("{:.1f}", v); }

void print_summary(const solve::solution& sol, const std::string& file, bool interrupted) {
    const auto& m = sol.metrics;
    if (interrupted) fmt::print("stopped by a signal: this is the best plan found until then\n");
    fmt::print("status      {}\n", solve::to_string(sol.status));
    fmt::print("policy      {}   strategy {}   seed {}\n", printable(sol.policy), printable(sol.strategy), sol.seed);
    fmt::print("objective   participation {}   burden {}   cost {}\n", fmt_objective(sol.objective.participation),
               fmt_objective(sol.objective.burden), fmt_objective(sol.objective.cost));
    fmt::print("\n");
    const auto row = [](std::string_view name, const std::string& value) { fmt::print("  {:<42} {:>14}\n", name, value); };
    row("demand_total", fmt::format("{}", m.demand_total));
    row("demand_placed", fmt::format("{}", m.demand_placed));
    row("participation_rate", fmt::format("{:.1f}%", 100 * m.participation_rate));
    row("jp_target_employees", fmt::format("{}", m.jp_target_employees));
    row("jp_target_met", fmt::format("{}", m.jp_target_met));
    row("jp_target_attainment", fmt::format("{:.1f}%", 100 * m.jp_target_attainment));
    row("disruption_minutes", fmt::format("{}", m.disruption_minutes));
    row("disruption_weighted", fmt::format("{:.0f}", m.disruption_weighted));
    row("after_hours_minutes", fmt::format("{}", m.after_hours_minutes));
    row("max_after_hours_minutes_per_person_week", fmt::format("{}", m.max_after_hours_minutes_per_person_week));
    row("max_unit_absence_ratio", fmt::format("{:.3f}", m.max_unit_absence_ratio));
    row("cohorts", fmt::format("{}", m.cohorts));
    row("sessions", fmt::format("{}", m.sessions));
    row("study_blocks", fmt::format("{}", m.study_blocks));
    row("instructor_minutes", fmt::format("{}", m.instructor_minutes));
    row("hard_violations", fmt::format("{}", m.hard_violations));
    row("recording_placed", fmt::format("{}", m.recording_placed));
    row("top_up_placed", fmt::format("{}", m.top_up_placed));
    row("top_up_jp", fmt::format("{}", m.top_up_jp));
    if (sol.bounds) {
        const auto& b = *sol.bounds;
        const auto gap = [](std::int64_t bound, std::int64_t got) {
            return bound > 0 ? 100.0 * static_cast<double>(bound - got) / static_cast<double>(bound) : 0.0;
        };
        fmt::print("\nbounds: no plan places more than {} demand items (this plan is {:.1f}% below) or brings more "
                   "than {} people to their JP target ({:.1f}% below); {} demand items cannot be placed by any plan "
                   "(jadwal check lists them)\n",
                   b.demand_placed, gap(b.demand_placed, m.demand_placed), b.jp_target_met,
                   gap(b.jp_target_met, m.jp_target_met), b.unplaceable);
    }
    if (m.demand_total > 0 && 20 * m.demand_placed < m.demand_total)
        fmt::print(stderr,
                   "jadwal solve: WARNING: this plan places only {} of {} demand items; jadwal check lists demand no "
                   "plan can place, jadwal explain says why for each person\n",
                   m.demand_placed, m.demand_total);
    if (!sol.notes.empty()) fmt::print("\n");
    for (const auto& note : sol.notes) fmt::print("note: {}\n", printable(note));
    fmt::print("\n{} moves in {:.1f} s; wrote {}\n", sol.moves, sol.elapsed_seconds, printable(file));
}

}  // namespace

action add_solve(CLI::App& app) {
    auto* cmd = app.add_subcommand("solve", "Plan the training calendar of a scenario");
    auto a = std::make_shared<solve_args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("--out", a->out, "Directory to write solution.json into (created if missing)")->required();
    cmd->add_option("--policy", a->policy, "Policy id (default: the scenario's policy, else its first)");
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->add_option("--time-limit", a->time_limit,
                    "Finish the whole command (loading, solving, writing the outputs) within this many seconds")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--max-moves", a->max_moves,
                    fmt::format("Stop after this many moves per thread (reproducible; default {} when no time "
                                "limit is given)",
                                solve::default_max_moves))
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--threads", a->threads, "Search threads (a deterministic portfolio)")
        ->check(CLI::Range(1, solve::max_threads))
        ->capture_default_str();
    cmd->add_option("--strategy", a->strategy, "optimized, or baseline (classroom by hand)")
        ->check(CLI::IsMember({"optimized", "baseline"}))
        ->capture_default_str();
    cmd->add_option("--format", a->formats,
                    "What to write: all, or a comma-separated list of json, csv, html, ics")
        ->capture_default_str();
    cmd->add_flag("--compare-baseline", a->compare_baseline,
                  "Also plan with the baseline strategy (same seed) and compare the two in report.html");
    cmd->add_option("--previous", a->previous,
                    "Re-plan: the published solution.json; what is pinned or before --replan-from stays, the rest "
                    "changes as little as the objective allows");
    cmd->add_option("--replan-from", a->replan_from,
                    "With --previous: the re-plan date (YYYY-MM-DD, midnight in the scenario's zone) or instant "
                    "(ISO 8601 with offset); without it only pinned items must stay");
    add_calendar_options(*cmd, a->request);
    add_load_options(*cmd, a->load);
    return [a]() {
        const auto started = std::chrono::steady_clock::now();
        if (!a->replan_from.empty() && a->previous.empty()) {
            fmt::print(stderr, "jadwal solve: --replan-from needs --previous\n");
            return static_cast<int>(usage_error);
        }
        output_request req = a->request;
        if (!parse_formats(a->formats, req)) {
            fmt::print(stderr, "jadwal solve: --format '{}' is not 'all' or a list of json, csv, html, ics\n",
                       printable(a->formats));
            return static_cast<int>(usage_error);
        }
        const auto loaded = load_and_report(a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        std::optional<solve::solution> previous;
        std::optional<calendar::instant> replan_from;
        if (!a->previous.empty()) {
            int failed = 0;
            previous = read_solution_reporting(s, a->previous, failed);
            if (!previous) return failed;
            if (!a->replan_from.empty()) {
                replan_from = parse_replan_from(s, a->replan_from);
                if (!replan_from) {
                    fmt::print(stderr, "jadwal solve: --replan-from '{}' is not a date (YYYY-MM-DD) or an ISO 8601 "
                                       "instant with offset\n",
                               printable(a->replan_from));
                    return static_cast<int>(usage_error);
                }
            }
        }

        solve::solve_options opts;
        opts.policy = a->policy;
        opts.seed = a->seed;
        opts.max_moves = a->max_moves;
        opts.threads = a->threads;
        opts.strategy = *solve::parse_solve_strategy(a->strategy);
        opts.previous = previous ? &*previous : nullptr;
        opts.replan_from = replan_from;
        try {
            (void)solve::select_policy(s, opts);
        } catch (const solve::solve_error& e) {
            fmt::print(stderr, "jadwal solve: {}\n", printable(e.what()));
            return static_cast<int>(usage_error);
        }
        const bool tty = ::isatty(::fileno(stderr)) != 0;
        opts.progress_interval_seconds = tty ? 0.25 : 2.0;
        bool live_line = false;
        opts.on_progress = [&](const solve::solve_progress& p) {
            const std::string line =
                p.demand_total > 0 && p.phase != "compile" && p.phase != "construct"
                    ? fmt::format("[{:6.1f}s] {:<9} placed {}/{}  participation {:.1f}  burden {:.1f}  cost {:.1f}  "
                                  "moves {}",
                                  p.elapsed_seconds, p.phase, p.demand_placed, p.demand_total, p.participation,
                                  p.burden, p.cost, p.moves)
                    : fmt::format("[{:6.1f}s] {}", p.elapsed_seconds, p.phase);
            if (tty) {
                fmt::print(stderr, "\r{:<110}", line);
                live_line = true;
            } else {
                fmt::print(stderr, "{}\n", line);
            }
            std::fflush(stderr);
        };
        // --time-limit bounds the whole command: the search stops early enough
        // for the explanations and the outputs (and the baseline plan) to be
        // written in the time left, by the library's estimate of what they take.
        if (a->time_limit) {
            const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            double reserve = output::publish_seconds_estimate(s, req);
            if (a->compare_baseline) reserve *= 1.5;
            opts.time_limit_seconds = std::max(0.0, *a->time_limit - used - reserve);
            if (*opts.time_limit_seconds < 0.1 * *a->time_limit)
                fmt::print(stderr,
                           "jadwal solve: loading took {:.1f} s and writing the outputs takes about {:.1f} s, which "
                           "leaves {:.1f} s of the {:g} s time limit to search\n",
                           used, reserve, *opts.time_limit_seconds, *a->time_limit);
        }
        const stop_on_signal interrupt;
        opts.cancel = interrupt.flag();
        const std::filesystem::path dir{a->out};
        // The set the last run replaced is deleted while the search runs, not
        // on the way to publishing; a failure here is met again, and reported,
        // when publishing. Joined (std::jthread) on every way out.
        std::jthread tidying;
        try {
            tidying = std::jthread([dir] {
                try {
                    output::tidy_output_folder(dir);
                } catch (...) {
                }
            });
        } catch (const std::system_error&) {
        }
        solve::solution sol = solve::solve(s, opts);
        if (live_line) fmt::print(stderr, "\n");

        std::optional<solve::solution> baseline;
        if (a->compare_baseline && opts.strategy != solve::solve_strategy::baseline && !interrupt.stopped()) {
            solve::solve_options bo = opts;
            bo.strategy = solve::solve_strategy::baseline;
            bo.on_progress = nullptr;
            baseline = solve::solve(s, bo);
        }
        req.previous = previous ? &*previous : nullptr;
        req.baseline = baseline ? &*baseline : nullptr;
        if (tidying.joinable()) tidying.join();
        if (const int rc = write_plan_outputs(s, sol, dir, req); rc != success) return rc;
        print_summary(sol, dir.string(), interrupt.stopped());
        const bool ok = sol.status == solve::solve_status::feasible || sol.status == solve::solve_status::optimal;
        return static_cast<int>(ok ? success : infeasible);
    };
}

}  // namespace jadwal::cli
