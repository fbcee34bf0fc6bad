// `jadwal solve`: plans a scenario and writes DIR/solution.json.
#include "commands.hpp"
#include "interrupt.hpp"
#include "print_diagnostics.hpp"
#include "outputs.hpp"
#include "progress.hpp"
#include "solution_file.hpp"

#include <jadwal/compare/makeups.hpp>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/load/requests.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/output/requests_csv.hpp>
#include <jadwal/solve/requests.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <system_error>
#include <thread>

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
    std::string stability;  ///< empty: the policy's
    std::string requests;   ///< --requests FILE: change requests answered by a strict re-plan
    std::string attendance;  ///< --attendance FILE: records whose misses re-open items as make-ups
    std::string formats = "all";
    bool compare_baseline = false;
    bool exact = false;         ///< --exact: the exact model (CBC)
    double exact_seconds = 60;  ///< --exact-seconds
    int neighbourhoods = 0;      ///< --neighbourhoods
    int neighbourhood_days = 0;  ///< --neighbourhood-days
    load::load_options load;
    output_request request;  ///< the calendar options; formats are parsed later
    std::string reminders;   ///< --reminders as given
};

using load::printable;

/// The status as people read it; English keeps solution.json's names.
std::string status_name(const text::messages& m, solve::solve_status status) {
    if (m.lang() == text::language::en) return std::string(solve::to_string(status));
    switch (status) {
        case solve::solve_status::optimal: return std::string(m.tr_in("status", "optimal"));
        case solve::solve_status::feasible: return std::string(m.tr_in("status", "feasible"));
        case solve::solve_status::infeasible: return std::string(m.tr_in("status", "infeasible"));
        case solve::solve_status::time_limit_no_solution: return std::string(m.tr_in("status", "no plan within the time limit"));
    }
    return std::string(solve::to_string(status));
}

void print_summary(const text::messages& m, const solve::solution& sol, const std::string& file, bool interrupted) {
    const auto& x = sol.metrics;
    if (interrupted) fmt::print("{}\n", m.tr("stopped by a signal: this is the best plan found until then"));
    fmt::print("{:<11} {}\n", m.tr_in("cli", "status"), status_name(m, sol.status));
    fmt::print("{:<11} {}\n", m.tr_in("cli", "policy"),
               m.format("{}   strategy {}   seed {}", printable(sol.policy), printable(sol.strategy), sol.seed));
    fmt::print("{:<11} {}\n", m.tr_in("cli", "objective"),
               m.format("participation {}   burden {}   cost {}", figure(m, sol.objective.participation, 1),
                        figure(m, sol.objective.burden, 1), figure(m, sol.objective.cost, 1)));
    fmt::print("\n");
    // The rows are the metrics by their names (solution.json's keys).
    const auto row = [](std::string_view name, const std::string& value) { fmt::print("  {:<42} {:>14}\n", name, value); };
    const auto pct = [&](double ratio) { return m.lang() == text::language::en ? fmt::format("{:.1f}%", 100 * ratio) : m.percent(ratio, 1); };
    row("demand_total", count(m, x.demand_total));
    row("demand_placed", count(m, x.demand_placed));
    row("participation_rate", pct(x.participation_rate));
    row("jp_target_employees", count(m, x.jp_target_employees));
    row("jp_target_met", count(m, x.jp_target_met));
    row("jp_target_attainment", pct(x.jp_target_attainment));
    // JP the training history shows earned this year, the plan's, and both (docs/model.md "Metrics").
    row("jp_earned", count(m, x.jp_earned));
    row("jp_planned", count(m, x.jp_planned));
    row("jp_total", count(m, x.jp_total));
    row("disruption_minutes", count(m, x.disruption_minutes));
    row("disruption_weighted", figure(m, x.disruption_weighted, 0));
    row("after_hours_minutes", count(m, x.after_hours_minutes));
    row("max_after_hours_minutes_per_person_week", count(m, x.max_after_hours_minutes_per_person_week));
    row("max_unit_absence_ratio", figure(m, x.max_unit_absence_ratio, 3));
    row("cohorts", count(m, x.cohorts));
    row("sessions", count(m, x.sessions));
    row("study_blocks", count(m, x.study_blocks));
    row("instructor_minutes", count(m, x.instructor_minutes));
    row("hard_violations", count(m, x.hard_violations));
    row("recording_placed", count(m, x.recording_placed));
    row("top_up_placed", count(m, x.top_up_placed));
    row("top_up_jp", count(m, x.top_up_jp));
    if (sol.bounds) {
        const auto& b = *sol.bounds;
        const auto gap = [](std::int64_t bound, std::int64_t got) {
            return bound > 0 ? static_cast<double>(bound - got) / static_cast<double>(bound) : 0.0;
        };
        fmt::print("\n{}\n",
                   m.format("bounds: no plan places more than {} demand items (this plan is {} below) or brings more "
                            "than {} people to their JP target ({} below); {} demand items cannot be placed by any "
                            "plan (jadwal check lists them)",
                            count(m, b.demand_placed), pct(gap(b.demand_placed, x.demand_placed)),
                            count(m, b.jp_target_met), pct(gap(b.jp_target_met, x.jp_target_met)),
                            count(m, b.unplaceable)));
    }
    if (x.demand_total > 0 && 20 * x.demand_placed < x.demand_total)
        fmt::print(stderr, "jadwal solve: {}\n",
                   m.format("WARNING: this plan places only {} of {} demand items; jadwal check lists demand no plan "
                            "can place, jadwal explain says why for each person",
                            count(m, x.demand_placed), count(m, x.demand_total)));
    if (!sol.notes.empty()) fmt::print("\n");
    for (const auto& note : sol.notes) fmt::print("{}\n", m.format("note: {}", printable(note)));
    fmt::print("\n{}\n", m.format("{} moves in {} s; wrote {}", count(m, sol.moves), figure(m, sol.elapsed_seconds, 1),
                                   printable(file)));
}

