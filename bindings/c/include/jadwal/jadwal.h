/*
 * jadwal C API: load a scenario, solve it, read, explain, verify and publish
 * the plan. One header, usable from C11 and C++.
 *
 * Conventions (docs/c_api.md has the full rules):
 *  - Every function returns an int status: JADWAL_OK (0) or a negative
 *    jadwal_status. Out-parameters come first.
 *  - After any call, jadwal_last_error() describes how the calling thread's
 *    last call ended (code JADWAL_OK after a success).
 *  - Handles are opaque; each *_free accepts NULL. Strings returned as
 *    `const char*` are owned by the handle they came from and live as long as
 *    it does; strings returned as `char*` are the caller's, freed with
 *    jadwal_string_free.
 *  - Structs passed in carry their size (set by the *_init functions) so they
 *    can grow without breaking callers built against an older header.
 *  - No C++ exception ever leaves the library.
 *
 * Foreign function interfaces that cannot run the C preprocessor (PHP's FFI,
 * for one) read this header preprocessed with JADWAL_FFI defined
 * (`cc -E -P -DJADWAL_FFI`): it then includes no system header and leaves out
 * the inline *_init functions, whose only job is to set `size`; the build
 * writes it as jadwal_ffi.h (docs/c_api.md).
 */
#ifndef JADWAL_JADWAL_H
#define JADWAL_JADWAL_H

#ifndef JADWAL_FFI
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(JADWAL_C_BUILDING)
#define JADWAL_API __attribute__((visibility("default")))
#else
#define JADWAL_API
#endif

/* Kept equal to the CMake project version (CMake checks it). */
#define JADWAL_VERSION_MAJOR 0
#define JADWAL_VERSION_MINOR 1
#define JADWAL_VERSION_PATCH 0
#define JADWAL_VERSION_NUMBER (JADWAL_VERSION_MAJOR * 10000 + JADWAL_VERSION_MINOR * 100 + JADWAL_VERSION_PATCH)

/* Status codes. Values never change; new codes are only ever appended. */
typedef enum jadwal_status {
    JADWAL_OK = 0,
    JADWAL_E_INVALID_ARGUMENT = -1, /* a NULL pointer, a bad struct size, an index out of range, a bad value */
    JADWAL_E_LOAD = -2,             /* the scenario has errors: see its diagnostics */
    JADWAL_E_NOT_FOUND = -3,        /* an unknown employee, programme or policy id */
    JADWAL_E_SOLVE = -4,            /* the solver refused its options */
    JADWAL_E_PARSE = -5,            /* a solution JSON (or a requests CSV) that does not read against the scenario */
    JADWAL_E_IO = -6,               /* a file could not be read or written */
    JADWAL_E_NO_MEMORY = -7,
    JADWAL_E_INTERNAL = -8,         /* a bug in jadwal: please report it */
    JADWAL_E_STATE = -9             /* the handle cannot do this (a scenario that failed to load) */
} jadwal_status;

typedef enum jadwal_severity {
    JADWAL_SEVERITY_NOTE = 0,
    JADWAL_SEVERITY_WARNING = 1,
    JADWAL_SEVERITY_ERROR = 2
} jadwal_severity;

/* How the calling thread's last call ended. Strings are never NULL (empty when
 * unknown) and stay valid until the thread's next jadwal call. */
typedef struct jadwal_error {
    int code;                    /* a jadwal_status */
    const char* message;
    const char* diagnostic_code; /* e.g. "E-REF-UNIT" for input problems, else "" */
    const char* file;
    int line;                    /* 1-based; 0 when unknown */
    int column;                  /* 1-based; 0 when unknown */
} jadwal_error;

/* Never NULL. */
JADWAL_API const jadwal_error* jadwal_last_error(void);

/* JADWAL_VERSION_NUMBER of the library actually loaded (may differ from the header's). */
JADWAL_API unsigned jadwal_version(void);
/* "MAJOR.MINOR.PATCH" of the library; static storage. */
JADWAL_API const char* jadwal_version_string(void);

/* Frees a string the library returned as char*. NULL is fine. */
JADWAL_API void jadwal_string_free(char* s);

/* ------------------------------------------------------------------ scenario */

typedef struct jadwal_scenario jadwal_scenario;

/* Loads a scenario. On JADWAL_OK and on JADWAL_E_LOAD *out is a handle the
 * caller frees; with JADWAL_E_LOAD it only holds the diagnostics (the last
 * error names the first error). JADWAL_E_IO: the scenario file, or a file it
 * names, cannot be read (missing, a folder, no permission; the last error
 * carries the diagnostic, code E-FILE; earlier 0.1 builds said JADWAL_E_LOAD).
 * On any status but JADWAL_OK and JADWAL_E_LOAD *out is NULL. */
