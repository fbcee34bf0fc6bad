// Reading a whole input file that is not a scenario (a plan, attendance
// records) by the loader's rules: only a regular file, never past a size limit,
// and a failure described with the file and the operating system's reason.
#pragma once

#include <jadwal/load/diagnostic.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace jadwal::load {

/// The text of `file`, or nullopt after adding one error to `diags`: E-FILE
/// "cannot read <what>: <why>" (no such file; no permission, a directory, a
/// device or pipe, a read error, which are marked io_failure), or E-LIMIT when
/// it is larger than `max_bytes`. `what` names the file's role, e.g. "the
/// solution file".
[[nodiscard]] std::optional<std::string> read_input_file(const std::filesystem::path& file, std::string_view what,
                                                         diagnostics& diags,
                                                         std::size_t max_bytes = std::size_t{1} << 30);

}  // namespace jadwal::load
