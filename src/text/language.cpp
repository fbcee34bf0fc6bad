#include <array>
#include <cstdlib>
#include <jadwal/text/language.hpp>
#include <string>

namespace jadwal::text {

std::optional<language> parse_language(std::string_view s) {
    // The language part of "id_ID.UTF-8@euro", "id-ID" or "Indonesian".
    const std::size_t cut = s.find_first_of("_-.@");
    std::string head(s.substr(0, cut));
    for (char& c : head)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    static constexpr std::array<std::string_view, 6> indonesian{"id", "in", "ind", "indonesia", "indonesian", "bahasa"};
    static constexpr std::array<std::string_view, 3> english{"en", "eng", "english"};
    for (const auto w : indonesian)
        if (head == w) return language::id;
    for (const auto w : english)
        if (head == w) return language::en;
    return std::nullopt;
}

std::optional<language> language_from_environment() {
    // gettext's order: LANGUAGE (only when a locale is set at all), LC_ALL,
    // LC_MESSAGES, LANG; the first one that is set decides for the last three.
    if (const char* list = std::getenv("LANGUAGE"); list && *list) {
        std::string_view rest(list);
        while (!rest.empty()) {
            const std::size_t colon = rest.find(':');
            if (const auto l = parse_language(rest.substr(0, colon))) return l;
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(name); v && *v) return parse_language(v);
    return std::nullopt;
}

}  // namespace jadwal::text
