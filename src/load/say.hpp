// The loader's sentences in both languages at once (docs/languages.md): a
// diagnostic is made while loading, and the language it is shown in is known
// only later, so each carries its English text (diagnostic::message, as it
// always read) and its Indonesian one (diagnostic::message_id).
//
//     rep.error(code::weekday, say("{} is not a weekday", in_quotes(s)), at, path);
//
// The template is the msgid of po/id/load.po, written as a literal in the call
// so that scripts/messages.py finds it.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <jadwal/text/catalogue.hpp>
#include <jadwal/text/language.hpp>
#include <jadwal/text/messages.hpp>
#include <string>
#include <string_view>
#include <type_traits>

namespace jadwal::load::detail {

/// A diagnostic's sentence in English and in Indonesian, both made when it is
/// found: the language it is shown in is chosen later (the scenario's own
/// `locale` is read while loading; a tool's option comes from outside).
struct phrase {
    std::string en;
    std::string id;  ///< empty: the same as `en`

    phrase() = default;
    /// A sentence that is the same in every language: one from yaml-cpp or
    /// the operating system, or user text.
    phrase(std::string text) : en(std::move(text)) {}  // NOLINT(google-explicit-constructor)
    phrase(const char* text) : en(text) {}             // NOLINT(google-explicit-constructor)
    phrase(std::string_view text) : en(text) {}        // NOLINT(google-explicit-constructor)
    phrase(std::string english, std::string indonesian) : en(std::move(english)), id(std::move(indonesian)) {
        if (id == en) id.clear();
    }

    [[nodiscard]] bool empty() const { return en.empty(); }
    [[nodiscard]] const std::string& in(text::language l) const {
        return l == text::language::id && !id.empty() ? id : en;
    }
};

namespace say_detail {
template <class T>
const T& pick(const T& arg, text::language) {
    return arg;
}
inline const std::string& pick(const phrase& p, text::language l) {
    return p.in(l);
}

template <class... Args>
std::string fill(std::string_view text, std::string_view fallback, text::language l, const Args&... args) {
    if constexpr (sizeof...(Args) == 0) {
        (void)fallback;
        return std::string(text);
    } else {
        try {
            return fmt::format(fmt::runtime(text), pick(args, l)...);
        } catch (const fmt::format_error&) {
            if (text == fallback) throw;
            return fmt::format(fmt::runtime(fallback), pick(args, l)...);
        }
    }
}
}  // namespace say_detail

/// A diagnostic's sentence from its English template (the msgid, a literal
/// in the call so scripts/messages.py finds it) and its arguments, in both
/// languages. An argument that is itself a phrase is put in in the same
/// language. A translation whose placeholders do not fit falls back to the
/// English template (with the arguments still in Indonesian).
template <class... Args>
[[nodiscard]] phrase say_with(const text::catalogue& indonesian, std::string_view english, const Args&... args) {
    return phrase{say_detail::fill(english, english, text::language::en, args...),
                  say_detail::fill(indonesian.find(english), english, text::language::id, args...)};
}

/// say_with() the built-in Indonesian catalogue.
template <class... Args>
[[nodiscard]] phrase say(std::string_view english, const Args&... args) {
    return say_with(text::catalogue::of(text::language::id), english, args...);
}

/// A word or name given to a reader as a string (`what` in the YAML reader:
/// "start date", "an employee"), translated when the catalogue has it in the
/// context "what" (po/id/load.po). Key names are left out there: they stay as
/// they are written.
[[nodiscard]] inline phrase term(std::string_view english) {
    return phrase{std::string{english}, std::string{text::catalogue::of(text::language::id).find(english, "what")}};
}

/// `what` as the reader gave it: a phrase made with say() as it is, plain
/// text through term().
[[nodiscard]] inline phrase subject(const phrase& what) {
    return what.id.empty() ? term(what.en) : what;
}

/// A count in both languages' digit grouping: "12345" in English (as the
/// messages always wrote it), "12.345" in Indonesian.
template <class N>
requires std::is_integral_v<N>
[[nodiscard]] phrase grouped(N n) {
    std::string en = fmt::format("{}", n);
    if constexpr (std::is_unsigned_v<N>) {
        if (n > static_cast<std::make_unsigned_t<std::int64_t>>(INT64_MAX)) return phrase{en};
    }
    return phrase{std::move(en), text::messages(text::language::id).number(static_cast<std::int64_t>(n))};
}

}  // namespace jadwal::load::detail
