// Solving, reading a plan back, explaining, verifying and publishing it.
#include "api.hpp"

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/compare/at_risk.hpp>
#include <jadwal/compare/makeups.hpp>
#include <jadwal/io/explanation_json.hpp>
#include <jadwal/load/input_file.hpp>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/output/publish.hpp>
#include <jadwal/solve/explain.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/text/language.hpp>
#include <jadwal/verify/verify.hpp>

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>
#include <cstdlib>
#include <cstring>
#include <optional>

using namespace jadwal;
using c_api::fail;
using c_api::guarded;
using c_api::null_argument;

namespace jadwal::c_api {

std::unique_ptr<jadwal_solution> make_solution(std::shared_ptr<const model::scenario> scenario,
                                               solve::solution plan) {
    auto h = std::make_unique<jadwal_solution>();
    const auto& s = *scenario;
    h->status = std::string(solve::to_string(plan.status));
    // Sessions in the scenario zone, as solution.json writes a venue's times.
    h->session_times.reserve(plan.cohorts.size());
    for (const auto& c : plan.cohorts) {
        auto& times = h->session_times.emplace_back();
        times.reserve(c.sessions.size());
        for (const auto& x : c.sessions)
            times.push_back({calendar::format_instant(x.start, *s.zone), calendar::format_instant(x.end, *s.zone)});
    }
    h->block_times.reserve(plan.study_blocks.size());
    for (const auto& b : plan.study_blocks) {
        const auto& zone = s.zone_of(s.employees.at(b.employee.value));
        h->block_times.push_back({calendar::format_instant(b.start, zone), calendar::format_instant(b.end, zone)});
    }
    h->makeup_times.reserve(plan.makeups.size());
    for (const auto& x : plan.makeups)
        h->makeup_times.push_back(calendar::format_instant(x.missed, s.zone_of(s.employees.at(x.employee.value))));
    h->scenario = std::move(scenario);
    h->plan = std::move(plan);
    return h;
}

int copy_metrics(jadwal_metrics* out, const solve::solution_metrics& m, std::int64_t unplaced, std::int64_t moves) {
    // Callers built against an older header pass a smaller struct: fill what
    // fits. The layouts: up to `moves` (0.1.0), up to `preference_misses`, and
    // up to `jp_total` (the whole struct).
    constexpr std::size_t first_layout = offsetof(jadwal_metrics, preference_misses);
    constexpr std::size_t second_layout = offsetof(jadwal_metrics, jp_earned);
    if (out->size != first_layout && out->size != second_layout && out->size != sizeof(jadwal_metrics))
        return fail(JADWAL_E_INVALID_ARGUMENT, "jadwal_metrics.size is not a size this library knows: "
                                               "call jadwal_metrics_init first");
    jadwal_metrics full{};
    full.size = out->size;
    full.demand_total = m.demand_total;
    full.demand_placed = m.demand_placed;
    full.participation_rate = m.participation_rate;
    full.jp_target_employees = m.jp_target_employees;
    full.jp_target_met = m.jp_target_met;
    full.jp_target_attainment = m.jp_target_attainment;
    full.disruption_minutes = m.disruption_minutes;
    full.disruption_weighted = m.disruption_weighted;
    full.after_hours_minutes = m.after_hours_minutes;
    full.max_after_hours_minutes_per_person_week = m.max_after_hours_minutes_per_person_week;
    full.max_unit_absence_ratio = m.max_unit_absence_ratio;
    full.cohorts = m.cohorts;
    full.sessions = m.sessions;
    full.study_blocks = m.study_blocks;
    full.instructor_minutes = m.instructor_minutes;
    full.hard_violations = m.hard_violations;
    full.unplaced = unplaced;
    full.moves = moves;
    full.preference_misses = m.preference_misses;
    full.jp_earned = m.jp_earned;
    full.jp_planned = m.jp_planned;
    full.jp_total = m.jp_total;
    std::memcpy(out, &full, out->size);
    return JADWAL_OK;
}

}  // namespace jadwal::c_api

