#include <jadwal/output/output_files.hpp>

#include "parallel_for.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <random>
#include <set>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace jadwal::output {
namespace fs = std::filesystem;
namespace {

using detail::parallel_for;

constexpr std::string_view own_dir = ".jadwal";

[[noreturn]] void fail(const std::string& what) { throw write_error(what); }

[[noreturn]] void fail_errno(const std::string& what) { fail(fmt::format("{}: {}", what, std::strerror(errno))); }

void write_whole(const fs::path& file, const std::string& text) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) fail_errno(fmt::format("cannot write {}", file.string()));
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            errno = err;
            fail_errno(fmt::format("cannot write {}", file.string()));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) fail_errno(fmt::format("cannot write {}", file.string()));
}

/// Flushes everything written under `dir` to disk. One syncfs for the whole set:
/// an fsync per file costs a journal commit each (30 s for 7,200 calendars).
void sync_tree(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail_errno(fmt::format("cannot open {}", dir.string()));
    const int rc = ::syncfs(fd);
    const int err = errno;
    ::close(fd);
    errno = err;
    if (rc != 0) fail_errno(fmt::format("cannot flush {} to disk", dir.string()));
}

void sync_dir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

/// The first component of a relative path ("calendars" for "calendars/a.ics").
fs::path top_level(const fs::path& relative) { return *relative.begin(); }

void check_relative(const fs::path& p) {
    if (p.empty() || p.is_absolute()) fail(fmt::format("output path '{}' is not relative", p.string()));
    for (const auto& part : p)
        if (part == ".." || part == "." || part.empty())
            fail(fmt::format("output path '{}' leaves its directory", p.string()));
    if (top_level(p) == own_dir) fail(fmt::format("output path '{}' is jadwal's own folder", p.string()));
}

struct stat_result {
    bool exists = false;
    struct ::stat st {};
    [[nodiscard]] bool is_link() const { return exists && S_ISLNK(st.st_mode); }
    [[nodiscard]] bool is_dir() const { return exists && S_ISDIR(st.st_mode); }
};

stat_result lstat_of(const fs::path& p) {
    stat_result r;
    if (::lstat(p.c_str(), &r.st) == 0) r.exists = true;
    else if (errno != ENOENT) fail_errno(fmt::format("cannot look at {}", p.string()));
    return r;
}

std::optional<std::string> link_target(const fs::path& p) {
    std::error_code ec;
    auto t = fs::read_symlink(p, ec);
    if (ec) return std::nullopt;
    return t.string();
}

/// Deletes `p` and, when it is a real folder, everything inside it, never
/// following a link: a link is removed as a name, what it points to stays.
void remove_tree(const fs::path& p) {
    const stat_result top = lstat_of(p);
    if (!top.exists) return;
    if (!top.is_dir()) {
        ::unlink(p.c_str());
        return;
    }
    std::vector<fs::path> files;
    std::vector<fs::path> dirs{p};
    for (std::size_t d = 0; d < dirs.size(); ++d) {
        std::error_code ec;
        for (fs::directory_iterator it(dirs[d], ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code sec;
            const auto status = it->symlink_status(sec);
            if (!sec && status.type() == fs::file_type::directory) dirs.push_back(it->path());
            else files.push_back(it->path());
        }
    }
    parallel_for(files.size(), [&](std::size_t i) { ::unlink(files[i].c_str()); });
    for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) ::rmdir(it->c_str());
}

/// Hard-links (or, where the file system cannot, copies) a published entry
/// into the new set, so that what the new set does not name stays as it was.
void carry_over(const fs::path& from, const fs::path& to) {
    std::vector<std::pair<fs::path, fs::path>> files;
    if (lstat_of(from).is_dir()) {
        std::error_code ec;
        fs::create_directory(to, ec);
        if (ec) fail(fmt::format("cannot create {}: {}", to.string(), ec.message()));
        for (fs::recursive_directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec)) {
            const fs::path rel = fs::relative(it->path(), from);
            std::error_code sec;
            if (it->symlink_status(sec).type() == fs::file_type::directory) {
                fs::create_directory(to / rel, sec);
                if (sec) fail(fmt::format("cannot create {}: {}", (to / rel).string(), sec.message()));
            } else {
                files.emplace_back(it->path(), to / rel);
            }
        }
        if (ec) fail(fmt::format("cannot read {}: {}", from.string(), ec.message()));
    } else {
        files.emplace_back(from, to);
    }
    parallel_for(files.size(), [&](std::size_t i) {
        if (::link(files[i].first.c_str(), files[i].second.c_str()) == 0) return;
        std::error_code ec;
        fs::copy_file(files[i].first, files[i].second, ec);
        if (ec) fail(fmt::format("cannot keep {}: {}", files[i].first.string(), ec.message()));
    });
}

