"""The national summary of a plan run: ``OUT/nation.json``, ``OUT/nation.csv`` and
``OUT/nation.html`` (docs/scale.md).

Per agency: employees, demand placed, participation, JP-target attainment and
after-hours minutes, as jadwal's checker recomputes them from the agency's plan
(the national check, check.py); national totals are sums of the agencies' counts
and rates computed from those sums, never averages of rates; and the shared
resources, used against their limits.

The three files are deterministic: the same plans give the same bytes, whatever
the number of workers or the machine's speed. What was measured (seconds and
memory per agency, from coordination.json) goes to ``OUT/timings.json`` instead.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import pathlib
import tempfile
from typing import Any, Dict, List, Optional, Union

import jadwal

from .check import Report, check_nation, read_nation

__all__ = ["write_summary", "summary_dict", "CSV_COLUMNS"]

#: nation.csv's columns, in order: a row per agency ("agency") and one "total".
CSV_COLUMNS = (
    "row",
    "agency_id",
    "agency_name",
    "kind",
    "employees",
    "demand_total",
    "demand_placed",
    "participation_rate",
    "jp_target_employees",
    "jp_target_met",
    "jp_target_attainment",
    "after_hours_minutes",
    "shared_seats",
    "verified",
)

_COUNTS = ("demand_total", "demand_placed", "jp_target_employees", "jp_target_met", "after_hours_minutes")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def summary_dict(report: Report, coordination: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """nation.json as a dict: per agency, the totals and the shared resources."""
    agencies: List[Dict[str, Any]] = []
    seats: Dict[str, int] = {}
    for u in report.usage:
        if u.kind == "session":
            for id, n in u.by_agency.items():
                seats[id] = seats.get(id, 0) + n
    for a in report.agencies:
        counts = {k: int(a.metrics.get(k, 0)) for k in _COUNTS}
        agencies.append({
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "employees": a.employees or 0,
            "plan": a.plan,
            "verified": a.verified,
            "violations": a.violations,
            "demand_total": counts["demand_total"],
            "demand_placed": counts["demand_placed"],
            "participation_rate": _ratio(counts["demand_placed"], counts["demand_total"]),
            "jp_target_employees": counts["jp_target_employees"],
            "jp_target_met": counts["jp_target_met"],
            "jp_target_attainment": _ratio(counts["jp_target_met"], counts["jp_target_employees"]),
            "after_hours_minutes": counts["after_hours_minutes"],
            "shared_seats": seats.get(a.id, 0),
        })
    totals: Dict[str, Any] = {
        "agencies": len(agencies),
        "employees": sum(a["employees"] for a in agencies),
        **{k: sum(a[k] for a in agencies) for k in _COUNTS + ("shared_seats",)},
        "verified": all(a["verified"] for a in agencies),
    }
    totals["participation_rate"] = _ratio(totals["demand_placed"], totals["demand_total"])
    totals["jp_target_attainment"] = _ratio(totals["jp_target_met"], totals["jp_target_employees"])
    by_code: Dict[str, int] = {}
    for p in report.problems:
        by_code[p.code] = by_code.get(p.code, 0) + 1
    out: Dict[str, Any] = {
        "name": report.name,
        "ok": report.ok,
        "agencies": agencies,
        "totals": totals,
        "shared": [u.to_dict() for u in report.usage],
        "problems_by_code": dict(sorted(by_code.items())),
        "problems": [p.to_dict() for p in report.problems],
    }
    if coordination is not None and isinstance(coordination.get("rounds"), int):
        out["rounds"] = coordination["rounds"]
    return out


def _csv(summary: Dict[str, Any]) -> str:
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\r\n")  # RFC 4180: CRLF, quotes only where needed
    w.writerow(CSV_COLUMNS)

    def rate(x: float) -> str:
        return f"{x:.6f}"

    for a in summary["agencies"] + [None]:
        row = summary["totals"] if a is None else a
        w.writerow([
            "total" if a is None else "agency",
            "" if a is None else a["id"],
            summary["name"] if a is None else a["name"],
            "" if a is None else a["kind"],
            row["employees"],
            row["demand_total"],
            row["demand_placed"],
            rate(row["participation_rate"]),
            row["jp_target_employees"],
            row["jp_target_met"],
            rate(row["jp_target_attainment"]),
            row["after_hours_minutes"],
            row["shared_seats"],
            "true" if row["verified"] else "false",
        ])
    return text.getvalue()


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2933; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #cbd2d9; padding: 0.3rem 0.6rem; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f0f4f8; }
.ok { color: #1b7f3b; } .bad { color: #b42318; font-weight: bold; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dt { color: #52606d; } dd { margin: 0; font-weight: bold; }
"""


