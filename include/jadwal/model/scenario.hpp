// The training-scheduling model (docs/model.md, docs/format.md) as plain value types. A loaded
// scenario refers between entities by index (strong index types), never by
// string, so later stages (compiler, solver) can use it directly. Header-only
// (jadwal::model): it needs only date.h.
#pragma once

#include <jadwal/model/index.hpp>
#include <jadwal/time/civil.hpp>
#include <jadwal/time/holiday.hpp>
#include <jadwal/text/language.hpp>
#include <jadwal/time/recurrence.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace date {
class time_zone;
}

namespace jadwal::model {

using calendar::clock_range;
using calendar::date_range;
using calendar::local_date;
using calendar::minutes;

using pattern_index = index<struct pattern_tag>;
using location_index = index<struct location_tag>;
using unit_index = index<struct unit_tag>;
using employee_index = index<struct employee_tag>;
using venue_index = index<struct venue_tag>;
using platform_index = index<struct platform_tag>;
using instructor_index = index<struct instructor_tag>;
using program_index = index<struct program_tag>;
using policy_index = index<struct policy_tag>;

/// Where an entity was written, for diagnostics found after loading.
struct source_mark {
    std::uint32_t file = 0;  ///< index into scenario::source_files
    std::int32_t line = 0;   ///< 1-based; 0 = unknown
    std::int32_t column = 0; ///< 1-based
};

// ---------------------------------------------------------------- work patterns

/// Intervals per weekday, indexed by date::weekday::c_encoding() (0 = Sunday).
struct weekly_hours {
    std::array<std::vector<clock_range>, 7> by_weekday;
    /// Breaks (lunch, Friday prayer) per weekday, same indexing: neither working
    /// nor free time. Each lies within the day's working span; the working
    /// hours minus the breaks are the working time (docs/model.md "Breaks").
    std::array<std::vector<clock_range>, 7> breaks;
};

/// A named set of date ranges (ramadan, school_holiday, ...). Patterns vary by season.
struct season {
    std::string id;
    std::vector<date_range> ranges;
    std::vector<bool> estimated;  ///< parallel to ranges
    source_mark mark;
};

struct shift {
    std::string code;  ///< e.g. "P", "S", "M"
    clock_range hours;
    bool night = false;  ///< rest after it is required (default: crosses midnight)
};

/// A shift rotation: day `anchor` is cycle[0] for offset 0; an employee with
/// offset k works cycle[(days since anchor + k) mod cycle length].
struct shift_rotation {
    local_date anchor{};
    std::vector<std::string> cycle;  ///< shift codes, or "off"
    std::vector<shift> shifts;
    [[nodiscard]] const shift* find(std::string_view code) const {
        for (const auto& s : shifts)
            if (s.code == code) return &s;
        return nullptr;
    }
};

enum class holiday_rule {
    all,            ///< no work on any holiday or collective leave day
    national_only,  ///< works on collective leave days, off on national/regional holidays
    none            ///< works every day of its pattern (24/7 services)
};

struct work_pattern {
    std::string id;
    /// Weekly hours, used when `rotation` is empty.
    weekly_hours week;
    /// Variants by season id; the first matching season on a date wins.
    std::vector<std::pair<std::string, weekly_hours>> seasonal;
    std::optional<shift_rotation> rotation;
    holiday_rule holidays = holiday_rule::all;
    source_mark mark;
};

// ---------------------------------------------------------------- places and units

/// A duty that blocks time: one-off (no rule: on `start`) or recurring.
struct duty {
    std::string what;
    local_date start{};  ///< date of a one-off duty, DTSTART of a recurring one
    std::optional<calendar::rrule> rule;
    clock_range time;
    std::vector<local_date> except;
};

struct location {
    std::string id, name;
    /// Travel time to other locations (symmetric once loaded).
    std::map<location_index, minutes> travel;
    source_mark mark;
};

/// A unit's limit on staff away for training during working time at once.
struct staffing_limit {
    enum class kind { share, count } type = kind::share;
    double share = 0.10;  ///< for kind::share: fraction of headcount (0..1]
    int count = 0;        ///< for kind::count
};

struct critical_period {
    date_range days;
    double weight = 1.0;
    std::string why;
};

struct unit {
    std::string id, name;
    std::string kind;  ///< free text used by demand filters: office, school, hospital, ...
    pattern_index pattern;
    location_index location;
    std::string district;
    const date::time_zone* zone = nullptr;  ///< nullptr: the scenario's zone
    staffing_limit max_absent;
    /// For rotations: minimum head count on duty per shift code.
    std::vector<std::pair<std::string, int>> min_on_duty;
    std::vector<critical_period> critical;
    std::optional<holiday_rule> holidays;  ///< overrides the pattern's rule
    std::vector<duty> duties;  ///< duties of every member of staff (e.g. Monday assembly)
    /// The unit's preferred training weekdays (bit d = c_encoding d; 0: none), for
    /// staff who state no preferred days of their own (docs/model.md "Preferences").
    std::uint8_t preferred_days = 0;
    source_mark mark;
};

// ---------------------------------------------------------------- employees

enum class employment_status { pns, pppk };
enum class delivery_mode { classroom, online_live, self_paced };

/// What one person asked for (docs/model.md "Preferences"). Refused modes are
/// hard: the person is never planned in them. The rest feed the objective's
/// preference term, one miss per placed item in a mode not preferred and one per
/// session or study block on a day not preferred, on a day avoided, or outside
/// the preferred times.
struct preferences {
    std::vector<delivery_mode> modes;          ///< preferred modes (empty: no preference)
    std::vector<delivery_mode> refused_modes;  ///< never planned in these
    std::uint8_t days = 0;                     ///< preferred weekdays, bit d = c_encoding d (0: none)
    std::vector<clock_range> times;            ///< preferred local clock ranges (empty: none)
    std::uint8_t avoid_weekdays = 0;           ///< bit d = c_encoding d
    std::vector<local_date> avoid_dates;       ///< sorted, unique
    [[nodiscard]] bool empty() const {
        return modes.empty() && refused_modes.empty() && days == 0 && times.empty() && avoid_weekdays == 0 &&
               avoid_dates.empty();
    }
};

struct acceptance {
    bool after_hours = true;
    bool weekend = false;
};

struct leave {
    date_range days;
    std::string why;
};

struct employee {
    std::string id;  ///< NIP (18 digits for civil servants) or another unique id
    std::string name;
    std::string email;  ///< optional ("" = none): the calendar address in iCalendar files
    unit_index unit;
    employment_status status = employment_status::pns;
    pattern_index pattern;   ///< invalid: the unit's pattern
    int rotation_offset = 0; ///< days added to the rotation index
    int jp_target = 0;       ///< annual JP target (PNS default 20)
    std::optional<int> jp_cap; ///< annual JP cap (PPPK default 24)
    acceptance accepts;
    bool works_collective_leave = false;
    const date::time_zone* zone = nullptr;  ///< nullptr: the unit's zone
    std::vector<leave> leaves;
    std::vector<duty> duties;
    model::preferences prefs;
    source_mark mark;
};

// ---------------------------------------------------------------- resources

struct venue {
    std::string id, name;
    int capacity = 0;
    location_index location;
    pattern_index pattern;  ///< when it can be used; invalid: any time
    std::vector<date_range> closed;
    double cost_per_day = 0;
    source_mark mark;
};

struct platform {
    std::string id, name;
    int concurrent = 1;  ///< meetings at once
    int capacity = 0;    ///< participants per meeting
    double cost_per_cohort = 0;
    std::string url;  ///< optional ("" = none): where participants join, an http(s) URL
    source_mark mark;
};

/// Teaching on weekday evenings outside the instructor's pattern, within limits
/// of their own (docs/model.md "Instructors in the evening").
struct instructor_evenings {
    clock_range hours{minutes{18 * 60 + 30}, minutes{21 * 60}};  ///< Monday-Friday, not holidays
    int max_per_week = 2;                ///< local dates with evening teaching per ISO week
    std::optional<double> cost_per_hour;  ///< evening rate; default: the instructor's cost_per_hour
};

struct instructor {
    std::string id, name;
    std::string email;  ///< optional ("" = none): the calendar address in iCalendar files
    pattern_index pattern;  ///< invalid: any time
    location_index location;
    int max_minutes_per_day = 360;
    std::optional<int> max_days_per_month;
    std::vector<date_range> unavailable;
    double cost_per_hour = 0;
    std::optional<instructor_evenings> evenings;  ///< none: teaches only in `pattern`
    [[nodiscard]] double evening_cost_per_hour() const {
        return evenings && evenings->cost_per_hour ? *evenings->cost_per_hour : cost_per_hour;
    }
    source_mark mark;
};

// ---------------------------------------------------------------- training

enum class window_kind { working_hours, after_hours, weekend, explicit_hours };

/// An explicit window: these clock ranges on these weekdays (bit d = c_encoding d).
struct explicit_window {
    std::uint8_t weekdays = 0x7f;
    std::vector<clock_range> hours;
};

struct module {
    std::string id, title;
    int jp = 0;
    std::optional<std::uint32_t> after;  ///< index of the prerequisite module in the programme
    int gap_min_days = 0;
    std::optional<int> gap_max_days;
    source_mark mark;
};

/// A recording of a fixed session: whoever is not seated live may watch it in
/// self-paced study blocks from the session's end to `days` days later, and
/// then take a post-test (docs/model.md "Recordings").
struct recording {
    int days = 14;
    int post_test_minutes = 0;
};

/// A session whose time is fixed in advance (a national webinar), for one module.
struct fixed_session {
    std::uint32_t module = 0;
    calendar::local_minute start{};
    calendar::local_minute end{};
    /// Live seats; 0: none, only the recording (the loader's default: the cohort maximum).
    int capacity = 0;
    std::optional<model::recording> recording;  ///< none: live only
};

struct mode_offer {
    delivery_mode mode = delivery_mode::classroom;
    std::vector<window_kind> windows;
    std::vector<explicit_window> explicit_windows;
    std::vector<venue_index> venues;  ///< classroom
    platform_index platform;          ///< online_live
    std::vector<fixed_session> fixed;
    std::optional<int> max_jp_per_day;
    double cost_per_cohort = 0;
    source_mark mark;
};

struct program {
    std::string id, title, organizer;
    int jp = 0;  ///< total; equals the sum of module JP once validated
    std::vector<module> modules;
    std::vector<mode_offer> modes;
    int cohort_min = 1;
    int cohort_max = 40;
    std::vector<instructor_index> instructors;
    int instructors_per_session = 1;
    source_mark mark;
};

enum class priority { mandatory, elective };

/// One employee needing one programme (demand groups are resolved at load time).
struct demand_item {
    employee_index employee;
    program_index program;
    priority level = priority::elective;
    std::optional<local_date> deadline;
    source_mark mark;  ///< the demand entry it came from
};

// ---------------------------------------------------------------- training history

/// One course a person completed before or beside the plan, as the SIASN
/// course export (riwayat diklat) lists it (docs/format.md "history").
struct history_entry {
    employee_index employee;
    std::string course;     ///< the course name as the export writes it
    std::string organizer;  ///< the organising institution
    int jp = 0;             ///< JP earned (the export's whole hours, one JP each)
    local_date start{};
    local_date end{};       ///< the day it was completed
    program_index program;  ///< the scenario's programme it was; invalid: none
    source_mark mark;       ///< its row in the history file
};

/// A demand item the loader dropped because the history shows the person
/// completed the programme (kept so notes and `explain` can say why).
struct completed_demand {
    demand_item demand;
    std::uint32_t history = 0;  ///< index into scenario::history
};

// ---------------------------------------------------------------- policies

struct objective_weights {
    double unmet_mandatory = 10.0;  ///< per JP of unmet mandatory demand
    double unmet_elective = 3.0;    ///< per JP of unmet elective demand
    double jp_shortfall = 1.0;      ///< per JP short of an employee's target
    double disruption = 1.0;        ///< per minute of training in working time
    double after_hours = 0.5;       ///< per minute of training outside working time
    double fairness = 2.0;          ///< per minute of the largest weekly after-hours load
    double preference = 0.2;        ///< per preference missed
    double cohort_opened = 100.0;
    double cohort_underfilled = 20.0;  ///< per missing participant below the cohort max's half
    double instructor_minute = 0.1;
    double change = 50.0;  ///< per change to a published session or assignment
    double duty_day = 10.0;  ///< per assigned-duty day (docs/model.md "Assigned duty")
};

/// Training that a policy counts as assigned duty (a surat tugas) instead of
/// after-hours time (docs/model.md "Assigned duty"): on a rotation's rostered
/// days off, and on Monday-Friday of named seasons for people whose pattern
/// varies by that season (school holidays for teachers). Inside `hours` of such
/// a day, minutes that are neither working time, a break nor unavailable are
/// duty minutes: no disruption, no after-hours burden, no unit absence.
struct assigned_duty {
    bool rostered_days_off = false;
    std::vector<std::string> seasons;  ///< season ids
    clock_range hours{minutes{7 * 60 + 30}, minutes{16 * 60}};
    int max_days_per_month = 2;  ///< local dates with duty minutes per calendar month and person
    double allowance_per_day = 0;  ///< money paid per duty day, part of the budget's cost (`budget.max_cost`)
    /// Rotation staff: each duty day earns a day off in lieu on a rostered shift
    /// within this many days after it (0: no days in lieu).
    int lieu_window_days = 30;
};

/// How a re-plan treats what was published (docs/model.md "Stability").
enum class stability_mode {
    strict,    ///< a published item changes only to repair it or to place unplaced demand
    balanced,  ///< changes are priced in the burden level (`weights.change` each)
    free       ///< changes are priced in the cost level: any burden gain may move items
};

struct policy {
    std::string id, description;
    std::vector<delivery_mode> modes;  ///< allowed modes (empty: all)
    std::vector<window_kind> windows;  ///< allowed windows (empty: all)
    /// The `working_hours` window on Monday-Friday (docs/model.md "Sessions and windows").
    clock_range working_hours{minutes{7 * 60 + 30}, minutes{16 * 60 + 30}};
    /// No live session on a Friday overlaps this (empty: no such rule).
    std::optional<clock_range> friday_prayer = clock_range{minutes{11 * 60 + 30}, minutes{13 * 60}};
    /// Whether training may touch people's breaks (`breaks: protected|allowed`).
    /// Break minutes never count as working time or after hours either way.
    bool protect_breaks = true;
    clock_range after_hours{minutes{16 * 60 + 30}, minutes{21 * 60}};
    clock_range weekend{minutes{8 * 60}, minutes{17 * 60}};
    std::optional<int> max_after_hours_minutes_per_week;
    std::optional<int> max_after_hours_minutes_per_day;
    std::optional<int> max_training_minutes_per_day;
    std::optional<staffing_limit> max_absent;  ///< overrides units' limits when set
    int max_session_minutes_per_day = 8 * 45;  ///< longer modules are split over days
    int max_module_jp = 0;                      ///< 0: keep modules as written; else split
    int study_block_min_minutes = 45;
    int study_block_max_minutes = 90;
    bool recordings = true;  ///< whether recordings of fixed sessions may place people
    std::optional<model::assigned_duty> assigned_duty;  ///< none: no training is assigned duty
    objective_weights weights;
    stability_mode stability = stability_mode::strict;  ///< re-planning (`stability:`)
    source_mark mark;
};

struct training_budget {
    std::optional<int> max_classroom_cohorts;
    std::optional<double> max_cost;
    std::string currency = "IDR";
};

/// Who may take catalogue programmes (`catalogue.eligible`): each list given
/// must hold the employee's value (an empty list: any).
struct eligibility {
    std::vector<employment_status> status;
    std::vector<std::string> unit_kinds;
    std::vector<unit_index> units;
    std::vector<std::string> districts;
};

/// Programmes open to anyone short of their JP target (docs/model.md "Top-up"):
/// the solver adds them after declared demand, never at its expense.
struct training_catalogue {
    std::vector<program_index> programs;
    eligibility eligible;
    int max_jp_per_person = 0;  ///< 0: no limit beyond the shortfall
    source_mark mark;
    [[nodiscard]] bool empty() const { return programs.empty(); }
};

// ---------------------------------------------------------------- attendance

/// How likely people are to attend what a plan gives them (docs/attendance.md).
/// These are assumptions, not facts: the defaults are plausible guesses to be
/// calibrated with real attendance records (`jadwal attendance fit`).
struct attendance_model {
    /// Probability of attending a live session that takes nothing from working time.
    double live_base = 0.92;
    /// A session whose share s of minutes falls in the person's working time is
    /// attended with live_base * (1 - penalty * s * w), w the unit's critical
    /// weight on that day (1 outside critical periods); clamped at 0.
    double working_time_penalty = 0.25;
    /// After-hours training above this many minutes in a person's ISO week...
    int overload_minutes_per_week = 240;
    /// ...multiplies every live session of that week by (1 - overload_penalty).
    double overload_penalty = 0.15;
    /// Completion probability of a self-paced module whose last block ends on
    /// its deadline (no slack), rising linearly to self_paced_max at
    /// full_slack_days of slack or more.
    double self_paced_min = 0.60;
    double self_paced_max = 0.95;
    int full_slack_days = 28;
    /// Live sessions of one module a person may miss and still complete it.
    int missed_sessions_allowed = 0;
    source_mark mark;  ///< the `attendance` section (line 0: defaults)
};

/// The scenario's own settings for the files a plan is published as
/// (`outputs:`, docs/format.md "outputs"): each applies where the caller (a
/// command-line flag, a C option, a Python or PHP argument) sets nothing;
/// unset: the built-in default (output::scenario_publish_request).
struct output_defaults {
    std::optional<std::string> uid_domain;             ///< calendar UIDs end in @uid_domain
    std::optional<std::string> product_id;             ///< calendar PRODID
    std::optional<std::vector<int>> reminder_minutes;  ///< largest first, each once; empty: none
    std::optional<bool> spreadsheet;                   ///< CSVs for spreadsheets set to Indonesian
    std::optional<std::string> default_organizer;      ///< CSV organiser of a programme without one
    std::optional<bool> csv_bom;                       ///< a UTF-8 byte order mark at the start of each CSV
    source_mark mark;                                  ///< the `outputs` section (line 0: none)
};

// ---------------------------------------------------------------- scenario

struct scenario {
    int format_version = 1;
    std::string name;
    const date::time_zone* zone = nullptr;  ///< never nullptr once loaded
    date_range horizon;
    int granularity_minutes = 15;
    int jp_minutes = 45;
    int rest_after_night_shift_minutes = 8 * 60;
    /// `scenario.locale`: the language of what people read (reports, calendars,
    /// explanations) when a call does not choose one; none: English, the
    /// language of the message ids (docs/languages.md).
    std::optional<text::language> locale;

