/* Plans a scenario through the C API and prints a summary.
 *   plan [SCENARIO.yaml [OUT_DIR [POLICY]]]
 * Built as documented (cc plan.c $(pkg-config --cflags --libs jadwal)) the
 * scenario is required. The project's build defines JADWAL_EXAMPLE_SCENARIO,
 * so that without arguments it plans examples/small/scenario.yaml under its
 * "flexible" policy and writes nothing. */
#include <jadwal/jadwal.h>

#include <stdio.h>

static int report(const char* what) {
    const jadwal_error* e = jadwal_last_error();
    if (e->file[0])
        fprintf(stderr, "%s: %s:%d:%d: %s [%s]\n", what, e->file, e->line, e->column, e->message, e->diagnostic_code);
    else
        fprintf(stderr, "%s: %s (status %d)\n", what, e->message, e->code);
    return 1;
}

static void on_progress(const jadwal_progress* p, void* user) {
    int* calls = user;
    ++*calls;
    if (p->phase[0] == 'd') /* "done" */
        fprintf(stderr, "solved: %lld of %lld demands placed in %.2fs\n", (long long)p->demand_placed,
                (long long)p->demand_total, p->elapsed_seconds);
}

int main(int argc, char** argv) {
#ifdef JADWAL_EXAMPLE_SCENARIO
    const char* path = argc > 1 ? argv[1] : JADWAL_EXAMPLE_SCENARIO;
#else
    if (argc < 2) {
        fprintf(stderr, "usage: %s SCENARIO.yaml [OUT_DIR [POLICY]]\n", argv[0]);
        return 2;
    }
    const char* path = argv[1];
#endif
    jadwal_scenario* scenario = NULL;
    jadwal_solution* plan = NULL;
    int rc = 1;

    printf("jadwal %s\n", jadwal_version_string());
    if (jadwal_scenario_load_file(&scenario, path) != JADWAL_OK) {
        report("cannot load the scenario");
        goto done;
    }

    jadwal_solve_options opts;
    jadwal_solve_options_init(&opts);
    opts.max_moves = 20000; /* deterministic and quick */
    opts.policy = argc > 3 ? argv[3] : "flexible";
    int progress_calls = 0;
    opts.progress = on_progress;
    opts.progress_user = &progress_calls;
    if (jadwal_solve(&plan, scenario, &opts) != JADWAL_OK) {
        report("cannot solve");
        goto done;
    }

    const char* status = NULL;
    jadwal_metrics m;
    jadwal_metrics_init(&m);
    size_t cohorts = 0;
    if (jadwal_solution_status(&status, plan) || jadwal_solution_metrics(&m, plan) ||
        jadwal_solution_cohort_count(&cohorts, plan)) {
        report("cannot read the plan");
        goto done;
    }
    printf("status %s: %lld of %lld demands placed (%.1f%%), %lld unplaced\n", status, (long long)m.demand_placed,
           (long long)m.demand_total, 100.0 * m.participation_rate, (long long)m.unplaced);
    for (size_t i = 0; i < cohorts; ++i) {
        jadwal_cohort c;
        jadwal_session first;
        if (jadwal_solution_cohort(&c, plan, i) || (c.session_count && jadwal_solution_session(&first, plan, i, 0))) {
            report("cannot read a cohort");
            goto done;
        }
        printf("  %-24s %-12s %2zu people, %2zu sessions, first %s\n", c.id, c.mode, c.participant_count,
               c.session_count, c.session_count ? first.start : "-");
    }
    if (argc > 2 && jadwal_write_outputs(plan, argv[2], NULL, NULL) != JADWAL_OK) {
        report("cannot write the outputs");
        goto done;
    }
    rc = 0;

done:
    jadwal_solution_free(plan);
    jadwal_scenario_free(scenario);
    return rc;
}
