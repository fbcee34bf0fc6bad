// Expected attendance: a plan puts people in seats, but people still skip
// sessions that collide with their work. This is a small, explicit model of
// that (docs/attendance.md): each live session a person is booked on is
// attended with a probability that falls with the share of it inside their
// working time (more so in their unit's critical periods) and in weeks heavy
// with after-hours training, and for each kind of preference the session
// misses (its day, its time, its mode); each self-paced module is completed
// with a probability that rises with the slack left before its deadline (and
// falls likewise with its preference misses). A seeded
// Monte Carlo simulation turns that into expected completions and JP-target
// attainment with their spread, and a maximum-likelihood fit calibrates the
// main parameters from real attendance records. The parameters are
// assumptions (model::attendance_model), not findings.
#pragma once

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/time/civil.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/text/messages.hpp>
#include <jadwal/verify/verify.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::compare {

/// One live session (classroom or online_live) one participant is booked on.
struct live_seat {
    model::employee_index employee;
    model::program_index program;
    std::uint32_t module = 0;
    calendar::instant start{};
    calendar::instant end{};
    double working_share = 0;    ///< share of the session's minutes inside the person's working time
    double critical_weight = 1;  ///< the unit's critical weight at the session's start (1 outside critical periods)
    /// Minutes of the person's training outside working time in the ISO week
    /// (Monday-Sunday, their zone) the session starts in, as the checker
    /// measures them (verify::person_measures::after_hours_weeks).
    std::int64_t week_after_hours_minutes = 0;
    /// The kinds of preference miss of this session for this person (docs/model.md
    /// "Preferences"): its day, its time, and the cohort's mode; 0 to 3.
    int preference_misses = 0;
};

/// One self-paced module of one person (its study blocks taken together).
struct self_paced_module {
    model::employee_index employee;
    model::program_index program;
    std::uint32_t module = 0;
    /// Whole days from the local date of the module's last block to the
    /// demand's deadline (the horizon's last day without one); negative when late.
    std::int64_t slack_days = 0;
    /// The kinds of preference miss among its blocks: a day miss in any block, a
    /// time miss in any block, and the mode (self-paced, or online_live for a
    /// recording) when the person prefers others; 0 to 3.
    int preference_misses = 0;
};

/// A placed programme of one person and where its parts are in the exposure.
struct enrolment {
    model::employee_index employee;
    model::program_index program;
    int jp = 0;
    /// Per module of the programme: [first, last) indices into exposure::live,
    /// and the index into exposure::self_paced or -1.
    struct module_parts {
        std::uint32_t live_first = 0;
        std::uint32_t live_last = 0;
        std::int64_t self_paced = -1;
    };
    std::vector<module_parts> modules;
};

/// What a plan asks of people, independent of the attendance parameters.
struct exposure {
    std::vector<live_seat> live;
    std::vector<self_paced_module> self_paced;
    std::vector<enrolment> enrolments;  ///< placed (employee, programme) pairs, by employee then programme
    std::vector<int> jp_targets;  ///< per employee (scenario order): their annual JP target
    std::int64_t jp_target_employees = 0;  ///< employees with jp_target > 0
};

/// Reads the plan with the checker's measures of it (`check`, the report of
/// verify::verify on the same scenario and plan): each seat's share in working
/// time from report::working_time_training, the after-hours minutes of its
/// week from person_measures::after_hours_weeks (travel counted, breaks and
/// assigned-duty time not), its preference misses by jadwal/verify/preferences.hpp.
/// A pair counts as placed when the person is a participant of a cohort of the
/// programme or has study blocks of it, and the plan does not list it as
/// unplaced. Throws jadwal::error (errc::parse) when the plan refers to an
/// employee, programme or module the scenario lacks.
[[nodiscard]] exposure compute_exposure(const model::scenario& s, const model::solution& sol,
                                        const verify::report& check);

/// The same, checking the plan first under the policy it was made with
/// (model::plan_policy; throws jadwal::error, errc::not_found, when the
/// scenario lacks it).
[[nodiscard]] exposure compute_exposure(const model::scenario& s, const model::solution& sol);

/// What each kind of preference miss does to attendance (docs/attendance.md
/// "Preferences"): a live session's attendance probability, and a self-paced
/// module's completion probability, is multiplied by this once per kind it misses.
inline constexpr double preference_miss_factor = 0.9;

/// The probability that the person attends the seat (in [0, 1]).
[[nodiscard]] double attend_probability(const live_seat& seat, const model::attendance_model& a);
/// The probability that the person completes the self-paced module.
[[nodiscard]] double complete_probability(const self_paced_module& m, const model::attendance_model& a);
/// The probability that the enrolment completes: every self-paced module done
/// and at most `missed_sessions_allowed` live sessions missed in each module.
[[nodiscard]] double enrolment_probability(const exposure& x, const enrolment& e, const model::attendance_model& a);