JADWAL_API int jadwal_scenario_load_file(jadwal_scenario** out, const char* path);
/* `name` stands for the file in diagnostics (NULL: "<string>"); relative paths
 * inside the scenario (an employees CSV) resolve against the current directory. */
JADWAL_API int jadwal_scenario_load_string(jadwal_scenario** out, const char* yaml, size_t length, const char* name);
JADWAL_API void jadwal_scenario_free(jadwal_scenario* scenario);

/* How a scenario is loaded (jadwal_scenario_load_file_ex, _load_string_ex).
 * Starts with `size`, as every struct that may grow: fields are only appended. */
typedef struct jadwal_load_options {
    size_t size;       /* sizeof(jadwal_load_options), set by jadwal_load_options_init */
    /* Nonzero: the files the scenario names (an employees CSV) must lie inside
     * its folder (the scenario file's; for a string, the current directory of
     * the call), after `..` and symbolic links are resolved; a reference that
     * leads outside is the error E-FILE-OUTSIDE at the reference and nothing
     * is read. Set it for scenarios from people who should not read the
     * machine's files. 0: a scenario may name any file the process can read. */
    int confine_files;
} jadwal_load_options;

#ifndef JADWAL_FFI
/* Inline so that `size` is the size of the struct the caller was compiled with. */
static inline int jadwal_load_options_init(jadwal_load_options* opts) {
    if (!opts) return JADWAL_E_INVALID_ARGUMENT;
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
    return JADWAL_OK;
}
#endif

/* jadwal_scenario_load_file and _load_string with options; `options` may be
 * NULL (the defaults, as the calls without _ex). A `size` the library does not
 * know is JADWAL_E_INVALID_ARGUMENT. Employees added later with
 * jadwal_scenario_add_employees_csv load the scenario again with the same options. */
JADWAL_API int jadwal_scenario_load_file_ex(jadwal_scenario** out, const char* path, const jadwal_load_options* options);
JADWAL_API int jadwal_scenario_load_string_ex(jadwal_scenario** out, const char* yaml, size_t length, const char* name,
                                              const jadwal_load_options* options);

typedef struct jadwal_diagnostic {
    int severity;        /* a jadwal_severity */
    const char* code;    /* stable, docs/errors.md */
    const char* message; /* one sentence, no position */
    const char* file;
    int line;            /* 1-based; 0 when the whole file is meant */
    int column;
    const char* path;    /* node path such as "units[3].max_absent", or "" */
} jadwal_diagnostic;

JADWAL_API int jadwal_scenario_diagnostic_count(size_t* out, const jadwal_scenario* scenario);
/* Strings are owned by the scenario. */
JADWAL_API int jadwal_scenario_diagnostic(jadwal_diagnostic* out, const jadwal_scenario* scenario, size_t index);

JADWAL_API int jadwal_scenario_employee_count(size_t* out, const jadwal_scenario* scenario);

/* Adds a leave (whole days, both ends included, "YYYY-MM-DD") to an employee.
 * Solutions made before keep the scenario they were made for. */
JADWAL_API int jadwal_scenario_add_leave(jadwal_scenario* scenario, const char* employee_id, const char* from,
                                         const char* to);

/* Adds employees, or replaces those whose NIP the scenario already has, from
 * CSV text in the format of an employees CSV file (docs/format.md: a header
 * naming the columns, nip, name, unit and status required; UTF-8; comma or
 * semicolon). `name` stands for the text in diagnostics (NULL: "<employees>").
 * The scenario is loaded again with them (its files are read again), so units,
 * patterns and demand (`where:` filters) apply to them as to any employee;
 * leave added with jadwal_scenario_add_leave is kept. A NIP twice in one text
 * is a duplicate; a later call may replace an employee again.
 * JADWAL_E_LOAD: the text (or the scenario as read again) has errors; the
 * last error names the first with its line and column in the text, the
 * scenario keeps its employees, and its diagnostics are now the attempt's.
 * Solutions made before keep the scenario they were made for. */
JADWAL_API int jadwal_scenario_add_employees_csv(jadwal_scenario* scenario, const char* csv, size_t length,
                                                 const char* name);

/* ---------------------------------------------------------------------- solve */

typedef struct jadwal_solution jadwal_solution;
/* A flag another thread (or the progress callback) raises to stop a solve;
 * the best plan so far is returned. */