/// A name for a new set: later sets sort after earlier ones, and two processes
/// (even with the same process id, as in containers) never pick the same one.
std::string fresh_name() {
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    std::random_device rd;
    return fmt::format("{:016x}-{:08x}", static_cast<unsigned long long>(ns), rd());
}

/// Holds DIR/.jadwal/lock while a set is published, so that two processes
/// publishing to one folder take turns (and neither deletes the other's
/// half-written set as a leftover).
class folder_lock {
public:
    explicit folder_lock(const fs::path& file) {
        fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd_ < 0) fail_errno(fmt::format("cannot open {}", file.string()));
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR) {
                ::close(fd_);
                fail_errno(fmt::format("cannot lock {}", file.string()));
            }
            if (std::chrono::steady_clock::now() > give_up) {
                ::close(fd_);
                fail(fmt::format("another process has been publishing to {} for a minute", file.parent_path().parent_path().string()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    folder_lock(const folder_lock&) = delete;
    folder_lock& operator=(const folder_lock&) = delete;
    ~folder_lock() { ::close(fd_); }

private:
    int fd_ = -1;
};

/// Makes `p` a real folder of jadwal's, refusing a link or a file there.
void ensure_own_folder(const fs::path& p) {
    const stat_result st = lstat_of(p);
    if (!st.exists) {
        if (::mkdir(p.c_str(), 0755) != 0 && errno != EEXIST) fail_errno(fmt::format("cannot create {}", p.string()));
        if (!lstat_of(p).is_dir()) fail(fmt::format("{} is not a folder", p.string()));
        return;
    }
    if (st.is_link())
        fail(fmt::format("{} is a link; jadwal never writes through a link in its output folder", p.string()));
    if (!st.is_dir()) fail(fmt::format("{} is in the way (a file where jadwal keeps its sets)", p.string()));
}

/// The set `current` names ("sets/<name>"), or none before the first publish.
std::optional<std::string> current_set(const fs::path& own) {
    const fs::path current = own / "current";
    const stat_result st = lstat_of(current);
    if (!st.exists) return std::nullopt;
    const auto target = st.is_link() ? link_target(current) : std::nullopt;
    const fs::path t = target ? fs::path(*target) : fs::path();
    const bool ok = target && std::distance(t.begin(), t.end()) == 2 && *t.begin() == "sets" &&
                    t.filename() != ".." && t.filename() != ".";
    if (!ok) fail(fmt::format("{} is not a link jadwal made (it should name a folder under sets/)", current.string()));
    return t.filename().string();
}

/// Refuses a name of the new set that holds something jadwal did not put
/// there: only a missing entry or jadwal's own link may be (re)placed.
void check_top_level(const fs::path& dir, const fs::path& top) {
    const fs::path at = dir / top;
    const stat_result st = lstat_of(at);
    if (!st.exists) return;
    const std::string ours = (fs::path(own_dir) / "current" / top).string();
    if (st.is_link()) {
        const auto target = link_target(at);
        if (target && *target == ours) return;
        fail(fmt::format("{} is a link to {}; jadwal never writes through a link out of its output folder "
                         "(remove the link or choose another output folder)",
                         at.string(), target ? *target : std::string("?")));
    }
    fail(fmt::format("{} is in the way: a {} that jadwal did not publish (jadwal publishes {} as a link into "
                     "{}); move it away or choose another output folder",
                     at.string(), st.is_dir() ? "folder" : "file", top.string(), (dir / own_dir).string()));
}

/// Sets other than the current one (the one the last publish replaced, those
/// half-written by runs that were killed), and the staging folders of jadwal versions before this layout.
void remove_leftovers(const fs::path& dir, const fs::path& sets, const std::optional<std::string>& keep) {
    std::error_code ec;
    std::vector<fs::path> gone;
    for (fs::directory_iterator it(sets, ec), end; !ec && it != end; it.increment(ec))
        if (!keep || it->path().filename() != *keep) gone.push_back(it->path());
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(".jadwal-staging-", 0) == 0 ||
            (name.size() > 1 && name[0] == '.' && name.find(".old-") != std::string::npos &&
             name.find_first_not_of("0123456789", name.rfind(".old-") + 5) == std::string::npos))
            gone.push_back(it->path());
    }
    for (const auto& p : gone) remove_tree(p);
}

}  // namespace

