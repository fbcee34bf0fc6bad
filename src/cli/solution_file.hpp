// Shared by the verbs that read a plan (verify, explain, solve --previous,
// export): read solution.json against the scenario, printing what is wrong
// with it; and the re-plan instant as the user may write it.
#pragma once

#include <jadwal/calendar/civil.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/solve/solution.hpp>

#include <optional>
#include <string>

namespace jadwal::cli {

/// Reads a solution file; prints every problem to stderr (file, JSON path,
/// stable code) and returns nullopt when there is one.
std::optional<solve::solution> read_solution_reporting(const model::scenario& s, const std::string& path);

/// "2026-04-20" (midnight in the scenario's zone) or an ISO 8601 instant with
/// an offset ("2026-04-20T12:00+07:00"); nullopt for anything else.
std::optional<calendar::instant> parse_replan_from(const model::scenario& s, const std::string& text);

}  // namespace jadwal::cli