typedef struct jadwal_cancel_token jadwal_cancel_token;

JADWAL_API int jadwal_cancel_token_new(jadwal_cancel_token** out);
/* Safe from any thread, while a solve reads the token. */
JADWAL_API int jadwal_cancel(jadwal_cancel_token* token);
JADWAL_API void jadwal_cancel_token_free(jadwal_cancel_token* token);

typedef struct jadwal_progress {
    size_t size;             /* sizeof the library's struct: read a field only if it fits */
    const char* phase;       /* "compile", "construct", "search", "done" */
    double participation;    /* objective levels of the best plan so far */
    double burden;
    double cost;
    int64_t demand_placed;
    int64_t demand_total;
    double elapsed_seconds;
    int64_t moves;
} jadwal_progress;

/* Called on the solving thread; the struct is valid during the call only. */
typedef void (*jadwal_progress_fn)(const jadwal_progress* progress, void* user);

typedef struct jadwal_solve_options {
    size_t size;                       /* sizeof(jadwal_solve_options), set by jadwal_solve_options_init */
    uint64_t seed;                     /* 0: 1 */
    double time_limit_seconds;         /* <= 0: none */
    int64_t max_moves;                 /* per search thread; 0: the default (no time limit: deterministic) */
    int threads;                       /* 0: 1; at most 256 (JADWAL_E_INVALID_ARGUMENT above) */
    const char* policy;                /* NULL or "": the scenario's default policy */
    const char* strategy;              /* NULL, "optimized" or "baseline" */
    const jadwal_solution* previous;   /* re-planning: the published plan, or NULL */
    const char* replan_from;           /* "YYYY-MM-DD" or an ISO 8601 instant; NULL: only pins stay */
    jadwal_progress_fn progress;       /* NULL: none */
    void* progress_user;
    double progress_interval_seconds;  /* <= 0: 0.25 */
    jadwal_cancel_token* cancel;       /* NULL: none */
    /* A stop flag the caller owns, for hosts that would rather not hold a
     * token (a signal handler, a foreign runtime): nonzero stops the solve as
     * jadwal_cancel does. NULL: none. The library only reads it, with a
     * relaxed atomic load (__atomic_load_n), from the solving threads every
     * few hundred moves; the host raises it with an atomic store
     * (__atomic_store_n(&flag, 1, __ATOMIC_RELAXED)) from any thread, or with
     * a plain store to a `volatile sig_atomic_t` from a signal handler. It is
     * normally seen within a few milliseconds. The int must outlive the call. Both this flag
     * and `cancel` may be given: either stops the solve. */
    const volatile int* cancel_flag;
    /* The language of the explanations' sentences and alternatives: "id"
     * (Indonesian) or "en" (also "id_ID.UTF-8", "id-ID", "indonesian", ...;
     * docs/c_api.md). NULL or "": the scenario's `locale`, else English.
     * Anything else: JADWAL_E_INVALID_ARGUMENT. (Appended after 0.1.0.) */
    const char* language;
    /* With `previous`: where the re-plan's changes weigh (docs/model.md
     * "Stability"): "strict" (a published item changes only to repair it or to
     * place unplaced demand), "balanced" or "free". NULL or "": the policy's,
     * strict unless it says otherwise. Anything else, or a value without
     * `previous`: JADWAL_E_INVALID_ARGUMENT. (Appended after 0.1.0, after `language`.) */
    const char* stability;
    /* Make-ups (docs/attendance.md "Make-ups"), as `jadwal solve --attendance`:
     * attendance records as CSV text (the columns of `attendance fit`:
     * nip,program,module,start,attended; UTF-8, NUL-terminated). Whoever
     * missed a live session before `replan_from` (more than the scenario's
     * missed_sessions_allowed of a module) or skipped self-paced study has the
     * programme re-opened and placed again after it; the plan lists them
     * (jadwal_solution_makeup). Needs `previous` and `replan_from`, else
     * JADWAL_E_INVALID_ARGUMENT. Any error in the text (an unknown NIP,
     * programme or module, a bad start or attended): JADWAL_E_PARSE, the first
     * error (file, line, column, code) in jadwal_last_error, nothing solved;
     * jadwal_attendance_errors lists every one. NULL: none. Only jadwal_solve
     * reads it. (Appended after 0.1.0, after `stability`, with attendance_file.) */
    const char* attendance_csv;
    /* The name the records' diagnostics give the text; NULL or "": "attendance.csv". */
    const char* attendance_file;
    /* Nonzero: also solve the scenario as one exact model (CBC), as `jadwal
     * solve --exact` (docs/c_api.md "Proven optimal plans"):
     * jadwal_solution_status says "optimal" only when the model proved its
     * plan best. A scenario whose rules the model does not hold (re-planning,
     * assigned duty, more than 200 employees, more variables or schedules of
     * modules in several sessions than it enumerates, ...) is
     * refused: JADWAL_E_SOLVE, the rule named in jadwal_last_error, nothing
     * solved. 0: the search alone.
     * (Appended after 0.1.0, after `attendance_file`, with exact_seconds.) */
    int exact;
    /* With `exact`: the exact model's time box in seconds; <= 0: 60 (the
     * command line's default). */
    double exact_seconds;
} jadwal_solve_options;

