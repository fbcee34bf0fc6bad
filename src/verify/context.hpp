// What the checks of `verify` share: the inputs, the calendar engine, the
// violations found so far, and the facts one check derives for the next
// (each person's training time, who is placed where). The checks run in the
// order verify.cpp gives; each file below fills in its part.
#pragma once

#include <cstdint>
#include <jadwal/time/interval_set.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/text/messages.hpp>
#include <jadwal/verify/verify.hpp>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace jadwal::verify::detail {

using calendar::instant;
using calendar::interval;
using calendar::interval_set;
using calendar::local_date;
using calendar::local_day;
using calendar::minutes;

inline constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

/// One stretch of one person's training: a session (with travel) or a study block.
struct item {
    interval span;                ///< with travel before and after
    interval core;                ///< the session or block itself
    std::uint32_t cohort = none;  ///< index into solution::cohorts; none for a study block
    std::uint32_t index = 0;      ///< session index in the cohort, or study block index
};

/// Which of a mode's windows (that the policy allows) hold a stretch of time,
/// by what an employee must accept to use them.
struct window_fit {
    bool open = false;         ///< a window anyone may use (working hours)
    bool after_hours = false;  ///< a window for those who accept after hours
    bool weekend = false;      ///< a window for those who accept weekends
    [[nodiscard]] bool any() const { return open || after_hours || weekend; }
    [[nodiscard]] bool allows(const model::acceptance& a) const {
        return open || (after_hours && a.after_hours) || (weekend && a.weekend);
    }
};

class context {
public:
    context(const model::scenario& sc, const model::solution& so, const model::policy& po, text::messages msg);

    const model::scenario& s;
    const model::solution& sol;
    const model::policy& pol;
    calendar::work_calendar cal;
    const date::time_zone& zone;  ///< the scenario's
    interval horizon;             ///< the whole horizon as instants
    text::messages m;             ///< the language of the messages

    // ------------------------------------------------------------ findings
    std::vector<violation> violations;
    std::vector<violation> warnings;

    /// Subjects of a finding; empty strings where none applies.
    struct about {
        std::string employee, cohort, resource;
    };
    void add(std::string code, std::string message, std::optional<instant> when = std::nullopt, about who = {});
    void warn(std::string code, std::string message, std::optional<instant> when = std::nullopt, about who = {});

