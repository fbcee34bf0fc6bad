/* Make-ups from attendance records (docs/attendance.md "Make-ups") through the
 * C API: a re-plan with the records (jadwal_solve_options.attendance_csv)
 * re-opens what a person missed and lists the make-up
 * (jadwal_solution_makeup); jadwal_verify_replan_attendance accepts it and
 * refuses a re-plan made without the records (H8-MAKEUP); records naming an
 * unknown NIP are JADWAL_E_PARSE with their file, line and column.
 *   test_c_makeups SOURCE_DIR
 * The exit status is the number of failed checks (capped). */
#include <jadwal/jadwal.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The scenario is tests/data/good/makeups.yaml (tests/compare/test_makeups.cpp's
 * fixture): four office workers, a two-session course in cohorts of one or
 * two, a webinar fixed on 3 June 09:00 (Jakarta) whose recording may be
 * watched for 14 days. */

static const char replan_from[] = "2026-06-08";
static const char webinar_start[] = "2026-06-03T09:00:00+07:00";
/* 2026-06-03T02:00:00Z */
static const int64_t webinar_start_unix = 1780452000;

static jadwal_solution* solve_with(const jadwal_scenario* s, const jadwal_solution* previous, const char* records) {
    jadwal_solve_options o;
    jadwal_solve_options_init(&o);
    o.seed = 1;
    o.max_moves = 5000;
    o.policy = "only";
    o.previous = previous;
    o.replan_from = previous ? replan_from : NULL;
    o.attendance_csv = records;
    o.attendance_file = "records.csv";
    jadwal_solution* out = NULL;
    const int st = jadwal_solve(&out, s, &o);
    if (st != JADWAL_OK) fprintf(stderr, "jadwal_solve: %d %s\n", st, jadwal_last_error()->message);
    return out;
}

/* The first person the plan seats live in the webinar, and their cohort's id; 0: nobody. */
static int webinar_live(const jadwal_solution* sol, char* nip, size_t nip_size, char* cohort, size_t cohort_size) {
    size_t n = 0;
    if (jadwal_solution_cohort_count(&n, sol) != JADWAL_OK) return 0;
    for (size_t i = 0; i < n; ++i) {
        jadwal_cohort c;
        if (jadwal_solution_cohort(&c, sol, i) != JADWAL_OK) return 0;
        if (strcmp(c.program, "webinar") != 0 || c.participant_count == 0) continue;
        const char* who = NULL;
        if (jadwal_solution_participant(&who, sol, i, 0) != JADWAL_OK) return 0;
        snprintf(nip, nip_size, "%s", who);
        snprintf(cohort, cohort_size, "%s", c.id);
        return 1;
    }
    return 0;
}

