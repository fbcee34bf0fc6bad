"""Small national folders for the jadwal.nation tests, made from copies of
examples/small/scenario.yaml (until `jadwal generate nation` is used instead).

Every agency is the small example with more people, the `flexible` policy, and
everyone asked to the national webinar, so that demand exceeds every shared
total: the webinar's seats, the lanes of the shared platform, the dates of the
shared instructors and of the provincial hall.
"""

from __future__ import annotations

import copy
import pathlib
from typing import Any, Dict, List, Optional, Sequence

import yaml

from conftest import SMALL

WEBINAR = {"program": "webinar_smart_asn", "module": "w1", "start": "2026-09-10T09:00"}


def agency_scenario(index: int, name: str, people: int, *, webinar_capacity: Optional[int] = None) -> Dict[str, Any]:
    """The small example as agency ``index``: ``people`` more office staff (NIPs
    unique across agencies), planned under `flexible`, all invited to the webinar."""
    doc: Dict[str, Any] = yaml.safe_load(SMALL.read_text(encoding="utf-8"))
    doc = copy.deepcopy(doc)
    for pattern in doc["work_patterns"].values():  # YAML 1.1 read the rest days `off` as false
        if "rotation" in pattern:
            pattern["rotation"]["cycle"] = ["off" if c is False else c for c in pattern["rotation"]["cycle"]]
    doc["scenario"]["name"] = name
    doc["scenario"]["policy"] = "flexible"
    units = ["bpkad", "kec_bajubang"]
    for n in range(people):
        nip = f"1990{index:02d}{n:04d}20190310{n % 10}"[:18]
        doc["employees"].append(
            {"id": nip, "name": f"Pegawai {index}-{n}", "unit": units[n % 2], "status": "pns" if n % 3 else "pppk"}
        )
    # Everyone to the webinar: its demand is the headcount.
    doc["demand"] = [d for d in doc["demand"] if d["program"] != "webinar_smart_asn"]
    doc["demand"].append({"program": "webinar_smart_asn", "where": {}, "priority": "elective"})
    if webinar_capacity is not None:
        for p in doc["programs"]:
            for mode in p["modes"]:
                for fixed in mode.get("fixed", []):
                    fixed["capacity"] = webinar_capacity
    # Keuda in one hall only (shared by the agencies), so that the shared hall and instructors are used.
    # Small cohorts, so that each agency needs the hall, the instructors and the
    # platform often; the service course live online only.
    for p in doc["programs"]:
        if p["id"] == "keuda":
            p["modes"] = [dict(m, venues=["aula_bkpsdmd"]) for m in p["modes"] if m["mode"] == "classroom"]
            p["cohort"] = {"min": 3, "max": 10}
            p["instructors"] = ["wi_01"]
        if p["id"] == "pelayanan_prima":
            p["modes"] = [dict(m, windows=[{"days": "wed", "hours": ["19:30-21:00"]}])
                          for m in p["modes"] if m["mode"] == "online_live"]
            p["cohort"] = {"min": 1, "max": 5}
    # The unit limits of the example would leave the webinar almost empty: let the office go.
    for u in doc["units"]:
        if u["id"] in units:
            u["max_absent"] = "100%"
    doc["budget"] = {"max_classroom_cohorts": 20, "max_cost": 400000000, "currency": "IDR"}
    return doc


def make_nation(
    root: pathlib.Path,
    *,
    people: Sequence[int] = (40, 30, 20),
    seats: int = 40,
    lanes: int = 3,
    webinar_capacity: Optional[Sequence[Optional[int]]] = None,
    shared_instructors: bool = True,
    shared_venue: bool = True,
) -> pathlib.Path:
    """Writes ROOT/nation.yaml and ROOT/agencies/<id>/scenario.yaml; returns ROOT."""
    ids = [f"kab_{n}" for n in ("batanghari", "muaro_jambi", "tebo", "bungo", "merangin")[: len(people)]]
    agencies: List[Dict[str, Any]] = []
    for i, (aid, count) in enumerate(zip(ids, people)):
        folder = root / "agencies" / aid
        folder.mkdir(parents=True, exist_ok=True)
        cap = None if webinar_capacity is None else webinar_capacity[i]
        doc = agency_scenario(i + 1, f"Kabupaten {aid[4:].replace('_', ' ').title()}", count, webinar_capacity=cap)
        (folder / "scenario.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
        agencies.append({"id": aid, "name": doc["scenario"]["name"], "kind": "regency",
                         "scenario": f"agencies/{aid}/scenario.yaml"})
    shared: Dict[str, Any] = {
        "sessions": [dict(WEBINAR, seats=seats)],
        "platforms": [{"id": "zoom_bkpsdmd", "concurrent": lanes}],
    }
    if shared_instructors:
        shared["instructors"] = [{"id": "wi_01"}, {"id": "wi_02", "agencies": ids[:2]}]
    if shared_venue:
        shared["venues"] = [{"id": "aula_bkpsdmd"}]
    nation = {"name": "Provinsi Uji", "locale": "en", "agencies": agencies, "shared": shared}
    (root / "nation.yaml").write_text(yaml.safe_dump(nation, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root
