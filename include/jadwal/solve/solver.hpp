// The solver: from a loaded scenario and a policy to a training plan
// (docs/model.md gives the training model, the hard constraints and the
// objective precisely). Every plan it returns satisfies every hard
// constraint; demand it cannot place is listed in `solution::unplaced`.
#pragma once

#include <jadwal/text/language.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/model/policy.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/solve/solution.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace jadwal::solve {

enum class solve_strategy {
    optimized,  ///< demand-driven construction, then local search
    baseline    ///< what an HR office does by hand: classroom cohorts on fixed weekdays, first come first served
};

[[nodiscard]] std::string_view to_string(solve_strategy s);
[[nodiscard]] std::optional<solve_strategy> parse_solve_strategy(std::string_view s);

/// The best plan so far, reported while solving.
struct solve_progress {
    std::string_view phase;  ///< "compile", "construct", "search", "done"
    double participation = 0;
    double burden = 0;
    double cost = 0;
    std::int64_t demand_placed = 0;
    std::int64_t demand_total = 0;
    double elapsed_seconds = 0;
    std::int64_t moves = 0;  ///< move evaluations so far, summed over threads
};

/// Move evaluations when neither a time limit nor a move limit is given: enough
/// for the search to settle on scenarios of a few thousand people in well under
/// a minute, and deterministic.
inline constexpr std::int64_t default_max_moves = 3'000'000;

/// The most search threads a solve takes (the CLI, the C API and Python refuse more).
inline constexpr int max_threads = 256;

struct solve_options {
    /// Policy by id; empty: the scenario's default policy, else its first, else
    /// the built-in defaults of model::policy (named "default").
    std::string policy;
    /// Policy by index; wins over `policy` when valid.
    model::policy_index policy_index;
    std::uint64_t seed = 1;
    /// Wall-clock limit for the whole solve. Only ever used to stop early.
    std::optional<double> time_limit_seconds;
    /// Move evaluations per search thread. With a move limit and no time limit
    /// the result is byte-for-byte reproducible.
    std::optional<std::int64_t> max_moves;
    /// Search threads, 1 to max_threads. Thread i searches with seed + i, and
    /// every 100,000 moves the threads meet and those behind, except thread 0,
    /// go on from the best plan so far; the best final plan by (objective,
    /// thread index) wins. Thread 0 is the single-thread search, so more
    /// threads are never worse than one (but 3 need not beat 2). With a move
    /// limit and no time limit the plan is byte-for-byte the same for a seed
    /// and a number of threads. When the system refuses to start some (a
    /// process or memory limit), the solve runs with those that started and
    /// says so in solution::threads and solution::notes: its plan is then the
    /// one that many threads give. A thread that runs out of memory is left
    /// out (a note says so).
    int threads = 1;
    solve_strategy strategy = solve_strategy::optimized;
    /// Called from the calling thread, at most every `progress_interval_seconds`
    /// and at each phase change.
    std::function<void(const solve_progress&)> on_progress;
    double progress_interval_seconds = 0.25;
    /// Set to true (from any thread) to stop: the best plan so far is returned.
    const std::atomic<bool>* cancel = nullptr;
    /// Asked alongside `cancel` (every few hundred moves, from the solving
    /// threads, so it must be cheap and thread-safe): true stops the solve the
    /// same way. For stop signals that are not a std::atomic<bool>, such as the
    /// C API's caller-owned flag.
    std::function<bool()> stop_requested;
    /// Re-planning (docs/model.md "Pins when re-planning"): the plan published
    /// before, read against this scenario. Its pinned sessions, everything that
    /// starts before `replan_from`, and the participants of cohorts with such a
    /// session stay as they were; the rest is searched again starting from the
    /// previous plan, and each change costs `policy.weights.change`. Cohorts
    /// that continue keep their ids; sessions that change get a higher revision.
    const solution* previous = nullptr;
    /// Where a re-plan's changes count (docs/model.md "Stability"); none: the
    /// policy's `stability` (strict unless it says otherwise).
    std::optional<model::stability_mode> stability;
    /// The re-plan instant; none: only pinned items must stay.
    std::optional<calendar::instant> replan_from;
    /// A re-plan with attendance records (docs/attendance.md "Make-ups"): the
    /// items `previous` has re-opened (compare::reopen_makeups), copied into the
    /// plan's `makeups`; their people count toward the size of the cohort they
    /// missed, which met with them.
    const std::vector<model::makeup>* makeups = nullptr;
    /// The language of the explanations' sentences and alternatives
    /// (docs/languages.md); none: the scenario's `locale`, else English.
    std::optional<text::language> language;
    /// Solves the whole scenario as one mixed-integer model with CBC
    /// (`solve --exact`, docs/cli.md): proven optimal on the
    /// lexicographic objective over the model's candidate cohorts and study
    /// blocks (solution::status optimal), else the better of its best plan and
    /// the search's, with a note. Scenarios with rules the model does not hold
    /// or too large for it are refused with a solve_error.
    bool exact = false;
    /// The time box of the exact model, in seconds (all objective levels).
    double exact_seconds = 60;
    /// Exact large neighbourhoods after the search (`solve --neighbourhoods N`,
    /// docs/cli.md): N times, one to three programmes' part of the plan
    /// within `neighbourhood_days` days (0: the horizon) is freed and
    /// re-solved with CBC against the rest, and kept when better. Deterministic
    /// (a node limit, not a time box). Skipped with a note where the exact model
    /// does not hold the scenario's rules, and when re-planning. Under
    /// `time_limit_seconds` the search stops at half of it; the parts have the
    /// rest (each part's time box ends with it; a note says how many did not run).
    int neighbourhoods = 0;
    int neighbourhood_days = 0;
};

/// What solve() throws: jadwal::error, errc::solve for options it refuses
/// (threads, limits), errc::not_found for a policy the scenario lacks,
/// errc::invalid_scenario for a scenario validate() rejects.
using solve_error = jadwal::error;

/// Plans the scenario under the chosen policy. Throws solve_error for an
/// unknown policy or invalid options (threads outside 1..max_threads, negative
/// limits).
[[nodiscard]] solution solve(const model::scenario& s, const solve_options& opts = {});

/// The policy `opts` selects (see solve_options::policy), or nullptr when the
/// scenario has none and the built-in defaults apply (model::select_policy).
[[nodiscard]] inline const model::policy* select_policy(const model::scenario& s, const solve_options& opts) {
    return model::select_policy(s, opts.policy, opts.policy_index);
}
using model::plan_policy;

}  // namespace jadwal::solve
