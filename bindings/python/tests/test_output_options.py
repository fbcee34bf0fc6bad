"""The language, spreadsheet CSV and reminder options of write_outputs,
employee_calendar and solve."""

import csv
import datetime as dt
import io

import pytest

import jadwal

BOM = "\ufeff"


def _someone_with_training(plan):
    return next(p for c in plan.cohorts for p in c.participants)


def test_unplaced_csv_lists_every_unplaced_item_of_the_plan(plan, tmp_path):
    assert plan.unplaced  # the small example leaves some demand unmet
    plan.write_outputs(tmp_path, "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "unplaced.csv").read_text(encoding="utf-8"), newline="")))
    assert sorted((r["nip"], r["program_id"], r["reason_code"]) for r in rows) == sorted(
        (u.employee, u.program, u.reasons[0].code) for u in plan.unplaced
    )
    by_key = {(u.employee, u.program): u for u in plan.unplaced}
    for r in rows:
        u = by_key[(r["nip"], r["program_id"])]
        assert r["reason"] == u.reasons[0].message
        if u.alternatives:
            assert r["best_alternative"] == u.alternatives[0].description
            assert float(r["alternative_cost"]) == pytest.approx(u.alternatives[0].cost, abs=0.005)


def test_spreadsheet_csv_uses_semicolons_a_bom_and_keeps_nips_as_text(plan, tmp_path):
    plain_dir, sheet_dir = tmp_path / "plain", tmp_path / "sheet"
    plan.write_outputs(plain_dir, "csv")
    plan.write_outputs(sheet_dir, "csv", spreadsheet=True)
    for name in ("schedule.csv", "siasn_courses.csv", "unplaced.csv"):
        plain = (plain_dir / name).read_bytes().decode("utf-8")
        sheet = (sheet_dir / name).read_bytes().decode("utf-8")
        assert not plain.startswith(BOM) and plain.startswith("nip,")
        assert sheet.startswith(BOM + "nip;")
        plain_rows = list(csv.reader(io.StringIO(plain, newline="")))
        sheet_rows = list(csv.reader(io.StringIO(sheet[len(BOM):], newline=""), delimiter=";"))
        assert len(sheet_rows) == len(plain_rows)
        for p_row, s_row in zip(plain_rows[1:], sheet_rows[1:]):
            nip = p_row[0]
            assert nip.isdigit() and len(nip) == 18
            assert s_row[0] == f'="{nip}"'  # a text constant: not 1.98203E+17 in Excel
    sheet_unplaced = (sheet_dir / "unplaced.csv").read_text(encoding="utf-8-sig")
    costs = [r["alternative_cost"] for r in csv.DictReader(io.StringIO(sheet_unplaced, newline=""), delimiter=";")]
    assert any(costs) and all("." not in c for c in costs) and any("," in c for c in costs)


def test_the_language_reaches_the_report(plan, tmp_path):
    plan.write_outputs(tmp_path / "id", "html", language="id")
    plan.write_outputs(tmp_path / "en", "html", language="en")
    plan.write_outputs(tmp_path / "default", "html")
    assert '<html lang="id">' in (tmp_path / "id" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in (tmp_path / "en" / "report.html").read_text(encoding="utf-8")
    # The small example names no locale: English.
    assert '<html lang="en">' in (tmp_path / "default" / "report.html").read_text(encoding="utf-8")


def test_reminders_reach_the_calendars(plan, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    nip = _someone_with_training(plan)
    default, _ = jadwal.employee_calendar(plan, nip)
    assert "TRIGGER:-P1D" in default and "TRIGGER:-PT30M" in default
    publish, _ = jadwal.employee_calendar(plan, nip, reminders=[45, dt.timedelta(hours=2), 45])
    assert "TRIGGER:-P1D" not in publish
    assert publish.index("TRIGGER:-PT2H") < publish.index("TRIGGER:-PT45M")
    assert publish.count("TRIGGER:-PT45M") == publish.count("TRIGGER:-PT2H")
    none, _ = jadwal.employee_calendar(plan, nip, reminders=[])
    assert "BEGIN:VALARM" not in none
    jadwal.write_outputs(plan, tmp_path, "ics", reminders=[45, 120], language="en")
    written = (tmp_path / "calendars" / "employees" / f"{nip}.ics").read_bytes().decode("utf-8")
    assert written == jadwal.employee_calendar(plan, nip, reminders=[120, 45], language="en")[0]


@pytest.mark.parametrize(
    "options",
    [
        {"language": "klingon"},
        {"language": ""},
        {"language": 1},
        {"spreadsheet": "yes"},
        {"reminders": [-5]},
        {"reminders": [29 * 24 * 60]},
        {"reminders": 30},
        {"reminders": [dt.timedelta(seconds=90)]},
        {"reminders": ["30"]},
    ],
)
def test_bad_output_options_are_invalid_argument_errors(plan, tmp_path, options):
    with pytest.raises(jadwal.InvalidArgumentError):
        jadwal.write_outputs(plan, tmp_path, "csv,html,ics", **options)
    assert not (tmp_path / "report.html").exists()


def test_solve_takes_a_language_and_refuses_one_it_does_not_speak(scenario):
    for language in ("id", "en", "id_ID.UTF-8"):
        assert jadwal.solve(scenario, policy="flexible", max_moves=2_000, language=language).unplaced is not None
    with pytest.raises(jadwal.InvalidArgumentError, match="language"):
        jadwal.solve(scenario, policy="flexible", max_moves=2_000, language="xx")


def test_solve_language_reaches_the_explanations_and_unplaced_csv(small_path, tmp_path):
    scenario = jadwal.load(small_path)
    en = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=20_000, language="en")
    id_ = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=20_000, language="id")
    assert en.unplaced and len(en.unplaced) == len(id_.unplaced)
    # The same plan and codes; the sentences in the language asked for.
    assert [r.code for u in en.unplaced for r in u.reasons] == [r.code for u in id_.unplaced for r in u.reasons]
    assert [u.reasons[0].message for u in en.unplaced] != [u.reasons[0].message for u in id_.unplaced]
    id_.write_outputs(tmp_path, "csv", language="id")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "unplaced.csv").read_text(encoding="utf-8"), newline="")))
    assert {r["reason"] for r in rows} == {u.reasons[0].message for u in id_.unplaced}
