// The solver's dense form of a scenario under one policy: integer minutes
// since the horizon start, day-indexed flat arrays, ids as indices. Compiled
// once; the search never touches YAML, strings or maps (docs/model.md gives
// every rule encoded here).
//
// Time: `tmin` counts minutes from t0, the scenario-zone midnight that starts
// the horizon. Scenario day d runs [day_start[d], day_start[d + 1]). Session
// starts lie on the grid day_start[d] + k * granularity.
#pragma once

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/model/index.hpp>
#include <jadwal/model/scenario.hpp>

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace jadwal::solve::detail {

using tmin = std::int32_t;

/// One item of demand: a person and a programme (compiled_model::demand).
using demand_id = model::index<struct demand_tag>;
/// A delivery: one mode of a programme that the policy allows (compiled_model::deliveries).
using delivery_id = model::index<struct delivery_tag>;
/// A venue: the scenario's own index (compiled_model::venues parallels scenario::venues).
using venue_id = model::venue_index;
/// A platform: the scenario's own index (compiled_model::platforms parallels scenario::platforms).
using platform_id = model::platform_index;
/// An instructor: the scenario's own index (compiled_model::instructors parallels scenario::instructors).
using instructor_id = model::instructor_index;
/// A unit: the scenario's own index (compiled_model::units parallels scenario::units).
using unit_id = model::unit_index;
/// A person: the scenario's own index (compiled_model::employees parallels scenario::employees).
using employee_id = model::employee_index;
inline constexpr tmin no_time = -(1 << 30);

struct span {
    tmin a = 0;
    tmin b = 0;
    [[nodiscard]] tmin length() const { return b - a; }
    [[nodiscard]] bool overlaps(tmin x, tmin y) const { return a < y && x < b; }
    [[nodiscard]] bool contains(tmin x, tmin y) const { return a <= x && y <= b; }
};

/// A span relative to the start of a day (minutes, may run past the day's length).
struct rel_span {
    std::int16_t a = 0;
    std::int16_t b = 0;
};

/// One distinct kind of employee day: working spans, then unavailable spans,
/// then break spans, then assigned-duty spans (docs/model.md "Assigned duty":
/// neither working time nor after hours), relative to the scenario day's start
/// and clipped to it.
/// Under a policy that protects breaks (the default) the breaks are among the
/// unavailable spans and brk_n is 0; else they are listed apart, so that their
/// minutes count neither as working time nor as after hours. Employees' days
/// share profiles (most days of most people look alike), so a person-day is
/// one 32-bit index.
struct day_profile {
    std::uint32_t off = 0;  ///< into compiled_model::profile_spans
    std::uint16_t work_n = 0;
    std::uint16_t unav_n = 0;
    std::uint16_t brk_n = 0;
    std::uint16_t duty_n = 0;
};

struct zone_days {
    const date::time_zone* tz = nullptr;
    /// Local midnights (as tmin) of local days k = -1 .. days + 1, at index k + 1.
    std::vector<tmin> midnight;
};

struct employee_c {
    unit_id unit{0};
    std::int32_t location = -1;
    std::uint16_t zone = 0;
    bool accepts_after_hours = true;
    bool accepts_weekend = false;
    /// Modes the person refused (mode_bit_of each; hard, docs/model.md "Preferences").
    std::uint8_t refused_modes = 0;
    /// Whether anything of compiled_model::prefs[e] can miss (else no miss is possible).
    bool prefers = false;
    int jp_target = 0;
    int jp_cap = -1;  ///< -1: none
    /// JP the history shows earned in the plan's year (scenario::earned_jp):
    /// they count toward jp_target and jp_cap with the JP placed.
    int jp_earned = 0;
    /// Into compiled_model::emp_shift (one entry per day) for staff of units
    /// with shift minimums; -1 otherwise.
    std::int32_t shift_off = -1;
    /// Rotation staff whose assigned-duty days earn days off in lieu: into
    /// compiled_model::rostered (one entry per scenario day); -1 otherwise.
    std::int32_t rostered_off = -1;
};

/// A period where a unit's disruption weighs more (critical weight class > 0).
struct crit_seg {
    tmin a = 0;
    tmin b = 0;
    std::uint8_t cls = 0;
};

struct unit_c {
    int headcount = 0;
    int limit = 1;  ///< staff in training during working time at once
    std::int32_t location = -1;
    std::vector<crit_seg> crit;  ///< sorted, disjoint
    std::string id;
};

/// One shift occurrence (date, code) of a unit with a minimum head count.
struct shift_occurrence {
    unit_id unit{0};
    int rostered = 0;
    int allowed_pull = 0;  ///< max(0, rostered - minimum)
};

/// What an employee of a shift unit is rostered for on a day.
struct emp_shift_day {
    std::int32_t occ = -1;  ///< into compiled_model::shift_occurrences; -1: not rostered
    tmin a = 0;
    tmin b = 0;
};

/// The shift an employee's rotation rosters on a day, for days off in lieu.
struct rostered_day {
    std::int32_t occ = -1;  ///< the shift occurrence with a minimum, -1: none (or not rostered)
    tmin a = 0;             ///< the shift as worked (a == b: not rostered, or not worked)
    tmin b = 0;
    std::uint16_t shift = 0;  ///< index into the rotation's shifts
};

/// A session (or study block) slot of a delivery: for live modes one part of
/// a module; for self-paced one study block.
struct part_c {
    std::uint16_t module = 0;
    std::uint16_t part = 0;  ///< 0-based within the module
    int jp = 0;
    int minutes = 0;
    std::int32_t prev = -1;         ///< previous part of the same module (same-module spacing rule)
    std::int32_t prereq_last = -1;  ///< last part of the prerequisite module
    std::int32_t prereq_module = -1;
    int gap_min = 0;
    int gap_max = -1;  ///< -1: none
};

/// A window occurrence on one scenario day, and what it asks of a person:
/// 0 nothing (working hours), 1 after-hours acceptance, 2 weekend acceptance,
/// 3 as the clock says (an explicit window, see compiled_model::needs).
struct window_c {
    tmin a = 0;
    tmin b = 0;
    std::uint8_t kind = 0;
};

/// One delivery mode of a programme that the policy allows.
struct delivery_c {
    std::uint32_t program = 0;
    std::uint32_t offer = 0;  ///< index into program.modes
    model::delivery_mode mode = model::delivery_mode::classroom;
    bool live = true;
    bool fixed = false;
    /// mode_bit of the mode as preferences and refusals see it: a recording is online_live.
    std::uint8_t mode_bit = 0;
    /// A recording of a fixed session (docs/model.md "Recordings"): self-paced
    /// blocks of the session's minutes plus the post-test, inside `rec_window`.
    bool recording = false;
    span rec_window{};
    std::vector<part_c> parts;  ///< live: sessions in order; self-paced: blocks in order
    /// Per module: its first part and number of parts.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> module_parts;
    int total_minutes = 0;
    std::vector<std::uint32_t> win_off;  ///< days + 1 offsets into wins
    std::vector<window_c> wins;
    std::vector<venue_id> venues;       ///< classroom
    platform_id platform;               ///< online_live; invalid otherwise
    /// For fixed modes: the sessions of each fixed cohort, parallel to `parts`.
    std::vector<std::vector<span>> fixed_sessions;
    std::vector<int> fixed_capacity;
    int size_min = 1;
    int size_max = 1;
    double cost_per_cohort = 0;
    int daily_max_jp = 0;
    std::string label;  ///< "keuda/online_live", for reports
};

struct program_c {
    int jp = 0;
    std::vector<delivery_id> deliveries;
    std::vector<instructor_id> instructors;
    int per_session = 0;
    std::string id;
};

struct demand_c {
    employee_id employee{0};
    std::uint32_t program = 0;
    bool mandatory = false;
    /// A catalogue programme for someone short of their target (docs/model.md
    /// "Top-up"): not declared demand, placed only after it, never counted as unmet.
    bool top_up = false;
    tmin deadline = 0;  ///< everything of the placement ends at or before this
};

struct venue_c {
    int capacity = 0;
    std::int32_t location = -1;
    bool any_time = true;                 ///< no pattern
    std::vector<std::uint32_t> open_off;  ///< days + 1 offsets into open (when !any_time or closed days)
    std::vector<span> open;
    std::vector<std::uint8_t> closed;  ///< per day
    double cost_per_day = 0;
};

struct platform_c {
    int concurrent = 1;
    int capacity = 0;
    double cost_per_cohort = 0;
};

struct instructor_c {
    bool any_time = true;
    std::vector<std::uint32_t> open_off;
    std::vector<span> open;
    std::vector<std::uint8_t> unavailable;  ///< per day
    int max_minutes_per_day = 360;
    int max_days_per_month = -1;
    double cost_per_hour = 0;
    /// Evening teaching (docs/model.md "Instructors in the evening"): per day
    /// the evening hours (empty span on weekends, holidays and without evenings).
    std::vector<span> evening;
    int evenings_per_week = -1;  ///< -1: no evening teaching
    double evening_cost_per_hour = 0;
};

/// The bit of a delivery mode in preference masks.
[[nodiscard]] constexpr std::uint8_t mode_bit_of(model::delivery_mode m) {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(m));
}

