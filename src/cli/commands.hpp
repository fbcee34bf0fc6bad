// The jadwal command-line tool: one file per verb, each registering a CLI11
// subcommand and running it. Exit codes follow interface.md.
#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace jadwal::cli {

enum exit_code : int {
    success = 0,
    input_error = 1,
    usage_error = 2,
    infeasible = 3,
    internal_error = 4,
    /// Reading or writing a file failed for a reason outside the input's
    /// content: a full disk, no permission, a link where jadwal writes.
    io_error = 5,
};

/// What a registered verb runs once the command line is parsed; it speaks
/// the language `run_context` chooses.
using action = std::function<int(const run_context&)>;

action add_check(CLI::App& app);
action add_availability(CLI::App& app);
action add_generate(CLI::App& app);
action add_solve(CLI::App& app);
action add_verify(CLI::App& app);
action add_explain(CLI::App& app);
action add_export(CLI::App& app);
action add_compare(CLI::App& app);
action add_simulate(CLI::App& app);
action add_attendance(CLI::App& app);

}  // namespace jadwal::cli
