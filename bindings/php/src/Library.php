<?php
// libjadwal_c.so loaded through FFI: the entry point (load a scenario, version, calendars).
// Part of the jadwal Composer package (bindings/php/README.md).
declare(strict_types=1);

namespace Jadwal;

use FFI;

final class Library
{
    /**
     * The C library's soname: what the runtime package (libjadwal-c0.1) installs,
     * so a server needs no development package. It carries MAJOR.MINOR
     * (docs/c_api.md "Versioning") and changes with them.
     */
    public const SONAME = 'libjadwal_c.so.0.1';

    public readonly FFI $ffi;

    /**
     * $lib: a path, or a name the dynamic loader finds; by default the
     * JADWAL_C_LIB environment variable, else SONAME, else "libjadwal_c.so"
     * (the development symlink). $header: jadwal_ffi.h; by default the
     * JADWAL_FFI_HEADER environment variable, else the installed one.
     */
    public function __construct(?string $lib = null, ?string $header = null)
    {
        $header ??= getenv('JADWAL_FFI_HEADER') ?: self::findHeader();
        $text = @file_get_contents($header);
        if ($text === false) throw new SetupException("cannot read the FFI header $header");
        $lib ??= getenv('JADWAL_C_LIB') ?: null;
        if ($lib !== null) {
            $this->ffi = FFI::cdef($text, $lib);
            return;
        }
        try {
            $this->ffi = FFI::cdef($text, self::SONAME);
        } catch (FFI\Exception) {
            $this->ffi = FFI::cdef($text, 'libjadwal_c.so');
        }
    }

    private static function findHeader(): string
    {
        // Next to the package as installed (<prefix>/share/jadwal/php/src/Library.php and
        // <prefix>/share/jadwal/jadwal_ffi.h), else where the .deb or a /usr/local install put it
        // (a Composer project holds a copy of the package in its vendor/ directory).
        foreach ([__DIR__ . '/../../jadwal_ffi.h', '/usr/local/share/jadwal/jadwal_ffi.h',
                  '/usr/share/jadwal/jadwal_ffi.h'] as $candidate) {
            if (is_file($candidate)) return $candidate;
        }
        throw new SetupException('jadwal_ffi.h not found: pass its path or set JADWAL_FFI_HEADER');
    }

    public function version(): string
    {
        return $this->ffi->jadwal_version_string();
    }

    /** Throws the calling thread's last error unless $status is JADWAL_OK. */
    public function check(int $status): void
    {
        if ($status !== $this->ffi->JADWAL_OK) throw $this->lastError();
    }

    /** The calling thread's last error, copied now: the next call replaces it. */
    public function lastError(array $diagnostics = []): JadwalException
    {
        $e = $this->ffi->jadwal_last_error();
        return new JadwalException((string)$e->message, $e->code, (string)$e->diagnostic_code, (string)$e->file,
                                   $e->line, $e->column, $diagnostics);
    }

    public function loadScenario(string $path): Scenario
    {
        $out = $this->ffi->new('jadwal_scenario*');
        $status = $this->ffi->jadwal_scenario_load_file(FFI::addr($out), $path);
        return $this->adopt($out, $status);
    }

    public function loadScenarioString(string $yaml, string $name = '<string>'): Scenario
    {
        $out = $this->ffi->new('jadwal_scenario*');
        $status = $this->ffi->jadwal_scenario_load_string(FFI::addr($out), $yaml, strlen($yaml), $name);
        return $this->adopt($out, $status);
    }

    private function adopt(FFI\CData $out, int $status): Scenario
    {
        if ($status === $this->ffi->JADWAL_OK) return new Scenario($this, $out);
        $error = $this->lastError();
        if (FFI::isNull($out)) throw $error;
        // A scenario with errors comes back holding only its diagnostics:
        // attach them all to the first error (read before any other call).
        $failed = new Scenario($this, $out);
        throw new JadwalException($error->getMessage(), $error->status, $error->diagnosticCode, $error->sourceFile,
                                  $error->sourceLine, $error->sourceColumn, $failed->diagnostics());
    }

    /** The bytes of the file at $path; a JadwalException (JADWAL_E_IO) naming $what when it cannot be read. */
    public function readFile(string $path, string $what): string
    {
        $text = is_file($path) ? @file_get_contents($path) : false;
        if ($text === false)
            throw new JadwalException("$what cannot be read: '$path'", $this->ffi->JADWAL_E_IO, 'E-FILE', $path, 0, 0);
        return $text;
    }

    /**
     * The last error of a call given attendance records; for JADWAL_E_PARSE
     * with every error of the records as diagnostics (severity, code, message,
     * file, line, column, path), from jadwal_attendance_errors.
     */
    public function attendanceError(int $status, ?Solution $previous, ?string $replanFrom, string $csv,
                                    string $file): JadwalException
    {
        $error = $this->lastError(); // before the next call replaces it
        if ($status !== $this->ffi->JADWAL_E_PARSE || $previous === null || $replanFrom === null) return $error;
        $p = $this->ffi->new('char*');
        if ($this->ffi->jadwal_attendance_errors(FFI::addr($p), $previous->handle(), $replanFrom, $csv, $file, null)
            !== $this->ffi->JADWAL_OK) return $error;
        $text = FFI::string($p);
        $this->ffi->jadwal_string_free($p);
        $diagnostics = [];
        foreach (explode("\n", rtrim($text, "\n")) as $line) {
            // FILE:LINE:COLUMN: error: MESSAGE [CODE]
            if (!str_starts_with($line, $file . ':')) continue;
            if (!preg_match('/^:(\d+):(\d+): [^:]+: (.*) \[([A-Z0-9-]+)\]$/s', substr($line, strlen($file)), $m))
                continue;
            $diagnostics[] = ['severity' => 'error', 'code' => $m[4], 'message' => $m[3], 'file' => $file,
                              'line' => (int)$m[1], 'column' => (int)$m[2], 'path' => ''];
        }
        return new JadwalException($error->getMessage(), $error->status, $error->diagnosticCode, $error->sourceFile,
                                   $error->sourceLine, $error->sourceColumn, $diagnostics);
    }

    /** A NUL-terminated copy of $s that lives as long as the returned CData. */
    public function cString(string $s): FFI\CData
    {
        $buf = $this->ffi->new('char[' . (strlen($s) + 1) . ']');
        FFI::memcpy($buf, $s, strlen($s));
        return $buf;
    }
}
