"""jadwal.at_risk: the people unlikely to reach their JP target, as typed
records, the same list at_risk.csv holds."""

import csv
import dataclasses

import pytest

import jadwal


def test_at_risk_gives_typed_records_below_the_threshold(plan):
    people = jadwal.at_risk(plan)
    assert people, "the small example leaves people short of their 20 JP"
    for p in people:
        assert isinstance(p, jadwal.AtRisk)
        assert isinstance(p.employee, str) and isinstance(p.unit, str) and p.name
        assert p.staff_group in ("office", "teachers", "shift", "other")
        assert isinstance(p.jp_target, int) and p.jp_target > 0
        assert 0 <= p.probability < 0.5
        assert p.jp_earned <= p.expected_jp <= p.jp_earned + p.jp_planned + 1e-9
        if p.jp_earned + p.jp_planned < p.jp_target:
            assert p.probability == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        people[0].probability = 1.0  # type: ignore[misc]


def test_the_list_is_by_unit_then_probability_then_nip(plan, scenario):
    order = {u.id: k for k, u in enumerate(scenario.units)}
    people = jadwal.at_risk(plan, threshold=1.0)
    keys = [(order[p.unit], p.probability, p.employee) for p in people]
    assert keys == sorted(keys)


def test_the_threshold_selects_who_is_listed(plan):
    assert jadwal.at_risk(plan, 0) == []
    half = jadwal.at_risk(plan, 0.5)
    everyone = plan.at_risk(1.0)
    assert {p.employee for p in half} <= {p.employee for p in everyone}
    assert [p for p in everyone if p.probability < 0.5] == half
    for bad in (-0.1, 1.5, float("nan"), "0.5", True):
        with pytest.raises(jadwal.InvalidArgumentError):
            jadwal.at_risk(plan, bad)  # type: ignore[arg-type]


def test_at_risk_csv_lists_the_same_people(plan, tmp_path):
    out = jadwal.write_outputs(plan, tmp_path / "out", "csv")
    with open(out / "at_risk.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    people = jadwal.at_risk(plan)
    assert [r["nip"] for r in rows] == [p.employee for p in people]
    for r, p in zip(rows, people):
        assert r["unit"] == p.unit and r["name"] == p.name and r["staff_group"] == p.staff_group
        assert int(r["jp_target"]) == p.jp_target and int(r["jp_planned"]) == p.jp_planned
        assert r["probability"] == f"{p.probability:.3f}"
        assert r["expected_jp"] == f"{p.expected_jp:.1f}"
