// A set of output files built in memory and published together, so that a
// reader of the output folder sees either the whole previous set or the whole
// new one, whatever moment the process is killed at (docs/outputs.md
// "Publishing").
//
// Layout of an output folder DIR (everything jadwal writes is inside DIR):
//
//   DIR/.jadwal/sets/<id>/...       one folder per published set
//   DIR/.jadwal/current -> sets/<id> the set readers see; switched by one rename(2)
//   DIR/<name> -> .jadwal/current/<name>   e.g. solution.json, calendars
//
// A set is written and flushed to disk under a fresh name and the `current`
// link is switched to it in one atomic step. The set it replaced stays on disk
// (a reader that opened it reads on) until the next publish, or
// tidy_output_folder, deletes it.
// jadwal deletes nothing it did not write: only folders under DIR/.jadwal/sets
// and its own leftovers, never following a link. A file, folder or foreign
// link at a name the set publishes is refused with an error, not replaced.
#pragma once

#include <jadwal/model/error.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace jadwal::output {

struct output_file {
    std::filesystem::path relative;  ///< e.g. "schedule.csv", "calendars/employee-1990.ics"
    std::string content;
};

using output_files = std::vector<output_file>;

/// Publishing failed: the file system refused (no permission, no space; the
/// message carries the system's reason) or the folder holds something jadwal
/// will not replace. Nothing of the new set is visible then.
/// A jadwal::error with errc::io, so the bindings map it with every other.
struct write_error : jadwal::error {
    explicit write_error(const std::string& what) : jadwal::error(errc::io, what) {}
};

/// Publishes `files` under `dir` (created if missing) as one set: the new set
/// holds `files` plus every top-level entry of the current set that `files`
/// does not name (carried over as hard links), so publishing a subset (only
/// solution.json, say) leaves the rest as it was. Top-level entries such as
/// `calendars/` are replaced as a whole: no stale file of an earlier set
/// survives inside them. First it removes every set but the current one (see
/// tidy_output_folder); the set it replaces stays until the next publish.
/// Publishing into the same folder from two processes at once is
/// serialised by a lock in DIR/.jadwal. Throws write_error.
void write_outputs(const std::filesystem::path& dir, const output_files& files);

/// Deletes what write_outputs would delete before writing: every set under
/// DIR/.jadwal/sets but the current one (the set the last publish replaced,
/// sets half-written by killed runs) and the staging folders of older jadwal
/// versions. Never creates anything; a folder jadwal has not published to is
/// left alone. A caller with time to spare (the CLI while it searches) calls
/// it early so that publishing later does not wait for thousands of deletions.
/// Throws write_error.
void tidy_output_folder(const std::filesystem::path& dir);

}  // namespace jadwal::output
