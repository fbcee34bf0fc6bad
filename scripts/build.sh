#!/usr/bin/env bash
# Configures and builds into DIR (default build/) with extra CMake arguments.
#   scripts/build.sh [DIR] [cmake args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build}
shift || true
cmake -S "$root" -B "$root/$dir" -DJADWAL_WERROR=ON "$@" >/dev/null
cmake --build "$root/$dir" -j"$(nproc)"
