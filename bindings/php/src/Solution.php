<?php
// A plan: status, metrics, cohorts, unplaced demand with reasons, outputs, calendars.
// Part of the jadwal Composer package (bindings/php/README.md).
declare(strict_types=1);

namespace Jadwal;

use FFI;

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
