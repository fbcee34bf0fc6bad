"""Publishing a plan."""

import pytest

import jadwal


def test_write_outputs_writes_every_output_file(plan, tmp_path):
    out = jadwal.write_outputs(plan, tmp_path / "out")
    assert out == tmp_path / "out"
    for name in ("solution.json", "schedule.csv", "siasn_courses.csv", "report.html"):
        assert (out / name).stat().st_size > 0, name
    assert list((out / "calendars").rglob("*.ics"))
    assert (out / "solution.json").read_text(encoding="utf-8") == plan.to_json()


def test_write_outputs_writes_only_the_formats_asked_for(plan, tmp_path):
    plan.write_outputs(tmp_path, ["json", "csv"])
    # Beside jadwal's own folder of published sets (docs/outputs.md "Publishing").
    assert sorted(p.name for p in tmp_path.iterdir()) == [".jadwal", "schedule.csv", "siasn_courses.csv", "solution.json"]
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
