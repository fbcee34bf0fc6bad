<?php
// The scenario's `outputs` section through the PHP package: employeeCalendar and
// writeOutputs take its UID domain, PRODID, reminders, default organiser and CSV
// byte order mark for what they are not given; an argument given wins (docs/outputs.md "Options in the scenario").
//   php scenario_outputs.php SOURCE_DIR WORK_DIR LIB HEADER
// Prints "scenario outputs: ok" and exits 0, else names each failed check and exits 1.
declare(strict_types=1);

[$self, $source, $work, $lib, $header] = $argv + [null, null, null, null, null];
if ($header === null) {
    fwrite(STDERR, "usage: php scenario_outputs.php SOURCE_DIR WORK_DIR LIB HEADER\n");
    exit(2);
}
require __DIR__ . '/support.php';
require_package($source);

$jadwal = new Jadwal\Library($lib, $header);
$yaml = file_get_contents("$source/tests/data/good/minimal.yaml") . "outputs:\n"
    . "  uid_domain: bkpsdmd.batangharikab.go.id\n"
    . "  product_id: \"-//BKPSDMD Batanghari//jadwal//ID\"\n"
    . "  reminders: [2h]\n";
$plan = $jadwal->loadScenarioString($yaml, 'outputs.yaml')->solve(['seed' => 1, 'max_moves' => 200]);
$nip = '198203142006041002';

$ics = $plan->employeeCalendar($nip);
check(str_contains($ics, "BEGIN:VEVENT"), 'the calendar has events');
check(str_contains($ics, "@bkpsdmd.batangharikab.go.id\r\n"), "the scenario's uid_domain");
check(str_contains($ics, "PRODID:-//BKPSDMD Batanghari//jadwal//ID\r\n"), "the scenario's product_id");
check(str_contains($ics, "TRIGGER:-PT2H\r\n") && !str_contains($ics, "TRIGGER:-P1D\r\n"), "the scenario's reminders");

$given = $plan->employeeCalendar($nip, 'portal.example.go.id', ['reminders' => []]);
check(str_contains($given, "@portal.example.go.id\r\n"), 'the uid_domain given wins');
check(!str_contains($given, 'bkpsdmd.batangharikab.go.id'), 'no UID keeps the scenario domain');
check(!str_contains($given, 'BEGIN:VALARM'), 'reminders [] wins: none');

$dir = "$work/php-scenario-outputs";
$plan->writeOutputs($dir, 'ics,csv', ['product_id' => '-//Portal//EN', 'spreadsheet' => true]);
$file = (string)file_get_contents("$dir/calendars/employees/$nip.ics");
check(str_contains($file, "@bkpsdmd.batangharikab.go.id\r\n"), "writeOutputs: the scenario's uid_domain");
check(str_contains($file, "PRODID:-//Portal//EN\r\n"), 'writeOutputs: the product_id given wins');
check(str_starts_with((string)file_get_contents("$dir/schedule.csv"), "\xEF\xBB\xBF"), 'writeOutputs: spreadsheet CSV');

// default_organizer and csv_bom: the scenario's when writeOutputs is given
// nothing, the organiser given wins (the programme of minimal.yaml has none).
$csvPlan = $jadwal->loadScenarioString(file_get_contents("$source/tests/data/good/minimal.yaml") . "outputs:\n"
    . "  default_organizer: BKPSDMD Batanghari\n"
    . "  csv_bom: true\n", 'csv.yaml')->solve(['seed' => 1, 'max_moves' => 200]);
$csvDir = "$work/php-scenario-csv";
$csvPlan->writeOutputs($csvDir, 'csv');
$siasn = (string)file_get_contents("$csvDir/siasn_courses.csv");
check(str_starts_with($siasn, "\xEF\xBB\xBF"), "writeOutputs: the scenario's csv_bom");
check(str_contains($siasn, 'BKPSDMD Batanghari'), "writeOutputs: the scenario's default_organizer");
$csvPlan->writeOutputs($csvDir, 'csv', ['organizer' => 'Diklat Provinsi Jambi']);
$siasn = (string)file_get_contents("$csvDir/siasn_courses.csv");
check(str_contains($siasn, 'Diklat Provinsi Jambi') && !str_contains($siasn, 'BKPSDMD Batanghari'),
      'writeOutputs: the organizer given wins');
$plainDir = "$work/php-scenario-plain-csv";
$plan->writeOutputs($plainDir, 'csv');
$plain = (string)file_get_contents("$plainDir/siasn_courses.csv");
check(!str_starts_with($plain, "\xEF\xBB\xBF") && !str_contains($plain, 'Diklat Provinsi Jambi'),
      'without csv_bom or an organiser: no byte order mark, no organiser');
$plan->writeOutputs($plainDir, 'csv', ['organizer' => 'Diklat Provinsi Jambi', 'csv_bom' => true]);
$given = (string)file_get_contents("$plainDir/siasn_courses.csv");
check(str_starts_with($given, "\xEF\xBB\xBF") && str_contains($given, 'Diklat Provinsi Jambi'),
      'writeOutputs: csv_bom and organizer given to a scenario without them');

try {
    $jadwal->loadScenarioString(file_get_contents("$source/tests/data/good/minimal.yaml")
        . "outputs:\n  uid_domain: \"a.go.id\\r\\nX: 1\"\n", 'bad.yaml');
    check(false, 'a line break in outputs.uid_domain is refused');
} catch (Jadwal\JadwalException $e) {
    check($e->diagnosticCode === 'E-ADDRESS' && $e->sourceLine === 20 && $e->sourceColumn === 15,
          "the refusal names E-ADDRESS at 20:15, got {$e->diagnosticCode} at {$e->sourceLine}:{$e->sourceColumn}");
}

if ($failed) exit(1);
echo "scenario outputs: ok\n";
