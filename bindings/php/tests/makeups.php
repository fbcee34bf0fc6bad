<?php
// Make-ups from attendance records through the PHP package (docs/attendance.md
// "Make-ups"): Scenario::solve with 'attendance' re-opens what a person missed
// before replan_from and Solution::makeups lists it; verifyReplan with the
// records accepts that plan and refuses the re-plan made without them
// (H8-MAKEUP); records naming an unknown NIP throw JADWAL_E_PARSE with every
// error located.
//   php makeups.php SOURCE_DIR WORK_DIR LIB HEADER
// Prints "makeups: ok" and exits 0, else names each failed check and exits 1.
declare(strict_types=1);

[$self, $source, $work, $lib, $header] = $argv + [null, null, null, null, null];
if ($header === null) {
    fwrite(STDERR, "usage: php makeups.php SOURCE_DIR WORK_DIR LIB HEADER\n");
    exit(2);
}
require __DIR__ . '/support.php';
require_package($source);

// tests/compare/test_makeups.cpp's fixture (the file says what is in it).
$yaml = file_get_contents("$source/tests/data/good/makeups.yaml");

if (!is_dir($work)) mkdir($work, 0777, true);
$jadwal = new Jadwal\Library($lib, $header);
$scenario = $jadwal->loadScenarioString($yaml, 'makeups.yaml');
$options = ['policy' => 'only', 'seed' => 1, 'max_moves' => 5000];
$published = $scenario->solve($options);
check($published->makeups() === [], 'a plan made without records has no make-ups');

$nip = null;
$cohort = null;
foreach ($published->cohorts() as $c) {
    if ($c['program'] === 'webinar' && count($c['participants']) > 0) {
        $nip = $c['participants'][0];
        $cohort = $c['id'];
        break;
    }
}
check($nip !== null, 'someone watches the webinar live');

$records = "$work/records.csv";
file_put_contents($records, "nip,program,module,start,attended\n$nip,webinar,w1,2026-06-03T09:00:00+07:00,0\n");
$replan = $options + ['previous' => $published, 'replan_from' => '2026-06-08'];
$plan = $scenario->solve($replan + ['attendance' => $records]);
$makeups = $plan->makeups();
check(count($makeups) === 1, 'the missed webinar is one make-up');
if (count($makeups) === 1) {
    $m = $makeups[0];
    check($m['employee'] === $nip && $m['program'] === 'webinar' && $m['module'] === 'w1',
          'the make-up names the person, the programme and the module');
    check($m['missed'] === '2026-06-03T09:00:00+07:00' && $m['missed_unix'] === 1780452000,
          'the make-up says when the missed session started');
    check($m['cohort'] === $cohort && $m['sessions_missed'] === 1, 'the make-up names the cohort missed');
}
$ok = $plan->verifyReplan($published, '2026-06-08', $records);
check($ok['violations'] === 0 && $ok['makeup_violations'] === 0, 'verify with the records accepts the re-plan');

// Planted: the re-plan made without the records.
$without = $scenario->solve($replan);
check($without->makeups() === [], 'the re-plan without records lists no make-up');
check($without->verifyReplan($published, '2026-06-08')['violations'] === 0, 'it is a sound re-plan without records');
$refused = $without->verifyReplan($published, '2026-06-08', $records);
check($refused['makeup_violations'] >= 1 && $refused['violations'] >= $refused['makeup_violations'],
      'verify with the records refuses it for the make-up rule');

$bad = "$work/bad.csv";
file_put_contents($bad, "nip,program,module,start,attended\n"
    . "199001012020019999,webinar,w1,2026-06-03T09:00:00+07:00,0\n"
    . "199001012020011001,webinar,w9,2026-06-03T09:00:00+07:00,0\n");
try {
    $scenario->solve($replan + ['attendance' => $bad]);
    check(false, 'records with an unknown NIP are refused');
} catch (Jadwal\JadwalException $e) {
    check($e->status === -5, 'the parse status, not an internal error');
    check($e->sourceFile === $bad && $e->sourceLine === 2 && $e->sourceColumn === 1
          && $e->diagnosticCode === 'E-REF-EMPLOYEE', 'the first error is located: ' . $e->where());
    $places = array_map(fn($d) => "{$d['code']}@{$d['line']}:{$d['column']}", $e->diagnostics);
    check($places === ['E-REF-EMPLOYEE@2:1', 'E-REF-MODULE@3:28'], 'every error is listed: ' . implode(' ', $places));
}
try {
    $plan->verifyReplan($published, '2026-06-08', $bad);
    check(false, 'verify refuses records with an unknown NIP');
} catch (Jadwal\JadwalException $e) {
    check($e->status === -5 && $e->sourceLine === 2, 'verify: the parse status at line 2');
}

if ($failed) exit(1);
echo "makeups: ok\n";
