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


def test_organizer_and_csv_bom_come_from_the_outputs_section_unless_given(tmp_path):
    plan = jadwal.solve(
        _scenario("outputs:\n  default_organizer: BKPSDMD Batanghari\n  csv_bom: true\n"), seed=1, max_moves=200
    )
    jadwal.write_outputs(plan, tmp_path / "scenario", "csv")
    sheet = (tmp_path / "scenario" / "siasn_courses.csv").read_bytes()
    assert sheet.startswith(b"\xef\xbb\xbf")  # csv_bom: true
    assert b"BKPSDMD Batanghari" in sheet  # minimal.yaml's programme has no organizer
    jadwal.write_outputs(plan, tmp_path / "given", "csv", organizer="Diklat Provinsi Jambi", csv_bom=False)
    given = (tmp_path / "given" / "siasn_courses.csv").read_bytes()
    assert not given.startswith(b"\xef\xbb\xbf")
    assert b"Diklat Provinsi Jambi" in given and b"BKPSDMD Batanghari" not in given
    jadwal.write_outputs(plan, tmp_path / "none", "csv", organizer="")
    assert b"BKPSDMD Batanghari" not in (tmp_path / "none" / "siasn_courses.csv").read_bytes()


def test_organizer_and_csv_bom_given_to_a_scenario_without_them(tmp_path):
    plan = jadwal.solve(_scenario(""), seed=1, max_moves=200)
    jadwal.write_outputs(plan, tmp_path / "plain", "csv")
    plain = (tmp_path / "plain" / "siasn_courses.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and b"Diklat Provinsi Jambi" not in plain
    jadwal.write_outputs(plan, tmp_path / "given", "csv", organizer="Diklat Provinsi Jambi", csv_bom=True)
    given = (tmp_path / "given" / "siasn_courses.csv").read_bytes()
    assert given.startswith(b"\xef\xbb\xbf") and b"Diklat Provinsi Jambi" in given


@pytest.mark.parametrize(
    "options",
    [{"organizer": 3}, {"organizer": "BKPSDMD\r\nX"}, {"csv_bom": 1}, {"csv_bom": "yes"}],
)
def test_a_wrong_organizer_or_csv_bom_is_an_invalid_argument(sectioned_plan, tmp_path, options):
    with pytest.raises(jadwal.InvalidArgumentError):
        jadwal.write_outputs(sectioned_plan, tmp_path / "bad", "csv", **options)
    assert not (tmp_path / "bad").exists()
