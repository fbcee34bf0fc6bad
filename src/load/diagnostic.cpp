#include <jadwal/load/diagnostic.hpp>

#include "utf8.hpp"

#include <jadwal/text/messages.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace jadwal::load {

std::string_view to_string(severity s) {
    switch (s) {
        case severity::note: return "note";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "error";
}

std::string_view to_string(severity s, text::language l) {
    const text::messages m(l);
    switch (s) {
        case severity::note:
            return m.tr_in("diagnostic", "note");
        case severity::warning:
            return m.tr_in("diagnostic", "warning");
        case severity::error:
            return m.tr_in("diagnostic", "error");
    }
    return m.tr_in("diagnostic", "error");
}

std::string format(const diagnostic& d, text::language l) {
    const text::messages m(l);
    std::string out = d.file.empty() ? std::string{"<input>"} : d.file;
    if (d.line > 0) {
        out += fmt::format(":{}", d.line);
        if (d.column > 0) out += fmt::format(":{}", d.column);
    }
    out += fmt::format(": {}: {} [{}]", to_string(d.level, l), d.message_in(l), d.code);
    if (!d.path.empty()) out += m.format(" at {}", d.path);
    return printable(out);
}

namespace {

/// Characters a terminal acts on or that reorder or break what it shows.
bool invisible_control(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f)
                out += fmt::format("\\x{:02x}", c);
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        const auto seq = detail::decode_utf8(text.substr(i));
        const char32_t cp = seq.code_point;
        const std::size_t len = seq.length;
        if (len == 0) {
            out += fmt::format("\\x{:02x}", c);
            ++i;
        } else {
            if (invisible_control(cp))
                out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
            else
                out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

bool diagnostics::has_errors() const { return error_count() > 0; }

std::size_t diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const diagnostic& d) { return d.level == severity::error; }));
}

std::size_t diagnostics::warning_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const diagnostic& d) { return d.level == severity::warning; }));
}

bool diagnostics::has_io_failure() const {
    return std::any_of(items_.begin(), items_.end(), [](const diagnostic& d) { return d.io_failure; });
}

void diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const diagnostic& a, const diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
}

namespace {
// Optimal string alignment distance: insertions, deletions, substitutions and
// swaps of neighbours ("bpkda" for "bpkad") each cost one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    std::iota(prev.begin(), prev.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if (std::tolower(x) != std::tolower(y)) return false;
    }
    return true;
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    // Only suggest when the word is close: at most a third of its length edited
    // (min 1, max 3), and never all of it ("M" is not a typo of "P").
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        if (word.size() > 64 || c.size() > 64) continue;  // bound the work on hostile input
        if (iequal(word, c)) return c;
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance && d < word.size()) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace jadwal::load
