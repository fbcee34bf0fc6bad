// Markup for the HTML report, safe by construction: the builder takes markup
// only as string literals or as formats whose arguments are numbers, and
// everything else (every string from a scenario or plan) through text(),
// which escapes it for HTML text and double-quoted attribute values, inside
// SVG too. No call can put a scenario string into markup unescaped.
#pragma once

#include <fmt/format.h>

#include <concepts>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace jadwal::output::detail {

/// Appends `text` escaped: & < > " ' become character references (so it is
/// safe as element text and inside a quoted attribute), C0 controls other than
/// tab, LF and CR and DEL become U+FFFD (HTML forbids them as characters).
void append_escaped(std::string& out, std::string_view text);
[[nodiscard]] std::string escaped(std::string_view text);

/// UTF-8 `text` cut to at most `max_chars` code points, the last one "…" when cut.
[[nodiscard]] std::string truncated(std::string_view text, std::size_t max_chars);

/// A number that may go into markup: never a character type, so never text.
template <class T>
concept markup_number = std::is_arithmetic_v<std::remove_cvref_t<T>> && !std::is_same_v<std::remove_cvref_t<T>, char> &&
                        !std::is_same_v<std::remove_cvref_t<T>, bool>;

class html {
public:
    /// Markup written in the code.
    template <std::size_t N>
    html& raw(const char (&markup)[N]) {
        out_.append(markup, N - 1);
        return *this;
    }
    /// Markup with numbers in it, e.g. num("<rect x=\"{:.1f}\"", x).
    template <markup_number... A>
    html& num(fmt::format_string<A...> format, A&&... args) {
        fmt::format_to(std::back_inserter(out_), format, std::forward<A>(args)...);
        return *this;
    }
    /// Any text, escaped.
    html& text(std::string_view s) {
        append_escaped(out_, s);
        return *this;
    }
    /// Markup another builder made.
    html& append(const html& other) {
        out_ += other.out_;
        return *this;
    }
    void reserve(std::size_t n) { out_.reserve(n); }
    [[nodiscard]] const std::string& str() const { return out_; }
    [[nodiscard]] std::string take() && { return std::move(out_); }

private:
    std::string out_;
};

}  // namespace jadwal::output::detail
