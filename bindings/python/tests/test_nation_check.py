"""The national check (jadwal.nation.check) finds every planted overuse of a shared
resource and passes a clean national plan.

The fixture: agencies made from one small scenario text (two units, a classroom
programme with the shared instructor in the shared hall, a live online programme
and a national webinar on the shared platform), each planned once; national
plans are then assembled from copies of those solution.json files, edited to
plant each fault."""

import copy
import datetime as dt
import json
import os
import pathlib
import shutil
import subprocess
import sys
from typing import Any, Dict, List, Optional

import pytest
import yaml

import jadwal
from jadwal.nation.check import NationFileError, check_nation
from conftest import SOURCE_DIR

MOVES = 20_000
WEBINAR = {"program": "webinar", "module": "w1", "start": "2026-03-10T09:00"}


def agency_yaml(name: str, employees: int, first_nip: int, *, minutes_per_day: int = 360,
                days_per_month: int = 8, webinar_instructor: bool = False) -> str:
    """A small agency scenario: its staff, and the shared hall, platform, instructor and webinar
    (taught by the shared instructor with ``webinar_instructor``)."""
    taught = "\n    instructors: [wi_bersama]" if webinar_instructor else ""
    rows = "\n".join(
        f'  - {{id: "{first_nip + n}", name: Pegawai {n + 1}, unit: {"u1" if n % 2 == 0 else "u2"}, status: pns, '
        f"jp_target: 20}}"
        for n in range(employees)
    )
    return f"""jadwal: 1
scenario:
  name: {name}
  timezone: Asia/Jakarta
  from: 2026-01-05
  to: 2026-06-30
  policy: kantor
holidays: [id-2026]
work_patterns:
  office:
    week: {{mon-thu: [07:30-12:00, 13:00-16:00], fri: [07:30-11:30, 13:00-16:30]}}
units:
  - {{id: u1, name: Sekretariat, kind: office, pattern: office, district: Kota, max_absent: 50%}}
  - {{id: u2, name: Dinas Pendidikan, kind: office, pattern: office, district: Kota, max_absent: 50%}}
employees:
{rows}
venues:
  - {{id: aula_bersama, name: Aula Bersama, capacity: 40, pattern: office}}
platforms:
  - {{id: zoom_bersama, name: Zoom Bersama, concurrent: 2, capacity: 300}}
instructors:
  - {{id: wi_bersama, name: Widyaiswara Bersama, pattern: office, max_minutes_per_day: {minutes_per_day},
     max_days_per_month: {days_per_month}}}
programs:
  - id: kelas
    title: Kelas Tatap Muka
    jp: 8
    modules: [{{id: k1, jp: 4}}, {{id: k2, jp: 4, after: k1}}]
    modes: [{{mode: classroom, windows: [working_hours], venues: [aula_bersama], max_jp_per_day: 4}}]
    cohort: {{min: 4, max: 20}}
    instructors: [wi_bersama]
  - id: daring
    title: Kelas Daring
    jp: 4
    modules: [{{id: d1, jp: 2}}, {{id: d2, jp: 2, after: d1}}]
    modes: [{{mode: online_live, windows: [working_hours], platform: zoom_bersama, max_jp_per_day: 2}}]
    cohort: {{min: 4, max: 20}}
  - id: webinar
    title: Webinar Nasional
    jp: 2
    modules: [{{id: w1, jp: 2}}]
    modes: [{{mode: online_live, windows: [working_hours], platform: zoom_bersama,
              fixed: [{{module: w1, date: 2026-03-10, time: 09:00-10:30, capacity: 100}}]}}]
    cohort: {{min: 1, max: 100}}{taught}
demand:
  - {{program: kelas, where: {{unit: [u1, u2]}}, priority: mandatory}}
  - {{program: daring, where: {{unit: [u1, u2]}}, priority: elective}}
  - {{program: webinar, where: {{unit: [u1, u2]}}, priority: elective}}
policies:
  kantor: {{description: Jam kerja, modes: [classroom, online_live], windows: [working_hours]}}
"""


