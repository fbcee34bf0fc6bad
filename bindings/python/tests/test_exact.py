"""The exact model (``jadwal solve --exact``, src/solve/README.md) from Python:
solve(exact=True) proves tests/data/good/exact_small.yaml's plan optimal, a
scenario the model does not hold raises SolveError naming the rule, and an
exact_seconds that is not above 0 is an InvalidArgumentError."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import jadwal
from conftest import SOURCE_DIR

GOOD = SOURCE_DIR / "tests" / "data" / "good"
JAKARTA = ZoneInfo("Asia/Jakarta")


def solve(scenario, **options):
    return jadwal.solve(scenario, policy="only", seed=1, max_moves=2000, **options)


@pytest.fixture(scope="module")
def small():
    # Three people, one slot: Wednesday 3 June 09:00-10:30 (the file says why that is best).
    return jadwal.load(GOOD / "exact_small.yaml")


def test_exact_proves_the_one_cohort_on_wednesday_morning_optimal(small):
    plan = solve(small, exact=True)
    assert plan.status == "optimal"
    assert [(c.program, c.mode, sorted(c.participants)) for c in plan.cohorts] == [
        ("p", "online_live", ["199001012020011001", "199001012020011002", "199001012020011003"])
    ]
    (session,) = plan.cohorts[0].sessions
    assert session.start == dt.datetime(2026, 6, 3, 9, 0, tzinfo=JAKARTA)
    assert session.end == dt.datetime(2026, 6, 3, 10, 30, tzinfo=JAKARTA)
    objective = plan.objective
    assert (objective["participation"], objective["burden"], objective["cost"]) == (0.0, 270.0, 100.0)
    assert any("proven optimal" in note for note in plan.notes)
    assert jadwal.verify(plan).ok


def test_the_search_alone_finds_the_same_plan_but_does_not_call_it_optimal(small):
    plan = solve(small)
    assert plan.status == "feasible"
    assert plan.objective["burden"] == 270.0


def test_a_short_exact_time_box_still_proves_the_small_scenario(small):
    assert solve(small, exact=True, exact_seconds=5).status == "optimal"


def test_exact_refuses_a_scenario_too_large_for_it_with_a_solve_error():
    # tests/data/good/makeups.yaml's course has live modules of several sessions
    # over weeks: more schedules and seats than the exact model takes.
    scenario = jadwal.load(GOOD / "makeups.yaml")
    with pytest.raises(jadwal.SolveError) as refused:
        solve(scenario, exact=True)
    message = str(refused.value)
    assert "the exact model (--exact) would need more than" in message
    assert "solve without --exact" in message
    assert solve(scenario).status in ("feasible", "optimal")


def test_exact_refuses_a_re_plan_naming_the_rule_in_the_language_asked_for(small):
    published = solve(small)
    with pytest.raises(jadwal.SolveError, match="does not hold re-planning against a previous plan"):
        solve(small, exact=True, previous=published, replan_from="2026-06-02")
    with pytest.raises(jadwal.SolveError, match="perencanaan ulang terhadap rencana sebelumnya"):
        solve(small, exact=True, previous=published, replan_from="2026-06-02", language="id")


@pytest.mark.parametrize("seconds", [0, -1, 0.0, float("nan"), float("inf"), True])
def test_an_exact_seconds_that_is_not_a_positive_number_is_an_invalid_argument(small, seconds):
    with pytest.raises(jadwal.InvalidArgumentError, match="exact_seconds"):
        solve(small, exact=True, exact_seconds=seconds)


def test_exact_must_be_true_or_false(small):
    with pytest.raises(jadwal.InvalidArgumentError, match="exact must be True or False"):
        solve(small, exact=1)


def test_the_native_module_rejects_a_non_positive_exact_seconds_itself(small):
    # The one check of the search options (threads, limits, exact_seconds) in the module,
    # for callers of jadwal._jadwal that skip the Python wrapper's.
    from jadwal import _jadwal

    with pytest.raises(jadwal.InvalidArgumentError, match="exact_seconds"):
        _jadwal.solve(small._native, 1, None, 2000, 1, "only", "optimized", None, None, None, 0.25, None, None,
                      None, None, "", True, 0.0)
