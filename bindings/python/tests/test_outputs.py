"""Publishing a plan."""

import pytest

import jadwal


def test_write_outputs_writes_every_output_file(plan, tmp_path):
    out = jadwal.write_outputs(plan, tmp_path / "out")
    assert out == tmp_path / "out"
    for name in ("solution.json", "schedule.csv", "siasn_courses.csv", "unplaced.csv", "report.html"):
        assert (out / name).stat().st_size > 0, name
    assert list((out / "calendars").rglob("*.ics"))
    assert (out / "solution.json").read_text(encoding="utf-8") == plan.to_json()


def test_write_outputs_writes_only_the_formats_asked_for(plan, tmp_path):
    plan.write_outputs(tmp_path, ["json", "csv"])
    # Beside jadwal's own folder of published sets (docs/outputs.md "Publishing").
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".jadwal", "at_risk.csv", "schedule.csv", "siasn_courses.csv", "solution.json", "unplaced.csv"
    ]
    header = (tmp_path / "schedule.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "NIP" in header.upper() or "nip" in header


def test_a_plan_written_out_loads_back_as_the_same_plan(scenario, plan, tmp_path):
    plan.write_outputs(tmp_path, "json")
    again = jadwal.load_solution(scenario, tmp_path / "solution.json")
    assert again.to_dict()["cohorts"] == plan.to_dict()["cohorts"]
    assert again.metrics == plan.metrics


def test_an_unknown_format_is_a_value_error(plan, tmp_path):
    with pytest.raises(ValueError, match="formats 'pdf'"):
        jadwal.write_outputs(plan, tmp_path, "pdf")
    with pytest.raises(ValueError):
        jadwal.write_outputs(plan, tmp_path, [])
    assert not list(tmp_path.iterdir())


def test_a_directory_that_cannot_be_made_is_an_output_error(plan, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a directory")
    with pytest.raises(jadwal.OutputError) as caught:
        jadwal.write_outputs(plan, blocker / "out")
    assert isinstance(caught.value, OSError)
    assert "a_file" in str(caught.value)


def _someone_with_training(plan):
    return next(p for c in plan.cohorts for p in c.participants)


def test_one_persons_calendar_is_the_file_write_outputs_writes(plan, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the same DTSTAMP for both
    nip = _someone_with_training(plan)
    jadwal.write_outputs(plan, tmp_path, "ics")
    publish, cancel = jadwal.employee_calendar(plan, nip)
    assert (tmp_path / "calendars" / "employees" / f"{nip}.ics").read_bytes().decode("utf-8") == publish
    assert "DTSTAMP:20260101T000000Z" in publish
    assert cancel == ""


def test_the_calendar_options_reach_the_text(plan):
    import datetime as dt

    nip = _someone_with_training(plan)
    stamp = dt.datetime(2026, 1, 2, 7, 0, 59, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    publish, cancel = jadwal.employee_calendar(
        plan, nip, uid_domain="bkpsdmd.example.go.id", product_id="-//BKPSDMD//portal//ID", dtstamp=stamp,
        previous=plan,
    )
    assert "@bkpsdmd.example.go.id" in publish
    assert "PRODID:-//BKPSDMD//portal//ID" in publish
    assert "DTSTAMP:20260102T000000Z" in publish
    assert cancel == ""  # the same plan again: nothing lost


@pytest.mark.parametrize(
    "employee, options, error",
    [
        ("000000000000000000", {}, jadwal.NotFoundError),
        (42, {}, jadwal.InvalidArgumentError),
        (None, {"uid_domain": 3}, jadwal.InvalidArgumentError),
        (None, {"dtstamp": "2026-01-01"}, jadwal.InvalidArgumentError),
        (None, {"previous": "plan.json"}, jadwal.InvalidArgumentError),
    ],
)
def test_a_wrong_calendar_request_is_a_typed_jadwal_error(plan, employee, options, error):
    who = _someone_with_training(plan) if employee is None else employee
    with pytest.raises(error):
        jadwal.employee_calendar(plan, who, **options)


def test_write_outputs_takes_the_calendar_options_too(plan, tmp_path):
    import datetime as dt

    nip = _someone_with_training(plan)
    stamp = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
    jadwal.write_outputs(plan, tmp_path, ["ics"], uid_domain="kab.example.go.id", dtstamp=stamp)
    written = (tmp_path / "calendars" / "employees" / f"{nip}.ics").read_bytes().decode("utf-8")
    assert "@kab.example.go.id" in written
    assert written == jadwal.employee_calendar(plan, nip, uid_domain="kab.example.go.id", dtstamp=stamp)[0]
    with pytest.raises(jadwal.InvalidArgumentError):
        jadwal.write_outputs(plan, tmp_path, "ics", uid_domain="")
