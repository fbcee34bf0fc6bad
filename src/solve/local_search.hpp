// Improves a feasible plan by local search: moves evaluated incrementally on
// the plan (every hard constraint checked, the objective updated exactly),
// accepted by late acceptance hill climbing on the lexicographic objective.
#pragma once

#include "construct.hpp"
#include "plan.hpp"
#include "random.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>

namespace jadwal::solve::detail {

enum class move_kind : std::uint8_t {
    block_random,     ///< a study block to a random time
    block_best,       ///< a study block to the best time on nearby days
    session_shift,    ///< one session of a cohort to another day or time
    cohort_shift,     ///< every session of a cohort by some days
    venue_change,     ///< a classroom cohort to another venue of its mode
    member_move,      ///< a participant to another cohort or to self-paced study
    member_swap,      ///< two participants of one programme exchange cohorts
    self_to_cohort,   ///< a self-paced person into a cohort
    insert_unplaced,  ///< unplaced demand wherever it fits best
    cohort_close,     ///< close a cohort, its people re-placed elsewhere
    cohort_open,      ///< open a cohort for people still waiting
    ruin_person,      ///< re-place everything of one person
    ruin_unit,        ///< re-place one programme for one unit
    open_pull,        ///< open a cohort for waiting demand, pulling members of other cohorts up to its minimum
    seat_swap,        ///< a member gives their seat to waiting demand and is re-placed (ejection chain)
    day_shift,        ///< every cohort of one instructor's or venue's day by the same days
    budget_swap,      ///< a cohort to a cheaper venue, the budget freed opening a cohort or seating waiting demand
    pair_retime,      ///< a session or study block and one to six followers re-timed together (once the search stalls)
    count
};

inline constexpr std::size_t move_kinds = static_cast<std::size_t>(move_kind::count);

[[nodiscard]] const char* to_string(move_kind k);

/// What a meeting of cooperating searches (search_params::meet) decided for one of them.
struct meeting_result {
    bool adopted = false;  ///< the plan was replaced by a better one of another search
    bool stop = false;     ///< every search of the team stops here
};

struct search_params {
    std::int64_t max_moves = -1;  ///< -1: until stop()
    int history = 100;            ///< late acceptance history length (1: accept when not worse)
    /// Polled every 256 moves; true stops the search (time limit, cancel).
    std::function<bool()> stop;
    /// Called every 4096 moves with the moves so far and the best objective.
    std::function<void(std::int64_t, const objective3&)> tick;
    /// Cooperation (solve with threads > 1): every `epoch_moves` moves (0: never)
    /// the search calls meet(offer, plan) with its best plan so far (the plan
    /// itself or its kept copy; committed, not to be changed until meet returns).
    /// meet may replace the plan by a better one (plan::assign, adopted); the
    /// search then goes on from it with its own random stream and a late
    /// acceptance history restarted from its objective.
    std::int64_t epoch_moves = 0;
    std::function<meeting_result(const plan& offer, plan& pl)> meet;
    /// Move weights (relative frequencies), by move_kind.
    std::array<int, move_kinds> weights{40, 12, 10, 3, 2, 10, 4, 4, 8, 1, 1, 6, 1, 1, 2, 1, 1, 1};
    /// Moves without a new best after which the stall moves (pair_retime) join
    /// the others; until then they are not drawn, so a search that keeps
    /// improving runs as if they did not exist. Negative: never.
    std::int64_t stall_moves = 20000;
};

struct search_stats {
    std::int64_t moves = 0;
    std::int64_t accepted = 0;
    std::int64_t improved = 0;
    std::array<std::int64_t, move_kinds> tried{};
    std::array<std::int64_t, move_kinds> feasible{};
    std::array<std::int64_t, move_kinds> taken{};
    std::array<std::int64_t, move_kinds> better{};  ///< taken and strictly better
    std::int64_t meetings = 0;  ///< meetings with the other searches (search_params::meet)
    std::int64_t adopted = 0;   ///< of which the plan was replaced by another search's
    double seconds = 0;
};

/// Searches from the plan as it is; on return the plan is the best one found.
search_stats local_search(plan& pl, rng& r, refusal_log& log, const search_params& p);

/// A last pass over unplaced demand: places what now fits (the plan only gets
/// better) and records, for the rest, the rule that refused it in the final plan.
/// Returns how many it placed.
std::int64_t final_repair(plan& pl, rng& r, refusal_log& log, const std::function<bool()>& stop);
/// Top-up (docs/model.md "Top-up"): catalogue programmes as self-paced study for
/// each person short of their JP target, after all declared demand, the item
/// that closes the gap with the least overshoot first. Returns how many it placed.
std::int64_t top_up(plan& pl, rng& r, const std::function<bool()>& stop);

}  // namespace jadwal::solve::detail
