// The RFC 5545 recurrence-rule subset jadwal needs for recurring duties:
// FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (with ordinals such as 1MO, -1FR
// for MONTHLY), BYMONTHDAY (negative counts from the month's end), COUNT, UNTIL.
#pragma once

#include <jadwal/time/recurrence.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::calendar {

struct rrule_parse_result {
    std::optional<rrule> rule;
    std::string error;      ///< empty on success
    std::size_t offset = 0;  ///< character offset of the offending part in the text
};

/// Parses e.g. "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231". Unknown or unsupported
/// parts are errors (a silent misreading of a duty would be worse): FREQ other
/// than DAILY/WEEKLY/MONTHLY, BYSETPOS, BYMONTH and the other BYxxx parts, COUNT
/// together with UNTIL, ordinals in BYDAY unless MONTHLY, BYMONTHDAY with
/// WEEKLY, and WKST other than MO (weeks start on Monday). Names and values are
/// case-insensitive; an "RRULE:" prefix is accepted. UNTIL may be a date or a
/// date-time; only its date is used.
[[nodiscard]] rrule_parse_result parse_rrule(std::string_view text);

/// The local dates on which the rule occurs, starting at `dtstart` (which counts
/// as the first occurrence only if it matches the rule), restricted to
/// [from, to] (inclusive) and without `except`. COUNT counts occurrences from
/// dtstart, including excluded ones, as RFC 5545 does.
[[nodiscard]] std::vector<local_date> occurrences(const rrule& rule, local_date dtstart,
                                                  date_range window,
                                                  const std::vector<local_date>& except = {});

}  // namespace jadwal::calendar
