#!/usr/bin/env bash
# Sets everything up, builds, and runs the main job on the bundled example:
# check it, show one employee's calendar, plan the training, verify the plan.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" build -DJADWAL_BUILD_TESTS=OFF -DJADWAL_BUILD_BENCH=OFF
jadwal="$root/build/jadwal"
example="$root/examples/small/scenario.yaml"
out="$root/out/small"

echo "== jadwal check $example"
"$jadwal" check "$example"
echo
echo "== availability of an office employee in the week of Nyepi and Idul Fitri (Ramadan hours)"
"$jadwal" availability "$example" --employee 198203142006041002 --from 2026-03-16 --to 2026-03-22
echo
echo "== jadwal solve (policy flexible, seed 1) -> $out"
"$jadwal" solve "$example" --out "$out" --policy flexible --seed 1
echo
echo "== jadwal verify: an independent check of the plan"
"$jadwal" verify "$example" "$out/solution.json"
