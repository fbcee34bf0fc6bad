// A synthetic but realistically shaped Batanghari population (examples/batanghari/README.md) for
// examples, tests and benchmarks. Deterministic for a seed.
#pragma once

#include <jadwal/text/language.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jadwal::generate {

struct batanghari_options {
    int employees = 7200;
    std::uint64_t seed = 1;
    int year = 2026;
    /// From this many employees on, employees go to a CSV file next to the YAML.
    int csv_threshold = 500;
    /// `scenario.locale` of the scenario written; none: the key is left out.
    /// `jadwal generate` writes `id`: the bundled example speaks Indonesian.
    std::optional<text::language> locale;
};

/// What a generated scenario contains, for reports and tests.
struct batanghari_summary {
    int employees = 0;
    int pns = 0;
    int pppk = 0;
    int units = 0;
    /// Units and staff per unit kind ("office", "school", ...), in the domain table's order;
    /// kinds without units are listed with 0.
    std::vector<std::pair<std::string, int>> units_by_kind;
    std::vector<std::pair<std::string, int>> staff_by_kind;
    int programs = 0;
    int demand_entries = 0;  ///< entries in the YAML's demand section
    long long demand_items = 0;  ///< (employee, programme) pairs they resolve to
    /// Sum over employees of the JP of every programme they are asked to take.
    long long demand_jp_pns = 0;
    long long demand_jp_pppk = 0;
    int max_demand_jp_pppk = 0;  ///< stays within the PPPK cap of 24
    int venues = 0;
    int instructors = 0;
    int platforms = 0;
    int max_classroom_cohorts = 0;

    [[nodiscard]] double demand_jp_per_pns() const {
        return pns > 0 ? static_cast<double>(demand_jp_pns) / pns : 0.0;
    }
    [[nodiscard]] double demand_jp_per_pppk() const {
        return pppk > 0 ? static_cast<double>(demand_jp_pppk) / pppk : 0.0;
    }
};

struct generated_files {
    std::filesystem::path scenario;   ///< the YAML written
    std::filesystem::path employees;  ///< the CSV written, empty when inline
    batanghari_summary summary;
};

/// Writes the scenario (and the employees CSV when large) atomically.
/// Throws std::invalid_argument for options out of range (employees < 1, year
/// outside 2000..2100, csv_threshold < 0) and std::runtime_error (jadwal::error, errc::io) when a file
/// cannot be written.
generated_files write_batanghari(const std::filesystem::path& yaml_path, const batanghari_options& opts);

/// The same scenario as YAML text with employees inline (for tests and small sizes).
[[nodiscard]] std::string batanghari_yaml(const batanghari_options& opts);

/// The employees as the CSV that write_batanghari writes next to a large scenario.
[[nodiscard]] std::string batanghari_employees_csv(const batanghari_options& opts);

/// The numbers of the scenario these options generate, without writing it.
[[nodiscard]] batanghari_summary summarize_batanghari(const batanghari_options& opts);

/// The CSV file name used for a scenario file: "<stem>.employees.csv".
[[nodiscard]] std::filesystem::path employees_csv_path(const std::filesystem::path& yaml_path);

}  // namespace jadwal::generate
