// The loader's diagnostic sink: positions by file index, a cap per code so a
// hostile or huge input cannot flood memory, and the files read so far.
#pragma once

#include "say.hpp"

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/model/scenario.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::load::detail {

/// A place in one of the files read (1-based line and column; 0 = unknown).
struct loc {
    std::uint32_t file = 0;
    std::int32_t line = 0;
    std::int32_t column = 0;
    [[nodiscard]] model::source_mark mark() const { return {file, line, column}; }
};

class reporter {
public:
    /// At most this many diagnostics of one code are kept; the rest are counted.
    static constexpr std::size_t max_errors_per_code = 1000;
    static constexpr std::size_t max_warnings_per_code = 50;

    explicit reporter(diagnostics& out) : out_(out) {}

    /// Registers a file name for diagnostics; returns its index.
    std::uint32_t add_file(std::string name);
    [[nodiscard]] const std::vector<std::string>& files() const { return files_; }

    void report(severity level, std::string_view code, phrase message, loc where, std::string path = {},
                bool io_failure = false);
    void error(std::string_view code, phrase message, loc where, std::string path = {}) {
        report(severity::error, code, std::move(message), where, std::move(path));
    }
    void warning(std::string_view code, phrase message, loc where, std::string path = {}) {
        report(severity::warning, code, std::move(message), where, std::move(path));
    }
    void note(std::string_view code, phrase message, loc where, std::string path = {}) {
        report(severity::note, code, std::move(message), where, std::move(path));
    }

    /// True once any error was reported (kept or not).
    [[nodiscard]] bool has_errors() const { return errors_ > 0; }
    [[nodiscard]] std::size_t error_count() const { return errors_; }

    /// Adds notes for what the caps held back. Call once, at the end.
    void finish();

private:
    diagnostics& out_;
    std::vector<std::string> files_;
    std::map<std::string, std::size_t, std::less<>> kept_;
    std::map<std::string, std::size_t, std::less<>> dropped_;
    std::size_t errors_ = 0;
};

}  // namespace jadwal::load::detail