#ifndef JADWAL_FFI
/* Inline so that `size` is the size of the struct the caller was compiled with. */
static inline int jadwal_solve_options_init(jadwal_solve_options* opts) {
    if (!opts) return JADWAL_E_INVALID_ARGUMENT;
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
    return JADWAL_OK;
}
#endif

/* Solves; opts may be NULL (defaults). *out is set on JADWAL_OK only. */
JADWAL_API int jadwal_solve(jadwal_solution** out, const jadwal_scenario* scenario, const jadwal_solve_options* opts);
JADWAL_API void jadwal_solution_free(jadwal_solution* solution);

/* Reads solution.json text (or a file) against the scenario it was made for. */
JADWAL_API int jadwal_solution_from_json(jadwal_solution** out, const jadwal_scenario* scenario, const char* json,
                                         size_t length);
JADWAL_API int jadwal_solution_load_file(jadwal_solution** out, const jadwal_scenario* scenario, const char* path);

/* ------------------------------------------------------------ reading a plan */

/* solution.json as text; free with jadwal_string_free. */
JADWAL_API int jadwal_solution_to_json(char** out, const jadwal_solution* solution);

/* "optimal", "feasible", "infeasible", "time_limit_no_solution"; owned by the solution. */
JADWAL_API int jadwal_solution_status(const char** out, const jadwal_solution* solution);

typedef struct jadwal_metrics {
    size_t size; /* the caller sets sizeof(jadwal_metrics) (jadwal_metrics_init) */
    int64_t demand_total;
    int64_t demand_placed;
    double participation_rate;
    int64_t jp_target_employees;
    int64_t jp_target_met;
    double jp_target_attainment;
    int64_t disruption_minutes;
    double disruption_weighted;
    int64_t after_hours_minutes;
    int64_t max_after_hours_minutes_per_person_week;
    double max_unit_absence_ratio;
    int64_t cohorts;
    int64_t sessions;
    int64_t study_blocks;
    int64_t instructor_minutes;
    int64_t hard_violations;
    int64_t unplaced;
    int64_t moves;
    /* Appended after 0.1.0 (callers built before pass a smaller size and get
     * the fields above): docs/model.md "Preferences". */
    int64_t preference_misses;
    /* Appended after preference_misses (callers built before pass a smaller
     * size and get the fields above): docs/model.md "Metrics", the JP the
     * training history shows earned in the plan's year, the JP the plan
     * places (top-up included), and their sum. */
    int64_t jp_earned;
    int64_t jp_planned;
    int64_t jp_total;
} jadwal_metrics;

#ifndef JADWAL_FFI
static inline int jadwal_metrics_init(jadwal_metrics* m) {
    if (!m) return JADWAL_E_INVALID_ARGUMENT;
    memset(m, 0, sizeof *m);
    m->size = sizeof *m;
    return JADWAL_OK;
}
#endif

/* The metrics the solution carries (as the solver computed them). */
JADWAL_API int jadwal_solution_metrics(jadwal_metrics* out, const jadwal_solution* solution);

typedef struct jadwal_cohort {
    const char* id;
    const char* program;
    const char* mode;     /* "classroom", "online_live", "self_paced" */
    const char* venue;    /* "" when none */
    const char* platform; /* "" when none */
    size_t session_count;
    size_t participant_count;
    size_t instructor_count;
} jadwal_cohort;

typedef struct jadwal_session {
    const char* module;  /* the programme's module id */
    unsigned part;       /* 0-based part of a module split over days (solution.json and
                          * Python count from 1: jadwal_solution_session_number) */
    int64_t start_unix;  /* seconds since 1970-01-01 UTC */
    int64_t end_unix;
    const char* start;   /* ISO 8601 with the scenario zone's offset */
    const char* end;
    int pinned;
    unsigned revision;
} jadwal_session;