    // ------------------------------------------------------------ derived facts
    /// Per cohort: the mode offer it runs under (nullptr: the programme has none of its mode).
    std::vector<const model::mode_offer*> offer;
    /// Per cohort: whether its programme index is valid (else nothing else is checked).
    std::vector<bool> cohort_ok;
    /// Per cohort and session: the session has a usable time (module known, end after start).
    std::vector<std::vector<bool>> session_ok;
    /// Per employee: their training, sorted by start once the people check ran.
    std::vector<std::vector<item>> items;
    /// Per employee: union of training (with travel), and the part of it in working time.
    std::vector<interval_set> training, absent;
    /// Per employee: training minutes inside / outside working time, and weighted.
    std::vector<std::int64_t> disruption_minutes, after_hours_minutes;
    std::vector<double> disruption_weighted;
    /// Per employee: preference misses (docs/model.md "Preferences"; check_preferences.cpp).
    std::vector<std::int64_t> preference_misses;
    std::int64_t max_after_hours_week = 0;
    /// Per employee: the most after-hours minutes in one ISO week.
    std::vector<std::int64_t> max_after_hours_week_of;
    /// Per employee: after-hours minutes per ISO week (its Monday), sorted by Monday.
    std::vector<std::vector<std::pair<local_date, std::int64_t>>> after_hours_weeks;
    /// Per employee: local dates with assigned-duty training (docs/model.md "Assigned duty"), sorted.
    std::vector<std::vector<local_date>> duty_dates;
    std::int64_t duty_minutes = 0;
    /// Per employee: dates of the days in lieu that check_lieu accepted (for the shift minimums).
    std::vector<std::vector<local_date>> lieu_dates;
    std::int64_t days_in_lieu = 0;
    /// (employee, programme) -> demand item index.
    std::unordered_map<std::uint64_t, std::uint32_t> demand_of;
    /// Per demand item: placed as docs/model.md "Demand and placement" says.
    std::vector<bool> placed;
    /// Per (employee, programme) with study blocks: every module's blocks add up exactly.
    std::unordered_map<std::uint64_t, bool> study_complete;
    /// Per (employee, programme) with study blocks: when the last block ends.
    std::unordered_map<std::uint64_t, instant> study_end;
    /// (employee, programme) studied by watching a recording / as catalogue top-up.
    std::unordered_map<std::uint64_t, bool> recording_study, top_up_study;
    /// Per employee: JP the training history shows earned in the plan's year (the
    /// year the horizon starts in; an entry counts by its end date). Computed here,
    /// not by scenario::earned_jp(): the checker is a separate code path.
    std::vector<std::int64_t> earned_jp;
    /// Per employee: JP of complete top-up study by the horizon's end, and its smallest item.
    std::vector<std::int64_t> top_up_jp, top_up_smallest;
    std::int64_t top_up_placed = 0, recording_placed = 0;
    /// Per employee: the smallest top-up item that could still be dropped (begun at or
    /// after the re-plan instant; 0: none). Study under way when re-planning happened.
    std::vector<std::int64_t> top_up_droppable;
    /// With a previous plan: the re-plan instant.
    std::optional<instant> replan_from;
    /// The previous plan of a re-plan (verify::previous_plan::plan), or null.
    const model::solution* previous = nullptr;
    /// Per unit: the most staff in training in working time at once, and the limit.
    std::vector<std::int64_t> unit_max_absent, unit_limit, unit_headcount;
    std::int64_t changes = 0;
    std::map<std::string, std::int64_t> changes_by_reason;  ///< "repair", "placement", "other"
    /// JP of demand the previous plan placed and this one does not (docs/model.md "Stability").
    double dropped_jp_mandatory = 0, dropped_jp_elective = 0;
    std::int64_t dropped = 0;  ///< those demand items
    double budget_cost = 0;
    std::int64_t classroom_cohorts = 0;

    // ------------------------------------------------------------ helpers
    static std::uint64_t key(model::employee_index e, model::program_index p) {
        return (std::uint64_t{e.value} << 32) | p.value;
    }
    [[nodiscard]] std::optional<std::uint32_t> demand(model::employee_index e, model::program_index p) const;
    /// End of the demand's deadline day in the employee's zone, else the horizon's end.
    [[nodiscard]] instant deadline_end(model::employee_index e, model::program_index p) const;

    [[nodiscard]] bool valid(model::employee_index e) const { return e.valid() && e.value < s.employees.size(); }
    [[nodiscard]] bool valid(model::program_index p) const { return p.valid() && p.value < s.programs.size(); }

