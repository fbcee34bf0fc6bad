"""Code an integrator writes against jadwal, checked by ``mypy --strict`` (a CTest
test), not run: every name used here must be exported and typed."""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Dict, List, Optional, Tuple, Union

import jadwal


def plan_and_publish(path: pathlib.Path, out: pathlib.Path) -> Tuple[str, List[str]]:
    try:
        scenario: jadwal.Scenario = jadwal.load(path)
    except jadwal.ScenarioError as e:
        return f"{e.file}:{e.line}:{e.column}: {e.code}", [str(d) for d in e.errors]
    plan: jadwal.Solution = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=20_000, language="id")
    metrics: Dict[str, Union[int, float]] = plan.metrics
    check = jadwal.verify(plan)
    written: pathlib.Path = jadwal.write_outputs(
        plan, out, ["json", "csv", "ics"], uid_domain="kab.example.go.id", language="id", spreadsheet=True,
        reminders=[dt.timedelta(days=1), 30],
    )
    nip = plan.cohorts[0].participants[0] if plan.cohorts else scenario.employee_ids[0]
    ics, cancel = jadwal.employee_calendar(plan, nip, dtstamp=dt.datetime.now(dt.timezone.utc))
    try:
        jadwal.solve(scenario, seed=-1)
    except jadwal.InvalidArgumentError as bad:
        return bad.message, [str(written), ics[:10], cancel, str(metrics["demand_placed"]), str(check.ok)]
    return plan.status, []


Where = Tuple[str, Optional[int], Optional[int], Optional[str]]


def first_problem(text: str) -> Optional[Where]:
    """Where a scenario from an HR form goes wrong: ScenarioError as a typed
    jadwal.Error, its diagnostics read field by field."""
    try:
        jadwal.loads(text, "form.yaml")
    except jadwal.ScenarioError as e:
        base: jadwal.Error = e
        found: List[jadwal.Diagnostic] = e.diagnostics
        first = e.errors[0] if e.errors else None
        if first is None or not found:
            return base.message, base.line, base.column, base.code
        return first.message, first.line, first.column, first.code
    return None


def publish_or_explain(plan: jadwal.Solution, out: pathlib.Path) -> str:
    try:
        jadwal.write_outputs(plan, out, "ics", reminders=[-1])
    except jadwal.InvalidArgumentError as bad:
        return bad.message
    except jadwal.OutputError as failed:
        return failed.message
    return "written"


def people_at_risk(plan: jadwal.Solution) -> Dict[str, List[Tuple[str, float]]]:
    by_unit: Dict[str, List[Tuple[str, float]]] = {}
    people: List[jadwal.AtRisk] = jadwal.at_risk(plan, threshold=0.6)
    for p in people + plan.at_risk():
        by_unit.setdefault(p.unit, []).append((p.employee, p.probability + p.expected_jp / max(1, p.jp_target)))
    return by_unit
