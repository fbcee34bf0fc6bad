// Reads a scenario (YAML, employees optionally from a CSV file it references)
// into model::scenario, validating everything and reporting every problem.
#pragma once

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/model/scenario.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace jadwal::load {

struct load_options {
    /// Refuse inputs larger than this (bytes), to bound memory on hostile input.
    std::size_t max_file_bytes = std::size_t{1} << 30;
    /// Directory that relative paths inside the scenario (employees CSV) resolve against;
    /// empty: the scenario file's directory.
    std::filesystem::path base_dir;
    /// When false, referenced CSV files are not read (the fuzzer uses this).
    bool read_referenced_files = true;
};

struct load_result {
    /// Present when there were no errors (warnings may exist).
    std::optional<model::scenario> scenario;
    diagnostics diags;
};

/// Loads a scenario file. Never throws for bad input: problems become diagnostics.
[[nodiscard]] load_result load_scenario_file(const std::filesystem::path& file, const load_options& opts = {});
/// Loads from text; `name` is used as the file name in diagnostics.
[[nodiscard]] load_result load_scenario_text(std::string_view yaml_text, std::string_view name = "<string>",
                                             const load_options& opts = {});

}  // namespace jadwal::load
