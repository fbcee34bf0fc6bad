<?php
// Plans a scenario with jadwal from PHP (through FFI and the C API) and prints
// a summary: what an HR system's scheduled job would do.
//
//   php plan.php SCENARIO.yaml [--policy NAME] [--seed N] [--time-limit S] [--max-moves N]
//                [--threads N] [--out DIR] [--cohorts N] [--employees-csv FILE] [--lib PATH]
//                [--header PATH] [--progress] [--calendar NIP [--uid-domain DOMAIN]]
//
// --employees-csv: employees to add to the scenario (or replace, by NIP) before
// solving, in the employees CSV format: a nightly export from the HR system.
// --lib: libjadwal_c.so to load (default: JADWAL_C_LIB, else the system's);
// --header: jadwal_ffi.h (default: JADWAL_FFI_HEADER, else the installed one).
// --calendar: also print that employee's calendar (.ics), as a portal serves it.
// Exit status: 0 planned, 1 the scenario has errors or a call failed, 2 usage.
declare(strict_types=1);

// The jadwal package (bindings/php): Composer's autoloader when the script sits
// in a Composer project's root, else the package's classes from the source tree
// (examples/php -> bindings/php/src) or the installed one
// (<prefix>/share/jadwal/examples/php -> <prefix>/share/jadwal/php/src).
(static function (): void {
    if (is_file(__DIR__ . '/vendor/autoload.php')) {
        require __DIR__ . '/vendor/autoload.php';
        if (class_exists(Jadwal\Library::class)) return;
    }
    foreach ([__DIR__ . '/../../bindings/php/src', __DIR__ . '/../../php/src'] as $dir) {
        if (!is_file("$dir/Library.php")) continue;
        spl_autoload_register(static function (string $class) use ($dir): void {
            if (str_starts_with($class, 'Jadwal\\')) {
                $file = $dir . '/' . str_replace('\\', '/', substr($class, 7)) . '.php';
                if (is_file($file)) require $file;
            }
        });
        return;
    }
    fwrite(STDERR, "plan.php: the jadwal PHP package is not found (composer require jadwal/jadwal)\n");
    exit(1);
})();

use Jadwal\JadwalException;
use Jadwal\Library;
use Jadwal\SetupException;

function usage(string $why): never
{
    fwrite(STDERR, "plan.php: $why\nusage: php plan.php SCENARIO.yaml [--policy NAME] [--seed N] "
        . "[--time-limit S] [--max-moves N] [--threads N] [--out DIR] [--cohorts N] [--employees-csv FILE] "
        . "[--lib PATH] [--header PATH] [--progress] [--calendar NIP [--uid-domain DOMAIN]]\n");
    exit(2);
}

$args = array_slice($argv, 1);
$opts = ['policy' => null, 'seed' => '1', 'time-limit' => null, 'max-moves' => null, 'threads' => null,
         'out' => null, 'cohorts' => '3', 'employees-csv' => null, 'lib' => null, 'header' => null,
         'calendar' => null, 'uid-domain' => null];
$progress = false;
$scenarioPath = null;
for ($i = 0; $i < count($args); ++$i) {
    $a = $args[$i];
    if ($a === '--progress') {
        $progress = true;
    } elseif (str_starts_with($a, '--')) {
        $name = substr($a, 2);
        if (!array_key_exists($name, $opts)) usage("unknown option $a");
        if (!isset($args[$i + 1])) usage("$a needs a value");
        $opts[$name] = $args[++$i];
    } elseif ($scenarioPath === null) {
        $scenarioPath = $a;
    } else {
        usage("one scenario only");
    }
}
if ($scenarioPath === null) usage('which scenario?');
foreach (['seed', 'max-moves', 'threads', 'cohorts'] as $name) {
    if ($opts[$name] !== null && !ctype_digit($opts[$name])) usage("--$name wants a whole number");
}
if ($opts['time-limit'] !== null && !is_numeric($opts['time-limit'])) usage('--time-limit wants seconds');