using output::csv_cell;

/// updates/: the calendars of the people whose training changed (the ones to
/// send), and updates/affected.csv listing them.
output::output_files update_files(const model::scenario& s, const solve::solution& sol,
                                  const solve::solution& previous, const std::vector<model::employee_index>& affected,
                                  const output_request& req) {
    output::output_files files;
    std::string list = "nip,name,email\r\n";
    output::ics_options io;
    io.previous = &previous;
    io.dtstamp = req.dtstamp ? *req.dtstamp : output::default_dtstamp();
    io.uid_domain = req.uid_domain;
    io.product_id = req.product_id;
    io.language = req.language;
    io.reminder_minutes = req.reminder_minutes;
    // Taken from calendar_files, so each is the very file calendars/employees/ holds, under its name
    // there (and its .cancel.ics, which directly follows it).
    const output::output_files all = req.ics ? output::calendar_files(s, sol, io) : output::output_files{};
    std::vector<bool> used(all.size(), false);
    const std::string_view prefix = "calendars/employees/";
    for (const auto e : affected) {
        const auto& emp = s.employees[e.value];
        list += csv_cell(emp.id) + "," + csv_cell(emp.name) + "," + csv_cell(emp.email) + "\r\n";
        if (!req.ics) continue;
        const auto cal = output::employee_calendar(s, sol, e, io);
        for (std::size_t i = 0; i < all.size(); ++i) {
            const std::string name = all[i].relative.generic_string();
            if (used[i] || name.rfind(prefix, 0) != 0 || all[i].content != cal.publish) continue;
            used[i] = true;
            files.push_back({std::filesystem::path("updates") / name.substr(std::string_view("calendars/").size()),
                             all[i].content});
            if (i + 1 < all.size() && !cal.cancel.empty() && all[i + 1].content == cal.cancel) {
                used[i + 1] = true;
                files.push_back({std::filesystem::path("updates") /
                                     all[i + 1].relative.generic_string().substr(std::string_view("calendars/").size()),
                                 all[i + 1].content});
            }
            break;
        }
    }
    files.push_back({"updates/affected.csv", list});
    return files;
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
    cmd->add_option("--threads", a->threads, "Search threads that share their best plan every 100,000 moves (deterministic for a seed and a thread count)")
        ->check(CLI::Range(1, solve::max_threads))
        ->capture_default_str();
    cmd->add_option("--strategy", a->strategy, "optimized, or baseline (classroom by hand)")
        ->check(CLI::IsMember({"optimized", "baseline"}))
        ->capture_default_str();
    cmd->add_flag("--exact", a->exact,
                  "Solve a small scenario to proven optimality with an exact model (CBC); scenarios with rules it "
                  "does not hold, or too large for it, are refused");
    cmd->add_option("--exact-seconds", a->exact_seconds, "With --exact: the time box of the exact model, in seconds")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--neighbourhoods", a->neighbourhoods,
                    "After the search, re-solve this many parts of the plan exactly with CBC (one to three programmes "
                    "within --neighbourhood-days days each), keeping each result that is better; under --time-limit "
                    "the search has the first half of the time")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd->add_option("--neighbourhood-days", a->neighbourhood_days,
                    "With --neighbourhoods: the days of each part (0: the whole horizon)")
        ->check(CLI::NonNegativeNumber)
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
    cmd->add_option("--stability", a->stability,
                    "With --previous: strict (a published item changes only to repair it or to place unplaced "
                    "demand), balanced (changes priced in the burden level) or free (any gain may move items); "
                    "default: the policy's, strict unless it says otherwise")
        ->check(CLI::IsMember({"strict", "balanced", "free"}));
    cmd->add_option("--requests", a->requests,
                    "With --previous and --replan-from: a CSV of change requests (docs/requests.md), answered by a "
                    "strict re-plan; writes requests.csv and updates/ (the calendars of the people affected)");
    cmd->add_option("--attendance", a->attendance,
                    "With --previous and --replan-from: attendance records (CSV, docs/attendance.md); whoever missed "
                    "a live session before the re-plan instant (more than missed_sessions_allowed of a module) or "
                    "skipped self-paced study gets a make-up placed after it");
    add_calendar_options(*cmd, a->request, a->reminders);
    add_load_options(*cmd, a->load);
    return [a, cmd](const run_context& ctx) {
        const auto started = std::chrono::steady_clock::now();
        const auto early = ctx.messages();
        if (!a->replan_from.empty() && a->previous.empty()) {
            fmt::print(stderr, "jadwal solve: {}\n", early.tr("--replan-from needs --previous"));
            return static_cast<int>(usage_error);
        }
        if (!a->stability.empty() && a->previous.empty()) {
            fmt::print(stderr, "jadwal solve: {}\n", early.tr("--stability needs --previous"));
            return static_cast<int>(usage_error);
        }
        if (!a->requests.empty() && (a->previous.empty() || a->replan_from.empty())) {
            fmt::print(stderr, "jadwal solve: {}\n", early.tr("--requests needs --previous and --replan-from"));
            return static_cast<int>(usage_error);
        }
        if (!a->attendance.empty() && (a->previous.empty() || a->replan_from.empty())) {
            fmt::print(stderr, "jadwal solve: {}\n", early.tr("--attendance needs --previous and --replan-from"));
            return static_cast<int>(usage_error);
        }
        output_request req = a->request;
        if (!parse_formats(a->formats, req)) {
            fmt::print(stderr, "jadwal solve: {}\n",
                       early.format("--format '{}' is not 'all' or a list of json, csv, html, ics",
                                    printable(a->formats)));
            return static_cast<int>(usage_error);
        }
        if (const int rc = apply_output_options(early, "solve", a->reminders, req); rc != success) return rc;
        const auto loaded = load_and_report(ctx, a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        apply_scenario_outputs(*cmd, s, req);
        const text::messages m = ctx.messages(s);
        req.language = m.lang();
        std::optional<solve::solution> previous;
        std::optional<calendar::instant> replan_from;
        if (!a->previous.empty()) {
            int failed = 0;
            previous = read_solution_reporting(s, a->previous, failed, m.lang());
            if (!previous) return failed;
            if (!a->replan_from.empty()) {
                replan_from = parse_replan_from(s, a->replan_from);
                if (!replan_from) {
                    fmt::print(stderr, "jadwal solve: {}\n",
                               m.format("--replan-from '{}' is not a date (YYYY-MM-DD) or an ISO 8601 instant with "
                                        "offset",
                                        printable(a->replan_from)));
                    return static_cast<int>(usage_error);
                }
            }
        }
        // Make-ups: the records re-open what people missed; the re-plan then
        // runs against the published plan without those items (docs/attendance.md "Make-ups").
        std::optional<compare::makeup_reopening> reopened;
        if (!a->attendance.empty()) {
            int failed = 0;
            const auto text = read_input_reporting(a->attendance, m.tr("the records file"), failed, m.lang());
            if (!text) return failed;
            std::vector<std::string> errors;
            reopened = compare::reopen_makeups_csv(s, *previous, *text, *replan_from, a->attendance, m, errors);
            for (const auto& e : errors) fmt::print(stderr, "{}\n", printable(e));
            if (!errors.empty()) {
                fmt::print(stderr, "jadwal solve: {}\n",
                           m.format("{} error(s) in the records file: nothing was re-planned",
                                    count(m, static_cast<std::int64_t>(errors.size()))));
                return static_cast<int>(input_error);
            }
        }
        // What the solver re-plans against: the published plan, with the
        // make-ups re-opened. The outputs compare with the plan as published,
        // so a calendar still cancels the sessions a make-up person left.
        const solve::solution* replan_against = reopened ? &reopened->previous : previous ? &*previous : nullptr;

        solve::solve_options opts;
        opts.policy = a->policy;
        opts.seed = a->seed;
        opts.max_moves = a->max_moves;
        opts.threads = a->threads;
        opts.exact = a->exact;
        opts.exact_seconds = a->exact_seconds;
        opts.neighbourhoods = a->neighbourhoods;
        opts.neighbourhood_days = a->neighbourhood_days;
        opts.strategy = *solve::parse_solve_strategy(a->strategy);
        opts.previous = replan_against;
        opts.replan_from = replan_from;
        if (reopened) opts.makeups = &reopened->makeups;
        if (!a->stability.empty()) opts.stability = model::parse_stability_mode(a->stability);
        opts.language = m.lang();
        try {
            (void)solve::select_policy(s, opts);
        } catch (const solve::solve_error& e) {
            fmt::print(stderr, "jadwal solve: {}\n", printable(e.what()));
            return static_cast<int>(usage_error);
        }
        // --time-limit bounds the whole command: the search stops early enough
        // for the explanations and the outputs (and the baseline plan) to be
        // written in the time left, by the library's estimate of what they take.
        if (a->time_limit) {
            const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            double reserve = output::publish_seconds_estimate(s, req);
            if (a->compare_baseline) reserve *= 1.5;
            opts.time_limit_seconds = std::max(0.0, *a->time_limit - used - reserve);
            if (*opts.time_limit_seconds < 0.1 * *a->time_limit)
                fmt::print(stderr, "jadwal solve: {}\n",
                           m.format("loading took {} s and writing the outputs takes about {} s, which leaves {} s of "
                                    "the {} s time limit to search",
                                    figure(m, used, 1), figure(m, reserve, 1), figure(m, *opts.time_limit_seconds, 1),
                                    fmt::format("{:g}", *a->time_limit)));
        }
        std::vector<load::change_request> requests;
        if (!a->requests.empty()) {
            int failed = 0;
            const auto text = read_input_reporting(a->requests, m.tr("the requests file"), failed, m.lang());
            if (!text) return failed;
            auto read = load::read_requests(s, *text, a->requests, {replan_against, replan_from});
            for (const auto& d : read.diags.items()) fmt::print(stderr, "{}\n", load::format(d, m.lang()));
            if (read.diags.has_errors()) {
                fmt::print(stderr, "jadwal solve: {}\n",
                           m.format("{} error(s) in the requests file: nothing was applied",
                                    count(m, static_cast<std::int64_t>(read.diags.error_count()))));
                return static_cast<int>(input_error);
            }
            requests = std::move(read.requests);
        }
        progress_display progress(m, progress_display::stderr_is_terminal());
        progress.attach(opts);
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
        std::optional<solve::requests_outcome> answered;
        if (!a->requests.empty()) answered = solve::answer_requests(s, *replan_against, requests, opts);
        solve::solution sol;
        try {
            sol = answered ? std::move(answered->plan) : solve::solve(s, opts);
        } catch (const solve::solve_error& e) {
            // --exact refuses scenarios its model does not hold: the user's choice of option, not a fault.
            if (!opts.exact) throw;
            progress.finish();
            fmt::print(stderr, "jadwal solve: {}\n", printable(e.what()));
            return static_cast<int>(usage_error);
        }
        progress.finish();

        std::optional<solve::solution> baseline;
        if (a->compare_baseline && opts.strategy != solve::solve_strategy::baseline && !interrupt.stopped()) {
            solve::solve_options bo = opts;
            bo.strategy = solve::solve_strategy::baseline;
            bo.on_progress = nullptr;
            baseline = solve::solve(s, bo);
        }
        req.previous = previous ? &*previous : nullptr;
        // What happened before the re-plan instant stays in people's calendars,
        // also where a make-up took the person out of a cohort they partly attended.
        req.past_until = replan_from;
        req.baseline = baseline ? &*baseline : nullptr;
        if (tidying.joinable()) tidying.join();
        // One DTSTAMP for calendars/ and updates/, so an update is the very file calendars/ holds.
        if (answered && !req.dtstamp) req.dtstamp = output::default_dtstamp();
        // A re-plan is checked against the plan it re-plans, as the solver
        // counted its hard violations for solution.json (a pin it could not
        // keep, H8-PIN): report.html and the at-risk list show that check, not
        // one that knows no previous plan. The requests are the people's
        // duties in that check as the solver read them (the scenario the
        // answers carry: the granted ones once the answers settle), as
        // `verify --requests` applies them.
        std::optional<verify::report> check;
        if (replan_against) {
            verify::options against;
            against.previous.plan = replan_against;
            against.previous.replan_from = replan_from;
            if (reopened) against.previous.makeups = &reopened->makeups;
            against.language = m.lang();
            check = verify::verify(answered ? answered->asked : s, sol,
                                   model::policy_or_builtin(model::plan_policy(s, sol)), against);
        }
        if (const int rc = write_plan_outputs(m, s, sol, dir, req, check ? &*check : nullptr); rc != success) return rc;
        if (answered) {
            // A second set on top of the plan's (write_outputs carries the rest over).
            output::output_files extra{{"requests.csv", output::requests_csv(requests, *answered)}};
            for (auto& f : update_files(s, sol, *previous, answered->affected, req)) extra.push_back(std::move(f));
            try {
                output::write_outputs(dir, extra);
            } catch (const output::write_error& e) {
                fmt::print(stderr, "jadwal: {}\n", load::printable(e.what()));
                return static_cast<int>(io_error);
            }
        }
        print_summary(m, sol, dir.string(), interrupt.stopped());
        if (reopened)
            fmt::print("\n{}\n", m.format("make-ups: {} item(s) re-opened from {} record(s) of missed sessions or "
                                           "skipped study; {} record(s) named nothing of the plan before the re-plan "
                                           "instant",
                                           count(m, static_cast<std::int64_t>(reopened->makeups.size())),
                                           count(m, reopened->records_missed), count(m, reopened->records_unmatched)));
        if (answered) {
            const auto granted = std::count_if(answered->answers.begin(), answered->answers.end(),
                                               [](const solve::request_answer& x) { return x.granted; });
            const auto n = static_cast<std::int64_t>(answered->answers.size());
            fmt::print("\n{}\n", m.format("requests: {} granted, {} refused ({} re-plan(s)); {} people affected; "
                                           "wrote requests.csv and updates/",
                                           count(m, granted), count(m, n - granted), count(m, answered->rounds),
                                           count(m, static_cast<std::int64_t>(answered->affected.size()))));
            if (!answered->settled)
                fmt::print("{}\n", m.tr("the answers did not settle in three re-plans: see requests.csv"));
        }
        const bool ok = sol.status == solve::solve_status::feasible || sol.status == solve::solve_status::optimal;
        return static_cast<int>(ok ? success : infeasible);
    };
}

}  // namespace jadwal::cli
