// Public holidays and collective leave, with the built-in Indonesian sets, and
// the Ramadan season (official dates where known, an arithmetic estimate otherwise).
#pragma once

#include <jadwal/time/holiday.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::calendar {

/// Names of built-in sets, e.g. "id-2026", "id-2027".
[[nodiscard]] std::span<const std::string_view> builtin_holiday_set_names();
/// The holidays of a built-in set, or nullopt for an unknown name.
[[nodiscard]] std::optional<std::vector<holiday>> builtin_holidays(std::string_view set_name);


struct season_dates {
    date_range days;
    bool estimated = false;  ///< true when computed, not from an official decision
};

/// Ramadan starting in the given Gregorian year: the official dates when the
/// library knows them (1447 H: 2026-02-19..2026-03-20), otherwise an estimate
/// from the arithmetic Islamic calendar, marked `estimated`.
[[nodiscard]] season_dates ramadan(int gregorian_year);
/// The arithmetic-calendar estimate alone (for tests and documentation).
[[nodiscard]] date_range estimated_ramadan(int gregorian_year);

}  // namespace jadwal::calendar