typedef struct jadwal_study_block {
    const char* employee;
    const char* program;
    const char* module;
    int64_t start_unix;
    int64_t end_unix;
    const char* start; /* ISO 8601 with the employee's zone offset */
    const char* end;
} jadwal_study_block;

/* Cohorts in plan order; all strings are owned by the solution. */
JADWAL_API int jadwal_solution_cohort_count(size_t* out, const jadwal_solution* solution);
JADWAL_API int jadwal_solution_cohort(jadwal_cohort* out, const jadwal_solution* solution, size_t cohort);
JADWAL_API int jadwal_solution_session(jadwal_session* out, const jadwal_solution* solution, size_t cohort,
                                       size_t session);
/* The session's part as solution.json, Python, the calendars' UIDs and the
 * CSVs number it: 1 for the first day of a module split over days.
 * (jadwal_session is frozen, so its 0-based `part` stays as it was.) */
JADWAL_API int jadwal_solution_session_number(unsigned* out, const jadwal_solution* solution, size_t cohort,
                                              size_t session);
/* The participant's employee id (NIP). */
JADWAL_API int jadwal_solution_participant(const char** out, const jadwal_solution* solution, size_t cohort,
                                           size_t participant);
JADWAL_API int jadwal_solution_instructor(const char** out, const jadwal_solution* solution, size_t cohort,
                                          size_t instructor);
JADWAL_API int jadwal_solution_study_block_count(size_t* out, const jadwal_solution* solution);
JADWAL_API int jadwal_solution_study_block(jadwal_study_block* out, const jadwal_solution* solution, size_t block);

/* ------------------------------------------------------------------ make-ups */

/* One make-up of a re-plan with attendance records (docs/attendance.md
 * "Make-ups"; solution.json's `makeups`): a demand item re-opened because its
 * person missed a live session or skipped self-paced study before the re-plan
 * instant. Strings are owned by the solution. The caller sets `size`
 * (jadwal_makeup_init); fields are only appended. (Appended after 0.1.0.) */
typedef struct jadwal_makeup {
    size_t size;
    const char* employee;  /* NIP */
    const char* program;
    const char* module;    /* the first module, by time, that re-opened the item */
    int64_t missed_unix;   /* the missed session's start (or the skipped study's first
                            * block's), seconds since 1970-01-01 UTC */
    const char* missed;    /* the same, ISO 8601 with the employee's zone offset */
    const char* cohort;    /* the cohort missed; "" for skipped study */
    int sessions_missed;   /* live sessions of `module` missed; 0 for skipped study */
} jadwal_makeup;

#ifndef JADWAL_FFI
static inline int jadwal_makeup_init(jadwal_makeup* m) {
    if (!m) return JADWAL_E_INVALID_ARGUMENT;
    memset(m, 0, sizeof *m);
    m->size = sizeof *m;
    return JADWAL_OK;
}
#endif

/* The plan's make-ups, by employee then programme (0 unless it was solved
 * with attendance records, or read from a solution.json that lists them). */
JADWAL_API int jadwal_solution_makeup_count(size_t* out, const jadwal_solution* solution);
/* Index out of range, or out->size not set: JADWAL_E_INVALID_ARGUMENT. */
JADWAL_API int jadwal_solution_makeup(jadwal_makeup* out, const jadwal_solution* solution, size_t index);

/* --------------------------------------------------------------- unmet demand */

/* One demand (an employee wanting a programme) the plan leaves unplaced, in
 * plan order, with why and what it would take: the reasons and alternatives
 * of solution.json's `unplaced` (docs/explanations.md). All strings are owned
 * by the solution. */
typedef struct jadwal_unplaced {
    const char* employee;     /* NIP */
    const char* program;
    const char* reason_code;  /* the first reason's code, e.g. "R-UNIT-LIMIT"; "" when there is none */
    const char* reason;       /* the first reason's sentence; "" when there is none */
    size_t reason_count;      /* every reason: jadwal_solution_unplaced_reason */
    size_t alternative_count; /* at most 3: jadwal_solution_unplaced_alternative */
} jadwal_unplaced;

typedef struct jadwal_reason {
    const char* code;    /* stable, "R-..." (docs/explanations.md) */
    const char* message; /* one sentence in domain terms */
} jadwal_reason;

typedef struct jadwal_alternative {
    const char* description; /* what would seat the person, in domain terms */
    double cost;             /* the change in the objective's burden level if it were taken */
} jadwal_alternative;

