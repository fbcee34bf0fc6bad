#include "yaml_prescan.hpp"

#include "utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace jadwal::load::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

}  // namespace

std::size_t find_invalid_text(std::string_view text, phrase& what) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c == 0) {
                what = say("the file contains a NUL byte (is it a binary or UTF-16 file?)");
                return i;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                what = say("the file contains the control character U+{:04X}", c);
                return i;
            }
            ++i;
            continue;
        }
        const utf8_sequence seq = decode_utf8(text.substr(i));
        if (seq.length == 0) {
            if (seq.bad_byte == 0)
                what = say("the file is not valid UTF-8 (byte 0x{:02X})", c);
            else if (i + seq.bad_byte >= n)
                what = say("the file is not valid UTF-8 (a character is cut off at the end)");
            else
                what = say("the file is not valid UTF-8 (byte 0x{:02X} after 0x{:02X})", p[i + seq.bad_byte], c);
            return i;
        }
        const auto cp = static_cast<std::uint32_t>(seq.code_point);
        if (cp >= 0x80 && cp <= 0x9F && cp != 0x85) {
            what = say("the file contains the control character U+{:04X}", cp);
            return i;
        }
        i += seq.length;
    }
    return std::string_view::npos;
}

void line_column(std::string_view text, std::size_t offset, std::int32_t& line, std::int32_t& column) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    line = static_cast<std::int32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    const auto nl = before.rfind('\n');
    column = static_cast<std::int32_t>(offset - (nl == std::string_view::npos ? 0 : nl + 1) + 1);
}

