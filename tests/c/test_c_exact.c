/* The exact model (`jadwal solve --exact`, src/solve/README.md) through the C
 * API: jadwal_solve_options.exact proves tests/data/good/exact_small.yaml's
 * plan optimal (status "optimal", the one cohort on Wednesday 09:00, burden
 * 270 and cost 100), where the search alone says "feasible"; a scenario the
 * model does not hold (a re-plan) or cannot enumerate (makeups.yaml's modules
 * in several sessions: too many variables) is JADWAL_E_SOLVE with the reason
 * in jadwal_last_error; a caller built
 * before `exact` (the smaller size) gets the search alone.
 *   test_c_exact SOURCE_DIR
 * The exit status is the number of failed checks (capped). */
#include <jadwal/jadwal.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define CHECK_OK(call) CHECK_STATUS(JADWAL_OK, call)

static jadwal_scenario* load(const char* source_dir, const char* name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/good/%s", source_dir, name);
    jadwal_scenario* s = NULL;
    const int st = jadwal_scenario_load_file(&s, path);
    if (st != JADWAL_OK) fprintf(stderr, "%s: %d %s\n", path, st, jadwal_last_error()->message);
    return s;
}

static void options(jadwal_solve_options* o, int exact) {
    jadwal_solve_options_init(o);
    o->seed = 1;
    o->max_moves = 2000;
    o->policy = "only";
    o->exact = exact;
}

/* The status the plan says; "" when it cannot be read. */
static const char* status_of(const jadwal_solution* sol) {
    const char* status = NULL;
    if (!sol || jadwal_solution_status(&status, sol) != JADWAL_OK || !status) return "";
    return status;
}

/* The objective level `key` as solution.json writes it ("burden": 270.0), after "objective". */
static int objective_is(const jadwal_solution* sol, const char* key, const char* value) {
    char* json = NULL;
    if (jadwal_solution_to_json(&json, sol) != JADWAL_OK || !json) return 0;
    char needle[128];
    snprintf(needle, sizeof needle, "\"%s\": %s,", key, value);
    const char* objective = strstr(json, "\"objective\": {");
    const char* found = objective ? strstr(objective, needle) : NULL;
    const char* breakdown = objective ? strstr(objective, "\"breakdown\"") : NULL;
    const int ok = found && breakdown && found < breakdown;
    jadwal_string_free(json);
    return ok;
}

/* The proven plan: one cohort of all three on Wednesday 3 June 09:00-10:30 (Jakarta). */
static void check_proven_plan(const jadwal_solution* sol) {
    CHECK(strcmp(status_of(sol), "optimal") == 0);
    size_t cohorts = 0;
    CHECK_OK(jadwal_solution_cohort_count(&cohorts, sol));
    CHECK(cohorts == 1);
    if (cohorts == 1) {
        jadwal_cohort c;
        CHECK_OK(jadwal_solution_cohort(&c, sol, 0));
        CHECK(strcmp(c.program, "p") == 0 && strcmp(c.mode, "online_live") == 0);
        CHECK(c.participant_count == 3 && c.session_count == 1);
        if (c.session_count == 1) {
            jadwal_session x;
            CHECK_OK(jadwal_solution_session(&x, sol, 0, 0));
            CHECK(strcmp(x.start, "2026-06-03T09:00:00+07:00") == 0);
            CHECK(strcmp(x.end, "2026-06-03T10:30:00+07:00") == 0);
        }
    }
    CHECK(objective_is(sol, "participation", "0.0"));
    CHECK(objective_is(sol, "burden", "270.0"));
    CHECK(objective_is(sol, "cost", "100.0"));
    jadwal_metrics m;
    jadwal_metrics_init(&m);
    int64_t violations = -1;
    CHECK_OK(jadwal_verify(&m, &violations, sol));
    CHECK(violations == 0);
    CHECK(m.demand_placed == 3 && m.disruption_minutes == 270);
}

