// Make-ups from attendance records (docs/attendance.md "Make-ups"): which
// demand items of a published plan a re-plan re-opens because their people
// missed what happened before the re-plan instant, and the published plan with
// those items taken out, for the solver to re-plan against (and `verify` to
// check against).
#pragma once

#include <jadwal/compare/attendance.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/text/messages.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::compare {

struct makeup_reopening {
    /// The published plan without the re-opened items: their people leave the
    /// cohort they missed, their study blocks of the programme go. Everything
    /// else is as published, so it stays locked as the re-planning rules say.
    model::solution previous;
    /// The re-opened items, by employee index then programme index.
    std::vector<model::makeup> makeups;
    std::int64_t records_missed = 0;     ///< rows of a missed past session or skipped past study
    std::int64_t records_unmatched = 0;  ///< rows naming no past session or study of the person in the plan
};

/// Reads the records against the published plan `previous` and the re-plan
/// instant. A live row (person, programme, module, start) matches a session of
/// the person's cohort of that programme starting before `replan_from`; a
/// self-paced row a study block of that module of the person's starting before
/// it. An item (person, programme) is re-opened when, in some module, the
/// person missed more matched live sessions than
/// `s.attendance.missed_sessions_allowed`, or skipped (attended 0) a matched
/// self-paced module. A row repeated counts once. Rows naming a person,
/// programme or module the scenario lacks are errors, appended to `errors`
/// located in `file` (E-REF-EMPLOYEE, E-REF-PROGRAM, E-REF-MODULE), messages
/// in `m`'s language; then nothing is re-opened. Deterministic: the result
/// does not depend on the rows' order.
[[nodiscard]] makeup_reopening reopen_makeups(const model::scenario& s, const model::solution& previous,
                                              std::span<const attendance_record> records,
                                              calendar::instant replan_from, std::string_view file,
                                              const text::messages& m, std::vector<load::diagnostic>& errors);

/// The records as CSV text (parse_attendance_records), then reopen_makeups:
/// every problem of the file, its syntax and the ids it names, goes to
/// `errors` in file order (line, then column); with any, nothing is re-opened.
[[nodiscard]] makeup_reopening reopen_makeups_csv(const model::scenario& s, const model::solution& previous,
                                                  std::string_view csv, calendar::instant replan_from,
                                                  std::string_view file, const text::messages& m,
                                                  std::vector<load::diagnostic>& errors);

/// Both, each problem appended to `errors` as record_error writes it
/// ("file:line:col: error: message [CODE]").
[[nodiscard]] makeup_reopening reopen_makeups(const model::scenario& s, const model::solution& previous,
                                              std::span<const attendance_record> records,
                                              calendar::instant replan_from, std::string_view file,
                                              const text::messages& m, std::vector<std::string>& errors);
[[nodiscard]] makeup_reopening reopen_makeups_csv(const model::scenario& s, const model::solution& previous,
                                                  std::string_view csv, calendar::instant replan_from,
                                                  std::string_view file, const text::messages& m,
                                                  std::vector<std::string>& errors);

}  // namespace jadwal::compare