try {
    $jadwal = new Library($opts['lib'], $opts['header']);
    printf("jadwal %s through PHP %s FFI\n", $jadwal->version(), PHP_VERSION);

    $started = microtime(true);
    $scenario = $jadwal->loadScenario($scenarioPath);
    $warnings = count(array_filter($scenario->diagnostics(), fn ($d) => $d['severity'] === 'warning'));
    printf("scenario %s: %d employees, %d warning(s), loaded in %.1f s\n", $scenarioPath,
           $scenario->employeeCount(), $warnings, microtime(true) - $started);

    if ($opts['employees-csv'] !== null) {
        $csv = @file_get_contents($opts['employees-csv']);
        if ($csv === false) {
            fwrite(STDERR, "plan.php: cannot read {$opts['employees-csv']}\n");
            exit(1);
        }
        $before = $scenario->employeeCount();
        $scenario->addEmployeesCsv($csv, $opts['employees-csv']);
        printf("employees from %s: now %d employees (%+d)\n", $opts['employees-csv'], $scenario->employeeCount(),
               $scenario->employeeCount() - $before);
    }

    $solveOptions = ['seed' => (int)$opts['seed'], 'policy' => $opts['policy']];
    if ($opts['time-limit'] !== null) $solveOptions['time_limit'] = (float)$opts['time-limit'];
    if ($opts['max-moves'] !== null) $solveOptions['max_moves'] = (int)$opts['max-moves'];
    if ($opts['threads'] !== null) $solveOptions['threads'] = (int)$opts['threads'];
    if ($progress) {
        $solveOptions['progress'] = function (array $p): void {
            fprintf(STDERR, "[%6.1fs] %-9s placed %d/%d, %d moves\n", $p['elapsed_seconds'], $p['phase'],
                    $p['demand_placed'], $p['demand_total'], $p['moves']);
        };
    }
    $started = microtime(true);
    $plan = $scenario->solve($solveOptions);
    $m = $plan->metrics();
    printf("status %s: %d of %d demands placed (%.1f%%), %d unplaced, in %.1f s (%d moves)\n", $plan->status(),
           $m['demand_placed'], $m['demand_total'], 100 * $m['participation_rate'], $m['unplaced'],
           microtime(true) - $started, $m['moves']);
    printf("  JP target met by %d of %d (%.1f%%)\n", $m['jp_target_met'], $m['jp_target_employees'],
           100 * $m['jp_target_attainment']);
    printf("  working time lost %d min, after hours %d min (at most %d min a person a week)\n",
           $m['disruption_minutes'], $m['after_hours_minutes'], $m['max_after_hours_minutes_per_person_week']);
    printf("  highest share of a unit away at once %.3f\n", $m['max_unit_absence_ratio']);
    printf("  %d cohorts, %d sessions, %d self-paced study blocks\n", $m['cohorts'], $m['sessions'],
           $m['study_blocks']);

    // The checker recomputes everything from the plan, on a path separate from the solver.
    $checked = $plan->verify();
    printf("verify: %d hard violation(s), %d demands placed\n", $checked['violations'], $checked['demand_placed']);

    $shown = (int)$opts['cohorts'];
    printf("cohorts (first %d of %d):\n", min($shown, $plan->cohortCount()), $plan->cohortCount());
    foreach ($plan->cohorts($shown) as $c) {
        $where = $c['venue'] !== '' ? $c['venue'] : $c['platform'];
        $first = $c['sessions'][0] ?? null;
        printf("  %-14s %-12s %-11s %-12s %2d session(s), %3d participant(s), from %s\n", $c['id'], $c['program'],
               $c['mode'], $where, count($c['sessions']), count($c['participants']), $first['start'] ?? '-');
    }

    $unplaced = $plan->unplacedCount();
    if ($unplaced > 0) {
        $u = $plan->unplaced(1)[0];
        printf("unplaced: %d; for example %s in %s:\n", $unplaced, $u['employee'], $u['program']);
        foreach ($u['reasons'] as $r) printf("  why [%s]: %s\n", $r['code'], $r['message']);
        foreach ($u['alternatives'] as $a) printf("  alternative (burden %+.0f): %s\n", $a['cost'], $a['description']);
    } else {
        print("unplaced: none\n");
    }

    if ($opts['calendar'] !== null) {
        printf("calendar of %s:\n%s", $opts['calendar'], $plan->employeeCalendar($opts['calendar'], $opts['uid-domain']));
    }
    if ($opts['out'] !== null) {
        $plan->writeOutputs($opts['out']);
        printf("wrote %s (solution.json, schedule.csv, siasn_courses.csv, unplaced.csv, report.html, calendars/)\n", $opts['out']);
    }
    exit($checked['violations'] === 0 ? 0 : 1);
} catch (JadwalException $e) {
    fprintf(STDERR, "error %d: %s\n", $e->status, $e->where());
    foreach ($e->diagnostics as $d) {
        if ($d['severity'] === 'note') continue;
        fprintf(STDERR, "  %s:%d:%d: %s: %s [%s]\n", $d['file'], $d['line'], $d['column'], $d['severity'],
                $d['message'], $d['code']);
    }
    exit(1);
} catch (FFI\Exception | SetupException $e) {
    fprintf(STDERR, "plan.php: cannot use libjadwal_c through FFI: %s\n", $e->getMessage());
    exit(1);
}
