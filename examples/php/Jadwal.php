<?php
// A thin PHP layer over jadwal's C API through PHP's FFI extension: what a
// Laravel (or any PHP) HR system would keep in its own code to plan training.
// No compilation: FFI loads libjadwal_c.so and reads jadwal_ffi.h, the C
// header run through the preprocessor at build time (docs/c_api.md).
//
//   $jadwal   = new Jadwal\Library();                 // or new Library($libPath, $headerPath)
//   $scenario = $jadwal->loadScenario('scenario.yaml'); // throws Jadwal\JadwalException with file/line/column
//   $plan     = $scenario->solve(['seed' => 1, 'time_limit' => 10, 'policy' => 'flexible']);
//   $plan->status(); $plan->metrics(); $plan->cohorts(); $plan->unplaced(); $plan->json();
declare(strict_types=1);

namespace Jadwal;

use FFI;

/** A failed call: the C API's last error (jadwal_error) as an exception. */
final class JadwalException extends \RuntimeException
{
    public function __construct(
        string $message,
        public readonly int $status,            // a jadwal_status, e.g. -2 for JADWAL_E_LOAD (also getCode())
        public readonly string $diagnosticCode, // e.g. "E-REF-UNIT" for input problems, else ""
        public readonly string $sourceFile,     // the input file at fault, "" when none
        public readonly int $sourceLine,        // 1-based; 0 when unknown
        public readonly int $sourceColumn,      // 1-based; 0 when unknown
        public readonly array $diagnostics = [], // for a scenario that did not load: every diagnostic
    ) {
        parent::__construct($message, $status);
    }

    /** "file:line:col: message [CODE]" when the error has a place, else the message. */
    public function where(): string
    {
        if ($this->sourceFile === '') return $this->getMessage();
        return sprintf('%s:%d:%d: %s [%s]', $this->sourceFile, $this->sourceLine, $this->sourceColumn,
                       $this->getMessage(), $this->diagnosticCode);
    }
}

/** The library or its FFI header cannot be found or read: nothing was planned. */
final class SetupException extends \RuntimeException
{
}

final class Library
{
    public readonly FFI $ffi;

    /**
     * $lib: a path, or a name the dynamic loader finds ("libjadwal_c.so" once
     * the package is installed). $header: jadwal_ffi.h; by default the one
     * installed with the package, or the JADWAL_FFI_HEADER environment variable.
     */
    public function __construct(?string $lib = null, ?string $header = null)
    {
        $lib ??= getenv('JADWAL_C_LIB') ?: 'libjadwal_c.so';
        $header ??= getenv('JADWAL_FFI_HEADER') ?: self::findHeader();
        $text = @file_get_contents($header);
        if ($text === false) throw new SetupException("cannot read the FFI header $header");
        $this->ffi = FFI::cdef($text, $lib);
    }

    private static function findHeader(): string
    {
        // Installed: <prefix>/share/jadwal/examples/php/Jadwal.php and <prefix>/share/jadwal/jadwal_ffi.h.
        foreach ([__DIR__ . '/../../jadwal_ffi.h', '/usr/local/share/jadwal/jadwal_ffi.h',
                  '/usr/share/jadwal/jadwal_ffi.h'] as $candidate) {
            if (is_file($candidate)) return $candidate;
        }
        throw new SetupException('jadwal_ffi.h not found: pass its path or set JADWAL_FFI_HEADER');
    }

    public function version(): string
    {
        return $this->ffi->jadwal_version_string();
    }

    /** Throws the calling thread's last error unless $status is JADWAL_OK. */
    public function check(int $status): void
    {
        if ($status !== $this->ffi->JADWAL_OK) throw $this->lastError();
    }

    /** The calling thread's last error, copied now: the next call replaces it. */
    public function lastError(array $diagnostics = []): JadwalException
    {
        $e = $this->ffi->jadwal_last_error();
        return new JadwalException((string)$e->message, $e->code, (string)$e->diagnostic_code, (string)$e->file,
                                   $e->line, $e->column, $diagnostics);
    }

    public function loadScenario(string $path): Scenario
    {
        $out = $this->ffi->new('jadwal_scenario*');
        $status = $this->ffi->jadwal_scenario_load_file(FFI::addr($out), $path);
        return $this->adopt($out, $status);
    }

