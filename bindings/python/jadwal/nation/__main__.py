"""``jadwal-nation`` (``python3 -m jadwal.nation``): plan a national folder on Dask.

  jadwal-nation plan FOLDER --out DIR [--workers N] [--scheduler tcp://HOST:PORT] ...
  jadwal-nation check FOLDER --plans DIR

Exit status: 0 when every agency plan verifies and the shared limits hold, 1
otherwise, 2 for bad input (nation.yaml, an agency's files, an option).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import pathlib
import shutil
import sys
import time
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import jadwal

from . import coordinate as _co
from . import folder as _folder
from . import task as _task

#: A file in every folder this program makes inside OUT/agencies: only those it
#: ever replaces or removes.
OWNED = ".jadwal-nation"


class _Usage(Exception):
    """Bad input: exit 2."""


def _language(argv: Sequence[str]) -> str:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return "en"


def _parser(m: Any) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="jadwal-nation",
        description=m.tr("Plans a national folder of agency scenarios on a Dask cluster, one agency per task, "
                         "with shared sessions, platforms, instructors and venues coordinated."),
    )
    sub = p.add_subparsers(dest="command", required=True)
    plan = sub.add_parser("plan", help=m.tr("plan every agency and check the national plan"))
    plan.add_argument("folder", help=m.tr("the national folder (with nation.yaml)"))
    plan.add_argument("--out", required=True, help=m.tr("where to write the plans and the national summary"))
    plan.add_argument("--workers", type=int, default=2,
                      help=m.tr("workers of the local cluster started when no scheduler is given (default 2)"))
    plan.add_argument("--scheduler", help=m.tr("the address of a running Dask scheduler, tcp://HOST:PORT"))
    plan.add_argument("--seed", type=int, default=1, help=m.tr("the national seed; each agency's is derived from it"))
    plan.add_argument("--max-moves", type=int, help=m.tr("local-search moves per agency solve"))
    plan.add_argument("--policy", help=m.tr("the policy every agency is planned under (default: each scenario's own)"))
    plan.add_argument("--time-limit", type=float,
                      help=m.tr("seconds per agency solve (default none); a time limit makes plans depend on the "
                                "speed of the machine, so two runs may differ"))
    plan.add_argument("--rounds", type=int, default=2,
                      help=m.tr("rounds of handing unused shared capacity back (default 2)"))
    plan.add_argument("--formats", default="json,csv,html,ics",
                      help=m.tr("outputs per agency: json, csv, html, ics (default all)"))
    plan.add_argument("--lang", choices=["id", "en"], help=m.tr("language of messages and outputs"))
    plan.add_argument("--quiet", action="store_true", help=m.tr("print no progress"))
    check = sub.add_parser("check", help=m.tr("check a national plan against the national folder"))
    check.add_argument("folder", help=m.tr("the national folder (with nation.yaml)"))
    check.add_argument("--plans", required=True, help=m.tr("the output folder of a plan run"))
    check.add_argument("--format", choices=["text", "json"], default="text", help=m.tr("report format"))
    check.add_argument("--lang", choices=["id", "en"], help=m.tr("language of messages and outputs"))
    return p


def _say(m: Any, quiet: bool, text: str) -> None:
    if not quiet:
        print(text, flush=True)


def _print_problems(m: Any, problems: Sequence[_folder.Problem]) -> None:
    print(m.tr("The national folder cannot be planned:"), file=sys.stderr)
    for p in problems:
        print(f"  {p.text(m)}", file=sys.stderr)


# ---------------------------------------------------------------- Dask


def _distributed() -> Any:
    """Dask distributed, imported when a plan runs (it has no type information)."""
    return importlib.import_module("distributed")


def _client(args: argparse.Namespace) -> Tuple[Any, Any]:
    distributed = _distributed()
    if args.scheduler:
        return distributed.Client(args.scheduler), None
    cluster = distributed.LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return distributed.Client(cluster), cluster


def _run(client: Any, fn: Any, jobs: Sequence[Mapping[str, Any]], label: str,
         done: Any = None) -> Dict[str, Any]:
    """Runs ``fn`` on each job (largest first: the order given), waits for all of
    them, and returns {agency: result}; a task that failed after its retries raises."""
    distributed = _distributed()
    futures = {}
    for rank, job in enumerate(jobs):
        futures[client.submit(fn, job, key=f"{label}-{job['agency']}-{os.getpid()}-{time.time_ns()}",
                              retries=2, priority=len(jobs) - rank, pure=False)] = job["agency"]
    results: Dict[str, Any] = {}
    failed: List[Tuple[str, BaseException]] = []
    for future in distributed.as_completed(list(futures)):
        agency = futures[future]
        if future.status == "error":
            failed.append((agency, future.exception()))
            continue
        results[agency] = future.result()
        if done is not None:
            done(agency, results[agency])
    if failed:
        raise _TaskFailed(failed)
    return results


class _TaskFailed(Exception):
    def __init__(self, failed: List[Tuple[str, BaseException]]) -> None:
        self.failed = failed
        super().__init__("; ".join(f"{a}: {e}" for a, e in failed))


# ---------------------------------------------------------------- publishing


def _owned_target(path: pathlib.Path) -> bool:
    return not path.exists() or (path.is_dir() and not path.is_symlink() and (path / OWNED).is_file())


def _publish(out: pathlib.Path, agency: str, written: Optional[str]) -> None:
    """Puts the folder publish_agency wrote in place as OUT/agencies/<agency>/, whole
    or not at all (None: the folder there already holds this plan)."""
    if written is None:
        return
    root = out / "agencies"
    target = root / agency
    temp = pathlib.Path(written)
    if target.exists():
        if not _owned_target(target):
            shutil.rmtree(temp)
            raise _Usage(f"{target} exists and was not written by jadwal-nation")
        old = root / f".old-{agency}-{os.getpid()}"
        os.rename(target, old)
        os.rename(temp, target)
        shutil.rmtree(old)
    else:
        os.rename(temp, target)


def _write_json(path: pathlib.Path, data: Any) -> None:
    temp = path.with_name(f".tmp-{path.name}-{os.getpid()}")
    with open(temp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=False, ensure_ascii=False)
        f.write("\n")
    os.replace(temp, path)


def _shared_usage(nation: _folder.Nation, results: Mapping[str, Mapping[str, Any]],
                  order: Sequence[str]) -> Dict[str, Any]:
    sessions = []
    for s in nation.sessions:
        used = 0
        for a in order:
            for u in results[a]["usage"]["sessions"]:
                if (u["program"], u["module"], u["start"]) == s.key:
                    used += int(u["used"])
        sessions.append({"program": s.program, "module": s.module, "start": s.start, "seats": s.seats, "used": used})
    platforms = []
    for p in nation.platforms:
        meetings = [(x[0], x[1], x[2]) for a in order for x in results[a]["usage"]["platforms"].get(p.id, {}).get("meetings", [])]
        platforms.append({"id": p.id, "concurrent": p.concurrent, "peak": _co.peak_meetings(meetings)})
    people: Dict[str, List[Dict[str, Any]]] = {"instructors": [], "venues": []}
    for kind, items in (("instructors", nation.instructors), ("venues", nation.venues)):
        for person in items:
            days = set()
            for a in order:
                days.update(results[a]["usage"][kind].get(person.id, []))
            people[kind].append({"id": person.id, "days_used": len(days)})
    return {"sessions": sessions, "platforms": platforms, **people}


# ---------------------------------------------------------------- the verbs


def _plan(args: argparse.Namespace, m: Any) -> int:
    nation = _folder.read_nation(args.folder)
    if args.workers < 1 or args.rounds < 0 or (args.max_moves is not None and args.max_moves < 0):
        raise _Usage(m.tr("--workers must be at least 1, --rounds and --max-moves at least 0"))
    language = args.lang or nation.locale
    if language and not args.lang:
        m = jadwal.Messages(language)  # the folder's language for what this run prints, too
    formats = ",".join(f.strip() for f in args.formats.split(",") if f.strip())
    if "json" not in formats.split(","):
        formats = "json," + formats  # the national check and summary read solution.json
    out = pathlib.Path(os.path.abspath(args.out))
    out.mkdir(parents=True, exist_ok=True)
    for agency in nation.agencies:
        if not _owned_target(out / "agencies" / agency.id):
            raise _Usage(m.tr("{path} exists and was not written by jadwal-nation").format(
                path=out / "agencies" / agency.id))
    cache = out / ".work"
    # The rounds write solution.json alone; the other formats are written once,
    # for the plans kept (publish_agency).
    options = {"seed": args.seed, "max_moves": args.max_moves, "time_limit": args.time_limit,
               "policy": args.policy, "formats": "json", "language": language}
    began = time.monotonic()
    quiet = args.quiet

    client, cluster = _client(args)
    try:
        surveys = _run(client, _task.survey_agency,
                       [{"agency": a.id, "index": a.index, "scenario": str(a.scenario)} for a in nation.agencies],
                       "survey")
        infos = [_co.AgencyInfo.from_survey(a.index, surveys[a.id]) for a in nation.agencies]
        coord = _co.Coordinator(nation, infos)
        problems = coord.problems()
        if problems:
            raise _folder.NationError([
                _folder.Problem(code, template.format(**values), str(nation.folder / _folder.NATION_FILE),
                                template=template, args=tuple(values.items()))
                for code, template, values in problems
            ])
        order = [a.id for a in nation.agencies]
        by_size = sorted(infos, key=lambda i: (-i.total_demand, i.index))
        shared = {
            "sessions": [list(s.key) for s in nation.sessions],
            "platforms": [p.id for p in nation.platforms],
            "instructors": [i.id for i in nation.instructors],
            "venues": [v.id for v in nation.venues],
        }

        def jobs(agencies: Sequence[str], allowances: Mapping[str, _co.Allowance]) -> List[Dict[str, Any]]:
            wanted = set(agencies)
            return [
                {"agency": i.id, "scenario": str(nation.agency(i.id).scenario), "fingerprint": surveys[i.id]["fingerprint"],
                 "allowance": allowances[i.id].to_json(), "shared": shared, "options": options, "cache": str(cache)}
                for i in by_size if i.id in wanted
            ]

        def progress(round_no: int) -> Any:
            def done(agency: str, r: Mapping[str, Any]) -> None:
                if r.get("cached"):
                    text = m.tr("{agency}: unchanged, the earlier plan is reused (round {round})")
                else:
                    text = m.tr("{agency}: planned in {seconds} s, {placed} of {demand} placed (round {round})")
                _say(m, quiet, text.format(agency=agency, round=round_no, seconds=m.decimal(r["seconds"], 1),
                                           placed=m.number(r["placed"]), demand=m.number(r["demand"])))
            return done

        allowances, reserve = coord.initial()
        _say(m, quiet, m.tr("Round {round}: planning {count} agencies").format(round=0, count=m.number(len(order))))
        results = _run(client, _task.plan_agency, jobs(order, allowances), "plan", progress(0))
        planned = {a: [0] for a in order}
        planned_with = dict(allowances)  # the allowance each agency's current plan was made under
        rounds_done = 0
        for round_no in range(1, args.rounds + 1):
            hb = coord.hand_back(allowances, reserve, {a: _co.Usage.from_result(results[a]) for a in order})
            # An agency handed back just what its plan was made with has nothing new to plan with.
            fresh = [a for a in hb.receivers if hb.grown[a] != planned_with[a]]
            if not fresh:
                allowances, reserve = coord.settle(hb, {a: True for a in hb.receivers})
                break
            _say(m, quiet, m.tr("Round {round}: unused shared capacity handed to {count} agencies").format(
                round=round_no, count=m.number(len(fresh))))
            again = _run(client, _task.plan_agency, jobs(fresh, hb.grown), "plan", progress(round_no))
            accepted = {a: True for a in hb.receivers if a not in fresh}
            for a in fresh:
                accepted[a] = bool(again[a]["verified"]) and again[a]["placed"] >= results[a]["placed"]
                if accepted[a]:
                    results[a] = again[a]
                    planned[a].append(round_no)
                    planned_with[a] = hb.grown[a]
                else:
                    _say(m, quiet, m.tr("{agency}: the new plan places less, the earlier one is kept").format(agency=a))
            allowances, reserve = coord.settle(hb, accepted)
            rounds_done = round_no
        wrong = coord.totals_hold(allowances, reserve)
        if wrong:  # a bug, not bad input: say so loudly
            raise _co.CoordinationError("; ".join(wrong))
        written = _run(client, _task.publish_agency, [
            {"agency": i.id, "scenario": str(nation.agency(i.id).scenario),
             "allowance": planned_with[i.id].to_json(), "source": str(cache / i.id / results[i.id]["key"]),
             "root": str(out / "agencies"), "formats": formats, "language": language, "marker": OWNED,
             "stamp": {"key": results[i.id]["key"], "formats": formats, "language": language}}
            for i in by_size
        ], "publish")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    for a in order:
        _publish(out, a, written[a]["path"])
    agencies_dir = out / "agencies"
    for stale in sorted(agencies_dir.iterdir()):
        if stale.name not in order and stale.is_dir() and not stale.is_symlink() and (stale / OWNED).is_file():
            shutil.rmtree(stale)  # an agency of an earlier run, no longer in nation.yaml
    for temp in sorted(cache.glob("*/.tmp-*")) + sorted(agencies_dir.glob(".tmp-*")):
        shutil.rmtree(temp, ignore_errors=True)  # left by a worker killed while writing

    coordination = {
        "rounds": rounds_done,
        "seed": args.seed,
        "agencies": [
            {"id": a, "seconds": results[a]["seconds"], "max_rss_mb": results[a]["max_rss_mb"],
             "seed": results[a]["seed"], "rounds_planned": planned[a], "placed": results[a]["placed"],
             "demand": results[a]["demand"], "verified": results[a]["verified"], "key": results[a]["key"]}
            for a in order
        ],
        "allowances": {a: allowances[a].to_json() for a in order},
        "shared": _shared_usage(nation, results, order),
    }
    _write_json(out / "coordination.json", coordination)

    from . import check as _check
    from . import summary as _summary

    report = _check.check_nation(nation.folder, out, language=language)
    _summary.write_summary(nation.folder, out, language=language, report=report)
    all_verified = all(results[a]["verified"] for a in order)
    for p in report.problems:
        print(f"  {p.code}: {p.message}", file=sys.stderr)
    if report.ok:
        text = m.tr("National plan: {agencies} agencies, {placed} of {demand} placed, {seconds} s; the shared limits hold")
    else:
        text = m.tr("National plan: {agencies} agencies, {placed} of {demand} placed, {seconds} s; "
                    "the national check found problems")
    _say(m, quiet, text.format(agencies=m.number(len(order)), placed=m.number(sum(results[a]["placed"] for a in order)),
                               demand=m.number(sum(results[a]["demand"] for a in order)),
                               seconds=m.decimal(time.monotonic() - began, 1)))
    return 0 if all_verified and report.ok else 1


def _check_verb(args: argparse.Namespace, m: Any) -> int:
    from . import check as _check

    _folder.read_nation(args.folder)  # bad input is exit 2 before any checking
    report = _check.check_nation(pathlib.Path(args.folder), pathlib.Path(args.plans), language=args.lang)
    if args.format == "json":
        sys.stdout.write(report.to_json())
    else:
        for p in report.problems:
            print(f"  {p.code}: {p.message}")
        print(m.tr("The national plan holds.") if report.ok else m.tr("The national plan breaks shared limits or rules."))
    return 0 if report.ok else 1


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    m = jadwal.Messages(_language(argv) if _language(argv) in ("id", "en") else "en")
    args = _parser(m).parse_args(argv)
    if getattr(args, "lang", None):
        m = jadwal.Messages(args.lang)
    try:
        if args.command == "plan":
            return _plan(args, m)
        return _check_verb(args, m)
    except _folder.NationError as e:
        _print_problems(m, e.problems)
        return 2
    except _Usage as e:
        print(str(e), file=sys.stderr)
        return 2
    except jadwal.Error as e:
        print(m.tr("An agency's scenario cannot be used: {error}").format(error=e), file=sys.stderr)
        return 2
    except _co.CoordinationError as e:
        print(m.tr("Coordination failed (a bug: please report it): {error}").format(error=e), file=sys.stderr)
        return 1
    except _TaskFailed as e:
        for agency, error in e.failed:
            if isinstance(error, jadwal.ScenarioError):
                print(m.tr("An agency's scenario cannot be used: {error}").format(error=f"{agency}: {error}"),
                      file=sys.stderr)
                return 2
        print(m.tr("Planning failed: {error}").format(error=e), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
