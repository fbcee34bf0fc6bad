"""Solving, and the plan as Python objects."""

import datetime as dt
import json
import zoneinfo

import pytest

import jadwal
from conftest import MOVES

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")

METRICS = [
    "demand_total", "demand_placed", "participation_rate", "jp_target_employees", "jp_target_met",
    "jp_target_attainment", "disruption_minutes", "disruption_weighted", "after_hours_minutes",
    "max_after_hours_minutes_per_person_week", "max_unit_absence_ratio", "cohorts", "sessions",
    "study_blocks", "instructor_minutes", "hard_violations", "recording_placed", "top_up_placed", "top_up_jp",
    "assigned_duty_days", "assigned_duty_minutes", "days_in_lieu", "preference_misses",
    "jp_earned", "jp_planned", "jp_total",
]


def stable_json(plan):
    d = json.loads(plan.to_json())
    del d["elapsed_seconds"]  # the one field allowed to differ between identical runs
    return json.dumps(d, sort_keys=True)


def test_the_same_seed_and_move_limit_give_the_same_plan_twice(scenario):
    first = jadwal.solve(scenario, seed=7, max_moves=MOVES, policy="flexible")
    second = jadwal.solve(scenario, seed=7, max_moves=MOVES, policy="flexible")
    assert stable_json(first) == stable_json(second)
    assert first.seed == 7 and first.moves == MOVES


def test_a_plan_places_demand_and_reports_the_metrics_by_their_names(plan):
    assert plan.status in ("optimal", "feasible")
    assert plan.policy == "flexible" and plan.strategy == "optimized"
    assert list(plan.metrics) == METRICS
    assert plan.metrics == plan.to_dict()["metrics"]
    m = plan.metrics
    assert 0 < m["demand_placed"] <= m["demand_total"] == 18
    assert m["cohorts"] == len(plan.cohorts)
    assert m["sessions"] == sum(len(c.sessions) for c in plan.cohorts)
    assert m["study_blocks"] == len(plan.study_blocks)
    assert len({(u.employee, u.program) for u in plan.unplaced}) == m["demand_total"] - m["demand_placed"]
    assert set(plan.objective) == {"published", "participation", "stability", "burden", "cost", "breakdown", "per_unit"}
    assert plan.objective["published"] == plan.objective["stability"] == 0  # levels of strict re-plans only


def test_session_and_study_block_times_are_aware_datetimes_equal_to_the_solution_json(plan):
    doc = plan.to_dict()
    assert plan.cohorts and plan.study_blocks
    assert len(doc["cohorts"]) == len(plan.cohorts)
    for c, jc in zip(plan.cohorts, doc["cohorts"]):
        assert (c.id, c.program, c.mode, c.venue, c.platform) == (
            jc["id"], jc["program"], jc["mode"], jc["venue"], jc["platform"])
        assert list(c.participants) == jc["participants"]
        assert list(c.instructors) == jc["instructors"]
        assert len(c.sessions) == len(jc["sessions"])
        for s, js in zip(c.sessions, jc["sessions"]):
            assert s.start.tzinfo == JAKARTA and s.end.tzinfo == JAKARTA
            assert (s.start.isoformat(), s.end.isoformat()) == (js["start"], js["end"])
            assert (s.module, s.part) == (js["module"], js["part"])
            assert s.start < s.end
    assert len(doc["study_blocks"]) == len(plan.study_blocks)
    for b, jb in zip(plan.study_blocks, doc["study_blocks"]):
        assert b.start.tzinfo == JAKARTA
        assert b.start.utcoffset() == dt.timedelta(hours=7)
        assert (b.employee, b.program, b.module) == (jb["employee"], jb["program"], jb["module"])
        assert (b.start.isoformat(), b.end.isoformat()) == (jb["start"], jb["end"])


def test_unplaced_demand_comes_with_reason_codes_and_sentences(plan):
    assert plan.unplaced
    doc = plan.to_dict()["unplaced"]
    for u, ju in zip(plan.unplaced, doc):
        assert (u.employee, u.program) == (ju["employee"], ju["program"])
        assert u.reasons and all(r.code.startswith("R-") and r.message for r in u.reasons)
        assert [r.code for r in u.reasons] == [r["code"] for r in ju["reasons"]]
        assert len(u.alternatives) <= 3


def test_the_independent_checker_finds_no_violation_and_the_same_metrics(plan):
    report = jadwal.verify(plan)
    assert report.ok
    assert report.violations == [] and report.violations_by_code == {}
    assert report.metrics == plan.metrics
    assert report.metrics["hard_violations"] == 0
    assert {u["unit"] for u in report.units} >= {"bpkad", "rsud_igd"}


def test_a_plan_read_back_from_its_json_is_the_same_plan(scenario, plan):
    again = jadwal.solution_from_json(scenario, plan.to_json())
    a, b = plan.to_dict(), again.to_dict()
    for key in ("moves", "elapsed_seconds"):  # not part of the plan
        del a[key], b[key]
    assert a == b
    assert again.metrics == plan.metrics  # recomputed by the checker


