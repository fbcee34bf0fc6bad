// Parsers for the small textual values of the format (numbers, booleans,
// weekday specs, staffing limits, ids), shared by the YAML and the CSV readers,
// each with a message for what it refused.
#pragma once

#include "say.hpp"

#include <jadwal/model/scenario.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jadwal::load::detail {

enum class num_status { ok, syntax, range };

struct int_result {
    num_status status = num_status::syntax;
    std::int64_t value = 0;
};
/// Decimal integer with an optional sign; `range` when it does not fit 64 bits.
[[nodiscard]] int_result parse_integer(std::string_view s);

struct real_result {
    num_status status = num_status::syntax;
    double value = 0;
};
/// Decimal number (integer, fraction or exponent form); no inf/nan/hex.
[[nodiscard]] real_result parse_real(std::string_view s);

/// true/false/yes/no, any case; `lenient` also accepts 1/0 and ya/tidak (CSV).
[[nodiscard]] std::optional<bool> parse_bool(std::string_view s, bool lenient);

/// A weekday spec: "mon", "mon-thu", "sat-mon" (wraps), "mon,wed,fri", "daily",
/// "weekdays", "weekend"; any case. Bit d is date::weekday::c_encoding() d.
/// On failure returns nullopt and sets `problem`.
[[nodiscard]] std::optional<std::uint8_t> parse_weekdays(std::string_view s, phrase& problem);
[[nodiscard]] std::string format_weekdays(std::uint8_t mask);

/// "10%" (a share in (0, 100]) or a whole count >= 1. On failure sets `problem`
/// and `is_type` (false when it is a number out of range).
[[nodiscard]] std::optional<model::staffing_limit> parse_staffing_limit(std::string_view s, phrase& problem,
                                                                        bool& is_type);

/// Why parse_date refused `s`, as a sentence fragment ("... is not a date ...").
[[nodiscard]] phrase date_problem(std::string_view s);
/// Why parse_clock_range refused `s`.
[[nodiscard]] phrase clock_range_problem(std::string_view s);

/// Empty when `id` is acceptable as an identifier; else why not.
[[nodiscard]] phrase id_problem(std::string_view id);

/// Empty when `s` is one e-mail address: `local@domain`, a dot in the
/// domain, at most 254 bytes, no spaces, control characters, quotes, commas,
/// semicolons or angle brackets (which would make it a list or a display
/// name). Else why not.
[[nodiscard]] phrase email_problem(std::string_view s);
/// Empty when `s` is an absolute `http://` or `https://` URL with a host and
/// no spaces, quotes, angle brackets or control characters; else why not.
[[nodiscard]] phrase url_problem(std::string_view s);

/// True for an 18-digit NIP.
[[nodiscard]] bool is_nip(std::string_view s);
/// A hint for a NIP a spreadsheet turned into a number ("1.98203E+17"), else empty.
[[nodiscard]] phrase nip_hint(std::string_view s);

/// User text for a message: single-quoted, control characters escaped, long text cut.
[[nodiscard]] std::string in_quotes(std::string_view s);

[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] std::string lower(std::string_view s);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);

/// "a, b and c" of quoted ids, at most `max` shown ("... and 3 more").
[[nodiscard]] phrase list_of(const std::vector<std::string>& ids, std::size_t total, std::size_t max = 3);

}  // namespace jadwal::load::detail
