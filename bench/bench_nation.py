#!/usr/bin/python3
"""The national planner's benchmark (issue 15, docs/scale.md): a generated province
planned on a Dask LocalCluster with 1 and then 2 workers.

Prints the wall time of each run, the speed-up, the time and peak memory of every
agency's solve (from coordination.json), checks that both runs give the same
national plan byte for byte and that the national check passes, and works out the
cluster that plans 4.3 million ASN within an hour from the measured figures.

    PYTHONPATH=build/python bench/bench_nation.py --jadwal build/jadwal \\
        --agencies 10 --employees 60000 --dir /tmp/nation-bench
"""

import argparse
import hashlib
import json
import math
import os
import pathlib
import shutil
import subprocess
import sys
import time

NATION_ASN = 4_300_000


def digest(out: pathlib.Path) -> str:
    """One hash over every agency's solution.json and nation.json."""
    h = hashlib.sha256()
    files = sorted(out.glob("agencies/*/solution.json")) + [out / "nation.json"]
    for f in files:
        h.update(str(f.relative_to(out)).encode())
        # A solve's elapsed_seconds is the one field that differs between runs.
        h.update(b"".join(line for line in f.read_bytes().splitlines(True) if b'"elapsed_seconds"' not in line))
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jadwal", default="build/jadwal", help="the jadwal CLI (for `generate nation`)")
    ap.add_argument("--agencies", type=int, default=10)
    ap.add_argument("--employees", type=int, default=60_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-moves", type=int, default=None, help="per agency solve; default: the planner's")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    ap.add_argument("--dir", default="/tmp/jadwal-nation-bench", help="scratch folder (its contents are ours)")
    a = ap.parse_args()

    root = pathlib.Path(a.dir)
    folder = root / "nation"
    if not (folder / "nation.yaml").exists():
        root.mkdir(parents=True, exist_ok=True)
        t = time.monotonic()
        subprocess.run([a.jadwal, "generate", "nation", "--agencies", str(a.agencies), "--employees",
                        str(a.employees), "--seed", str(a.seed), "--out", str(folder)], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"generated {a.agencies} agencies, {a.employees} ASN in {time.monotonic() - t:.1f} s")

    runs = {}
    for n in [int(x) for x in a.workers.split(",")]:
        out = root / f"plan-{n}-workers"
        if out.exists():
            shutil.rmtree(out)  # a folder this benchmark made on an earlier run
        cmd = [sys.executable, "-m", "jadwal.nation", "plan", str(folder), "--out", str(out), "--workers", str(n),
               "--seed", str(a.seed), "--quiet"]
        if a.max_moves:
            cmd += ["--max-moves", str(a.max_moves)]
        t = time.monotonic()
        rc = subprocess.run(cmd).returncode
        wall = time.monotonic() - t
        coordination = json.loads((out / "coordination.json").read_text())
        runs[n] = {"wall": wall, "rc": rc, "digest": digest(out), "coordination": coordination, "out": out}
        print(f"{n} worker(s): {wall:.1f} s, exit {rc}")

    counts = sorted(runs)
    base = runs[counts[0]]
    for n in counts[1:]:
        print(f"speed-up {counts[0]} -> {n} workers: {base['wall'] / runs[n]['wall']:.2f}x")
    same = len({r["digest"] for r in runs.values()}) == 1
    print(f"same national plan with {', '.join(map(str, counts))} workers: {'yes' if same else 'NO'}")

    agencies = base["coordination"]["agencies"]
    nation = json.loads((base["out"] / "nation.json").read_text())
    employees = {x["id"]: x.get("employees", 0) for x in nation.get("agencies", [])}
    print(f"\nper agency (the {counts[0]}-worker run): employees, rounds planned, seconds of the plan kept "
          "(solve, verify, solution.json), peak RSS of its worker process")
    for ag in agencies:
        secs = float(ag.get("seconds", 0.0))
        rounds = ",".join(str(r) for r in ag.get("rounds_planned", []))
        print(f"  {ag['id']:<28} {employees.get(ag['id'], 0):>7}  rounds {rounds:<6} {secs:7.1f} s  "
              f"{ag.get('max_rss_mb', 0):7.0f} MB")
    total_employees = sum(employees.values()) or a.employees
    # Everything a national run costs on one worker: survey, every round, publishing,
    # the national check and summary, per 1,000 ASN.
    per_thousand = base["wall"] * counts[0] / total_employees * 1000
    peak_mb = max(float(ag.get("max_rss_mb", 0)) for ag in agencies)
    workers_needed = math.ceil(per_thousand * NATION_ASN / 1000 / 3600)
    print(f"\nworker-seconds per 1,000 ASN (the whole {counts[0]}-worker run): {per_thousand:.2f} s; "
          f"largest worker memory {peak_mb:.0f} MB")
    print(f"4.3 million ASN within one hour: {per_thousand * NATION_ASN / 1000:,.0f} worker-seconds "
          f"-> at least {workers_needed} single-core workers of {peak_mb:.0f} MB each (before stragglers)")
    ok = all(r["rc"] == 0 for r in runs.values()) and same
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
