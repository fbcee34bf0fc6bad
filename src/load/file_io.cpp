#include "file_io.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace jadwal::load::detail {

read_status read_whole_file(const std::filesystem::path& file, std::size_t max_bytes, std::string& out,
                            std::string& error) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) {
        error = "no such file";
        return read_status::missing;
    }
    if (std::filesystem::is_directory(status)) {
        error = "it is a directory, not a file";
        return read_status::failed;
    }
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f{std::fopen(file.c_str(), "rb"), &std::fclose};
    if (!f) {
        error = std::strerror(errno);
        return read_status::failed;
    }
    out.clear();
    if (const auto size = std::filesystem::file_size(file, ec); !ec) {
        if (size > max_bytes) {
            error = fmt::format("it is larger than the limit of {} bytes", max_bytes);
            return read_status::too_large;
        }
        out.reserve(static_cast<std::size_t>(size));
    }
    // Read in chunks rather than trusting the size: a pipe or a growing file has none.
    char buffer[1 << 16];
    while (true) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
        if (n > 0) {
            if (out.size() + n > max_bytes) {
                error = fmt::format("it is larger than the limit of {} bytes", max_bytes);
                out.clear();
                return read_status::too_large;
            }
            out.append(buffer, n);
        }
        if (n < sizeof buffer) {
            if (std::ferror(f.get())) {
                error = "a read error occurred";
                return read_status::failed;
            }
            break;
        }
    }
    return read_status::ok;
}

}  // namespace jadwal::load::detail