/// One person's preferences as the objective reads them (docs/model.md
/// "Preferences"): masks, and slices of compiled_model::pref_times and
/// compiled_model::pref_avoid.
struct pref_c {
    std::uint8_t modes = 0;           ///< preferred modes (mode_bit_of); 0: no preference
    std::uint8_t days = 0;            ///< effective preferred weekdays (the person's, else the unit's); 0: none
    std::uint8_t avoid_weekdays = 0;  ///< bit d = c_encoding d
    std::uint16_t times_n = 0;
    std::uint16_t avoid_n = 0;
    std::uint32_t times_off = 0;  ///< preferred local clock ranges (minutes from local midnight)
    std::uint32_t avoid_off = 0;  ///< avoided local dates as local day indices, sorted
};

struct day_c {
    std::uint8_t weekday = 0;  ///< c_encoding: 0 = Sunday
    bool holiday = false;
    int month = 0;  ///< months since the horizon's first month
    tmin work_a = 0, work_b = 0;  ///< policy.working_hours on this day (weekdays only)
    tmin prayer_a = 0, prayer_b = 0;  ///< Friday prayer (empty when none)
};

class compiled_model {
public:
    compiled_model(const model::scenario& s, const model::policy& p);

    const model::scenario& scenario;
    const model::policy& policy;
    calendar::work_calendar calendar;