/// A figure over the simulation runs.
struct spread {
    double mean = 0;
    double stddev = 0;  ///< population standard deviation over the runs
    double p05 = 0;     ///< 5th percentile (linear interpolation between order statistics)
    double p95 = 0;
};

struct known_outcomes;  // records.hpp

struct simulation_options {
    int runs = 200;
    std::uint64_t seed = 1;
    /// What attendance records say happened (records.hpp match_records): the
    /// seats and modules they tell about are attended (completed) or not in
    /// every run, the rest drawn. nullptr: everything drawn.
    const known_outcomes* known = nullptr;
};

struct attendance_summary {
    int runs = 0;
    std::uint64_t seed = 0;
    std::int64_t enrolments = 0;        ///< placed programmes (the most that can complete)
    std::int64_t live_seats = 0;
    double expected_completions = 0;    ///< exact: the sum of enrolment_probability
    double expected_seat_attendance = 0;  ///< mean attend_probability over live seats (1 without seats)
    spread completions;                 ///< completed programmes per run
    std::int64_t jp_target_employees = 0;
    /// Share of employees with a JP target whose completed programmes reach it.
    spread jp_target_share;
};

/// Runs the model `opts.runs` times. Deterministic for a seed: run r draws from
/// its own stream seeded with (seed, r), so results do not depend on order.
[[nodiscard]] attendance_summary simulate_attendance(const exposure& x, const model::attendance_model& a,
                                                     const simulation_options& opts = {});

/// A row of past attendance: did this person attend this live session, or,
/// for a self-paced module (no start), did they complete it?
struct attendance_record {
    std::string employee;  ///< NIP
    std::string program;   ///< programme id
    std::string module;    ///< module id
    calendar::instant start{};  ///< the live session's start; unset for a self-paced module
    bool self_paced = false;    ///< the `start` cell was empty: a self-paced module's completion
    bool attended = false;      ///< attended the session / completed the module
    std::int32_t line = 0;      ///< in the CSV file
    /// Columns of the nip, program and module cells, for messages about them.
    std::int32_t nip_column = 1, program_column = 1, module_column = 1;
};

/// Reads a CSV with the header columns nip, program, module, start (ISO 8601
/// with offset; empty for a self-paced module) and attended (0/1, true/false),
/// in any order, other columns ignored. Every problem goes to `problems`,
/// located (file, line, column) with a code of docs/errors.md (E-CSV-SYNTAX,
/// E-DATE, ...) and its message in the language of `m`.
[[nodiscard]] std::vector<attendance_record> parse_attendance_records(
    std::string_view csv, std::string_view file, std::vector<load::diagnostic>& problems,
    const text::messages& m = text::messages(text::language::en));

/// The same, each problem appended to `errors` as record_error writes it.
[[nodiscard]] std::vector<attendance_record> parse_attendance_records(
    std::string_view csv, std::string_view file, std::vector<std::string>& errors,
    const text::messages& m = text::messages(text::language::en));

/// One problem of a records file as its readers report it,
/// "FILE:LINE:COLUMN: error: MESSAGE [CODE]" with "error" in the language of `m`.
[[nodiscard]] std::string record_error(const text::messages& m, const load::diagnostic& problem);

struct fit_result {
    /// `start` with the parameters the records could tell replaced (below).
    model::attendance_model fitted;
    std::int64_t records_used = 0;       ///< live + self-paced
    std::int64_t records_live = 0;       ///< matched to a live seat of the plan
    std::int64_t records_self_paced = 0;  ///< matched to a self-paced module of the plan
    std::int64_t records_unmatched = 0;  ///< rows naming nothing of the plan
    bool fitted_live = false;       ///< live_base and working_time_penalty
    bool fitted_overload = false;   ///< overload_penalty (needs records in heavy and in light weeks)
    bool fitted_self_paced_min = false;
    bool fitted_self_paced_max = false;
    double log_likelihood = 0;        ///< at the fitted parameters
    double log_likelihood_start = 0;  ///< at `start`, for comparison
};

/// Maximum likelihood of the attendance parameters given the records matched
/// to the plan (live records by person, programme, module and start; self-paced
/// ones by person, programme and module), the rest held at `start`
/// (docs/attendance.md "Calibrating"):
/// - live_base and working_time_penalty from live records, and overload_penalty
///   when some matched sessions fall in weeks over overload_minutes_per_week
///   and some do not, by alternating grid searches (coarse, then steps of 0.001);
/// - self_paced_min and self_paced_max from self-paced records, each only when
///   some records have the slack that identifies it (full_slack_days held).
/// With no matched record, `fitted` is `start`.
[[nodiscard]] fit_result fit_attendance(const model::scenario& s, const exposure& x,
                                        std::span<const attendance_record> records,
                                        const model::attendance_model& start);

/// The model as a YAML `attendance:` section to paste into a scenario.
[[nodiscard]] std::string attendance_yaml(const model::attendance_model& a);

}  // namespace jadwal::compare
