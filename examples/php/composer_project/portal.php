<?php
// What a portal does with the jadwal Composer package: plan a scenario, serve one
// person's calendar, and show a bad scenario's error at its place.
//
//   php portal.php SCENARIO.yaml NIP BAD_SCENARIO.yaml [--lib PATH] [--header PATH]
// Exit status: 0 done, 1 a call failed unexpectedly, 2 usage.
declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

use Jadwal\JadwalException;
use Jadwal\Library;

$args = array_slice($argv, 1);
$lib = null;
$header = null;
$rest = [];
for ($i = 0; $i < count($args); ++$i) {
    if ($args[$i] === '--lib' && $i + 1 < count($args)) $lib = $args[++$i];
    elseif ($args[$i] === '--header' && $i + 1 < count($args)) $header = $args[++$i];
    else $rest[] = $args[$i];
}
if (count($rest) !== 3) {
    fwrite(STDERR, "usage: php portal.php SCENARIO.yaml NIP BAD_SCENARIO.yaml [--lib PATH] [--header PATH]\n");
    exit(2);
}
[$scenarioPath, $nip, $badPath] = $rest;

$jadwal = new Library($lib, $header);
echo 'jadwal ', $jadwal->version(), " autoloaded from ", (new ReflectionClass(Library::class))->getFileName(), "\n";
$plan = $jadwal->loadScenario($scenarioPath)->solve(['policy' => 'flexible', 'seed' => 7, 'max_moves' => 20000]);
$metrics = $plan->metrics();
printf("status %s: %d of %d demands placed\n", $plan->status(), $metrics['demand_placed'], $metrics['demand_total']);
echo $plan->employeeCalendar($nip);
try {
    $jadwal->loadScenario($badPath);
    echo "the bad scenario loaded\n";
    exit(1);
} catch (JadwalException $e) {
    printf("error %d %s at %s:%d:%d\n", $e->status, $e->diagnosticCode, basename($e->sourceFile), $e->sourceLine,
           $e->sourceColumn);
}
