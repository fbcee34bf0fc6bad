// The languages jadwal speaks to people in. Indonesian first: the people who
// read its outputs are HR staff in a BKPSDMD and the civil servants they plan
// for. English is the language of the message ids (gettext's convention), so
// an English text is never missing.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace jadwal::text {

enum class language : std::uint8_t { id, en };

inline constexpr std::array<language, 2> languages{language::id, language::en};

/// The ISO 639-1 code: "id" or "en" (also the value of `lang=` in HTML).
[[nodiscard]] constexpr std::string_view code(language l) {
    return l == language::id ? "id" : "en";
}

/// Reads a language as people and systems write it: "id", "en", a POSIX locale
/// name ("id_ID.UTF-8", "en_US", "C" is not a language), a BCP 47 tag
/// ("id-ID"), the old code "in", the ISO 639-2 codes "ind" and "eng", or the
/// names "indonesia", "indonesian", "bahasa", "english" (any case). None for
/// anything else.
[[nodiscard]] std::optional<language> parse_language(std::string_view s);

/// The language the environment asks for, as gettext reads it: the first of
/// LANGUAGE (a colon-separated list), LC_ALL, LC_MESSAGES and LANG that names
/// one of ours. None when none does ("C", "POSIX", unset or another language).
/// Only for programs (the CLI): a library serving several people reads no
/// environment and takes the language per call.
[[nodiscard]] std::optional<language> language_from_environment();

}  // namespace jadwal::text

namespace jadwal::text {

/// The language of one call: the one asked for, else the scenario's
/// `locale`, else English (the message ids).
[[nodiscard]] constexpr language choose_language(std::optional<language> asked,
                                                 std::optional<language> scenario_locale) {
    return asked ? *asked : scenario_locale ? *scenario_locale : language::en;
}

}  // namespace jadwal::text
