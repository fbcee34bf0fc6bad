// ISO weeks (Monday to Sunday), the weeks of the weekly after-hours limits,
// the instructors' evenings and the report's week columns. Header-only.
#pragma once

#include <cstdint>
#include <jadwal/time/civil.hpp>

namespace jadwal::calendar {

/// The Monday of the ISO week that holds `d`.
[[nodiscard]] constexpr local_date week_monday(local_date d) {
    return d - date::days{date::weekday{d}.iso_encoding() - 1};
}

/// A number per ISO week, consecutive across years (not the week-of-year):
/// weeks are counted from the one holding 1970-01-01, which is week 0.
[[nodiscard]] constexpr std::int64_t week_number(local_date d) {
    // 1970-01-01 was a Thursday, so its week's Monday is 3 days before it.
    return (week_monday(d).time_since_epoch().count() + 3) / 7;
}

}  // namespace jadwal::calendar
