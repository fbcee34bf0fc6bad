<?php
// The exact model (`jadwal solve --exact`, src/solve/README.md) through the PHP
// package: Scenario::solve with 'exact' proves tests/data/good/exact_small.yaml's
// plan optimal (the one cohort on Wednesday 3 June 09:00, burden 270, cost 100),
// where the search alone says "feasible"; a scenario the model does not hold
// throws JadwalException with JADWAL_E_SOLVE and the rule named.
//   php exact.php SOURCE_DIR LIB HEADER
// Prints "exact: ok" and exits 0, else names each failed check and exits 1.
declare(strict_types=1);

[$self, $source, $lib, $header] = $argv + [null, null, null, null];
if ($header === null) {
    fwrite(STDERR, "usage: php exact.php SOURCE_DIR LIB HEADER\n");
    exit(2);
}
require __DIR__ . '/support.php';
require_package($source);

$jadwal = new Jadwal\Library($lib, $header);
$small = $jadwal->loadScenario("$source/tests/data/good/exact_small.yaml");
$options = ['policy' => 'only', 'seed' => 1, 'max_moves' => 2000];

$plan = $small->solve($options + ['exact' => true, 'exact_seconds' => 30]);
check($plan->status() === 'optimal', 'exact proves the plan optimal, not ' . $plan->status());
$cohorts = $plan->cohorts();
check(count($cohorts) === 1, 'one cohort');
if (count($cohorts) === 1) {
    $c = $cohorts[0];
    $people = $c['participants'];
    sort($people);
    check($c['program'] === 'p' && $c['mode'] === 'online_live', 'the online course');
    check($people === ['199001012020011001', '199001012020011002', '199001012020011003'], 'all three in it');
    check(count($c['sessions']) === 1 && $c['sessions'][0]['start'] === '2026-06-03T09:00:00+07:00',
          'on Wednesday 3 June 09:00');
}
$objective = json_decode($plan->json(), true)['objective'] ?? [];
check(($objective['participation'] ?? null) === 0.0 && ($objective['burden'] ?? null) === 270.0
      && ($objective['cost'] ?? null) === 100.0, 'the proven objective: 0, 270, 100');
check($plan->verify()['violations'] === 0, 'the checker finds no violation');

$search = $small->solve($options);
check($search->status() === 'feasible', 'the search alone proves nothing: ' . $search->status());

// tests/data/good/makeups.yaml's course has live modules of several sessions
// over weeks: more schedules and seats than the exact model takes.
$refused = $jadwal->loadScenario("$source/tests/data/good/makeups.yaml");
try {
    $refused->solve($options + ['exact' => true]);
    check(false, 'a scenario the exact model does not hold is refused');
} catch (Jadwal\JadwalException $e) {
    check($e->status === -4, 'the solve status, not an internal error: ' . $e->status);
    check(str_contains($e->getMessage(), 'the exact model (--exact) would need more than'),
          'the message names the rule: ' . $e->getMessage());
}

if ($failed) exit(1);
echo "exact: ok\n";
