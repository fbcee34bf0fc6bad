"""Splitting shared capacity among agencies, and handing unused capacity back.

Pure and deterministic: no Dask, no files. The same inputs give the same
allowances whatever order the agencies' plans came back in.

Round 0 apportions by demand with the largest-remainder method (ties go to the
agency listed first in nation.yaml):

- the seats of a shared fixed session among the agencies whose scenarios have
  it, by their demand for its programme;
- the lanes of a shared platform by demand for the programmes that can run on
  it; every agency with such demand gets a lane when there are enough, else the
  largest demands get one each;
- the dates of a shared instructor or venue in blocks (whole calendar months for
  an instructor with a monthly day limit, ISO weeks otherwise), dealt through
  the year in proportion to demand for the programmes that can use them, so no
  date is held by two agencies.

After a round every agency keeps what its plan used and the rest goes to a
national reserve; the reserve goes to agencies with unplaced demand that could
use it and whose plan used all of their allowance of it (where some was left
unused, more would not help), seats up to their unplaced count for the
programme, lanes and blocks in proportion to unplaced demand. Only those
agencies are planned again; a new plan is kept only if it places at least as much demand as the old one, else the
agency keeps its old plan and what that plan used, and the capacity goes back
to the reserve. At every step the allowances plus the reserve are exactly the
shared totals, and every kept plan fits its agency's allowance.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from .folder import Nation, _en

SessionKey = Tuple[str, str, str]  # program, module, local start "YYYY-MM-DDTHH:MM"
Block = Tuple[int, int]  # (year, month) or (ISO year, ISO week)


@dataclasses.dataclass(frozen=True)
class AgencyInfo:
    """What coordination needs to know of one agency (from its scenario)."""

    id: str
    index: int
    demand: Mapping[str, int]  #: demand items per programme
    horizon: Tuple[_dt.date, _dt.date]
    fixed_sessions: FrozenSet[SessionKey]
    platforms: Mapping[str, int]  #: declared platform -> its own concurrent
    instructors: Mapping[str, Optional[int]]  #: declared instructor -> max_days_per_month
    venues: FrozenSet[str]
    uses: Mapping[str, Mapping[str, Sequence[str]]]  #: programme -> {platforms, venues, instructors}
    session_capacity: Mapping[SessionKey, int] = dataclasses.field(default_factory=dict)  #: its own seats

    @property
    def total_demand(self) -> int:
        return sum(self.demand.values())

    def demand_using(self, kind: str, rid: str, counts: Optional[Mapping[str, int]] = None) -> int:
        """Demand (or ``counts``, e.g. unplaced) of the programmes that can use resource ``rid``."""
        source = self.demand if counts is None else counts
        return sum(n for p, n in sorted(source.items()) if rid in self.uses.get(p, {}).get(kind, ()))

    @staticmethod
    def from_survey(index: int, survey: Mapping[str, Any]) -> "AgencyInfo":
        res = survey["resources"]
        return AgencyInfo(
            id=survey["agency"],
            index=index,
            demand={str(k): int(v) for k, v in survey["demand"].items()},
            horizon=(_dt.date.fromisoformat(survey["horizon"][0]), _dt.date.fromisoformat(survey["horizon"][1])),
            fixed_sessions=frozenset(
                (s["program"], s["module"], s["start"]) for s in res.get("fixed_sessions", [])
            ),
            platforms={p["id"]: int(p["concurrent"]) for p in res.get("platforms", [])},
            instructors={i["id"]: i.get("max_days_per_month") for i in res.get("instructors", [])},
            venues=frozenset(v["id"] for v in res.get("venues", [])),
            uses={p: {k: tuple(v) for k, v in u.items()} for p, u in survey["uses"].items()},
            session_capacity={
                (s["program"], s["module"], s["start"]): int(s["capacity"]) for s in res.get("fixed_sessions", [])
            },
        )


@dataclasses.dataclass(frozen=True)
class Allowance:
    """What one agency may use of the shared resources it takes part in."""

    sessions: Mapping[SessionKey, int]
    platforms: Mapping[str, int]
    instructors: Mapping[str, FrozenSet[_dt.date]]
    venues: Mapping[str, FrozenSet[_dt.date]]

    def to_json(self) -> Dict[str, Any]:
        """The form ``Scenario.restrict`` takes (dates as ISO text), sorted."""
        return {
            "sessions": [
                {"program": k[0], "module": k[1], "start": k[2], "seats": n} for k, n in sorted(self.sessions.items())
            ],
            "platforms": {k: n for k, n in sorted(self.platforms.items())},
            "instructors": {k: [d.isoformat() for d in sorted(v)] for k, v in sorted(self.instructors.items())},
            "venues": {k: [d.isoformat() for d in sorted(v)] for k, v in sorted(self.venues.items())},
        }

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> "Allowance":
        return Allowance(
            sessions={(s["program"], s["module"], s["start"]): int(s["seats"]) for s in data["sessions"]},
            platforms={k: int(v) for k, v in data["platforms"].items()},
            instructors={k: frozenset(_dt.date.fromisoformat(d) for d in v) for k, v in data["instructors"].items()},
            venues={k: frozenset(_dt.date.fromisoformat(d) for d in v) for k, v in data["venues"].items()},
        )


@dataclasses.dataclass(frozen=True)
class Usage:
    """What one agency's plan uses of the shared resources, and what it left unplaced."""

    sessions: Mapping[SessionKey, int]  #: seats taken
    platforms: Mapping[str, int]  #: peak meetings at once
    instructors: Mapping[str, FrozenSet[_dt.date]]  #: dates with sessions
    venues: Mapping[str, FrozenSet[_dt.date]]
    placed: int
    unplaced: Mapping[str, int]  #: per programme

    @staticmethod
    def from_result(result: Mapping[str, Any]) -> "Usage":
        u = result["usage"]
        return Usage(
            sessions={(s["program"], s["module"], s["start"]): int(s["used"]) for s in u["sessions"]},
            platforms={k: int(v["peak"]) for k, v in u["platforms"].items()},
            instructors={k: frozenset(_dt.date.fromisoformat(d) for d in v) for k, v in u["instructors"].items()},
            venues={k: frozenset(_dt.date.fromisoformat(d) for d in v) for k, v in u["venues"].items()},
            placed=int(result["placed"]),
            unplaced={k: int(v) for k, v in result["unplaced"].items()},
        )


