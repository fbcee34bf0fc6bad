<?php
// libjadwal_c or its FFI header cannot be found or read.
// Part of the jadwal Composer package (bindings/php/README.md).
declare(strict_types=1);

namespace Jadwal;

/** The library or its FFI header cannot be found or read: nothing was planned. */
final class SetupException extends \RuntimeException
{
}
