// A cheap pass over the raw text before yaml-cpp sees it: rejects what is not
// UTF-8 text, and estimates the nesting depth and the number of nodes, so that
// hostile input is refused with a diagnostic instead of driving the parser into
// deep recursion or gigabytes of nodes. It is a guard, not a parser: its
// estimates err on the high side (yaml-cpp's own depth guard backs it up).
#pragma once

#include "say.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::load::detail {

struct prescan_limits {
    int max_depth = 64;
    std::size_t max_nodes = 2'000'000;
};

struct prescan_result {
    enum class problem { none, encoding, depth, nodes };
    problem what = problem::none;
    std::int32_t line = 0;    ///< 1-based position of the problem
    std::int32_t column = 0;  ///< 1-based, in bytes as yaml-cpp counts
    phrase message;
    int max_depth = 0;              ///< estimated
    std::size_t estimated_nodes = 0;  ///< estimated
    /// 1-based line where a second YAML document starts (0: one document). The
    /// loader parses one document with YAML::Load, never LoadAll: yaml-cpp 0.7's
    /// LoadAll loops forever on some inputs (a stray ',', upstream PR #1319).
    std::int32_t second_document_line = 0;
    /// The document's text is at most a null literal (blank, comments, ~, null).
    bool blank = true;
    /// Quoted scalars that do not end on the line they start on, in file order
    /// (the first few): legal, but also what an unclosed quote looks like, so
    /// the loader looks here when yaml-cpp gives up further down.
    struct open_quote {
        std::int32_t line = 0;    ///< 1-based position of the opening quote
        std::int32_t column = 0;  ///< 1-based, in bytes
        char quote = '"';
    };
    std::vector<open_quote> multiline_quotes;
    static constexpr std::size_t max_multiline_quotes = 8;
};

/// Checks that `text` is UTF-8 without NUL or other control characters
/// (tab, LF and CR allowed; a leading BOM allowed). Returns the byte offset of
/// the first bad byte, or npos, and a description.
[[nodiscard]] std::size_t find_invalid_text(std::string_view text, phrase& what);

/// 1-based line and byte column of a byte offset.
void line_column(std::string_view text, std::size_t offset, std::int32_t& line, std::int32_t& column);

[[nodiscard]] prescan_result prescan_yaml(std::string_view text, const prescan_limits& limits = {});

}  // namespace jadwal::load::detail
