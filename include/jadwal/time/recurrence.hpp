// The recurrence-rule value (RFC 5545 RRULE subset) a recurring duty carries.
// Parsing and expansion are in the calendar layer (jadwal/calendar/rrule.hpp).
#pragma once

#include <jadwal/time/civil.hpp>
#include <optional>
#include <vector>

namespace jadwal::calendar {

enum class frequency { daily, weekly, monthly };

struct weekday_rule {
    date::weekday day{};
    int ordinal = 0;  ///< 0: every such weekday; 1..5 or -1..-5: the n-th in the month
    friend bool operator==(const weekday_rule&, const weekday_rule&) = default;
};

struct rrule {
    frequency freq = frequency::weekly;
    int interval = 1;
    std::vector<weekday_rule> by_day;
    std::vector<int> by_month_day;  ///< 1..31 or -31..-1
    std::optional<int> count;
    std::optional<local_date> until;  ///< inclusive
    friend bool operator==(const rrule&, const rrule&) = default;
};

}  // namespace jadwal::calendar
