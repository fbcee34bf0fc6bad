"""The national check: every agency's plan verified by jadwal's own checker, and
the limits of what agencies share held over all of them (docs/scale.md).

It is written apart from the coordination (coordinate.py, folder.py): it reads
nation.yaml itself and looks only at the plans and the ORIGINAL agency
scenarios, never at the allowances the coordination handed out, so a fault in
the coordination shows here::

    from jadwal.nation.check import check_nation

    report = check_nation(Path("jambi"), Path("out"))   # out/agencies/<id>/solution.json
    print(report.ok, [p.code for p in report.problems])

Problem codes (stable): ``N-MISSING-PLAN`` (no solution.json for an agency),
``N-AGENCY-SCENARIO`` (its scenario cannot be loaded or lies outside the
folder), ``N-AGENCY-VERIFY`` (the plan cannot be read, or jadwal's checker finds
a hard violation: ``rule`` holds the checker's code), ``N-SEATS`` (seats of a
shared fixed session), ``N-PLATFORM`` (meetings at once on a shared platform;
a shared fixed session is one meeting whatever the number of agencies seated in
it), ``N-INSTRUCTOR-OVERLAP``, ``N-INSTRUCTOR-DAY``, ``N-INSTRUCTOR-MONTH`` (a
shared instructor: never two places at once, minutes a day and days a calendar
month over all agencies, the smallest limit any sharing agency declares),
``N-VENUE-OVERLAP`` (a shared venue holds one cohort at a time).
Overlaps within one agency are its own checker's (``N-AGENCY-VERIFY``); the
shared checks look across agencies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

import yaml  # type: ignore[import]

import jadwal

__all__ = ["Problem", "Usage", "AgencyResult", "Report", "NationFileError", "check_nation", "read_nation"]

_ID = re.compile(r"^[a-z0-9_]+$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class NationFileError(ValueError):
    """nation.yaml cannot be read as a national folder: every problem, one a line."""

    def __init__(self, path: pathlib.Path, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__("\n".join(f"{path}: {p}" for p in self.problems))


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing the national check found wrong."""

    code: str  #: stable: N-SEATS, N-PLATFORM, ... (module docstring)
    kind: str  #: "agency", "session", "platform", "instructor" or "venue"
    resource: Optional[str]  #: the shared id ("program/module@start" for a session), or the checker's
    agencies: Tuple[str, ...]  #: agency ids involved, in nation.yaml order
    start: Optional[str]  #: ISO 8601 with offset, where on the time line; or a date, or a month "YYYY-MM"
    end: Optional[str]
    message: str  #: in the report's language
    rule: Optional[str] = None  #: N-AGENCY-VERIFY: the checker's violation code
    used: Optional[int] = None
    limit: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        out = dataclasses.asdict(self)
        out["agencies"] = list(self.agencies)
        return out

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclasses.dataclass(frozen=True)
class Usage:
    """How much of one shared limit the national plan uses."""

    kind: str  #: "session", "platform", "instructor", "venue"
    resource: str  #: the shared id; for a session "program/module@YYYY-MM-DDTHH:MM"
    measure: str  #: "seats", "meetings_at_once", "minutes_per_day", "days_per_month", "cohorts_at_once"
    used: int  #: seats taken; else the peak over the plan
    limit: Optional[int]  #: None: no limit declared
    by_agency: Dict[str, int]  #: seats per agency (sessions); else the agency's own peak

    @property
    def ok(self) -> bool:
        return self.limit is None or self.used <= self.limit

    def to_dict(self) -> Dict[str, Any]:
        return {"kind": self.kind, "resource": self.resource, "measure": self.measure, "used": self.used,
                "limit": self.limit, "by_agency": dict(self.by_agency)}


@dataclasses.dataclass(frozen=True)
class AgencyResult:
    """One agency as the check saw it. ``metrics`` are the checker's, recomputed from the plan."""

    id: str
    name: str
    kind: str
    employees: Optional[int]  #: None when the scenario could not be loaded
    plan: bool  #: a solution.json was found and read
    violations: int  #: the checker's hard violations
    metrics: Dict[str, Any]

    @property
    def verified(self) -> bool:
        return self.plan and self.violations == 0

    def to_dict(self) -> Dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "employees": self.employees,
                "plan": self.plan, "verified": self.verified, "violations": self.violations,
                "metrics": dict(self.metrics)}


