<?php
// What the PHP tests share: the package's classes from SOURCE_DIR, and check(),
// which names a failed check on stderr and counts it in $failed.
declare(strict_types=1);

function require_package(string $source): void
{
    foreach (['JadwalException', 'SetupException', 'Library', 'Scenario', 'Solution'] as $class) {
        require_once "$source/bindings/php/src/$class.php";
    }
}

$failed = 0;
function check(bool $ok, string $what): void
{
    global $failed;
    if (!$ok) {
        fwrite(STDERR, "FAILED: $what\n");
        ++$failed;
    }
}
