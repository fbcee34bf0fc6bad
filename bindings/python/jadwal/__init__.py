"""jadwal: schedules competency training for civil servants around their work calendars.

A scenario (YAML, docs/format.md) describes the people, their work patterns,
the programmes they need and the policies to plan them under; ``solve``
turns it into a plan of cohorts, sessions and self-paced study blocks::

    import jadwal

    scenario = jadwal.load("examples/small/scenario.yaml")
    plan = jadwal.solve(scenario, policy="flexible", max_moves=20_000)
    print(plan.status, plan.metrics["participation_rate"])
    for cohort in plan.cohorts:
        print(cohort.id, cohort.sessions[0].start)   # an aware datetime
    jadwal.write_outputs(plan, "out")

``solve`` releases the GIL while it runs. Results are plain Python objects:
frozen dataclasses, dicts, lists, and ``datetime`` objects with a
``zoneinfo.ZoneInfo`` of the scenario's (or the person's) time zone. Errors are
``jadwal.Error`` subclasses carrying ``code``, ``file``, ``line`` and ``column``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import json
import math
import operator
import os
import pathlib
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union
from zoneinfo import ZoneInfo

from . import _errors, _jadwal
from ._errors import (
    Diagnostic,
    Error,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    OutputError,
    ScenarioError,
    SolutionError,
    SolveError,
)

__version__: str = _jadwal.__version__
#: The most search threads a solve takes.
MAX_THREADS: int = _jadwal.max_threads

__all__ = [
    "__version__",
    "MAX_THREADS",
    # loading and the scenario
    "load",
    "loads",
    "Scenario",
    "Employee",
    "Unit",
    "Program",
    "Module",
    "Policy",
    # solving and the plan
    "solve",
    "CancelToken",
    "Progress",
    "Solution",
    "Cohort",
    "Session",
    "StudyBlock",
    "DayInLieu",
    "Unplaced",
    "Reason",
    "Alternative",
    "AtRisk",
    "at_risk",
    "Makeup",
    "solution_from_json",
    "load_solution",
    # change requests from individuals
    "answer_requests",
    "RequestsOutcome",
    "RequestAnswer",
    # using a plan
    "explain",
    "verify",
    "Verification",
    "Violation",
    "write_outputs",
    "employee_calendar",
    # what people read, in their language
    "Messages",
    # Diagnostic and the exceptions (written out, not added from _errors.__all__,
    # so that type checkers see them exported)
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

PathLike = Union[str, "os.PathLike[str]"]
DateLike = Union[_dt.date, str]


class Messages(_jadwal.Messages):
    """The message catalogue (po/): ``Messages("id").tr("the English text")`` gives
    the Indonesian text (format it with ``str.format``); ``number``, ``decimal``
    and ``percent`` write figures the language's way ("5.179.655", "65,5%").
    A wrong argument is an :class:`InvalidArgumentError`."""

    def __init__(self, language: str) -> None:
        super().__init__(_str(language, "language", "'id' or 'en' (a str)"))

    def tr(self, id: str) -> str:
        return super().tr(_str(id, "id", "the English text (a str)"))

    def tr_in(self, context: str, id: str) -> str:
        return super().tr_in(_str(context, "context"), _str(id, "id", "the English text (a str)"))

    def number(self, n: int) -> str:
        return super().number(_whole(n, "n", -(2**63), 2**63 - 1))

    def decimal(self, x: float, decimals: int) -> str:
        return super().decimal(_real(x, "x"), _digits(decimals))

    def percent(self, ratio: float, decimals: int = 1) -> str:
        return super().percent(_real(ratio, "ratio"), _digits(decimals))

#: Stops a solve from any thread: ``token.cancel()``. The solve then returns the
#: best plan found so far (no exception). One token may serve several solves.
CancelToken = _jadwal.CancelToken


@functools.lru_cache(maxsize=None)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _when(unix_seconds: int, zone: str) -> _dt.datetime:
    return _dt.datetime.fromtimestamp(unix_seconds, _zone(zone))


def _date_text(value: DateLike, what: str) -> str:
    if isinstance(value, _dt.datetime):
        raise InvalidArgumentError(f"{what} must be a date, not a datetime")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise InvalidArgumentError(f"{what} must be a datetime.date or an ISO date string, not {value!r}")


def _path(value: Any, name: str) -> str:
    """A path argument as the native module takes it: a str or an ``os.PathLike`` of str."""
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        if isinstance(text, str):
            return text
    raise InvalidArgumentError(f"{name} must be a path (a str or os.PathLike), not {value!r}")


def _text(value: Any, name: str) -> str:
    """Text given as a str or as UTF-8 bytes."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InvalidArgumentError(f"{name} must be UTF-8 text ({e.reason} at byte {e.start})") from None
    raise InvalidArgumentError(f"{name} must be a str or UTF-8 bytes, not {type(value).__name__}")


def _str(value: Any, name: str, what: str = "a str") -> str:
    """An argument that must be a str (an id, a name, a reason)."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be {what}, not {value!r}")
    return value


def _scenario_arg(value: Any, name: str = "scenario") -> "Scenario":
    if not isinstance(value, Scenario):
        raise InvalidArgumentError(f"{name} must be a jadwal.Scenario, not {type(value).__name__}")
    return value


def _solution_arg(value: Any, name: str) -> "Solution":
    if not isinstance(value, Solution):
        raise InvalidArgumentError(f"{name} must be a jadwal.Solution, not {type(value).__name__}")
    return value


def _whole(value: Any, name: str, low: int, high: int) -> int:
    """A whole-number option as the native module takes it, from ``low`` to ``high``
    (anything with ``__index__``, such as a NumPy integer, but not a bool); else
    :class:`InvalidArgumentError`, never the binding layer's ``TypeError``."""
    problem = InvalidArgumentError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    if isinstance(value, bool):
        raise problem
    try:
        n = operator.index(value)
    except TypeError:
        raise problem from None
    if not low <= n <= high:
        raise problem
    return n