namespace {

/// A malloc'd copy the caller frees with jadwal_string_free.
char* c_string(const std::string& s) {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

int usable(const jadwal_scenario* scenario) {
    if (!scenario) return null_argument("scenario");
    if (!scenario->model) return fail(JADWAL_E_STATE, "the scenario did not load");
    return JADWAL_OK;
}

/// Reads solution.json text against the scenario; JADWAL_E_PARSE with the
/// first problem as the last error.
int read_solution(jadwal_solution** out, std::shared_ptr<const model::scenario> s, std::string_view text,
                  std::string_view name) {
    auto read = io::solution_from_json(*s, text, name);
    if (!read.solution) {
        for (const auto& d : read.diags.items())
            if (d.level == load::severity::error) return fail(JADWAL_E_PARSE, d);
        return fail(JADWAL_E_PARSE, "the solution could not be read");
    }
    // solution.json's metrics and objective are not read back: recompute them
    // (as `jadwal export` and Python do), so a plan read back answers
    // jadwal_solution_metrics and writes its JSON as it was written.
    try {
        (void)verify::recompute_metrics(*s, *read.solution);
    } catch (const solve::solve_error& e) {
        return fail(JADWAL_E_PARSE, e.what());
    }
    *out = c_api::make_solution(std::move(s), std::move(*read.solution)).release();
    return JADWAL_OK;
}

/// A re-plan instant as the command line reads it: a bare date is midnight
/// in the scenario's zone, else an ISO 8601 instant.
int read_replan_from(const model::scenario& s, const char* text, std::optional<calendar::instant>& out) {
    if (const auto day = calendar::parse_date(text))
        out = date::floor<calendar::minutes>(s.zone->to_sys(*day, date::choose::earliest));
    else if (const auto at = calendar::parse_instant(text))
        out = *at;
    else
        return fail(JADWAL_E_INVALID_ARGUMENT,
                    std::string("replan_from '") + text + "' is neither a date nor an ISO 8601 instant");
    return JADWAL_OK;
}

/// The previous plan in terms of `s`: the plan itself when it was made for
/// this very model, else carried over by id through its JSON (the scenario
/// handle may have been edited since, which copies the model).
int previous_for(std::optional<solve::solution>& carried, const solve::solution*& previous,
                 const jadwal_solution& prev, const model::scenario& s) {
    if (prev.scenario.get() == &s) {
        previous = &prev.plan;
        return JADWAL_OK;
    }
    auto read = io::solution_from_json(s, io::solution_to_json(*prev.scenario, prev.plan), "<previous>");
    if (!read.solution) {
        for (const auto& d : read.diags.items())
            if (d.level == load::severity::error) return fail(JADWAL_E_PARSE, d);
        return fail(JADWAL_E_PARSE, "the previous plan does not read against this scenario");
    }
    carried = std::move(read.solution);
    previous = &*carried;
    return JADWAL_OK;
}

/// The name attendance records go by in their diagnostics.
std::string records_name(const char* file) { return file && *file ? file : "attendance.csv"; }

/// Reads attendance records against the published plan `previous` and the
/// re-plan instant into `out` (the make-ups and the plan with them re-opened);
/// with any error in them JADWAL_E_PARSE, the first located in the last error.
int reopen_records(std::optional<compare::makeup_reopening>& out, const model::scenario& s,
                   const solve::solution& previous, const char* csv, const char* file, calendar::instant from,
                   std::optional<text::language> language) {
    const std::string name = records_name(file);
    const text::messages m(text::choose_language(language, s.locale));
    std::vector<load::diagnostic> errors;
    auto reopened = compare::reopen_makeups_csv(s, previous, csv, from, name, m, errors);
    if (!errors.empty()) return fail(JADWAL_E_PARSE, errors.front());
    out = std::move(reopened);
    return JADWAL_OK;
}

/// jadwal_verify_replan, with attendance records when `records` is not NULL
/// (jadwal_verify_replan_attendance); defined after the C functions.
int verify_replan(jadwal_replan_check* out, const jadwal_solution* solution, const jadwal_solution* previous,
                  const char* replan_from, const char* records, const char* records_file);

int check_index(std::size_t i, std::size_t n, const char* what) {
    if (i < n) return JADWAL_OK;
    return fail(JADWAL_E_INVALID_ARGUMENT, std::string(what) + " index out of range");
}

/// The caller's cancel flag, read without a data race: the host stores to it
/// atomically or from a signal handler (jadwal.h).
bool flag_raised(const volatile int* flag) noexcept {
    return flag && __atomic_load_n(flag, __ATOMIC_RELAXED) != 0;
}

/// The unplaced demand at `index`, or a failure recorded.
const solve::unplaced_demand* unplaced_at(const jadwal_solution& sol, std::size_t index) {
    if (check_index(index, sol.plan.unplaced.size(), "unplaced")) return nullptr;
    return &sol.plan.unplaced[index];
}

/// A language option: NULL or "" none, else one parse_language reads; a status.
int read_language(const char* text, std::optional<text::language>& out, const char* field) {
    out.reset();
    if (!text || !*text) return JADWAL_OK;
    out = text::parse_language(text);
    if (!out)
        return fail(JADWAL_E_INVALID_ARGUMENT,
                    std::string(field) + " '" + text + "' is not a language jadwal speaks: \"id\" or \"en\"");
    return JADWAL_OK;
}

/// The longest reminder: 28 days, as on the command line (`--reminders`).
constexpr int max_reminder_minutes = 28 * 24 * 60;

/// The calendar and publishing options a caller passed, read into `o` (the
/// previous plan carried over into `carried` when it was made for another
/// model) and `spreadsheet`; a status.
/// The CSV options of jadwal_ics_options that only jadwal_write_outputs_ex reads.
struct csv_choice {
    bool* spreadsheet = nullptr;
    std::string* default_organizer = nullptr;
    bool* bom = nullptr;
};

int read_ics_options(const jadwal_ics_options* options, output::ics_options& o, std::optional<solve::solution>& carried,
                     const model::scenario& s, const csv_choice& csv = {}) {
    // What the caller leaves unset comes from the scenario's `outputs`, else built in.
    o = output::scenario_ics_options(s);
    o.dtstamp = output::default_dtstamp();
    if (!options) return JADWAL_OK;
    // The layouts: without language and what follows (0.1.0), without
    // default_organizer and csv_bom, and the current one.
    constexpr std::size_t first_layout = offsetof(jadwal_ics_options, language);
    constexpr std::size_t second_layout = offsetof(jadwal_ics_options, default_organizer);
    constexpr std::size_t third_layout = offsetof(jadwal_ics_options, replan_from);
    jadwal_ics_options in;
    jadwal_ics_options_init(&in);
    if (options->size != first_layout && options->size != second_layout && options->size != third_layout &&
        options->size != sizeof in)
        return fail(JADWAL_E_INVALID_ARGUMENT,
                    "jadwal_ics_options.size is not a size this library knows: call jadwal_ics_options_init");
    std::memcpy(&in, options, options->size);
    if (in.uid_domain) o.uid_domain = in.uid_domain;
    if (in.product_id) o.product_id = in.product_id;
    if (in.dtstamp_unix >= 0)
        o.dtstamp = output::dtstamp_from_unix(in.dtstamp_unix);
    if (const int st = read_language(in.language, o.language, "language")) return st;
    if (csv.spreadsheet && in.csv_spreadsheet != 0) *csv.spreadsheet = true;  // 0: as the scenario says
    if (csv.bom && in.csv_bom != 0) *csv.bom = true;
    if (csv.default_organizer && in.default_organizer) {
        const std::string_view organizer{in.default_organizer};
        if (std::any_of(organizer.begin(), organizer.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
            return fail(JADWAL_E_INVALID_ARGUMENT,
                        "default_organizer must be one line of text, without line breaks, tabs or control characters");
        *csv.default_organizer = organizer;
    }
    if (in.reminder_minutes) {
        std::vector<int> minutes(in.reminder_minutes, in.reminder_minutes + in.reminder_count);
        for (const int m : minutes)
            if (m < 0 || m > max_reminder_minutes)
                return fail(JADWAL_E_INVALID_ARGUMENT, "reminder_minutes: " + std::to_string(m) +
                                                           " is not from 0 to " +
                                                           std::to_string(max_reminder_minutes) + " (28 days)");
        // As `--reminders` gives them: largest first, each once.
        std::sort(minutes.begin(), minutes.end(), std::greater<>());
        minutes.erase(std::unique(minutes.begin(), minutes.end()), minutes.end());
        o.reminder_minutes = std::move(minutes);
    } else if (in.reminder_count != 0) {
        return null_argument("reminder_minutes");
    }
    if (in.replan_from) {
        if (!in.previous) return fail(JADWAL_E_INVALID_ARGUMENT, "jadwal_ics_options.replan_from needs `previous`");
        std::optional<calendar::instant> from;
        if (const int st = read_replan_from(s, in.replan_from, from)) return st;
        o.past_until = from;
    }
    if (in.previous) return previous_for(carried, o.previous, *in.previous, s);
    return JADWAL_OK;
}

int write_outputs(const jadwal_solution* solution, const char* dir, const char* formats,
                  const jadwal_solution* previous, const jadwal_ics_options* options) {
    return guarded([&] {
        if (!solution) return null_argument("solution");
        if (!dir) return null_argument("dir");
        output::publish_request req = output::scenario_publish_request(*solution->scenario);
        if (formats && !output::parse_publish_formats(formats, req))
            return fail(JADWAL_E_INVALID_ARGUMENT,
                        std::string("formats '") + formats + "': write all, or a list of json, csv, html, ics");
        std::optional<solve::solution> carried;
        if (previous) {
            if (const int st = previous_for(carried, req.previous, *previous, *solution->scenario)) return st;
        }
        if (options) {
            output::ics_options o;
            const csv_choice csv{&req.csv_spreadsheet, &req.default_organizer, &req.csv_bom};
            if (const int st = read_ics_options(options, o, carried, *solution->scenario, csv)) return st;
            req.previous = o.previous;
            req.past_until = o.past_until;
            req.dtstamp = o.dtstamp;
            req.uid_domain = o.uid_domain;
            req.product_id = o.product_id;
            req.language = o.language;
            req.reminder_minutes = o.reminder_minutes;
        }
        try {
            // With at_risk.csv and the report's at-risk section, at the default threshold.
            compare::publish_with_at_risk(*solution->scenario, solution->plan, dir, req);
        } catch (const jadwal::error& e) {
            // A policy the scenario lacks (not_found) or a refused write (io, naming the path).
            return fail(c_api::status_of(e.code()), e.what());
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) {
            return fail(JADWAL_E_IO, e.what());
        }
        return static_cast<int>(JADWAL_OK);
    });
}

}  // namespace

namespace jadwal::c_api {

int read_solve_options(solve::solve_options& so, std::optional<solve::solution>& carried,
                       const jadwal_scenario* scenario, const jadwal_solve_options* opts) {
    if (const int st = usable(scenario)) return st;
    jadwal_solve_options o;
    jadwal_solve_options_init(&o);
    if (opts) {
        // The layouts: without cancel_flag (0.1.0), without language, without
        // stability, without attendance_csv, without exact, and the current one.
        constexpr std::size_t first_layout = offsetof(jadwal_solve_options, cancel_flag);
        constexpr std::size_t second_layout = offsetof(jadwal_solve_options, language);
        constexpr std::size_t third_layout = offsetof(jadwal_solve_options, stability);
        constexpr std::size_t fourth_layout = offsetof(jadwal_solve_options, attendance_csv);
        constexpr std::size_t fifth_layout = offsetof(jadwal_solve_options, exact);
        if (opts->size != first_layout && opts->size != second_layout && opts->size != third_layout &&
            opts->size != fourth_layout && opts->size != fifth_layout && opts->size != sizeof o)
            return fail(JADWAL_E_INVALID_ARGUMENT, "jadwal_solve_options.size is not a size this library "
                                                   "knows: call jadwal_solve_options_init first");
        std::memcpy(&o, opts, opts->size);
    }
    const model::scenario& s = *scenario->model;
    if (o.policy) so.policy = o.policy;
    if (const int st = read_language(o.language, so.language, "language")) return st;
    if (o.seed) so.seed = o.seed;
    if (o.time_limit_seconds > 0) so.time_limit_seconds = o.time_limit_seconds;
    if (o.max_moves < 0) return fail(JADWAL_E_INVALID_ARGUMENT, "max_moves must not be negative");
    if (o.max_moves > 0) so.max_moves = o.max_moves;
    if (o.threads < 0 || o.threads > solve::max_threads)
        return fail(JADWAL_E_INVALID_ARGUMENT, "threads must be from 1 to " + std::to_string(solve::max_threads) +
                                                   " (0: 1), not " + std::to_string(o.threads));
    if (o.threads > 0) so.threads = o.threads;
    if (o.strategy) {
        const auto st = solve::parse_solve_strategy(o.strategy);
        if (!st) return fail(JADWAL_E_INVALID_ARGUMENT, std::string("unknown strategy '") + o.strategy + "'");
        so.strategy = *st;
    }
    if (!so.policy.empty() && !s.find_policy(so.policy))
        return fail(JADWAL_E_NOT_FOUND, "no policy '" + so.policy + "' in the scenario");
    if (o.stability && *o.stability) {
        if (!o.previous) return fail(JADWAL_E_INVALID_ARGUMENT, "stability needs a previous plan");
        so.stability = model::parse_stability_mode(o.stability);
        if (!so.stability)
            return fail(JADWAL_E_INVALID_ARGUMENT, std::string("unknown stability '") + o.stability +
                                                       "' (strict, balanced or free)");
    }
    if (o.previous) {
        if (const int st = previous_for(carried, so.previous, *o.previous, s)) return st;
    }
    if (o.replan_from) {
        if (!o.previous) return fail(JADWAL_E_INVALID_ARGUMENT, "replan_from needs a previous plan");
        if (const int st = read_replan_from(s, o.replan_from, so.replan_from)) return st;
    }
    if (o.progress) {
        const jadwal_progress_fn fn = o.progress;
        void* user = o.progress_user;
        so.on_progress = [fn, user](const solve::solve_progress& p) {
            const std::string phase(p.phase);  // the C side wants a terminated string
            jadwal_progress cp{sizeof(jadwal_progress), phase.c_str(), p.participation, p.burden, p.cost,
                               p.demand_placed, p.demand_total, p.elapsed_seconds, p.moves};
            fn(&cp, user);
        };
    }
    if (o.progress_interval_seconds > 0) so.progress_interval_seconds = o.progress_interval_seconds;
    // A refusal of the exact model is the solver's solve_error: JADWAL_E_SOLVE in guarded().
    so.exact = o.exact != 0;
    if (o.exact_seconds > 0) so.exact_seconds = o.exact_seconds;
    if (o.cancel) so.cancel = &o.cancel->raised;
    if (o.cancel_flag) {
        const volatile int* flag = o.cancel_flag;
        so.stop_requested = [flag] { return flag_raised(flag); };
    }
    return JADWAL_OK;
}

}  // namespace jadwal::c_api

extern "C" {

int jadwal_cancel_token_new(jadwal_cancel_token** out) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        *out = new jadwal_cancel_token;
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_cancel(jadwal_cancel_token* token) {
    return guarded([&] {
        if (!token) return null_argument("token");
        token->raised.store(true);
        return static_cast<int>(JADWAL_OK);
    });
}

void jadwal_cancel_token_free(jadwal_cancel_token* token) { delete token; }

int jadwal_solve(jadwal_solution** out, const jadwal_scenario* scenario, const jadwal_solve_options* opts) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        solve::solve_options so;
        std::optional<solve::solution> carried;
        if (const int st = c_api::read_solve_options(so, carried, scenario, opts)) return st;
        const model::scenario& s = *scenario->model;
        // Make-ups: the records re-open what people missed, and the solver
        // re-plans against the published plan without those items.
        const bool has_records = opts && opts->size > offsetof(jadwal_solve_options, attendance_csv);
        const char* records = has_records ? opts->attendance_csv : nullptr;
        std::optional<compare::makeup_reopening> reopened;
        if (records) {
            if (!so.previous || !so.replan_from)
                return fail(JADWAL_E_INVALID_ARGUMENT, "attendance_csv needs a previous plan and replan_from");
            if (const int st = reopen_records(reopened, s, *so.previous, records, opts->attendance_file,
                                              *so.replan_from, so.language))
                return st;
            so.previous = &reopened->previous;
            so.makeups = &reopened->makeups;
        }
        // Refused options (JADWAL_E_SOLVE) and a scenario validate() rejects
        // (JADWAL_E_LOAD, with its first diagnostic) are mapped in guarded().
        auto plan = solve::solve(s, so);
        *out = c_api::make_solution(scenario->model, std::move(plan)).release();
        return static_cast<int>(JADWAL_OK);
    });
}

void jadwal_solution_free(jadwal_solution* solution) { delete solution; }

int jadwal_solution_from_json(jadwal_solution** out, const jadwal_scenario* scenario, const char* json,
                              size_t length) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!json) return null_argument("json");
        if (const int st = usable(scenario)) return st;
        return read_solution(out, scenario->model, std::string_view(json, length), "<string>");
    });
}