def test_a_broken_solution_json_raises_solution_error_with_its_code(scenario):
    with pytest.raises(jadwal.SolutionError) as caught:
        jadwal.solution_from_json(scenario, '{"jadwal": 1, "cohorts": [', name="plan.json")
    assert isinstance(caught.value, ValueError)
    assert caught.value.code == "E-SOL-SYNTAX"
    assert caught.value.file == "plan.json"


def test_a_solution_naming_people_the_scenario_lacks_is_refused(scenario, plan):
    doc = plan.to_dict()
    doc["study_blocks"][0]["employee"] = "000000000000000000"
    with pytest.raises(jadwal.SolutionError) as caught:
        jadwal.solution_from_json(scenario, json.dumps(doc))
    assert "000000000000000000" in str(caught.value)


def test_explain_returns_the_employees_sessions_and_study_blocks(plan):
    cohort = plan.cohorts[0]
    person = cohort.participants[0]
    x = jadwal.explain(plan, person)
    assert x["employee"] == person
    starts = {t["start"] for t in x["trainings"]}
    assert all(s.start in starts for s in cohort.sessions)
    mine = [b for b in plan.study_blocks if b.employee == person]
    assert len(x["trainings"]) == sum(len(c.sessions) for c in plan.cohorts if person in c.participants) + len(mine)
    assert all(t["start"].tzinfo == JAKARTA for t in x["trainings"])
    assert x["placed_jp"] > 0


def test_explain_gives_reasons_for_unmet_demand_and_can_be_limited_to_one_programme(plan):
    u = plan.unplaced[0]
    x = plan.explain(u.employee, u.program)
    assert [d["program"] for d in x["unplaced"]] == [u.program]
    assert x["unplaced"][0]["reasons"][0]["code"].startswith("R-")
    assert all(t["program"] == u.program for t in x["trainings"])


def test_explain_refuses_unknown_people_and_programmes_with_key_errors(plan):
    with pytest.raises(KeyError, match="no employee 'nobody'"):
        jadwal.explain(plan, "nobody")
    with pytest.raises(jadwal.NotFoundError, match="no programme 'nothing'"):
        jadwal.explain(plan, plan.cohorts[0].participants[0], "nothing")


def test_bad_options_raise_value_errors_and_an_unknown_policy_a_key_error(scenario):
    with pytest.raises(jadwal.NotFoundError, match="no policy 'lavish'"):
        jadwal.solve(scenario, policy="lavish")
    for bad in (dict(strategy="greedy"), dict(threads=0), dict(time_limit=-1), dict(max_moves=-5),
                dict(replan_from="2026-06-01")):
        with pytest.raises(ValueError):
            jadwal.solve(scenario, **bad)
    with pytest.raises(jadwal.InvalidArgumentError, match="scenario must be a jadwal.Scenario, not str"):
        jadwal.solve("scenario.yaml")


@pytest.mark.parametrize("threads", [0, -1, 257, 1000, 2**70, "2", 2.0, None, True])
def test_a_thread_count_outside_1_to_256_is_an_invalid_argument_not_a_type_error(scenario, threads):
    with pytest.raises(jadwal.InvalidArgumentError, match="threads must be a whole number from 1 to 256") as e:
        jadwal.solve(scenario, threads=threads, max_moves=10, policy="flexible")
    assert not isinstance(e.value, TypeError)


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("seed", -1, "seed must be a whole number from 0 to"),
        ("seed", 2**64, "seed must be a whole number from 0 to"),
        ("seed", "7", "seed must be a whole number"),
        ("seed", 1.5, "seed must be a whole number"),
        ("max_moves", -5, "max_moves must be a whole number from 0"),
        ("max_moves", "many", "max_moves must be a whole number"),
        ("time_limit", -1, "time_limit must be a finite number of seconds"),
        ("time_limit", float("nan"), "time_limit must be a finite number of seconds"),
        ("time_limit", "soon", "time_limit must be a finite number of seconds"),
        ("progress_interval", 0, "progress_interval must be a finite number of seconds above 0"),
        ("policy", 3, "policy must be a policy id"),
        ("strategy", None, "strategy must be 'optimized' or 'baseline'"),
        ("previous", "plan.json", "previous must be a jadwal.Solution"),
        ("cancel", True, "cancel must be a jadwal.CancelToken"),
        ("progress", "print", "progress must be callable"),
        ("replan_from", 20260601, "replan_from must be a date, an aware datetime or a str"),
    ],
)
def test_every_wrong_solve_argument_is_an_invalid_argument_not_a_type_error(scenario, option, value, message):
    options = {"max_moves": 10, "policy": "flexible", option: value}
    with pytest.raises(jadwal.InvalidArgumentError, match=message) as e:
        jadwal.solve(scenario, **options)
    assert not isinstance(e.value, TypeError)


