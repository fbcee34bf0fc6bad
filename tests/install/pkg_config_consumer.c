/* Built with nothing but `cc $(pkg-config --cflags --libs jadwal)`: the C API
 * reports a load error with its position and code. */
#include <jadwal/jadwal.h>

#include <stdio.h>
#include <string.h>

static const char yaml[] =
    "jadwal: 1\n"
    "scenario: {name: t, from: 2026-01-05, to: 2026-12-18}\n"
    "holidays: [id-2026]\n"
    "work_patterns:\n"
    "  office:\n"
    "    week: {mon-fri: [08:00-16:00]}\n"
    "units:\n"
    "  - {id: bpkad, pattern: office}\n"
    "employees:\n"
    "  - {id: \"198203142006041002\", name: Siti, unit: bpkda, status: pns}\n"
    "programs:\n"
    "  - id: p1\n"
    "    modules: [{id: m1, jp: 2}]\n"
    "    modes: [{mode: self_paced}]\n"
    "demand:\n"
    "  - {program: p1, where: {unit: bpkad}}\n";

int main(void) {
    jadwal_scenario* s = NULL;
    const int status = jadwal_scenario_load_string(&s, yaml, strlen(yaml), "inline.yaml");
    const jadwal_error* e = jadwal_last_error();
    printf("c consumer (pkg-config): jadwal %s: %s:%d:%d: %s [%s]\n", jadwal_version_string(), e->file, e->line,
           e->column, e->message, e->diagnostic_code);
    jadwal_scenario_free(s);
    return status == JADWAL_E_LOAD && e->line == 10 && e->column == 50 && strcmp(e->diagnostic_code, "E-REF-UNIT") == 0
               ? 0
               : 1;
}