JADWAL_API int jadwal_solution_unplaced_count(size_t* out, const jadwal_solution* solution);
JADWAL_API int jadwal_solution_unplaced(jadwal_unplaced* out, const jadwal_solution* solution, size_t index);
JADWAL_API int jadwal_solution_unplaced_reason(jadwal_reason* out, const jadwal_solution* solution, size_t index,
                                               size_t reason);
JADWAL_API int jadwal_solution_unplaced_alternative(jadwal_alternative* out, const jadwal_solution* solution,
                                                    size_t index, size_t alternative);

/* --------------------------------------------------- explain, verify, publish */

/* One employee's plan and why demand is unmet, as JSON (the shape of
 * `jadwal explain --format json`); program_id may be NULL. Free with
 * jadwal_string_free. */
JADWAL_API int jadwal_explain_employee(char** out, const jadwal_solution* solution, const char* employee_id,
                                       const char* program_id);

/* As jadwal_explain_employee, with the sentences in `language`: "id" or "en"
 * (as jadwal_solve_options.language); NULL or "": the scenario's `locale`, else
 * English. Another language: JADWAL_E_INVALID_ARGUMENT. */
JADWAL_API int jadwal_explain_employee_in(char** out, const jadwal_solution* solution, const char* employee_id,
                                          const char* program_id, const char* language);

/* Recomputes every hard constraint and metric independently of the solver,
 * under the policy the plan names. out->size must be set (jadwal_metrics_init);
 * *out_violations receives the number of hard violations (0: feasible). */
JADWAL_API int jadwal_verify(jadwal_metrics* out, int64_t* out_violations, const jadwal_solution* solution);

/* What the checker finds of a re-plan against the plan it replaces
 * (docs/model.md "Stability"): the changes, each with its reason, and the
 * published training taken away. */
typedef struct jadwal_replan_check {
    size_t size;                /* sizeof(jadwal_replan_check), set by jadwal_replan_check_init */
    int64_t violations;         /* hard violations, pins (H8-PIN) included; 0: feasible */
    int64_t changes;            /* against the previous plan */
    int64_t changes_repair;     /* of a previous item that now breaks a hard rule */
    int64_t changes_placement;  /* seating demand the previous plan left unplaced */
    int64_t changes_other;      /* neither: a burden or cost gain */
    int64_t published_dropped;  /* demand items the previous plan placed and this one does not */
    /* Appended after 0.1.0 (a struct of the size before still reads): the
     * violations of the make-up rule (H8-MAKEUP; docs/attendance.md
     * "Make-ups"), counted in `violations` too. */
    int64_t makeup_violations;
} jadwal_replan_check;

#ifndef JADWAL_FFI
static inline int jadwal_replan_check_init(jadwal_replan_check* c) {
    if (!c) return JADWAL_E_INVALID_ARGUMENT;
    memset(c, 0, sizeof *c);
    c->size = sizeof *c;
    return JADWAL_OK;
}
#endif

/* Checks `solution` as a re-plan of `previous` (carried over by id when it was
 * made before an edit of the scenario), with everything pinned or starting
 * before `replan_from` ("YYYY-MM-DD" or an ISO 8601 instant; NULL: only pins)
 * required to stay. out->size must be set (jadwal_replan_check_init). */
JADWAL_API int jadwal_verify_replan(jadwal_replan_check* out, const jadwal_solution* solution,
                                    const jadwal_solution* previous, const char* replan_from);

/* jadwal_verify_replan with attendance records, as `jadwal verify --previous
 * --replan-from --attendance` does: the items of `previous` the records
 * re-open (jadwal_solve_options.attendance_csv) are taken out of it, and the
 * plan is checked against what is left, and for listing exactly those
 * make-ups and placing each after `replan_from` (H8-MAKEUP). `replan_from`
 * and `attendance_csv` (CSV text, NUL-terminated) are required;
 * `attendance_file` names the text in diagnostics (NULL or "":
 * "attendance.csv"). An error in the records: JADWAL_E_PARSE, the first error
 * in jadwal_last_error, nothing checked. (Appended after 0.1.0.) */
JADWAL_API int jadwal_verify_replan_attendance(jadwal_replan_check* out, const jadwal_solution* solution,
                                               const jadwal_solution* previous, const char* replan_from,
                                               const char* attendance_csv, const char* attendance_file);

