#!/usr/bin/env bash
# Sets everything up, builds, and runs the main job on the bundled example (the
# 7,200-person Batanghari population, examples/batanghari): compare the shipped
# policies, plan under `flexible` with every output, verify the plan, explain
# one person's plan. Also checks and plans the small hand-written example.
#   JADWAL_EXAMPLE_SECONDS (default 20): search time per plan.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${JADWAL_EXAMPLE_SECONDS:-20}
"$root/scripts/setup.sh"
"$root/scripts/build.sh" build -DJADWAL_BUILD_CLI=ON -DJADWAL_BUILD_TESTS=OFF -DJADWAL_BUILD_BENCH=OFF
jadwal="$root/build/jadwal"
out="$root/out/batanghari"
example="$out/scenario.yaml"

echo "== the bundled example: examples/batanghari/make.sh -> $example"
"$root/examples/batanghari/make.sh" "$jadwal" "$out"
"$jadwal" check "$example"
echo
echo "== jadwal compare: classroom_only, flexible, modular (${seconds} s each, seed 1)"
"$jadwal" compare "$example" --policy classroom_only --policy flexible --policy modular \
  --time-limit "$seconds" --seed 1 --out "$out/compare"
echo
echo "== jadwal solve (policy flexible, seed 1, ${seconds} s, compared with the baseline) -> $out/plan"
"$jadwal" solve "$example" --out "$out/plan" --policy flexible --seed 1 --time-limit "$seconds" --compare-baseline
echo
echo "== jadwal verify: an independent check of the plan"
"$jadwal" verify "$example" "$out/plan/solution.json" > "$out/verify.txt"
sed -n 1,25p "$out/verify.txt"
echo "(the whole check: $out/verify.txt)"
echo
nip=$(sed -n 2p "$out/scenario.employees.csv" | cut -d, -f1)
echo "== jadwal explain --employee $nip"
"$jadwal" explain "$example" "$out/plan/solution.json" --employee "$nip"
echo
echo "Open $out/plan/report.html and $out/compare/comparison.html in a browser;"
echo "calendars are in $out/plan/calendars/."

small="$root/examples/small/scenario.yaml"
echo
echo "== the small hand-written example: check, plan, verify"
"$jadwal" check "$small"
"$jadwal" solve "$small" --out "$root/out/small" --policy flexible --seed 1 --max-moves 200000 >/dev/null
"$jadwal" verify "$small" "$root/out/small/solution.json" > "$root/out/small/verify.txt"
sed -n 1p "$root/out/small/verify.txt"
