// iCalendar (RFC 5545) files of a plan (docs/outputs.md "Calendar files"): one
// calendar per employee with training, per cohort, per instructor who teaches
// and per venue used, each a METHOD:PUBLISH file to import or subscribe to
// (organizer, no attendees, reminders), with a METHOD:CANCEL file next to it
// (naming whom each event is cancelled for) when a re-plan removed events that
// the previous plan had published there. Both pass the iTIP rules of RFC 5546
// as libical's icalrestriction_check reads them. docs/outputs.md ("Calendar
// files") describes the layout, the methods, the UID scheme, SEQUENCE and
// cancellation, reminders, languages and time zones.
#pragma once

#include <jadwal/text/language.hpp>
#include <jadwal/time/civil.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/model/plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jadwal::output {

struct ics_options {
    /// The plan these calendars replace, for the same scenario (its indices
    /// index `s`): events it published that the new plan lacks are cancelled.
    /// nullptr: a first plan, nothing to cancel.
    const model::solution* previous = nullptr;
    /// With `previous`: the re-plan instant. An event of the previous plan that
    /// started before it is history: when the new plan no longer has it (a
    /// make-up's person left the cohort they partly attended) it stays in the
    /// files as it was instead of being cancelled. none: every event the new
    /// plan lacks is cancelled.
    std::optional<calendar::instant> past_until;
    /// DTSTAMP of every event, i.e. when the calendars were made. Passed in
    /// rather than read from the clock so the same inputs give the same bytes.
    calendar::instant dtstamp{};
    /// PRODID (RFC 5545 3.7.3).
    std::string product_id = "-//jadwal//jadwal//EN";
    /// The right-hand side of every UID (`...@jadwal`). An organisation
    /// publishing to calendars shared with others should use a domain of its
    /// own, such as `bkpsdmd.batangharikab.go.id`, so that UIDs stay globally
    /// unique. Only letters, digits, `.` and `-` are kept as they are.
    std::string uid_domain = "jadwal";
    /// Reminders (VALARM) in each event that takes place, in minutes before
    /// its start (a negative value: after it); written earliest first, each
    /// value once, whatever the order here. Empty: none. Default: a day and
    /// 30 minutes before.
    std::vector<int> reminder_minutes{24 * 60, 30};
    /// The language of what people read (docs/languages.md); none: the
    /// scenario's `locale`, else English.
    std::optional<text::language> language;
};

/// The files under `calendars/`, in this order: cohorts (plan order, then
/// cohorts only the previous plan had), employees, instructors and venues
/// (scenario order); each `.ics` directly followed by its `.cancel.ics` when
/// there is one. Paths:
///   calendars/cohorts/<id>.ics       every session of the cohort, all attendees
///   calendars/employees/<id>.ics     the person's sessions and study blocks
///   calendars/instructors/<id>.ics   the sessions of the cohorts they teach
///   calendars/venues/<id>.ics        the classroom sessions held there
/// with <id> encoded for file names (docs/outputs.md). The same inputs give
/// byte-identical files. Throws jadwal::error (errc::parse) when either plan refers
/// to a programme, module, employee, instructor, venue or platform the
/// scenario lacks, repeats a cohort id, or has a session or block that does
/// not end after it starts.
[[nodiscard]] output_files calendar_files(const model::scenario& s, const model::solution& sol,
                                          const ics_options& o = {});

/// One calendar as text: the METHOD:PUBLISH file, and the METHOD:CANCEL file
/// for what a re-plan removed (empty when it removed nothing or when
/// ics_options::previous is not set).
struct ics_calendar {
    std::string publish;
    std::string cancel;
};

/// The calendar of one employee, exactly as calendar_files writes it to
/// calendars/employees/<id>.ics (and .cancel.ics). For someone without
/// training it holds only the VTIMEZONE of their zone. Throws as calendar_files.
[[nodiscard]] ics_calendar employee_calendar(const model::scenario& s, const model::solution& sol,
                                             model::employee_index employee, const ics_options& o = {});

}  // namespace jadwal::output
