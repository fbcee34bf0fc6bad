#include <jadwal/output/output_files.hpp>

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>
#include <set>
#include <stdexcept>
#include <system_error>
#include <fcntl.h>
#include <unistd.h>

namespace jadwal::output {
namespace fs = std::filesystem;
namespace {

void write_whole(const fs::path& file, const std::string& text) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (!f) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
    if (std::fclose(f) != 0 || !ok) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
}

/// Flushes everything written under `dir` to disk. One syncfs for the whole set:
/// an fsync per file costs a journal commit each (30 s for 7,200 calendars).
void sync_tree(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) throw std::runtime_error(fmt::format("cannot open {}", dir.string()));
    const int rc = ::syncfs(fd);
    ::close(fd);
    if (rc != 0) throw std::runtime_error(fmt::format("cannot flush {} to disk", dir.string()));
}

/// The first component of a relative path ("calendars" for "calendars/a.ics").
fs::path top_level(const fs::path& relative) { return *relative.begin(); }

void check_relative(const fs::path& p) {
    if (p.empty() || p.is_absolute())
        throw std::runtime_error(fmt::format("output path '{}' is not relative", p.string()));
    for (const auto& part : p)
        if (part == ".." || part == ".")
            throw std::runtime_error(fmt::format("output path '{}' leaves its directory", p.string()));
}

/// Runs f(i) for i in [0, n) on a few threads. Creating and deleting files is
/// dominated by the file system's latency (about half a millisecond per file
/// on the CI machine), which several threads overlap.
template <class F>
void parallel_for(std::size_t n, F&& f) {
    const std::size_t workers = std::min<std::size_t>(8, std::max<std::size_t>(1, n / 256));
    if (workers <= 1) {
        for (std::size_t i = 0; i < n; ++i) f(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex m;
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workers; ++w)
        pool.emplace_back([&] {
            try {
                for (std::size_t i = next++; i < n; i = next++) f(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(m);
                if (!failed) failed = std::current_exception();
                next = n;
            }
        });
    for (auto& t : pool) t.join();
    if (failed) std::rethrow_exception(failed);
}

/// remove_all, with the files of large directories unlinked in parallel.
void remove_tree(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) return;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
    parallel_for(files.size(), [&](std::size_t i) {
        std::error_code e;
        fs::remove(files[i], e);
    });
    fs::remove_all(dir, ec);
}

}  // namespace

void write_outputs(const fs::path& dir, const output_files& files) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
    const fs::path staging = dir / fmt::format(".jadwal-staging-{}", ::getpid());
    fs::remove_all(staging, ec);
    std::set<fs::path> tops;
    try {
        fs::create_directories(staging);
        std::set<fs::path> parents;
        for (const auto& f : files) {
            check_relative(f.relative);
            parents.insert((staging / f.relative).parent_path());
            tops.insert(top_level(f.relative));
        }
        for (const auto& p : parents) fs::create_directories(p);
        parallel_for(files.size(), [&](std::size_t i) { write_whole(staging / files[i].relative, files[i].content); });
        sync_tree(staging);
        // Every rename below must be able to succeed before the first one happens.
        for (const auto& top : tops) {
            const fs::path to = dir / top;
            if (fs::exists(to) && fs::is_directory(to) != fs::is_directory(staging / top))
                throw std::runtime_error(fmt::format("{} is in the way (a {} where a {} belongs)", to.string(),
                                                     fs::is_directory(to) ? "directory" : "file",
                                                     fs::is_directory(to) ? "file" : "directory"));
        }
    } catch (const std::exception& e) {
        remove_tree(staging);
        throw std::runtime_error(fmt::format("writing outputs to {} failed, nothing replaced: {}", dir.string(),
                                             e.what()));
    }
    // Publish: a directory is swapped as a whole (old moved aside, new renamed in,
    // old removed); a file is renamed over its predecessor.
    for (const auto& top : tops) {
        const fs::path from = staging / top;
        const fs::path to = dir / top;
        if (fs::is_directory(from)) {
            const fs::path old = dir / fmt::format(".{}.old-{}", top.string(), ::getpid());
            if (fs::exists(to)) fs::rename(to, old);
            fs::rename(from, to);
            remove_tree(old);
        } else {
            fs::rename(from, to);
        }
    }
    fs::remove_all(staging, ec);
}

}  // namespace jadwal::output