int jadwal_solution_load_file(jadwal_solution** out, const jadwal_scenario* scenario, const char* path) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!path) return null_argument("path");
        if (const int st = usable(scenario)) return st;
        load::diagnostics diags;
        const auto text = load::read_input_file(path, "the solution file", diags);
        if (!text) return fail(JADWAL_E_IO, diags.items().front());
        return read_solution(out, scenario->model, *text, path);
    });
}

int jadwal_solution_to_json(char** out, const jadwal_solution* solution) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        *out = c_string(io::solution_to_json(*solution->scenario, solution->plan));
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_status(const char** out, const jadwal_solution* solution) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        *out = solution->status.c_str();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_metrics(jadwal_metrics* out, const jadwal_solution* solution) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto& p = solution->plan;
        return c_api::copy_metrics(out, p.metrics, static_cast<std::int64_t>(p.unplaced.size()), p.moves);
    });
}

int jadwal_solution_cohort_count(size_t* out, const jadwal_solution* solution) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        *out = solution->plan.cohorts.size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_cohort(jadwal_cohort* out, const jadwal_solution* solution, size_t cohort) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto& cohorts = solution->plan.cohorts;
        if (const int st = check_index(cohort, cohorts.size(), "cohort")) return st;
        const auto& s = *solution->scenario;
        const auto& c = cohorts[cohort];
        out->id = c.id.c_str();
        out->program = s.programs.at(c.program.value).id.c_str();
        // to_string returns views of string literals, so .data() is terminated.
        out->mode = model::to_string(c.mode).data();
        out->venue = c.venue.valid() ? s.venues.at(c.venue.value).id.c_str() : "";
        out->platform = c.platform.valid() ? s.platforms.at(c.platform.value).id.c_str() : "";
        out->session_count = c.sessions.size();
        out->participant_count = c.participants.size();
        out->instructor_count = c.instructors.size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_session(jadwal_session* out, const jadwal_solution* solution, size_t cohort, size_t session) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto& cohorts = solution->plan.cohorts;
        if (const int st = check_index(cohort, cohorts.size(), "cohort")) return st;
        const auto& c = cohorts[cohort];
        if (const int st = check_index(session, c.sessions.size(), "session")) return st;
        const auto& x = c.sessions[session];
        const auto& prog = solution->scenario->programs.at(c.program.value);
        out->module = prog.modules.at(x.module).id.c_str();
        out->part = x.part;
        out->start_unix = std::chrono::duration_cast<std::chrono::seconds>(x.start.time_since_epoch()).count();
        out->end_unix = std::chrono::duration_cast<std::chrono::seconds>(x.end.time_since_epoch()).count();
        out->start = solution->session_times[cohort][session].start.c_str();
        out->end = solution->session_times[cohort][session].end.c_str();
        out->pinned = x.pinned ? 1 : 0;
        out->revision = x.revision;
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_session_number(unsigned* out, const jadwal_solution* solution, size_t cohort, size_t session) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto& cohorts = solution->plan.cohorts;
        if (const int st = check_index(cohort, cohorts.size(), "cohort")) return st;
        if (const int st = check_index(session, cohorts[cohort].sessions.size(), "session")) return st;
        *out = cohorts[cohort].sessions[session].part + 1;
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_participant(const char** out, const jadwal_solution* solution, size_t cohort,
                                size_t participant) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto& cohorts = solution->plan.cohorts;
        if (const int st = check_index(cohort, cohorts.size(), "cohort")) return st;
        const auto& people = cohorts[cohort].participants;
        if (const int st = check_index(participant, people.size(), "participant")) return st;
        *out = solution->scenario->employees.at(people[participant].value).id.c_str();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_instructor(const char** out, const jadwal_solution* solution, size_t cohort, size_t instructor) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto& cohorts = solution->plan.cohorts;
        if (const int st = check_index(cohort, cohorts.size(), "cohort")) return st;
        const auto& list = cohorts[cohort].instructors;
        if (const int st = check_index(instructor, list.size(), "instructor")) return st;
        *out = solution->scenario->instructors.at(list[instructor].value).id.c_str();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_study_block_count(size_t* out, const jadwal_solution* solution) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        *out = solution->plan.study_blocks.size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_study_block(jadwal_study_block* out, const jadwal_solution* solution, size_t block) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto& blocks = solution->plan.study_blocks;
        if (const int st = check_index(block, blocks.size(), "study block")) return st;
        const auto& s = *solution->scenario;
        const auto& b = blocks[block];
        const auto& prog = s.programs.at(b.program.value);
        out->employee = s.employees.at(b.employee.value).id.c_str();
        out->program = prog.id.c_str();
        out->module = prog.modules.at(b.module).id.c_str();
        out->start_unix = std::chrono::duration_cast<std::chrono::seconds>(b.start.time_since_epoch()).count();
        out->end_unix = std::chrono::duration_cast<std::chrono::seconds>(b.end.time_since_epoch()).count();
        out->start = solution->block_times[block].start.c_str();
        out->end = solution->block_times[block].end.c_str();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_unplaced_count(size_t* out, const jadwal_solution* solution) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        *out = solution->plan.unplaced.size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_unplaced(jadwal_unplaced* out, const jadwal_solution* solution, size_t index) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto* u = unplaced_at(*solution, index);
        if (!u) return static_cast<int>(JADWAL_E_INVALID_ARGUMENT);
        const auto& s = *solution->scenario;
        out->employee = s.employees.at(u->employee.value).id.c_str();
        out->program = s.programs.at(u->program.value).id.c_str();
        out->reason_code = u->reasons.empty() ? "" : u->reasons.front().code.c_str();
        out->reason = u->reasons.empty() ? "" : u->reasons.front().message.c_str();
        out->reason_count = u->reasons.size();
        out->alternative_count = u->alternatives.size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_unplaced_reason(jadwal_reason* out, const jadwal_solution* solution, size_t index,
                                    size_t reason) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto* u = unplaced_at(*solution, index);
        if (!u) return static_cast<int>(JADWAL_E_INVALID_ARGUMENT);
        if (const int st = check_index(reason, u->reasons.size(), "reason")) return st;
        out->code = u->reasons[reason].code.c_str();
        out->message = u->reasons[reason].message.c_str();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_unplaced_alternative(jadwal_alternative* out, const jadwal_solution* solution, size_t index,
                                         size_t alternative) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        const auto* u = unplaced_at(*solution, index);
        if (!u) return static_cast<int>(JADWAL_E_INVALID_ARGUMENT);
        if (const int st = check_index(alternative, u->alternatives.size(), "alternative")) return st;
        out->description = u->alternatives[alternative].description.c_str();
        out->cost = u->alternatives[alternative].cost;
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_explain_employee(char** out, const jadwal_solution* solution, const char* employee_id,
                            const char* program_id) {
    return jadwal_explain_employee_in(out, solution, employee_id, program_id, nullptr);
}

