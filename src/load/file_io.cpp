#include "file_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace jadwal::load::detail {
namespace {

/// Why a file of this type is not read; empty for a regular file.
phrase not_a_file(mode_t mode) {
    if (S_ISREG(mode)) return {};
    if (S_ISDIR(mode)) return say("it is a directory, not a file");
    if (S_ISCHR(mode) || S_ISBLK(mode)) return say("it is not a regular file but a device");
    if (S_ISFIFO(mode)) return say("it is not a regular file but a pipe");
    if (S_ISSOCK(mode)) return say("it is not a regular file but a socket");
    return say("it is not a regular file");
}

phrase too_large(std::size_t max_bytes) {
    return say("it is larger than the limit of {} bytes", grouped(max_bytes));
}

class descriptor {
public:
    explicit descriptor(int fd) : fd_(fd) {}
    ~descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    descriptor(const descriptor&) = delete;
    descriptor& operator=(const descriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

read_status read_whole_file(const std::filesystem::path& file, std::size_t max_bytes, std::string& out, phrase& error) {
    out.clear();
    // Look before opening: opening a pipe to read waits for a writer.
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) {
            error = say("no such file");
            return read_status::missing;
        }
        error = std::strerror(err);
        return read_status::failed;
    }
    if (error = not_a_file(st.st_mode); !error.empty()) return read_status::failed;
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
        error = too_large(max_bytes);
        return read_status::too_large;
    }
    // O_NONBLOCK: should the name have been swapped for a pipe since, the open
    // does not wait; fstat then checks what was really opened.
    const descriptor fd{::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
    if (fd.get() < 0) {
        error = std::strerror(errno);
        return read_status::failed;
    }
    if (::fstat(fd.get(), &st) != 0) {
        error = std::strerror(errno);
        return read_status::failed;
    }
    if (error = not_a_file(st.st_mode); !error.empty()) return read_status::failed;

    // Read in chunks rather than trusting the size (the file may grow), and
    // never more than one byte past the limit: that byte says it is too large.
    const std::size_t cap = max_bytes == static_cast<std::size_t>(-1) ? max_bytes : max_bytes + 1;
    out.reserve(std::min<std::size_t>(static_cast<std::size_t>(st.st_size), cap));
    char buffer[1 << 16];
    while (out.size() < cap) {
        const std::size_t want = std::min(sizeof buffer, cap - out.size());
        const ssize_t n = ::read(fd.get(), buffer, want);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = std::strerror(errno);
            out.clear();
            return read_status::failed;
        }
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    if (out.size() > max_bytes) {
        out.clear();
        error = too_large(max_bytes);
        return read_status::too_large;
    }
    return read_status::ok;
}

read_status read_whole_file(const std::filesystem::path& file, std::size_t max_bytes, std::string& out,
                            std::string& error) {
    phrase why;
    const read_status status = read_whole_file(file, max_bytes, out, why);
    error = std::move(why.en);
    return status;
}

std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& file,
                                                    const std::filesystem::path& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base = folder.empty() ? fs::current_path(ec) : folder;
    if (ec) return std::nullopt;
    const fs::path root = fs::weakly_canonical(fs::absolute(base, ec), ec);
    if (ec) return std::nullopt;
    const fs::path target = fs::weakly_canonical(fs::absolute(file.is_relative() ? base / file : file, ec), ec);
    if (ec) return std::nullopt;
    // Inside when the root's components are a prefix of the target's; an empty
    // last component is the trailing slash of a folder.
    auto r = root.begin(), t = target.begin();
    for (; r != root.end(); ++r, ++t) {
        if (r->empty() && std::next(r) == root.end()) break;
        if (t == target.end() || *r != *t) return std::nullopt;
    }
    return target;
}

}  // namespace jadwal::load::detail