# ---------------------------------------------------------------- arithmetic


def largest_remainder(total: int, weights: Sequence[int]) -> List[int]:
    """``total`` split in proportion to ``weights`` (whole numbers summing to
    ``total``); remainders broken by the largest fraction, then the first index.
    All weights 0: nothing is given."""
    if total < 0 or any(w < 0 for w in weights):
        raise ValueError("largest_remainder takes no negative numbers")
    whole = sum(weights)
    if whole == 0 or total == 0:
        return [0] * len(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def deal(count: int, targets: Sequence[int]) -> List[int]:
    """Deals ``count`` items in order to the holders of ``targets`` (summing to
    ``count``), interleaved: item k goes to the holder furthest behind its even
    pace (target * (k + 1) / count), ties to the first. Returns the holder of each."""
    assert sum(targets) == count
    given = [0] * len(targets)
    out: List[int] = []
    for k in range(count):
        best, best_lag = -1, None
        for i, t in enumerate(targets):
            if given[i] >= t:
                continue
            lag = t * (k + 1) - given[i] * count  # pace minus given, times count: exact
            if best_lag is None or lag > best_lag:
                best, best_lag = i, lag
        given[best] += 1
        out.append(best)
    return out


def block_of(day: _dt.date, monthly: bool) -> Block:
    if monthly:
        return (day.year, day.month)
    iso = day.isocalendar()
    return (iso[0], iso[1])


def _days(first: _dt.date, last: _dt.date) -> List[_dt.date]:
    return [first + _dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _blocks(days: Iterable[_dt.date], monthly: bool) -> List[Tuple[Block, List[_dt.date]]]:
    grouped: Dict[Block, List[_dt.date]] = {}
    for d in sorted(days):
        grouped.setdefault(block_of(d, monthly), []).append(d)
    return sorted(grouped.items())


# ---------------------------------------------------------------- who takes part in what


@dataclasses.dataclass(frozen=True)
class _Shared:
    kind: str  # "sessions", "platforms", "instructors", "venues"
    id: Any  # SessionKey or resource id
    total: Any  # seats / lanes / frozenset of dates
    members: Tuple[str, ...]  # agencies taking part, in nation.yaml order
    declared: Tuple[str, ...]  # agencies declaring it (members, and those held to nothing)
    monthly: bool = False


class Coordinator:
    """The coordinating step for one national folder (see the module's text)."""

    def __init__(self, nation: Nation, infos: Sequence[AgencyInfo]) -> None:
        self.nation = nation
        self.infos = {a.id: a for a in infos}
        self.order = [a.id for a in sorted(infos, key=lambda a: a.index)]
        self.shared: List[_Shared] = []
        for s in nation.sessions:
            members = tuple(a for a in self.order if s.key in self.infos[a].fixed_sessions)
            self.shared.append(_Shared("sessions", s.key, s.seats, members, members))
        for p in nation.platforms:
            members = tuple(a for a in self.order if p.id in self.infos[a].platforms)
            self.shared.append(_Shared("platforms", p.id, p.concurrent, members, members))
        for kind, people in (("instructors", nation.instructors), ("venues", nation.venues)):
            for person in people:
                declared = tuple(a for a in self.order if person.id in getattr(self.infos[a], kind))
                members = declared if person.agencies is None else tuple(a for a in declared if a in person.agencies)
                monthly = kind == "instructors" and any(
                    self.infos[a].instructors.get(person.id) for a in members
                )
                if members:
                    first = min(self.infos[a].horizon[0] for a in members)
                    last = max(self.infos[a].horizon[1] for a in members)
                    dates = frozenset(_days(first, last))
                else:
                    dates = frozenset()
                self.shared.append(_Shared(kind, person.id, dates, members, declared, monthly))

    def problems(self) -> List[Tuple[str, str, Dict[str, str]]]:
        """(code, msgid, placeholders) for what nation.yaml shares that the agencies do not declare."""
        out: List[Tuple[str, str, Dict[str, str]]] = []
        for s in self.shared:
            if not s.members:
                out.append(("N-SHARED-UNUSED", _en.tr("no agency declares the shared resource {id}"),
                            {"id": _label(s)}))
        for kind, people in (("instructors", self.nation.instructors), ("venues", self.nation.venues)):
            for person in people:
                for a in person.agencies or ():
                    if person.id not in getattr(self.infos[a], kind):
                        out.append(("N-SHARED-UNDECLARED",
                                    _en.tr("the agency {agency} does not declare {id}, which nation.yaml shares with it"),
                                    {"agency": a, "id": person.id}))
        return out

    # ---------------------------------------------------------------- round 0

    def initial(self) -> Tuple[Dict[str, Allowance], "Reserve"]:
        """Round 0: allowances by demand, and what is left in the reserve."""
        held: Dict[str, Dict[str, Dict[Any, Any]]] = {
            a: {"sessions": {}, "platforms": {}, "instructors": {}, "venues": {}} for a in self.order
        }
        reserve = Reserve()
        for s in self.shared:
            infos = [self.infos[a] for a in s.members]
            if s.kind == "sessions":
                weights = [i.demand.get(s.id[0], 0) for i in infos]
                shares = largest_remainder(s.total, weights)
                for a, n in zip(s.members, shares):
                    held[a]["sessions"][s.id] = n
                reserve.sessions[s.id] = s.total - sum(shares)
            elif s.kind == "platforms":
                weights = [i.demand_using("platforms", s.id) for i in infos]
                shares = _lanes(s.total, weights)
                for a, n in zip(s.members, shares):
                    held[a]["platforms"][s.id] = n
                reserve.platforms[s.id] = s.total - sum(shares)
            else:
                weights = [i.demand_using(s.kind, s.id) for i in infos]
                given = _deal_blocks(s.total, s.monthly, weights)
                for a, dates in zip(s.members, given):
                    held[a][s.kind][s.id] = frozenset(dates)
                for a in s.declared:
                    held[a][s.kind].setdefault(s.id, frozenset())
                getattr(reserve, s.kind)[s.id] = frozenset(s.total.difference(*given)) if given else s.total
        return {a: _allowance(held[a]) for a in self.order}, reserve

    # ---------------------------------------------------------------- hand-back

    def hand_back(
        self, allowances: Mapping[str, Allowance], reserve: "Reserve", usage: Mapping[str, Usage]
    ) -> "HandBack":
        """Every agency keeps what it used; the reserve goes to agencies with
        unplaced demand that could use it. Returns the shrunk allowances (what an
        agency keeps if its new plan is refused), the new ones, the receivers and
        the reserve after the hand-out."""
        reserve = reserve.copy()
        kept: Dict[str, Dict[str, Dict[Any, Any]]] = {}
        # Where an agency's plan left some of its allowance unused, more of the same
        # would not place its unplaced demand (something else holds it back):
        # only agencies that used all they had are offered more of it.
        saturated: Set[Tuple[str, str, Any]] = set()
        for a in self.order:
            old, used = allowances[a], usage[a]
            k: Dict[str, Dict[Any, Any]] = {"sessions": {}, "platforms": {}, "instructors": {}, "venues": {}}
            for counted in ("sessions", "platforms"):  # seats and lanes
                spare: Dict[Any, int] = getattr(reserve, counted)
                for rid, n in getattr(old, counted).items():
                    u = getattr(used, counted).get(rid, 0)
                    _check_fits(a, rid, u <= n)
                    k[counted][rid] = u
                    if u >= n:
                        saturated.add((a, counted, rid))
                    spare[rid] = spare.get(rid, 0) + n - u
            for kind in ("instructors", "venues"):
                for rid, dates in getattr(old, kind).items():
                    used_dates: FrozenSet[_dt.date] = getattr(used, kind).get(rid, frozenset())
                    _check_fits(a, rid, used_dates <= dates)
                    keep = used_dates
                    if self._monthly(kind, rid):  # a month partly used stays whole with its agency (the monthly day limit)
                        busy = {block_of(d, True) for d in used_dates}
                        keep = frozenset(d for d in dates if block_of(d, True) in busy)
                    k[kind][rid] = keep
                    monthly = self._monthly(kind, rid)
                    if {block_of(d, monthly) for d in dates} <= {block_of(d, monthly) for d in used_dates}:
                        saturated.add((a, kind, rid))  # every block it held has its sessions
                    pool = getattr(reserve, kind)
                    pool[rid] = pool.get(rid, frozenset()) | (dates - keep)
            kept[a] = k

        grown: Dict[str, Dict[str, Dict[Any, Any]]] = {
            a: {kind: dict(v) for kind, v in k.items()} for a, k in kept.items()
        }
        receivers: Set[str] = set()
        for s in self.shared:
            hungry = [(a, s.kind, s.id) in saturated for a in s.members]
            # Room: more seats or lanes than the agency's own session or platform
            # holds would be of no use to it.
            if s.kind == "sessions":
                room = [max(0, self.infos[a].session_capacity.get(s.id, 0) - kept[a]["sessions"][s.id])
                        for a in s.members]
                wants = [min(usage[a].unplaced.get(s.id[0], 0), r) for a, r in zip(s.members, room)]
            elif s.kind == "platforms":
                room = [max(0, self.infos[a].platforms.get(s.id, 0) - kept[a]["platforms"][s.id]) for a in s.members]
                wants = [self.infos[a].demand_using(s.kind, s.id, usage[a].unplaced) if r else 0
                         for a, r in zip(s.members, room)]
            else:
                wants = [self.infos[a].demand_using(s.kind, s.id, usage[a].unplaced) for a in s.members]
            wants = [w if h else 0 for w, h in zip(wants, hungry)]
            if not any(wants):
                continue
            if s.kind in ("sessions", "platforms"):
                pool_n = getattr(reserve, s.kind).get(s.id, 0)
                if s.kind == "sessions" and pool_n >= sum(wants):
                    shares = list(wants)
                else:
                    shares = [min(n, r) for n, r in zip(largest_remainder(pool_n, wants), room)]
                for a, n in zip(s.members, shares):
                    if n:
                        grown[a][s.kind][s.id] += n
                        receivers.add(a)
                getattr(reserve, s.kind)[s.id] = pool_n - sum(shares)
            else:
                pool_d = getattr(reserve, s.kind).get(s.id, frozenset())
                given = _deal_blocks(pool_d, s.monthly, wants)
                for a, dates in zip(s.members, given):
                    if dates:
                        grown[a][s.kind][s.id] = grown[a][s.kind][s.id] | frozenset(dates)
                        receivers.add(a)
                getattr(reserve, s.kind)[s.id] = frozenset(pool_d.difference(*given))
        return HandBack(
            kept={a: _allowance(kept[a]) for a in self.order},
            grown={a: _allowance(grown[a]) for a in self.order},
            receivers=[a for a in self.order if a in receivers],
            reserve=reserve,
        )

    def settle(self, hb: "HandBack", accepted: Mapping[str, bool]) -> Tuple[Dict[str, Allowance], "Reserve"]:
        """After the receivers were planned again: a receiver whose new plan was
        kept holds its grown allowance, one refused goes back to what it kept and
        the difference returns to the reserve; everyone else holds what it kept."""
        reserve = hb.reserve.copy()
        out: Dict[str, Allowance] = {}
        for a in self.order:
            if a in hb.receivers and accepted.get(a, False):
                out[a] = hb.grown[a]
                continue
            out[a] = hb.kept[a]
            if a in hb.receivers:
                g, k = hb.grown[a], hb.kept[a]
                for skey, n in g.sessions.items():
                    reserve.sessions[skey] = reserve.sessions.get(skey, 0) + n - k.sessions[skey]
                for pid, n in g.platforms.items():
                    reserve.platforms[pid] = reserve.platforms.get(pid, 0) + n - k.platforms[pid]
                for kind in ("instructors", "venues"):
                    pool = getattr(reserve, kind)
                    for rid, dates in getattr(g, kind).items():
                        pool[rid] = pool.get(rid, frozenset()) | (dates - getattr(k, kind)[rid])
        return out, reserve

    def totals_hold(self, allowances: Mapping[str, Allowance], reserve: "Reserve") -> List[str]:
        """The invariant, checked: allowances plus the reserve are the shared
        totals, and no date is held twice. Returns what is wrong (nothing)."""
        wrong = []
        for s in self.shared:
            if s.kind in ("sessions", "platforms"):
                held = sum(getattr(allowances[a], s.kind).get(s.id, 0) for a in s.declared)
                left = getattr(reserve, s.kind).get(s.id, 0)
                if held + left != s.total:
                    wrong.append(f"{s.kind} {_label(s)}: {held} held + {left} reserved != {s.total}")
            else:
                seen: Set[_dt.date] = set()
                for a in s.declared:
                    dates = getattr(allowances[a], s.kind).get(s.id, frozenset())
                    if seen & dates:
                        wrong.append(f"{s.kind} {s.id}: a date is held by two agencies")
                    seen |= dates
                if a_outside := [a for a in s.declared if a not in s.members and getattr(allowances[a], s.kind)[s.id]]:
                    wrong.append(f"{s.kind} {s.id}: held by {a_outside} that may not use it")
                if seen | getattr(reserve, s.kind).get(s.id, frozenset()) != s.total:
                    wrong.append(f"{s.kind} {s.id}: dates held + reserved are not the horizon")
        return wrong

    def _monthly(self, kind: str, rid: str) -> bool:
        return any(s.monthly for s in self.shared if s.kind == kind and s.id == rid)


@dataclasses.dataclass
class Reserve:
    """Shared capacity held by no agency."""

    sessions: Dict[SessionKey, int] = dataclasses.field(default_factory=dict)
    platforms: Dict[str, int] = dataclasses.field(default_factory=dict)
    instructors: Dict[str, FrozenSet[_dt.date]] = dataclasses.field(default_factory=dict)
    venues: Dict[str, FrozenSet[_dt.date]] = dataclasses.field(default_factory=dict)

    def copy(self) -> "Reserve":
        return Reserve(dict(self.sessions), dict(self.platforms), dict(self.instructors), dict(self.venues))


@dataclasses.dataclass(frozen=True)
class HandBack:
    kept: Dict[str, Allowance]
    grown: Dict[str, Allowance]
    receivers: List[str]  #: in nation.yaml order
    reserve: Reserve


def _allowance(held: Mapping[str, Mapping[Any, Any]]) -> Allowance:
    return Allowance(
        sessions=dict(held["sessions"]),
        platforms=dict(held["platforms"]),
        instructors={k: frozenset(v) for k, v in held["instructors"].items()},
        venues={k: frozenset(v) for k, v in held["venues"].items()},
    )


def _lanes(total: int, weights: Sequence[int]) -> List[int]:
    """Lanes: one for every agency with demand when there are enough (the rest
    by largest remainder), else one each for the largest demands."""
    wanting = [i for i, w in enumerate(weights) if w > 0]
    out = [0] * len(weights)
    if total >= len(wanting):
        for i in wanting:
            out[i] = 1
        extra = largest_remainder(total - len(wanting), weights)
        return [a + b for a, b in zip(out, extra)] if wanting else out
    for i in sorted(wanting, key=lambda i: (-weights[i], i))[:total]:
        out[i] = 1
    return out


def _deal_blocks(dates: Iterable[_dt.date], monthly: bool, weights: Sequence[int]) -> List[List[_dt.date]]:
    """The blocks of ``dates`` dealt through the year in proportion to ``weights``."""
    blocks = _blocks(dates, monthly)
    targets = largest_remainder(len(blocks), weights)
    out: List[List[_dt.date]] = [[] for _ in weights]
    if sum(targets) == 0:
        return out
    for (block, days), holder in zip(blocks, deal(len(blocks), targets)):
        out[holder].extend(days)
    return out


def _label(s: _Shared) -> str:
    return " ".join(s.id) if isinstance(s.id, tuple) else str(s.id)


class CoordinationError(AssertionError):
    """A plan used more than its allowance: a bug in restrict or in usage."""


def _check_fits(agency: str, key: Any, ok: bool) -> None:
    if not ok:
        raise CoordinationError(f"the plan of {agency} uses more of {key} than its allowance")


def peak_meetings(intervals: Iterable[Tuple[str, str, str]]) -> int:
    """Most meetings at once among ``(start, end, tag)`` intervals (ISO instants,
    half open); intervals with the same non-empty tag (one fixed national
    session, whatever the number of agencies seated in it) count once."""
    merged: Dict[str, Tuple[_dt.datetime, _dt.datetime]] = {}
    plain: List[Tuple[_dt.datetime, _dt.datetime]] = []
    for start, end, tag in intervals:
        s, e = _dt.datetime.fromisoformat(start), _dt.datetime.fromisoformat(end)
        if tag:
            if tag in merged:
                s0, e0 = merged[tag]
                s, e = min(s, s0), max(e, e0)
            merged[tag] = (s, e)
        else:
            plain.append((s, e))
    events = sorted([(s, 1) for s, _ in (*plain, *merged.values())] + [(e, -1) for _, e in (*plain, *merged.values())],
                    key=lambda x: (x[0], x[1]))
    now = best = 0
    for _, step in events:
        now += step
        best = max(best, now)
    return best