prescan_result prescan_yaml(std::string_view text, const prescan_limits& limits) {
    prescan_result r;
    phrase what;
    if (const auto bad = find_invalid_text(text, what); bad != std::string_view::npos) {
        r.what = prescan_result::problem::encoding;
        r.message = what;
        line_column(text, bad, r.line, r.column);
        return r;
    }

    enum class quote { none, single, dbl };
    quote q = quote::none;
    int flow = 0;
    int flow_base = 0;                // block depth estimate when the flow collection opened
    std::vector<std::size_t> indents;  // open block indentation levels
    bool block_scalar = false;
    std::size_t block_parent = 0;
    std::size_t nodes = 0;
    std::int32_t line_no = 0;
    bool seen_content = false;
    bool document_ended = false;
    prescan_result::open_quote last_quote;  // the quoted scalar opened last

    auto fail = [&](prescan_result::problem p, std::size_t col, phrase msg) {
        r.what = p;
        r.line = line_no;
        r.column = static_cast<std::int32_t>(col + 1);
        r.message = std::move(msg);
    };

    std::size_t b = 0;
    while (b <= text.size()) {
        const std::size_t nl = text.find('\n', b);
        const std::size_t e = nl == std::string_view::npos ? text.size() : nl;
        std::string_view line = text.substr(b, e - b);
        ++line_no;
        // Document markers at column 0 end block scalars and start or end documents.
        const bool marker = q == quote::none && line.size() >= 3 &&
                            (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                            (line.size() == 3 || is_space(line[3]) || line[3] == '#');
        std::string after_marker;  // "--- {a: 1}": the rest of the line is content
        if (marker) {
            block_scalar = false;
            if (line[0] == '-' && seen_content && r.second_document_line == 0) r.second_document_line = line_no;
            if (line[0] == '.') document_ended = true;
            after_marker.assign(line);
            after_marker.replace(0, 3, "   ");
            line = after_marker;
        }
        std::size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
        const bool blank = indent == line.size() || line[indent] == '\r';

        if (document_ended && q == quote::none && !blank && line[indent] != '#' && line[0] != '%' &&
            r.second_document_line == 0)
            r.second_document_line = line_no;

        if (block_scalar && q == quote::none && flow == 0) {
            if (blank || indent > block_parent) {
                if (nl == std::string_view::npos) break;
                b = nl + 1;
                continue;
            }
            block_scalar = false;
        }

        int block_depth = flow_base;
        std::size_t j = 0;
        if (q == quote::none && flow == 0) {
            if (blank || line[indent] == '#') {
                if (nl == std::string_view::npos) break;
                b = nl + 1;
                continue;
            }
            if (line[0] == '%' && !seen_content) {  // a directive (%YAML 1.2)
                if (nl == std::string_view::npos) break;
                b = nl + 1;
                continue;
            }
            seen_content = true;
            if (r.blank) {
                // Only a null literal keeps the document blank.
                std::string_view rest = line.substr(indent);
                const auto hash = rest.find(" #");
                rest = rest.substr(0, hash);
                while (!rest.empty() && is_space(rest.back())) rest.remove_suffix(1);
                r.blank = rest == "~" || rest == "null" || rest == "Null" || rest == "NULL";
            }
            while (!indents.empty() && indents.back() > indent) indents.pop_back();
            if (indents.empty() || indents.back() < indent) indents.push_back(indent);
            block_depth = 2 * static_cast<int>(indents.size());
            j = indent;
        }

        bool at_start = q == quote::none;
        for (; j < line.size(); ++j) {
            const char c = line[j];
            if (q == quote::dbl) {
                if (c == '\\')
                    ++j;
                else if (c == '"')
                    q = quote::none;
                continue;
            }
            if (q == quote::single) {
                if (c == '\'') {
                    if (j + 1 < line.size() && line[j + 1] == '\'')
                        ++j;
                    else
                        q = quote::none;
                }
                continue;
            }
            if (is_space(c)) continue;
            if (c == '#' && (j == 0 || is_space(line[j - 1]))) break;
            const char next = j + 1 < line.size() ? line[j + 1] : '\n';
            const bool next_blank = next == '\n' || is_space(next);
            if (at_start) {
                if (c == '"' || c == '\'') {
                    q = c == '"' ? quote::dbl : quote::single;
                    last_quote = {line_no, static_cast<std::int32_t>(j + 1), c};
                    ++nodes;
                    at_start = false;
                    continue;
                }
                if ((c == '-' || c == '?') && next_blank && flow == 0) {
                    // "- - - x": each indicator on one line opens one more level.
                    block_depth += 2;
                    ++nodes;
                    if (block_depth > limits.max_depth) {
                        fail(prescan_result::problem::depth, j,
                             say("the YAML nests deeper than {} levels", limits.max_depth));
                        return r;
                    }
                    continue;
                }
                if ((c == '|' || c == '>') && flow == 0) {
                    block_scalar = true;
                    block_parent = indent;
                    ++nodes;
                    break;
                }
                if (c == '&' || c == '!') {
                    while (j + 1 < line.size() && !is_space(line[j + 1]) && !is_flow_indicator(line[j + 1])) ++j;
                    continue;
                }
            }
            if (c == '[' || c == '{') {
                if (flow > 0 || at_start) {
                    if (flow == 0) flow_base = block_depth;
                    ++flow;
                    ++nodes;
                    at_start = true;
                    if (flow_base + flow > limits.max_depth) {
                        fail(prescan_result::problem::depth, j,
                             say("the YAML nests deeper than {} levels", limits.max_depth));
                        return r;
                    }
                    continue;
                }
            } else if (c == ']' || c == '}') {
                if (flow > 0) {
                    --flow;
                    at_start = false;
                    continue;
                }
            } else if (c == ',' && flow > 0) {
                at_start = true;
                continue;
            } else if (c == ':' && (next_blank || (flow > 0 && (is_flow_indicator(next) || j == 0 ||
                                                                line[j - 1] == '"' || line[j - 1] == '\'')))) {
                at_start = true;
                continue;
            }
            if (at_start) ++nodes;
            at_start = false;
        }
        if (q != quote::none && last_quote.line == line_no &&
            r.multiline_quotes.size() < prescan_result::max_multiline_quotes)
            r.multiline_quotes.push_back(last_quote);
        if (block_depth > limits.max_depth) {
            fail(prescan_result::problem::depth, indent, say("the YAML nests deeper than {} levels", limits.max_depth));
            return r;
        }
        r.max_depth = std::max({r.max_depth, block_depth, flow_base + flow});
        if (nodes > limits.max_nodes) {
            fail(prescan_result::problem::nodes, 0,
                 say("the YAML has more than {} nodes; give large employee lists as a CSV file",
                     grouped(limits.max_nodes)));
            return r;
        }
        if (nl == std::string_view::npos) break;
        b = nl + 1;
    }
    r.estimated_nodes = nodes;
    return r;
}

}  // namespace jadwal::load::detail
