"""Loading scenarios: what a loaded scenario tells, and how load errors arrive."""

import datetime as dt
import re
import zoneinfo

import pytest

import jadwal
from conftest import BAD, SMALL


def test_the_small_example_loads_with_its_people_programmes_and_policies(scenario):
    assert scenario.name == "Batanghari pilot 2026"
    assert scenario.timezone == zoneinfo.ZoneInfo("Asia/Jakarta")
    assert scenario.horizon == (dt.date(2026, 1, 5), dt.date(2026, 12, 18))
    assert len(scenario.employees) == len(scenario.employee_ids) == 16
    assert len(set(scenario.employee_ids)) == 16
    assert "198203142006041002" in scenario.employee_ids
    siti = scenario.employee("198203142006041002")
    assert siti.unit == "bpkad" and siti.status == "pns" and siti.jp_target == 20
    assert [p.id for p in scenario.policies] == ["classroom_only", "flexible"]
    keuda = next(p for p in scenario.programs if p.id == "keuda")
    assert keuda.jp == sum(m.jp for m in keuda.modules) > 0
    assert "classroom" in keuda.modes
    assert {u.id for u in scenario.units} >= {"bpkad", "sdn_12", "rsud_igd"}
    assert scenario.demand_count == 18
    assert all(not d.is_error for d in scenario.diagnostics)


def test_a_scenario_loads_from_a_string_as_from_its_file(small_path):
    from_text = jadwal.loads(small_path.read_text(encoding="utf-8"), base_dir=small_path.parent)
    from_file = jadwal.load(small_path)
    assert from_text.employee_ids == from_file.employee_ids
    assert [p.id for p in from_text.programs] == [p.id for p in from_file.programs]


def test_an_unknown_employee_is_a_key_error_naming_the_id(scenario):
    with pytest.raises(KeyError) as caught:
        scenario.employee("123")
    assert isinstance(caught.value, jadwal.NotFoundError)
    assert str(caught.value) == "no employee '123' in the scenario"


def test_a_yaml_syntax_error_raises_scenario_error_at_its_line_and_column():
    with pytest.raises(jadwal.ScenarioError) as caught:
        jadwal.loads("jadwal: 1\nunits: [a, b\nemployees: []\n", name="inline.yaml")
    e = caught.value
    assert (e.code, e.file, e.line, e.column) == ("E-YAML-SYNTAX", "inline.yaml", 3, 10)
    assert str(e).startswith("inline.yaml:3:10: error: ")
    assert [d.code for d in e.diagnostics] == ["E-YAML-SYNTAX"]
    assert isinstance(e, jadwal.Error)


def test_a_file_with_several_errors_names_the_first_and_carries_them_all():
    with pytest.raises(jadwal.ScenarioError) as caught:
        jadwal.load(BAD / "many_errors.yaml")
    e = caught.value
    assert [d.code for d in e.errors] == ["E-NUMBER", "E-REF-PATTERN", "E-NUMBER", "E-DATE", "E-KEY-UNKNOWN", "E-ENUM"]
    assert (e.code, e.line, e.column) == ("E-NUMBER", 9, 67)
    assert e.file.endswith("many_errors.yaml")
    assert re.match(r".*many_errors\.yaml:9:67: error: .* \[E-NUMBER\].*\(and 5 more errors\)$", str(e))


def test_a_missing_file_is_a_scenario_error_without_a_line():
    with pytest.raises(jadwal.ScenarioError) as caught:
        jadwal.load(SMALL.parent / "no_such_scenario.yaml")
    assert caught.value.code == "E-FILE"
    assert caught.value.line is None and caught.value.column is None


_EXPECT = re.compile(r"^# expect: (\S+) (?:(\S+):)?(\d+):(\d+)\s*$")


