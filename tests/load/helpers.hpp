// Small helpers shared by the loader tests.
#pragma once

#include "../support/temp_dir.hpp"

#include <jadwal/load/load_scenario.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace jadwal::test {

inline std::filesystem::path source_dir() { return JADWAL_SOURCE_DIR; }
inline std::filesystem::path data_dir() { return JADWAL_TEST_DATA; }

/// Loads YAML text; relative paths resolve against tests/data/good.
inline load::load_result load_text(std::string_view yaml, load::load_options opts = {}) {
    if (opts.base_dir.empty()) opts.base_dir = data_dir() / "good";
    return load::load_scenario_text(yaml, "test.yaml", opts);
}

/// "CODE line:col" of every error and warning, in the order reported (sorted).
inline std::vector<std::string> summary(const load::load_result& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diags.items())
        if (d.level != load::severity::note)
            out.push_back(d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.column));
    return out;
}

/// Codes of every error and warning.
inline std::vector<std::string> codes(const load::load_result& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diags.items())
        if (d.level != load::severity::note) out.push_back(d.code);
    return out;
}

inline bool has_code(const load::load_result& r, std::string_view code) {
    for (const auto& d : r.diags.items())
        if (d.code == code) return true;
    return false;
}

inline const load::diagnostic* first_with(const load::load_result& r, std::string_view code) {
    for (const auto& d : r.diags.items())
        if (d.code == code) return &d;
    return nullptr;
}

/// Every diagnostic, formatted, one per line (for failure messages).
inline std::string dump(const load::load_result& r) {
    std::string out;
    for (const auto& d : r.diags.items()) out += load::format(d) + "\n";
    return out;
}


}  // namespace jadwal::test