    public function loadScenarioString(string $yaml, string $name = '<string>'): Scenario
    {
        $out = $this->ffi->new('jadwal_scenario*');
        $status = $this->ffi->jadwal_scenario_load_string(FFI::addr($out), $yaml, strlen($yaml), $name);
        return $this->adopt($out, $status);
    }

    private function adopt(FFI\CData $out, int $status): Scenario
    {
        if ($status === $this->ffi->JADWAL_OK) return new Scenario($this, $out);
        $error = $this->lastError();
        if (FFI::isNull($out)) throw $error;
        // A scenario with errors comes back holding only its diagnostics:
        // attach them all to the first error (read before any other call).
        $failed = new Scenario($this, $out);
        throw new JadwalException($error->getMessage(), $error->status, $error->diagnosticCode, $error->sourceFile,
                                  $error->sourceLine, $error->sourceColumn, $failed->diagnostics());
    }

    /** A NUL-terminated copy of $s that lives as long as the returned CData. */
    public function cString(string $s): FFI\CData
    {
        $buf = $this->ffi->new('char[' . (strlen($s) + 1) . ']');
        FFI::memcpy($buf, $s, strlen($s));
        return $buf;
    }
}

final class Scenario
{
    public function __construct(private Library $lib, private FFI\CData $handle)
    {
    }

    public function __destruct()
    {
        $this->lib->ffi->jadwal_scenario_free($this->handle);
    }

    public function handle(): FFI\CData
    {
        return $this->handle;
    }

    public function employeeCount(): int
    {
        $n = $this->lib->ffi->new('size_t');
        $this->lib->check($this->lib->ffi->jadwal_scenario_employee_count(FFI::addr($n), $this->handle));
        return $n->cdata;
    }

    /** Errors, warnings and notes as arrays with severity, code, message, file, line, column, path. */
    public function diagnostics(): array
    {
        $ffi = $this->lib->ffi;
        $n = $ffi->new('size_t');
        $this->lib->check($ffi->jadwal_scenario_diagnostic_count(FFI::addr($n), $this->handle));
        $d = $ffi->new('jadwal_diagnostic');
        $out = [];
        for ($i = 0; $i < $n->cdata; ++$i) {
            $this->lib->check($ffi->jadwal_scenario_diagnostic(FFI::addr($d), $this->handle, $i));
            $out[] = [
                'severity' => ['note', 'warning', 'error'][$d->severity] ?? 'error',
                'code' => $d->code, 'message' => $d->message, 'file' => $d->file,
                'line' => $d->line, 'column' => $d->column, 'path' => $d->path,
            ];
        }
        return $out;
    }

    /**
     * Adds employees, or replaces those with a NIP the scenario has, from CSV
     * text in the employees file format (an HR export); $name stands for it in
     * errors. On an error the scenario keeps its employees.
     */
    public function addEmployeesCsv(string $csv, string $name = '<employees>'): void
    {
        $ffi = $this->lib->ffi;
        $status = $ffi->jadwal_scenario_add_employees_csv($this->handle, $csv, strlen($csv), $name);
        if ($status === $ffi->JADWAL_OK) return;
        $error = $this->lib->lastError(); // before the diagnostics calls replace it
        if ($status !== $ffi->JADWAL_E_LOAD) throw $error;
        throw new JadwalException($error->getMessage(), $error->status, $error->diagnosticCode, $error->sourceFile,
                                  $error->sourceLine, $error->sourceColumn, $this->diagnostics());
    }

    public function addLeave(string $employee, string $from, string $to): void
    {
        $this->lib->check($this->lib->ffi->jadwal_scenario_add_leave($this->handle, $employee, $from, $to));
    }

