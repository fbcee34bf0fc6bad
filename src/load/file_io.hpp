// Reading whole input files with a size limit; failures are described, not thrown.
#pragma once

#include "say.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace jadwal::load::detail {

/// `missing`: no such file (the name is wrong: an input error). `too_large`:
/// over the limit. `failed`: the file is there but cannot be read as one: no
/// permission, a directory, a device or pipe, a read error (an I/O failure).
enum class read_status { ok, missing, too_large, failed };

/// Reads `file` into `out`. Only regular files are read: a directory, a device
/// such as /dev/zero, a pipe or a socket is refused before anything is read
/// (and without waiting for a pipe's writer). At most `max_bytes` + 1 bytes
/// are ever read. On failure `error` says why, with the operating system's
/// reason where there is one (one sentence fragment: "it is a directory").
[[nodiscard]] read_status read_whole_file(const std::filesystem::path& file, std::size_t max_bytes, std::string& out,
                                          phrase& error);
/// The same, with the reason in English only (for callers outside the loader).
[[nodiscard]] read_status read_whole_file(const std::filesystem::path& file, std::size_t max_bytes, std::string& out,
                                          std::string& error);

/// `file` with `.`, `..` and symbolic links resolved (as far as it exists),
/// when that lies inside `folder` (resolved the same way; empty: the working
/// directory); nullopt when it leads outside.
[[nodiscard]] std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& file,
                                                                  const std::filesystem::path& folder);

}  // namespace jadwal::load::detail