static void proves_the_small_scenario(const char* source_dir) {
    jadwal_scenario* s = load(source_dir, "exact_small.yaml");
    CHECK(s != NULL);
    if (!s) return;
    jadwal_solve_options o;
    jadwal_solution* sol = NULL;

    options(&o, 1);
    CHECK_OK(jadwal_solve(&sol, s, &o));
    if (sol) check_proven_plan(sol);
    jadwal_solution_free(sol);
    sol = NULL;

    /* exact_seconds <= 0 is the default time box (60 s), not a refusal. */
    options(&o, 1);
    o.exact_seconds = -1;
    CHECK_OK(jadwal_solve(&sol, s, &o));
    if (sol) check_proven_plan(sol);
    jadwal_solution_free(sol);
    sol = NULL;

    /* The search alone finds the same plan but proves nothing. */
    options(&o, 0);
    CHECK_OK(jadwal_solve(&sol, s, &o));
    CHECK(strcmp(status_of(sol), "feasible") == 0);
    CHECK(sol && objective_is(sol, "burden", "270.0"));
    jadwal_solution_free(sol);
    sol = NULL;

    /* A caller built before `exact` passes the smaller size: the bytes past it are not read. */
    options(&o, 1);
    o.size = offsetof(jadwal_solve_options, exact);
    CHECK_OK(jadwal_solve(&sol, s, &o));
    CHECK(strcmp(status_of(sol), "feasible") == 0);
    jadwal_solution_free(sol);
    sol = NULL;
    o.size = offsetof(jadwal_solve_options, exact) + sizeof(int); /* between the known layouts */
    CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_solve(&sol, s, &o));
    CHECK(sol == NULL);

    /* A re-plan is refused by the exact model, in the language asked for. */
    jadwal_solution* published = NULL;
    options(&o, 0);
    CHECK_OK(jadwal_solve(&published, s, &o));
    if (published) {
        options(&o, 1);
        o.previous = published;
        o.replan_from = "2026-06-02";
        CHECK_STATUS(JADWAL_E_SOLVE, jadwal_solve(&sol, s, &o));
        CHECK(sol == NULL);
        CHECK(strstr(jadwal_last_error()->message,
                     "the exact model (--exact) does not hold re-planning against a previous plan") != NULL);
        o.language = "id";
        CHECK_STATUS(JADWAL_E_SOLVE, jadwal_solve(&sol, s, &o));
        CHECK(sol == NULL);
        CHECK(strstr(jadwal_last_error()->message, "perencanaan ulang terhadap rencana sebelumnya") != NULL);
        /* Without `exact` the same re-plan is solved. */
        options(&o, 0);
        o.previous = published;
        o.replan_from = "2026-06-02";
        CHECK_OK(jadwal_solve(&sol, s, &o));
        CHECK(sol != NULL);
        jadwal_solution_free(sol);
        sol = NULL;
    }
    jadwal_solution_free(published);
    jadwal_scenario_free(s);
}

/* tests/data/good/makeups.yaml's course has live modules of several sessions over
 * weeks: more schedules and seats than the exact model takes. */
static void refuses_a_scenario_too_large_for_the_model(const char* source_dir) {
    jadwal_scenario* s = load(source_dir, "makeups.yaml");
    CHECK(s != NULL);
    if (!s) return;
    jadwal_solve_options o;
    jadwal_solution* sol = NULL;
    options(&o, 1);
    CHECK_STATUS(JADWAL_E_SOLVE, jadwal_solve(&sol, s, &o));
    CHECK(sol == NULL);
    const char* message = jadwal_last_error()->message;
    CHECK(strstr(message, "the exact model (--exact) would need more than") != NULL);
    CHECK(strstr(message, "solve without --exact") != NULL);
    /* Without it the scenario is planned. */
    options(&o, 0);
    CHECK_OK(jadwal_solve(&sol, s, &o));
    CHECK(sol != NULL);
    jadwal_solution_free(sol);
    jadwal_scenario_free(s);
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: test_c_exact SOURCE_DIR\n");
        return 2;
    }
    proves_the_small_scenario(argv[1]);
    refuses_a_scenario_too_large_for_the_model(argv[1]);
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    else printf("all C API exact-model checks passed\n");
    return failures > 100 ? 100 : failures;
}
