"""The exceptions of the jadwal package, and the diagnostics a scenario carries.

Every failure inside the native module arrives here as one of these classes
(``_from_native`` is called by the module's exception translator), so no C++
exception reaches Python as a bare ``RuntimeError``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Dict, List, Optional, Sequence, Tuple, Type

__all__ = [
    "Diagnostic",
    "Error",
    "ScenarioError",
    "SolutionError",
    "SolveError",
    "NotFoundError",
    "InvalidArgumentError",
    "OutputError",
    "InternalError",
]


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """A problem found in an input file, with its stable code and where it points.

    ``line`` and ``column`` are 1-based, ``None`` when the whole file is meant;
    ``file`` is ``None`` when unknown. Codes are listed in docs/errors.md.
    ``str(d)`` reads like a compiler message:
    ``scenario.yaml:12:50: error: unknown unit 'bpkda' [E-REF-UNIT]``.
    """

    severity: str  #: "error", "warning" or "note"
    code: str  #: e.g. "E-REF-UNIT"
    message: str  #: one sentence, without the position
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    path: str = ""  #: the node path, e.g. "employees[0].unit" (may be empty)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.file or "<unknown>"
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: {self.message} [{self.code}]"
        return f"{text} at {self.path}" if self.path else text

    @classmethod
    def _from_native(cls, t: Tuple[str, str, str, str, int, int, str]) -> "Diagnostic":
        severity, code, message, file, line, column, path = t
        return cls(severity, code, message, file or None, line or None, column or None, path)


class Error(Exception):
    """Base class of every error jadwal raises.

    ``code`` is the diagnostic code (docs/errors.md) when the error points into
    an input file, else ``None``; ``file``, ``line`` and ``column`` (1-based)
    say where, ``None`` when not applicable.
    """

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        # KeyError would otherwise quote the message.
        return self.message


class ScenarioError(Error):
    """The scenario, or a file read against it (the change requests of
    ``answer_requests``, the attendance records of ``solve`` and ``verify``),
    did not load. ``diagnostics`` holds every problem found (also
    warnings); the message and ``code``/``file``/``line``/``column`` name the first error.
    """

    def __init__(self, message: str, *, diagnostics: Sequence[Diagnostic] = (), **where: object) -> None:
        super().__init__(message, **where)  # type: ignore[arg-type]
        self.diagnostics = list(diagnostics)

    @property
    def errors(self) -> List[Diagnostic]:
        """The diagnostics of severity error."""
        return [d for d in self.diagnostics if d.is_error]


class SolutionError(Error, ValueError):
    """A solution (solution.json text) does not read against the scenario."""

    def __init__(self, message: str, *, diagnostics: Sequence[Diagnostic] = (), **where: object) -> None:
        super().__init__(message, **where)  # type: ignore[arg-type]
        self.diagnostics = list(diagnostics)


class SolveError(Error):
    """The solver refused its options, or a plan names a policy the scenario lacks."""


class NotFoundError(Error, KeyError):
    """An id (employee, programme, policy) the scenario does not have."""


class InvalidArgumentError(Error, ValueError):
    """An argument out of range or badly written (a date, a format list...)."""


class OutputError(Error, OSError):
    """Output files could not be written; the previous ones are left in place."""


class InternalError(Error):
    """A failure inside the library that is not the caller's doing (a bug)."""


_KINDS: Dict[str, Type[Error]] = {
    "scenario": ScenarioError,
    "solution": SolutionError,
    "solve": SolveError,
    "not_found": NotFoundError,
    "invalid": InvalidArgumentError,
    "output": OutputError,
    "internal": InternalError,
}


def _from_native(
    kind: str,
    message: str,
    code: Optional[str],
    file: Optional[str],
    line: Optional[int],
    column: Optional[int],
    diagnostics: List[Any],
) -> Error:
    """Builds the exception for a failure the native module reports."""
    cls = _KINDS.get(kind, InternalError)
    if cls is ScenarioError or cls is SolutionError:
        diags = [Diagnostic._from_native(d) for d in diagnostics]
        errors = sum(1 for d in diags if d.is_error)
        if errors > 1:
            message += f" (and {errors - 1} more error{'s' if errors > 2 else ''})"
        make = ScenarioError if cls is ScenarioError else SolutionError
        return make(message, diagnostics=diags, code=code, file=file, line=line, column=column)
    return cls(message, code=code, file=file, line=line, column=column)


# Shown as jadwal.ScenarioError and so on, where users catch them from.
for _cls in (Diagnostic, Error, *_KINDS.values()):
    _cls.__module__ = "jadwal"
del _cls
