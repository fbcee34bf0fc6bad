// What every writer of human-facing text takes: the messages and the formats
// of one language (docs/languages.md). A small value, cheap to copy; pass it
// down, do not keep a global.
//
//     const text::messages m(text::language::id);
//     m.tr("classroom")                                  // "klasikal"
//     m.format("{} is not available", name)              // "{} tidak tersedia"
//     m.plural("{} cohort", "{} cohorts", n, m.number(n))
//     m.number(5179655)                                  // "5.179.655"
//     m.percent(0.655)                                   // "65,5%"
//     m.day(d, text::date_style::full)                   // "Kamis, 10 September 2026"
//     m.clock(minutes{450})                              // "07.30"
//
// Numbers in messages go through number(): `{}` of an integer prints it
// without the language's digit grouping.
#pragma once

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <jadwal/text/catalogue.hpp>
#include <jadwal/text/language.hpp>
#include <jadwal/time/civil.hpp>
#include <string>
#include <string_view>

namespace jadwal::text {

enum class date_style : std::uint8_t {
    full,     ///< "Kamis, 10 September 2026" / "Thursday, 10 September 2026"
    medium,   ///< "Kam, 10 Sep 2026" / "Thu, 10 Sep 2026"
    short_,   ///< "10 Sep 2026"
    numeric,  ///< "10/09/2026" (id) / "2026-09-10" (en)
};

class messages {
public:
    explicit messages(language l = language::en) : cat_(&catalogue::of(l)) {}
    explicit messages(const catalogue& c) : cat_(&c) {}

    [[nodiscard]] language lang() const { return cat_->lang(); }
    [[nodiscard]] const catalogue& messages_catalogue() const { return *cat_; }

    /// The translation of a fixed text.
    [[nodiscard]] std::string_view tr(std::string_view id) const { return cat_->find(id); }
    /// The same, for one use of a word that has several (msgctxt).
    [[nodiscard]] std::string_view tr_in(std::string_view context, std::string_view id) const {
        return cat_->find(id, context);
    }

    /// The translation of `id` with its placeholders filled in. A translation
    /// whose placeholders do not fit the arguments (tests keep them from
    /// shipping) falls back to the English text rather than throwing.
    template <class... Args>
    [[nodiscard]] std::string format(std::string_view id, const Args&... args) const {
        return fill(cat_->find(id), id, args...);
    }

    /// As format(), choosing the singular or the plural form for `n`.
    template <class... Args>
    [[nodiscard]] std::string plural(std::string_view id, std::string_view id_plural, std::int64_t n,
                                     const Args&... args) const {
        return fill(cat_->find_plural(id, id_plural, n), n == 1 ? id : id_plural, args...);
    }

    // Formats.
    /// 5179655 as "5.179.655" (id) or "5,179,655" (en).
    [[nodiscard]] std::string number(std::int64_t n) const;
    /// With `decimals` places: 1234.5 as "1.234,5" (id) or "1,234.5" (en).
    [[nodiscard]] std::string number(double x, int decimals) const;
    /// A ratio as a percentage: 0.655 as "65,5%" (id) or "65.5%" (en).
    [[nodiscard]] std::string percent(double ratio, int decimals = 1) const;
    /// A sum of money, whole units with grouping: "Rp 1.250.000" for IDR in
    /// Indonesian, "IDR 1,250,000" in English; other currencies by code.
    [[nodiscard]] std::string money(double amount, std::string_view currency) const;
    [[nodiscard]] std::string weekday_name(::date::weekday wd, bool abbreviated = false) const;
    [[nodiscard]] std::string month_name(::date::month m, bool abbreviated = false) const;
    [[nodiscard]] std::string day(calendar::local_date d, date_style style = date_style::full) const;
    /// A clock time, minutes since midnight (1440 and more wrap to the next
    /// day): "07.30" (id) or "07:30" (en).
    [[nodiscard]] std::string clock(std::chrono::minutes since_midnight) const;
    /// "07.30–12.00" / "07:30–12:00".
    [[nodiscard]] std::string clock_range(std::chrono::minutes start, std::chrono::minutes end) const;
    /// A local date and clock range: "Kam, 10 Sep 2026 07.30–12.00".
    [[nodiscard]] std::string when(calendar::local_minute start, calendar::local_minute end) const;
    /// A duration in minutes as people say it: "1 jam 30 menit" / "1 h 30 min".
    [[nodiscard]] std::string duration(std::chrono::minutes m) const;

private:
    template <class... Args>
    static std::string fill(std::string_view text, std::string_view fallback, const Args&... args) {
        if constexpr (sizeof...(Args) == 0) {
            (void)fallback;
            return std::string(text);
        } else {
            try {
                return fmt::format(fmt::runtime(text), args...);
            } catch (const fmt::format_error&) {
                return fmt::format(fmt::runtime(fallback), args...);
            }
        }
    }

    const catalogue* cat_;
};

}  // namespace jadwal::text
