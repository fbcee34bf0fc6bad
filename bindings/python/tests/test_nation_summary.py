"""The national summary (jadwal.nation.summary): nation.json, nation.csv and
nation.html from the agencies' plans, their totals computed from the agencies'
counts, the page self-contained and in the language asked for."""

import csv
import io
import json
import pathlib
import re
from typing import Any, Dict

import pytest

import jadwal
from jadwal.nation.summary import CSV_COLUMNS, write_summary
from test_nation_check import MOVES, Nation, agency_yaml, share_everything, without


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Nation:
    """A plan run's output folder: three agencies (one of 1,234 employees), their plans
    under OUT/agencies, a coordination.json with measured figures."""
    nation = Nation(tmp_path_factory.mktemp("summary"))
    nation.plans = nation.folder.parent / "out"
    sizes = {"kab_a": (40, 199001012020010001), "kota_b": (30, 198501012010010001),
             "prov_c": (1234, 197001012000010001)}
    for id, (employees, nip) in sizes.items():
        text = agency_yaml(f"Agency {id}", employees, nip)
        plan = jadwal.loads(text).solve(seed=1, max_moves=MOVES).to_dict()
        nation.add(id, text, plan if id != "kota_b" else without(plan, "kelas"))
    nation.agencies[1]["kind"] = "city"
    nation.agencies[2].update(kind="province", name='Provinsi <Uji> & "Contoh"')
    share_everything(nation, seats=100000, concurrent=6)
    nation.shared["instructors"] = []
    nation.shared["venues"] = []
    nation.write()
    (nation.plans / "coordination.json").write_text(json.dumps({
        "rounds": 1,
        "agencies": [{"id": id, "seconds": 0.5 + n, "max_rss_mb": 100.0 + n, "seed": n, "rounds_planned": [0]}
                     for n, id in enumerate(sizes)],
    }), encoding="utf-8")
    write_summary(nation.folder, nation.plans, language="id")
    return nation


def read(run: Nation, name: str) -> str:
    return (run.plans / name).read_text(encoding="utf-8")


def test_the_national_totals_are_sums_of_the_agencies_counts_and_rates_of_those_sums(run: Nation) -> None:
    data = json.loads(read(run, "nation.json"))
    agencies, totals = data["agencies"], data["totals"]
    assert [a["id"] for a in agencies] == ["kab_a", "kota_b", "prov_c"]
    assert [a["employees"] for a in agencies] == [40, 30, 1234]
    for key in ("employees", "demand_total", "demand_placed", "jp_target_employees", "jp_target_met",
                "after_hours_minutes"):
        assert totals[key] == sum(a[key] for a in agencies), key
    assert totals["participation_rate"] == totals["demand_placed"] / totals["demand_total"]
    # Not the average of the agencies' rates: the agencies differ in size.
    average = sum(a["participation_rate"] for a in agencies) / len(agencies)
    assert abs(totals["participation_rate"] - average) > 1e-6
    # Each agency's figures are its plan's, as jadwal's checker recomputes them.
    plan = json.loads(read(run, "agencies/kab_a/solution.json"))
    assert agencies[0]["demand_placed"] == plan["metrics"]["demand_placed"]
    assert agencies[0]["participation_rate"] == pytest.approx(plan["metrics"]["participation_rate"])
    assert data["ok"] is True and all(a["verified"] for a in agencies)
    seats = [u for u in data["shared"] if u["measure"] == "seats"]
    assert seats[0]["used"] == sum(seats[0]["by_agency"].values()) and seats[0]["limit"] == 100000
    assert [a["shared_seats"] for a in agencies] == [seats[0]["by_agency"][a["id"]] for a in agencies]
    assert totals["shared_seats"] == seats[0]["used"] > 0


def test_the_csv_parses_with_a_row_per_agency_and_a_total_row(run: Nation) -> None:
    raw = (run.plans / "nation.csv").read_bytes().decode("utf-8")  # no newline translation
    assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert list(rows[0].keys()) == list(CSV_COLUMNS)
    assert [r["row"] for r in rows] == ["agency", "agency", "agency", "total"]
    assert rows[2]["agency_name"] == 'Provinsi <Uji> & "Contoh"'
    for key in ("employees", "demand_total", "demand_placed", "after_hours_minutes", "shared_seats"):
        assert int(rows[3][key]) == sum(int(r[key]) for r in rows[:3])
    placed, total = int(rows[3]["demand_placed"]), int(rows[3]["demand_total"])
    assert float(rows[3]["participation_rate"]) == pytest.approx(placed / total, abs=1e-6)
    data = json.loads(read(run, "nation.json"))
    assert [r["agency_id"] for r in rows[:3]] == [a["id"] for a in data["agencies"]]


def test_the_html_is_self_contained_indonesian_and_escapes_names(run: Nation) -> None:
    page = read(run, "nation.html")
    assert '<html lang="id">' in page
    assert not re.search(r"<script|<link|@import|url\(|https?://", page, re.I)
    for word in ("Instansi", "Pegawai", "Partisipasi", "Kursi bersama", "Capaian target JP", "kabupaten", "kota",
                 "provinsi"):
        assert word in page, word
    for word in ("Employees", "Participation", "regency", "Agencies", "Shared", "attainment"):
        assert word not in page, word
    assert "1.234" in page  # the province's employees, Indonesian thousands
    assert "Provinsi &lt;Uji&gt; &amp; &quot;Contoh&quot;" in page and "<Uji>" not in page


def test_the_html_in_english_has_english_words_and_numbers(run: Nation, tmp_path: pathlib.Path) -> None:
    write_summary(run.folder, run.plans, language="en")
    try:
        page = read(run, "nation.html")
        assert '<html lang="en">' in page and "1,234" in page and "Participation" in page
    finally:
        write_summary(run.folder, run.plans, language="id")


def test_the_summary_is_the_same_bytes_every_time_and_timings_go_apart(run: Nation) -> None:
    before = {n: read(run, n) for n in ("nation.json", "nation.csv", "nation.html")}
    coordination = json.loads(read(run, "coordination.json"))
    for a in coordination["agencies"]:
        a["seconds"] *= 3  # another run, another machine
    (run.plans / "coordination.json").write_text(json.dumps(coordination), encoding="utf-8")
    write_summary(run.folder, run.plans, language="id")
    assert {n: read(run, n) for n in before} == before
    assert "seconds" not in before["nation.json"] and "max_rss_mb" not in before["nation.json"]
    timings = json.loads(read(run, "timings.json"))
    assert [a["seconds"] for a in timings["agencies"]] == [a["seconds"] for a in coordination["agencies"]]


def test_a_broken_national_plan_shows_its_problems_in_the_summary(run: Nation, tmp_path: pathlib.Path) -> None:
    nation = Nation(tmp_path)
    nation.plans = tmp_path / "out"
    for a in run.agencies:
        text = (run.folder / a["scenario"]).read_text(encoding="utf-8")
        plan: Dict[str, Any] = json.loads(read(run, f"agencies/{a['id']}/solution.json"))
        nation.add(a["id"], text, plan)
    share_everything(nation, seats=1, concurrent=6)
    nation.write()
    write_summary(nation.folder, nation.plans, language="id")
    data = json.loads((nation.plans / "nation.json").read_text(encoding="utf-8"))
    assert data["ok"] is False and "N-SEATS" in data["problems_by_code"]
    page = (nation.plans / "nation.html").read_text(encoding="utf-8")
    assert "N-SEATS" in page and "kursi" in page
