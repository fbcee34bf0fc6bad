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

    public function handle(): FFI\CData
    {
        return $this->handle;
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
        'sessions', 'study_blocks', 'instructor_minutes', 'hard_violations', 'unplaced', 'moves', 'preference_misses',
        'jp_earned', 'jp_planned', 'jp_total'];

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

    /**
     * This plan checked as a re-plan of $previous from $replanFrom ("YYYY-MM-DD"
     * or an ISO 8601 instant): violations (0: feasible), changes (with
     * changes_repair, changes_placement, changes_other), published_dropped and
     * makeup_violations (H8-MAKEUP). With $attendance (the path of the
     * attendance records the re-plan was made with) the items they re-open
     * leave $previous and the plan must list and place exactly those make-ups.
     */
    public function verifyReplan(Solution $previous, string $replanFrom, ?string $attendance = null): array
    {
        $ffi = $this->lib->ffi;
        $c = $ffi->new('jadwal_replan_check');
        $c->size = FFI::sizeof($c); // jadwal_replan_check_init in C
        if ($attendance === null) {
            $this->lib->check($ffi->jadwal_verify_replan(FFI::addr($c), $this->handle, $previous->handle(),
                                                         $replanFrom));
        } else {
            $text = $this->lib->readFile($attendance, 'the attendance records');
            $status = $ffi->jadwal_verify_replan_attendance(FFI::addr($c), $this->handle, $previous->handle(),
                                                            $replanFrom, $text, $attendance);
            if ($status !== $ffi->JADWAL_OK)
                throw $this->lib->attendanceError($status, $previous, $replanFrom, $text, $attendance);
        }
        $out = [];
        foreach (['violations', 'changes', 'changes_repair', 'changes_placement', 'changes_other',
                  'published_dropped', 'makeup_violations'] as $name) $out[$name] = $c->$name;
        return $out;
    }

    /**
     * The make-ups of a re-plan with attendance records (docs/attendance.md
     * "Make-ups"), by employee then programme: employee, program, module,
     * missed (ISO 8601 in the employee's zone), missed_unix, cohort ("" for
     * skipped study), sessions_missed. Empty for any other plan.
     */
    public function makeups(): array
    {
        $ffi = $this->lib->ffi;
        $out = [];
        $m = $ffi->new('jadwal_makeup');
        $m->size = FFI::sizeof($m); // jadwal_makeup_init in C
        for ($i = 0, $n = $this->count('jadwal_solution_makeup_count'); $i < $n; ++$i) {
            $this->lib->check($ffi->jadwal_solution_makeup(FFI::addr($m), $this->handle, $i));
            $out[] = [
                'employee' => FFI::string($m->employee), 'program' => FFI::string($m->program),
                'module' => FFI::string($m->module), 'missed' => FFI::string($m->missed),
                'missed_unix' => $m->missed_unix, 'cohort' => FFI::string($m->cohort),
                'sessions_missed' => $m->sessions_missed,
            ];
        }
        return $out;
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

    /**
     * The people whose probability of reaching their JP target by the year's end (JP earned this year from the
     * scenario's history, plus the programmes this plan gives them, each completed with the attendance model's
     * probability) is below $threshold (0 to 1), as at_risk.csv lists them: by unit, then probability, then NIP.
     */
    public function atRisk(float $threshold = 0.5): array
    {
        $ffi = $this->lib->ffi;
        $list = $ffi->new('jadwal_at_risk*');
        $this->lib->check($ffi->jadwal_at_risk_list(FFI::addr($list), $this->handle, $threshold));
        try {
            $n = $ffi->new('size_t');
            $this->lib->check($ffi->jadwal_at_risk_count(FFI::addr($n), $list));
            $p = $ffi->new('jadwal_at_risk_person');
            $out = [];
            for ($i = 0; $i < $n->cdata; ++$i) {
                $this->lib->check($ffi->jadwal_at_risk_person_at(FFI::addr($p), $list, $i));
                $out[] = ['employee' => FFI::string($p->employee), 'name' => FFI::string($p->name),
                          'unit' => FFI::string($p->unit), 'staff_group' => FFI::string($p->staff_group),
                          'jp_target' => $p->jp_target, 'jp_earned' => $p->jp_earned,
                          'jp_planned' => $p->jp_planned, 'expected_jp' => $p->expected_jp,
                          'probability' => $p->probability];
            }
            return $out;
        } finally {
            $ffi->jadwal_at_risk_free($list);
        }
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
     * The calendar and CSV options as a jadwal_ics_options and what it points
     * into (which must outlive the call): 'uid_domain', 'product_id' (strings),
     * 'reminders' (minutes before each entry, 0 to 40320; [] for none),
     * 'spreadsheet' (true: the CSVs for spreadsheets set to Indonesian),
     * 'organizer' (the CSVs' organiser of a programme without one; '' for none),
     * 'csv_bom' (true: a UTF-8 byte order mark at the start of each CSV). An
     * option left out takes the scenario's `outputs` value, else the built-in
     * default (docs/outputs.md "Options in the scenario").
     */
    private function icsOptions(array $options): array
    {
        $ffi = $this->lib->ffi;
        $o = $ffi->new('jadwal_ics_options'); // zero-filled, as jadwal_ics_options_init...
        $o->size = FFI::sizeof($o);
        $o->dtstamp_unix = -1;                // ...which also sets this
        $keep = [];
        foreach (['uid_domain' => 'uid_domain', 'product_id' => 'product_id', 'organizer' => 'default_organizer']
                 as $key => $field) {
            if (isset($options[$key])) {
                $keep[$key] = $this->lib->cString((string)$options[$key]);
                $o->$field = $ffi->cast('char*', $keep[$key]);
            }
        }
        if (isset($options['reminders'])) {
            $minutes = array_values((array)$options['reminders']);
            $keep['reminders'] = $ffi->new('int[' . max(1, count($minutes)) . ']');
            foreach ($minutes as $i => $m) $keep['reminders'][$i] = (int)$m;
            $o->reminder_minutes = $ffi->cast('int*', $keep['reminders']);
            $o->reminder_count = count($minutes);
        }
        if (!empty($options['spreadsheet'])) $o->csv_spreadsheet = 1;
        if (!empty($options['csv_bom'])) $o->csv_bom = 1;
        return [$o, $keep];
    }

    /**
     * One employee's calendar as iCalendar text, byte for byte the file writeOutputs
     * writes to calendars/employees/<id>.ics: what a portal serves when the person
     * opens it. $uidDomain: the right-hand side of every UID (null: the scenario's
     * outputs.uid_domain, else "jadwal"); $options: 'product_id', 'reminders' as for
     * writeOutputs.
     */
    public function employeeCalendar(string $employee, ?string $uidDomain = null, array $options = []): string
    {
        $ffi = $this->lib->ffi;
        if ($uidDomain !== null) $options['uid_domain'] = $uidDomain;
        [$o, $keep] = $this->icsOptions($options);
        $p = $ffi->new('char*');
        $this->lib->check($ffi->jadwal_employee_calendar(FFI::addr($p), null, $this->handle, $employee, FFI::addr($o)));
        unset($keep);
        return $this->takeString($p);
    }

    /**
     * Writes solution.json, the CSVs, report.html and calendars under $dir (all or
     * nothing). $options: 'uid_domain', 'product_id', 'reminders', 'spreadsheet',
     * 'organizer', 'csv_bom' (see icsOptions); each one left out is the scenario's
     * `outputs` value, else the built-in default.
     */
    public function writeOutputs(string $dir, ?string $formats = null, array $options = []): void
    {
        [$o, $keep] = $this->icsOptions($options);
        $this->lib->check($this->lib->ffi->jadwal_write_outputs_ex($this->handle, $dir, $formats, FFI::addr($o)));
        unset($keep);
        // The files are links into the set just made current: PHP's realpath
        // cache would otherwise lead this process on to the set it replaced.
        clearstatcache(true);
    }
}
