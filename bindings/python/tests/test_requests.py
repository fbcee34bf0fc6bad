"""Change requests from individuals (docs/requests.md) answered from Python:
jadwal.answer_requests re-plans the published plan under strict stability."""

import datetime as dt
import json

import pytest

import jadwal
from conftest import MOVES, SOURCE_DIR

REQUESTS = SOURCE_DIR / "examples" / "requests" / "requests.csv"
REPLAN = "2026-06-01"
MARKET_DAY = "199406062020122007"  # not_on 2026-06-03 for pelayanan_prima (examples/requests)


def answer(scenario, plan, **options):
    options.setdefault("replan_from", REPLAN)
    return jadwal.answer_requests(scenario, plan, REQUESTS, policy="flexible", seed=1, max_moves=MOVES, **options)


def training_days(solution, nip, program):
    """The local days of the person's sessions and study blocks for the programme."""
    days = [b.start.date() for b in solution.study_blocks if b.employee == nip and b.program == program]
    for c in solution.cohorts:
        if c.program == program and nip in c.participants:
            days += [s.start.astimezone(solution.scenario.employee(nip).timezone).date() for s in c.sessions]
    return days


def stable_json(plan):
    d = json.loads(plan.to_json())
    del d["elapsed_seconds"]  # the one field allowed to differ between identical runs
    return json.dumps(d, sort_keys=True)


def cohort_of(solution, nip, program):
    found = [c for c in solution.cohorts if c.program == program and nip in c.participants]
    return found[0] if len(found) == 1 else None


def test_a_granted_not_on_request_keeps_the_person_in_training_but_off_that_day(scenario, plan):
    out = answer(scenario, plan)
    first = out.answers[0]
    assert (first.nip, first.program, first.request, first.value) == (MARKET_DAY, "pelayanan_prima", "not_on",
                                                                        "2026-06-03")
    assert first.granted and first.code == "" and 1 <= first.round <= out.rounds <= 3
    market_day = dt.date(2026, 6, 3)
    assert market_day in training_days(plan, MARKET_DAY, "pelayanan_prima")  # the published plan trains them then
    after = training_days(out.plan, MARKET_DAY, "pelayanan_prima")
    assert after and market_day not in after
    assert out.plan.stability == "strict"
    assert not out.plan.verify(previous=plan, replan_from=REPLAN).violations


def test_the_outcome_counts_the_answers_and_writes_requests_csv_as_the_cli_does(scenario, plan):
    out = answer(scenario, plan)
    assert len(out.answers) == 3
    assert sum(a.granted for a in out.answers) == 2  # as the examples' ctest: 2 granted, 1 refused
    lines = out.csv.split("\r\n")
    assert lines[0] == "nip,program,request,value,reason,answer,code,explanation,alternative"
    assert len(lines) == 5 and lines[-1] == ""
    for line, a in zip(lines[1:4], out.answers):
        assert line.startswith(f"{a.nip},{a.program},{a.request},{a.value},")
        assert (",granted," if a.granted else ",refused,") in line
    assert out.settled
    assert all(isinstance(nip, str) for nip in out.affected)
    assert MARKET_DAY in out.affected


def test_a_refused_request_says_why_and_the_person_keeps_their_published_seat(scenario, plan):
    out = answer(scenario, plan)
    refused = [a for a in out.answers if not a.granted]
    assert len(refused) == 1
    r = refused[0]
    assert r.code.startswith("R-") and r.explanation and r.alternative
    before = cohort_of(plan, r.nip, r.program)
    after = cohort_of(out.plan, r.nip, r.program)
    assert before is not None and after is not None
    assert (after.id, [(s.start, s.end) for s in after.sessions]) == (
        before.id,
        [(s.start, s.end) for s in before.sessions],
    )


def test_requests_given_as_text_or_bytes_are_answered_as_the_file(scenario, plan):
    from_file = answer(scenario, plan)
    text = REQUESTS.read_text(encoding="utf-8")
    from_text = jadwal.answer_requests(scenario, plan, requests_text=text, replan_from=REPLAN, policy="flexible",
                                       seed=1, max_moves=MOVES)
    from_bytes = jadwal.answer_requests(scenario, plan, requests_text=text.encode("utf-8"), replan_from=REPLAN,
                                        policy="flexible", seed=1, max_moves=MOVES)
    assert from_text.answers == from_file.answers == from_bytes.answers
    assert from_text.csv == from_file.csv


