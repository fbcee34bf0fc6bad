// Shared by the verbs that load a scenario: load it and print what the loader found.
#pragma once

#include <jadwal/load/load_scenario.hpp>

#include <string>

namespace jadwal::cli {

/// Loads the scenario and prints every diagnostic to stderr, compiler style.
/// Returns the result; the caller stops with exit code 1 when it has errors.
load::load_result load_and_report(const std::string& path);

}  // namespace jadwal::cli
