// Shared by the verbs that load a scenario: the loading options they all take,
// and loading it while printing what the loader found.
#pragma once

#include "context.hpp"

#include <jadwal/load/load_scenario.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace jadwal::cli {

/// Registers the options every verb that loads a scenario shares
/// (--confine-files) on `cmd`, filling `opts`.
void add_load_options(CLI::App& cmd, load::load_options& opts);

/// Loads the scenario and prints every diagnostic to stderr, compiler style,
/// in the language `ctx` chooses for it (the scenario's `locale` counts when
/// it loads). Returns the result; the caller stops with
/// failure_code(result.diags) when it has no scenario.
load::load_result load_and_report(const run_context& ctx, const std::string& path, const load::load_options& opts);

/// The exit code for an input that did not read: io_error when a file could
/// not be read at all (no permission, a directory, a device, a read error),
/// else input_error (a missing file, wrong content).
int failure_code(const load::diagnostics& diags);

}  // namespace jadwal::cli