    /**
     * Options: seed, time_limit (seconds), max_moves, threads, policy, strategy,
     * progress (a callable receiving an array; it runs on the calling thread).
     */
    public function solve(array $options = []): Solution
    {
        $ffi = $this->lib->ffi;
        $o = $ffi->new('jadwal_solve_options'); // zero-filled: every field at its default
        $o->size = FFI::sizeof($o);             // what jadwal_solve_options_init does in C
        $o->seed = (int)($options['seed'] ?? 0);
        $o->time_limit_seconds = (float)($options['time_limit'] ?? 0);
        $o->max_moves = (int)($options['max_moves'] ?? 0);
        $o->threads = (int)($options['threads'] ?? 0);
        $keep = []; // C strings must outlive the call
        foreach (['policy', 'strategy'] as $field) {
            if (isset($options[$field]) && $options[$field] !== '') {
                $keep[$field] = $this->lib->cString((string)$options[$field]);
                $o->$field = FFI::cast('const char*', FFI::addr($keep[$field][0]));
            }
        }
        if (isset($options['progress'])) {
            $callback = $options['progress'];
            $o->progress = function ($p, $user) use ($callback): void {
                $callback([
                    'phase' => FFI::string($p->phase), 'demand_placed' => $p->demand_placed,
                    'demand_total' => $p->demand_total, 'elapsed_seconds' => $p->elapsed_seconds,
                    'moves' => $p->moves,
                ]);
            };
            $o->progress_interval_seconds = (float)($options['progress_interval'] ?? 1.0);
        }
        $out = $ffi->new('jadwal_solution*');
        $this->lib->check($ffi->jadwal_solve(FFI::addr($out), $this->handle, FFI::addr($o)));
        return new Solution($this->lib, $out);
    }
}

final class Solution
{
    public function __construct(private Library $lib, private FFI\CData $handle)
    {
    }

    public function __destruct()
    {
        $this->lib->ffi->jadwal_solution_free($this->handle);
    }

    public function status(): string
    {
        $s = $this->lib->ffi->new('const char*');
        $this->lib->check($this->lib->ffi->jadwal_solution_status(FFI::addr($s), $this->handle));
        return FFI::string($s);
    }

    private const METRICS = ['demand_total', 'demand_placed', 'participation_rate', 'jp_target_employees',
        'jp_target_met', 'jp_target_attainment', 'disruption_minutes', 'disruption_weighted',
        'after_hours_minutes', 'max_after_hours_minutes_per_person_week', 'max_unit_absence_ratio', 'cohorts',
        'sessions', 'study_blocks', 'instructor_minutes', 'hard_violations', 'unplaced', 'moves'];

    private function metricsStruct(): FFI\CData
    {
        $m = $this->lib->ffi->new('jadwal_metrics');
        $m->size = FFI::sizeof($m); // jadwal_metrics_init in C
        return $m;
    }

    private static function metricsArray(FFI\CData $m): array
    {
        $out = [];
        foreach (self::METRICS as $name) $out[$name] = $m->$name;
        return $out;
    }

    /** The metrics the solver computed, by their solution.json names. */
    public function metrics(): array
    {
        $m = $this->metricsStruct();
        $this->lib->check($this->lib->ffi->jadwal_solution_metrics(FFI::addr($m), $this->handle));
        return self::metricsArray($m);
    }

    /** The independent checker's metrics; 'violations' is 0 for a feasible plan. */
    public function verify(): array
    {
        $m = $this->metricsStruct();
        $violations = $this->lib->ffi->new('int64_t');
        $this->lib->check($this->lib->ffi->jadwal_verify(FFI::addr($m), FFI::addr($violations), $this->handle));
        return self::metricsArray($m) + ['violations' => $violations->cdata];
    }

    private function count(string $function): int
    {
        $n = $this->lib->ffi->new('size_t');
        $this->lib->check($this->lib->ffi->$function(FFI::addr($n), $this->handle));
        return $n->cdata;
    }

    /** Cohorts in plan order, each with its sessions and participants; $limit: at most that many. */
    public function cohorts(?int $limit = null): array
    {
        $ffi = $this->lib->ffi;
        $n = $this->count('jadwal_solution_cohort_count');
        $c = $ffi->new('jadwal_cohort');
        $x = $ffi->new('jadwal_session');
        $id = $ffi->new('const char*');
        $out = [];
        for ($i = 0; $i < min($n, $limit ?? $n); ++$i) {
            $this->lib->check($ffi->jadwal_solution_cohort(FFI::addr($c), $this->handle, $i));
            $cohort = ['id' => $c->id, 'program' => $c->program, 'mode' => $c->mode, 'venue' => $c->venue,
                       'platform' => $c->platform, 'sessions' => [], 'participants' => []];
            for ($k = 0; $k < $c->session_count; ++$k) {
                $this->lib->check($ffi->jadwal_solution_session(FFI::addr($x), $this->handle, $i, $k));
                $cohort['sessions'][] = ['module' => $x->module, 'part' => $x->part, 'start' => $x->start,
                                         'end' => $x->end, 'pinned' => (bool)$x->pinned];
            }
            for ($k = 0; $k < $c->participant_count; ++$k) {
                $this->lib->check($ffi->jadwal_solution_participant(FFI::addr($id), $this->handle, $i, $k));
                $cohort['participants'][] = FFI::string($id);
            }
            $out[] = $cohort;
        }
        return $out;
    }

