#!/usr/bin/env python3
"""Plans people can live with (issue 17): prints the figures its targets name.

1. Stability: examples/replan_story (600 people, a hall closed for two weeks in May)
   re-planned under each stability setting, with the changes by the reason the checker
   finds for each (the program prints them; this collects its table).
2. Preferences: the bundled example (7,200 people, seed 7) with generated preferences
   (`generate batanghari --preferences SHARE`), solved under `flexible` twice with the
   same seed and moves: once as it is, once with the `preference` weight at 0 (the
   preferences are still there, so refusals hold and misses are counted, but the search
   ignores them). The checker's figures of both plans are printed.

    bench/bench_people.py --jadwal build/jadwal --story build/examples/replan_story/replan_story

Prints figures; asserts nothing (tests check correctness, benchmarks measure).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def stability(story, policy, moves):
    with tempfile.TemporaryDirectory() as out:
        text = run([story, "--out", out, "--employees", "600", "--seed", "9", "--max-moves", str(moves),
                    "--policy", policy]).stdout
    start = text.index("changes by reason")
    block = text[start:].split("\n\n")[0]
    print(f"-- examples/replan_story, policy {policy}, {moves} moves per solve")
    print(block)
    print()


def verify(jadwal, scenario, plan):
    r = run([jadwal, "verify", scenario, plan, "--format", "json"])
    return json.loads(r.stdout)


def preferences(jadwal, share, moves, policy):
    with tempfile.TemporaryDirectory() as d:
        scenario = os.path.join(d, "scenario.yaml")
        run([jadwal, "generate", "batanghari", "--employees", "7200", "--seed", "7", "--year", "2026",
             "--preferences", str(share), "--out", scenario])
        # The same scenario whose policies ignore preferences (weight 0).
        ignoring = os.path.join(d, "ignoring.yaml")
        with open(scenario, encoding="utf-8") as f:
            text = f.read()
        text, n = re.subn(r"(\n    weights: \{[^}]*)\}", r"\1, preference: 0}", text)
        if n == 0:
            sys.exit("bench_people: the generated policies have no weights line to change")
        with open(ignoring, "w", encoding="utf-8") as f:
            f.write(text)
        rows = []
        for name, path in (("with preferences", scenario), ("ignoring them", ignoring)):
            out = os.path.join(d, name.replace(" ", "_"))
            started = time.monotonic()
            run([jadwal, "solve", path, "--out", out, "--policy", policy, "--seed", "7", "--max-moves",
                 str(moves), "--format", "json"])
            seconds = time.monotonic() - started
            # Both plans are checked against the scenario with preferences.
            r = verify(jadwal, scenario, os.path.join(out, "solution.json"))
            m = r["metrics"]
            rows.append((name, m["demand_placed"], m["demand_total"], m["jp_target_met"], m["preference_misses"],
                         m["disruption_minutes"], m["after_hours_minutes"], r["violations_by_code"], seconds))
    print(f"-- bundled example (7,200, seed 7) with generated preferences (share {share}), policy {policy}, "
          f"{moves} moves")
    print(f"{'run':<18} {'placed':>13} {'JP met':>7} {'pref. misses':>13} {'disruption':>11} {'after hours':>12} "
          f"{'violations':>10} {'seconds':>8}")
    for name, placed, total, met, misses, dis, ah, viol, sec in rows:
        print(f"{name:<18} {placed:>6}/{total:<6} {met:>7} {misses:>13} {dis:>11} {ah:>12} {sum(viol.values()):>10} "
              f"{sec:>8.1f}")
    (_, p1, _, _, m1, *_), (_, p0, _, _, m0, *_) = rows
    print(f"preference misses {m0} -> {m1} ({(m1 - m0) / max(m0, 1):+.1%}), demand placed {p0} -> {p1}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jadwal", default="build/jadwal")
    ap.add_argument("--story", default="build/examples/replan_story/replan_story")
    ap.add_argument("--share", type=float, default=0.3, help="share of people with preferences")
    ap.add_argument("--moves", type=int, default=3_000_000, help="moves per solve of the bundled example")
    ap.add_argument("--story-moves", type=int, default=20_000)
    ap.add_argument("--policy", default="flexible")
    a = ap.parse_args()
    stability(a.story, "classroom_only", a.story_moves)
    stability(a.story, "flexible", a.story_moves)
    preferences(a.jadwal, a.share, a.moves, a.policy)


if __name__ == "__main__":
    main()