class Nation:
    """A national folder and a plans folder under tmp, built agency by agency."""

    def __init__(self, root: pathlib.Path) -> None:
        self.folder = root / "nation"
        self.plans = root / "plans"
        self.agencies: List[Dict[str, Any]] = []
        self.shared: Dict[str, Any] = {"sessions": [], "platforms": [], "instructors": [], "venues": []}

    def add(self, id: str, scenario: str, plan: Optional[Dict[str, Any]]) -> None:
        where = self.folder / "agencies" / id
        where.mkdir(parents=True)
        (where / "scenario.yaml").write_text(scenario, encoding="utf-8")
        self.agencies.append({"id": id, "name": f"Kabupaten {id.upper()}", "kind": "regency",
                              "scenario": f"agencies/{id}/scenario.yaml"})
        if plan is not None:
            out = self.plans / "agencies" / id
            out.mkdir(parents=True)
            (out / "solution.json").write_text(json.dumps(plan), encoding="utf-8")

    def write(self, **extra: Any) -> None:
        doc = {"name": "Provinsi Uji", "agencies": self.agencies, "shared": self.shared, **extra}
        (self.folder / "nation.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")

    def check(self, **options: Any) -> Any:
        self.write()
        return check_nation(self.folder, self.plans, **options)


@pytest.fixture(scope="module")
def texts() -> Dict[str, str]:
    return {"a": agency_yaml("Kabupaten A", 40, 199001012020010001),
            "b": agency_yaml("Kabupaten B", 30, 198501012010010001)}


@pytest.fixture(scope="module")
def plans(texts: Dict[str, str]) -> Dict[str, Dict[str, Any]]:
    """Each agency planned on its own, as solution.json dicts."""
    out = {}
    for key, text in texts.items():
        plan = jadwal.loads(text, name=f"{key}.yaml").solve(seed=1, max_moves=MOVES)
        assert plan.verify().ok
        out[key] = plan.to_dict()
    return out


def uses(plan: Dict[str, Any], program: str) -> List[Dict[str, Any]]:
    return [c for c in plan["cohorts"] if c["program"] == program]


def without(plan: Dict[str, Any], *programs: str) -> Dict[str, Any]:
    out = copy.deepcopy(plan)
    out["cohorts"] = [c for c in out["cohorts"] if c["program"] not in programs]
    return out


def seated(plan: Dict[str, Any]) -> int:
    return sum(len(c["participants"]) for c in uses(plan, "webinar"))


def codes(report: Any) -> List[str]:
    return [p.code for p in report.problems]


def share_everything(nation: Nation, *, seats: int, concurrent: int) -> None:
    nation.shared["sessions"] = [{**WEBINAR, "seats": seats}]
    nation.shared["platforms"] = [{"id": "zoom_bersama", "concurrent": concurrent}]
    nation.shared["instructors"] = [{"id": "wi_bersama"}]
    nation.shared["venues"] = [{"id": "aula_bersama"}]


def clean(tmp_path: pathlib.Path, texts: Dict[str, str], plans: Dict[str, Dict[str, Any]], **limits: int) -> Nation:
    """Two agencies whose combined plan holds every shared limit: B runs no classroom
    cohort (so the hall and the instructor are A's alone); the seats are exactly
    those taken; each agency has at most 2 meetings at once, so 4 lanes always do."""
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], plans["a"])
    nation.add("kab_b", texts["b"], without(plans["b"], "kelas"))
    share_everything(nation, seats=limits.get("seats", seated(plans["a"]) + seated(plans["b"])),
                     concurrent=limits.get("concurrent", 4))
    return nation


def test_the_fixture_agencies_use_every_shared_resource(plans: Dict[str, Dict[str, Any]]) -> None:
    # Otherwise the planted faults below would plant nothing.
    for plan in plans.values():
        assert uses(plan, "kelas") and uses(plan, "daring") and seated(plan) > 0
        assert all(c["venue"] == "aula_bersama" and c["instructors"] == ["wi_bersama"] for c in uses(plan, "kelas"))


