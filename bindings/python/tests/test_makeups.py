"""Make-ups from attendance records (docs/attendance.md "Make-ups") from Python:
solve(attendance=...) re-opens what a person missed before the re-plan instant
and lists it in Solution.makeups; verify(attendance=...) checks the make-ups
against the records; a records file with errors is a ScenarioError with every
error located."""

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

import jadwal
from conftest import SOURCE_DIR

# tests/compare/test_makeups.cpp's fixture (the file says what is in it).
SCENARIO = (SOURCE_DIR / "tests" / "data" / "good" / "makeups.yaml").read_text(encoding="utf-8")

REPLAN = "2026-06-08"
WEBINAR = dt.datetime(2026, 6, 3, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
HEADER = "nip,program,module,start,attended\n"


def solve(scenario, **options):
    return jadwal.solve(scenario, policy="only", seed=1, max_moves=5000, **options)


@pytest.fixture(scope="module")
def scenario():
    return jadwal.loads(SCENARIO, name="makeups.yaml")


@pytest.fixture(scope="module")
def published(scenario):
    return solve(scenario)


@pytest.fixture(scope="module")
def live(published):
    """(NIP, cohort id) of the first person the published plan seats live in the webinar."""
    for c in published.cohorts:
        if c.program == "webinar" and c.participants:
            return c.participants[0], c.id
    pytest.fail("nobody watches the webinar live")


@pytest.fixture
def records(tmp_path, live):
    path = tmp_path / "records.csv"
    path.write_text(HEADER + f"{live[0]},webinar,w1,2026-06-03T09:00:00+07:00,0\n", encoding="utf-8")
    return path


def stable_json(plan):
    d = json.loads(plan.to_json())
    del d["elapsed_seconds"]  # the one field allowed to differ between identical runs
    return json.dumps(d, sort_keys=True)


def test_a_missed_webinar_is_listed_as_a_make_up_with_its_person_programme_module_and_cohort(
        scenario, published, live, records):
    assert published.makeups == []
    plan = solve(scenario, previous=published, replan_from=REPLAN, attendance=records)
    assert len(plan.makeups) == 1
    m = plan.makeups[0]
    assert isinstance(m, jadwal.Makeup)
    assert (m.employee, m.program, m.module, m.cohort, m.sessions_missed) == (live[0], "webinar", "w1", live[1], 1)
    assert m.missed == WEBINAR and m.missed.utcoffset() == dt.timedelta(hours=7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.module = "x"  # type: ignore[misc]
    # The make-up goes after the re-plan date: the person no longer sits in the live webinar.
    assert all(live[0] not in c.participants for c in plan.cohorts if c.program == "webinar")
    # The same inputs and seed give the same plan; read back, it lists the same make-ups.
    again = solve(scenario, previous=published, replan_from=dt.date(2026, 6, 8), attendance=str(records))
    assert stable_json(again) == stable_json(plan)
    assert jadwal.solution_from_json(scenario, plan.to_json()).makeups == plan.makeups


def test_verify_with_the_records_accepts_the_make_up_and_refuses_a_re_plan_made_without_them(
        scenario, published, records):
    plan = solve(scenario, previous=published, replan_from=REPLAN, attendance=records)
    checked = jadwal.verify(plan, previous=published, replan_from=REPLAN, attendance=records)
    assert checked.ok, [v.code for v in checked.violations]
    # Without the records the make-up is one nobody called for.
    assert jadwal.verify(plan, previous=published, replan_from=REPLAN).violations_by_code.get("H8-MAKEUP") == 1
    # Planted: the re-plan made without the records keeps the person where they
    # were and lists no make-up; checked with them it breaks the make-up rule.
    without = solve(scenario, previous=published, replan_from=REPLAN)
    assert without.makeups == []
    assert jadwal.verify(without, previous=published, replan_from=REPLAN).ok
    refused = without.verify(previous=published, replan_from=REPLAN, attendance=records)
    assert not refused.ok
    assert refused.violations_by_code.get("H8-MAKEUP", 0) >= 1


def test_records_with_an_unknown_nip_are_a_scenario_error_with_every_error_located(scenario, published, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "199001012020019999,webinar,w1,2026-06-03T09:00:00+07:00,0\n"
                   "199001012020011001,webinar,w9,2026-06-03T09:00:00+07:00,0\n", encoding="utf-8")
    with pytest.raises(jadwal.ScenarioError) as e:
        solve(scenario, previous=published, replan_from=REPLAN, attendance=bad)
    err = e.value
    assert (err.code, err.file, err.line, err.column) == ("E-REF-EMPLOYEE", str(bad), 2, 1)
    assert "199001012020019999" in err.message
    assert [(d.code, d.line, d.column) for d in err.errors] == [("E-REF-EMPLOYEE", 2, 1), ("E-REF-MODULE", 3, 28)]
    assert str(err.errors[0]).startswith(f"{bad}:2:1: error: ")
    with pytest.raises(jadwal.ScenarioError) as e:
        jadwal.verify(published, previous=published, replan_from=REPLAN, attendance=bad)
    assert (e.value.file, e.value.line) == (str(bad), 2)


def test_records_that_cannot_be_read_are_an_os_error(scenario, published, tmp_path):
    with pytest.raises(OSError):
        solve(scenario, previous=published, replan_from=REPLAN, attendance=tmp_path / "missing.csv")


def test_the_make_up_persons_calendar_keeps_the_webinar_they_missed_when_written_with_replan_from(
        scenario, published, live, records, tmp_path):
    plan = solve(scenario, previous=published, replan_from=REPLAN, attendance=records)
    stamp = dt.datetime(2026, 6, 8, tzinfo=dt.timezone.utc)

    def person_files(out):
        base = out / "calendars" / "employees" / live[0]
        ics = base.with_suffix(".ics").read_text(encoding="utf-8")
        cancel = base.parent / (live[0] + ".cancel.ics")
        return ics, cancel.read_text(encoding="utf-8") if cancel.exists() else ""

    plan.write_outputs(tmp_path / "cancelling", "ics", previous=published, dtstamp=stamp)
    plan.write_outputs(tmp_path / "keeping", "ics", previous=published, dtstamp=stamp, replan_from=REPLAN)
    ics, cancel = person_files(tmp_path / "cancelling")
    assert "DTSTART;TZID=Asia/Jakarta:20260603T090000" in cancel  # the webinar of 3 June, cancelled
    ics, cancel = person_files(tmp_path / "keeping")
    assert "DTSTART;TZID=Asia/Jakarta:20260603T090000" not in cancel
    assert "DTSTART;TZID=Asia/Jakarta:20260603T090000" in ics and "STATUS:CANCELLED" not in ics
    with pytest.raises(jadwal.InvalidArgumentError):
        plan.write_outputs(tmp_path / "x", "ics", replan_from=REPLAN)  # without previous
