"""Every wrong argument to a public function is a jadwal.InvalidArgumentError
(a ValueError) with a message naming the argument, never the binding layer's
TypeError or an AttributeError from deep inside the package."""

import datetime
import re

import pytest

import jadwal

from conftest import SMALL

TEXT = SMALL.read_text(encoding="utf-8")


def employee(plan):
    return plan.cohorts[0].participants[0]


# (what is called, the call, the start of the message as plain text)
CASES = [
    ("load(42)", lambda sc, plan: jadwal.load(42), "path must be a path (a str or os.PathLike), not 42"),
    ("load(None)", lambda sc, plan: jadwal.load(None), "path must be a path"),
    ("load(b'bytes')", lambda sc, plan: jadwal.load(bytes(SMALL)), "path must be a path"),
    ("load(base_dir=42)", lambda sc, plan: jadwal.load(SMALL, base_dir=42), "base_dir must be a path"),
    ("load(employees_csv=42)", lambda sc, plan: jadwal.load(SMALL, employees_csv=42),
     "employees_csv must be a list of (name, text) pairs"),
    ("load(employees_csv='a.csv')", lambda sc, plan: jadwal.load(SMALL, employees_csv="a.csv"),
     "employees_csv must be a list of (name, text) pairs"),
    ("load(employees_csv=[('a.csv',)])", lambda sc, plan: jadwal.load(SMALL, employees_csv=[("a.csv",)]),
     "employees_csv must be a list of (name, text) pairs"),
    ("load(employees_csv=[('a.csv', 5)])", lambda sc, plan: jadwal.load(SMALL, employees_csv=[("a.csv", 5)]),
     "the text of employees_csv 'a.csv' must be a str or UTF-8 bytes, not int"),
    ("load(employees_csv=[('a.csv', b'\\xff')])",
     lambda sc, plan: jadwal.load(SMALL, employees_csv=[("a.csv", b"\xff")]),
     "the text of employees_csv 'a.csv' must be UTF-8 text (invalid start byte at byte 0)"),
    ("loads(42)", lambda sc, plan: jadwal.loads(42), "text must be a str or UTF-8 bytes, not int"),
    ("loads(b'\\xff')", lambda sc, plan: jadwal.loads(b"\xff"), "text must be UTF-8 text"),
    ("loads(name=42)", lambda sc, plan: jadwal.loads(TEXT, name=42), "name must be a str, not 42"),
    ("loads(base_dir=42)", lambda sc, plan: jadwal.loads(TEXT, base_dir=42), "base_dir must be a path"),
    ("Scenario.employee(42)", lambda sc, plan: sc.employee(42), "id must be an employee id (a str), not 42"),
    ("Scenario.employee([])", lambda sc, plan: sc.employee([]), "id must be an employee id (a str), not []"),
    ("Scenario.add_leave(employee=42)", lambda sc, plan: sc.add_leave(42, "2026-03-02"),
     "employee must be a NIP (a str), not 42"),
    ("Scenario.add_leave(start=42)", lambda sc, plan: sc.add_leave(sc.employee_ids[0], 42),
     "start must be a datetime.date or an ISO date string, not 42"),
    ("Scenario.add_leave(end=[])", lambda sc, plan: sc.add_leave(sc.employee_ids[0], "2026-03-02", []),
     "end must be a datetime.date or an ISO date string, not []"),
    ("Scenario.add_leave(start=datetime)",
     lambda sc, plan: sc.add_leave(sc.employee_ids[0], datetime.datetime(2026, 3, 2)),
     "start must be a date, not a datetime"),
    ("Scenario.add_leave(why=42)", lambda sc, plan: sc.add_leave(sc.employee_ids[0], "2026-03-02", why=42),
     "why must be a str, not 42"),
    ("Scenario.restrict(sessions=42)", lambda sc, plan: sc.restrict(sessions=42),
     "sessions must be a list of dicts {program, module, start, seats}, not 42"),
    ("Scenario.restrict(sessions=[{}])", lambda sc, plan: sc.restrict(sessions=[{}]),
     "sessions must be a list of dicts"),
    ("Scenario.restrict(sessions={...})",
     lambda sc, plan: sc.restrict(sessions={"program": "p", "module": "m", "start": "2026-03-02T08:00", "seats": 1}),
     "sessions must be a list of dicts"),
    ("Scenario.restrict(platforms=[1])", lambda sc, plan: sc.restrict(platforms=[1]),
     "platforms must be a dict {platform id: lanes}, not [1]"),
    ("Scenario.restrict(platforms={'zoom': 'two'})", lambda sc, plan: sc.restrict(platforms={"zoom": "two"}),
     "lanes must be a whole numbe"),
    ("Scenario.restrict(instructors=42)", lambda sc, plan: sc.restrict(instructors=42),
     "instructors must be a dict {id: dates}, not 42"),
    ("Scenario.restrict(instructors={'a': 42})", lambda sc, plan: sc.restrict(instructors={"a": 42}),
     "instructors['a'] must be a list of dates, not 42"),
    ("Scenario.restrict(venues={'a': '2026-03-02'})", lambda sc, plan: sc.restrict(venues={"a": "2026-03-02"}),
     "venues['a'] must be a list of dates"),
    ("Scenario.restrict(venues={'a': [42]})", lambda sc, plan: sc.restrict(venues={"a": [42]}),
     "venue date must be a datetime.date or an ISO date string, not 42"),
    ("solve('scenario.yaml')", lambda sc, plan: jadwal.solve("scenario.yaml"),
     "scenario must be a jadwal.Scenario, not st"),
    ("solution_from_json('scenario.yaml', text)", lambda sc, plan: jadwal.solution_from_json("x", plan.to_json()),
     "scenario must be a jadwal.Scenario, not st"),
    ("solution_from_json(text=42)", lambda sc, plan: jadwal.solution_from_json(sc, 42),
     "text must be a str or UTF-8 bytes, not int"),
    ("solution_from_json(text=b'\\xff')", lambda sc, plan: jadwal.solution_from_json(sc, b"\xff"),
     "text must be UTF-8 text"),
    ("solution_from_json(name=42)", lambda sc, plan: jadwal.solution_from_json(sc, plan.to_json(), name=42),
     "name must be a str, not 42"),
    ("load_solution('scenario.yaml', path)", lambda sc, plan: jadwal.load_solution("x", "solution.json"),
     "scenario must be a jadwal.Scenario, not st"),
    ("load_solution(path=42)", lambda sc, plan: jadwal.load_solution(sc, 42), "path must be a path"),
    ("verify('plan.json')", lambda sc, plan: jadwal.verify("plan.json"),
     "solution must be a jadwal.Solution, not st"),
    ("verify(previous='plan.json')", lambda sc, plan: jadwal.verify(plan, previous="plan.json"),
     "previous must be a jadwal.Solution, not st"),
    ("Solution.verify(previous=3)", lambda sc, plan: plan.verify(previous=3),
     "previous must be a jadwal.Solution, not int"),
    ("verify(replan_from=20260601)", lambda sc, plan: jadwal.verify(plan, replan_from=20260601),
     "replan_from must be a date, an aware datetime or a str, not 20260601"),
    ("verify(language=5)", lambda sc, plan: jadwal.verify(plan, language=5),
     "language must be 'id', 'en' or None, not 5"),
    ("verify(attendance=42)", lambda sc, plan: jadwal.verify(plan, previous=plan, replan_from="2026-06-01",
                                                             attendance=42),
     "attendance must be a path (a str or os.PathLike), not 42"),
    ("verify(attendance=) without previous", lambda sc, plan: jadwal.verify(plan, attendance="records.csv"),
     "attendance needs previous and replan_from"),
    ("solve(attendance=b'records.csv')", lambda sc, plan: jadwal.solve(sc, previous=plan, replan_from="2026-06-01",
                                                                       attendance=b"records.csv"),
     "attendance must be a path (a str or os.PathLike), not b'records.csv'"),
    ("solve(attendance=) without replan_from", lambda sc, plan: jadwal.solve(sc, previous=plan,
                                                                             attendance="records.csv"),
     "attendance needs previous and replan_from"),
    ("explain('plan.json', employee)", lambda sc, plan: jadwal.explain("plan.json", employee(plan)),
     "solution must be a jadwal.Solution, not st"),
    ("explain(employee=42)", lambda sc, plan: jadwal.explain(plan, 42), "employee must be a NIP (a str), not 42"),
    ("Solution.explain(employee=None)", lambda sc, plan: plan.explain(None),
     "employee must be a NIP (a str), not None"),
    ("explain(program=42)", lambda sc, plan: jadwal.explain(plan, employee(plan), 42),
     "program must be a programme id (a str) or None, not 42"),
    ("explain(language=5)", lambda sc, plan: jadwal.explain(plan, employee(plan), language=5),
     "language must be 'id', 'en' or None, not 5"),
    ("Messages(42)", lambda sc, plan: jadwal.Messages(42), "language must be 'id' or 'en' (a str), not 42"),
    ("Messages.tr(42)", lambda sc, plan: jadwal.Messages("id").tr(42), "id must be the English text (a str), not 42"),
    ("Messages.tr_in(context=None)", lambda sc, plan: jadwal.Messages("id").tr_in(None, "x"),
     "context must be a str, not None"),
    ("Messages.number('5')", lambda sc, plan: jadwal.Messages("id").number("5"), "n must be a whole number"),
    ("Messages.number(1.5)", lambda sc, plan: jadwal.Messages("id").number(1.5), "n must be a whole number"),
    ("Messages.decimal('x', 1)", lambda sc, plan: jadwal.Messages("id").decimal("x", 1), "x must be a number, not 'x'"),
    ("Messages.decimal(1.5, '1')", lambda sc, plan: jadwal.Messages("id").decimal(1.5, "1"),
     "decimals must be a whole number"),
    ("Messages.percent(None)", lambda sc, plan: jadwal.Messages("id").percent(None),
     "ratio must be a number, not None"),
]


