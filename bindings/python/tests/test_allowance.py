"""An agency held to its allowance of shared resources (Scenario.restrict), the
resources an allowance can name, and the message catalogue from Python."""

import datetime as dt

import pytest

import jadwal

from conftest import MOVES

WEBINAR = {"program": "webinar_smart_asn", "module": "w1", "start": "2026-09-10T09:00"}


def seated_in_webinar(plan: jadwal.Solution) -> int:
    return sum(len(c.participants) for c in plan.cohorts if c.program == "webinar_smart_asn")


def test_resources_list_the_fixed_sessions_platforms_instructors_and_venues(scenario):
    r = scenario.resources()
    fixed = [f for f in r["fixed_sessions"] if f["program"] == "webinar_smart_asn"]
    assert fixed == [
        {"program": "webinar_smart_asn", "module": "w1", "start": "2026-09-10T09:00", "end": "2026-09-10T10:30",
         "capacity": 1000, "platform": "zoom_bkpsdmd"}
    ]
    assert {"id": "zoom_bkpsdmd", "name": "Zoom BKPSDMD", "concurrent": 2, "capacity": 300} in r["platforms"]
    wi = {i["id"]: i for i in r["instructors"]}
    assert wi["wi_01"]["max_days_per_month"] == 8
    assert any(v["id"] == "aula_bkpsdmd" and v["capacity"] == 40 for v in r["venues"])


def test_demand_by_program_counts_every_programme(scenario):
    counts = scenario.demand_by_program()
    assert set(counts) == {p.id for p in scenario.programs}
    assert sum(counts.values()) == scenario.demand_count


def test_a_seat_allowance_caps_the_seats_a_plan_takes_and_plans_made_before_keep_theirs(scenario):
    before = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=MOVES)
    assert seated_in_webinar(before) > 0
    scenario.restrict(sessions=[{**WEBINAR, "seats": 0}])
    after = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=MOVES)
    assert seated_in_webinar(after) == 0
    assert after.verify().violations == []
    assert before.verify().violations == []  # the old plan still checks against the scenario it was made from


def test_days_given_to_an_agency_are_the_only_days_it_uses_an_instructor_or_a_venue(scenario):
    days = [dt.date(2026, 3, 2), dt.date(2026, 3, 3), "2026-03-05"]
    scenario.restrict(instructors={"wi_01": days}, venues={"aula_bkpsdmd": days})
    plan = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=MOVES)
    allowed = {dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 5)}
    used = [s.start.date() for c in plan.cohorts if "wi_01" in c.instructors or c.venue == "aula_bkpsdmd"
            for s in c.sessions]
    assert set(used) <= allowed
    assert plan.verify().violations == []


def test_no_lanes_on_a_platform_means_no_live_online_cohort_on_it(scenario):
    scenario.restrict(platforms={"zoom_bkpsdmd": 0})
    plan = jadwal.solve(scenario, policy="flexible", seed=1, max_moves=MOVES)
    assert all(c.platform != "zoom_bkpsdmd" for c in plan.cohorts)


def test_an_allowance_with_unknown_ids_names_them_all_and_changes_nothing(scenario):
    with pytest.raises(jadwal.NotFoundError) as e:
        scenario.restrict(sessions=[{**WEBINAR, "seats": 1}], platforms={"nope": 1}, venues={"hall_x": []})
    assert "platform nope" in str(e.value) and "venue hall_x" in str(e.value)
    assert scenario.resources()["fixed_sessions"][0]["capacity"] == 1000


def test_an_allowance_with_a_bad_time_or_a_negative_number_is_refused(scenario):
    with pytest.raises(jadwal.InvalidArgumentError):
        scenario.restrict(sessions=[{**WEBINAR, "start": "2026-09-10 09:00", "seats": 1}])
    with pytest.raises(jadwal.InvalidArgumentError):
        scenario.restrict(platforms={"zoom_bkpsdmd": -1})


def test_messages_translate_and_write_figures_the_languages_way():
    id_ = jadwal.Messages("id")
    en = jadwal.Messages("en")
    assert id_.language == "id" and en.language == "en"
    assert id_.number(5179655) == "5.179.655" and en.number(5179655) == "5,179,655"
    assert id_.percent(0.655, 1) == "65,5%" and en.percent(0.655, 1) == "65.5%"
    assert id_.tr("classroom") != "classroom" and en.tr("classroom") == "classroom"
    with pytest.raises(jadwal.InvalidArgumentError):
        jadwal.Messages("fr")


def test_explain_speaks_the_language_asked_for(plan):
    who = plan.unplaced[0].employee  # their explanation has sentences: why, and what else could be done
    english = plan.explain(who, language="en")
    indonesian = plan.explain(who, language="id")
    assert english["employee"] == indonesian["employee"] == who
    assert english != indonesian
    with pytest.raises(jadwal.InvalidArgumentError):
        plan.explain(who, language="fr")


def test_program_uses_names_the_resources_each_programme_can_use_with_the_formats_defaults(scenario):
    uses = scenario.program_uses()
    assert set(uses) == {p.id for p in scenario.programs}
    keuda = uses["keuda"]
    assert keuda["venues"] == ["aula_bkpsdmd", "ruang_rapat_bpkad", "bpsdm_jambi"]
    assert keuda["platforms"] == ["zoom_bkpsdmd"]
    assert keuda["instructors"] == ["wi_01", "wi_02"]
    assert uses["webinar_smart_asn"]["venues"] == []