    // ------------------------------------------------------------ time
    calendar::instant t0{};
    int days = 0;
    int granularity = 15;
    int slots_per_day = 96;
    std::vector<tmin> day_start;  ///< days + 1
    std::vector<day_c> day;
    tmin horizon_end = 0;
    int weekday0 = 0;  ///< ISO weekday index (Monday = 0) of local day 0
    std::vector<zone_days> zones;

    // ------------------------------------------------------------ people
    model::index_vector<employee_id, employee_c> employees;
    std::vector<std::uint32_t> profile_of;  ///< employees * days
    std::vector<day_profile> profiles;
    std::vector<rel_span> profile_spans;
    model::index_vector<unit_id, unit_c> units;
    std::vector<double> weight_class;  ///< [0] = 1
    std::vector<shift_occurrence> shift_occurrences;
    std::vector<emp_shift_day> emp_shift;
    std::vector<rostered_day> rostered;
    /// Per employee; empty when no one has a preference, of their own or their unit's.
    model::index_vector<employee_id, pref_c> prefs;
    std::vector<rel_span> pref_times;
    std::vector<std::int16_t> pref_avoid;
    bool any_prefs = false;   ///< some employee_c::prefers
    std::vector<int> travel;  ///< locations x locations
    int locations = 0;

    // ------------------------------------------------------------ training
    std::vector<program_c> programs;
    model::index_vector<delivery_id, delivery_c> deliveries;
    /// Declared demand [0, declared), then top-up candidates [declared, size).
    model::index_vector<demand_id, demand_c> demand;
    std::uint32_t declared = 0;
    std::vector<std::uint32_t> demand_off;  ///< employees + 1: CSR of declared demand by employee
    std::vector<demand_id> demand_by_emp;
    /// employees + 1: top-up candidates of employee e are [topup_off[e], topup_off[e + 1]),
    /// in the catalogue's order.
    std::vector<std::uint32_t> topup_off;
    int topup_max_jp = 0;  ///< per person; 0: no limit beyond the shortfall
    [[nodiscard]] model::index_range<demand_id> declared_demand() const { return {0, declared}; }
    /// Every top-up candidate, after the declared demand.
    [[nodiscard]] model::index_range<demand_id> top_up_demand() const {
        return {declared, static_cast<std::uint32_t>(demand.size())};
    }
    /// Employee e's declared demand, in the order it was declared.
    [[nodiscard]] std::span<const demand_id> declared_of(employee_id e) const {
        return {demand_by_emp.data() + demand_off[e.value], demand_by_emp.data() + demand_off[e.value + 1]};
    }
    /// Employee e's top-up candidates, in the catalogue's order (empty without top-up).
    [[nodiscard]] model::index_range<demand_id> topups_of(employee_id e) const {
        if (topup_off.empty()) return {0, 0};
        return {topup_off[e.value], topup_off[e.value + 1]};
    }
    /// Employee e's demand for `program`, declared or a top-up candidate (invalid: none,
    /// also for an e the model does not have). A person holds a handful, so a scan.
    [[nodiscard]] demand_id demand_of(employee_id e, std::uint32_t program) const {
        if (e.value >= employees.size()) return {};
        for (const demand_id d : declared_of(e))
            if (demand[d].program == program) return d;
        for (const demand_id d : topups_of(e))
            if (demand[d].program == program) return d;
        return {};
    }
    model::index_vector<venue_id, venue_c> venues;
    model::index_vector<platform_id, platform_c> platforms;
    model::index_vector<instructor_id, instructor_c> instructors;

