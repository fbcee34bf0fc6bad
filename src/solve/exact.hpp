// `solve --exact`: the whole scenario as one mixed-integer model, solved with
// CBC to proven optimality on the lexicographic objective (participation, then
// burden, then cost; each level with the one before fixed at its optimum).
//
// Candidates: per live delivery of one session part every day x grid start in
// its windows (x venue for classroom); per fixed delivery each fixed option; per
// demand and self-paced delivery, block schedules whose first block starts at
// a grid start of a day, the further blocks at their best time after it, the
// best few of each day by burden (exact_self_per_day). A proven optimum is
// also checked against a normal search: when the search does better (a plan
// outside the candidates) its plan is kept and nothing is claimed.
// Every candidate and every (demand, candidate) pair is tested with the plan's
// own checked mutations on an otherwise empty plan; the objective deltas give
// the separable terms. Interaction rules are rows: each demand placed at most
// once, cohort minimum and maximum, a person's items (with travel) never
// overlapping, training and after-hours minutes per day and week, unit staffing
// per grid slot (counted as the plan counts it), shift minimums, venue and
// platform capacity, the classroom-cohort and cost budgets, the PPPK JP cap;
// under-fill, JP shortfall and fairness through auxiliary variables.
//
// Scenarios with rules the model does not hold (live modules of several
// parts, a choice among more than six instructors, assigned duty, top-up, re-planning) or too large for it are
// refused with a solve_error (check_exact), never approximated. The optimum is
// over the candidate set: cohort times are complete on the grid; study-block
// schedules are the bounded set above.
#pragma once

#include <cstdint>
#include <functional>
#include <jadwal/solve/solver.hpp>
#include <jadwal/text/messages.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "construct.hpp"
#include "plan.hpp"
#include "random.hpp"

