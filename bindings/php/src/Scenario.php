<?php
// A loaded scenario: diagnostics, leave and employees from HR exports, solve.
// Part of the jadwal Composer package (bindings/php/README.md).
declare(strict_types=1);

namespace Jadwal;

use FFI;

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
     * Re-planning: previous (the published Solution), replan_from ("YYYY-MM-DD"
     * or an ISO 8601 instant), stability ("strict", "balanced", "free"), and
     * attendance: the path of attendance records (CSV; docs/attendance.md
     * "Make-ups"), which needs previous and replan_from; whoever missed a live
     * session or skipped study before replan_from gets a make-up
     * (Solution::makeups). An error in the records throws JadwalException with
     * status JADWAL_E_PARSE (-5), the first error's place and code, and every
     * error in diagnostics.
     * The exact model (`jadwal solve --exact`): exact (true: also solve the
     * scenario as one exact model with CBC; Solution::status() is "optimal" only
     * when it proved the plan best) and exact_seconds (its time box; 0 or
     * less: 60). A scenario the model does not hold (re-planning, assigned
     * duty, more than 200 employees, more variables or schedules of modules in
     * several sessions than it enumerates, ...) throws JadwalException
     * with status JADWAL_E_SOLVE (-4) and a message naming the rule.
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
        $o->exact = empty($options['exact']) ? 0 : 1;
        $o->exact_seconds = (float)($options['exact_seconds'] ?? 0);
        $keep = []; // C strings must outlive the call
        foreach (['policy', 'strategy', 'replan_from', 'stability'] as $field) {
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
        if (isset($options['previous'])) {
            if (!$options['previous'] instanceof Solution)
                throw new \InvalidArgumentException('previous must be a Jadwal\\Solution');
            $o->previous = $options['previous']->handle();
        }
        if (isset($options['attendance'])) {
            $path = (string)$options['attendance'];
            $text = $this->lib->readFile($path, 'the attendance records');
            $keep['attendance_csv'] = $this->lib->cString($text);
            $o->attendance_csv = FFI::cast('const char*', FFI::addr($keep['attendance_csv'][0]));
            $keep['attendance_file'] = $this->lib->cString($path);
            $o->attendance_file = FFI::cast('const char*', FFI::addr($keep['attendance_file'][0]));
        }
        $out = $ffi->new('jadwal_solution*');
        $status = $ffi->jadwal_solve(FFI::addr($out), $this->handle, FFI::addr($o));
        if ($status !== $ffi->JADWAL_OK && isset($options['attendance']))
            throw $this->lib->attendanceError($status, $options['previous'] ?? null, $options['replan_from'] ?? null,
                                              $text ?? '', $path ?? '');
        $this->lib->check($status);
        return new Solution($this->lib, $out);
    }
}