    // ------------------------------------------------------------ policy
    int max_training_per_day = -1;
    int max_ah_per_day = -1;
    int max_ah_per_week = -1;
    int block_min = 45;
    int block_max = 90;
    /// Assigned duty (docs/model.md): duty days per person and month (-1: no
    /// rule), the allowance per duty day, and the window of days in lieu.
    int duty_max_days = -1;
    double duty_allowance = 0;
    int lieu_window = 0;
    model::objective_weights weights;
    /// Where a re-plan's changes count (model::policy::stability, or the solve option).
    model::stability_mode stability = model::stability_mode::strict;
    int budget_classroom = -1;
    double budget_cost = -1;

    // ------------------------------------------------------------ queries
    [[nodiscard]] int day_of(tmin t) const {
        int d = t >= 0 ? t / 1440 : -1;
        if (d >= days) d = days - 1;
        if (d < 0) return t < 0 ? -1 : 0;
        while (d > 0 && t < day_start[d]) --d;
        while (d + 1 < days && t >= day_start[d + 1]) ++d;
        if (t >= day_start[days]) return days;
        return d;
    }
    /// Local day index of t in the employee's zone (-1 .. days + 1).
    [[nodiscard]] int local_day(employee_id e, tmin t) const {
        const auto& m = zones[employees[e].zone].midnight;
        int k = static_cast<int>((t - m[0]) / 1440);
        k = std::clamp(k, 0, static_cast<int>(m.size()) - 2);
        while (k > 0 && t < m[k]) --k;
        while (k + 2 < static_cast<int>(m.size()) && t >= m[k + 1]) ++k;
        return k - 1;
    }
    [[nodiscard]] tmin local_midnight(employee_id e, int k) const {
        return zones[employees[e].zone].midnight[static_cast<std::size_t>(k + 1)];
    }
    /// ISO week of a local day index (weeks run Monday to Sunday).
    [[nodiscard]] int week_of(int local_day_index) const {
        const int x = local_day_index + weekday0;
        return x >= 0 ? x / 7 : (x - 6) / 7;
    }
    [[nodiscard]] const day_profile& profile(employee_id e, int d) const {
        return profiles[profile_of[static_cast<std::size_t>(e.value) * static_cast<std::size_t>(days) +
                                   static_cast<std::size_t>(d)]];
    }
    /// True when [a, b) touches no unavailable minute of the employee and lies in the horizon.
    [[nodiscard]] bool available(employee_id e, tmin a, tmin b) const;
    /// Minutes of [a, b) inside the employee's working time.
    [[nodiscard]] int work_minutes(employee_id e, tmin a, tmin b) const;
    /// Minutes of [a, b) inside the employee's breaks that the policy allows
    /// training in (0 when it protects them: training never touches them).
    [[nodiscard]] int break_minutes(employee_id e, tmin a, tmin b) const;
    /// Minutes of [a, b) inside the employee's assigned-duty time.
    [[nodiscard]] int duty_minutes(employee_id e, tmin a, tmin b) const;
    /// Minutes of [a, b) outside working time, breaks and assigned-duty time.
    [[nodiscard]] int after_hours_minutes(employee_id e, tmin a, tmin b) const {
        return (b - a) - work_minutes(e, a, b) - break_minutes(e, a, b) - duty_minutes(e, a, b);
    }
    /// Months since the horizon's first month of a local day index (clamped to the horizon).
    [[nodiscard]] int month_of(int lday) const {
        return day[static_cast<std::size_t>(std::clamp(lday, 0, days - 1))].month;
    }
    /// Calls f(x, y) for each piece of [a, b) inside working time, in order.
    template <class F>
    void for_each_work_piece(employee_id e, tmin a, tmin b, F&& f) const {
        for_each_work_piece_on(e, a, b, [&](int, tmin x, tmin y) { f(x, y); });
    }
    /// The same with the scenario day of each piece: f(d, x, y).
    template <class F>
    void for_each_work_piece_on(employee_id e, tmin a, tmin b, F&& f) const {
        int d = day_of(a);
        if (d < 0) d = 0;
        for (; d < days && day_start[static_cast<std::size_t>(d)] < b; ++d) {
            const tmin base = day_start[static_cast<std::size_t>(d)];
            const day_profile& p = profile(e, d);
            for (std::uint16_t i = 0; i < p.work_n; ++i) {
                const rel_span& r = profile_spans[p.off + i];
                const tmin x = std::max<tmin>(a, base + r.a), y = std::min<tmin>(b, base + r.b);
                if (x < y) f(d, x, y);
            }
        }
    }
    /// Minutes of [a, b) in working time per critical class of the unit: adds to out[cls].
    template <class F>
    void for_each_class_piece(unit_id unit, tmin a, tmin b, F&& f) const {
        const auto& segs = units[unit].crit;
        tmin cur = a;
        for (const auto& s : segs) {
            if (s.b <= cur) continue;
            if (s.a >= b) break;
            if (s.a > cur) f(0, s.a - cur), cur = s.a;
            const tmin y = std::min(b, s.b);
            f(s.cls, y - cur);
            cur = y;
            if (cur >= b) break;
        }
        if (cur < b) f(0, b - cur);
    }
    [[nodiscard]] int travel_minutes(std::int32_t from, std::int32_t to) const {
        if (from < 0 || to < 0 || from == to) return 0;
        return travel[static_cast<std::size_t>(from) * static_cast<std::size_t>(locations) +
                      static_cast<std::size_t>(to)];
    }
    /// Person e's drive to venue v, one way (0 where v is invalid: no venue, no drive).
    [[nodiscard]] int travel_to(employee_id e, venue_id v) const {
        return v.valid() ? travel_minutes(employees[e].location, venues[v].location) : 0;
    }
    /// Acceptance a piece of training [a, b) on scenario day d needs:
    /// bit 1 after hours, bit 2 weekend (docs/model.md "Sessions and windows").
    [[nodiscard]] int needs(int d, tmin a, tmin b) const {
        const day_c& dc = day[static_cast<std::size_t>(d)];
        if (dc.weekday == 0 || dc.weekday == 6) return 2;
        return (a >= dc.work_a && b <= dc.work_b) ? 0 : 1;
    }
    [[nodiscard]] bool accepts(employee_id e, int need) const {
        const employee_c& ec = employees[e];
        return !((need & 1) && !ec.accepts_after_hours) && !((need & 2) && !ec.accepts_weekend);
    }
    /// Whether [a, b) on scenario day d lies in a window of pm that employee e
    /// accepts (docs/model.md: a session in several windows is allowed when any one is).
    [[nodiscard]] bool accepts_at(employee_id e, const delivery_c& pm, int d, tmin a, tmin b) const {
        for (const window_c* w = wins_begin(pm, d); w != wins_end(pm, d); ++w) {
            if (!(w->a <= a && b <= w->b)) continue;
            const int need = w->kind == 3 ? needs(d, a, b) : w->kind;
            if (accepts(e, need)) return true;
        }
        return false;
    }
    /// Whether employee e refused pm's mode (a hard rule).
    [[nodiscard]] bool refuses(employee_id e, const delivery_c& pm) const {
        return (employees[e].refused_modes & pm.mode_bit) != 0;
    }
    /// The mode miss of placing e in pm: 1 when e prefers other modes.
    [[nodiscard]] int mode_miss(employee_id e, const delivery_c& pm) const {
        if (!employees[e].prefers) return 0;
        const std::uint8_t m = prefs[e].modes;
        return m != 0 && (m & pm.mode_bit) == 0 ? 1 : 0;
    }
    /// The day and time misses (0..2) of a session or study block [a, b) of e,
    /// travel excluded (docs/model.md "Preferences").
    [[nodiscard]] int time_misses(employee_id e, tmin a, tmin b) const {
        return employees[e].prefers ? static_cast<int>(day_missed(e, a)) + static_cast<int>(clock_missed(e, a, b)) : 0;
    }
    /// The day miss of a session or block starting at a: its local date avoided,
    /// or its weekday not among the preferred days.
    [[nodiscard]] bool day_missed(employee_id e, tmin a) const;
    /// The time miss of [a, b): inside none of the preferred clock ranges.
    [[nodiscard]] bool clock_missed(employee_id e, tmin a, tmin b) const;
    /// Whether [a, b) on day d lies in some window of pm.
    [[nodiscard]] bool in_window(const delivery_c& pm, int d, tmin a, tmin b) const {
        for (const window_c* w = wins_begin(pm, d); w != wins_end(pm, d); ++w)
            if (w->a <= a && b <= w->b) return true;
        return false;
    }
    /// The window occurrences of a delivery on scenario day d.
    [[nodiscard]] const window_c* wins_begin(const delivery_c& pm, int d) const { return pm.wins.data() + pm.win_off[d]; }
    [[nodiscard]] const window_c* wins_end(const delivery_c& pm, int d) const { return pm.wins.data() + pm.win_off[d + 1]; }
    /// Whether a venue / instructor can host [a, b) on day d (pattern, closures).
    [[nodiscard]] bool venue_open(venue_id v, int d, tmin a, tmin b) const;
    [[nodiscard]] bool instructor_open(instructor_id i, int d, tmin a, tmin b) const;
    /// Whether [a, b) on day d is evening teaching for instructor i: outside
    /// their pattern and inside their evening hours.
    [[nodiscard]] bool instructor_evening(instructor_id i, int d, tmin a, tmin b) const;
    /// The effective maximum of a cohort of pm with venue v (classroom) or fixed option f.
    [[nodiscard]] int cohort_cap(const delivery_c& pm, venue_id venue, std::int32_t fixed) const;
    /// The money one cohort of pm costs whatever its days: the mode's cost per
    /// cohort and its platform's (docs/model.md "Budget"; venue days and
    /// instructor hours aside).
    [[nodiscard]] double cohort_money(const delivery_c& pm) const {
        double m = pm.cost_per_cohort;
        if (pm.platform.valid()) m += platforms[pm.platform].cost_per_cohort;
        return m;
    }

private:
    // The constructor's steps, in order (each reads what the ones before built).
    struct pending_recording {
        std::size_t program, offer;
        span session;
        model::recording rec;
    };
    void compile_days();
    void compile_zones();
    void compile_travel();
    void compile_units();
    void compile_employees();
    void compile_resources();
    void compile_policy_limits();
    [[nodiscard]] std::vector<pending_recording> compile_deliveries();
    void compile_recordings(std::vector<pending_recording> recordings);
    void compile_demand();
    void compile_top_up();
    void compile_preferences();
    /// The index into `zones` of a zone compile_zones() listed.
    [[nodiscard]] std::uint16_t zone_slot(const date::time_zone* z) const;

    enum class profile_section : std::uint8_t { breaks, duty };
    /// Minutes of [a, b) inside one section of the employee's day profiles.
    [[nodiscard]] int section_minutes(employee_id e, tmin a, tmin b, profile_section which) const;

public:
    /// Seconds compile took (for reports).
    double compile_seconds = 0;
    std::size_t memory_bytes() const;
};

}  // namespace jadwal::solve::detail
