// Reads a scenario (YAML, employees optionally from a CSV file it references)
// into model::scenario, validating everything and reporting every problem.
#pragma once

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/model/scenario.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::load {

/// Employees given as CSV text rather than in the scenario (the C API's
/// jadwal_scenario_add_employees_csv): the columns and rules of an employees
/// CSV file (docs/format.md); `name` stands for the file in diagnostics.
struct employees_csv_text {
    std::string name;
    std::string csv;
};

struct load_options {
    /// Refuse inputs larger than this (bytes), to bound memory on hostile input.
    std::size_t max_file_bytes = std::size_t{1} << 30;
    /// Directory that relative paths inside the scenario (employees CSV) resolve against;
    /// empty: the scenario file's directory.
    std::filesystem::path base_dir;
    /// When false, referenced CSV files are not read (the fuzzer uses this).
    bool read_referenced_files = true;
    /// Confine the files a scenario names (the employees CSV) to the scenario's
    /// folder: a reference that, with `..`, an absolute path or symbolic links
    /// followed, leads outside it is the error E-FILE-OUTSIDE at the reference,
    /// and the file is not read. The folder is the one relative references
    /// resolve against: `base_dir` when set, else the scenario file's folder
    /// (for load_scenario_text without `base_dir`, the working directory).
    /// Without it a scenario may name any file the process can read: set it
    /// for scenarios from people who should not read the machine's files.
    bool confine_to_scenario_dir = false;
    /// Read after the scenario's own employees, in order, before anything that
    /// refers to employees (demand `where:` filters included). A row whose NIP
    /// an earlier source already has replaces that employee in place; a NIP
    /// twice in one text is a duplicate as in a file.
    std::vector<employees_csv_text> added_employees;
};

struct load_result {
    /// Present when there were no errors (warnings may exist).
    std::optional<model::scenario> scenario;
    diagnostics diags;
    /// `scenario.locale` as the file gives it, also when loading failed: the
    /// language its diagnostics are shown in when no one asks for another
    /// (text::choose_language(asked, locale); diagnostic::message_in()).
    std::optional<text::language> locale;
};

/// Loads a scenario file. Never throws for bad input: problems become diagnostics.
[[nodiscard]] load_result load_scenario_file(const std::filesystem::path& file, const load_options& opts = {});
/// Loads from text; `name` is used as the file name in diagnostics.
[[nodiscard]] load_result load_scenario_text(std::string_view yaml_text, std::string_view name = "<string>",
                                             const load_options& opts = {});

}  // namespace jadwal::load
