// `requests.csv` (docs/requests.md "What is written"): each change request as
// written, with its answer from solve::answer_requests.
#pragma once

#include <jadwal/load/requests.hpp>
#include <jadwal/solve/requests.hpp>
#include <span>
#include <string>
#include <string_view>

namespace jadwal::output {

/// One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line
/// break; text that a spreadsheet would run as a formula is neutralised.
[[nodiscard]] std::string csv_cell(std::string_view text);

/// requests.csv: one row per request, in order, with the columns `nip`,
/// `program`, `request`, `value`, `reason`, `answer` (`granted` / `refused`),
/// `code`, `explanation`, `alternative`; RFC 4180 with CRLF line ends, every
/// cell through neutralise_formulas. Column names, request kinds, answers and
/// codes are machine names (English in every language); the explanation and
/// the alternative are in the language the answers were made in.
/// `outcome.answers` holds one answer per request (answer_requests does).
[[nodiscard]] std::string requests_csv(std::span<const load::change_request> requests,
                                       const solve::requests_outcome& outcome);

}  // namespace jadwal::output