    std::vector<std::string> source_files;  ///< for source_mark::file
    std::vector<calendar::holiday> holidays;
    std::vector<season> seasons;
    std::vector<work_pattern> patterns;
    std::vector<location> locations;
    std::vector<unit> units;
    std::vector<employee> employees;
    std::vector<venue> venues;
    std::vector<platform> platforms;
    std::vector<instructor> instructors;
    std::vector<program> programs;
    std::vector<demand_item> demand;
    std::vector<policy> policies;
    training_budget budget;
    training_catalogue catalogue;
    attendance_model attendance;
    output_defaults outputs;  ///< `outputs:` (docs/format.md)
    /// Courses already completed (`history:`), by file order.
    std::vector<history_entry> history;
    /// Demand the history shows completed; not in `demand`.
    std::vector<completed_demand> completed;
    /// `scenario.policy`: the policy used when none is asked for (invalid: none named).
    policy_index default_policy;

    /// Look-ups by id (filled by the loader, or by index_ids() for a scenario
    /// built in code; use the find_* helpers).
    std::unordered_map<std::string, std::uint32_t> employee_by_id, unit_by_id, program_by_id,
        pattern_by_id, policy_by_id;

    /// Rebuilds the id look-ups from the ids of employees, units, programmes,
    /// patterns and policies; for a scenario built or changed in code. The
    /// first of two equal ids wins (the loader reports duplicates as errors).
    void index_ids();

