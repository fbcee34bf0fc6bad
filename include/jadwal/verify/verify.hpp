// The independent checker of a plan (`jadwal verify`): recomputes, from the
// scenario and the solution alone, every hard constraint of docs/model.md as
// docs/model.md defines it, and every metric and objective term. It shares
// the calendar engine with the solver but no solver code, so a bug in the
// solver shows up here as a violation or as a metric that disagrees.
#pragma once

#include <cstdint>
#include <jadwal/time/civil.hpp>
#include <jadwal/time/interval_set.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/text/language.hpp>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jadwal::verify {

/// One broken rule, found in one place. Codes are stable and listed in
/// docs/model.md ("Checking a plan"); the message says who, what and when in
/// words a planner understands.
struct violation {
    std::string code;                       ///< e.g. "H1-OVERLAP", "H6-UNIT-LIMIT", "S-GRID"
    std::string message;                    ///< one sentence, times in local clock time, in options::language
    std::optional<calendar::instant> when;  ///< where on the time line, when it has a place
    std::string employee;                   ///< id of the person concerned, if one is
    std::string cohort;                     ///< id of the cohort concerned, if one is
    std::string resource;                   ///< id of the unit, venue, platform or instructor concerned, if one is
};

/// What one unit's staff got out of the plan (unweighted, plus its objective terms).
struct unit_summary {
    std::string unit;  ///< unit id
    std::int64_t headcount = 0;
    std::int64_t absence_limit = 0;  ///< staff allowed in training in working time at once
    std::int64_t max_absent = 0;     ///< the most staff in training in working time at once
    double max_absence_ratio = 0;    ///< max_absent / headcount
    std::int64_t demand_total = 0;
    std::int64_t demand_placed = 0;
    std::int64_t disruption_minutes = 0;
    double disruption_weighted = 0;
    std::int64_t after_hours_minutes = 0;
    std::int64_t preference_misses = 0;  ///< of its staff (docs/model.md "Preferences")
};

/// JP-target attainment of one staff group (model::staff_group_of).
struct staff_group_summary {
    std::int64_t headcount = 0;
    std::int64_t jp_target_employees = 0;  ///< staff with a JP target
    std::int64_t jp_target_met = 0;        ///< ... whose earned plus placed JP (top-up included) reaches it
    [[nodiscard]] double attainment() const {
        return jp_target_employees > 0 ? static_cast<double>(jp_target_met) / static_cast<double>(jp_target_employees)
                                       : 1.0;
    }
};

/// One person's training as the checker measures it (docs/model.md "Metrics"):
/// the figures the report, `compare` and the metrics read, computed once.
struct person_measures {
    model::employee_index employee;
    std::int64_t training_minutes = 0;      ///< the union of their sessions (with travel) and study blocks
    std::int64_t disruption_minutes = 0;    ///< ... inside their working time
    std::int64_t after_hours_minutes = 0;   ///< ... outside it (breaks and assigned duty excluded)
    std::int64_t max_after_hours_week = 0;  ///< the most after-hours minutes in one ISO week, their zone
    std::int64_t preference_misses = 0;     ///< docs/model.md "Preferences"
    /// The after-hours minutes of each ISO week with some, by the week's Monday
    /// (their zone; a minute counts in the week of its local day), sorted by Monday.
    std::vector<std::pair<calendar::local_date, std::int64_t>> after_hours_weeks;
};

struct report {
    /// Hard-constraint and structural violations, sorted by time (timeless ones first).
    std::vector<violation> violations;
    /// Inconsistencies that do not make the plan infeasible (an unmet demand the
    /// solution does not list as unplaced, and the like).
    std::vector<violation> warnings;
    /// Number of violations per code.
    std::map<std::string, std::int64_t> violations_by_code;
    model::solution_metrics metrics;  ///< hard_violations = violations.size()
    model::objective_value objective;
    std::vector<unit_summary> units;  ///< in scenario order
    /// Indexed by model::staff_group; their JP-target figures add up to the metrics'.
    std::array<staff_group_summary, model::staff_group_count> staff_groups{};
    /// Per demand item: placed as docs/model.md "Demand and placement" says.
    std::vector<bool> placed;
    /// Per employee (scenario order): the JP of their placed programmes, top-up included.
    std::vector<std::int64_t> placed_jp;
    /// Per employee (scenario order): the JP the training history shows earned in
    /// the plan's year; with placed_jp they make the JP the target and cap count.
    std::vector<std::int64_t> earned_jp;
    /// Everyone with training, in scenario order.
    std::vector<person_measures> people;
    /// Per employee (scenario order): their training inside their working time,
    /// the time unit absence counts.
    std::vector<calendar::interval_set> working_time_training;
    std::int64_t changes = 0;         ///< against the previous plan (0 without one)
    /// The changes by reason (docs/model.md "Stability"): "repair" (the previous
    /// item breaks a hard rule of the scenario as it is now), "placement" (it
    /// seats demand the previous plan left unplaced) and "other" (neither: a
    /// burden or cost gain). They add up to `changes`.
    std::map<std::string, std::int64_t> changes_by_reason;
    /// Demand items the previous plan placed and this one does not (0 without one).
    std::int64_t published_dropped = 0;
    /// What the plan spends (docs/model.md "Budget"), and how many classroom cohorts it opens.
    double budget_cost = 0;
    std::int64_t classroom_cohorts = 0;

    [[nodiscard]] bool feasible() const { return violations.empty(); }
};

/// Re-planning: the plan the new one replaces. Everything of `previous` that is
/// pinned, or starts before `replan_from`, must be kept unchanged (hard 8), and
/// every change to it counts in the objective's `change` term.
struct previous_plan {
    const model::solution* plan = nullptr;
    std::optional<calendar::instant> replan_from;  ///< none: only pinned items are kept
    /// A re-plan with attendance records (docs/attendance.md "Make-ups"): the
    /// make-ups the records call for, and `plan` the published plan with them
    /// re-opened (compare::reopen_makeups). The plan must list exactly these in
    /// `makeups`, and place each only after the re-plan instant and after what
    /// was missed (H8-MAKEUP). Null with `plan` set: the plan must list none.
    /// Without `plan` nothing of this is checked, as for the other re-planning rules.
    const std::vector<model::makeup>* makeups = nullptr;
};

struct options {
    previous_plan previous;
    /// The language of the violations' and warnings' messages (docs/languages.md):
    /// none takes the scenario's `locale`, else English. Codes, ids and the
    /// rest of the report do not depend on it.
    std::optional<text::language> language;
};

/// Checks `sol` against `s` under `pol` and recomputes its metrics and objective.
/// Never throws for a bad plan (indices out of range included): every problem is
/// a violation.
[[nodiscard]] report verify(const model::scenario& s, const model::solution& sol, const model::policy& pol,
                            const options& opts = {});

/// What a plan read back from solution.json lacks: the reader takes the plan,
/// not the figures the file states. Verifies it under the policy it was made
/// with (model::plan_policy) and stores the recomputed metrics and objective in
/// `sol`; returns the whole report. With `opts.previous` the objective counts
/// the changes of a re-plan, as the solver did. Every place that reads a plan
/// and shows or writes its figures (the C API, Python, `jadwal export`) does
/// this, so a plan read back says what it said when it was written. Throws
/// jadwal::error (errc::not_found) when the scenario lacks the plan's policy.
report recompute_metrics(const model::scenario& s, model::solution& sol, const options& opts = {});

}  // namespace jadwal::verify