namespace jadwal::solve::detail {

/// The most employees `--exact` takes.
inline constexpr int exact_max_employees = 200;
/// The most variables of the candidate model (beyond it the solve is refused).
inline constexpr std::size_t exact_max_columns = 60'000;

/// The most schedules of live modules in several sessions the whole model
/// enumerates, schedules of a delivery's first sessions counted too (beyond it
/// the solve is refused).
inline constexpr std::size_t exact_max_schedules = 30'000;

/// Study-block schedules kept per demand, delivery and day: the best this many
/// by burden inside working time, and as many with after-hours minutes.
inline constexpr std::size_t exact_self_per_day = 4;

/// The rule of the scenario that the exact model does not hold (a catalogue
/// key), or empty when it holds them all (size aside). A neighbourhood also
/// holds scenarios with catalogue top-up (placed after the neighbourhoods);
/// it takes live modules of several sessions over random schedules of them,
/// where the whole model enumerates every schedule.
std::string_view exact_unsupported(const compiled_model& cm, bool neighbourhood = false);

/// Throws solve_error (a catalogue message) when the scenario uses a rule the
/// exact model does not hold or is too large for it.
void check_exact(const text::messages& m, const compiled_model& cm, const solve_options& opts);

struct exact_params {
    double seconds = 60;          ///< the time box of the MIP (all levels)
    std::int64_t max_moves = -1;  ///< for the search that runs when the MIP is not proven
    std::function<bool()> stop;
    std::function<bool()> cancelled;
    int max_nodes = -1;  ///< CBC's branch-and-bound nodes per level (-1: no limit; tests and benches)
};

/// CBC's bound on the first objective level it did not prove, when it stopped:
/// over the candidates, with the levels before at their proven optimum, no plan
/// has this level lower.
struct exact_floor {
    int level = 0;  ///< 0 participation, 1 burden, 2 cost
    double value = 0;
};

struct exact_outcome {
    bool optimal = false;  ///< CBC proved every level and the rebuilt plan has the MIP's objective
    /// The MIP's objective once CBC proved every level: the optimum over its
    /// candidates (also when a search then found a better plan outside them).
    objective3 mip;
    std::optional<exact_floor> floor;  ///< when CBC stopped before it proved every level
    std::int64_t moves = 0;
    std::vector<std::string> notes;
};

/// Whether an outcome proven optimal has this objective (the final evaluation's).
bool exact_agrees(const exact_outcome& o, double participation, double burden, double cost);

/// An exact large neighbourhood: some programmes' part of a plan between two days.
/// Freed are their cohorts whose sessions all fall in the days, their members,
/// their self-paced placements whose blocks all do, and (at most
/// `neighbourhood_params::max_unplaced` of) their unplaced demand; the rest of
/// the plan stays as it is and the candidate model is built against it (every
/// limit less what the rest uses). The freed cohorts and placements are
/// candidates too, so the neighbourhood holds the plan it started from.
struct neighbourhood {
    std::vector<std::uint32_t> programs;
    int first_day = 0;
    int last_day = 0;  ///< inclusive
};

struct neighbourhood_params {
    std::size_t max_columns = 20'000;  ///< larger neighbourhoods are skipped
    std::size_t max_unplaced = 60;     ///< unplaced demand freed, drawn at random
    int max_nodes = 2'000;             ///< CBC's branch-and-bound nodes per level (keeps it deterministic)
    /// Candidate schedules of a live module of several sessions: this many random
    /// ones, and one built around each freed item of the programme (as many at most).
    int schedules_per_delivery = 24;
    double seconds = 30;               ///< a safety time box per neighbourhood (never reached by the bench cases)
    /// The seconds the solve has left (under a time limit), or none: a part's
    /// time box is then the smaller of the two.
    std::function<double()> seconds_left;
};

struct neighbourhood_outcome {
    bool unsupported = false;  ///< skipped: a rule exact_unsupported names, or re-planning
    bool too_large = false;  ///< skipped: more candidate columns than max_columns
    bool empty = false;      ///< nothing to place (no candidate): the plan is the part's optimum, CBC not run
    bool solved = false;     ///< CBC found a solution and it rebuilt in the plan
    bool proven = false;     ///< every level proven optimal over the neighbourhood's candidates
    bool agrees = false;     ///< the rebuilt plan has the objective the MIP computed
    bool improved = false;   ///< the plan is better than before (else it is as before)
    std::size_t freed = 0;   ///< demand items freed
    std::size_t columns = 0;
    objective3 before, after;
    objective3 found;  ///< the rebuilt part's plan, kept or not (when solved)
};

/// Re-solves one neighbourhood exactly and keeps the result when it is better
/// (else the plan is left as it was). A scenario exact_unsupported refuses, or
/// a re-plan, is left as it is (`unsupported`).
neighbourhood_outcome resolve_neighbourhood(plan& pl, rng& r, const neighbourhood& nb, const neighbourhood_params& p);

struct neighbourhoods_summary {
    int tried = 0;
    int too_large = 0;
    int empty = 0;  ///< with nothing to place (CBC not run)
    int improved = 0;
    int proven = 0;   ///< re-solved (not empty) and proven optimal within the part
    int not_run = 0;  ///< of the count, when stop() ended them first (a time limit)
};

/// `count` neighbourhoods of `window_days` days (0: the horizon), each with a
/// first day and one to three programmes drawn from r (the others, half the
/// time, among those that share people with the first).
neighbourhoods_summary exact_neighbourhoods(plan& pl, rng& r, int count, int window_days,
                                            const neighbourhood_params& p, const std::function<bool()>& stop);

/// Solves the exact model and leaves its plan in `pl` (an empty plan on entry).
/// When the MIP is not proven optimal the better of its plan and a normal
/// construction and search is kept; when its plan does not rebuild exactly (a
/// modelling gap) the search's plan is kept. Notes say which happened.
exact_outcome solve_exact(const text::messages& m, plan& pl, rng& r, refusal_log& log, const exact_params& p);

}  // namespace jadwal::solve::detail
