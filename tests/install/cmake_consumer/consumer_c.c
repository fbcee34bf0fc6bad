/* The C library from an install, found through CMake. */
#include <jadwal/jadwal.h>

#include <stdio.h>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    jadwal_scenario* s = NULL;
    jadwal_solution* plan = NULL;
    jadwal_solve_options o;
    jadwal_solve_options_init(&o);
    o.max_moves = 2000;
    o.policy = "flexible"; /* the small example's first policy places nothing */
    int rc = 1;
    if (jadwal_scenario_load_file(&s, argv[1]) == JADWAL_OK && jadwal_solve(&plan, s, &o) == JADWAL_OK) {
        size_t cohorts = 0;
        if (jadwal_solution_cohort_count(&cohorts, plan) == JADWAL_OK && cohorts > 0) rc = 0;
        printf("c consumer (cmake): jadwal %s, %zu cohorts\n", jadwal_version_string(), cohorts);
    } else {
        fprintf(stderr, "c consumer: %s\n", jadwal_last_error()->message);
    }
    jadwal_solution_free(plan);
    jadwal_scenario_free(s);
    return rc;
}
