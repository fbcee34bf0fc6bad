<?php
// A failed call into jadwal, with the C API's status and the diagnostic's place.
// Part of the jadwal Composer package (bindings/php/README.md).
declare(strict_types=1);

namespace Jadwal;
/** A failed call: the C API's last error (jadwal_error) as an exception. */
final class JadwalException extends \RuntimeException
{
    public function __construct(
        string $message,
        public readonly int $status,            // a jadwal_status, e.g. -2 for JADWAL_E_LOAD (also getCode())
        public readonly string $diagnosticCode, // e.g. "E-REF-UNIT" for input problems, else ""
        public readonly string $sourceFile,     // the input file at fault, "" when none
        public readonly int $sourceLine,        // 1-based; 0 when unknown
        public readonly int $sourceColumn,      // 1-based; 0 when unknown
        public readonly array $diagnostics = [], // for a scenario that did not load: every diagnostic
    ) {
        parent::__construct($message, $status);
    }

    /** "file:line:col: message [CODE]" when the error has a place, else the message. */
    public function where(): string
    {
        if ($this->sourceFile === '') return $this->getMessage();
        return sprintf('%s:%d:%d: %s [%s]', $this->sourceFile, $this->sourceLine, $this->sourceColumn,
                       $this->getMessage(), $this->diagnosticCode);
    }
}
