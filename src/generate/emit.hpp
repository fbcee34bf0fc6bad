// Writes a generated population in jadwal's scenario format (YAML, with the
// employees inline or in a CSV file next to it).
#pragma once

#include "population.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace jadwal::generate::detail {

/// The scenario YAML. With an empty `employees_csv` the employees are inline;
/// otherwise the YAML refers to that CSV file name. A `history_csv` name gives
/// the scenario a `history` section naming it.
[[nodiscard]] std::string emit_yaml(const population& pop, const std::string& employees_csv,
                                    const std::string& history_csv = {});

/// The employees as RFC 4180 CSV (CRLF line ends, quoted where needed).
[[nodiscard]] std::string emit_csv(const population& pop);

/// Writes the scenario of `pop` to `yaml_path` (and the employees CSV next to it when the
/// population reaches the options' csv_threshold), each file atomically, the CSV first.
/// (batanghari.cpp; write_batanghari and write_nation both write through it.)
generated_files write_scenario(const std::filesystem::path& yaml_path, const population& pop);

/// The training history up to the options' history_until (history.cpp), as
/// the SIASN course export writes it: ';' between fields, dates DD-MM-YYYY.
[[nodiscard]] std::string emit_history_csv(const population& pop);

/// Appends `field` to `out`, quoted per RFC 4180 when it holds a comma, quote, CR or LF.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace jadwal::generate::detail
