// Re-planning against a previous plan (docs/model.md "Pins when re-planning"
// and the `change` cost): what each previous item was in the compiled form,
// which of them must stay, and how the previous plan is brought into a fresh
// plan before the search starts from it (minimal perturbation: the search
// begins where the published plan is, and every change costs).
#pragma once

#include "plan.hpp"

#include <jadwal/solve/solution.hpp>
#include <jadwal/text/messages.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jadwal::solve::detail {

/// A cohort of the previous plan, matched to the compiled model.
struct previous_cohort {
    std::string id;
    std::uint32_t program = 0;
    delivery_id pm;           ///< its delivery now; invalid: it cannot be brought over (mode or modules changed)
    venue_id venue;           ///< as in the previous plan
    std::int32_t fixed = -1;  ///< fixed-session option it used
    std::vector<instructor_id> instructors;
    std::vector<session_t> sessions;     ///< parallel to deliveries[pm].parts
    std::vector<std::uint8_t> locked;    ///< parallel: pinned, or starting before the re-plan instant
    std::vector<std::uint8_t> pinned;    ///< parallel: pinned in the previous plan
    std::vector<std::uint32_t> revision; ///< parallel: revisions in the previous plan
    std::vector<std::uint8_t> outside;   ///< parallel: not locked, and outside the horizon as it is now
    std::vector<demand_id> members;      ///< its participants, sorted
    bool frozen = false;                 ///< has a locked session: every participant stays
};

/// A study block of the previous plan.
struct previous_block {
    std::uint16_t module = 0;
    span at;
    std::uint32_t revision = 0;
    bool locked = false;  ///< starts before the re-plan instant
};

class replan_context {
public:
    /// `keep_pins` false: nothing is locked (to rebuild a plan as it is, e.g. for explanations).
    /// `m`: the language of `problems`.
    replan_context(const text::messages& m, const compiled_model& cm, const solution& previous,
                   std::optional<calendar::instant> replan_from, bool keep_pins = true);

    const solution& previous;
    std::optional<calendar::instant> replan_from;
    /// Nothing new starts before this (the re-plan instant; far past without one).
    tmin earliest = no_time;
    std::vector<previous_cohort> cohorts;
    model::index_vector<demand_id, std::int32_t> cohort_of;              ///< its previous cohort, -1 none
    model::index_vector<demand_id, std::vector<previous_block>> blocks;  ///< by module then start
    /// Per declared demand: placed in the previous plan (a participant of a cohort
    /// of its programme, or with study blocks of it). docs/model.md "Stability".
    model::index_vector<demand_id, char> published;
    /// Every previous session, participant and study block: the changes of a plan that keeps nothing.
    std::int64_t items = 0;
    /// What of the previous plan could not be matched to the scenario as it is now.
    std::vector<std::string> problems;

    /// Previous blocks of demand d without an identical block in `p` (docs/model.md: one change each).
    [[nodiscard]] int unmatched_blocks(const compiled_model& cm, demand_id d, const placement& p) const;
    /// Whether session k of cohort c is as its origin had it (time, venue).
    [[nodiscard]] bool same_session(const cohort_t& c, std::uint32_t k) const;
    [[nodiscard]] bool locked(const cohort_t& c, std::uint32_t k) const {
        return c.origin >= 0 && cohorts[static_cast<std::size_t>(c.origin)].locked[k] != 0;
    }
    [[nodiscard]] bool frozen(const cohort_t& c) const {
        return c.origin >= 0 && cohorts[static_cast<std::size_t>(c.origin)].frozen;
    }
};

/// Brings the previous plan into `pl` (which must be empty and use `rc`): its
/// cohorts with their ids, sessions and participants, and its study blocks.
/// Locked items are taken as they are; the rest only where every hard
/// constraint still holds (a session that no longer fits is moved to the
/// nearest day that does; a cohort that cannot keep its minimum is closed and
/// its people wait for the construction). Items outside a horizon that was
/// shortened since are moved inside it, or dropped and planned again. Commits
/// the plan. Returns one sentence per thing a planner should know that the
/// plan itself does not say (study under way that had to be planned again, a
/// block left where it no longer fits). Catalogue top-up not yet begun waits
/// for import_previous_top_up.
std::vector<std::string> import_previous(const text::messages& m, plan& pl, const replan_context& rc);

/// Brings the previous plan's catalogue top-up not yet begun into `pl`, where it
/// still fits: called once declared demand has had every chance at the time it
/// could take (after the search), so top-up never stands in its way, and kept
/// top-up is not a change. Commits the plan; returns notes as import_previous.
std::vector<std::string> import_previous_top_up(const text::messages& m, plan& pl, const replan_context& rc);

/// After the search (before the final repair): puts back, one at a time, each published item the plan
/// changed where that leaves the plan no worse (docs/model.md "Stability"): a
/// session at its previous time and venue, a participant in their previous
/// cohort, study at its previous blocks. A change the search made on the way to
/// a gain that did not need it is undone; one that the gain needs stays. Commits
/// the plan; returns the items put back.
std::int64_t restore_published(plan& pl, const replan_context& rc, const std::function<bool()>& stop);

/// Changes of `now` against the previous plan, by the rule of docs/model.md,
/// computed from the two solutions alone (the solver's full evaluation).
/// `pin_problems` receives one sentence per locked item the new plan broke.
[[nodiscard]] std::int64_t count_changes(const solution& previous, const solution& now,
                                         std::optional<calendar::instant> replan_from,
                                         std::vector<std::string>* pin_problems = nullptr);

}  // namespace jadwal::solve::detail