def _real(value: Any, name: str) -> float:
    """A real number (NaN and the infinities too, which figures write as "-" and "\u221e")."""
    if isinstance(value, (bool, str, bytes)):
        raise InvalidArgumentError(f"{name} must be a number, not {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InvalidArgumentError(f"{name} must be a number, not {value!r}") from None


def _digits(value: Any) -> int:
    """Decimal places of a figure: a whole number, 0 to 9 (more or fewer are held to those)."""
    return max(0, min(_whole(value, "decimals", -(2**63), 2**63 - 1), 9))


def _thread_count(value: Any) -> int:
    """``threads``: a whole number from 1 to MAX_THREADS."""
    return _whole(value, "threads", 1, MAX_THREADS)


def _seconds(value: Any, name: str, *, positive: bool = False) -> float:
    """A duration in seconds: a finite real number, at least 0 (above 0 if ``positive``)."""
    problem = InvalidArgumentError(
        f"{name} must be a finite number of seconds {'above' if positive else 'from'} 0, not {value!r}"
    )
    if isinstance(value, bool):
        raise problem
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise problem from None
    if not math.isfinite(x) or x < 0 or (positive and x == 0):
        raise problem
    return x


def _instant_text(value: Union[_dt.datetime, _dt.date, str]) -> str:
    """A re-plan instant as the library reads it: a date, or an ISO 8601 instant."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidArgumentError("replan_from must be timezone-aware (or a date)")
        return value.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _date_text(value, "replan_from")


# ---------------------------------------------------------------- the scenario


@dataclasses.dataclass(frozen=True)
class Employee:
    """One person of the scenario (leave and duties are not shown)."""

    id: str  #: the NIP (or another unique id)
    name: str
    unit: str  #: unit id
    status: str  #: "pns" or "pppk"
    jp_target: int  #: annual JP target
    jp_cap: Optional[int]  #: annual JP cap, if any
    timezone: ZoneInfo


@dataclasses.dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: str  #: free text: office, school, hospital...
    district: str
    timezone: ZoneInfo


@dataclasses.dataclass(frozen=True)
class Module:
    id: str
    title: str
    jp: int


@dataclasses.dataclass(frozen=True)
class Program:
    """A training programme and the delivery modes it is offered in."""

    id: str
    title: str
    organizer: str
    jp: int
    modules: Tuple[Module, ...]
    modes: Tuple[str, ...]  #: "classroom", "online_live", "self_paced"


@dataclasses.dataclass(frozen=True)
class Policy:
    id: str
    description: str


class Scenario:
    """A loaded, validated scenario. Make one with :func:`load` or :func:`loads`.

    Plans made from a scenario keep the version they were made from: editing the
    scenario afterwards (:meth:`add_leave`) does not change them.
    """

    __slots__ = ("_native", "_employees", "_by_id")

    def __init__(self, native: _jadwal.Scenario) -> None:
        self._native = native
        self._employees: Optional[Tuple[Employee, ...]] = None
        self._by_id: Optional[Dict[str, Employee]] = None

    @property
    def name(self) -> str:
        return self._native.name

    @property
    def timezone(self) -> ZoneInfo:
        """The scenario's time zone (``scenario.timezone``)."""
        return _zone(self._native.zone)

    @property
    def horizon(self) -> Tuple[_dt.date, _dt.date]:
        """The first and last day of the planning horizon (inclusive)."""
        first, last = self._native.horizon
        return _dt.date.fromisoformat(first), _dt.date.fromisoformat(last)

    @property
    def employees(self) -> Tuple[Employee, ...]:
        if self._employees is None:
            self._employees = tuple(
                Employee(id, name, unit, status, target, cap, _zone(zone))
                for id, name, unit, status, target, cap, zone in self._native.employees()
            )
        return self._employees

    @property
    def employee_ids(self) -> List[str]:
        return [e.id for e in self.employees]

    def employee(self, id: str) -> Employee:
        """The employee with this id; :class:`NotFoundError` (a ``KeyError``) if none."""
        _str(id, "id", "an employee id (a str)")
        if self._by_id is None:
            self._by_id = {e.id: e for e in self.employees}
        try:
            return self._by_id[id]
        except KeyError:
            raise NotFoundError(f"no employee '{id}' in the scenario") from None

    @property
    def units(self) -> List[Unit]:
        return [Unit(id, name, kind, district, _zone(zone)) for id, name, kind, district, zone in self._native.units()]

    @property
    def programs(self) -> List[Program]:
        return [
            Program(id, title, organizer, jp, tuple(Module(*m) for m in modules), tuple(modes))
            for id, title, organizer, jp, modules, modes in self._native.programs()
        ]

    @property
    def policies(self) -> List[Policy]:
        return [Policy(id, description) for id, description in self._native.policies()]

    @property
    def default_policy(self) -> Optional[str]:
        """The policy ``scenario.policy`` names, used when ``solve`` is given none."""
        return self._native.default_policy

    @property
    def demand_count(self) -> int:
        """Demand items: one per employee and programme they need."""
        return self._native.demand_count

    @property
    def diagnostics(self) -> List[Diagnostic]:
        """Warnings and notes of the load (errors would have raised ScenarioError)."""
        return [Diagnostic._from_native(d) for d in self._native.diagnostics()]

    def add_leave(
        self, employee: str, start: DateLike, end: Optional[DateLike] = None, *, why: str = "added through the Python API"
    ) -> None:
        """Adds whole days of leave, ``start`` to ``end`` inclusive (``end`` defaults to ``start``).

        Dates are ``datetime.date`` objects or ``"YYYY-MM-DD"`` strings. Raises
        :class:`NotFoundError` for an unknown employee and
        :class:`InvalidArgumentError` for a bad or reversed range.
        """
        _str(employee, "employee", "a NIP (a str)")
        first = _date_text(start, "start")
        last = _date_text(start if end is None else end, "end")
        self._native.add_leave(employee, first, last, _str(why, "why"))

    def restrict(
        self,
        *,
        sessions: Optional[Iterable[Dict[str, Any]]] = None,
        platforms: Optional[Dict[str, int]] = None,
        instructors: Optional[Dict[str, Iterable[DateLike]]] = None,
        venues: Optional[Dict[str, Iterable[DateLike]]] = None,
    ) -> None:
        """Holds this scenario to an allowance of resources it shares with other
        agencies (docs/scale.md), in place; plans already made keep the scenario
        they were made from.

        ``sessions``: dicts ``{program, module, start: "YYYY-MM-DDTHH:MM", seats}``:
        the fixed session's capacity becomes the smaller of its own and ``seats``.
        ``platforms``: ``{id: lanes}``: meetings at once become at most ``lanes``;
        0 removes the live online offers on that platform. ``instructors`` and
        ``venues``: ``{id: dates}``: the dates this agency may use them; every
        other date of the horizon becomes unavailable (closed). Raises
        :class:`NotFoundError` naming every unknown id (nothing changes then) and
        :class:`InvalidArgumentError` for a bad date or a negative number.
        """
        def by_id(given: Any, name: str, shape: str) -> List[Tuple[str, Any]]:
            if given is None:
                return []
            if not isinstance(given, Mapping):
                raise InvalidArgumentError(f"{name} must be a dict {shape}, not {given!r}")
            return sorted(((str(k), v) for k, v in given.items()), key=operator.itemgetter(0))

        def listed(given: Any, problem: InvalidArgumentError) -> List[Any]:
            if isinstance(given, (str, bytes, Mapping)):
                raise problem
            try:
                return list(given)
            except TypeError:
                raise problem from None

        keys = ("program", "module", "start", "seats")
        wrong = InvalidArgumentError(f"sessions must be a list of dicts {{{', '.join(keys)}}}, not {sessions!r}")
        seats = []
        for s in [] if sessions is None else listed(sessions, wrong):
            if not isinstance(s, Mapping) or not all(k in s for k in keys):
                raise wrong
            count = _whole(s["seats"], "seats", 0, 2**31 - 1)
            seats.append((str(s["program"]), str(s["module"]), str(s["start"]), count))
        lanes = [(k, _whole(v, "lanes", 0, 2**31 - 1)) for k, v in by_id(platforms, "platforms", "{platform id: lanes}")]

        def days(given: Any, name: str, what: str) -> List[Tuple[str, List[str]]]:
            out = []
            for k, v in by_id(given, name, "{id: dates}"):
                problem = InvalidArgumentError(f"{name}[{k!r}] must be a list of dates, not {v!r}")
                out.append((k, [_date_text(d, what) for d in listed(v, problem)]))
            return out

        self._native.restrict(
            seats, lanes, days(instructors, "instructors", "instructor date"), days(venues, "venues", "venue date")
        )

    def resources(self) -> Dict[str, List[Dict[str, Any]]]:
        """The resources an allowance can name: ``venues`` (id, name, capacity),
        ``platforms`` (id, name, concurrent, capacity), ``instructors`` (id, name,
        max_minutes_per_day, max_days_per_month or None) and ``fixed_sessions``
        (program, module, start and end as local "YYYY-MM-DDTHH:MM", capacity,
        platform)."""
        out: Dict[str, List[Dict[str, Any]]] = self._native.resources()
        return out

    def demand_by_program(self) -> Dict[str, int]:
        """Demand items (employee, programme) per programme id, every programme listed."""
        out: Dict[str, int] = self._native.demand_by_program()
        return out

    def program_uses(self) -> Dict[str, Dict[str, List[str]]]:
        """The resources each programme can use, by id, as the scenario was loaded
        (defaults applied): ``{program: {"platforms": [...], "venues": [...],
        "instructors": [...]}}``."""
        out: Dict[str, Dict[str, List[str]]] = self._native.program_uses()
        return out

    def solve(self, **options: Any) -> "Solution":
        """``jadwal.solve(self, **options)``."""
        return solve(self, **options)

    def __repr__(self) -> str:
        return f"<jadwal.Scenario {self.name!r}: {len(self.employees)} employees, {self.demand_count} demand items>"


EmployeesCsv = Iterable[Tuple[str, Union[str, bytes]]]


def _employee_sources(employees_csv: Optional[EmployeesCsv]) -> List[Tuple[str, str]]:
    if employees_csv is None:
        return []
    problem = InvalidArgumentError(f"employees_csv must be a list of (name, text) pairs, not {employees_csv!r}")
    if isinstance(employees_csv, (str, bytes)):
        raise problem
    try:
        items = list(employees_csv)
    except TypeError:
        raise problem from None
    sources = []
    for item in items:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            raise problem
        name, text = item
        sources.append((str(name), _text(text, "the text of employees_csv " + repr(name))))
    return sources


def load(path: PathLike, *, base_dir: Optional[PathLike] = None,
         employees_csv: Optional[EmployeesCsv] = None, confine_files: bool = False) -> Scenario:
    """Loads and validates a scenario file.

    Relative paths inside it (an employees CSV) resolve against ``base_dir``,
    by default the file's directory. With ``confine_files=True`` the files it
    names must lie inside that folder, ``..`` and symbolic links resolved; one
    that leads outside is the error ``E-FILE-OUTSIDE`` at the reference and is
    not read (for scenarios from people who should not read the machine's
    files). ``employees_csv`` adds or replaces
    employees from CSV text, as ``(name, text)`` pairs (an HR export: the
    columns of an employees file, docs/format.md); a NIP the scenario already
    has is replaced, and ``name`` is the file diagnostics show. Raises
    :class:`ScenarioError` listing every problem found, the first error in the
    message as ``file:line:col``.
    """
    native = _jadwal.load_file(_path(path, "path"), None if base_dir is None else _path(base_dir, "base_dir"),
                               _employee_sources(employees_csv), bool(confine_files))
    return Scenario(native)


def loads(text: Union[str, bytes], name: str = "<string>", *, base_dir: Optional[PathLike] = None,
          employees_csv: Optional[EmployeesCsv] = None, confine_files: bool = False) -> Scenario:
    """Loads a scenario from YAML text; ``name`` is the file name diagnostics
    show. Files it names resolve against ``base_dir`` (default: the working
    directory). ``employees_csv`` and ``confine_files`` as for :func:`load`."""
    native = _jadwal.load_text(_text(text, "text"), _str(name, "name"),
                               None if base_dir is None else _path(base_dir, "base_dir"),
                               _employee_sources(employees_csv), bool(confine_files))
    return Scenario(native)


# ---------------------------------------------------------------- the plan


@dataclasses.dataclass(frozen=True)
class Progress:
    """The best plan so far, as ``solve(progress=...)`` reports it."""

    phase: str  #: "compile", "construct", "search", "explain", "done"
    participation: float  #: objective levels, lower is better
    burden: float
    cost: float
    demand_placed: int
    demand_total: int
    elapsed_seconds: float
    moves: int


@dataclasses.dataclass(frozen=True)
class Session:
    """One meeting of a cohort. ``part`` is 1-based, as in solution.json."""

    module: str
    part: int
    start: _dt.datetime  #: aware, in the scenario's zone
    end: _dt.datetime
    pinned: bool  #: a fixed session, or one kept from a previous plan
    revision: int  #: times it changed since first published (iCalendar SEQUENCE)


@dataclasses.dataclass(frozen=True)
class Cohort:
    id: str
    program: str
    mode: str  #: "classroom", "online_live" or "self_paced"
    venue: Optional[str]  #: classroom cohorts
    platform: Optional[str]  #: online cohorts
    instructors: Tuple[str, ...]
    participants: Tuple[str, ...]  #: employee ids
    sessions: Tuple[Session, ...]  #: in time order


@dataclasses.dataclass(frozen=True)
class StudyBlock:
    """Self-paced study of one module by one person."""

    employee: str
    program: str
    module: str
    start: _dt.datetime  #: aware, in the employee's zone
    end: _dt.datetime
    revision: int


@dataclasses.dataclass(frozen=True)
class DayInLieu:
    """A day off in lieu: assigned-duty training on `earned` (a rostered day off)
    frees the person from their rostered `shift` on `date` (docs/model.md "Assigned duty")."""

    employee: str
    earned: _dt.date
    date: _dt.date
    shift: str  #: the rotation's shift code


@dataclasses.dataclass(frozen=True)
class Reason:
    code: str  #: stable, e.g. "R-UNIT-LIMIT" (docs/explanations.md)
    message: str  #: a sentence naming the blocking rule


@dataclasses.dataclass(frozen=True)
class Alternative:
    description: str
    cost: float  #: what it would add to the objective's burden level


@dataclasses.dataclass(frozen=True)
class Unplaced:
    """A demand the plan leaves unmet, and why."""

    employee: str
    program: str
    reasons: Tuple[Reason, ...]
    alternatives: Tuple[Alternative, ...]  #: at most three


def _unplaced(items: Iterable[Any]) -> List[Unplaced]:
    return [
        Unplaced(e, p, tuple(Reason(*r) for r in reasons), tuple(Alternative(*a) for a in alternatives))
        for e, p, reasons, alternatives in items
    ]


@dataclasses.dataclass(frozen=True)
class AtRisk:
    """A person unlikely to reach their JP target by the year's end (:func:`at_risk`)."""

    employee: str  #: NIP
    name: str
    unit: str  #: the unit's id
    staff_group: str  #: "office", "teachers", "shift" or "other"
    jp_target: int
    jp_earned: int  #: in the plan's year, from the scenario's history
    jp_planned: int  #: of the programmes the plan places them in
    expected_jp: float  #: earned + the sum of JP x completion probability
    probability: float  #: of reaching jp_target


@dataclasses.dataclass(frozen=True)
class Makeup:
    """A make-up of a re-plan with attendance records (docs/attendance.md "Make-ups"):
    a demand item re-opened because its person missed a live session, or skipped
    self-paced study, before the re-plan instant, and placed again after it."""

    employee: str  #: NIP
    program: str
    module: str  #: the first module, by time, that re-opened the item
    #: the missed session's start (or the skipped study's first block's), aware, in the employee's zone
    missed: _dt.datetime
    cohort: Optional[str]  #: the cohort missed; None for skipped study
    sessions_missed: int  #: live sessions of ``module`` missed; 0 for skipped study


def _attendance_arg(value: Any, previous: Optional["Solution"], replan_from: Any) -> Tuple[Optional[bytes], str]:
    """``attendance``: the path of a records CSV (None: none); its bytes and the
    name its errors show. It needs ``previous`` and ``replan_from``."""
    if value is None:
        return None, ""
    shown = _path(value, "attendance")
    if previous is None or replan_from is None:
        raise InvalidArgumentError("attendance needs previous and replan_from")
    return pathlib.Path(shown).read_bytes(), shown


class Solution:
    """A training plan: cohorts with sessions and participants, self-paced study
    blocks, the demand left unplaced with reasons, and the metrics.

    Immutable and safe to read from several threads. Made by :func:`solve`,
    :func:`solution_from_json` or :func:`load_solution`.
    """

    def __init__(self, native: _jadwal.Solution, scenario: Scenario) -> None:
        self._native = native
        self._scenario = scenario

    @property
    def scenario(self) -> Scenario:
        """The scenario object the plan was made from (it may have been edited since)."""
        return self._scenario

    @property
    def status(self) -> str:
        """"optimal", "feasible", "infeasible" or "time_limit_no_solution"."""
        return self._native.status

    @property
    def seed(self) -> int:
        return self._native.seed

    @property
    def policy(self) -> str:
        """The policy the plan was made under ("default": the built-in one)."""
        return self._native.policy

    @property
    def strategy(self) -> str:
        return self._native.strategy

    @property
    def stability(self) -> Optional[str]:
        """How the re-plan that made this plan treated the previous one
        (``"strict"``, ``"balanced"`` or ``"free"``); None for a plan made without one."""
        return self._native.stability

    @property
    def moves(self) -> int:
        """Local-search moves evaluated."""
        return self._native.moves

    @property
    def elapsed_seconds(self) -> float:
        return self._native.elapsed_seconds

    @property
    def threads(self) -> int:
        """Search threads whose plans were compared: those asked for, or fewer when the
        system refused to start some (``notes`` then says so); 1 for the baseline."""
        return self._native.threads

    @property
    def notes(self) -> List[str]:
        """What a planner should know that the plan itself does not say, one sentence
        each: what a re-plan could not carry over from the previous plan."""
        return list(self._native.notes)

    @property
    def metrics(self) -> Dict[str, Union[int, float]]:
        """The metrics by their names in solution.json (participation_rate, disruption_minutes...)."""
        return self._native.metrics()

    @property
    def objective(self) -> Dict[str, Any]:
        """``{participation, stability, burden, cost, breakdown: {term: value}, per_unit: {unit: {...}}}``
        (stability: docs/model.md "Stability", 0 unless a strict re-plan)."""
        return self._native.objective()

    @functools.cached_property
    def cohorts(self) -> List[Cohort]:
        zone = self._native.zone
        return [
            Cohort(
                id,
                program,
                mode,
                venue,
                platform,
                tuple(instructors),
                tuple(participants),
                tuple(
                    Session(module, part, _when(start, zone), _when(end, zone), pinned, revision)
                    for module, part, start, end, pinned, revision in sessions
                ),
            )
            for id, program, mode, venue, platform, instructors, participants, sessions in self._native.cohorts()
        ]

    @functools.cached_property
    def study_blocks(self) -> List[StudyBlock]:
        return [
            StudyBlock(employee, program, module, _when(start, zone), _when(end, zone), revision)
            for employee, program, module, start, end, revision, zone in self._native.study_blocks()
        ]

    @functools.cached_property
    def days_in_lieu(self) -> List[DayInLieu]:
        return [
            DayInLieu(employee, _dt.date.fromisoformat(earned), _dt.date.fromisoformat(date), shift)
            for employee, earned, date, shift in self._native.days_in_lieu()
        ]

    @functools.cached_property
    def makeups(self) -> List[Makeup]:
        """The make-ups of a re-plan with attendance records (``solve(attendance=...)``),
        by employee then programme; empty for any other plan."""
        return [
            Makeup(employee, program, module, _when(missed, zone), cohort or None, sessions_missed)
            for employee, program, module, missed, zone, cohort, sessions_missed in self._native.makeups()
        ]

    @functools.cached_property
    def unplaced(self) -> List[Unplaced]:
        return _unplaced(self._native.unplaced())

    def at_risk(self, threshold: float = 0.5) -> List[AtRisk]:
        """``jadwal.at_risk(self, threshold)``."""
        return at_risk(self, threshold)

    def to_json(self) -> str:
        """solution.json as text: deterministic, the same bytes for the same plan."""
        return self._native.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """solution.json as a dict (times as ISO 8601 strings)."""
        out: Dict[str, Any] = json.loads(self.to_json())
        return out

    def explain(self, employee: str, program: Optional[str] = None, *, language: Optional[str] = None) -> Dict[str, Any]:
        """``jadwal.explain(self, employee, program, language=language)``."""
        return explain(self, employee, program, language=language)

    def verify(self, **options: Any) -> "Verification":
        """``jadwal.verify(self, **options)``."""
        return verify(self, **options)

    def write_outputs(self, dir: PathLike, formats: Union[str, Iterable[str]] = "all", **options: Any) -> pathlib.Path:
        """``jadwal.write_outputs(self, dir, formats, **options)``."""
        return write_outputs(self, dir, formats, **options)

    def __repr__(self) -> str:
        m = self.metrics
        return (
            f"<jadwal.Solution {self.status} policy={self.policy!r}: "
            f"{m['demand_placed']}/{m['demand_total']} placed, {m['cohorts']} cohorts>"
        )


def solve(
    scenario: Scenario,
    *,
    seed: int = 1,
    time_limit: Optional[float] = None,
    max_moves: Optional[int] = None,
    threads: int = 1,
    policy: Optional[str] = None,
    strategy: str = "optimized",
    previous: Optional[Solution] = None,
    replan_from: Union[_dt.datetime, _dt.date, str, None] = None,
    progress: Optional[Callable[[Progress], Any]] = None,
    progress_interval: float = 0.25,
    cancel: Optional[CancelToken] = None,
    language: Optional[str] = None,
    stability: Optional[str] = None,
    attendance: Optional[PathLike] = None,
    exact: bool = False,
    exact_seconds: float = 60,
) -> Solution:
    """Plans the scenario. The GIL is released while the solver runs.

    - ``seed``: with ``max_moves`` and no ``time_limit`` the plan is the same,
      byte for byte, every time. Without either limit the solver stops after a
      fixed number of moves (3,000,000).
    - ``time_limit``: seconds of wall-clock time, only ever used to stop early.
    - ``threads``: cooperating searches, 1 to ``MAX_THREADS`` (256), that share
      their best plan every 100,000 moves (thread 0 keeps its own, so the plan
      is never worse than one thread's). When the system refuses to start some,
      the solve runs on those that started: ``Solution.threads`` says how many,
      a note why.
    - ``policy``: a policy id of the scenario (default: its ``policy``, else its first).
    - ``strategy``: ``"optimized"`` or ``"baseline"`` (planned as by hand).
    - ``previous``, ``replan_from``: re-planning. What is pinned or starts
      before ``replan_from`` (a date: midnight in the scenario's zone; an aware
      datetime) stays; every other change is counted.
    - ``stability`` (with ``previous``): ``"strict"`` (a published item changes
      only to repair it or to place unplaced demand), ``"balanced"`` (changes
      priced in the burden level) or ``"free"`` (any gain may move items); None:
      the policy's, strict unless it says otherwise (docs/model.md "Stability").
    - ``attendance`` (with ``previous`` and ``replan_from``): the path of an
      attendance records CSV (nip,program,module,start,attended; as ``jadwal
      solve --attendance``). Whoever missed a live session before
      ``replan_from`` (more than the scenario's ``missed_sessions_allowed`` of a
      module) or skipped self-paced study gets a make-up: the programme placed
      again after it (``Solution.makeups``; docs/attendance.md "Make-ups").
      Errors in the file raise :class:`ScenarioError` with every one located
      (``diagnostics``, their ``file`` the path given); nothing is solved.
    - ``progress``: called with a :class:`Progress` from the solving thread (with
      the GIL) at each phase change and at most every ``progress_interval``
      seconds. If it raises, the solve stops and the exception propagates;
      Ctrl-C (``KeyboardInterrupt``) does the same.
    - ``cancel``: a :class:`CancelToken`; cancelling returns the best plan so far.
    - ``language``: the language of the sentences and alternatives that explain
      unplaced demand (``Solution.unplaced``, solution.json, unplaced.csv):
      ``"id"`` (Indonesian) or ``"en"``; also ``"id_ID.UTF-8"``, ``"id-ID"``,
      ``"indonesian"``, ... None: the scenario's ``locale``, else English.
    - ``exact``: also solve the scenario as one exact model (CBC), as ``jadwal
      solve --exact`` (src/solve/README.md): ``Solution.status`` is
      ``"optimal"`` only when the model proved its plan best over its candidate
      cohorts and study blocks. A scenario whose rules the model does not hold
      (re-planning, assigned duty, more than 200 employees, more variables or
      schedules of modules in several sessions than it enumerates, ...) raises
      :class:`SolveError` with a sentence naming the rule; nothing is solved.
    - ``exact_seconds``: the exact model's time box in seconds, above 0 (the
      command line's default, 60).

    Raises :class:`NotFoundError` for an unknown policy and
    :class:`InvalidArgumentError` (a ``ValueError``) for every bad option: a
    ``seed`` outside 0..2**64-1, a ``threads`` that is not a whole number from 1
    to ``MAX_THREADS``, a negative ``max_moves`` or ``time_limit``, an
    ``exact_seconds`` that is not above 0, a language jadwal does not speak, an
    option of the wrong type.
    """
    _scenario_arg(scenario)
    callback = None
    if progress is not None:
        if not callable(progress):
            raise InvalidArgumentError(f"progress must be callable, not {progress!r}")

        report = progress

        def callback(d: Dict[str, Any]) -> None:
            report(Progress(**d))

    if policy is not None and not isinstance(policy, str):
        raise InvalidArgumentError(f"policy must be a policy id (a str), not {policy!r}")
    if not isinstance(strategy, str):
        raise InvalidArgumentError(f"strategy must be 'optimized' or 'baseline', not {strategy!r}")
    if previous is not None and not isinstance(previous, Solution):
        raise InvalidArgumentError(f"previous must be a jadwal.Solution, not {type(previous).__name__}")
    if cancel is not None and not isinstance(cancel, CancelToken):
        raise InvalidArgumentError(f"cancel must be a jadwal.CancelToken, not {type(cancel).__name__}")
    if replan_from is not None and not isinstance(replan_from, (_dt.date, str)):
        raise InvalidArgumentError(f"replan_from must be a date, an aware datetime or a str, not {replan_from!r}")
    if stability is not None and stability not in ("strict", "balanced", "free"):
        raise InvalidArgumentError(f"stability must be 'strict', 'balanced' or 'free', not {stability!r}")
    if not isinstance(exact, bool):
        raise InvalidArgumentError(f"exact must be True or False, not {exact!r}")
    records, records_name = _attendance_arg(attendance, previous, replan_from)
    native = _jadwal.solve(
        scenario._native,
        _whole(seed, "seed", 0, 2**64 - 1),
        None if time_limit is None else _seconds(time_limit, "time_limit"),
        None if max_moves is None else _whole(max_moves, "max_moves", 0, 2**63 - 1),
        _thread_count(threads),
        policy,
        strategy,
        None if previous is None else previous._native,
        None if replan_from is None else _instant_text(replan_from),
        callback,
        _seconds(progress_interval, "progress_interval", positive=True),
        cancel,
        _language(language),
        stability,
        records,
        records_name,
        exact,
        _seconds(exact_seconds, "exact_seconds", positive=True),
    )
    return Solution(native, scenario)


def solution_from_json(scenario: Scenario, text: Union[str, bytes], *, name: str = "<string>") -> Solution:
    """Reads solution.json text against the scenario it was made for.

    Metrics and objective are recomputed by the checker. Raises
    :class:`SolutionError` (a ``ValueError``) with the problems found.
    """
    _scenario_arg(scenario)
    return Solution(_jadwal.solution_from_json(scenario._native, _text(text, "text"), _str(name, "name")), scenario)


def load_solution(scenario: Scenario, path: PathLike) -> Solution:
    """Reads a solution.json file against the scenario it was made for (``OSError``
    when it cannot be read)."""
    _scenario_arg(scenario)
    shown = _path(path, "path")
    text = pathlib.Path(shown).read_text(encoding="utf-8")
    return Solution(_jadwal.solution_from_json(scenario._native, text, shown), scenario)


# ---------------------------------------------------------------- change requests


@dataclasses.dataclass(frozen=True)
class RequestAnswer:
    """One change request as written, with its answer (a row of requests.csv)."""

    nip: str  #: the person, as written
    program: str  #: the programme id, as written
    request: str  #: "not_on", "not_before", "not_after" or "move" (also for the Indonesian names)
    value: str  #: as written: a date, a clock time, or "" for "move"
    reason: str
    granted: bool
    code: str  #: refused: the blocking rule's reason code, e.g. "R-UNAVAILABLE", "R-REPLAN"; "" when granted
    explanation: str  #: one sentence in the asked language
    alternative: str  #: refused: the best alternative (may be ""); "" when granted
    round: int  #: the re-plan (1 to 3) whose plan gave this answer


@dataclasses.dataclass(frozen=True)
class RequestsOutcome:
    """What :func:`answer_requests` found: the plan to publish and one answer per request."""

    plan: Solution
    answers: List[RequestAnswer]  #: in the order of the file
    rounds: int  #: re-plans run, 1 to 3
    settled: bool  #: False when the third re-plan still refused a request granted before
    affected: List[str]  #: NIPs of the people whose sessions or study blocks changed, in scenario order
    csv: str  #: requests.csv as ``jadwal solve --requests`` writes it (CRLF line ends)


def answer_requests(
    scenario: Scenario,
    previous: Solution,
    requests: Optional[PathLike] = None,
    *,
    requests_text: Union[str, bytes, None] = None,
    name: Optional[str] = None,
    replan_from: Union[_dt.datetime, _dt.date, str],
    seed: int = 1,
    max_moves: Optional[int] = None,
    time_limit: Optional[float] = None,
    threads: int = 1,
    policy: Optional[str] = None,
    language: Optional[str] = None,
) -> RequestsOutcome:
    """Answers change requests from individuals against the published plan
    ``previous`` (docs/requests.md), as ``jadwal solve --requests`` does: every
    request becomes duties of its person, the plan is re-planned from
    ``replan_from`` under strict stability, and each request is granted or
    refused from the new plan itself; refused ones are withdrawn and the
    re-plan run again (three rounds at most). The GIL is released meanwhile.

    The requests come from the CSV file at ``requests`` or, instead, from
    ``requests_text`` (``str`` or UTF-8 ``bytes``); ``name`` is the file name
    diagnostics show (default: the path, else ``"<requests>"``). ``seed``,
    ``max_moves``, ``time_limit`` (shared by the rounds), ``threads``,
    ``policy`` and ``language`` (of the explanations and alternatives) as for
    :func:`solve`; the same files, seed and move limit give the same outcome.

    Raises :class:`ScenarioError` when the requests file has errors (nothing is
    applied): ``diagnostics`` lists every problem, ``code`` (``E-REQUEST-...``),
    ``file``, ``line`` and ``column`` name the first error;
    :class:`InvalidArgumentError` (a ``ValueError``) for a bad argument;
    :class:`NotFoundError` for an unknown policy; ``OSError`` when the file
    cannot be read.
    """
    if not isinstance(scenario, Scenario):
        raise InvalidArgumentError(f"scenario must be a jadwal.Scenario, not {type(scenario).__name__}")
    if not isinstance(previous, Solution):
        raise InvalidArgumentError(f"previous must be a jadwal.Solution, not {type(previous).__name__}")
    if (requests is None) == (requests_text is None):
        raise InvalidArgumentError("give the requests as a path (requests) or as text (requests_text), one of them")
    if name is not None and not isinstance(name, str):
        raise InvalidArgumentError(f"name must be a str, not {name!r}")
    if requests is not None:
        if not isinstance(requests, (str, os.PathLike)):
            raise InvalidArgumentError(f"requests must be a path (a str or os.PathLike), not {requests!r}")
        data = pathlib.Path(requests).read_bytes()
        shown = os.fspath(requests) if name is None else name
    else:
        if isinstance(requests_text, str):
            data = requests_text.encode("utf-8")
        elif isinstance(requests_text, bytes):
            data = requests_text
        else:
            raise InvalidArgumentError(f"requests_text must be a str or bytes, not {requests_text!r}")
        shown = "<requests>" if name is None else name
    if not isinstance(replan_from, (_dt.date, str)):
        raise InvalidArgumentError(f"replan_from must be a date, an aware datetime or a str, not {replan_from!r}")
    if policy is not None and not isinstance(policy, str):
        raise InvalidArgumentError(f"policy must be a policy id (a str), not {policy!r}")
    native, answers, rounds, settled, affected, csv = _jadwal.answer_requests(
        scenario._native,
        previous._native,
        data,
        shown,
        _instant_text(replan_from),
        _whole(seed, "seed", 0, 2**64 - 1),
        None if time_limit is None else _seconds(time_limit, "time_limit"),
        None if max_moves is None else _whole(max_moves, "max_moves", 0, 2**63 - 1),
        _thread_count(threads),
        policy,
        _language(language),
    )
    return RequestsOutcome(
        plan=Solution(native, scenario),
        answers=[RequestAnswer(*a) for a in answers],
        rounds=rounds,
        settled=settled,
        affected=list(affected),
        csv=csv,
    )


# ---------------------------------------------------------------- using a plan


def explain(
    solution: Solution, employee: str, program: Optional[str] = None, *, language: Optional[str] = None
) -> Dict[str, Any]:
    """One employee's plan and why any of their demand is unmet.

    Returns the dict of ``jadwal explain --format json`` (docs/explanations.md):
    ``employee``, ``name``, ``unit``, ``jp_target``, ``placed_jp``, ``placed``,
    ``trainings`` (each with ``start``/``end`` as aware datetimes in the
    employee's zone), ``unplaced`` (with reasons and alternatives) and ``notes``.
    ``program`` limits it to one programme. ``language`` (``"id"`` or ``"en"``)
    chooses the language of the sentences; None: the scenario's ``locale``, else
    English. Raises :class:`NotFoundError` (a ``KeyError``) for an unknown
    employee or programme, :class:`InvalidArgumentError` for another language.
    """
    _solution_arg(solution, "solution")
    _str(employee, "employee", "a NIP (a str)")
    if program is not None:
        _str(program, "program", "a programme id (a str) or None")
    text, zone = solution._native.explain(employee, program, _language(language))
    out: Dict[str, Any] = json.loads(text)
    tz = _zone(zone)
    for t in out.get("trainings", []):
        for key in ("start", "end"):
            if isinstance(t.get(key), str):
                t[key] = _dt.datetime.fromisoformat(t[key]).astimezone(tz)
    return out


@dataclasses.dataclass(frozen=True)
class Violation:
    """A broken rule found by the checker (codes in docs/model.md "Checking a plan")."""

    code: str  #: e.g. "H1-OVERLAP"
    message: str
    when: Optional[_dt.datetime]  #: where on the time line, in the scenario's zone
    employee: Optional[str]
    cohort: Optional[str]
    resource: Optional[str]  #: unit, venue, platform or instructor id


@dataclasses.dataclass(frozen=True)
class Verification:
    """What the independent checker found (``jadwal verify``)."""

    violations: List[Violation]
    warnings: List[Violation]
    violations_by_code: Dict[str, int]
    metrics: Dict[str, Union[int, float]]  #: recomputed; hard_violations = len(violations)
    objective: Dict[str, Any]
    units: List[Dict[str, Any]]  #: per unit: headcount, absence, demand placed...
    changes: int  #: against the previous plan (0 without one)
    #: the changes by reason: "repair", "placement", "other" (docs/model.md "Stability"); empty without one
    changes_by_reason: Dict[str, int]
    #: demand items the previous plan placed and this one does not (0 without one)
    published_dropped: int
    budget_cost: float
    classroom_cohorts: int

    @property
    def ok(self) -> bool:
        """No hard violation."""
        return not self.violations


def verify(
    solution: Solution,
    *,
    previous: Optional[Solution] = None,
    replan_from: Union[_dt.datetime, _dt.date, str, None] = None,
    language: Optional[str] = None,
    attendance: Optional[PathLike] = None,
) -> Verification:
    """Checks every hard constraint and recomputes every metric, from the scenario
    and the plan alone, on a code path separate from the solver's.
    With ``previous`` it also checks what a re-plan had to keep. ``language``
    (``"id"`` or ``"en"``) is the language of the violations' sentences; None: the
    scenario's ``locale``, else English. ``attendance`` (with ``previous`` and
    ``replan_from``): the path of the attendance records the re-plan was made
    with, as ``jadwal verify --attendance``: the items they re-open leave
    ``previous``, and the plan must list exactly those make-ups and place each
    after ``replan_from`` (``H8-MAKEUP``); errors in the file raise
    :class:`ScenarioError`. Raises :class:`InvalidArgumentError` for a bad
    argument."""
    _solution_arg(solution, "solution")
    if previous is not None:
        _solution_arg(previous, "previous")
    if replan_from is not None and not isinstance(replan_from, (_dt.date, str)):
        raise InvalidArgumentError(f"replan_from must be a date, an aware datetime or a str, not {replan_from!r}")
    records, records_name = _attendance_arg(attendance, previous, replan_from)
    r = solution._native.verify(
        None if previous is None else previous._native,
        None if replan_from is None else _instant_text(replan_from),
        _language(language),
        records,
        records_name,
    )
    zone = solution._native.zone

    def violations(items: Iterable[Any]) -> List[Violation]:
        return [
            Violation(code, message, None if when is None else _when(when, zone), employee, cohort, resource)
            for code, message, when, employee, cohort, resource in items
        ]

    return Verification(
        violations=violations(r["violations"]),
        warnings=violations(r["warnings"]),
        violations_by_code=r["violations_by_code"],
        metrics=r["metrics"],
        objective=r["objective"],
        units=r["units"],
        changes=r["changes"],
        changes_by_reason=r["changes_by_reason"],
        published_dropped=r["published_dropped"],
        budget_cost=r["budget_cost"],
        classroom_cohorts=r["classroom_cohorts"],
    )


_FORMATS = ("json", "csv", "html", "ics")

# The longest reminder, as on the command line (``--reminders``): 28 days.
_MAX_REMINDER_MINUTES = 28 * 24 * 60


def _language(value: Optional[str]) -> Optional[str]:
    """A ``language`` option, checked for its type (the library reads the value)."""
    if value is not None and (not isinstance(value, str) or not value):
        raise InvalidArgumentError(f"language must be 'id', 'en' or None, not {value!r}")
    return value


def _reminders(value: Optional[Iterable[Union[int, _dt.timedelta]]]) -> Optional[List[int]]:
    """A ``reminders`` option as minutes: None (the default) or a list, maybe empty."""
    if value is None:
        return None
    problem = InvalidArgumentError(f"reminders must be a list of minutes or timedeltas, not {value!r}")
    if isinstance(value, (str, bytes, int, _dt.timedelta)):
        raise problem
    try:
        items = list(value)
    except TypeError:
        raise problem from None
    out: List[int] = []
    for item in items:
        if isinstance(item, _dt.timedelta):
            seconds = item.total_seconds()
            if seconds % 60 != 0:
                raise InvalidArgumentError(f"a reminder must be whole minutes, not {item!r}")
            item = int(seconds // 60)
        out.append(_whole(item, "a reminder", 0, _MAX_REMINDER_MINUTES))
    return out


def _calendar_options(
    previous: Optional[Solution], uid_domain: Optional[str], product_id: Optional[str], dtstamp: Optional[_dt.datetime]
) -> Tuple[Any, Optional[str], Optional[str], Optional[int]]:
    """The calendar options as the native module takes them, checked."""
    for name, value in (("uid_domain", uid_domain), ("product_id", product_id)):
        if value is not None and (not isinstance(value, str) or not value):
            raise InvalidArgumentError(f"{name} must be a non-empty str, not {value!r}")
    if previous is not None and not isinstance(previous, Solution):
        raise InvalidArgumentError(f"previous must be a jadwal.Solution, not {type(previous).__name__}")
    stamp: Optional[int] = None
    if dtstamp is not None:
        if not isinstance(dtstamp, _dt.datetime) or dtstamp.tzinfo is None or dtstamp.utcoffset() is None:
            raise InvalidArgumentError(f"dtstamp must be an aware datetime, not {dtstamp!r}")
        stamp = int(dtstamp.timestamp() // 1)
    return (None if previous is None else previous._native), uid_domain, product_id, stamp


def employee_calendar(
    solution: Solution,
    employee: str,
    *,
    previous: Optional[Solution] = None,
    uid_domain: Optional[str] = None,
    product_id: Optional[str] = None,
    dtstamp: Optional[_dt.datetime] = None,
    language: Optional[str] = None,
    reminders: Optional[Iterable[Union[int, _dt.timedelta]]] = None,
) -> Tuple[str, str]:
    """One person's calendar on request, as ``(publish, cancel)`` iCalendar text:
    byte for byte what :func:`write_outputs` writes to
    ``calendars/employees/<id>.ics`` and its ``.cancel.ics`` (``cancel`` is ``""``
    unless ``previous`` is given and the person lost events), for a portal that
    serves the file a person opens.

    ``uid_domain``: the right-hand side of every UID (default ``"jadwal"``);
    ``product_id``: PRODID; ``dtstamp``: an aware datetime for DTSTAMP (default
    the current minute, or ``SOURCE_DATE_EPOCH``); ``language``: ``"id"`` or
    ``"en"`` for the calendar text (None: the scenario's ``locale``, else
    English); ``reminders``: minutes (or timedeltas) before each entry, 0 to 28
    days, for its VALARMs, largest first and each once (None: a day and 30
    minutes before; ``[]``: none). An option left at None takes the scenario's
    ``outputs`` value when it has one. Raises :class:`NotFoundError` for an unknown
    employee and :class:`InvalidArgumentError` for a bad option.
    """
    if not isinstance(solution, Solution):
        raise InvalidArgumentError(f"solution must be a jadwal.Solution, not {type(solution).__name__}")
    if not isinstance(employee, str):
        raise InvalidArgumentError(f"employee must be a NIP (a str), not {employee!r}")
    publish, cancel = solution._native.employee_calendar(
        employee, *_calendar_options(previous, uid_domain, product_id, dtstamp), _language(language),
        _reminders(reminders)
    )
    return publish, cancel


def at_risk(plan: Solution, threshold: float = 0.5) -> List[AtRisk]:
    """The people unlikely to reach their JP target by the year's end
    (docs/attendance.md "At risk"): every employee with a JP target whose
    probability of reaching it is below ``threshold`` (0 to 1). The probability
    is exact: the JP earned this year (the scenario's history) plus the
    programmes the plan places them in, each completed independently with the
    attendance model's probability. By unit (scenario order), then
    probability, then NIP, as at_risk.csv lists them. Raises
    :class:`InvalidArgumentError` for a threshold outside 0 to 1.
    """
    if not isinstance(plan, Solution):
        raise InvalidArgumentError(f"plan must be a jadwal.Solution, not {type(plan).__name__}")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise InvalidArgumentError(f"threshold must be a probability from 0 to 1, not {threshold!r}")
    x = float(threshold)
    if not 0 <= x <= 1:
        raise InvalidArgumentError(f"threshold must be a probability from 0 to 1, not {threshold!r}")
    return [AtRisk(*row) for row in plan._native.at_risk(x)]


def write_outputs(
    solution: Solution,
    dir: PathLike,
    formats: Union[str, Iterable[str]] = "all",
    *,
    previous: Optional[Solution] = None,
    uid_domain: Optional[str] = None,
    product_id: Optional[str] = None,
    dtstamp: Optional[_dt.datetime] = None,
    language: Optional[str] = None,
    spreadsheet: Optional[bool] = None,
    reminders: Optional[Iterable[Union[int, _dt.timedelta]]] = None,
    organizer: Optional[str] = None,
    csv_bom: Optional[bool] = None,
    replan_from: Union[_dt.datetime, _dt.date, str, None] = None,
) -> pathlib.Path:
    """Publishes the plan under ``dir`` (created if missing), all files or none.

    ``formats``: ``"all"``, or some of ``"json"`` (solution.json), ``"csv"``
    (schedule.csv, siasn_courses.csv, unplaced.csv), ``"html"`` (report.html),
    ``"ics"`` (calendars/), as a list or a comma-separated string. ``previous``:
    the plan this one replaces, for calendar updates and cancellations;
    ``uid_domain``, ``product_id``, ``dtstamp``, ``language`` (report.html and
    the calendars; the explanations are the plan's own, see :func:`solve`) and
    ``reminders`` as for :func:`employee_calendar`. ``spreadsheet``: the CSV
    files for spreadsheets set to Indonesian (``;`` between fields, decimal
    commas, NIPs kept as text, a UTF-8 byte order mark) instead of RFC 4180.
    ``organizer``: the organiser written in the CSVs for a programme without
    ``organizer`` (one line; ``""`` for none). ``csv_bom``: True starts each
    CSV with a UTF-8 byte order mark, False does not (``spreadsheet`` always
    writes one). ``replan_from`` (with ``previous``): the re-plan instant, as
    for :func:`solve`; events of ``previous`` that started before it and that
    this plan lacks (a make-up's person left a cohort they partly attended)
    stay in the calendars as published instead of being cancelled
    (docs/outputs.md "SEQUENCE and cancellation").
    An option left at None takes the scenario's ``outputs`` value when it has
    one (``uid_domain``, ``product_id``, ``reminders``, ``spreadsheet``,
    ``organizer`` from ``default_organizer``, ``csv_bom``), else the built-in
    default; an argument given wins.
    Returns ``dir`` as a Path. Raises :class:`OutputError` (an ``OSError``) when
    a file cannot be written; the previous outputs are then left in place, and
    :class:`InvalidArgumentError` (a ``ValueError``) for every bad argument,
    one of the wrong type included.
    """
    if not isinstance(solution, Solution):
        raise InvalidArgumentError(f"solution must be a jadwal.Solution, not {type(solution).__name__}")
    if not isinstance(dir, (str, os.PathLike)):
        raise InvalidArgumentError(f"dir must be a path (a str or os.PathLike), not {dir!r}")
    if not isinstance(formats, str):
        problem = InvalidArgumentError(f"formats must be 'all' or names out of {', '.join(_FORMATS)}")
        try:
            formats = list(formats)
        except TypeError:
            raise problem from None
        if not formats or not all(isinstance(f, str) for f in formats):
            raise problem
        formats = ",".join(formats)
    if spreadsheet is not None and not isinstance(spreadsheet, bool):
        raise InvalidArgumentError(f"spreadsheet must be True, False or None, not {spreadsheet!r}")
    if csv_bom is not None and not isinstance(csv_bom, bool):
        raise InvalidArgumentError(f"csv_bom must be True, False or None, not {csv_bom!r}")
    if organizer is not None and (
        not isinstance(organizer, str) or any(ord(c) < 0x20 or ord(c) == 0x7F for c in organizer)
    ):
        raise InvalidArgumentError(f"organizer must be one line of text (a str without line breaks), not {organizer!r}")
    if replan_from is not None and not isinstance(replan_from, (_dt.date, str)):
        raise InvalidArgumentError(f"replan_from must be a date, an aware datetime or a str, not {replan_from!r}")
    if replan_from is not None and previous is None:
        raise InvalidArgumentError("replan_from needs previous")
    options = _calendar_options(previous, uid_domain, product_id, dtstamp)
    solution._native.write_outputs(
        os.fspath(dir),
        formats,
        *options,
        _language(language),
        spreadsheet,
        _reminders(reminders),
        organizer,
        csv_bom,
        None if replan_from is None else _instant_text(replan_from),
    )
    return pathlib.Path(dir)