int jadwal_explain_employee_in(char** out, const jadwal_solution* solution, const char* employee_id,
                               const char* program_id, const char* language) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        if (!employee_id) return null_argument("employee_id");
        const auto& s = *solution->scenario;
        const auto e = s.find_employee(employee_id);
        if (!e) return fail(JADWAL_E_NOT_FOUND, std::string("no employee '") + employee_id + "' in the scenario");
        std::optional<model::program_index> program;
        if (program_id) {
            program = s.find_program(program_id);
            if (!program)
                return fail(JADWAL_E_NOT_FOUND, std::string("no programme '") + program_id + "' in the scenario");
        }
        std::optional<text::language> lang;
        if (const int st = read_language(language, lang, "language")) return st;
        try {
            *out = c_string(io::explanation_to_json(s, solve::explain_employee(s, solution->plan, *e, program, lang)));
        } catch (const solve::solve_error& err) {
            return fail(JADWAL_E_NOT_FOUND, err.what());  // the plan names a policy the scenario lacks
        }
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_verify(jadwal_metrics* out, int64_t* out_violations, const jadwal_solution* solution) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!out_violations) return null_argument("out_violations");
        if (!solution) return null_argument("solution");
        const auto& s = *solution->scenario;
        const model::policy* pol = nullptr;
        try {
            pol = solve::plan_policy(s, solution->plan);
        } catch (const solve::solve_error& err) {
            return fail(JADWAL_E_NOT_FOUND, err.what());
        }
        const verify::report r = verify::verify(s, solution->plan, model::policy_or_builtin(pol));
        if (const int st = c_api::copy_metrics(out, r.metrics, static_cast<std::int64_t>(solution->plan.unplaced.size()),
                                               solution->plan.moves))
            return st;
        *out_violations = static_cast<int64_t>(r.violations.size());
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_verify_replan(jadwal_replan_check* out, const jadwal_solution* solution, const jadwal_solution* previous,
                         const char* replan_from) {
    return verify_replan(out, solution, previous, replan_from, nullptr, nullptr);
}