    public function cohortCount(): int
    {
        return $this->count('jadwal_solution_cohort_count');
    }

    public function unplacedCount(): int
    {
        return $this->count('jadwal_solution_unplaced_count');
    }

    /** Unmet demand with every reason and alternative; $limit: at most that many. */
    public function unplaced(?int $limit = null): array
    {
        $ffi = $this->lib->ffi;
        $n = $this->unplacedCount();
        $u = $ffi->new('jadwal_unplaced');
        $r = $ffi->new('jadwal_reason');
        $a = $ffi->new('jadwal_alternative');
        $out = [];
        for ($i = 0; $i < min($n, $limit ?? $n); ++$i) {
            $this->lib->check($ffi->jadwal_solution_unplaced(FFI::addr($u), $this->handle, $i));
            $item = ['employee' => $u->employee, 'program' => $u->program, 'reasons' => [], 'alternatives' => []];
            for ($k = 0; $k < $u->reason_count; ++$k) {
                $this->lib->check($ffi->jadwal_solution_unplaced_reason(FFI::addr($r), $this->handle, $i, $k));
                $item['reasons'][] = ['code' => $r->code, 'message' => $r->message];
            }
            for ($k = 0; $k < $u->alternative_count; ++$k) {
                $this->lib->check($ffi->jadwal_solution_unplaced_alternative(FFI::addr($a), $this->handle, $i, $k));
                $item['alternatives'][] = ['description' => $a->description, 'cost' => $a->cost];
            }
            $out[] = $item;
        }
        return $out;
    }

    private function takeString(FFI\CData $p): string
    {
        $text = FFI::string($p);
        $this->lib->ffi->jadwal_string_free($p);
        return $text;
    }

    /** solution.json as text. */
    public function json(): string
    {
        $p = $this->lib->ffi->new('char*');
        $this->lib->check($this->lib->ffi->jadwal_solution_to_json(FFI::addr($p), $this->handle));
        return $this->takeString($p);
    }

    /** One employee's plan and unmet demand, decoded from `jadwal explain --format json`. */
    public function explain(string $employee, ?string $program = null): array
    {
        $p = $this->lib->ffi->new('char*');
        $this->lib->check($this->lib->ffi->jadwal_explain_employee(FFI::addr($p), $this->handle, $employee, $program));
        return json_decode($this->takeString($p), true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * One employee's calendar as iCalendar text, byte for byte the file writeOutputs
     * writes to calendars/employees/<id>.ics: what a portal serves when the person
     * opens it. $uidDomain: the right-hand side of every UID (null: "jadwal").
     */
    public function employeeCalendar(string $employee, ?string $uidDomain = null): string
    {
        $ffi = $this->lib->ffi;
        $o = $ffi->new('jadwal_ics_options');
        $o->size = FFI::sizeof($o);
        $o->dtstamp_unix = -1;
        $domain = $uidDomain === null ? null : $this->lib->cString($uidDomain);
        if ($domain !== null) $o->uid_domain = $ffi->cast('char*', $domain);
        $p = $ffi->new('char*');
        $this->lib->check($ffi->jadwal_employee_calendar(FFI::addr($p), null, $this->handle, $employee, FFI::addr($o)));
        return $this->takeString($p);
    }

    /** Writes solution.json, the CSVs, report.html and calendars under $dir (all or nothing). */
    public function writeOutputs(string $dir, ?string $formats = null): void
    {
        $this->lib->check($this->lib->ffi->jadwal_write_outputs($this->handle, $dir, $formats, null));
    }
}
