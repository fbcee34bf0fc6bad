// Reading whole input files with a size limit; failures are described, not thrown.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace jadwal::load::detail {

enum class read_status { ok, missing, too_large, failed };

/// Reads `file` into `out`. On failure `error` says why (one sentence fragment).
[[nodiscard]] read_status read_whole_file(const std::filesystem::path& file, std::size_t max_bytes, std::string& out,
                                          std::string& error);

}  // namespace jadwal::load::detail
