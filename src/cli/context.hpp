// What every verb gets besides its own options: the language it speaks to
// people in. `--lang id|en` wins; else the scenario's `locale`; else the
// environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); else English.
#pragma once

#include <fmt/format.h>

#include <jadwal/model/scenario.hpp>
#include <jadwal/text/language.hpp>
#include <jadwal/text/messages.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::cli {

struct run_context {
    /// `--lang`, when given.
    std::optional<text::language> asked;
    /// The environment's language, read once at start.
    std::optional<text::language> environment;

    /// Before a scenario is read (usage errors): --lang, else the environment, else English.
    [[nodiscard]] text::language language() const {
        return asked ? *asked : environment ? *environment : text::language::en;
    }
    /// Once the scenario is read: --lang, else its `locale`, else the environment, else English.
    [[nodiscard]] text::language language(const model::scenario& s) const {
        return asked ? *asked : s.locale ? *s.locale : language();
    }
    [[nodiscard]] text::messages messages() const { return text::messages(language()); }
    [[nodiscard]] text::messages messages(const model::scenario& s) const { return text::messages(language(s)); }
};

/// The closest of `names` to `typed` by edit distance, when it is close enough
/// to be a slip of the keyboard (at most two edits, and fewer than half the
/// letters); none otherwise.
[[nodiscard]] std::optional<std::string> closest_name(std::string_view typed, const std::vector<std::string>& names);

/// The number of single-letter insertions, deletions, substitutions and swaps
/// of neighbours that turn `a` into `b`.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace jadwal::cli

namespace jadwal::cli {

/// A count in running text: the language's digit grouping in Indonesian
/// ("7.200 pegawai"); in English as the tool always printed it ("7200
/// employees"), which scripts and tests read.
[[nodiscard]] inline std::string count(const text::messages& m, std::int64_t n) {
    return m.lang() == text::language::en ? std::to_string(n) : m.number(n);
}
/// A figure with `decimals` places, the same way: "65,5" in Indonesian, "65.5" in English.
[[nodiscard]] inline std::string figure(const text::messages& m, double x, int decimals) {
    return m.lang() == text::language::en ? fmt::format("{:.{}f}", x, decimals) : m.number(x, decimals);
}

}  // namespace jadwal::cli
