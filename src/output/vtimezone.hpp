// Times in a calendar file are written as local times with a TZID, and each
// zone used gets a VTIMEZONE that says what those local times mean. The
// VTIMEZONE is built from the same time zone database the planner used
// (date::time_zone::get_info), one observance per offset period the events
// touch, so a reader converts every local time back to the planned instant
// without a database of its own and without guessing recurrence rules.
#pragma once

#include <jadwal/time/civil.hpp>

#include <date/tz.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace jadwal::output::detail {

/// The offset periods of one zone over the span of some events, grown on
/// demand. Not thread-safe (each calendar run owns its tables).
class zone_table {
public:
    explicit zone_table(const date::time_zone& zone);

    [[nodiscard]] const date::time_zone& zone() const { return *zone_; }
    [[nodiscard]] std::string_view name() const { return name_; }

    /// Makes sure the table covers every instant from `first` to `last`
    /// (inclusive), and the period before `first`'s.
    void cover(calendar::instant first, calendar::instant last);

    /// Appends `NAME;TZID=zone:local` for t, or `NAME:utcZ` when the local time
    /// is the second of two that clocks turned back over: a TZID time that
    /// occurs twice means the first (RFC 5545 3.3.5), so only UTC says which.
    /// The result is one content line, folded, with CRLF. Needs cover(t, t).
    void append_date_time(std::string& out, std::string_view name, calendar::instant t) const;

    /// Appends the VTIMEZONE for events from `first` to `last` (both covered):
    /// one STANDARD or DAYLIGHT observance for each run of equal offset,
    /// daylight flag and abbreviation, from the one holding `first` to the one
    /// holding `last`. The first observance starts at its period's begin (no
    /// earlier than 1970) with TZOFFSETFROM equal to TZOFFSETTO, since no event
    /// lies before it. The text is cached per span.
    void append_vtimezone(std::string& out, calendar::instant first, calendar::instant last);

private:
    struct period {
        date::sys_seconds begin, end;
        std::chrono::seconds offset{0};
        bool daylight = false;
        std::string abbrev;
    };
    [[nodiscard]] std::size_t index_of(date::sys_seconds t) const;
    void build_vtimezone(std::string& out, std::size_t first, std::size_t last) const;

    const date::time_zone* zone_;
    std::string name_;
    std::vector<period> periods_;  ///< contiguous, sorted by begin
    std::map<std::pair<date::sys_seconds, date::sys_seconds>, std::string> vtimezones_;
};

/// One table per zone, created on first use.
class zone_tables {
public:
    zone_table& of(const date::time_zone& zone);

private:
    std::map<const date::time_zone*, zone_table> tables_;
};

}  // namespace jadwal::output::detail
