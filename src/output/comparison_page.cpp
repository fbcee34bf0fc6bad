// comparison.html: the policies side by side, drawn with the report's escaping
// HTML builder (report_html.hpp) from what the compare layer computed.
#include <jadwal/output/comparison_page.hpp>

#include "report_charts.hpp"
#include "report_html.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

namespace jadwal::output {

std::string comparison_html(const comparison_page& page, const text::messages& m) {
    using detail::html;
    const auto& rows = page.rows;
    // A row shows as many figures as it has for the columns (all, from compare).
    const auto cells = [&](const comparison_page_row& row) {
        return std::min({page.columns.size(), row.values.size(), row.shown.size()});
    };
    html h;
    if (m.lang() == text::language::id)
        h.raw("<!DOCTYPE html>\n<html lang=\"id\">");
    else
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">");
    h.raw(
         "<head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
         "<title>")
        .text(m.format("Policy comparison: {}", page.scenario))
        .raw(
            "</title><style>"
            "body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:64rem;padding:0 1rem;color:#1b2733}"
            "table{border-collapse:collapse;margin:1rem 0;display:block;overflow-x:auto}"
            "th,td{padding:.3rem .6rem;border-bottom:1px solid #d5dde5;text-align:right;white-space:nowrap}"
            "th:first-child,td:first-child{text-align:left}"
            ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem}"
            "figure{margin:0;border:1px solid #d5dde5;border-radius:4px;padding:.5rem}"
            "figcaption{font-weight:600;margin-bottom:.3rem}svg{width:100%;height:auto}"
            ".note{color:#4a5a6a;font-size:.9em}"
            "</style></head><body><h1>")
        .text(m.tr("Policy comparison"))
        .raw("</h1><p>")
        .text(page.scenario)
        .raw(" &middot; ")
        .text(m.tr("strategy"))
        .raw(" ")
        .text(detail::strategy_name(m, page.strategy))
        .raw(" &middot; ")
        .text(m.tr("seed"))
        .num(" {}", page.seed)
        .raw("</p><table><thead><tr><th>")
        .text(m.tr("metric"))
        .raw("</th>");
    for (const auto& policy : page.columns) h.raw("<th>").text(policy).raw("</th>");
    h.raw("</tr></thead><tbody>");
    for (const auto& row : rows) {
        h.raw("<tr><td>").text(row.label).raw("</td>");
        for (std::size_t j = 0; j < cells(row); ++j) h.raw("<td>").text(row.shown[j]).raw("</td>");
        h.raw("</tr>");
    }
    h.raw("</tbody></table><p class=\"note\">")
        .text(m.tr("Expected attendance comes from the scenario's attendance model "
                   "(docs/attendance.md): assumptions to calibrate with real attendance records, not measurements."))
        .raw("</p><h2>")
        .text(m.tr("Charts"))
        .raw("</h2><div class=\"charts\">");
    constexpr double width = 300, bar_height = 18, gap = 6, label_width = 110;
    for (const auto& row : rows) {
        double top = 0;
        for (std::size_t j = 0; j < cells(row); ++j) top = std::max(top, std::abs(row.values[j]));
        const auto n = static_cast<double>(cells(row));
        const double height = n * (bar_height + gap) + gap;
        // Room right of the longest bar for its value: 60 px, more for a long
        // one ("22.304/22.336" at 11 px) so that it is not cut at the edge.
        std::size_t longest = 0;
        for (std::size_t j = 0; j < cells(row); ++j) longest = std::max(longest, row.shown[j].size());
        const double value_room = std::max(60.0, 7.0 * static_cast<double>(longest) + 8.0);
        h.raw("<figure><figcaption>").text(row.label);
        h.text(row.higher_is_better ? m.tr(" (higher is better)") : m.tr(" (lower is better)"));
        h.raw("</figcaption>").num("<svg viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"", width, height);
        h.text(row.label).raw("\">");
        for (std::size_t j = 0; j < cells(row); ++j) {
            const double y = gap + static_cast<double>(j) * (bar_height + gap);
            const double len = top > 0 ? (width - label_width - value_room) * std::abs(row.values[j]) / top : 0;
            h.num("<text x=\"0\" y=\"{:.1f}\" font-size=\"11\">", y + bar_height * 0.7)
                .text(detail::truncated(page.columns[j], 16))
                .raw("</text>");
            h.num("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#2f6f9f\"></rect>",
                  label_width, y, len, bar_height);
            h.num("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\">", label_width + len + 4, y + bar_height * 0.7)
                .text(row.shown[j])
                .raw("</text>");
        }
        h.raw("</svg></figure>");
    }
    h.raw("</div></body></html>\n");
    return std::move(h).take();
}

}  // namespace jadwal::output
