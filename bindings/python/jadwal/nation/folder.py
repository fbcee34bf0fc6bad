"""The national folder: nation.yaml, its agencies and their inputs.

``read_nation`` validates nation.yaml and collects every problem before it
raises (one :class:`NationError` listing them all, each with a stable code and
the file, line and column where YAML gives them). Agency scenario paths must
stay inside the folder and may not pass through a symbolic link: none is ever
followed. ``fingerprint`` hashes what an agency's plan depends on.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import importlib
import os
import pathlib
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

# PyYAML has no type information where Debian's mypy runs: use it as Any.
yaml: Any = importlib.import_module("yaml")

NATION_FILE = "nation.yaml"
_ID = re.compile(r"[a-z0-9_]+\Z")
_START = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::00)?\Z")


class _English:
    """Marks a sentence for the message catalogue (scripts/messages.py finds
    calls of a method named tr) and keeps it English; :meth:`Problem.text` translates it."""

    @staticmethod
    def tr(text: str) -> str:
        return text


_en = _English()


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing wrong with the national folder."""

    code: str  #: stable, e.g. "N-UNKNOWN-AGENCY"
    message: str  #: in English
    file: str
    line: Optional[int] = None  #: 1-based
    column: Optional[int] = None  #: 1-based
    template: str = ""  #: the catalogue's msgid of ``message``
    args: Tuple[Tuple[str, str], ...] = ()  #: its placeholders

    def text(self, messages: Any) -> str:
        """``file:line:col: CODE: message`` in the language of ``messages`` (a jadwal.Messages)."""
        sentence = messages.tr(self.template).format(**dict(self.args)) if self.template else self.message
        return f"{self.where()}: {self.code}: {sentence}"

    def where(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.where()}: {self.code}: {self.message}"

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)


class NationError(ValueError):
    """nation.yaml (or an agency's inputs) cannot be used; ``problems`` lists why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclasses.dataclass(frozen=True)
class Agency:
    id: str
    name: str
    kind: str
    scenario: pathlib.Path  #: absolute, inside the folder, reached through no link
    index: int  #: place in nation.yaml (ties are broken by it)


@dataclasses.dataclass(frozen=True)
class SharedSession:
    program: str
    module: str
    start: str  #: local "YYYY-MM-DDTHH:MM", as the agencies' `fixed:` entries
    seats: int

    @property
    def key(self) -> Tuple[str, str, str]:
        return (self.program, self.module, self.start)


@dataclasses.dataclass(frozen=True)
class SharedPlatform:
    id: str
    concurrent: int


@dataclasses.dataclass(frozen=True)
class SharedPerson:
    """A shared instructor or venue; ``agencies`` None: every agency declaring it."""

    id: str
    agencies: Optional[Tuple[str, ...]]


@dataclasses.dataclass(frozen=True)
class Nation:
    folder: pathlib.Path  #: absolute
    name: str
    locale: Optional[str]
    agencies: Tuple[Agency, ...]
    sessions: Tuple[SharedSession, ...]
    platforms: Tuple[SharedPlatform, ...]
    instructors: Tuple[SharedPerson, ...]
    venues: Tuple[SharedPerson, ...]

    def agency(self, id: str) -> Agency:
        for a in self.agencies:
            if a.id == id:
                return a
        raise KeyError(id)


# ---------------------------------------------------------------- YAML with positions


class _Map(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it and each of its keys stand in the file."""

    mark: Any = None
    key_marks: Dict[Any, Any]


class _Seq(list):  # type: ignore[type-arg]
    mark: Any = None
    item_marks: List[Any]


#: yaml.SafeLoader (no arbitrary objects) that keeps node positions.
_Loader: Any = type("_Loader", (yaml.SafeLoader,), {})


def _construct_map(loader: Any, node: Any) -> _Map:
    loader.flatten_mapping(node)
    out = _Map()
    out.mark = node.start_mark
    out.key_marks = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_marks[key] = value_node.start_mark
    return out


