// The files a plan is published as (interface.md): solution.json,
// schedule.csv, siasn_courses.csv, report.html and calendars/, written together
// and atomically by `solve --out` and `export`.
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/output/publish.hpp>
#include <jadwal/solve/solution.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace jadwal::cli {

/// What to publish; the same request the library's output::publish_plan takes.
using output_request = output::publish_request;

/// The calendar options of `solve --out` and `export`: `--uid-domain` and
/// `--product-id`, stored in `req` as the command line is parsed.
void add_calendar_options(CLI::App& cmd, output_request& req);

/// Parses `--format`: "all", or a comma-separated list of ics, csv, html, json.
/// False for anything else.
bool parse_formats(const std::string& text, output_request& req);

/// Writes what `req` asks for under `dir`, all or nothing. Returns the exit
/// code: success, or (after printing why to stderr) io_error when the file
/// system refused, input_error when the plan cannot be published; the previous
/// outputs stay then.
int write_plan_outputs(const model::scenario& s, const solve::solution& sol, const std::filesystem::path& dir,
                        const output_request& req);

}  // namespace jadwal::cli
