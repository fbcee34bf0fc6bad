// A training plan: the cohorts opened with their sessions and participants,
// the self-paced study blocks, what could not be placed and why, and the
// metrics and objective of docs/model.md. Produced by the solver, read back from
// solution.json by `verify`, `explain` and the exporters. Header-only
// (jadwal::model); the solver, the checker and the outputs all read it.
#pragma once

#include <jadwal/time/civil.hpp>
#include <jadwal/model/scenario.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jadwal::model {

using calendar::instant;

enum class solve_status { optimal, feasible, infeasible, time_limit_no_solution };

struct session {
    std::uint32_t module = 0;  ///< index into the programme's modules
    std::uint32_t part = 0;    ///< 0-based part of a module split over days
    instant start{};
    instant end{};
    bool pinned = false;  ///< a fixed session or one kept from a previous plan
    /// How many times this session has changed since it was first published:
    /// 0 in a fresh plan; a re-plan carries the previous revision over and adds
    /// one when start, end, venue or platform changed (iCalendar SEQUENCE).
    std::uint32_t revision = 0;
};

struct cohort {
    std::string id;  ///< stable, e.g. "keuda-01"
    program_index program;
    delivery_mode mode = delivery_mode::classroom;
    venue_index venue;        ///< classroom
    platform_index platform;  ///< online_live
    std::vector<instructor_index> instructors;
    std::vector<employee_index> participants;  ///< sorted by index
    std::vector<session> sessions;                    ///< sorted by start
};

struct study_block {
    employee_index employee;
    program_index program;
    std::uint32_t module = 0;
    instant start{};
    instant end{};
    std::uint32_t revision = 0;  ///< as session::revision: changes since first published
    bool recording = false;  ///< watching the recording of a fixed session (and its post-test)
    bool top_up = false;     ///< a catalogue programme added to reach the JP target, not declared demand
};

/// A day off in lieu (docs/model.md "Assigned duty"): a rotation employee who
/// trained as assigned duty on `earned` (a rostered day off) is off on the
/// rostered shift of `date` instead.
struct day_in_lieu {
    employee_index employee;
    calendar::local_date earned{};
    calendar::local_date date{};
    std::string shift;  ///< the rotation's shift code given up
    friend bool operator==(const day_in_lieu&, const day_in_lieu&) = default;
};

/// A make-up (docs/attendance.md "Make-ups"): demand the published plan had
/// placed in the past, re-opened by a re-plan with attendance records because
/// its person missed more live sessions of a module than
/// attendance.missed_sessions_allowed, or skipped a self-paced module's study.
/// The programme is placed again as a whole, after the re-plan instant.
struct makeup {
    employee_index employee;
    program_index program;
    std::uint32_t module = 0;  ///< the module missed (the first, by time, that re-opened the item)
    instant missed{};          ///< the missed session's start, or the skipped study's first block's start
    std::string cohort;        ///< the cohort whose session was missed; empty for skipped study
    std::int32_t sessions_missed = 0;  ///< live sessions of `module` missed; 0 for skipped study
    friend bool operator==(const makeup&, const makeup&) = default;
};

struct reason {
    std::string code;     ///< stable, e.g. "R-NO-COHORT-TIME" (docs/explanations.md)
    std::string message;  ///< a sentence in domain terms
};

struct alternative {
    std::string description;
    double cost = 0;  ///< change in the objective's burden level if taken
};

struct unplaced_demand {
    employee_index employee;
    program_index program;
    std::vector<reason> reasons;
    std::vector<alternative> alternatives;  ///< at most three
};

/// The metrics, by their names in docs/model.md "Metrics", which defines each.
struct solution_metrics {
    std::int64_t demand_total = 0;
    std::int64_t demand_placed = 0;
    double participation_rate = 1;
    std::int64_t jp_target_employees = 0;
    std::int64_t jp_target_met = 0;
    double jp_target_attainment = 1;
    std::int64_t disruption_minutes = 0;
    double disruption_weighted = 0;
    std::int64_t after_hours_minutes = 0;
    std::int64_t max_after_hours_minutes_per_person_week = 0;
    double max_unit_absence_ratio = 0;
    std::int64_t cohorts = 0;
    std::int64_t sessions = 0;
    std::int64_t study_blocks = 0;
    std::int64_t instructor_minutes = 0;
    std::int64_t hard_violations = 0;
    std::int64_t recording_placed = 0;  ///< declared demand placed by watching a recording
    std::int64_t top_up_placed = 0;     ///< catalogue programmes completed beyond declared demand
    std::int64_t top_up_jp = 0;         ///< their JP
    std::int64_t assigned_duty_days = 0;     ///< (person, local date) pairs with assigned-duty training
    std::int64_t assigned_duty_minutes = 0;  ///< training minutes inside assigned-duty time
    std::int64_t days_in_lieu = 0;           ///< days off in lieu they earned and were given
    std::int64_t preference_misses = 0;      ///< docs/model.md "Preferences"
    std::int64_t jp_earned = 0;   ///< JP the history shows earned in the plan's year (docs/format.md "history")
    std::int64_t jp_planned = 0;  ///< JP of every placed programme (top-up included)
    std::int64_t jp_total = 0;    ///< jp_earned + jp_planned
    friend bool operator==(const solution_metrics&, const solution_metrics&) = default;
};