static char* json_without_elapsed(const jadwal_solution* sol) {
    char* json = NULL;
    if (jadwal_solution_to_json(&json, sol) != JADWAL_OK || !json) return NULL;
    char* at = strstr(json, "\"elapsed_seconds\"");
    if (at) {
        while (at > json && at[-1] != '\n') --at;
        char* eol = strchr(at, '\n');
        char* rest = eol ? eol + 1 : at + strlen(at);
        memmove(at, rest, strlen(rest) + 1);
    }
    return json;
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: test_c_makeups SOURCE_DIR\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/good/makeups.yaml", argv[1]);
    jadwal_scenario* s = NULL;
    CHECK_STATUS(JADWAL_OK, jadwal_scenario_load_file(&s, path));
    jadwal_solution* published = s ? solve_with(s, NULL, NULL) : NULL;
    CHECK(published != NULL);
    char nip[64] = "", cohort[128] = "";
    CHECK(published && webinar_live(published, nip, sizeof nip, cohort, sizeof cohort));
    if (!published || !nip[0]) {
        jadwal_solution_free(published);
        jadwal_scenario_free(s);
        fprintf(stderr, "%d check(s) failed\n", failures);
        return failures ? failures : 1;
    }
    size_t count = 99;
    CHECK_STATUS(JADWAL_OK, jadwal_solution_makeup_count(&count, published));
    CHECK(count == 0);

    /* The person missed the webinar on 3 June, before the re-plan date. */
    char records[512];
    snprintf(records, sizeof records, "nip,program,module,start,attended\n%s,webinar,w1,%s,0\n", nip, webinar_start);

    /* The records need the published plan and the re-plan instant. */
    {
        jadwal_solve_options o;
        jadwal_solve_options_init(&o);
        o.policy = "only";
        o.max_moves = 5000;
        o.attendance_csv = records;
        jadwal_solution* none = NULL;
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_solve(&none, s, &o));
        o.previous = published;
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_solve(&none, s, &o));
        CHECK(none == NULL);
    }

    jadwal_solution* replanned = solve_with(s, published, records);
    CHECK(replanned != NULL);
    if (replanned) {
        CHECK_STATUS(JADWAL_OK, jadwal_solution_makeup_count(&count, replanned));
        CHECK(count == 1);
        jadwal_makeup mk;
        jadwal_makeup_init(&mk);
        CHECK_STATUS(JADWAL_OK, jadwal_solution_makeup(&mk, replanned, 0));
        CHECK(mk.employee && strcmp(mk.employee, nip) == 0);
        CHECK(mk.program && strcmp(mk.program, "webinar") == 0);
        CHECK(mk.module && strcmp(mk.module, "w1") == 0);
        CHECK(mk.missed && strcmp(mk.missed, webinar_start) == 0);
        CHECK(mk.missed_unix == webinar_start_unix);
        CHECK(mk.cohort && strcmp(mk.cohort, cohort) == 0);
        CHECK(mk.sessions_missed == 1);
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_solution_makeup(&mk, replanned, 1));
        mk.size = 3;
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_solution_makeup(&mk, replanned, 0));

        /* The checker, given the records, accepts the re-plan. */
        jadwal_replan_check rc;
        jadwal_replan_check_init(&rc);
        rc.makeup_violations = -1;
        CHECK_STATUS(JADWAL_OK, jadwal_verify_replan_attendance(&rc, replanned, published, replan_from, records,
                                                                "records.csv"));
        CHECK(rc.violations == 0);
        CHECK(rc.makeup_violations == 0);
        /* Without the records the make-up is one nobody called for. */
        jadwal_replan_check_init(&rc);
        CHECK_STATUS(JADWAL_OK, jadwal_verify_replan(&rc, replanned, published, replan_from));
        CHECK(rc.makeup_violations == 1);
        CHECK(rc.violations >= rc.makeup_violations);
        /* A struct of the size before makeup_violations is filled up to its size. */
        jadwal_replan_check_init(&rc);
        rc.size = offsetof(jadwal_replan_check, makeup_violations);
        rc.makeup_violations = -7;
        CHECK_STATUS(JADWAL_OK, jadwal_verify_replan_attendance(&rc, replanned, published, replan_from, records,
                                                                "records.csv"));
        CHECK(rc.makeup_violations == -7 && rc.violations == 0);

        /* The same inputs and seed give the same plan. */
        jadwal_solution* again = solve_with(s, published, records);
        CHECK(again != NULL);
        if (again) {
            char* a = json_without_elapsed(replanned);
            char* b = json_without_elapsed(again);
            CHECK(a && b && strcmp(a, b) == 0);
            CHECK(a && strstr(a, "\"makeups\"") != NULL);
            /* Read back from its JSON, the plan still lists the make-up. */
            jadwal_solution* back = NULL;
            char* whole = NULL;
            CHECK_STATUS(JADWAL_OK, jadwal_solution_to_json(&whole, replanned));
            if (whole) CHECK_STATUS(JADWAL_OK, jadwal_solution_from_json(&back, s, whole, strlen(whole)));
            jadwal_string_free(whole);
            if (back) {
                CHECK_STATUS(JADWAL_OK, jadwal_solution_makeup_count(&count, back));
                CHECK(count == 1);
            }
            jadwal_solution_free(back);
            jadwal_string_free(a);
            jadwal_string_free(b);
        }
        jadwal_solution_free(again);
    }

    /* Planted: the re-plan made without the records keeps the person in the
     * webinar they missed and lists no make-up; checked with the records it
     * is refused for the make-up rule. */
    jadwal_solution* without = solve_with(s, published, NULL);
    CHECK(without != NULL);
    if (without) {
        CHECK_STATUS(JADWAL_OK, jadwal_solution_makeup_count(&count, without));
        CHECK(count == 0);
        jadwal_replan_check rc;
        jadwal_replan_check_init(&rc);
        CHECK_STATUS(JADWAL_OK, jadwal_verify_replan(&rc, without, published, replan_from));
        CHECK(rc.violations == 0);
        CHECK_STATUS(JADWAL_OK, jadwal_verify_replan_attendance(&rc, without, published, replan_from, records,
                                                                "records.csv"));
        CHECK(rc.makeup_violations >= 1);
        CHECK(rc.violations >= rc.makeup_violations);
    }

    /* A caller built before attendance_csv (a smaller size) re-plans as before: no make-up. */
    {
        jadwal_solve_options o;
        jadwal_solve_options_init(&o);
        o.seed = 1;
        o.max_moves = 5000;
        o.policy = "only";
        o.previous = published;
        o.replan_from = replan_from;
        o.attendance_csv = records;
        o.size = offsetof(jadwal_solve_options, attendance_csv);
        jadwal_solution* old = NULL;
        CHECK_STATUS(JADWAL_OK, jadwal_solve(&old, s, &o));
        if (old) {
            CHECK_STATUS(JADWAL_OK, jadwal_solution_makeup_count(&count, old));
            CHECK(count == 0);
        }
        jadwal_solution_free(old);
    }

    /* Records naming an unknown NIP: the parse status, located, never an internal error. */
    {
        static const char bad[] =
            "nip,program,module,start,attended\n"
            "199001012020019999,webinar,w1,2026-06-03T09:00:00+07:00,0\n"
            "199001012020011001,webinar,w9,2026-06-03T09:00:00+07:00,0\n";
        jadwal_solution* refused = solve_with(s, published, bad);
        const jadwal_error* e = jadwal_last_error();
        CHECK(refused == NULL);
        CHECK(e->code == JADWAL_E_PARSE);
        CHECK(strcmp(e->file, "records.csv") == 0);
        CHECK(e->line == 2 && e->column == 1);
        CHECK(strcmp(e->diagnostic_code, "E-REF-EMPLOYEE") == 0);
        CHECK(strstr(e->message, "199001012020019999") != NULL);
        CHECK(strstr(e->message, "records.csv") == NULL); /* the sentence alone; the place is in file/line/column */
        jadwal_solution_free(refused);

        jadwal_replan_check rc;
        jadwal_replan_check_init(&rc);
        CHECK_STATUS(JADWAL_E_PARSE, jadwal_verify_replan_attendance(&rc, replanned ? replanned : published,
                                                                     published, replan_from, bad, NULL));
        e = jadwal_last_error();
        CHECK(strcmp(e->file, "attendance.csv") == 0 && e->line == 2 && e->column == 1);

        /* Every error, one a line. */
        char* all = NULL;
        CHECK_STATUS(JADWAL_OK, jadwal_attendance_errors(&all, published, replan_from, bad, "records.csv", "en"));
        CHECK(all != NULL);
        if (all) {
            CHECK(strncmp(all, "records.csv:2:1: error: ", 24) == 0);
            CHECK(strstr(all, "[E-REF-EMPLOYEE]\n") != NULL);
            CHECK(strstr(all, "\nrecords.csv:3:") != NULL);
            size_t lines = 0;
            for (const char* p = all; *p; ++p) lines += *p == '\n';
            CHECK(lines == 2);
        }
        jadwal_string_free(all);
        CHECK_STATUS(JADWAL_OK, jadwal_attendance_errors(&all, published, replan_from, records, NULL, NULL));
        CHECK(all && all[0] == '\0');
        jadwal_string_free(all);
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_attendance_errors(&all, published, "June", records, NULL, NULL));
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_verify_replan_attendance(&rc, published, published, NULL,
                                                                                records, NULL));
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_verify_replan_attendance(&rc, published, published,
                                                                                replan_from, NULL, NULL));
    }

    /* The person's calendar: the webinar they missed (3 June, before the
     * re-plan date) is cancelled without replan_from and stays with it. */
    if (replanned) {
        jadwal_ics_options io;
        jadwal_ics_options_init(&io);
        io.dtstamp_unix = 1780876800;
        io.previous = published;
        char *publish = NULL, *cancel = NULL;
        CHECK_STATUS(JADWAL_OK, jadwal_employee_calendar(&publish, &cancel, replanned, nip, &io));
        CHECK(cancel && strstr(cancel, "DTSTART;TZID=Asia/Jakarta:20260603T090000") != NULL);
        jadwal_string_free(publish);
        jadwal_string_free(cancel);
        io.replan_from = replan_from;
        CHECK_STATUS(JADWAL_OK, jadwal_employee_calendar(&publish, &cancel, replanned, nip, &io));
        CHECK(cancel && strstr(cancel, "DTSTART;TZID=Asia/Jakarta:20260603T090000") == NULL);
        CHECK(publish && strstr(publish, "DTSTART;TZID=Asia/Jakarta:20260603T090000") != NULL);
        jadwal_string_free(publish);
        jadwal_string_free(cancel);
        io.previous = NULL;
        CHECK_STATUS(JADWAL_E_INVALID_ARGUMENT, jadwal_employee_calendar(&publish, &cancel, replanned, nip, &io));
    }

    jadwal_solution_free(without);
    jadwal_solution_free(replanned);
    jadwal_solution_free(published);
    jadwal_scenario_free(s);
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    else printf("all C API make-up checks passed\n");
    return failures > 100 ? 100 : failures;
}
