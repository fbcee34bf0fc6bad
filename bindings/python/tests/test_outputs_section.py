"""The scenario's ``outputs`` section in Python: write_outputs and
employee_calendar take its UID domain, PRODID, reminders and CSV options for
what they are not given; an argument given wins."""

import pytest

import jadwal

from conftest import SOURCE_DIR

NIP = "198203142006041002"

SECTION = """outputs:
  uid_domain: bkpsdmd.batangharikab.go.id
  product_id: "-//BKPSDMD Batanghari//jadwal//ID"
  reminders: [2h]
  spreadsheet: true
  default_organizer: BKPSDMD Batanghari
"""


def _scenario(section: str) -> jadwal.Scenario:
    text = (SOURCE_DIR / "tests" / "data" / "good" / "minimal.yaml").read_text(encoding="utf-8")
    return jadwal.loads(text + section, "outputs.yaml")


@pytest.fixture(scope="module")
def sectioned_plan() -> jadwal.Solution:
    return jadwal.solve(_scenario(SECTION), seed=1, max_moves=200)


def test_employee_calendar_uses_the_scenarios_outputs_section(sectioned_plan):
    publish, _ = jadwal.employee_calendar(sectioned_plan, NIP)
    assert "BEGIN:VEVENT" in publish
    assert "@bkpsdmd.batangharikab.go.id\r\n" in publish
    assert "@jadwal\r\n" not in publish
    assert "PRODID:-//BKPSDMD Batanghari//jadwal//ID\r\n" in publish
    assert "TRIGGER:-PT2H\r\n" in publish and "TRIGGER:-P1D\r\n" not in publish


def test_an_argument_given_wins_over_the_outputs_section(sectioned_plan, tmp_path):
    publish, _ = jadwal.employee_calendar(sectioned_plan, NIP, uid_domain="portal.example.go.id", reminders=[])
    assert "@portal.example.go.id\r\n" in publish
    assert "bkpsdmd.batangharikab.go.id" not in publish
    assert "PRODID:-//BKPSDMD Batanghari//jadwal//ID\r\n" in publish  # not given: the scenario's
    assert "BEGIN:VALARM" not in publish
    jadwal.write_outputs(sectioned_plan, tmp_path / "sheet", "csv,ics")
    sheet = (tmp_path / "sheet" / "siasn_courses.csv").read_bytes()
    assert sheet.startswith(b"\xef\xbb\xbf") and b";" in sheet  # spreadsheet: true
    assert b"BKPSDMD Batanghari" in sheet  # default_organizer
    ics = (tmp_path / "sheet" / "calendars" / "employees" / f"{NIP}.ics").read_text(encoding="utf-8")
    assert "@bkpsdmd.batangharikab.go.id" in ics
    jadwal.write_outputs(sectioned_plan, tmp_path / "plain", "csv", spreadsheet=False)
    plain = (tmp_path / "plain" / "siasn_courses.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and b";" not in plain.splitlines()[0]


def test_a_bad_outputs_section_is_a_scenario_error_with_its_position():
    with pytest.raises(jadwal.ScenarioError) as caught:
        _scenario('outputs:\n  uid_domain: "a.go.id\\r\\nX: 1"\n')
    e = caught.value
    assert (e.code, e.line, e.column) == ("E-ADDRESS", 20, 15)