/// Calls f(name, value) for each metric, by its name in docs/model.md and
/// solution.json and in that order: value is the std::int64_t of a count or
/// minutes, the double of a rate, ratio or weighted sum. One list for every
/// place that shows all of them (solution.json, comparison.json, `jadwal
/// verify`, the Python package).
template <class F>
void for_each_metric(const solution_metrics& m, F&& f) {
    f("demand_total", m.demand_total);
    f("demand_placed", m.demand_placed);
    f("participation_rate", m.participation_rate);
    f("jp_target_employees", m.jp_target_employees);
    f("jp_target_met", m.jp_target_met);
    f("jp_target_attainment", m.jp_target_attainment);
    f("disruption_minutes", m.disruption_minutes);
    f("disruption_weighted", m.disruption_weighted);
    f("after_hours_minutes", m.after_hours_minutes);
    f("max_after_hours_minutes_per_person_week", m.max_after_hours_minutes_per_person_week);
    f("max_unit_absence_ratio", m.max_unit_absence_ratio);
    f("cohorts", m.cohorts);
    f("sessions", m.sessions);
    f("study_blocks", m.study_blocks);
    f("instructor_minutes", m.instructor_minutes);
    f("hard_violations", m.hard_violations);
    f("recording_placed", m.recording_placed);
    f("top_up_placed", m.top_up_placed);
    f("top_up_jp", m.top_up_jp);
    f("assigned_duty_days", m.assigned_duty_days);
    f("assigned_duty_minutes", m.assigned_duty_minutes);
    f("days_in_lieu", m.days_in_lieu);
    f("preference_misses", m.preference_misses);
    f("jp_earned", m.jp_earned);
    f("jp_planned", m.jp_planned);
    f("jp_total", m.jp_total);
}

struct objective_value {
    /// Re-planning under `stability: strict` only: the participation terms of
    /// published demand the new plan leaves unplaced, a level above participation
    /// (docs/model.md "Stability"); else 0.
    double published = 0;
    double participation = 0;
    /// Re-planning under `stability: strict` only: `change` × changes, a level
    /// between participation and burden (docs/model.md "Stability"); else 0.
    double stability = 0;
    double burden = 0;
    double cost = 0;
    /// Weighted terms by name (e.g. "unmet_mandatory", "disruption", "cohort_opened").
    std::map<std::string, double> breakdown;
    /// Per unit id: its participation and burden terms.
    std::map<std::string, std::map<std::string, double>> per_unit;
};

/// What no plan can beat (solve/bound.hpp), beside the plan that was found.
struct solution_bounds {
    std::int64_t demand_placed = 0;  ///< no plan places more demand items
    std::int64_t jp_target_met = 0;  ///< no plan brings more people to their JP target
    std::int64_t unplaceable = 0;    ///< demand items no plan can place (`jadwal check` lists them)
    friend bool operator==(const solution_bounds&, const solution_bounds&) = default;
};

/// What the exact neighbourhoods of a solve did (`solve --neighbourhoods N`,
/// solution.json `neighbourhoods`): each of the `asked` parts is counted once,
/// in `solved`, `too_large`, `empty` or `not_run`.
struct neighbourhood_counts {
    int asked = 0;      ///< parts asked for
    int solved = 0;     ///< re-solved with CBC
    int proven = 0;     ///< of `solved`, proven optimal within the part
    int improved = 0;   ///< of `solved`, that made the plan better
    int too_large = 0;  ///< more candidates than the exact model takes: not re-solved
    int empty = 0;      ///< nothing in the part to place: CBC not run
    int not_run = 0;    ///< not reached: the time limit (or a cancel) came first
    friend bool operator==(const neighbourhood_counts&, const neighbourhood_counts&) = default;
};

struct solution {
    int format_version = 1;
    solve_status status = solve_status::feasible;
    std::uint64_t seed = 0;
    std::string policy;
    std::string strategy = "optimized";
    /// Search threads whose plans were compared: those asked for, or fewer
    /// when the system refused to start some (then a note says so); 1 for the
    /// baseline strategy. With a move limit the plan is the one this many
    /// threads give.
    int threads = 1;
    /// How the re-plan that made this plan treated the previous one; none for a
    /// plan made without a previous plan.
    std::optional<stability_mode> stability;
    solution_metrics metrics;
    objective_value objective;
    std::vector<cohort> cohorts;
    std::vector<study_block> study_blocks;
    std::vector<unplaced_demand> unplaced;
    /// Days off in lieu, by employee index then date.
    std::vector<day_in_lieu> days_in_lieu;
    /// Make-ups of a re-plan with attendance records, by employee index then
    /// programme index; empty otherwise (solution.json `makeups`).
    std::vector<makeup> makeups;
    /// Set by the solver (and read back from solution.json when present).
    std::optional<solution_bounds> bounds;
    /// Set by the solver when it ran exact neighbourhoods (and read back from
    /// solution.json when present).
    std::optional<neighbourhood_counts> neighbourhoods;
    /// What a planner should know that the plan itself does not say, one
    /// sentence each (solution.json `notes`): fewer search threads than asked
    /// for, previous items a re-plan could not carry over, or left where they
    /// no longer fit.
    std::vector<std::string> notes;
    double elapsed_seconds = 0;  ///< the one field allowed to differ between identical runs
    std::int64_t moves = 0;      ///< local-search moves evaluated
};

[[nodiscard]] inline std::string_view to_string(solve_status s) {
    switch (s) {
        case solve_status::optimal: return "optimal";
        case solve_status::feasible: return "feasible";
        case solve_status::infeasible: return "infeasible";
        case solve_status::time_limit_no_solution: return "time_limit_no_solution";
    }
    return "feasible";
}

}  // namespace jadwal::model
