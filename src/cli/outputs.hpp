// The files a plan is published as (interface.md): solution.json,
// schedule.csv, siasn_courses.csv, report.html and calendars/, written together
// and atomically by `solve --out` and `export`.
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/output/publish.hpp>
#include <jadwal/solve/solution.hpp>

#include <jadwal/text/messages.hpp>
#include <jadwal/verify/verify.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::cli {

/// What to publish; the same request the library's output::publish_plan takes.
using output_request = output::publish_request;

/// The publishing options of `solve --out` and `export`: `--uid-domain`,
/// `--product-id` and `--spreadsheet`, stored in `req` as the command line is
/// parsed, and `--reminders`, kept as text in `reminders` for
/// apply_output_options.
void add_calendar_options(CLI::App& cmd, output_request& req, std::string& reminders);

/// Reads `--reminders` as given ("1d,30m", "2h", "none"; empty: the default)
/// into req.reminder_minutes. On a mistake prints why (`jadwal VERB: ...`) and
/// returns usage_error; success otherwise.
int apply_output_options(const text::messages& m, std::string_view verb, const std::string& reminders,
                         output_request& req);

/// Once the scenario is loaded: what its `outputs` section sets
/// (model::output_defaults) for each option that `cmd` (the command
/// add_calendar_options gave them to) did not get on the command line; a flag
/// given wins (docs/outputs.md "Options in the scenario").
void apply_scenario_outputs(const CLI::App& cmd, const model::scenario& s, output_request& req);

/// "1d,30m" as {1440, 30}, "none" as {}; none for anything else. Units d, h
/// and m; at most 28 days before; sorted from the earliest reminder on,
/// duplicates dropped.
std::optional<std::vector<int>> parse_reminders(std::string_view text);

/// Parses `--format`: "all", or a comma-separated list of ics, csv, html, json.
/// False for anything else.
bool parse_formats(const std::string& text, output_request& req);

/// Writes what `req` asks for under `dir`, all or nothing. Returns the exit
/// code: success, or (after printing why to stderr) io_error when the file
/// system refused, input_error when the plan cannot be published; the previous
/// outputs stay then. `check`: the checker's report of `sol` when the caller
/// has one, in `m`'s language (the at-risk list and report.html read it), else
/// it is computed.
int write_plan_outputs(const text::messages& m, const model::scenario& s, const solve::solution& sol,
                       const std::filesystem::path& dir, const output_request& req,
                       const verify::report* check = nullptr);

}  // namespace jadwal::cli