int jadwal_verify_replan_attendance(jadwal_replan_check* out, const jadwal_solution* solution,
                                    const jadwal_solution* previous, const char* replan_from,
                                    const char* attendance_csv, const char* attendance_file) {
    if (!attendance_csv) return guarded([] { return null_argument("attendance_csv"); });
    if (!replan_from) return guarded([] { return null_argument("replan_from"); });
    return verify_replan(out, solution, previous, replan_from, attendance_csv, attendance_file);
}

int jadwal_attendance_errors(char** out, const jadwal_solution* previous, const char* replan_from,
                             const char* attendance_csv, const char* attendance_file, const char* language) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!previous) return null_argument("previous");
        if (!replan_from) return null_argument("replan_from");
        if (!attendance_csv) return null_argument("attendance_csv");
        const auto& s = *previous->scenario;
        std::optional<calendar::instant> from;
        if (const int st = read_replan_from(s, replan_from, from)) return st;
        std::optional<text::language> lang;
        if (const int st = read_language(language, lang, "language")) return st;
        const text::messages m(text::choose_language(lang, s.locale));
        std::vector<std::string> errors;
        (void)compare::reopen_makeups_csv(s, previous->plan, attendance_csv, *from, records_name(attendance_file),
                                          m, errors);
        std::string all;
        for (const auto& e : errors) all += e + "\n";
        *out = c_string(all);
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_write_outputs(const jadwal_solution* solution, const char* dir, const char* formats,
                         const jadwal_solution* previous) {
    return write_outputs(solution, dir, formats, previous, nullptr);
}