@dataclasses.dataclass(frozen=True)
class Report:
    name: str  #: nation.yaml's name
    language: str  #: of the messages
    agencies: List[AgencyResult]
    problems: List[Problem]
    usage: List[Usage]

    @property
    def ok(self) -> bool:
        """Every agency has a plan that verifies and every shared limit holds."""
        return not self.problems

    def to_dict(self) -> Dict[str, Any]:
        return {
            "ok": self.ok,
            "name": self.name,
            "agencies": [a.to_dict() for a in self.agencies],
            "problems": [p.to_dict() for p in self.problems],
            "usage": [u.to_dict() for u in self.usage],
        }

    def to_json(self) -> str:
        """Deterministic: the same plans give the same text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- nation.yaml


@dataclasses.dataclass(frozen=True)
class _Agency:
    id: str
    name: str
    kind: str
    scenario: str


@dataclasses.dataclass(frozen=True)
class _SharedSession:
    program: str
    module: str
    start: dt.datetime  #: naive: local time as the agencies' `fixed:` entries say it
    seats: int

    @property
    def label(self) -> str:
        return f"{self.program}/{self.module}@{self.start.strftime('%Y-%m-%dT%H:%M')}"


@dataclasses.dataclass(frozen=True)
class _Nation:
    name: str
    locale: Optional[str]
    agencies: List[_Agency]
    sessions: List[_SharedSession]
    platforms: List[Tuple[str, Optional[int]]]  #: (id, concurrent)
    instructors: List[Tuple[str, Optional[List[str]]]]  #: (id, agencies or None: all declaring it)
    venues: List[Tuple[str, Optional[List[str]]]]


def _local_start(value: Any) -> Optional[dt.datetime]:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return dt.datetime.strptime(value.strip(), "%Y-%m-%dT%H:%M")
        except ValueError:
            try:
                return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None, second=0, microsecond=0)
            except ValueError:
                return None
    return None


def _whole(value: Any) -> Optional[int]:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def read_nation(folder: pathlib.Path) -> _Nation:
    """nation.yaml, read for the check: what it needs, with every problem at once
    (:class:`NationFileError`). The coordinator's folder.py validates it in full."""
    path = pathlib.Path(folder) / "nation.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise NationFileError(path, [f"cannot be read: {e.strerror or e}"]) from None
    except yaml.YAMLError as e:
        raise NationFileError(path, [str(e)]) from None
    problems: List[str] = []
    if not isinstance(data, dict):
        raise NationFileError(path, ["not a mapping with name, agencies and shared"])

    agencies: List[_Agency] = []
    seen: Set[str] = set()
    raw_agencies = data.get("agencies")
    if not isinstance(raw_agencies, list) or not raw_agencies:
        problems.append("agencies: a list of at least one agency is required")
        raw_agencies = []
    for i, a in enumerate(raw_agencies):
        if not isinstance(a, dict):
            problems.append(f"agencies[{i}]: not a mapping")
            continue
        id = a.get("id")
        if not isinstance(id, str) or not _ID.match(id):
            problems.append(f"agencies[{i}].id: {id!r} is not an id of a-z, 0-9 and _")
            continue
        if id in seen:
            problems.append(f"agencies[{i}].id: {id} is listed twice")
            continue
        seen.add(id)
        scenario = a.get("scenario", f"agencies/{id}/scenario.yaml")
        if not isinstance(scenario, str) or not scenario:
            problems.append(f"agencies[{i}].scenario: not a path")
            continue
        agencies.append(_Agency(id, str(a.get("name", id)), str(a.get("kind", "")), scenario))

    shared = data.get("shared") or {}
    if not isinstance(shared, dict):
        problems.append("shared: not a mapping")
        shared = {}

    def items(key: str) -> List[Dict[str, Any]]:
        value = shared.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            problems.append(f"shared.{key}: not a list of mappings")
            return []
        return value

    sessions: List[_SharedSession] = []
    for i, s in enumerate(items("sessions")):
        start = _local_start(s.get("start"))
        seats = _whole(s.get("seats"))
        if not isinstance(s.get("program"), str) or not isinstance(s.get("module"), str):
            problems.append(f"shared.sessions[{i}]: program and module are required")
        elif start is None:
            problems.append(f"shared.sessions[{i}].start: not a local time YYYY-MM-DDTHH:MM")
        elif seats is None:
            problems.append(f"shared.sessions[{i}].seats: not a whole number from 0")
        else:
            sessions.append(_SharedSession(s["program"], s["module"], start, seats))

    def with_agencies(key: str) -> List[Tuple[str, Optional[List[str]]]]:
        out: List[Tuple[str, Optional[List[str]]]] = []
        for i, r in enumerate(items(key)):
            if not isinstance(r.get("id"), str):
                problems.append(f"shared.{key}[{i}].id: required")
                continue
            names = r.get("agencies")
            if names is not None:
                if isinstance(names, str):
                    names = [names]
                unknown = [n for n in names if n not in seen] if isinstance(names, list) else [names]
                if unknown:
                    problems.append(f"shared.{key}[{i}].agencies: unknown agency {unknown[0]!r}")
                    continue
            out.append((r["id"], names))
        return out

    platforms: List[Tuple[str, Optional[int]]] = []
    for i, p in enumerate(items("platforms")):
        if not isinstance(p.get("id"), str):
            problems.append(f"shared.platforms[{i}].id: required")
            continue
        concurrent = _whole(p.get("concurrent")) if "concurrent" in p else None
        if "concurrent" in p and concurrent is None:
            problems.append(f"shared.platforms[{i}].concurrent: not a whole number from 0")
            continue
        platforms.append((p["id"], concurrent))
    instructors = with_agencies("instructors")
    venues = with_agencies("venues")
    if problems:
        raise NationFileError(path, problems)
    locale = data.get("locale")
    return _Nation(str(data.get("name", "")), locale if isinstance(locale, str) else None, agencies, sessions,
                   platforms, instructors, venues)