void write_outputs(const fs::path& dir, const output_files& files) {
    std::set<fs::path> tops;
    try {
        for (const auto& f : files) {
            check_relative(f.relative);
            tops.insert(top_level(f.relative));
        }
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) fail(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
        if (!fs::is_directory(dir, ec)) fail(fmt::format("{} is not a folder", dir.string()));
    } catch (const std::exception& e) {
        throw write_error(fmt::format("writing outputs to {} failed, nothing replaced: {}", dir.string(), e.what()));
    }

    const fs::path own = dir / own_dir;
    const fs::path sets = own / "sets";
    std::optional<folder_lock> lock;
    std::optional<std::string> old;
    fs::path staging;
    std::set<fs::path> carried;
    try {
        ensure_own_folder(own);
        lock.emplace(own / "lock");
        ensure_own_folder(sets);
        old = current_set(own);
        if (old) {
            std::error_code ec;
            for (fs::directory_iterator it(sets / *old, ec), end; !ec && it != end; it.increment(ec))
                if (!tops.count(it->path().filename())) carried.insert(it->path().filename());
        }
        for (const auto& top : tops) check_top_level(dir, top);
        remove_leftovers(dir, sets, old);

        for (int attempt = 0; staging.empty(); ++attempt) {
            const fs::path candidate = sets / fresh_name();
            if (::mkdir(candidate.c_str(), 0755) == 0) staging = candidate;
            else if (errno != EEXIST || attempt > 8) fail_errno(fmt::format("cannot create {}", candidate.string()));
        }
        std::set<fs::path> parents;
        for (const auto& f : files) parents.insert((staging / f.relative).parent_path());
        for (const auto& p : parents) {
            std::error_code ignored;
            fs::create_directories(p, ignored);
            if (!lstat_of(p).is_dir()) fail_errno(fmt::format("cannot create {}", p.string()));
        }
        parallel_for(files.size(), [&](std::size_t i) { write_whole(staging / files[i].relative, files[i].content); });
        for (const auto& name : carried) carry_over(sets / *old / name, staging / name);
        sync_tree(staging);

        // Names that are new to this folder get their link now. Until the
        // switch below such a link leads nowhere (the current set lacks the
        // name), so readers still see exactly the old set.
        std::set<fs::path> names = tops;
        names.insert(carried.begin(), carried.end());
        for (const auto& name : names) {
            const fs::path at = dir / name;
            if (lstat_of(at).exists) continue;
            if (::symlink((fs::path(own_dir) / "current" / name).c_str(), at.c_str()) != 0)
                fail_errno(fmt::format("cannot create {}", at.string()));
        }
    } catch (const std::exception& e) {
        if (!staging.empty()) remove_tree(staging);
        throw write_error(fmt::format("writing outputs to {} failed, nothing replaced: {}", dir.string(), e.what()));
    }

    // The switch: one rename of a link makes the whole new set current.
    const fs::path next = own / fmt::format(".current-{}", staging.filename().string());
    if (::symlink((fs::path("sets") / staging.filename()).c_str(), next.c_str()) != 0 ||
        ::rename(next.c_str(), (own / "current").c_str()) != 0) {
        const int err = errno;
        ::unlink(next.c_str());
        remove_tree(staging);
        throw write_error(fmt::format("writing outputs to {} failed, nothing replaced: cannot switch to the new set: {}",
                                      dir.string(), std::strerror(err)));
    }
    sync_dir(own);
    // The set just replaced stays until the next publish (or tidy) removes it:
    // a reader that opened it through the old link reads on undisturbed, and
    // deleting thousands of files is not on the way to the new set.
}

void tidy_output_folder(const fs::path& dir) {
    const fs::path own = dir / own_dir;
    const fs::path sets = own / "sets";
    try {
        // Only a folder jadwal made is tidied; nothing is created here.
        if (!lstat_of(own).is_dir() || !lstat_of(sets).is_dir()) return;
        const folder_lock lock(own / "lock");
        remove_leftovers(dir, sets, current_set(own));
    } catch (const std::exception& e) {
        throw write_error(fmt::format("tidying {} failed: {}", dir.string(), e.what()));
    }
}

}  // namespace jadwal::output
