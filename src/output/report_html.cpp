#include "report_html.hpp"

namespace jadwal::output::detail {

void append_escaped(std::string& out, std::string_view text) {
    std::size_t plain = 0;  // start of the run copied unchanged
    auto flush = [&](std::size_t upto) { out.append(text.data() + plain, upto - plain); };
    for (std::size_t k = 0; k < text.size(); ++k) {
        const auto c = static_cast<unsigned char>(text[k]);
        const char* ref = nullptr;
        switch (c) {
            case '&':
                ref = "&amp;";
                break;
            case '<':
                ref = "&lt;";
                break;
            case '>':
                ref = "&gt;";
                break;
            case '"':
                ref = "&quot;";
                break;
            case '\'':
                ref = "&#39;";
                break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) ref = "\xEF\xBF\xBD";
        }
        if (!ref) continue;
        flush(k);
        out += ref;
        plain = k + 1;
    }
    flush(text.size());
}

std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text);
    return out;
}

std::string truncated(std::string_view text, std::size_t max_chars) {
    auto starts_code_point = [&](std::size_t k) { return (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80; };
    std::size_t chars = 0;
    for (std::size_t k = 0; k < text.size(); ++k) chars += starts_code_point(k) ? 1 : 0;
    if (chars <= max_chars) return std::string{text};
    if (max_chars == 0) return {};
    std::size_t kept = 0;  // code points before the cut; the ellipsis takes the last place
    for (std::size_t k = 0; k < text.size(); ++k)
        if (starts_code_point(k) && kept++ == max_chars - 1) return std::string{text.substr(0, k)} + "\xE2\x80\xA6";
    return std::string{text};
}

}  // namespace jadwal::output::detail
