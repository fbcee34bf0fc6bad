// Answering change requests (docs/requests.md): each request becomes personal
// duties on a copy of the scenario, the published plan is re-planned under
// strict stability from the re-plan instant, and every request is answered
// from the new plan itself: granted, or refused with the rule that blocks it
// and its best alternative. Refused requests are withdrawn and the re-plan
// run again, so those people keep their seat as it was.
#pragma once

#include <jadwal/load/requests.hpp>
#include <jadwal/solve/solver.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace jadwal::solve {

/// `s` with each request applied as duties of its person (`what` =
/// "request: <reason>"), from the re-plan instant on: `not_on D` a one-off
/// duty on D all day; `not_before T` a daily duty 00:00-T and `not_after T` a
/// daily duty T-24:00, from the local re-plan date (the horizon's first day
/// without one) to the horizon's end; `move` one-off duties over exactly the
/// sessions of the person's cohort of that programme in `previous` that are
/// not locked (neither pinned nor starting before `replan_from`). Dates are
/// the person's local dates. Requests are taken as read (load::read_requests).
[[nodiscard]] model::scenario apply_requests(const model::scenario& s, std::span<const load::change_request> requests,
                                             const model::solution* previous,
                                             std::optional<calendar::instant> replan_from);

struct request_answer {
    bool granted = false;
    /// Refused: the reason code of the rule that blocks it (docs/explanations.md,
    /// e.g. R-UNAVAILABLE, R-COHORT-FULL, R-REPLAN); empty when granted.
    std::string code;
    /// One sentence in the asked language: where the person is now (granted) or
    /// why not (refused: the unplaced explanation's sentences).
    std::string explanation;
    /// Refused: the best alternative (the explanation's first); may be empty.
    std::string alternative;
    /// The round (1..3) whose plan gave this answer.
    int round = 1;
};

struct requests_outcome {
    solution plan;                        ///< the plan to publish
    std::vector<request_answer> answers;  ///< one per request, in order
    int rounds = 0;                       ///< re-plans run (1..3)
    /// False when the third re-plan still refused requests granted before:
    /// the plan is that round's, and the answers say so.
    bool settled = true;
    /// People whose sessions or study blocks differ between the published
    /// plan and `plan`, by index: whose calendars are updates to send.
    std::vector<model::employee_index> affected;
    /// The scenario `plan` was solved against: the one answered, with the
    /// requests of the last round as duties (apply_requests). When settled,
    /// exactly the granted ones; what a check of `plan` must read.
    model::scenario asked;
};

/// Answers `requests` against the published plan `previous`: re-plans with
/// opts.previous = &previous, opts.stability = strict and every request
/// applied; checks each request on the new plan (its person's item for the
/// programme placed, no session or study block of it inside the time the
/// request excludes, and for `move` no longer in the cohort it left); withdraws
/// the refused ones and re-plans again, at most three rounds in all.
/// Deterministic for a seed with a move limit (or no time limit). Throws
/// solve_error (errc::solve) when opts.replan_from is not set, and as solve().
[[nodiscard]] requests_outcome answer_requests(const model::scenario& s, const solution& previous,
                                               std::span<const load::change_request> requests, solve_options opts);

/// The people whose sessions (cohort, times, venue, platform) or study blocks
/// differ between two plans of `s`, by index.
[[nodiscard]] std::vector<model::employee_index> affected_employees(const model::scenario& s, const solution& before,
                                                                    const solution& after);

}  // namespace jadwal::solve