def test_a_clean_national_plan_passes_with_its_usage_within_every_limit(tmp_path, texts, plans) -> None:
    report = clean(tmp_path, texts, plans).check()
    assert report.ok, [p.message for p in report.problems]
    assert [a.id for a in report.agencies] == ["kab_a", "kab_b"]
    assert all(a.verified for a in report.agencies)
    usage = {(u.kind, u.measure): u for u in report.usage}
    seats = usage[("session", "seats")]
    assert seats.used == seats.limit == seated(plans["a"]) + seated(plans["b"])
    assert seats.by_agency == {"kab_a": seated(plans["a"]), "kab_b": seated(plans["b"])}
    assert 1 <= usage[("platform", "meetings_at_once")].used <= 4
    assert usage[("venue", "cohorts_at_once")].used == 1
    assert usage[("instructor", "minutes_per_day")].used >= 180
    assert all(u.ok for u in report.usage)
    data = json.loads(report.to_json())
    assert data["ok"] is True and data["problems"] == [] and len(data["usage"]) == len(report.usage)


def test_one_seat_more_than_a_shared_session_has_is_n_seats(tmp_path, texts, plans) -> None:
    total = seated(plans["a"]) + seated(plans["b"])
    report = clean(tmp_path, texts, plans, seats=total - 1).check()
    assert codes(report) == ["N-SEATS"]
    p = report.problems[0]
    assert (p.used, p.limit, p.agencies) == (total, total - 1, ("kab_a", "kab_b"))
    assert p.resource == "webinar/w1@2026-03-10T09:00"


def test_extra_participants_seated_in_a_plan_are_counted_against_the_shared_seats(tmp_path, texts, plans) -> None:
    # The seats match the plans as made; B's copy then seats people its webinar
    # cohort did not have (B's own staff, who have nothing else that morning).
    total = seated(plans["a"]) + seated(plans["b"])
    nation = clean(tmp_path, texts, plans, seats=total)
    b = without(plans["b"], "kelas", "daring")
    cohort = uses(b, "webinar")[0]
    everyone = [str(198501012010010001 + n) for n in range(30)]
    extra = [e for e in everyone if e not in cohort["participants"]][:3]
    assert extra
    cohort["participants"] = sorted(cohort["participants"] + extra)
    (nation.plans / "agencies" / "kab_b" / "solution.json").write_text(json.dumps(b), encoding="utf-8")
    report = nation.check()
    assert "N-SEATS" in codes(report)
    assert [p.used for p in report.problems if p.code == "N-SEATS"] == [total + len(extra)]


def test_two_agencies_meeting_at_once_on_a_platform_of_one_lane_is_n_platform(tmp_path, texts, plans) -> None:
    # C plans exactly as A (the same scenario, a copy of its plan): every live
    # online meeting of A has a twin of C at the same time.
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], without(plans["a"], "kelas"))
    nation.add("kab_c", texts["a"], without(plans["a"], "kelas"))
    share_everything(nation, seats=1000, concurrent=1)
    report = nation.check()
    assert set(codes(report)) == {"N-PLATFORM"}
    daring = {s["start"] for c in uses(plans["a"], "daring") for s in c["sessions"]}
    found = {p.start for p in report.problems}
    assert {dt.datetime.fromisoformat(s).isoformat(timespec="minutes") for s in daring} <= found
    assert all(p.agencies == ("kab_a", "kab_c") and p.used == 2 and p.limit == 1 for p in report.problems)
    assert [u.used for u in report.usage if u.kind == "platform"] == [2]


def test_a_shared_fixed_session_is_one_meeting_on_its_platform_whatever_the_agencies_seated(
        tmp_path, texts, plans) -> None:
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], without(plans["a"], "kelas", "daring"))
    nation.add("kab_c", texts["a"], without(plans["a"], "kelas", "daring"))
    share_everything(nation, seats=1000, concurrent=1)
    assert nation.check().ok
    # Not shared nationally, the two agencies' webinars are two meetings.
    nation.shared["sessions"] = []
    report = nation.check()
    assert codes(report) == ["N-PLATFORM"]
    assert report.problems[0].start == "2026-03-10T09:00+07:00"