/* Every problem of attendance records read against the published plan
 * `previous` and `replan_from` (as jadwal_solve and
 * jadwal_verify_replan_attendance read them), one a line as
 * "FILE:LINE:COLUMN: error: MESSAGE [CODE]", in `language` ("id" or "en";
 * NULL or "": the scenario's `locale`, else English); "" when the records
 * read. Free *out with jadwal_string_free. (Appended after 0.1.0.) */
JADWAL_API int jadwal_attendance_errors(char** out, const jadwal_solution* previous, const char* replan_from,
                                        const char* attendance_csv, const char* attendance_file,
                                        const char* language);

/* Writes the outputs under `dir`, all or nothing, as `jadwal export` does.
 * formats: NULL or "all", or a comma-separated list of json, csv, html, ics.
 * previous: the plan this one replaces (calendar updates and cancellations), or NULL. */
JADWAL_API int jadwal_write_outputs(const jadwal_solution* solution, const char* dir, const char* formats,
                                    const jadwal_solution* previous);

/* How calendar text is made (jadwal_employee_calendar). Starts with `size`,
 * set by jadwal_ics_options_init; fields are only appended. */
typedef struct jadwal_ics_options {
    size_t size;
    /* The right-hand side of every UID; NULL: the scenario's
     * `outputs.uid_domain`, else "jadwal". An organisation whose
     * calendars are shared with others sets a domain of its own, such as
     * "bkpsdmd.batangharikab.go.id" (letters, digits, '.' and '-' kept).
     * Every option left unset here takes the scenario's `outputs` value when
     * it has one (docs/outputs.md "Options in the scenario"). */
    const char* uid_domain;
    const char* product_id; /* PRODID; NULL: outputs.product_id, else "-//jadwal//jadwal//EN" */
    /* DTSTAMP of every event in seconds since 1970-01-01 UTC (rounded down to
     * the minute); negative: the current minute, or SOURCE_DATE_EPOCH when set. */
    int64_t dtstamp_unix;
    /* The plan this one replaces (updates with SEQUENCE, cancellations), or NULL. */
    const jadwal_solution* previous;
    /* Appended after 0.1.0; a struct of the 0.1.0 size (without them) still reads. */
    /* The language of what people read (report.html, calendar text): "id" or
     * "en" (as jadwal_solve_options.language). NULL or "": the scenario's
     * `locale`, else English. The sentences of unplaced.csv and
     * solution.json are the plan's own, in the language it was solved with. */
    const char* language;
    /* Nonzero: the CSV files for spreadsheets set to Indonesian (';' between
     * fields, decimal commas, NIPs kept as text, a UTF-8 byte order mark;
     * docs/outputs.md). 0: the scenario's `outputs.spreadsheet`, else
     * RFC 4180. Only jadwal_write_outputs_ex reads it. */
    int csv_spreadsheet;
    /* Calendar reminders (VALARM), minutes before each entry, each from 0 to
     * 40320 (28 days); written largest first, duplicates once. NULL: the
     * scenario's `outputs.reminders`, else a day and 30 minutes before. Not NULL with reminder_count 0:
     * no reminders. The array is read during the call only. */
    const int* reminder_minutes;
    size_t reminder_count;
    /* The organiser written in the CSV files for a programme without
     * `organizer` (one line, no control characters; "" for none). NULL: the
     * scenario's `outputs.default_organizer`, else none. Only
     * jadwal_write_outputs_ex reads it. */
    const char* default_organizer;
    /* Nonzero: a UTF-8 byte order mark at the start of each CSV file. 0: the
     * scenario's `outputs.csv_bom`, else none (csv_spreadsheet always writes
     * one). Only jadwal_write_outputs_ex reads it. */
    int csv_bom;
    /* With `previous`: the re-plan instant, "YYYY-MM-DD" (midnight in the scenario's zone) or an
     * ISO 8601 instant. An event of the previous plan that started before it
     * and that the plan lacks (a make-up's person left a cohort they partly
     * attended) stays in the calendars as published instead of being
     * cancelled (docs/outputs.md "SEQUENCE and cancellation"). NULL: every
     * event the plan lacks is cancelled. Without `previous`:
     * JADWAL_E_INVALID_ARGUMENT. (Appended after csv_bom.) */
    const char* replan_from;
} jadwal_ics_options;

#ifndef JADWAL_FFI
static inline int jadwal_ics_options_init(jadwal_ics_options* opts) {
    if (!opts) return JADWAL_E_INVALID_ARGUMENT;
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
    opts->dtstamp_unix = -1;
    return JADWAL_OK;
}
#endif

