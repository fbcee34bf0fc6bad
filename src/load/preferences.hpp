// Personal preferences (an employee's `preferences` map, the preference
// columns of an employees CSV) and a unit's `preferred_days`: read into
// model::preferences by read_preferences.cpp. The YAML and the CSV share the
// parsing of each word, so both accept and refuse the same values.
#pragma once

#include "context.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>


namespace jadwal::load::detail {

/// An employee's `preferences` map (docs/format.md "Personal preferences").
[[nodiscard]] model::preferences read_preferences(load_context& c, const yval& v);

/// A unit's `preferred_days`: a DAYSPEC or a list of them (E-WEEKDAY).
[[nodiscard]] std::optional<std::uint8_t> read_preferred_days(load_context& c, const yval& v);

/// The preference columns of an employees CSV.
enum class preference_column { prefer_modes, refuse_modes, prefer_days, prefer_times, avoid_days };

/// One CSV cell of a preference column: values separated by `;`, each read as
/// in YAML. Problems are reported at `at` with `column` as the path. Read the
/// preferred modes before the refused ones: a mode in both is E-PREFERENCE-CONFLICT.
void read_preference_cell(load_context& c, preference_column col, std::string_view text, loc at,
                          const std::string& column, model::preferences& out);

}  // namespace jadwal::load::detail