def test_a_shared_instructor_teaching_for_two_agencies_at_once_is_n_instructor_overlap(
        tmp_path, texts, plans) -> None:
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], without(plans["a"], "daring"))
    nation.add("kab_c", texts["a"], without(plans["a"], "daring"))
    nation.shared["instructors"] = [{"id": "wi_bersama", "agencies": ["kab_a", "kab_c"]}]
    report = nation.check()
    sessions = sum(len(c["sessions"]) for c in uses(plans["a"], "kelas"))
    assert codes(report).count("N-INSTRUCTOR-OVERLAP") == sessions
    # Twice 180 minutes a day is the instructor's 360: no day over.
    assert "N-INSTRUCTOR-DAY" not in codes(report)
    assert all(p.agencies == ("kab_a", "kab_c") for p in report.problems)
    assert "wi_bersama" in report.problems[0].message


def test_a_shared_webinar_is_one_meeting_for_its_instructor_whatever_the_agencies_seated(tmp_path) -> None:
    text = agency_yaml("Kabupaten A", 40, 199001012020010001, webinar_instructor=True)
    plan = without(jadwal.loads(text).solve(seed=1, max_moves=MOVES).to_dict(), "kelas", "daring")
    assert uses(plan, "webinar")[0]["instructors"] == ["wi_bersama"]
    nation = Nation(tmp_path)
    nation.add("kab_a", text, plan)
    nation.add("kab_c", text, plan)
    share_everything(nation, seats=1000, concurrent=1)
    assert nation.check().ok
    # Two agencies' own webinars at the same time: the instructor would be in two at once.
    nation.shared["sessions"] = []
    nation.shared["platforms"] = []
    assert codes(nation.check()) == ["N-INSTRUCTOR-OVERLAP"]


def test_an_instructor_listed_for_one_agency_only_is_not_shared(tmp_path, texts, plans) -> None:
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], without(plans["a"], "daring"))
    nation.add("kab_c", texts["a"], without(plans["a"], "daring"))
    nation.shared["instructors"] = [{"id": "wi_bersama", "agencies": ["kab_a"]}]
    assert nation.check().ok


def test_a_shared_hall_holding_two_agencies_cohorts_at_once_is_n_venue_overlap(tmp_path, texts, plans) -> None:
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], without(plans["a"], "daring"))
    nation.add("kab_c", texts["a"], without(plans["a"], "daring"))
    nation.shared["venues"] = [{"id": "aula_bersama"}]
    report = nation.check()
    sessions = sum(len(c["sessions"]) for c in uses(plans["a"], "kelas"))
    assert codes(report) == ["N-VENUE-OVERLAP"] * sessions
    assert [u.used for u in report.usage if u.kind == "venue"] == [2]


def minutes_by_day(plan: Dict[str, Any]) -> Dict[str, int]:
    out: Dict[str, int] = {}
    for c in uses(plan, "kelas"):
        for s in c["sessions"]:
            start, end = dt.datetime.fromisoformat(s["start"]), dt.datetime.fromisoformat(s["end"])
            out[s["start"][:10]] = out.get(s["start"][:10], 0) + int((end - start).total_seconds() // 60)
    return out


def test_an_instructors_minutes_a_day_over_all_agencies_above_the_limit_is_n_instructor_day(
        tmp_path, texts, plans) -> None:
    # C declares the instructor with a day limit A's (and so C's own) plan just meets;
    # over both agencies the days are twice as long.
    most = max(minutes_by_day(plans["a"]).values())
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], without(plans["a"], "daring"))
    nation.add("kab_c", agency_yaml("Kabupaten C", 40, 199001012020010001, minutes_per_day=most),
               without(plans["a"], "daring"))
    nation.shared["instructors"] = [{"id": "wi_bersama"}]
    report = nation.check()
    assert report.agencies[1].verified
    day = [p for p in report.problems if p.code == "N-INSTRUCTOR-DAY"]
    assert day and all(p.limit == most and p.used > most for p in day)
    assert max(p.used for p in day) == 2 * most
    usage = {u.measure: u for u in report.usage if u.kind == "instructor"}
    assert (usage["minutes_per_day"].used, usage["minutes_per_day"].limit) == (2 * most, most)


