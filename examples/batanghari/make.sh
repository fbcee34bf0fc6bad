#!/usr/bin/env bash
# Makes the bundled Batanghari example: a generated population of 7,200 civil
# servants of Kabupaten Batanghari (domain.md) with the shipped policies, always
# the same for the same jadwal (seed 7). It is generated rather than stored: the
# generator is the source, and 0.9 MB of YAML and CSV would only repeat it.
#   examples/batanghari/make.sh JADWAL OUT_DIR   -> OUT_DIR/scenario.yaml (+ scenario.employees.csv)
set -euo pipefail
jadwal=${1:?usage: make.sh JADWAL OUT_DIR}
out=${2:?usage: make.sh JADWAL OUT_DIR}
mkdir -p "$out"
"$jadwal" generate batanghari --employees 7200 --seed 7 --year 2026 --locale id --out "$out/scenario.yaml"