def _construct_seq(loader: Any, node: Any) -> _Seq:
    out = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    out.mark = node.start_mark
    out.item_marks = [child.start_mark for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: List[Problem] = []

    def add(self, code: str, template: str, mark: Any = None, **args: Any) -> None:
        line = None if mark is None else mark.line + 1
        column = None if mark is None else mark.column + 1
        values = tuple((k, str(v)) for k, v in args.items())
        self.problems.append(Problem(code, template.format(**dict(values)), self.file, line, column, template, values))


def _mark_of(parent: Any, key: Any) -> Any:
    if isinstance(parent, _Map):
        return parent.key_marks.get(key, parent.mark)
    if isinstance(parent, _Seq) and isinstance(key, int) and key < len(parent.item_marks):
        return parent.item_marks[key]
    return getattr(parent, "mark", None)


def _keys(c: _Collector, node: _Map, allowed: Sequence[str], required: Sequence[str], what: str) -> None:
    for key in node:
        if key not in allowed:
            c.add("N-UNKNOWN-KEY", _en.tr("unknown key '{key}' in {what} (known: {known})"), _mark_of(node, key),
                  key=key, what=what, known=", ".join(allowed))
    for key in required:
        if key not in node:
            c.add("N-MISSING-KEY", _en.tr("{what} needs '{key}'"), node.mark, what=what, key=key)


def _text(c: _Collector, node: _Map, key: str, what: str, default: Optional[str] = None) -> Optional[str]:
    value = node.get(key, default)
    if value is None:
        return None
    if isinstance(value, (dict, list)) or isinstance(value, bool):
        c.add("N-BAD-VALUE", _en.tr("'{key}' of {what} must be text"), _mark_of(node, key), key=key, what=what)
        return None
    return str(value)


def _ident(c: _Collector, node: _Map, key: str, what: str) -> Optional[str]:
    value = _text(c, node, key, what)
    if value is not None and not _ID.match(value):
        c.add("N-BAD-ID", _en.tr("'{value}' is not an id ([a-z0-9_]+) in {what}"), _mark_of(node, key), value=value,
              what=what)
        return None
    return value


def _count(c: _Collector, node: _Map, key: str, what: str) -> Optional[int]:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        c.add("N-BAD-VALUE", _en.tr("'{key}' of {what} must be a whole number from 0, not {value}"), _mark_of(node, key),
              key=key, what=what, value=repr(value))
        return None
    return value


def _start_text(value: Any) -> Optional[str]:
    """A fixed session's start as "YYYY-MM-DDTHH:MM" (YAML may have made it a datetime)."""
    if isinstance(value, _dt.datetime):
        if value.second or value.microsecond or value.tzinfo is not None:
            return None
        return value.strftime("%Y-%m-%dT%H:%M")
    if not isinstance(value, str):
        return None
    m = _START.match(value.strip())
    if not m:
        return None
    try:
        when = _dt.datetime.fromisoformat(f"{m.group(1)}T{int(m.group(2)):02d}:{m.group(3)}")
    except ValueError:
        return None
    return when.strftime("%Y-%m-%dT%H:%M")


class PathRefused(ValueError):
    def __init__(self, code: str, template: str, path: str) -> None:
        self.code, self.template, self.path = code, template, path
        super().__init__(f"{code}: {template.format(path=path)}")


def resolve_inside(folder: pathlib.Path, relative: str) -> pathlib.Path:
    """``folder/relative`` checked component by component: no absolute path, no
    way out of ``folder`` (``..``), no symbolic link on the way (none is
    followed, not even one that would stay inside). Raises :class:`PathRefused`
    (a ValueError) with the code "N-SCENARIO-OUTSIDE" or "N-SCENARIO-LINK"."""
    if not relative or os.path.isabs(relative):
        raise PathRefused("N-SCENARIO-OUTSIDE", _en.tr("the path '{path}' must be relative to nation.yaml"), relative)
    parts = pathlib.PurePosixPath(relative.replace("\\", "/")).parts
    current = folder
    depth = 0
    for part in parts:
        if part in ("", "."):
            continue
        if part == "..":
            depth -= 1
            if depth < 0:
                raise PathRefused("N-SCENARIO-OUTSIDE", _en.tr("the path '{path}' leaves the national folder"), relative)
            current = current.parent
            continue
        current = current / part
        depth += 1
        if os.path.islink(current):
            raise PathRefused("N-SCENARIO-LINK", _en.tr("the path '{path}' passes through a symbolic link: it is not followed"),
                              relative)
    return current


def _people(c: _Collector, shared: _Map, key: str, agency_ids: Sequence[str]) -> List[SharedPerson]:
    out: List[SharedPerson] = []
    items = shared.get(key) or []
    if not isinstance(items, list):
        c.add("N-BAD-VALUE", _en.tr("{what} must be a list"), _mark_of(shared, key), what=f"shared.{key}")
        return out
    seen = set()
    for i, item in enumerate(items):
        what = f"shared.{key}[{i}]"
        if not isinstance(item, _Map):
            c.add("N-BAD-VALUE", _en.tr("{what} must be a mapping"), _mark_of(items, i), what=what)
            continue
        _keys(c, item, ("id", "agencies"), ("id",), what)
        rid = _ident(c, item, "id", what)
        if rid is not None and rid in seen:
            c.add("N-DUPLICATE-SHARED", _en.tr("{what}: '{id}' is listed twice"), _mark_of(item, "id"), what=what, id=rid)
        seen.add(rid)
        agencies: Optional[Tuple[str, ...]] = None
        if "agencies" in item:
            listed = item["agencies"]
            if isinstance(listed, str):
                listed = [listed]
            if not isinstance(listed, list) or not listed:
                c.add("N-BAD-VALUE", _en.tr("{what} must be a non-empty list of agency ids"), _mark_of(item, "agencies"),
                      what=f"{what}.agencies")
            else:
                ok = []
                for j, a in enumerate(listed):
                    if str(a) not in agency_ids:
                        mark = _mark_of(listed, j) if isinstance(listed, _Seq) else _mark_of(item, "agencies")
                        c.add("N-UNKNOWN-AGENCY", _en.tr("{what} names '{agency}', which is not an agency of nation.yaml"),
                              mark, what=f"{what}.agencies", agency=str(a))
                    elif str(a) not in ok:
                        ok.append(str(a))
                agencies = tuple(ok)
        if rid is not None:
            out.append(SharedPerson(rid, agencies))
    return out


def read_nation(folder: "os.PathLike[str] | str") -> Nation:
    """Reads and validates ``folder/nation.yaml``. Raises :class:`NationError`
    with every problem found."""
    root = pathlib.Path(os.path.abspath(os.fspath(folder)))
    path = root / NATION_FILE
    c = _Collector(str(path))
    if os.path.islink(path):
        c.add("N-SCENARIO-LINK", _en.tr("nation.yaml is a symbolic link: it is not followed"))
        raise NationError(c.problems)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        c.add("N-NO-NATION", _en.tr("no nation.yaml in {folder}"), folder=str(root))
        raise NationError(c.problems) from None
    except (OSError, UnicodeDecodeError) as e:
        c.add("N-NO-NATION", _en.tr("cannot read nation.yaml: {error}"), error=str(e))
        raise NationError(c.problems) from None
    try:
        doc = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        c.add("N-YAML", _en.tr("not valid YAML: {error}"), mark, error=str(getattr(e, "problem", None) or e))
        raise NationError(c.problems) from None
    if not isinstance(doc, _Map):
        c.add("N-BAD-VALUE", _en.tr("nation.yaml must be a mapping with 'agencies'"))
        raise NationError(c.problems)
    _keys(c, doc, ("name", "locale", "agencies", "shared"), ("agencies",), "nation.yaml")
    name = _text(c, doc, "name", "nation.yaml") or root.name
    locale = _text(c, doc, "locale", "nation.yaml")
    if locale is not None and locale not in ("id", "en"):
        c.add("N-BAD-VALUE", _en.tr("locale must be 'id' or 'en', not '{locale}'"), _mark_of(doc, "locale"), locale=locale)
        locale = None

    agencies: List[Agency] = []
    items = doc.get("agencies") or []
    if not isinstance(items, list) or ("agencies" in doc and not items):
        c.add("N-BAD-VALUE", _en.tr("{what} must be a non-empty list"), _mark_of(doc, "agencies"), what="agencies")
        items = []
    ids: List[str] = []
    for i, item in enumerate(items):
        what = f"agencies[{i}]"
        if not isinstance(item, _Map):
            c.add("N-BAD-VALUE", _en.tr("{what} must be a mapping"), _mark_of(items, i), what=what)
            continue
        _keys(c, item, ("id", "name", "kind", "scenario"), ("id", "scenario"), what)
        aid = _ident(c, item, "id", what)
        if aid is not None and aid in ids:
            c.add("N-DUPLICATE-AGENCY", _en.tr("{what}: the agency id '{id}' is used twice"), _mark_of(item, "id"), what=what,
                  id=aid)
            aid = None
        if aid is not None:
            ids.append(aid)
        scenario = _text(c, item, "scenario", what)
        resolved: Optional[pathlib.Path] = None
        if scenario is not None:
            try:
                resolved = resolve_inside(root, scenario)
            except PathRefused as e:
                c.add(e.code, e.template, _mark_of(item, "scenario"), path=e.path)
            else:
                if not resolved.is_file():
                    c.add("N-SCENARIO-MISSING", _en.tr("{what}: no scenario file '{path}'"), _mark_of(item, "scenario"),
                          what=what, path=scenario)
                    resolved = None
        if aid is not None and resolved is not None:
            agencies.append(
                Agency(aid, _text(c, item, "name", what) or aid, _text(c, item, "kind", what) or "", resolved, i)
            )

    sessions: List[SharedSession] = []
    platforms: List[SharedPlatform] = []
    instructors: List[SharedPerson] = []
    venues: List[SharedPerson] = []
    shared = doc.get("shared")
    if shared is not None and not isinstance(shared, _Map):
        c.add("N-BAD-VALUE", _en.tr("{what} must be a mapping"), _mark_of(doc, "shared"), what="shared")
    elif isinstance(shared, _Map):
        _keys(c, shared, ("sessions", "platforms", "instructors", "venues"), (), "shared")
        seen_sessions = set()
        for i, item in enumerate(shared.get("sessions") or []):
            what = f"shared.sessions[{i}]"
            if not isinstance(item, _Map):
                c.add("N-BAD-VALUE", _en.tr("{what} must be a mapping"), _mark_of(shared.get("sessions"), i), what=what)
                continue
            _keys(c, item, ("program", "module", "start", "seats"), ("program", "module", "start", "seats"), what)
            program, module = _text(c, item, "program", what), _text(c, item, "module", what)
            start = _start_text(item.get("start"))
            if "start" in item and start is None:
                c.add("N-BAD-VALUE", _en.tr("{what} must be a local time YYYY-MM-DDTHH:MM"), _mark_of(item, "start"),
                      what=f"{what}.start")
            seats = _count(c, item, "seats", what)
            if program is not None and module is not None and start is not None and seats is not None:
                s = SharedSession(program, module, start, seats)
                if s.key in seen_sessions:
                    c.add("N-DUPLICATE-SHARED", _en.tr("{what}: this session is listed twice"), item.mark, what=what)
                seen_sessions.add(s.key)
                sessions.append(s)
        seen_platforms = set()
        for i, item in enumerate(shared.get("platforms") or []):
            what = f"shared.platforms[{i}]"
            if not isinstance(item, _Map):
                c.add("N-BAD-VALUE", _en.tr("{what} must be a mapping"), _mark_of(shared.get("platforms"), i), what=what)
                continue
            _keys(c, item, ("id", "concurrent"), ("id", "concurrent"), what)
            pid, lanes = _ident(c, item, "id", what), _count(c, item, "concurrent", what)
            if pid is not None and pid in seen_platforms:
                c.add("N-DUPLICATE-SHARED", _en.tr("{what}: '{id}' is listed twice"), _mark_of(item, "id"), what=what, id=pid)
            seen_platforms.add(pid)
            if pid is not None and lanes is not None:
                platforms.append(SharedPlatform(pid, lanes))
        instructors = _people(c, shared, "instructors", ids)
        venues = _people(c, shared, "venues", ids)

    if c.problems:
        raise NationError(c.problems)
    return Nation(root, name, locale, tuple(agencies), tuple(sessions), tuple(platforms), tuple(instructors),
                  tuple(venues))


# ---------------------------------------------------------------- an agency's inputs


def agency_files(agency: Agency) -> List[pathlib.Path]:
    """The scenario file, then every other file of its folder (and below) sorted by
    relative name. Symbolic links are listed, never followed."""
    base = agency.scenario.parent
    found = []
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames.sort()
        for name in list(dirnames):
            if os.path.islink(os.path.join(dirpath, name)):
                filenames.append(name)
        for name in filenames:
            p = pathlib.Path(dirpath) / name
            if p != agency.scenario:
                found.append(p)
    found.sort(key=lambda p: p.relative_to(base).as_posix())
    return [agency.scenario] + found


def fingerprint(agency: Agency) -> str:
    """sha256 over the scenario file and every file in its folder (name, then
    bytes; a symbolic link by its target text, unfollowed)."""
    h = hashlib.sha256()
    base = agency.scenario.parent
    for p in agency_files(agency):
        h.update(p.relative_to(base).as_posix().encode("utf-8") + b"\0")
        if os.path.islink(p):
            h.update(b"link\0" + os.readlink(p).encode("utf-8", "surrogateescape"))
        else:
            data = p.read_bytes()
            h.update(str(len(data)).encode("ascii") + b"\0" + data)
        h.update(b"\0")
    return h.hexdigest()