def test_an_instructors_days_in_a_month_over_all_agencies_above_the_limit_is_n_instructor_month(
        tmp_path, texts, plans) -> None:
    # C declares the instructor with a month limit A's busiest month just meets, and
    # C's copy of the plan moves one session of that month to another weekday of it.
    days = sorted(minutes_by_day(plans["a"]))
    by_month: Dict[str, List[str]] = {}
    for d in days:
        by_month.setdefault(d[:7], []).append(d)
    month, busiest = max(by_month.items(), key=lambda kv: (len(kv[1]), kv[0]))
    most = len(busiest)
    c_plan = without(plans["a"], "daring")
    session = next(s for c in uses(c_plan, "kelas") for s in c["sessions"] if s["start"][:7] == month)
    start, end = dt.datetime.fromisoformat(session["start"]), dt.datetime.fromisoformat(session["end"])
    for shift in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7):
        moved = start + dt.timedelta(days=shift)
        if moved.strftime("%Y-%m") == month and moved.weekday() < 5 and moved.date().isoformat() not in busiest:
            break
    else:
        pytest.fail("no weekday to move the session to")
    session["start"], session["end"] = moved.isoformat(), (end + dt.timedelta(days=shift)).isoformat()
    nation = Nation(tmp_path)
    nation.add("kab_a", texts["a"], without(plans["a"], "daring"))
    nation.add("kab_c", agency_yaml("Kabupaten C", 40, 199001012020010001, days_per_month=most), c_plan)
    nation.shared["instructors"] = [{"id": "wi_bersama"}]
    report = nation.check()
    months = [p for p in report.problems if p.code == "N-INSTRUCTOR-MONTH"]
    assert [(p.start, p.used, p.limit) for p in months] == [(month, most + 1, most)]
    assert months[0].agencies == ("kab_a", "kab_c")


def test_a_plan_that_breaks_its_agencys_own_rules_is_n_agency_verify(tmp_path, texts, plans) -> None:
    nation = clean(tmp_path, texts, plans)
    a = copy.deepcopy(plans["a"])
    twin = copy.deepcopy(uses(a, "daring")[0])
    twin["id"] = "daring-99"
    a["cohorts"].append(twin)  # the same people in two cohorts at the same times
    (nation.plans / "agencies" / "kab_a" / "solution.json").write_text(json.dumps(a), encoding="utf-8")
    report = nation.check()
    mine = [p for p in report.problems if p.code == "N-AGENCY-VERIFY"]
    assert mine and all(p.agencies == ("kab_a",) and p.rule for p in mine)
    assert not report.agencies[0].verified and report.agencies[1].verified


def test_an_agency_without_a_plan_is_n_missing_plan(tmp_path, texts, plans) -> None:
    nation = clean(tmp_path, texts, plans)
    shutil.rmtree(nation.plans / "agencies" / "kab_b")
    report = nation.check()
    assert codes(report) == ["N-MISSING-PLAN"]
    assert report.problems[0].agencies == ("kab_b",)


def test_a_scenario_path_through_a_symbolic_link_is_refused_not_followed(tmp_path, texts, plans) -> None:
    nation = clean(tmp_path, texts, plans)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "scenario.yaml").write_text(texts["b"], encoding="utf-8")
    shutil.rmtree(nation.folder / "agencies" / "kab_b")
    (nation.folder / "agencies" / "kab_b").symlink_to(outside, target_is_directory=True)
    report = nation.check()
    assert codes(report) == ["N-AGENCY-SCENARIO"]
    nation.agencies[1]["scenario"] = "../elsewhere/scenario.yaml"
    assert codes(nation.check()) == ["N-AGENCY-SCENARIO"]


def test_the_messages_are_in_the_language_asked_for(tmp_path, texts, plans) -> None:
    total = seated(plans["a"]) + seated(plans["b"])
    nation = clean(tmp_path, texts, plans, seats=total - 1)
    english = nation.check(language="en").problems[0].message
    indonesian = nation.check(language="id").problems[0].message
    assert "seats" in english and "kursi" in indonesian and "seats" not in indonesian
    # nation.yaml's locale is the default.
    nation.write(locale="id")
    assert check_nation(nation.folder, nation.plans).problems[0].message == indonesian


