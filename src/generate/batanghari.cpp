#include <jadwal/generate/batanghari.hpp>

#include "emit.hpp"
#include "population.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace jadwal::generate {
namespace {

std::filesystem::path temp_path(const std::filesystem::path& p) {
    auto t = p;
    t += ".tmp";
    return t;
}

void remove_quietly(const std::filesystem::path& p) {
    std::error_code ec;
    std::filesystem::remove(p, ec);
}

/// Writes `text` to `<path>.tmp` (same directory, so the later rename is atomic).
void write_temp(const std::filesystem::path& path, std::string_view text) {
    const auto tmp = temp_path(path);
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (f == nullptr)
        throw std::runtime_error(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(errno)));
    const std::size_t written = std::fwrite(text.data(), 1, text.size(), f);
    const int write_errno = errno;
    const bool closed = std::fclose(f) == 0;
    if (written != text.size() || !closed) {
        remove_quietly(tmp);
        throw std::runtime_error(fmt::format("cannot write {}: {}", tmp.string(),
                                             std::strerror(written != text.size() ? write_errno : errno)));
    }
}

void commit(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::rename(temp_path(path), path, ec);
    if (ec) {
        remove_quietly(temp_path(path));
        throw std::runtime_error(fmt::format("cannot write {}: {}", path.string(), ec.message()));
    }
}

}  // namespace

std::filesystem::path employees_csv_path(const std::filesystem::path& yaml_path) {
    auto name = yaml_path.stem();
    name += ".employees.csv";
    return yaml_path.parent_path() / name;
}

generated_files write_batanghari(const std::filesystem::path& yaml_path, const batanghari_options& opts) {
    const auto pop = detail::build_population(opts);
    generated_files files;
    files.scenario = yaml_path;
    files.summary = detail::summarize(pop);
    if (opts.employees < opts.csv_threshold) {
        write_temp(yaml_path, detail::emit_yaml(pop, {}));
        commit(yaml_path);
        return files;
    }
    files.employees = employees_csv_path(yaml_path);
    const std::string yaml = detail::emit_yaml(pop, files.employees.filename().string());
    const std::string csv = detail::emit_csv(pop);
    // Both temporaries first: a failure leaves neither file touched. The CSV
    // goes in before the YAML that refers to it.
    write_temp(files.employees, csv);
    try {
        write_temp(yaml_path, yaml);
    } catch (...) {
        remove_quietly(temp_path(files.employees));
        throw;
    }
    try {
        commit(files.employees);
    } catch (...) {
        remove_quietly(temp_path(yaml_path));
        throw;
    }
    commit(yaml_path);
    return files;
}

std::string batanghari_yaml(const batanghari_options& opts) {
    return detail::emit_yaml(detail::build_population(opts), {});
}

std::string batanghari_employees_csv(const batanghari_options& opts) {
    return detail::emit_csv(detail::build_population(opts));
}

batanghari_summary summarize_batanghari(const batanghari_options& opts) {
    return detail::summarize(detail::build_population(opts));
}

}  // namespace jadwal::generate
