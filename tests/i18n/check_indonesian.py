#!/usr/bin/python3
"""What an Indonesian reader sees is Indonesian (issue 14's acceptance check).

Generates a small Batanghari scenario (locale: id, as `jadwal generate` writes
it), plans it, compares two policies, explains a person and writes every output,
then reads what people read: the visible text of report.html and
comparison.html, the SUMMARY, DESCRIPTION, LOCATION and alarm texts of every
calendar file, the explanations and the CLI's summaries. It fails, naming the
file and the words, when any holds a common English word; and it runs the same
with --lang en and insists those texts DO hold English words, so the check
cannot pass by reading nothing.

usage: check_indonesian.py JADWAL_BINARY WORK_DIR
"""
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

# Common English words that are not also Indonesian words ("unit", "program",
# "platform", "total", "minimum", "mode" are both and are left out).
ENGLISH = """the and of with is are not because would could should training trainings cohort cohorts
session sessions people week weeks hours after before from which when where planned placed unplaced
leave holiday participants participation classroom online self-paced reason alternative budget
deadline each every none only there their this that these study working time day days month months
monday tuesday wednesday thursday friday saturday sunday january february march june july august
october december employee employees instructor venue cost""".split()
# Words, with ids (letters joined by '_' or digits: classroom_only, wi_01) as
# one token, so an id is never read as English.
WORD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


class Visible(html.parser.HTMLParser):
    """The text a browser shows: no tags, scripts, styles or <code> (ids, codes)."""

    def __init__(self):
        super().__init__()
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code"):
            self.skip += 1
        for k, v in attrs:
            if k in ("title", "aria-label", "alt") and v:
                self.parts.append(v)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path):
    p = Visible()
    p.feed(path.read_text(encoding="utf-8"))
    return " ".join(p.parts)


def ics_text(path):
    out = []
    lines = path.read_text(encoding="utf-8").replace("\r\n ", "").splitlines()
    for line in lines:
        name, _, value = line.partition(":")
        if name.split(";")[0] in ("SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "X-WR-CALDESC"):
            out.append(value.replace("\\n", " ").replace("\\,", ",").replace("\\;", ";"))
    return " ".join(out)


def english_words(text, names):
    found = set()
    # Words from the scenario's own names (people, units, programmes) are the
    # scenario's, not jadwal's.
    for w in WORD.findall(text):
        lw = w.lower()
        if "_" in lw or any(c.isdigit() for c in lw):
            continue
        if lw in ENGLISH and lw not in names:
            found.add(lw)
    return found


def run(jadwal, args, env=None):
    r = subprocess.run([jadwal] + args, capture_output=True, text=True, env=env)
    if r.returncode not in (0, 3):
        sys.exit(f"jadwal {' '.join(args)} exited {r.returncode}:\n{r.stderr}")
    return r.stdout + "\n" + r.stderr


def main():
    jadwal, work = sys.argv[1], pathlib.Path(sys.argv[2])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1780000000")
    scenario = work / "scenario.yaml"
    run(jadwal, ["generate", "batanghari", "--employees", "400", "--seed", "3", "--locale", "id",
                 "--out", str(scenario)])
    if "locale: id" not in scenario.read_text(encoding="utf-8"):
        sys.exit("the generated scenario does not say locale: id")
    names = set()
    for m in re.finditer(r"(?:name|title|what|why): *\"?([^\"\n}]+)", scenario.read_text(encoding="utf-8")):
        names.update(w.lower() for w in WORD.findall(m.group(1)))

    failures = []
    seen = {}
    for lang in ("id", "en"):
        out = work / lang
        texts = {}
        texts["solve (CLI)"] = run(jadwal, ["solve", str(scenario), "--out", str(out), "--seed", "1",
                                            "--max-moves", "20000", "--lang", lang], env)
        sol = json.loads((out / "solution.json").read_text(encoding="utf-8"))
        texts["solution.json reasons"] = " ".join(
            r.get("message", "") + " " + " ".join(a.get("description", "") for a in u.get("alternatives", []))
            for u in sol.get("unplaced", []) for r in u.get("reasons", []))
        person = sol["unplaced"][0]["employee"] if sol.get("unplaced") else None
        if person:
            texts["explain (CLI)"] = run(jadwal, ["explain", str(scenario), str(out / "solution.json"),
                                                  "--employee", person, "--lang", lang])
        texts["compare (CLI)"] = run(jadwal, ["compare", str(scenario), "--policy", "classroom_only", "--policy",
                                              "flexible", "--max-moves", "5000", "--runs", "20", "--out",
                                              str(work / f"compare-{lang}"), "--lang", lang], env)
        texts["report.html"] = html_text(out / "report.html")
        texts["comparison.html"] = html_text(work / f"compare-{lang}" / "comparison.html")
        cals = sorted((out / "calendars").rglob("*.ics"))
        if not cals:
            failures.append(f"{lang}: no calendar files")
        for c in cals[:400]:
            texts[str(c.relative_to(out))] = ics_text(c)
        # The CLI's metric table names each metric by its machine name
        # (docs/model.md "Metrics"; outside checks read them), as JSON does.
        metric_names = {k.lower() for k in sol.get("metrics", {})}
        for where, text in texts.items():
            words = english_words(text, names | (metric_names if "(CLI)" in where else set()))
            seen.setdefault(lang, {})[where] = words
            if lang == "id" and words:
                failures.append(f"id: {where} has English words: {', '.join(sorted(words))}")
    # The check reads something: in English the same texts are full of English words.
    for where in ("report.html", "comparison.html", "solve (CLI)"):
        if not seen["en"].get(where):
            failures.append(f"en: {where} shows none of the English words, so the check reads nothing there")
    for f in failures:
        print(f)
    print(f"{sum(len(v) for v in seen.values())} texts read, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