def test_a_nation_file_with_errors_lists_them_all(tmp_path) -> None:
    folder = tmp_path / "nation"
    folder.mkdir()
    (folder / "nation.yaml").write_text(
        "agencies:\n  - {id: Kab-A}\n  - {id: kab_b}\n  - {id: kab_b}\n"
        "shared:\n  sessions: [{program: p, module: m, start: tomorrow, seats: 3}]\n", encoding="utf-8")
    with pytest.raises(NationFileError) as e:
        check_nation(folder, tmp_path)
    assert len(e.value.problems) == 3
    assert "Kab-A" in e.value.problems[0] and "twice" in e.value.problems[1] and "start" in e.value.problems[2]


def cli() -> pathlib.Path:
    """The jadwal command line (ctest may name it in JADWAL_CLI; else the usual build folder)."""
    given = os.environ.get("JADWAL_CLI")
    return pathlib.Path(given) if given else SOURCE_DIR / "build" / "jadwal"


@pytest.mark.skipif(not cli().is_file(), reason="no jadwal command line built (JADWAL_CLI)")
def test_a_generated_province_planned_agency_by_agency_is_checked_resource_by_resource(tmp_path) -> None:
    folder, plans = tmp_path / "jambi", tmp_path / "out"
    subprocess.run([str(cli()), "generate", "nation", "--agencies", "3", "--employees", "600", "--seed", "1",
                    "--out", str(folder)], check=True, capture_output=True)
    nation = yaml.safe_load((folder / "nation.yaml").read_text(encoding="utf-8"))
    for a in nation["agencies"]:
        plan = jadwal.load(folder / a["scenario"]).solve(seed=1, max_moves=MOVES, policy="flexible")
        (plans / "agencies" / a["id"]).mkdir(parents=True)
        (plans / "agencies" / a["id"] / "solution.json").write_text(plan.to_json(), encoding="utf-8")
    report = check_nation(folder, plans)
    assert [a.id for a in report.agencies] == [a["id"] for a in nation["agencies"]]
    assert all(a.verified and a.employees for a in report.agencies)
    shared = nation["shared"]
    rows = {(u.kind, u.resource, u.measure): u for u in report.usage}
    for s in shared["sessions"]:
        u = rows[("session", f"{s['program']}/{s['module']}@{s['start']}", "seats")]
        assert u.limit == s["seats"]
    seats = rows[("session", "webinar_smart_asn/w1@2026-09-10T09:00", "seats")]
    assert seats.used > 0 and len(seats.by_agency) == 3
    for p in shared["platforms"]:
        assert rows[("platform", p["id"], "meetings_at_once")].limit == p["concurrent"]
    for i in shared["instructors"]:
        assert ("instructor", i["id"], "minutes_per_day") in rows and ("instructor", i["id"], "days_per_month") in rows
    for v in shared["venues"]:
        assert ("venue", v["id"], "cohorts_at_once") in rows
    # The same plans against one seat fewer of the national webinar than they take.
    for s in shared["sessions"]:
        if s["program"] == "webinar_smart_asn":
            s["seats"] = seats.used - 1
    (folder / "nation.yaml").write_text(yaml.safe_dump(nation, sort_keys=False), encoding="utf-8")
    assert [p.code for p in check_nation(folder, plans).problems] == ["N-SEATS"]


def test_the_message_catalogue_tool_finds_the_national_checks_messages(tmp_path) -> None:
    # scripts/messages.py reads m.tr("...") and m.tr_in("...", "...") in jadwal/nation/*.py,
    # so `messages.py check` (a ctest) fails for a message with no Indonesian translation.
    pot = tmp_path / "jadwal.pot"
    subprocess.run([sys.executable, str(SOURCE_DIR / "scripts" / "messages.py"), "extract", "--out", str(pot)],
                   check=True, capture_output=True)
    text = pot.read_text(encoding="utf-8")
    assert "#: bindings/python/jadwal/nation/check.py:" in text
    assert '#, python-brace-format\nmsgid "Shared venue {} holds a cohort of {} and one of {} at once, from {} to {}"' \
        in text
    assert 'msgctxt "agency kind"\nmsgid "regency"' in text
    assert 'msgid "Every agency plan verifies and every shared limit holds."' in text
