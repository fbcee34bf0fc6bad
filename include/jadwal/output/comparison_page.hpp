// comparison.html as people read it (`jadwal compare`; its attendance rows in
// docs/attendance.md): the policies side by side, a table and a bar chart per
// row. The figures are computed in the compare layer (jadwal/compare/compare.hpp,
// which solves and simulates); this header holds only what the page shows, so
// that the outputs, a layer below, write it with the report's escaping builder.
#pragma once

#include <jadwal/text/messages.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace jadwal::output {

/// One row of the page: a figure per column, as printed and as a bar's length.
struct comparison_page_row {
    std::string label;  ///< what a reader sees, in the page's language
    bool higher_is_better = true;
    std::vector<double> values;      ///< one per column; the bars are drawn from their absolute values
    std::vector<std::string> shown;  ///< one per column, as the table prints it
};

/// What comparison.html shows.
struct comparison_page {
    std::string scenario;              ///< the scenario's name
    std::string strategy;              ///< the solve strategy's name (solve::to_string)
    std::uint64_t seed = 1;
    std::vector<std::string> columns;  ///< the policies, in column order
    std::vector<comparison_page_row> rows;
};

/// One self-contained page (no script, no external resource; every string
/// escaped) in the language of `m`.
[[nodiscard]] std::string comparison_html(const comparison_page& page, const text::messages& m);

}  // namespace jadwal::output
