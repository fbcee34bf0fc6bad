#include <jadwal/output/output_files.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <set>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace jadwal::output {
namespace fs = std::filesystem;
namespace {

void write_synced(const fs::path& file, const std::string& text) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (!f) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 &&
                    ::fsync(::fileno(f)) == 0;
    if (std::fclose(f) != 0 || !ok) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
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
        for (const auto& f : files) {
            check_relative(f.relative);
            const fs::path target = staging / f.relative;
            fs::create_directories(target.parent_path());
            write_synced(target, f.content);
            tops.insert(top_level(f.relative));
        }
    } catch (const std::exception& e) {
        fs::remove_all(staging, ec);
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
            fs::remove_all(old, ec);
        } else {
            fs::rename(from, to);
        }
    }
    fs::remove_all(staging, ec);
}

}  // namespace jadwal::output
