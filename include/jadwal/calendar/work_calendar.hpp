// Expands work patterns, seasons, rotations, holidays, leave and duties into
// interval sets per employee: the calendar engine of docs/model.md ("Calendars").
#pragma once

#include <jadwal/time/interval_set.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/text/messages.hpp>

#include <memory>

namespace jadwal::calendar {

/// What an employee's time looks like over a range of dates.
///  - working:     expected at work (pattern, minus holidays that apply, minus leave)
///  - busy:        blocked by a duty (in or outside working time)
///  - unavailable: leave, holidays, busy time, rest after a night shift
///  - breaks:      the pattern's breaks (lunch, Friday prayer) on days worked:
///                 neither working nor free time
///  - free:        neither working, nor a break, nor unavailable
/// working, breaks and free are disjoint; busy is a subset of unavailable; a
/// minute may be both working and unavailable (a duty during office hours).
struct availability {
    interval_set working;
    interval_set busy;
    interval_set unavailable;
    interval_set free;
    interval_set breaks;
};

/// What a labelled piece of time is.
enum class time_kind {
    working,     ///< expected at work
    busy,        ///< a duty
    unavailable,  ///< leave, a holiday, rest after a night shift
    break_time    ///< a break of the work pattern (lunch, Friday prayer)
};

/// Where a piece of time came from, for `jadwal availability` output. Pieces may
/// overlap (a duty inside office hours is both a working and a busy piece).
struct labelled_interval {
    interval span;
    time_kind kind = time_kind::working;
    std::string label;  ///< e.g. "office", "office/ramadan", "shift M", "holiday: Nyepi", "leave", "duty: apel", "rest after night shift", "break (office)"
};

[[nodiscard]] std::string_view to_string(time_kind k);

/// A labelled_interval's label ("leave", "holiday: Nyepi (cuti bersama)", "duty: apel",
/// "rest after night shift", "break (office)") in the language of `m`; a label of
/// another shape (a pattern's own name) is given as it is.
[[nodiscard]] std::string label_words(const text::messages& m, const std::string& label);

class work_calendar {
public:
    /// Keeps a reference to the scenario; it must outlive the calendar.
    explicit work_calendar(const model::scenario& s);
    ~work_calendar();
    work_calendar(work_calendar&&) noexcept;
    work_calendar& operator=(work_calendar&&) noexcept;

    /// Local dates [days.first, days.last] in the employee's zone. Ranges inside the
    /// scenario's horizon are served from the caches; others are expanded on the fly.
    [[nodiscard]] availability employee(model::employee_index e, date_range days) const;
    /// The same with a reason label on every piece, sorted by start (for people).
    [[nodiscard]] std::vector<labelled_interval> explain(model::employee_index e, date_range days) const;

    /// Working time of a pattern for a given zone, rotation offset and holiday rule,
    /// before leave, over the whole horizon (plus shifts of the days just before it
    /// that run into it). Results are cached by (pattern, zone, offset modulo the
    /// cycle, effective holiday rule); the caches are locked, so a const
    /// work_calendar may serve several threads at once.
    [[nodiscard]] const interval_set& pattern_working(model::pattern_index p, const date::time_zone& zone,
                                                      int rotation_offset, model::holiday_rule rule,
                                                      bool works_collective_leave) const;
    /// The breaks of the same expansion (empty for patterns without breaks).
    [[nodiscard]] const interval_set& pattern_breaks(model::pattern_index p, const date::time_zone& zone,
                                                     int rotation_offset, model::holiday_rule rule,
                                                     bool works_collective_leave) const;

    /// Every critical period of the unit, in the order written, as whole local days
    /// in the unit's zone, with its weight.
    [[nodiscard]] std::vector<std::pair<interval, double>> critical_periods(model::unit_index u) const;

    /// The whole horizon of the scenario as instants in the scenario zone.
    [[nodiscard]] interval horizon() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// The local date of instant `t` in `zone`.
[[nodiscard]] local_date local_day(instant t, const date::time_zone& zone);
/// Converts a local wall-clock minute in `zone` to an instant. Non-existent
/// local times (DST gaps) map to the first valid instant after the gap;
/// ambiguous ones (overlaps) to the earlier instant.
[[nodiscard]] instant to_instant(local_minute t, const date::time_zone& zone);
/// Formats an instant as ISO 8601 with the zone's offset, e.g. 2026-03-16T08:00:00+07:00.
[[nodiscard]] std::string format_instant(instant t, const date::time_zone& zone);

}  // namespace jadwal::calendar