def _expectations(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _EXPECT.match(line)
        if m:
            out.append((m[1], m[2] or path.name, int(m[3]), int(m[4])))
    return sorted(out)


def _found(diagnostics):
    return sorted((d.code, d.file.rsplit("/", 1)[-1], d.line or 0, d.column or 0) for d in diagnostics if d.severity != "note")


@pytest.mark.parametrize("fixture", sorted(BAD.glob("*.yaml")), ids=lambda p: p.name)
def test_each_bad_fixture_loaded_from_a_string_reports_the_codes_and_positions_it_expects(fixture):
    want = _expectations(fixture)
    assert want, "the fixture states what it expects"
    text = fixture.read_text(encoding="utf-8")
    if any(code.startswith("E-") for code, *_ in want):
        with pytest.raises(jadwal.ScenarioError) as caught:
            jadwal.loads(text, name=fixture.name, base_dir=BAD)
        e = caught.value
        assert _found(e.diagnostics) == want
        first = e.errors[0]
        assert (e.code, e.file, e.line, e.column) == (first.code, first.file, first.line, first.column)
        assert str(e).startswith(str(first).split(": error: ")[0] + ": error: ")
    else:
        s = jadwal.loads(text, name=fixture.name, base_dir=BAD)
        assert _found(s.diagnostics) == want


def test_leave_is_checked_and_only_later_plans_see_it(scenario):
    with pytest.raises(jadwal.NotFoundError):
        scenario.add_leave("nobody", "2026-07-06", "2026-07-10")
    with pytest.raises(ValueError):
        scenario.add_leave("198203142006041002", "2026-07-10", "2026-07-06")
    with pytest.raises(ValueError):
        scenario.add_leave("198203142006041002", "2026-02-30")

    before = jadwal.solve(scenario, policy="flexible", max_moves=5_000)
    person = before.study_blocks[0].employee
    start, end = scenario.horizon
    scenario.add_leave(person, start, end)  # away all year
    after = jadwal.solve(scenario, policy="flexible", max_moves=5_000)

    assert any(b.employee == person for b in before.study_blocks)  # the earlier plan is unchanged
    assert not any(b.employee == person for b in after.study_blocks)
    assert not any(person in c.participants for c in after.cohorts)
    fresh = jadwal.solve(jadwal.load(SMALL), policy="flexible", max_moves=5_000)
    assert _stable(before) == _stable(fresh)


def _stable(plan):
    d = plan.to_dict()
    del d["elapsed_seconds"]  # the one field allowed to differ between identical runs
    return d


def test_employees_from_an_hr_export_are_added_and_a_known_nip_is_replaced(small_path):
    export = (
        "nip,name,unit,status,jp_target,after_hours,weekend\n"
        "199909092024011001,Rina Marlina,bpkad,pns,20,true,false\n"
        "198203142006041002,Siti Rahmawati,bpkad,pns,32,true,false\n"
    )
    before = jadwal.load(small_path)
    after = jadwal.load(small_path, employees_csv=[("hr_export.csv", export)])
    assert len(after.employee_ids) == len(before.employee_ids) + 1
    assert after.employee("199909092024011001").name == "Rina Marlina"
    assert after.employee("198203142006041002").jp_target == 32  # was 20: replaced in place
    assert after.employee_ids.index("198203142006041002") == before.employee_ids.index("198203142006041002")
    # The string loader takes the same rows.
    text = jadwal.loads(small_path.read_text(encoding="utf-8"), base_dir=small_path.parent,
                        employees_csv=[("hr_export.csv", export.encode("utf-8"))])
    assert text.employee_ids == after.employee_ids


def test_a_bad_row_of_an_hr_export_is_reported_at_its_line_and_column(small_path):
    export = "nip,name,unit,status\n199909092024011003,Budi Santoso,bpkda,pns\n"
    with pytest.raises(jadwal.ScenarioError) as caught:
        jadwal.load(small_path, employees_csv=[("hr_export.csv", export)])
    first = caught.value
    assert (first.code, first.file, first.line) == ("E-REF-UNIT", "hr_export.csv", 2)
    assert first.column == export.splitlines()[1].index("bpkda") + 1


_CONFINED = """jadwal: 1
scenario: {name: t, from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns: {office: {week: {mon-fri: [08:00-16:00]}}}
units: [{id: bpkad, pattern: office}]
employees: {csv: ../outside.csv}
programs: [{id: p1, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced}]}]
demand: [{program: p1, where: {unit: bpkad}}]
"""


def test_confine_files_refuses_a_file_outside_the_scenario_folder_at_the_reference(tmp_path):
    (tmp_path / "outside.csv").write_text("nip,name,unit,status\n198203142006041002,Siti,bpkad,pns\n")
    folder = tmp_path / "scenario"
    folder.mkdir()
    path = folder / "s.yaml"
    path.write_text(_CONFINED)
    assert jadwal.load(path).employee_ids == ["198203142006041002"]  # not confined: read
    with pytest.raises(jadwal.ScenarioError) as caught:
        jadwal.load(path, confine_files=True)
    e = caught.value
    assert (e.code, e.file, e.line, e.column) == ("E-FILE-OUTSIDE", str(path), 6, 18)
    assert "outside the scenario's folder" in str(e)
    # From text the folder is base_dir.
    assert jadwal.loads(_CONFINED, base_dir=folder).employee_ids == ["198203142006041002"]
    with pytest.raises(jadwal.ScenarioError) as caught:
        jadwal.loads(_CONFINED, "inline.yaml", base_dir=folder, confine_files=True)
    assert caught.value.code == "E-FILE-OUTSIDE"
    inside = _CONFINED.replace("../outside.csv", "staff.csv")
    (folder / "staff.csv").write_text("nip,name,unit,status\n198203142006041002,Siti,bpkad,pns\n")
    assert jadwal.loads(inside, base_dir=folder, confine_files=True).employee_ids == ["198203142006041002"]
