"""The Dask tasks: surveying an agency, and planning it under an allowance.

Both are plain functions of plain data (dicts of text and numbers) so that any
worker can run them: they read the agency's files themselves.

``plan_agency`` is one agency solve. Its result lands in a cache folder
``OUT/.work/<agency>/<key>/`` whose key is a sha256 of what the plan depends on
(the agency's input fingerprint, its allowance, the options and jadwal's
version). The folder is written beside its final place and renamed into it, so
it is complete or absent; when it already exists the task returns its
``result.json`` without solving (a re-run skips unchanged agencies, and a retry
after a killed worker finds either nothing or a whole result).

Test hook: when the environment variable ``JADWAL_NATION_KILL`` is
``"<agency>:<marker path>"`` for this agency and the marker file does not exist
yet, the task creates the marker and kills its own worker process with SIGKILL
after solving and before writing anything, once: the tests use it to check that
Dask's retry on another worker leaves a complete, verified result.
"""

from __future__ import annotations

import collections
import datetime as _dt
import hashlib
import json
import os
import pathlib
import resource
import secrets
import shutil
import signal
import time
import zlib
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple, Union

import jadwal

from . import folder as _folder
from .coordinate import peak_meetings

RESULT = "result.json"
#: In OUT/agencies/<agency>/: which plan and formats the folder holds.
PUBLISHED = ".published.json"
KILL_HOOK = "JADWAL_NATION_KILL"


def agency_seed(national_seed: int, agency: str) -> int:
    """The agency's solver seed: from the national seed and the agency id alone
    (a stable hash), never from the order in which tasks run."""
    return zlib.crc32(f"{national_seed}:{agency}".encode("utf-8"))


def _max_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)


def survey_agency(job: Mapping[str, Any]) -> Dict[str, Any]:
    """What coordination needs of one agency: demand per programme, declared
    resources, which programme can use which resource, the horizon, and the
    fingerprint of its inputs. ``job``: {agency, index, scenario}."""
    agency = _folder.Agency(job["agency"], job["agency"], "", pathlib.Path(job["scenario"]), int(job["index"]))
    scenario = jadwal.load(agency.scenario, confine_files=True)
    first, last = scenario.horizon
    return {
        "agency": agency.id,
        "fingerprint": _folder.fingerprint(agency),
        "demand": dict(sorted(scenario.demand_by_program().items())),
        "employees": len(scenario.employees),
        "resources": scenario.resources(),
        "horizon": [first.isoformat(), last.isoformat()],
        "uses": scenario.program_uses(),
    }