@pytest.mark.parametrize("call, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_argument_to_any_public_function_is_an_invalid_argument_naming_it(scenario, plan, call, message):
    with pytest.raises(jadwal.InvalidArgumentError, match=re.escape(message)) as e:
        call(scenario, plan)
    assert isinstance(e.value, ValueError)
    assert not isinstance(e.value, (TypeError, AttributeError))


def test_the_message_catalogue_still_writes_figures_the_language_s_way():
    m = jadwal.Messages("id")
    assert (m.number(5179655), m.decimal(2.25, 1), m.percent(0.655), m.percent(0.5, 12)) == (
        "5.179.655", "2,2", "65,5%", "50,000000000%")
    assert jadwal.Messages("en").tr("error") == "error"


def test_a_scenario_refused_for_a_wrong_argument_is_left_as_it_was(scenario, plan):
    def planned():
        out = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=2_000).to_dict()
        del out["elapsed_seconds"]  # the one field allowed to differ between identical runs
        return out

    before = planned()
    for call in (
        lambda: scenario.restrict(platforms={"zoom": 1}, venues={"a": [42]}),
        lambda: scenario.add_leave(scenario.employee_ids[0], "2026-03-02", why=42),
    ):
        with pytest.raises(jadwal.InvalidArgumentError):
            call()
    assert planned() == before
