// A synthetic but realistically shaped Batanghari population (domain.md) for
// examples, tests and benchmarks. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace jadwal::generate {

struct batanghari_options {
    int employees = 7200;
    std::uint64_t seed = 1;
    int year = 2026;
    /// From this many employees on, employees go to a CSV file next to the YAML.
    int csv_threshold = 500;
};

struct generated_files {
    std::filesystem::path scenario;   ///< the YAML written
    std::filesystem::path employees;  ///< the CSV written, empty when inline
};

/// Writes the scenario (and the employees CSV when large) atomically.
/// Throws std::runtime_error when a file cannot be written.
generated_files write_batanghari(const std::filesystem::path& yaml_path, const batanghari_options& opts);

/// The same scenario as YAML text with employees inline (for tests and small sizes).
[[nodiscard]] std::string batanghari_yaml(const batanghari_options& opts);

}  // namespace jadwal::generate