def cache_key(job: Mapping[str, Any]) -> str:
    what = {
        "fingerprint": job["fingerprint"],
        "allowance": job["allowance"],
        "options": job["options"],
        "shared": job["shared"],
        "jadwal": jadwal.__version__,
    }
    return hashlib.sha256(json.dumps(what, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()


def _read_result(path: pathlib.Path) -> Optional[Dict[str, Any]]:
    try:
        data: Any = json.loads((path / RESULT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("complete") is True else None


def _kill_hook(agency: str) -> None:
    spec = os.environ.get(KILL_HOOK, "")
    name, sep, marker = spec.partition(":")
    if not sep or name != agency or os.path.exists(marker):
        return
    with open(marker, "x", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\n")
    os.kill(os.getpid(), signal.SIGKILL)


def _local_dates(start: _dt.datetime, end: _dt.datetime) -> List[_dt.date]:
    last = (end - _dt.timedelta(microseconds=1)).date() if end > start else start.date()
    return [start.date() + _dt.timedelta(days=i) for i in range((last - start.date()).days + 1)]


def usage_of(solution: jadwal.Solution, shared: Mapping[str, Any]) -> Dict[str, Any]:
    """What the plan uses of each shared resource: seats taken in each shared
    session, the peak of meetings at once on each platform (and the meetings
    themselves), the dates with sessions of each instructor and venue."""
    session_keys: Set[Tuple[str, str, str]] = {(k[0], k[1], k[2]) for k in shared["sessions"]}
    platforms: Set[str] = set(shared["platforms"])
    instructors: Set[str] = set(shared["instructors"])
    venues: Set[str] = set(shared["venues"])
    seats: Dict[Tuple[str, str, str], int] = collections.Counter()
    meetings: Dict[str, List[Tuple[str, str, str]]] = {p: [] for p in sorted(platforms)}
    teaching: Dict[str, Set[_dt.date]] = {i: set() for i in sorted(instructors)}
    halls: Dict[str, Set[_dt.date]] = {v: set() for v in sorted(venues)}
    for cohort in solution.cohorts:
        seated = set()
        for s in cohort.sessions:
            local = s.start.strftime("%Y-%m-%dT%H:%M")
            key = (cohort.program, s.module, local)
            fixed = s.pinned and key in session_keys
            if fixed and key not in seated:
                seated.add(key)
                seats[key] += len(cohort.participants)
            if cohort.platform in platforms:
                tag = "|".join(key) if s.pinned else ""
                meetings[cohort.platform].append(
                    (s.start.astimezone(_dt.timezone.utc).isoformat(), s.end.astimezone(_dt.timezone.utc).isoformat(), tag)
                )
            for i in cohort.instructors:
                if i in teaching:
                    teaching[i].update(_local_dates(s.start, s.end))
            if cohort.venue in halls:
                halls[cohort.venue].update(_local_dates(s.start, s.end))
    return {
        "sessions": [
            {"program": k[0], "module": k[1], "start": k[2], "used": seats.get(k, 0)} for k in sorted(session_keys)
        ],
        "platforms": {p: {"peak": peak_meetings(m), "meetings": sorted(m)} for p, m in meetings.items()},
        "instructors": {i: sorted(d.isoformat() for d in ds) for i, ds in teaching.items()},
        "venues": {v: sorted(d.isoformat() for d in ds) for v, ds in halls.items()},
    }


def plan_agency(job: Mapping[str, Any]) -> Dict[str, Any]:
    """One agency solve under its allowance (see the module's text). ``job``:
    {agency, scenario, fingerprint, allowance (Allowance.to_json), shared
    ({sessions: [[program, module, start]], platforms, instructors, venues}),
    options ({seed, max_moves, time_limit, policy, formats, language}), cache (OUT/.work)}."""
    agency = job["agency"]
    key = cache_key(job)
    target = pathlib.Path(job["cache"]) / agency / key
    done = _read_result(target)
    if done is not None:
        done["cached"] = True
        done["cache"] = str(target)
        return done

    began = time.monotonic()
    options = job["options"]
    seed = agency_seed(int(options["seed"]), agency)
    scenario = jadwal.load(job["scenario"], confine_files=True)
    allowance = job["allowance"]
    first, last = scenario.horizon

    def dates(given: Mapping[str, List[str]]) -> Dict[str, Iterable[Union[_dt.date, str]]]:
        # Blocks are dealt over the horizons of all agencies sharing a resource: keep this one's.
        out = {k: [_dt.date.fromisoformat(d) for d in v] for k, v in given.items()}
        return {k: [d for d in v if first <= d <= last] for k, v in out.items()}

    scenario.restrict(
        sessions=allowance["sessions"],
        platforms=allowance["platforms"],
        instructors=dates(allowance["instructors"]),
        venues=dates(allowance["venues"]),
    )
    solution = scenario.solve(
        seed=seed, max_moves=options.get("max_moves"), time_limit=options.get("time_limit"), threads=1,
        policy=options.get("policy"),
    )
    check = solution.verify()
    metrics = solution.metrics
    unplaced = collections.Counter(u.program for u in solution.unplaced)

    _kill_hook(agency)

    result: Dict[str, Any] = {
        "complete": True,
        "agency": agency,
        "key": key,
        "seed": seed,
        "status": solution.status,
        "verified": check.ok,
        "violations": dict(sorted(check.violations_by_code.items())),
        "placed": int(metrics["demand_placed"]),
        "demand": int(metrics["demand_total"]),
        "unplaced": dict(sorted(unplaced.items())),
        "metrics": metrics,
        "usage": usage_of(solution, job["shared"]),
        "allowance": allowance,
        "solved_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "pid": os.getpid(),
    }

    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.parent / f".tmp-{key[:16]}-{os.getpid()}-{secrets.token_hex(4)}"
    temp.mkdir()
    try:
        solution.write_outputs(temp, options.get("formats") or "json", language=options.get("language"))
        result["seconds"] = round(time.monotonic() - began, 3)
        result["max_rss_mb"] = _max_rss_mb()
        with open(temp / RESULT, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, sort_keys=True)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        try:
            os.rename(temp, target)
        except OSError:
            # Another attempt of this task finished first: keep its whole result.
            shutil.rmtree(temp)
            done = _read_result(target)
            if done is None:
                raise
            done["cached"] = True
            return done
    except BaseException:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
        raise
    result["cached"] = False
    result["cache"] = str(target)
    return result


def publish_agency(job: Mapping[str, Any]) -> Dict[str, Any]:
    """Writes the outputs people read (``formats`` beyond solution.json) of an
    agency's final plan into a new folder under ``root`` (OUT/agencies), beside
    its final place: the planning rounds write solution.json alone, so a plan a
    later round replaces never costs its calendars. Returns the folder's path;
    the caller renames it into place. ``job``: {agency, scenario, allowance,
    source (the plan's cache folder), root, formats, language, marker, stamp}.
    When the agency's folder already holds this very plan in these formats
    (its ``stamp`` file says so), nothing is written and ``path`` is None."""
    root = pathlib.Path(job["root"])
    stamp = json.dumps(job["stamp"], sort_keys=True)
    current = root / job["agency"] / PUBLISHED
    try:
        if current.read_text(encoding="utf-8") == stamp:
            return {"agency": job["agency"], "path": None}
    except OSError:
        pass
    scenario = jadwal.load(job["scenario"], confine_files=True)
    allowance = job["allowance"]
    first, last = scenario.horizon
    scenario.restrict(
        sessions=allowance["sessions"],
        platforms=allowance["platforms"],
        instructors={k: [d for d in v if first.isoformat() <= d <= last.isoformat()]
                     for k, v in allowance["instructors"].items()},
        venues={k: [d for d in v if first.isoformat() <= d <= last.isoformat()] for k, v in allowance["venues"].items()},
    )
    source = pathlib.Path(job["source"])
    solution = jadwal.load_solution(scenario, source / "solution.json")
    root.mkdir(parents=True, exist_ok=True)
    temp = root / f".tmp-{job['agency']}-{os.getpid()}-{secrets.token_hex(4)}"
    temp.mkdir()
    try:
        others = [f for f in str(job["formats"]).split(",") if f and f != "json"]
        if others:
            solution.write_outputs(temp, ",".join(others), language=job.get("language"))
        shutil.copyfile(source / "solution.json", temp / "solution.json")
        (temp / job["marker"]).write_text("written by jadwal-nation plan\n", encoding="utf-8")
        (temp / PUBLISHED).write_text(stamp, encoding="utf-8")
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return {"agency": job["agency"], "path": str(temp)}
