#!/usr/bin/python3
"""Reads jadwal's calendar files with an independent parser and compares them
with what the plan says they must hold.

    ics_check.py DIR MANIFEST.json

DIR holds the .ics files (in sub-directories); the manifest, written by
tests/output/test_ics_roundtrip.cpp, lists per file (path relative to DIR)
its METHOD and its events: UID, start and end as UTC instants, the number of
ATTENDEE properties, SEQUENCE, STATUS and optionally SUMMARY. Every .ics file
must be in the manifest and the other way round, and everything must match
exactly. Reminders (VALARM) must be well formed (ACTION:DISPLAY, a TRIGGER
that reads as a duration, a DESCRIPTION) and absent from METHOD:CANCEL files
and cancelled events (RFC 5546).

Times are converted twice: with the VTIMEZONE inside the file (the writer's
own account of the zone) and with the system's time zone database (zoneinfo);
both must give the manifest's instant. The file is parsed by python3-icalendar
(Debian's 4.0.3); line endings, the 75-octet limit and UTF-8 are checked on
the raw bytes first.

Exit status 0 when everything matches, 1 with one line per problem otherwise.
Run it with /usr/bin/python3: a python3 earlier on PATH may lack the Debian
package.
"""

import datetime
import json
import pathlib
import sys
from zoneinfo import ZoneInfo

import icalendar

UTC = datetime.timezone.utc


def raw_line_problems(raw):
    """RFC 5545 3.1 on the bytes: CRLF everywhere, lines of at most 75 octets, UTF-8."""
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not whole UTF-8 (a character split by folding?)")
    return problems


def utc_text(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def instants(prop, zones):
    """The UTC text of a DTSTART/DTEND, by the file's VTIMEZONE and by zoneinfo."""
    moment = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is None:
        if moment.tzinfo is None or moment.utcoffset() != datetime.timedelta(0):
            return ("not UTC and no TZID", "")
        text = utc_text(moment)
        return (text, text)
    wall = moment.replace(tzinfo=None)
    if tzid not in zones:
        return (f"TZID {tzid} has no VTIMEZONE", "")
    # A local time that occurs twice means the earlier one (RFC 5545 3.3.5):
    # is_dst=True for the file's zone, fold=0 for zoneinfo.
    by_vtimezone = utc_text(zones[tzid].localize(wall, is_dst=True))
    by_database = utc_text(wall.replace(tzinfo=ZoneInfo(tzid), fold=0))
    return (by_vtimezone, by_database)


def raw_uids(text):
    """The UID of each VEVENT, in file order, read from the unfolded text.

    icalendar 4.x decodes %2C, %3A, %3B and %5C inside any value as if they
    were its own escapes (parser.unescape_string), so the UID it reports for
    an id holding ',', ':', ';' or '\\' differs from the file's. The UIDs are
    therefore compared as written, and the parser's events are matched to them
    by position.
    """
    unfolded = text.replace("\r\n ", "").split("\r\n")
    uids, depth = [], []
    for line in unfolded:
        if line.startswith("BEGIN:"):
            depth.append(line[6:])
        elif line.startswith("END:"):
            depth.pop()
        elif depth and depth[-1] == "VEVENT" and line.startswith("UID:"):
            uids.append(line[4:])
    return uids


def attendee_count(event):
    value = event.get("ATTENDEE")
    if value is None:
        return 0
    return len(value) if isinstance(value, list) else 1


def alarm_problems(event, method):
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    if alarms and (method == "CANCEL" or str(event.get("STATUS", "")) == "CANCELLED"):
        return [f"{len(alarms)} VALARM in a cancelled event or a CANCEL file"]
    problems = []
    for alarm in alarms:
        if str(alarm.get("ACTION", "")) != "DISPLAY":
            problems.append(f"VALARM ACTION is {alarm.get('ACTION')!r}")
        trigger = alarm.get("TRIGGER")
        if trigger is None or not isinstance(trigger.dt, datetime.timedelta):
            problems.append(f"VALARM TRIGGER {trigger!r} is not a duration")
        if not str(alarm.get("DESCRIPTION", "")):
            problems.append("VALARM without DESCRIPTION")
    return problems


def check_file(path, raw, want):
    problems = [f"{path}: {p}" for p in raw_line_problems(raw)]
    try:
        cal = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    except Exception as error:  # the parser's own complaint is the finding
        return problems + [f"{path}: icalendar cannot parse it: {error}"]
    for key, value in (("VERSION", "2.0"), ("CALSCALE", "GREGORIAN"), ("METHOD", want["method"])):
        if str(cal.get(key)) != value:
            problems.append(f"{path}: {key} is {cal.get(key)!r}, want {value!r}")
    if not str(cal.get("PRODID", "")):
        problems.append(f"{path}: no PRODID")
    zones = {str(tz["TZID"]): tz.to_tz() for tz in cal.walk("VTIMEZONE")}
    parsed = cal.walk("VEVENT")
    uids = raw_uids(raw.decode("utf-8"))
    if len(uids) != len(parsed):
        return problems + [f"{path}: {len(uids)} UID lines but {len(parsed)} events"]
    for uid, event in zip(uids, parsed):
        if str(event["UID"]) not in (uid, icalendar.parser.unescape_string(uid)):
            problems.append(f"{path}: the parser reads UID {uid} as {event['UID']}")
    events = dict(zip(uids, parsed))
    if len(events) != len(parsed):
        problems.append(f"{path}: a UID appears twice")
    wanted = {e["uid"]: e for e in want["events"]}
    for uid in sorted(set(events) ^ set(wanted)):
        where = "written but not expected" if uid in events else "expected but not written"
        problems.append(f"{path}: event {uid} {where}")
    for uid in sorted(set(events) & set(wanted)):
        event, expected = events[uid], wanted[uid]
        for key in ("DTSTART", "DTEND"):
            wanted_time = expected["start" if key == "DTSTART" else "end"]
            for source, got in zip(("VTIMEZONE", "zoneinfo"), instants(event[key], zones)):
                if got != wanted_time:
                    problems.append(f"{path}: {uid} {key} by {source} is {got}, want {wanted_time}")
        got = {
            "attendees": attendee_count(event),
            "sequence": int(event.get("SEQUENCE", -1)),
            "status": str(event.get("STATUS", "")),
        }
        if "summary" in expected:
            got["summary"] = str(event.get("SUMMARY", ""))
        for key, value in got.items():
            if value != expected[key]:
                problems.append(f"{path}: {uid} {key} is {value!r}, want {expected[key]!r}")
        if not str(event.get("DTSTAMP", "")):
            problems.append(f"{path}: {uid} has no DTSTAMP")
        problems += [f"{path}: {uid} {p}" for p in alarm_problems(event, want["method"])]
    return problems


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    manifest = json.loads(pathlib.Path(argv[2]).read_text(encoding="utf-8"))["files"]
    found = {p.relative_to(root).as_posix() for p in root.rglob("*.ics")}
    problems = [f"{p}: not in the manifest" for p in sorted(found - set(manifest))]
    problems += [f"{p}: missing" for p in sorted(set(manifest) - found)]
    events = 0
    for path in sorted(found & set(manifest)):
        problems += check_file(path, (root / path).read_bytes(), manifest[path])
        events += len(manifest[path]["events"])
    for problem in problems:
        print(problem)
    print(f"ics_check: {len(found)} files, {events} events, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
