// Writing one file so that readers see the old content or the new, never a
// part: the one helper every single-file writer uses (a plan's set of output
// files is published as a whole instead, output/output_files.hpp).
#pragma once

#include <filesystem>
#include <string_view>

namespace jadwal::io {

/// A file written next to its target and flushed to disk (fsync), not yet in
/// place: commit() renames it over the target and flushes the directory; if
/// it is never committed, the destructor removes it. Several staged files
/// committed one after another put a set in place only once all were written.
class staged_file {
public:
    /// Throws jadwal::error (errc::io) naming the file and the system's reason.
    staged_file(std::filesystem::path target, std::string_view text);
    ~staged_file();
    staged_file(const staged_file&) = delete;
    staged_file& operator=(const staged_file&) = delete;

    /// Puts the file in place. Throws jadwal::error (errc::io) and leaves the
    /// previous target untouched when the rename fails.
    void commit();

private:
    std::filesystem::path target_, temp_;
    bool committed_ = false;
};

/// Writes `text` to `file` atomically: staged (written, fsync'd) and committed.
/// Throws jadwal::error (errc::io) and leaves any previous file untouched.
void write_file_atomically(const std::filesystem::path& file, std::string_view text);

}  // namespace jadwal::io
