// Assigned-duty time (docs/model.md "Assigned duty"): the part of an employee's
// days that a policy's `assigned_duty` rule lets training use as a working day
// under a surat tugas. The solver compiles it into day profiles; `verify` asks
// for it per person; both read the rule's meaning here.
#pragma once

#include <jadwal/calendar/work_calendar.hpp>

namespace jadwal::calendar {

/// Whether local date `d` is an assigned-duty date of employee `e` under `rule`:
/// a rostered day off of their rotation (no shift starts on it) when the rule
/// says `rostered_days_off`, or a Monday-Friday inside a season the rule names
/// that the employee's pattern (not a rotation) has a variant for.
[[nodiscard]] bool assigned_duty_date(const model::scenario& s, const model::assigned_duty& rule,
                                      model::employee_index e, local_date d);

/// Whether the employee's pattern is a rotation, so that each duty day earns a
/// day off in lieu (when the rule's lieu window is positive).
[[nodiscard]] bool earns_days_in_lieu(const model::scenario& s, const model::assigned_duty& rule,
                                      model::employee_index e);

/// The assigned-duty time of employee `e` over local dates `days`: on each
/// assigned-duty date the rule's hours, minus what `av` (the employee's
/// availability over at least these dates) holds as working time, breaks or
/// unavailable (leave, holidays, duties, rest after a night shift).
[[nodiscard]] interval_set assigned_duty_time(const model::scenario& s, const model::assigned_duty& rule,
                                              model::employee_index e, date_range days, const availability& av);

/// The shift the employee's rotation rosters on local date `d` (nullptr: a day
/// off, or no rotation).
[[nodiscard]] const model::shift* rostered_shift(const model::scenario& s, model::employee_index e, local_date d);

}  // namespace jadwal::calendar
