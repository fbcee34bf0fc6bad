#!/usr/bin/env bash
# The year as it happens (README.md here): a regency plans its training year in
# January; by July people have trained elsewhere too (the SIASN history) and
# have missed some of the planned sessions. Re-plan from 1 July with both, and
# compare the JP outlook by staff group before and after.
#
#   midyear.sh JADWAL OUT_DIR [EMPLOYEES] [MAX_MOVES]
#
# Defaults: the bundled example's 7,200 people (seed 7) and 10,000,000 moves per
# solve, the run README.md tells; the test runs 600 people and 200,000 moves.
# Every step is a `jadwal` command; every file goes under OUT_DIR. Exit status:
# 0 when the re-plan verifies and repeats byte for byte, else the failing step's.
set -euo pipefail
jadwal=${1:?usage: midyear.sh JADWAL OUT_DIR [EMPLOYEES] [MAX_MOVES]}
out=${2:?usage: midyear.sh JADWAL OUT_DIR [EMPLOYEES] [MAX_MOVES]}
employees=${3:-7200}
moves=${4:-10000000}
july=2026-07-01
mkdir -p "$out/january" "$out/july"

echo "== 1. the regency in January (no history yet) and in July (history up to $july)"
"$jadwal" generate batanghari --employees "$employees" --seed 7 --year 2026 --out "$out/january/scenario.yaml"
"$jadwal" generate batanghari --employees "$employees" --seed 7 --year 2026 --history-until "$july" \
    --out "$out/july/scenario.yaml"

echo "== 2. the January plan (flexible policy, $moves moves)"
# A solve's progress and metrics go to its log; a failure shows it.
logged() {
    local log=$1
    shift
    "$@" > "$log" 2>&1 || { cat "$log"; return 1; }
}
logged "$out/january/solve.log" "$jadwal" --lang en solve "$out/january/scenario.yaml" --policy flexible \
    --max-moves "$moves" --seed 1 --format json --out "$out/january/plan"
grep -E "^  (demand_placed|jp_target_met) " "$out/january/solve.log" || true

echo "== 3. attendance records of the first half, drawn from the attendance model"
"$jadwal" --lang en attendance simulate "$out/january/scenario.yaml" "$out/january/plan/solution.json" \
    --before "$july" --seed 1 --out "$out/records.csv"

echo "== 4. in July, keeping the January plan (history and records known)"
"$jadwal" --lang en simulate "$out/july/scenario.yaml" "$out/january/plan/solution.json" \
    --records "$out/records.csv" > "$out/july/outlook-kept.txt"
sed -n '/JP outlook/,$p' "$out/july/outlook-kept.txt"

echo "== 5. re-planned from $july with the history and the records (make-ups)"
replan() {
    logged "$1.log" "$jadwal" --lang en solve "$out/july/scenario.yaml" --policy flexible --max-moves "$moves" \
        --seed 1 --previous "$out/january/plan/solution.json" --replan-from "$july" \
        --attendance "$out/records.csv" --format json --out "$1"
}
replan "$out/july/plan"
grep -E "^  (demand_placed|jp_target_met|jp_earned) |^make-ups" "$out/july/plan.log" || true
"$jadwal" --lang en simulate "$out/july/scenario.yaml" "$out/july/plan/solution.json" \
    --records "$out/records.csv" > "$out/july/outlook-replanned.txt"
sed -n '/records tell/p;/JP outlook/,$p' "$out/july/outlook-replanned.txt"

echo "== 6. checks"
"$jadwal" --lang en verify "$out/july/scenario.yaml" "$out/july/plan/solution.json" \
    --previous "$out/january/plan/solution.json" --replan-from "$july" --attendance "$out/records.csv" \
    > "$out/july/verify.txt" || { cat "$out/july/verify.txt"; exit 1; }
head -n 1 "$out/july/verify.txt"
makeups=$(grep -c '"sessions_missed"' "$out/july/plan/solution.json" || true)
echo "check: make-ups in the re-plan: $makeups"
replan "$out/july/again"
if cmp -s <(grep -v '"elapsed_seconds"' "$out/july/plan/solution.json") \
          <(grep -v '"elapsed_seconds"' "$out/july/again/solution.json"); then
    echo "check: the re-plan repeats byte for byte for its seed: yes"
else
    echo "check: the re-plan repeats byte for byte for its seed: NO"
    exit 1
fi