int jadwal_solution_makeup_count(size_t* out, const jadwal_solution* solution) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        *out = solution->plan.makeups.size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_solution_makeup(jadwal_makeup* out, const jadwal_solution* solution, size_t index) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        if (out->size != sizeof(jadwal_makeup))
            return fail(JADWAL_E_INVALID_ARGUMENT, "jadwal_makeup.size is not a size this library knows: "
                                                   "call jadwal_makeup_init first");
        const auto& list = solution->plan.makeups;
        if (const int st = check_index(index, list.size(), "make-up")) return st;
        const auto& x = list[index];
        const auto& s = *solution->scenario;
        const auto& prog = s.programs.at(x.program.value);
        jadwal_makeup full{};
        full.size = out->size;
        full.employee = s.employees.at(x.employee.value).id.c_str();
        full.program = prog.id.c_str();
        full.module = x.module < prog.modules.size() ? prog.modules[x.module].id.c_str() : "";
        full.missed_unix = std::chrono::duration_cast<std::chrono::seconds>(x.missed.time_since_epoch()).count();
        full.missed = solution->makeup_times.at(index).c_str();
        full.cohort = x.cohort.c_str();
        full.sessions_missed = x.sessions_missed;
        std::memcpy(out, &full, out->size);
        return static_cast<int>(JADWAL_OK);
    });
}

}  // extern "C"

