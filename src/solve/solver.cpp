// Orchestration: compile once, then per search thread construct and improve a
// plan (thread i uses seed + i; with several threads the searches meet every
// epoch and each one behind, except thread 0, copies the best plan offered,
// deterministically), pick the best by
// (objective, thread index), and report it with the metrics of evaluate().
#include <jadwal/solve/solver.hpp>
#include <jadwal/load/validate.hpp>

#include "bound_model.hpp"
#include "compiled_model.hpp"
#include "construct.hpp"
#include "evaluate.hpp"
#include "exact.hpp"
#include "extract.hpp"
#include "local_search.hpp"
#include "plan.hpp"
#include "random.hpp"
#include "replan.hpp"
#include "search_team.hpp"

#include <jadwal/text/messages.hpp>

#include <fmt/format.h>

#include <chrono>
#include <mutex>
#include <new>
#include <string>
#include <system_error>
#include <thread>

namespace jadwal::solve {

std::string_view to_string(solve_strategy s) { return s == solve_strategy::baseline ? "baseline" : "optimized"; }

std::optional<solve_strategy> parse_solve_strategy(std::string_view s) {
    if (s == "optimized") return solve_strategy::optimized;
    if (s == "baseline") return solve_strategy::baseline;
    return std::nullopt;
}

namespace {

using clock_type = std::chrono::steady_clock;

/// Under a time limit with exact neighbourhoods, the search's share of the
/// time (the neighbourhoods have the rest): the search stalls early, a part
/// takes seconds of CBC.
constexpr double search_share_before_neighbourhoods = 0.5;

struct shared_progress {
    std::mutex m;
    std::vector<std::int64_t> moves;
    std::vector<detail::objective3> best;
    std::vector<std::int64_t> placed;
    std::vector<char> has;
};

struct run_result {
    detail::objective3 objective;
    solution sol;
    std::int64_t moves = 0;
    std::vector<std::string> notes;  ///< from bringing in the previous plan
    std::optional<model::neighbourhood_counts> neighbourhoods;
};

}  // namespace

solution solve(const model::scenario& s, const solve_options& opts) {
    const auto started = clock_type::now();
    // The language of the explanations, the notes and the errors people read.
    const text::messages m(text::choose_language(opts.language, s.locale));
    if (opts.threads < 1 || opts.threads > max_threads)
        throw solve_error(m.format("threads must be from 1 to {}, not {}", max_threads, opts.threads));
    if (opts.time_limit_seconds && *opts.time_limit_seconds < 0)
        throw solve_error(std::string(m.tr("the time limit must not be negative")));
    if (opts.max_moves && *opts.max_moves < 0)
        throw solve_error(std::string(m.tr("the move limit must not be negative")));
    if (opts.neighbourhoods < 0 || opts.neighbourhood_days < 0)
        throw solve_error(std::string(m.tr("the number of exact neighbourhoods and their days must not be negative")));
    load::require_valid(s);  // before anything indexes it: a located diagnostic, not a crash
    model::policy pol = model::policy_or_builtin(select_policy(s, opts));
    if (opts.stability) pol.stability = *opts.stability;

    auto elapsed = [&] { return std::chrono::duration<double>(clock_type::now() - started).count(); };
    auto cancelled = [&]() -> bool {
        return (opts.cancel && opts.cancel->load(std::memory_order_relaxed)) ||
               (opts.stop_requested && opts.stop_requested());
    };
    auto stop = [&]() -> bool {
        return cancelled() || (opts.time_limit_seconds && elapsed() >= *opts.time_limit_seconds);
    };

    shared_progress prog;
    const auto threads = static_cast<std::size_t>(opts.threads);
    const bool baseline = opts.strategy == solve_strategy::baseline;
    const std::size_t runs = baseline ? 1 : threads;
    prog.moves.assign(runs, 0);
    prog.best.assign(runs, {});
    prog.placed.assign(runs, 0);
    prog.has.assign(runs, 0);
    double last_report = -1e9;
    auto report = [&](std::string_view phase, bool force) {
        if (!opts.on_progress) return;
        const double now = elapsed();
        if (!force && now - last_report < opts.progress_interval_seconds) return;
        last_report = now;
        solve_progress sp;
        sp.phase = phase;
        sp.elapsed_seconds = now;
        {
            std::lock_guard<std::mutex> lock(prog.m);
            bool any = false;
            std::size_t best_i = 0;
            for (std::size_t i = 0; i < runs; ++i) {
                sp.moves += prog.moves[i];
                if (prog.has[i] && (!any || detail::better(prog.best[i], prog.best[best_i]))) best_i = i, any = true;
            }
            if (any) {
                sp.participation = prog.best[best_i].participation;
                sp.burden = prog.best[best_i].burden;
                sp.cost = prog.best[best_i].cost;
                sp.demand_placed = prog.placed[best_i];
            }
        }
        sp.demand_total = static_cast<std::int64_t>(s.demand.size());
        opts.on_progress(sp);
    };

    report("compile", true);
    const detail::compiled_model cm(s, pol);
    std::optional<detail::replan_context> previous;
    if (opts.previous) previous.emplace(m, cm, *opts.previous, opts.replan_from);
    const detail::replan_context* rc = previous ? &*previous : nullptr;
    // ---- exact model (solve --exact, src/solve/exact.hpp): refused up front when it cannot hold the scenario.
    const bool exact_wanted = opts.exact && !baseline;
    if (exact_wanted) detail::check_exact(m, cm, opts);
    std::optional<detail::exact_outcome> exact;
    const std::string_view lns_rule = opts.neighbourhoods > 0 ? detail::exact_unsupported(cm, true) : std::string_view{};
    // ---- end exact model
    // Exact neighbourhoods run after the search; under a time limit the search
    // stops at its share of it and they have the rest.
    const bool lns_runs = !baseline && opts.neighbourhoods > 0 && !rc && lns_rule.empty();
    auto search_stop = [&]() -> bool {
        if (lns_runs && opts.time_limit_seconds)
            return cancelled() || elapsed() >= search_share_before_neighbourhoods * *opts.time_limit_seconds;
        return stop();
    };

    const std::int64_t max_moves =
        opts.max_moves ? *opts.max_moves : (opts.time_limit_seconds ? -1 : default_max_moves);
    std::vector<run_result> results(runs);

    // With several threads the runs cooperate (detail::search_team): run 0 is
    // the single-thread run and keeps its own plan, the others go on from the
    // best plan at each meeting. A run re-run alone does not cooperate.
    std::optional<detail::search_team> crew;
    if (runs > 1) crew.emplace(runs, search_stop, /*first_keeps_own=*/true);

    auto run = [&](std::size_t t, bool reporter, detail::search_team* tm) {
        // Leaves the team however the run ends (nobody waits for it at a meeting).
        struct leaver {
            detail::search_team* tm;
            std::size_t t;
            ~leaver() {
                if (tm) tm->leave(t);
            }
        } const leave_team{tm, t};
        detail::rng r(opts.seed + t);
        detail::plan pl(cm);
        detail::refusal_log log;
        auto publish = [&](std::int64_t moves, const detail::objective3& best, std::int64_t placed) {
            std::lock_guard<std::mutex> lock(prog.m);
            prog.moves[t] = moves;
            prog.best[t] = best;
            prog.placed[t] = placed;
            prog.has[t] = 1;
        };
        if (reporter) report("construct", true);
        if (rc) {
            pl.set_previous(rc);
            results[t].notes = detail::import_previous(m, pl, *rc);
        }
        // The run that solves the exact model does not search: the team does not wait for it.
        if (tm && exact_wanted && t == 0) tm->leave(t);
        // ---- exact model: run 0 solves it (the other runs search as usual) and reports its plan.
        if (exact_wanted && t == 0) {
            auto ex = detail::solve_exact(m, pl, r, log, {opts.exact_seconds, max_moves, stop, cancelled});
            publish(ex.moves, pl.objective(), pl.placed_count());
            results[t].objective = pl.objective();
            if (reporter) report("explain", true);
            const auto explanations = detail::explain_all_unplaced(m, pl, opts.seed);
            results[t].sol = detail::extract(pl, log, &explanations);
            results[t].moves = ex.moves;
            exact = std::move(ex);
            return;
        }
        // ---- end exact model
        if (baseline) detail::construct_baseline(pl, log, stop);
        else detail::construct(pl, r, log, stop);
        publish(0, pl.objective(), pl.placed_count());
        std::int64_t moves = 0;
        auto tick = [&](std::int64_t done, const detail::objective3& best) {
            publish(done, best, pl.placed_count());
            if (reporter) report("search", false);
        };
        if (!baseline && max_moves != 0) {
            if (reporter) report("search", true);
            detail::search_params sp;
            sp.max_moves = max_moves;
            sp.stop = search_stop;
            if (tm) {
                sp.stop = [tm] { return tm->should_stop(); };
                sp.epoch_moves = detail::search_team::epoch_moves;
                sp.meet = [tm, t](const detail::plan& offer, detail::plan& own) { return tm->meet(t, offer, own); };
            }
            sp.tick = tick;
            const auto st = detail::local_search(pl, r, log, sp);
            if (tm) tm->leave(t);
            moves = st.moves;
            // A re-plan puts back what the search changed for nothing, then the
            // reasons of what is left unplaced are those of the final plan.
            if (rc) detail::restore_published(pl, *rc, cancelled);
            detail::final_repair(pl, r, log, cancelled);
        }
        // Exact neighbourhoods (src/solve/exact.hpp) re-solve parts of the searched plan.
        if (lns_runs) {
            if (reporter) report("neighbourhoods", true);
            detail::neighbourhood_params np;
            if (opts.time_limit_seconds) np.seconds_left = [&] { return *opts.time_limit_seconds - elapsed(); };
            const auto ns =
                detail::exact_neighbourhoods(pl, r, opts.neighbourhoods, opts.neighbourhood_days, np, stop);
            // The counts solution.json carries; the notes say the same in words.
            const model::neighbourhood_counts& n = results[t].neighbourhoods.emplace(model::neighbourhood_counts{
                opts.neighbourhoods, ns.tried - ns.too_large - ns.empty, ns.proven, ns.improved, ns.too_large,
                ns.empty, ns.not_run});
            results[t].notes.push_back(
                m.format("exact neighbourhoods: {} re-solved with CBC, {} improved the plan, {} too large to re-solve, {} "
                         "with nothing to place",
                         n.solved, n.improved, n.too_large, n.empty));
            if (n.not_run > 0 && !cancelled())
                results[t].notes.push_back(
                    m.format("exact neighbourhoods: {} of {} not run, the time limit reached", n.not_run, n.asked));
            // The time the parts left goes back to the search.
            if (opts.time_limit_seconds && max_moves < 0 && !stop()) {
                if (reporter) report("search", true);
                detail::search_params sp;
                sp.stop = stop;
                sp.tick = [&tick, moves](std::int64_t done, const detail::objective3& best) { tick(moves + done, best); };
                moves += detail::local_search(pl, r, log, sp).moves;
                detail::final_repair(pl, r, log, cancelled);
            }
        }
        // Top-up last: declared demand has had every chance at the time and seats
        // it could take, so catalogue study never stands in its way. A re-plan
        // first keeps the previous plan's top-up where it still fits.
        if (rc && !baseline) {
            auto more = detail::import_previous_top_up(m, pl, *rc);
            results[t].notes.insert(results[t].notes.end(), more.begin(), more.end());
        }
        if (!baseline) detail::top_up(pl, r, cancelled);
        // Duty days earned through unchecked steps (a re-plan's import) get their days in lieu now.
        pl.complete_days_in_lieu();
        publish(moves, pl.objective(), pl.placed_count());
        results[t].objective = pl.objective();
        if (reporter) report("explain", true);
        // With the plan's seed, not the thread's: `jadwal explain` gives the same.
        const auto explanations = detail::explain_all_unplaced(m, pl, opts.seed);
        results[t].sol = detail::extract(pl, log, &explanations);
        results[t].moves = moves;
    };

    // Starting a thread can fail (std::system_error under a process limit,
    // no memory for its stack or its state). The team is then the runs whose
    // threads did start, 0..running-1, the calling thread running run 0: the
    // others leave it before anyone meets, so the plan is the one `running`
    // threads give, and a note says so.
    std::vector<std::thread> pool;
    pool.reserve(runs);
    std::vector<std::exception_ptr> errors(runs);
    std::size_t running = 1;
    std::string refused;
    for (std::size_t t = 1; t < runs; ++t) {
        try {
            pool.emplace_back([&, t] {
                try {
                    run(t, false, crew ? &*crew : nullptr);
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            });
        } catch (const std::system_error& e) {
            refused = e.what();
            break;
        } catch (const std::bad_alloc&) {
            refused = m.tr("out of memory");
            break;
        }
        running = t + 1;
    }
    if (crew)
        for (std::size_t t = running; t < runs; ++t) crew->leave(t);
    try {
        run(0, true, crew ? &*crew : nullptr);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (auto& th : pool) {
        while (th.joinable()) {
            // Keep reporting while the other threads finish.
            report("search", false);
            th.join();
        }
    }
    // A run that ran out of memory left the team (the others went on without
    // it) and is left out: the plan is the best of the runs that finished, and
    // a note says how many did not. When none finished, run 0 runs again here,
    // alone: its plan is then the one a single thread gives (if that fails too,
    // the solve fails). Any other error fails the solve.
    std::vector<char> finished(running, 1);
    std::size_t out_of_memory = 0;
    for (std::size_t t = 0; t < running; ++t) {
        if (!errors[t]) continue;
        try {
            std::rethrow_exception(errors[t]);
        } catch (const std::bad_alloc&) {
            errors[t] = nullptr;
            finished[t] = 0;
            ++out_of_memory;
        } catch (...) {
        }
    }
    for (std::size_t t = 0; t < running; ++t)
        if (errors[t]) std::rethrow_exception(errors[t]);
    bool alone = false;  // run 0 ran again on its own
    if (out_of_memory == running) {
        run(0, true, nullptr);
        finished.assign(1, 1);
        alone = running > 1;
        running = 1;
        out_of_memory = 0;
        if (alone) refused = m.tr("out of memory");
    }

    std::size_t best = running;
    for (std::size_t t = 0; t < running; ++t)
        if (finished[t] && (best == running || detail::better(results[t].objective, results[best].objective))) best = t;
    solution out = std::move(results[best].sol);
    out.neighbourhoods = results[best].neighbourhoods;
    std::int64_t total_moves = 0;
    for (std::size_t t = 0; t < running; ++t)
        if (finished[t]) total_moves += results[t].moves;

    if (opts.makeups) out.makeups = *opts.makeups;
    const detail::evaluation ev = detail::evaluate(cm, out, rc);
    out.metrics = ev.metrics;
    out.objective = ev.objective;
    out.seed = opts.seed;
    out.policy = pol.id;
    if (opts.previous) out.stability = pol.stability;
    out.strategy = std::string(to_string(opts.strategy));
    out.status = ev.violations.empty() ? solve_status::feasible : solve_status::infeasible;
    // ---- exact model: optimal only when CBC proved every level and the evaluation agrees.
    if (exact) {
        if (best == 0 && out.status == solve_status::feasible &&
            detail::exact_agrees(*exact, out.objective.participation, out.objective.burden, out.objective.cost))
            out.status = solve_status::optimal;
        out.notes.insert(out.notes.end(), exact->notes.begin(), exact->notes.end());
    }
    // ---- end exact model
    out.moves = total_moves;
    if (!baseline) {
        const plan_bounds bounds = detail::compute_bounds(m, cm);
        out.bounds = solution_bounds{bounds.demand_placed, bounds.jp_target_met,
                                     static_cast<std::int64_t>(bounds.unplaceable.size())};
    }
    out.threads = static_cast<int>(running - out_of_memory);
    if (out_of_memory > 0)
        out.notes.push_back(m.format("{} of {} search threads could not run to the end ({}); the plan is the best "
                                     "the others found",
                                     out_of_memory, running, m.tr("out of memory")));
    else if (running < runs)
        out.notes.push_back(
            !alone
                ? m.plural("only {} of {} search threads could start ({}); the plan is the one {} thread gives with "
                           "this seed",
                           "only {} of {} search threads could start ({}); the plan is the one {} threads give with "
                           "this seed",
                           static_cast<std::int64_t>(running), running, runs, refused, running)
                : m.plural("only {} of {} search threads could run ({}); the plan is the one {} thread gives with "
                           "this seed",
                           "only {} of {} search threads could run ({}); the plan is the one {} threads give with "
                           "this seed",
                           static_cast<std::int64_t>(running), running, runs, refused, running));
    if (!s.completed.empty())
        out.notes.push_back(m.plural("{} demand item dropped: the training history shows it completed",
                                     "{} demand items dropped: the training history shows them completed",
                                     static_cast<std::int64_t>(s.completed.size()), m.number(s.completed.size())));
    if (rc) out.notes.insert(out.notes.end(), rc->problems.begin(), rc->problems.end());
    out.notes.insert(out.notes.end(), results[best].notes.begin(), results[best].notes.end());
    if (opts.neighbourhoods > 0 && !baseline && (rc || !lns_rule.empty()))
        out.notes.push_back(rc ? std::string(m.tr("exact neighbourhoods are not run when re-planning"))
                               : m.format("exact neighbourhoods are not run: the exact model does not hold {}",
                                          m.tr(lns_rule)));
    out.elapsed_seconds = elapsed();
    report("done", true);
    return out;
}

}  // namespace jadwal::solve