def _html(summary: Dict[str, Any], report: Report, m: Any, language: str) -> str:
    e = html.escape
    totals = summary["totals"]
    kinds = {
        "regency": m.tr_in("agency kind", "regency"),
        "city": m.tr_in("agency kind", "city"),
        "province": m.tr_in("agency kind", "province"),
        "ministry": m.tr_in("agency kind", "ministry"),
    }
    resource_kinds = {
        "session": m.tr("Shared session"),
        "platform": m.tr("Shared platform"),
        "instructor": m.tr("Shared instructor"),
        "venue": m.tr("Shared venue"),
    }
    measures = {
        "seats": m.tr("seats taken"),
        "meetings_at_once": m.tr("meetings at once (most)"),
        "minutes_per_day": m.tr("minutes of teaching in a day (most)"),
        "days_per_month": m.tr("days of teaching in a month (most)"),
        "cohorts_at_once": m.tr("cohorts at once (most)"),
    }
    yes, no = m.tr("yes"), m.tr("no")

    def num(n: int) -> str:
        return e(str(m.number(n)))

    def pct(x: float) -> str:
        return e(str(m.percent(x, 1)))

    title = m.tr("National training plan: {}").format(summary["name"]) if summary["name"] else m.tr(
        "National training plan")
    out: List[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{e(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
    ]
    if report.ok:
        out.append(f'<p class="ok">{e(m.tr("Every agency plan verifies and every shared limit holds."))}</p>')
    else:
        out.append(f'<p class="bad">{e(m.tr("The national plan has problems: see the list below."))}</p>')

    out.append(f"<h2>{e(m.tr('National figures'))}</h2>")
    out.append("<dl>")
    figures = [
        (m.tr("Agencies"), num(totals["agencies"])),
        (m.tr("Employees"), num(totals["employees"])),
        (m.tr("Demand placed"), e(m.tr("{} of {}").format(m.number(totals["demand_placed"]),
                                                          m.number(totals["demand_total"])))),
        (m.tr("Participation"), pct(totals["participation_rate"])),
        (m.tr_in("heading", "JP-target attainment"), e(m.tr("{} ({} of {} employees with a JP target)").format(
            m.percent(totals["jp_target_attainment"], 1), m.number(totals["jp_target_met"]),
            m.number(totals["jp_target_employees"])))),
        (m.tr("After-hours training"), e(m.tr("{} minutes").format(m.number(totals["after_hours_minutes"])))),
    ]
    seats = [u for u in report.usage if u.kind == "session"]
    if seats:
        figures.append((m.tr("Shared seats taken"), e(m.tr("{} of {}").format(
            m.number(sum(u.used for u in seats)), m.number(sum(u.limit or 0 for u in seats))))))
    out += [f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in figures]
    out.append("</dl>")

    out.append(f"<h2>{e(m.tr('Agencies'))}</h2>")
    out.append("<table>")
    heads = [(m.tr("Agency"), ""), (m.tr("Kind"), ""), (m.tr("Employees"), "n"), (m.tr("Demand"), "n"),
             (m.tr("Placed"), "n"), (m.tr("Participation"), "n"), (m.tr_in("heading", "JP-target attainment"), "n"),
             (m.tr("After hours (minutes)"), "n"), (m.tr("Shared seats"), "n"), (m.tr("Plan verified"), "")]
    out.append("<thead><tr>" + "".join(f'<th class="{c}">{e(h)}</th>' if c else f"<th>{e(h)}</th>"
                                        for h, c in heads) + "</tr></thead>")
    out.append("<tbody>")

    def row(cells: List[str], css: str = "") -> str:
        tds = "".join(f'<td class="n">{c}</td>' if 2 <= i <= 8 else f"<td>{c}</td>" for i, c in enumerate(cells))
        return f'<tr class="{css}">{tds}</tr>' if css else f"<tr>{tds}</tr>"

    for a in summary["agencies"]:
        out.append(row([
            e(a["name"]), e(kinds.get(a["kind"], a["kind"])), num(a["employees"]), num(a["demand_total"]),
            num(a["demand_placed"]), pct(a["participation_rate"]), pct(a["jp_target_attainment"]),
            num(a["after_hours_minutes"]), num(a["shared_seats"]),
            f'<span class="ok">{e(yes)}</span>' if a["verified"] else f'<span class="bad">{e(no)}</span>',
        ]))
    out.append(row([
        e(m.tr("National total")), "", num(totals["employees"]), num(totals["demand_total"]),
        num(totals["demand_placed"]), pct(totals["participation_rate"]), pct(totals["jp_target_attainment"]),
        num(totals["after_hours_minutes"]), num(totals["shared_seats"]), e(yes if totals["verified"] else no),
    ], "total"))
    out.append("</tbody></table>")

    if report.usage:
        out.append(f"<h2>{e(m.tr('Shared resources'))}</h2>")
        out.append("<table>")
        out.append("<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in (
            m.tr("Kind"), m.tr("Resource"), m.tr("Measure"))) + "".join(f'<th class="n">{e(h)}</th>' for h in (
                m.tr("Used"), m.tr("Limit"))) + f"<th>{e(m.tr('Within the limit'))}</th></tr></thead>")
        out.append("<tbody>")
        for u in report.usage:
            limit = "–" if u.limit is None else num(u.limit)
            state = f'<span class="ok">{e(yes)}</span>' if u.ok else f'<span class="bad">{e(no)}</span>'
            out.append(f"<tr><td>{e(resource_kinds.get(u.kind, u.kind))}</td><td><code>{e(u.resource)}</code></td>"
                       f"<td>{e(measures.get(u.measure, u.measure))}</td><td class=\"n\">{num(u.used)}</td>"
                       f"<td class=\"n\">{limit}</td><td>{state}</td></tr>")
        out.append("</tbody></table>")

    if report.problems:
        out.append(f"<h2>{e(m.tr('Problems'))}</h2>")
        out.append("<ul>")
        out += [f"<li><code>{e(p.code)}</code> {e(p.message)}</li>" for p in report.problems]
        out.append("</ul>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _write(path: pathlib.Path, text: str) -> None:
    """Atomically: a temporary file beside it, then a rename."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_summary(folder: Union[str, pathlib.Path], out: Union[str, pathlib.Path], *,
                  language: Optional[str] = None, report: Optional[Report] = None) -> None:
    """Writes ``out/nation.json``, ``out/nation.csv`` and ``out/nation.html`` for the plans
    under ``out/agencies/<id>/solution.json`` of the national folder ``folder``, and
    ``out/timings.json`` when ``out/coordination.json`` holds measured figures.

    ``language``: ``"id"`` or ``"en"`` for the page and the problems' messages; None:
    nation.yaml's ``locale``, else English. ``report``: the national check of these
    plans if the caller already has it (else it is run here).
    """
    folder = pathlib.Path(folder)
    out = pathlib.Path(out)
    language = language or read_nation(folder).locale or "en"
    m = jadwal.Messages(language)
    if report is None or report.language != language:
        report = check_nation(folder, out, language=language)
    coordination: Optional[Dict[str, Any]] = None
    try:
        coordination = json.loads((out / "coordination.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        coordination = None
    summary = summary_dict(report, coordination if isinstance(coordination, dict) else None)
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "nation.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    _write(out / "nation.csv", _csv(summary))
    _write(out / "nation.html", _html(summary, report, m, language))
    if isinstance(coordination, dict) and isinstance(coordination.get("agencies"), list):
        timings = [
            {k: a.get(k) for k in ("id", "seconds", "max_rss_mb", "seed", "rounds_planned") if k in a}
            for a in coordination["agencies"] if isinstance(a, dict)
        ]
        _write(out / "timings.json", json.dumps({"agencies": timings}, ensure_ascii=False, indent=2) + "\n")