namespace {

int verify_replan(jadwal_replan_check* out, const jadwal_solution* solution, const jadwal_solution* previous,
                  const char* replan_from, const char* records, const char* records_file) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        if (!previous) return null_argument("previous");
        // The layouts: without makeup_violations (0.1.0), and the current one.
        if (out->size != offsetof(jadwal_replan_check, makeup_violations) && out->size != sizeof(jadwal_replan_check))
            return fail(JADWAL_E_INVALID_ARGUMENT, "jadwal_replan_check.size is not a size this library knows: "
                                                   "call jadwal_replan_check_init first");
        const auto& s = *solution->scenario;
        const model::policy* pol = nullptr;
        try {
            pol = solve::plan_policy(s, solution->plan);
        } catch (const solve::solve_error& err) {
            return fail(JADWAL_E_NOT_FOUND, err.what());
        }
        verify::options o;
        std::optional<solve::solution> carried;
        if (const int st = previous_for(carried, o.previous.plan, *previous, s)) return st;
        if (replan_from)
            if (const int st = read_replan_from(s, replan_from, o.previous.replan_from)) return st;
        // With records: the items they re-open leave the published plan, and
        // the plan must list and place exactly those make-ups.
        std::optional<compare::makeup_reopening> reopened;
        if (records) {
            if (const int st = reopen_records(reopened, s, *o.previous.plan, records, records_file,
                                              *o.previous.replan_from, std::nullopt))
                return st;
            o.previous.plan = &reopened->previous;
            o.previous.makeups = &reopened->makeups;
        }
        const verify::report r = verify::verify(s, solution->plan, model::policy_or_builtin(pol), o);
        jadwal_replan_check full{};
        full.size = out->size;
        full.violations = static_cast<int64_t>(r.violations.size());
        full.changes = r.changes;
        full.changes_repair = r.changes_by_reason.at("repair");
        full.changes_placement = r.changes_by_reason.at("placement");
        full.changes_other = r.changes_by_reason.at("other");
        full.published_dropped = r.published_dropped;
        const auto makeup = r.violations_by_code.find("H8-MAKEUP");
        full.makeup_violations = makeup == r.violations_by_code.end() ? 0 : makeup->second;
        std::memcpy(out, &full, out->size);
        return static_cast<int>(JADWAL_OK);
    });
}

}  // namespace