    /// "Siti Rahmawati (198203142006041002)".
    [[nodiscard]] std::string who(model::employee_index e) const;
    /// The employee's zone.
    [[nodiscard]] const date::time_zone& zone_of(model::employee_index e) const;
    /// "2026-04-07 08:00" in `z` (English); "Sel, 7 Apr 2026 08.00" (Indonesian).
    [[nodiscard]] std::string at(instant t, const date::time_zone& z) const;
    /// "2026-04-07 08:00-11:00", or "2026-04-07 21:00 to 2026-04-08 07:00".
    [[nodiscard]] std::string span(interval i, const date::time_zone& z) const;
    /// A date: "2026-04-07" (English), "7 Apr 2026" (Indonesian).
    [[nodiscard]] std::string date_text(local_date d) const;
    /// A whole number: "1440" (English, as the messages always printed it), "1.440" (Indonesian).
    [[nodiscard]] std::string num(std::int64_t n) const;
    /// A month: "2026-09" (English), "September 2026" (Indonesian).
    [[nodiscard]] std::string month_text(int year, unsigned month) const;
    /// "12:00-13:00" / "12.00–13.00".
    [[nodiscard]] std::string clock_range(const calendar::clock_range& r) const;
    /// "the policy" or "policy 'name'", in the messages' language.
    [[nodiscard]] std::string policy_name() const;
    /// A delivery mode: its model name in English ("online_live"), its word in Indonesian.
    [[nodiscard]] std::string mode_name(model::delivery_mode mode) const;
    /// A window kind: its model name in English ("after_hours"), its words in Indonesian.
    [[nodiscard]] std::string window_name(model::window_kind w) const;
    /// A label of work_calendar::explain ("leave", "duty: apel", "holiday: Nyepi",
    /// "rest after night shift", "break (office)") in the messages' language.
    [[nodiscard]] std::string label_words(const std::string& label) const;
    /// "module m2 (part 2) of cohort keuda-01 on 2026-04-08 13:00-16:00".
    [[nodiscard]] std::string describe_session(std::uint32_t cohort, std::uint32_t session) const;
    [[nodiscard]] std::string describe_block(std::uint32_t block) const;
    [[nodiscard]] std::string describe(const item& it) const;

    /// Minutes from local midnight of local_day(t) to t.
    [[nodiscard]] static std::int64_t local_minute_of_day(instant t, const date::time_zone& z);
    [[nodiscard]] bool is_holiday(local_date d) const;

    /// The windows of `offer` that the policy allows and that wholly hold [start, end)
    /// (docs/model.md "Sessions and windows").
    [[nodiscard]] window_fit fit(const model::mode_offer& mo, interval i) const;
    [[nodiscard]] bool policy_allows(model::delivery_mode m) const;
    /// Whether a session is evening teaching of the instructor (docs/model.md
    /// "Instructors in the evening"): outside their pattern's working time, wholly
    /// inside their evening hours on a Monday-Friday that is not a holiday
    /// (scenario zone).
    [[nodiscard]] bool instructor_evening(const model::instructor& ins, interval span) const;
    /// Travel minutes each way between an employee's unit and a venue.
    [[nodiscard]] minutes travel(model::employee_index e, model::venue_index v) const;

private:
    std::vector<local_date> holiday_dates_;  // sorted, unique
};

/// A maximal stretch of time in which more than a limit of some intervals overlap.
struct crowding {
    interval span;
    std::int64_t peak = 0;  ///< the most at once inside it
};
/// The crowdings of `items` over `limit`; `peak` receives the most at once overall.
[[nodiscard]] std::vector<crowding> over_limit(std::vector<interval> items, std::int64_t limit, std::int64_t& peak);

/// Calls f(local date, minutes) for the part of `i` on each local day of `z`, in order.
template <class F>
void for_each_day(interval i, const date::time_zone& z, F&& f) {
    instant t = i.start;
    while (t < i.end) {
        const local_date d = local_day(t, z);
        const instant next = std::min(i.end, calendar::to_instant(calendar::local_minute{d + date::days{1}}, z));
        if (next <= t) break;  // cannot happen for real zones; guards against a loop
        f(d, (next - t).count());
        t = next;
    }
}

// The checks, in the order verify() runs them.
void check_cohorts(context& c);                              // check_cohorts.cpp
void check_study(context& c);                                // check_study.cpp
void check_placement(context& c);                            // check_placement.cpp
void check_resources(context& c);                            // check_resources.cpp
void check_people(context& c);                               // check_people.cpp
void check_lieu(context& c);                                 // check_lieu.cpp
void check_staffing(context& c);                             // check_staffing.cpp
void check_budget(context& c);                               // check_budget.cpp
void check_preferences(context& c);                          // check_preferences.cpp
void check_previous(context& c, const previous_plan& prev);  // check_previous.cpp
void check_makeups(context& c, const previous_plan& prev);   // check_makeups.cpp
void score(context& c, report& r);                           // score.cpp

}  // namespace jadwal::verify::detail
