#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <jadwal/io/atomic_file.hpp>
#include <jadwal/model/error.hpp>
#include <system_error>

namespace jadwal::io {
namespace {

[[noreturn]] void fail(const std::string& what, int why) {
    throw jadwal::error(errc::io, fmt::format("{}: {}", what, std::strerror(why)));
}

/// Flushes a directory entry change (a rename) to disk; best effort.
void sync_dir(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

std::filesystem::path dir_of(const std::filesystem::path& file) {
    return file.has_parent_path() ? file.parent_path() : std::filesystem::path{"."};
}

}  // namespace

staged_file::staged_file(std::filesystem::path target, std::string_view text)
    : target_(std::move(target)),
      temp_(dir_of(target_) / fmt::format(".{}.tmp-{}", target_.filename().string(), ::getpid())) {
    const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) fail(fmt::format("cannot write {}", temp_.string()), errno);
    std::size_t done = 0;
    int why = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            why = n < 0 ? errno : EIO;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (why == 0 && ::fsync(fd) != 0) why = errno;
    if (::close(fd) != 0 && why == 0) why = errno;
    if (why != 0) {
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
        fail(fmt::format("cannot write {}", temp_.string()), why);
    }
}

staged_file::~staged_file() {
    if (committed_) return;
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
}

void staged_file::commit() {
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) throw jadwal::error(errc::io, fmt::format("cannot replace {}: {}", target_.string(), ec.message()));
    committed_ = true;
    sync_dir(dir_of(target_));
}

void write_file_atomically(const std::filesystem::path& file, std::string_view text) {
    staged_file staged(file, text);
    staged.commit();
}

}  // namespace jadwal::io
