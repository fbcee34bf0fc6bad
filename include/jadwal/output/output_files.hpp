// A set of output files built in memory and published together: every file
// is written to a staging directory first, and only when all of them are
// complete do they replace what DIR held. A run that fails while writing
// leaves the previous outputs untouched.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace jadwal::output {

struct output_file {
    std::filesystem::path relative;  ///< e.g. "schedule.csv", "calendars/employee-1990.ics"
    std::string content;
};

using output_files = std::vector<output_file>;

/// Publishes `files` under `dir` (created if missing). Files are staged in a
/// hidden directory inside `dir`, flushed, then each top-level entry is renamed
/// into place; a top-level directory (such as `calendars/`) is replaced as a
/// whole, so no stale file of an earlier run survives inside it. Entries of
/// `dir` that `files` does not mention are left alone. Throws
/// std::runtime_error naming the path on failure; nothing of the new set is
/// visible then, and the staging directory is removed.
void write_outputs(const std::filesystem::path& dir, const output_files& files);

}  // namespace jadwal::output
