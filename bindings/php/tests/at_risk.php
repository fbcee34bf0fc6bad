<?php
// The at-risk list and the JP metrics through the PHP package: Solution::atRisk
// agrees with its threshold and with itself, and metrics() has jp_earned,
// jp_planned and jp_total (docs/attendance.md "At risk").
//   php at_risk.php SOURCE_DIR LIB HEADER
// Prints "at risk: ok" and exits 0, else names each failed check and exits 1.
declare(strict_types=1);

[$self, $source, $lib, $header] = $argv + [null, null, null, null];
if ($header === null) {
    fwrite(STDERR, "usage: php at_risk.php SOURCE_DIR LIB HEADER\n");
    exit(2);
}
require __DIR__ . '/support.php';
require_package($source);

$jadwal = new Jadwal\Library($lib, $header);
$plan = $jadwal->loadScenario("$source/examples/small/scenario.yaml")->solve(['policy' => 'flexible', 'seed' => 1, 'max_moves' => 2000]);

$m = $plan->metrics();
foreach (['jp_earned', 'jp_planned', 'jp_total'] as $name) check(array_key_exists($name, $m), "metrics() has $name");
check($m['jp_total'] === $m['jp_earned'] + $m['jp_planned'], 'jp_total is jp_earned plus jp_planned');
check($m['jp_planned'] > 0, 'the plan places some JP');

$none = $plan->atRisk(0.0);
$half = $plan->atRisk();
$all = $plan->atRisk(1.0);
check($none === [], 'nobody is below a probability of 0');
check(count($half) <= count($all), 'a higher threshold lists at least as many people');
check(count($all) > 0, 'with threshold 1 someone short of certainty is listed');
foreach ($all as $p) {
    check($p['probability'] < 1.0 && $p['probability'] >= 0.0, "{$p['employee']}: a probability below 1");
    check($p['jp_target'] > 0, "{$p['employee']}: has a JP target");
    check($p['expected_jp'] <= $p['jp_earned'] + $p['jp_planned'] + 1e-9, "{$p['employee']}: expected JP at most earned plus planned");
}
foreach ($half as $p) check($p['probability'] < 0.5, "{$p['employee']}: below the default threshold of 0.5");
try {
    $plan->atRisk(1.5);
    check(false, 'a threshold above 1 is refused');
} catch (Jadwal\JadwalException $e) {
    check(true, 'refused');
}

if ($failed) exit(1);
echo "at risk: ok\n";
