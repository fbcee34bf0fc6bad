// Shared by the verbs that read a plan (verify, explain, solve --previous,
// export): read solution.json against the scenario, printing what is wrong
// with it; and the re-plan instant as the user may write it.
#pragma once

#include <jadwal/time/civil.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/solve/solution.hpp>

#include <jadwal/text/language.hpp>

#include <optional>
#include <string>

namespace jadwal::cli {

/// Reads a solution file; prints every problem to stderr (file, JSON path,
/// stable code) and returns nullopt when there is one, with `failure` set to
/// the exit code (failure_code: io_error when the file could not be read).
std::optional<solve::solution> read_solution_reporting(const model::scenario& s, const std::string& path,
                                                       int& failure, text::language l = text::language::en);

/// Reads a whole input file named on the command line (its role in `what`,
/// e.g. "the records file"); on failure prints why to stderr and returns
/// nullopt with `failure` set to the exit code.
std::optional<std::string> read_input_reporting(const std::string& path, std::string_view what, int& failure,
                                                text::language l = text::language::en);

/// "2026-04-20" (midnight in the scenario's zone) or an ISO 8601 instant with
/// an offset ("2026-04-20T12:00+07:00"); nullopt for anything else.
std::optional<calendar::instant> parse_replan_from(const model::scenario& s, const std::string& text);

}  // namespace jadwal::cli