/* One employee's calendar on request (a portal serving the .ics a person
 * opens), byte for byte as jadwal_write_outputs writes
 * calendars/employees/<id>.ics: *out_publish the METHOD:PUBLISH text and, when
 * out_cancel is not NULL, *out_cancel the METHOD:CANCEL text ("" unless a
 * previous plan is given and lost events). Free both with jadwal_string_free.
 * options may be NULL (the defaults). JADWAL_E_NOT_FOUND for an unknown
 * employee; JADWAL_E_PARSE when the previous plan does not read against this
 * plan's scenario. */
JADWAL_API int jadwal_employee_calendar(char** out_publish, char** out_cancel, const jadwal_solution* solution,
                                        const char* employee_id, const jadwal_ics_options* options);

/* jadwal_write_outputs with options (UID domain, PRODID, DTSTAMP, the
 * previous plan, which replaces jadwal_write_outputs' `previous`, language,
 * spreadsheet CSV and reminders); options may be NULL (the defaults). */
JADWAL_API int jadwal_write_outputs_ex(const jadwal_solution* solution, const char* dir, const char* formats,
                                       const jadwal_ics_options* options);

/* ------------------------------------------------------------ at-risk list */

/* The people unlikely to reach their JP target by the year's end
 * (docs/attendance.md "At risk"): every employee with a JP target whose
 * probability of reaching it (JP earned this year from the scenario's history,
 * plus the programmes the plan places them in, each completed with the
 * attendance model's probability) is below a threshold. An opaque list; its
 * strings live as long as it does. (Appended after 0.1.0.) */
typedef struct jadwal_at_risk jadwal_at_risk;

typedef struct jadwal_at_risk_person {
    const char* employee; /* NIP */
    const char* name;
    const char* unit;        /* the unit's id */
    const char* staff_group; /* "office", "teachers", "shift" or "other" */
    int jp_target;
    int jp_earned;      /* in the plan's year, from the history */
    int jp_planned;     /* of the programmes the plan places them in */
    double expected_jp; /* earned + the sum of JP x completion probability */
    double probability; /* of reaching jp_target; below the list's threshold */
} jadwal_at_risk_person;

/* The at-risk list of `solution` under its scenario's attendance model:
 * `threshold` from 0 to 1 (0.5 in at_risk.csv by default; otherwise
 * JADWAL_E_INVALID_ARGUMENT). People come by unit (scenario order), then
 * probability, then NIP, as in at_risk.csv. Free with jadwal_at_risk_free. */
JADWAL_API int jadwal_at_risk_list(jadwal_at_risk** out, const jadwal_solution* solution, double threshold);
JADWAL_API int jadwal_at_risk_count(size_t* out, const jadwal_at_risk* list);
/* Index out of range: JADWAL_E_INVALID_ARGUMENT. */
JADWAL_API int jadwal_at_risk_person_at(jadwal_at_risk_person* out, const jadwal_at_risk* list, size_t index);
JADWAL_API void jadwal_at_risk_free(jadwal_at_risk* list);

/* ------------------------------------------------------------ change requests */

/* Answers change requests from individuals (docs/requests.md) as `jadwal solve
 * --requests` does: `requests_csv` (`length` bytes, UTF-8; the columns of
 * docs/requests.md) is read against the scenario and the published plan
 * `previous`, each request becomes duties of its person, and the plan is
 * re-planned from opts->replan_from under strict stability (opts->stability and
 * opts->previous are not used: the published plan is `previous`); refused
 * requests are withdrawn and the re-plan run again, three rounds at most.
 * `file_name` names the file in diagnostics (NULL or "": "<requests>").
 * On JADWAL_OK, *out_plan is the plan to publish (free with
 * jadwal_solution_free) and *out_answers_csv the requests.csv text `solve`
 * writes, one row per request with its answer (free with jadwal_string_free).
 * opts (with replan_from) is required: JADWAL_E_INVALID_ARGUMENT without it.
 * An error in the file: JADWAL_E_PARSE, the first error (file, line, column,
 * E-REQUEST-... code) in jadwal_last_error, nothing applied. The same inputs,
 * seed and max_moves (no time limit) give the same plan and answers.
 * (Appended after 0.1.0.) */
JADWAL_API int jadwal_answer_requests(jadwal_solution** out_plan, char** out_answers_csv,
                                      const jadwal_scenario* scenario, const jadwal_solution* previous,
                                      const char* requests_csv, size_t length, const char* file_name,
                                      const jadwal_solve_options* opts);

#ifdef __cplusplus
}
#endif

#endif /* JADWAL_JADWAL_H */