@pytest.mark.parametrize(
    "arguments, options, message",
    [
        (("plan.json", "out"), {}, "solution must be a jadwal.Solution"),
        ((None, 5), {}, "dir must be a path"),
        ((None, "out", 5), {}, "formats must be 'all' or names out of"),
        ((None, "out", ["json", 3]), {}, "formats must be 'all' or names out of"),
        ((None, "out", "ics"), {"reminders": [-1]}, "a reminder must be a whole number from 0 to 40320"),
        ((None, "out", "ics"), {"reminders": [2**70]}, "a reminder must be a whole number from 0 to 40320"),
        ((None, "out", "ics"), {"reminders": [True]}, "a reminder must be a whole number"),
        ((None, "out", "ics"), {"reminders": [1.5]}, "a reminder must be a whole number"),
        ((None, "out", "ics"), {"reminders": 30}, "reminders must be a list of minutes"),
        ((None, "out", "csv"), {"spreadsheet": 1}, "spreadsheet must be True, False or None"),
        ((None, "out", "ics"), {"dtstamp": 1767225600}, "dtstamp must be an aware datetime"),
        ((None, "out", "ics"), {"previous": "plan.json"}, "previous must be a jadwal.Solution"),
    ],
)
def test_every_wrong_write_outputs_argument_is_an_invalid_argument_and_nothing_is_written(
    plan, tmp_path, arguments, options, message
):
    arguments = tuple(plan if a is None else tmp_path / a if a == "out" else a for a in arguments)
    with pytest.raises(jadwal.InvalidArgumentError, match=message) as e:
        jadwal.write_outputs(*arguments, **options)
    assert not isinstance(e.value, (TypeError, AttributeError))
    assert not (tmp_path / "out").exists()


def test_a_plan_says_how_many_search_threads_ran(scenario):
    plan = jadwal.solve(scenario, threads=2, max_moves=MOVES, policy="flexible")
    assert plan.threads == 2
    assert plan.notes == []
    assert jadwal.solution_from_json(scenario, plan.to_json()).threads == 2


def test_the_baseline_strategy_and_several_threads_give_valid_plans(scenario):
    base = jadwal.solve(scenario, strategy="baseline", policy="flexible")
    assert base.strategy == "baseline"
    assert jadwal.verify(base).ok
    multi = jadwal.solve(scenario, threads=2, max_moves=MOVES, policy="flexible")
    assert jadwal.verify(multi).ok
    assert multi.metrics["demand_placed"] > 0


def test_a_replan_keeps_what_came_before_the_replan_date(scenario, plan):
    cut = dt.date(2026, 6, 1)
    again = jadwal.solve(scenario, policy="flexible", max_moves=MOVES, previous=plan, replan_from=cut)
    cut_at = dt.datetime(2026, 6, 1, tzinfo=JAKARTA)
    kept = {(b.employee, b.module, b.start) for b in plan.study_blocks if b.start < cut_at}
    assert kept <= {(b.employee, b.module, b.start) for b in again.study_blocks}
    report = jadwal.verify(again, previous=plan, replan_from=cut)
    assert report.ok


def test_a_strict_replan_changes_published_items_only_to_repair_or_to_place(scenario, plan):
    cut = dt.date(2026, 6, 1)
    strict = jadwal.solve(scenario, policy="flexible", max_moves=MOVES, previous=plan, replan_from=cut, stability="strict")
    assert strict.stability == "strict" and plan.stability is None
    report = jadwal.verify(strict, previous=plan, replan_from=cut)
    assert report.ok
    assert set(report.changes_by_reason) == {"repair", "placement", "other"}
    assert sum(report.changes_by_reason.values()) == report.changes
    assert report.changes_by_reason["other"] == 0
    assert report.objective["stability"] == pytest.approx(strict.objective["stability"])
    free = jadwal.solve(scenario, policy="flexible", max_moves=MOVES, previous=plan, replan_from=cut, stability="free")
    assert free.stability == "free" and jadwal.verify(free, previous=plan, replan_from=cut).ok


def test_a_stability_setting_needs_a_previous_plan_and_a_known_name(scenario, plan):
    with pytest.raises(jadwal.InvalidArgumentError, match="previous"):
        jadwal.solve(scenario, max_moves=10, stability="strict")
    with pytest.raises(jadwal.InvalidArgumentError, match="strict"):
        jadwal.solve(scenario, max_moves=10, previous=plan, stability="loose")


def test_days_off_in_lieu_come_as_dates_with_the_shift_they_free():
    from conftest import SOURCE_DIR
    ward = jadwal.load(SOURCE_DIR / "tests" / "data" / "duty" / "ward.yaml")
    plan = jadwal.solve(ward, seed=1, max_moves=MOVES, policy="duty")
    lieu = plan.days_in_lieu
    assert lieu, "the nurses' duty days earn days in lieu"
    assert len(lieu) == plan.metrics["days_in_lieu"]
    written = json.loads(plan.to_json())["days_in_lieu"]
    assert [(d.employee, d.earned.isoformat(), d.date.isoformat(), d.shift) for d in lieu] == [
        (w["employee"], w["earned"], w["date"], w["shift"]) for w in written
    ]
    assert all(d.earned < d.date <= d.earned + dt.timedelta(days=30) for d in lieu)
