// solution.json: the machine-readable plan (docs/outputs.md "solution.json").
// Entities are written by id, times as ISO 8601 with the offset of the zone
// they belong to (a participant's, a venue's unit zone is the scenario zone).
#pragma once

#include <jadwal/io/atomic_file.hpp>  // write_file_atomically, declared here before 0.2
#include <jadwal/load/diagnostic.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace jadwal::io {

/// Deterministic text: keys in a fixed order, numbers formatted the same way
/// every time, two-space indentation, a final newline.
[[nodiscard]] std::string solution_to_json(const model::scenario& s, const model::solution& sol);

struct solution_read_result {
    std::optional<model::solution> solution;
    load::diagnostics diags;  ///< file and JSON path of each problem (line/column for syntax errors)
};

/// Reads a solution against the scenario it was made for: every id must exist there.
[[nodiscard]] solution_read_result solution_from_json(const model::scenario& s, std::string_view text,
                                                      std::string_view file_name = "<string>");
[[nodiscard]] solution_read_result read_solution_file(const model::scenario& s, const std::filesystem::path& file);

}  // namespace jadwal::io