# ---------------------------------------------------------------- the plans


@dataclasses.dataclass(frozen=True)
class _Meeting:
    """One session of one cohort of one agency."""

    agency: int  #: index in nation.yaml's order
    cohort: str
    program: str
    module: str
    start: dt.datetime  #: aware, in the agency scenario's zone
    end: dt.datetime
    pinned: bool


def _inside(folder: pathlib.Path, relative: str) -> Optional[pathlib.Path]:
    """The scenario path, or None when it is absolute, leaves the folder or passes
    through a symbolic link (never followed)."""
    rel = pathlib.PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        return None
    path = folder
    for part in rel.parts:
        path = path / part
        if path.is_symlink():
            return None
    return path


def _when(t: dt.datetime) -> str:
    return t.isoformat(timespec="minutes")


def _local(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M")


class _Checker:
    def __init__(self, folder: pathlib.Path, plans: pathlib.Path, nation: _Nation, language: str) -> None:
        self.folder = folder
        self.plans = plans
        self.nation = nation
        self.m = jadwal.Messages(language)
        self.language = language
        self.problems: List[Problem] = []
        self.usage: List[Usage] = []
        self.results: List[AgencyResult] = []
        self.scenarios: Dict[int, jadwal.Scenario] = {}
        self.solutions: Dict[int, jadwal.Solution] = {}
        self.resources: Dict[int, Dict[str, List[Dict[str, Any]]]] = {}

    def name(self, i: int) -> str:
        return self.nation.agencies[i].name

    def ids(self, indices: Iterable[int]) -> Tuple[str, ...]:
        return tuple(self.nation.agencies[i].id for i in sorted(set(indices)))

    def num(self, n: int) -> str:
        return self.m.number(n)

    def problem(self, code: str, kind: str, resource: Optional[str], agencies: Iterable[int],
                start: Optional[str], end: Optional[str], message: str, **extra: Any) -> None:
        self.problems.append(Problem(code, kind, resource, self.ids(agencies), start, end, message, **extra))

    # -- each agency on its own

    def agency(self, i: int) -> None:
        a = self.nation.agencies[i]
        m = self.m
        scenario: Optional[jadwal.Scenario] = None
        path = _inside(self.folder, a.scenario)
        if path is None:
            self.problem("N-AGENCY-SCENARIO", "agency", None, [i], None, None,
                         m.tr("Agency {}: its scenario {} lies outside the national folder or is a symbolic "
                              "link").format(a.name, a.scenario))
        else:
            try:
                scenario = jadwal.load(path, confine_files=True)
            except (jadwal.Error, OSError) as e:
                self.problem("N-AGENCY-SCENARIO", "agency", None, [i], None, None,
                             m.tr("Agency {}: its scenario cannot be loaded: {}").format(a.name, e))
        plan_path = self.plans / "agencies" / a.id / "solution.json"
        employees = None if scenario is None else len(scenario.employees)
        if scenario is None:
            self.results.append(AgencyResult(a.id, a.name, a.kind, employees, False, 0, {}))
            return
        self.scenarios[i] = scenario
        self.resources[i] = scenario.resources()
        if not plan_path.is_file():
            self.problem("N-MISSING-PLAN", "agency", None, [i], None, None,
                         m.tr("Agency {}: no plan at {}").format(a.name, plan_path))
            self.results.append(AgencyResult(a.id, a.name, a.kind, employees, False, 0, {}))
            return
        try:
            solution = jadwal.load_solution(scenario, plan_path)
        except (jadwal.Error, OSError, UnicodeDecodeError) as e:
            self.problem("N-AGENCY-VERIFY", "agency", None, [i], None, None,
                         m.tr("Agency {}: its plan cannot be read: {}").format(a.name, e))
            self.results.append(AgencyResult(a.id, a.name, a.kind, employees, False, 0, {}))
            return
        self.solutions[i] = solution
        check = solution.verify(language=self.language)
        for v in check.violations:
            self.problem("N-AGENCY-VERIFY", "agency", v.resource, [i], None if v.when is None else _when(v.when),
                         None, m.tr("Agency {}: the plan breaks a rule ({}): {}").format(a.name, v.code, v.message),
                         rule=v.code)
        self.results.append(AgencyResult(a.id, a.name, a.kind, employees, True, len(check.violations),
                                         dict(check.metrics)))

    def meetings(self, i: int) -> List[Tuple[jadwal.Cohort, _Meeting]]:
        out = []
        for c in self.solutions[i].cohorts:
            for s in c.sessions:
                out.append((c, _Meeting(i, c.id, c.program, s.module, s.start, s.end, s.pinned)))
        return out

    def shared_session(self, meeting: _Meeting) -> Optional[int]:
        """The index of the shared fixed session this meeting is, if any."""
        if not meeting.pinned:
            return None
        local = meeting.start.replace(tzinfo=None)
        for k, s in enumerate(self.nation.sessions):
            if s.program == meeting.program and s.module == meeting.module and s.start == local:
                return k
        return None

    def sharing(self, kind: str, id: str, names: Optional[List[str]]) -> List[int]:
        """The agencies that share this instructor or venue: those listed, else every
        agency whose scenario declares it."""
        if names is not None:
            return [i for i, a in enumerate(self.nation.agencies) if a.id in names and i in self.resources]
        return [i for i in sorted(self.resources) if any(r["id"] == id for r in self.resources[i][kind])]

    # -- what agencies share

    def seats(self) -> None:
        m = self.m
        for s in self.nation.sessions:
            by_agency: Dict[int, int] = {}
            for i in sorted(self.solutions):
                seated: Set[str] = set()
                for c in self.solutions[i].cohorts:
                    if c.program != s.program:
                        continue
                    if any(x.pinned and x.module == s.module and x.start.replace(tzinfo=None) == s.start
                           for x in c.sessions):
                        seated.update(c.participants)
                if seated:
                    by_agency[i] = len(seated)
            used = sum(by_agency.values())
            self.usage.append(Usage("session", s.label, "seats", used, s.seats,
                                    {self.nation.agencies[i].id: n for i, n in by_agency.items()}))
            if used > s.seats:
                self.problem("N-SEATS", "session", s.label, by_agency, s.start.strftime("%Y-%m-%dT%H:%M"), None,
                             m.tr("Shared session {} {} at {}: {} seats taken over all agencies, more than the {} "
                                  "there are").format(s.program, s.module, _local(s.start), self.num(used),
                                                      self.num(s.seats)),
                             used=used, limit=s.seats)

    def platforms(self) -> None:
        m = self.m
        for id, concurrent in self.nation.platforms:
            limit = concurrent
            if limit is None:
                # nation.yaml gives no total: the smallest any agency declares.
                declared = [p["concurrent"] for r in self.resources.values() for p in r["platforms"] if p["id"] == id]
                limit = min(declared) if declared else None
            meetings: Dict[Any, Tuple[dt.datetime, dt.datetime, Set[int]]] = {}
            own_peak: Dict[str, int] = {}
            for i in sorted(self.solutions):
                mine = []
                for c, x in self.meetings(i):
                    if c.platform != id:
                        continue
                    mine.append((x.start, x.end))
                    k = self.shared_session(x)
                    key: Any = ("shared", k) if k is not None else ("own", i, x.cohort, x.module, x.start)
                    if key in meetings:
                        start, end, who = meetings[key]
                        meetings[key] = (min(start, x.start), max(end, x.end), who | {i})
                    else:
                        meetings[key] = (x.start, x.end, {i})
                if mine:
                    own_peak[self.nation.agencies[i].id] = _peak([(a, b, 0) for a, b in mine])[0]
            spans = sorted(meetings.values(), key=lambda v: (v[0], v[1], sorted(v[2])))
            peak, excess = _peak([(a, b, w) for a, b, w in spans], limit)
            self.usage.append(Usage("platform", id, "meetings_at_once", peak, limit, own_peak))
            for start, end, count, who in excess:
                self.problem("N-PLATFORM", "platform", id, who, _when(start), _when(end),
                             m.tr("Shared platform {}: {} meetings at once from {} to {}, more than its {}").format(
                                 id, self.num(count), _local(start), _local(end), self.num(limit or 0)),
                             used=count, limit=limit)

    def instructors(self) -> None:
        m = self.m
        for id, names in self.nation.instructors:
            agencies = self.sharing("instructors", id, names)
            declared = [r for i in agencies for r in self.resources[i]["instructors"] if r["id"] == id]
            per_day = min((r["max_minutes_per_day"] for r in declared), default=None)
            per_month = min((r["max_days_per_month"] for r in declared if r.get("max_days_per_month") is not None),
                            default=None)
            sessions = self.once([x for i in agencies if i in self.solutions for c, x in self.meetings(i)
                                  if id in c.instructors])
            self.overlaps("instructor", id, sessions, "N-INSTRUCTOR-OVERLAP",
                          m.tr("Shared instructor {} teaches for {} and {} at once, from {} to {}"))
            minutes: Dict[dt.date, Dict[int, int]] = {}
            for x in sessions:
                for day, n in _minutes_by_day(x.start, x.end):
                    minutes.setdefault(day, {}).setdefault(x.agency, 0)
                    minutes[day][x.agency] += n
            days: Dict[Tuple[int, int], Dict[dt.date, Set[int]]] = {}
            for day, who in minutes.items():
                days.setdefault((day.year, day.month), {})[day] = set(who)
            peak_day = max((sum(who.values()) for who in minutes.values()), default=0)
            peak_month = max((len(d) for d in days.values()), default=0)
            own_day: Dict[str, int] = {}
            own_month: Dict[str, int] = {}
            for shares in minutes.values():
                for i, n in shares.items():
                    own_day[self.nation.agencies[i].id] = max(own_day.get(self.nation.agencies[i].id, 0), n)
            for dates in days.values():
                tally: Dict[int, int] = {}
                for on_day in dates.values():
                    for i in on_day:
                        tally[i] = tally.get(i, 0) + 1
                for i, n in tally.items():
                    own_month[self.nation.agencies[i].id] = max(own_month.get(self.nation.agencies[i].id, 0), n)
            self.usage.append(Usage("instructor", id, "minutes_per_day", peak_day, per_day, own_day))
            self.usage.append(Usage("instructor", id, "days_per_month", peak_month, per_month, own_month))
            if per_day is not None:
                for day in sorted(minutes):
                    total = sum(minutes[day].values())
                    if total > per_day:
                        self.problem("N-INSTRUCTOR-DAY", "instructor", id, minutes[day], day.isoformat(), None,
                                     m.tr("Shared instructor {}: {} minutes of teaching on {} over all agencies, "
                                          "more than the {} a day allowed").format(
                                              id, self.num(total), day.isoformat(), self.num(per_day)),
                                     used=total, limit=per_day)
            if per_month is not None:
                for (year, mon), dates in sorted(days.items()):
                    if len(dates) > per_month:
                        involved: Set[int] = set().union(*dates.values())
                        name = f"{m.tr_in('month', _MONTHS[mon - 1])} {year}"
                        self.problem("N-INSTRUCTOR-MONTH", "instructor", id, involved, f"{year:04d}-{mon:02d}", None,
                                     m.tr("Shared instructor {}: {} days of teaching in {} over all agencies, more "
                                          "than the {} a month allowed").format(
                                              id, self.num(len(dates)), name, self.num(per_month)),
                                     used=len(dates), limit=per_month)

    def venues(self) -> None:
        m = self.m
        for id, names in self.nation.venues:
            agencies = self.sharing("venues", id, names)
            sessions = [x for i in agencies if i in self.solutions for c, x in self.meetings(i) if c.venue == id]
            self.overlaps("venue", id, sessions, "N-VENUE-OVERLAP",
                          m.tr("Shared venue {} holds a cohort of {} and one of {} at once, from {} to {}"))
            own: Dict[str, int] = {}
            for i in agencies:
                mine = [(x.start, x.end, 0) for x in sessions if x.agency == i]
                if mine:
                    own[self.nation.agencies[i].id] = _peak(mine)[0]
            # A cohort's own sessions never overlap: its peak counts cohorts.
            peak = _peak([(x.start, x.end, 0) for x in sessions])[0]
            self.usage.append(Usage("venue", id, "cohorts_at_once", peak, 1, own))

    def once(self, sessions: List[_Meeting]) -> List[_Meeting]:
        """The sessions with each shared fixed session once: the instructor of a
        national webinar teaches one meeting, whatever the agencies seated in it."""
        out, seen = [], set()
        for x in sessions:
            k = self.shared_session(x)
            if k is not None:
                if k in seen:
                    continue
                seen.add(k)
            out.append(x)
        return out

    def overlaps(self, kind: str, id: str, sessions: List[_Meeting], code: str, text: str) -> None:
        """Sessions of different agencies that overlap in time (touching ends do not)."""
        ordered = sorted(sessions, key=lambda x: (x.start, x.end, x.agency, x.cohort, x.module))
        active: List[_Meeting] = []
        for x in ordered:
            active = [y for y in active if y.end > x.start]
            for y in active:
                if y.agency != x.agency:
                    start, end = max(x.start, y.start), min(x.end, y.end)
                    first, second = sorted((x.agency, y.agency))
                    self.problem(code, kind, id, [x.agency, y.agency], _when(start), _when(end),
                                 text.format(id, self.name(first), self.name(second), _local(start), _local(end)),
                                 used=2, limit=1)
            active.append(x)


def _minutes_by_day(start: dt.datetime, end: dt.datetime) -> List[Tuple[dt.date, int]]:
    """Minutes of [start, end) on each local calendar day it touches."""
    out = []
    t = start
    while t < end:
        midnight = dt.datetime.combine(t.date() + dt.timedelta(days=1), dt.time(), t.tzinfo)
        stop = min(end, midnight)
        out.append((t.date(), int((stop - t).total_seconds() // 60)))
        t = stop
    return out


def _peak(spans: Sequence[Tuple[dt.datetime, dt.datetime, Any]], limit: Optional[int] = None
          ) -> Tuple[int, List[Tuple[dt.datetime, dt.datetime, int, Set[int]]]]:
    """Sweep line over [start, end) spans: the most at once, and the stretches of time
    where more than ``limit`` are at once, each with its peak and the agencies (the
    spans' third items: a set of agency indices, or one) involved."""
    events = []
    for n, (start, end, who) in enumerate(spans):
        if start < end:
            events.append((start, 1, n))
            events.append((end, 0, n))  # an end sorts before a start at the same instant
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    active: Set[int] = set()
    peak = 0
    excess: List[Tuple[dt.datetime, dt.datetime, int, Set[int]]] = []
    open_at: Optional[dt.datetime] = None
    open_peak = 0
    open_who: Set[int] = set()
    for t, is_start, n in events:
        if is_start:
            active.add(n)
        else:
            active.discard(n)
        peak = max(peak, len(active))
        over = limit is not None and len(active) > limit
        if over:
            if open_at is None:
                open_at, open_peak, open_who = t, 0, set()
            open_peak = max(open_peak, len(active))
            for k in active:
                who = spans[k][2]
                open_who |= who if isinstance(who, set) else {who}
        elif open_at is not None:
            excess.append((open_at, t, open_peak, open_who))
            open_at = None
    return peak, excess


def check_nation(folder: pathlib.Path, plans: pathlib.Path, *, language: Optional[str] = None) -> Report:
    """Checks the national plan under ``plans`` (``plans/agencies/<id>/solution.json``)
    against the national folder ``folder``. ``language``: of the messages, ``"id"`` or
    ``"en"``; None: nation.yaml's ``locale``, else English. Raises
    :class:`NationFileError` when nation.yaml cannot be read; every other problem is
    in the report."""
    folder = pathlib.Path(folder)
    plans = pathlib.Path(plans)
    nation = read_nation(folder)
    checker = _Checker(folder, plans, nation, language or nation.locale or "en")
    for i in range(len(nation.agencies)):
        checker.agency(i)
    checker.seats()
    checker.platforms()
    checker.instructors()
    checker.venues()
    return Report(nation.name, checker.language, checker.results, checker.problems, checker.usage)