    [[nodiscard]] std::optional<employee_index> find_employee(const std::string& id) const;
    [[nodiscard]] std::optional<unit_index> find_unit(const std::string& id) const;
    [[nodiscard]] std::optional<program_index> find_program(const std::string& id) const;
    [[nodiscard]] std::optional<pattern_index> find_pattern(const std::string& id) const;
    [[nodiscard]] std::optional<policy_index> find_policy(const std::string& id) const;

    [[nodiscard]] const date::time_zone& zone_of(const unit& u) const;
    [[nodiscard]] const date::time_zone& zone_of(const employee& e) const;
    /// The employee's effective pattern (own, or the unit's).
    [[nodiscard]] const work_pattern& pattern_of(const employee& e) const;
    [[nodiscard]] holiday_rule holiday_rule_of(const employee& e) const;
    /// The plan's year: the calendar year of the horizon's first day. JP the
    /// history shows earned in it count toward JP targets and caps.
    [[nodiscard]] int plan_year() const;
    /// JP earned in the plan's year per employee (scenario order), from `history`.
    [[nodiscard]] std::vector<int> earned_jp() const;
};

/// The groups whose JP-target attainment the report and `compare` show apart,
/// told from the employee's effective work pattern: `shift` when it rotates
/// (wards, fire crews), `teachers` when it has a season with no working hours
/// (school holidays), `office` when it works Monday to Friday only, `other`
/// otherwise (six-day puskesmas weeks, say).
enum class staff_group : std::uint8_t { office, teachers, shift, other };
inline constexpr std::size_t staff_group_count = 4;
[[nodiscard]] staff_group staff_group_of(const work_pattern& p);

[[nodiscard]] std::string_view to_string(staff_group g);
[[nodiscard]] std::string_view to_string(delivery_mode m);
[[nodiscard]] std::string_view to_string(window_kind w);
[[nodiscard]] std::string_view to_string(employment_status s);
[[nodiscard]] std::string_view to_string(priority p);
[[nodiscard]] std::optional<delivery_mode> parse_delivery_mode(std::string_view s);
[[nodiscard]] std::optional<window_kind> parse_window_kind(std::string_view s);
[[nodiscard]] std::string_view to_string(stability_mode m);
[[nodiscard]] std::optional<stability_mode> parse_stability_mode(std::string_view s);

// ---------------------------------------------------------------- definitions

namespace detail {
template <class Index>
inline std::optional<Index> lookup(const std::unordered_map<std::string, std::uint32_t>& map, const std::string& id) {
    const auto it = map.find(id);
    if (it == map.end()) return std::nullopt;
    return Index{it->second};
}
}  // namespace detail

inline void scenario::index_ids() {
    const auto fill = [](const auto& items, std::unordered_map<std::string, std::uint32_t>& out) {
        out.clear();
        out.reserve(items.size());
        for (std::uint32_t i = 0; i < items.size(); ++i) out.emplace(items[i].id, i);
    };
    fill(employees, employee_by_id);
    fill(units, unit_by_id);
    fill(programs, program_by_id);
    fill(patterns, pattern_by_id);
    fill(policies, policy_by_id);
}

inline std::optional<employee_index> scenario::find_employee(const std::string& id) const {
    return detail::lookup<employee_index>(employee_by_id, id);
}
inline std::optional<unit_index> scenario::find_unit(const std::string& id) const { return detail::lookup<unit_index>(unit_by_id, id); }
inline std::optional<program_index> scenario::find_program(const std::string& id) const {
    return detail::lookup<program_index>(program_by_id, id);
}
inline std::optional<pattern_index> scenario::find_pattern(const std::string& id) const {
    return detail::lookup<pattern_index>(pattern_by_id, id);
}
inline std::optional<policy_index> scenario::find_policy(const std::string& id) const {
    return detail::lookup<policy_index>(policy_by_id, id);
}

inline const date::time_zone& scenario::zone_of(const unit& u) const { return u.zone ? *u.zone : *zone; }

inline const date::time_zone& scenario::zone_of(const employee& e) const {
    if (e.zone) return *e.zone;
    return zone_of(units[e.unit.value]);
}

inline const work_pattern& scenario::pattern_of(const employee& e) const {
    if (e.pattern.valid()) return patterns[e.pattern.value];
    return patterns[units[e.unit.value].pattern.value];
}

inline holiday_rule scenario::holiday_rule_of(const employee& e) const {
    const auto& u = units[e.unit.value];
    if (!e.pattern.valid() && u.holidays) return *u.holidays;
    return pattern_of(e).holidays;
}

inline int scenario::plan_year() const {
    return static_cast<int>(date::year_month_day{horizon.first}.year());
}

inline std::vector<int> scenario::earned_jp() const {
    std::vector<int> out(employees.size(), 0);
    const int year = plan_year();
    for (const auto& h : history)
        if (h.employee.value < out.size() && static_cast<int>(date::year_month_day{h.end}.year()) == year)
            out[h.employee.value] += h.jp;
    return out;
}

inline std::string_view to_string(delivery_mode m) {
    switch (m) {
        case delivery_mode::classroom: return "classroom";
        case delivery_mode::online_live: return "online_live";
        case delivery_mode::self_paced: return "self_paced";
    }
    return "classroom";
}

inline std::string_view to_string(window_kind w) {
    switch (w) {
        case window_kind::working_hours: return "working_hours";
        case window_kind::after_hours: return "after_hours";
        case window_kind::weekend: return "weekend";
        case window_kind::explicit_hours: return "explicit";
    }
    return "working_hours";
}

inline staff_group staff_group_of(const work_pattern& p) {
    if (p.rotation) return staff_group::shift;
    const auto idle = [](const weekly_hours& w) {
        return std::all_of(w.by_weekday.begin(), w.by_weekday.end(), [](const auto& day) { return day.empty(); });
    };
    if (std::any_of(p.seasonal.begin(), p.seasonal.end(), [&](const auto& s) { return idle(s.second); }))
        return staff_group::teachers;
    const auto& days = p.week.by_weekday;  // index 0 is Sunday
    const bool weekdays = std::any_of(days.begin() + 1, days.begin() + 6, [](const auto& d) { return !d.empty(); });
    return weekdays && days[0].empty() && days[6].empty() ? staff_group::office : staff_group::other;
}

inline std::string_view to_string(staff_group g) {
    switch (g) {
        case staff_group::office: return "office";
        case staff_group::teachers: return "teachers";
        case staff_group::shift: return "shift";
        case staff_group::other: return "other";
    }
    return "other";
}

inline std::string_view to_string(employment_status s) { return s == employment_status::pns ? "pns" : "pppk"; }
inline std::string_view to_string(priority p) { return p == priority::mandatory ? "mandatory" : "elective"; }

inline std::optional<delivery_mode> parse_delivery_mode(std::string_view s) {
    for (auto m : {delivery_mode::classroom, delivery_mode::online_live, delivery_mode::self_paced})
        if (to_string(m) == s) return m;
    return std::nullopt;
}

inline std::optional<window_kind> parse_window_kind(std::string_view s) {
    for (auto w : {window_kind::working_hours, window_kind::after_hours, window_kind::weekend})
        if (to_string(w) == s) return w;
    return std::nullopt;
}

inline std::string_view to_string(stability_mode m) {
    switch (m) {
        case stability_mode::strict: return "strict";
        case stability_mode::balanced: return "balanced";
        case stability_mode::free: return "free";
    }
    return "strict";
}

inline std::optional<stability_mode> parse_stability_mode(std::string_view s) {
    for (auto m : {stability_mode::strict, stability_mode::balanced, stability_mode::free})
        if (to_string(m) == s) return m;
    return std::nullopt;
}

}  // namespace jadwal::model