extern "C" {

int jadwal_write_outputs_ex(const jadwal_solution* solution, const char* dir, const char* formats,
                            const jadwal_ics_options* options) {
    return write_outputs(solution, dir, formats, nullptr, options);
}

int jadwal_employee_calendar(char** out_publish, char** out_cancel, const jadwal_solution* solution,
                             const char* employee_id, const jadwal_ics_options* options) {
    if (out_publish) *out_publish = nullptr;
    if (out_cancel) *out_cancel = nullptr;
    return guarded([&] {
        if (!out_publish) return null_argument("out_publish");
        if (!solution) return null_argument("solution");
        if (!employee_id) return null_argument("employee_id");
        const auto& s = *solution->scenario;
        output::ics_options o;
        std::optional<solve::solution> carried;
        if (const int st = read_ics_options(options, o, carried, s)) return st;
        const auto e = s.find_employee(employee_id);
        if (!e) return fail(JADWAL_E_NOT_FOUND, std::string("no employee '") + employee_id + "' in the scenario");
        const output::ics_calendar cal = output::employee_calendar(s, solution->plan, *e, o);
        char* publish = c_string(cal.publish);
        if (out_cancel) {
            try {
                *out_cancel = c_string(cal.cancel);
            } catch (const std::bad_alloc&) {
                std::free(publish);
                throw;
            }
        }
        *out_publish = publish;
        return static_cast<int>(JADWAL_OK);
    });
}

}  // extern "C"