def test_the_same_files_seed_and_move_limit_give_the_same_plan_and_answers(scenario, plan):
    a = answer(scenario, plan)
    b = answer(scenario, plan)
    assert stable_json(a.plan) == stable_json(b.plan)
    assert a.answers == b.answers and a.csv == b.csv and a.affected == b.affected and a.rounds == b.rounds


def test_the_explanations_follow_the_language_and_the_machine_names_do_not(scenario, plan):
    en = answer(scenario, plan, language="en")
    id_ = answer(scenario, plan, language="id")
    assert [(a.granted, a.code, a.request) for a in en.answers] == [(a.granted, a.code, a.request) for a in id_.answers]
    assert [a.explanation for a in en.answers] != [a.explanation for a in id_.answers]
    assert id_.csv.split("\r\n")[0] == en.csv.split("\r\n")[0]


def test_an_error_in_the_requests_file_raises_with_its_file_line_column_and_code(scenario, plan):
    text = (
        "nip,program,request,value,reason\n"
        f"{MARKET_DAY},pelayanan_prima,not_on,2026-06-03,hari pasar\n"
        f"{MARKET_DAY},pelayanan_prima,not_on,2026-02-30,x\n"
        "000,pelayanan_prima,not_on,2026-08-28,y\n"
    )
    with pytest.raises(jadwal.ScenarioError) as info:
        jadwal.answer_requests(scenario, plan, requests_text=text, name="mine.csv", replan_from=REPLAN,
                               policy="flexible", max_moves=MOVES)
    e = info.value
    assert (e.code, e.file, e.line) == ("E-REQUEST-DATE", "mine.csv", 3)
    assert e.column == len(f"{MARKET_DAY},pelayanan_prima,not_on,") + 1
    assert str(e).startswith("mine.csv:3:")
    codes = [d.code for d in e.errors]
    assert codes == ["E-REQUEST-DATE", "E-REQUEST-NIP"]


def test_a_file_named_by_path_shows_its_path_in_the_error(scenario, plan, tmp_path):
    bad = tmp_path / "requests.csv"
    bad.write_text(f"nip,program,request,value\n{MARKET_DAY},pelayanan_prima,sometime,\n", encoding="utf-8")
    with pytest.raises(jadwal.ScenarioError) as info:
        jadwal.answer_requests(scenario, plan, bad, replan_from=REPLAN, policy="flexible", max_moves=MOVES)
    assert (info.value.code, info.value.file, info.value.line) == ("E-REQUEST-KIND", str(bad), 2)


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({}, "one of them"),
        ({"requests": REQUESTS, "requests_text": "nip,program,request\n"}, "one of them"),
        ({"requests": 7}, "requests must be a path"),
        ({"requests_text": 7}, "requests_text must be a str or bytes"),
        ({"requests": REQUESTS, "replan_from": 20260601}, "replan_from must be"),
        ({"requests": REQUESTS, "replan_from": dt.datetime(2026, 6, 1)}, "timezone-aware"),
        ({"requests": REQUESTS, "threads": 0}, "threads must be"),
        ({"requests": REQUESTS, "max_moves": -1}, "max_moves must be"),
        ({"requests": REQUESTS, "language": "fr"}, "language"),
        ({"requests": REQUESTS, "replan_from": "soon"}, "replan_from"),
    ],
)
def test_bad_arguments_raise_invalid_argument_errors(scenario, plan, arguments, message):
    arguments.setdefault("replan_from", REPLAN)
    arguments.setdefault("max_moves", MOVES)
    with pytest.raises(jadwal.InvalidArgumentError, match=message):
        jadwal.answer_requests(scenario, plan, policy="flexible", **arguments)


def test_an_unknown_policy_is_not_found_and_a_previous_that_is_no_plan_is_refused(scenario, plan):
    with pytest.raises(jadwal.NotFoundError):
        jadwal.answer_requests(scenario, plan, REQUESTS, replan_from=REPLAN, policy="nope", max_moves=MOVES)
    with pytest.raises(jadwal.InvalidArgumentError, match="previous must be"):
        jadwal.answer_requests(scenario, "solution.json", REQUESTS, replan_from=REPLAN)  # type: ignore[arg-type]
