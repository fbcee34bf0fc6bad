#!/usr/bin/env bash
# Builds the loader's libFuzzer targets with clang (ASan + UBSan) in build-fuzz/
# and runs them for a bounded time; exits non-zero when a fuzzer finds a crash,
# a leak, a timeout or runaway memory (the input is saved in build-fuzz/artifacts/).
#   scripts/fuzz.sh [SECONDS]     SECONDS for load_fuzzer (default 60); csv_fuzzer gets a third
# When an input exhausts memory, libFuzzer may take minutes to print its heap
# profile: each run is killed 2 minutes after its time is up (and fails). To keep
# the input in that case, set JADWAL_FUZZ_LAST=FILE (slower: every input is written).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build="$root/build-fuzz"
cxx=${CXX_FUZZ:-$(command -v clang++-14 || command -v clang++)}

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DJADWAL_BUILD_FUZZ=ON -DJADWAL_BUILD_TESTS=OFF -DJADWAL_BUILD_CLI=OFF -DJADWAL_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target load_fuzzer csv_fuzzer -j"$(nproc)"

mkdir -p "$build/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run() {  # name, seconds, max_len, seed dirs...
  local name=$1 secs=$2 max_len=$3
  shift 3
  # Work on a copy of the seeds so that what the fuzzer learns stays out of the source tree.
  local corpus="$build/corpus-$name"
  mkdir -p "$corpus"
  for seeds in "$@"; do
    find "$seeds" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.csv' \) -exec cp -n {} "$corpus/" \;
  done
  echo "== $name for ${secs}s"
  timeout -s KILL $((secs + 120)) "$build/tests/fuzz/$name" "$corpus" \
    -dict="$root/tests/fuzz/$( [ "$name" = csv_fuzzer ] && echo csv || echo yaml ).dict" \
    -max_total_time="$secs" -max_len="$max_len" -rss_limit_mb=2048 -timeout=20 \
    -artifact_prefix="$build/artifacts/$name-" -print_final_stats=1 || {
    echo "fuzz: $name failed (exit $?); see $build/artifacts/" >&2
    exit 1
  }
}

run load_fuzzer "$seconds" 65536 "$root/tests/fuzz/corpus/load" "$root/tests/data/good" "$root/tests/data/bad"
run csv_fuzzer "$(( seconds / 3 > 10 ? seconds / 3 : 10 ))" 16384 "$root/tests/fuzz/corpus/csv" "$root/tests/data/bad"
echo "fuzz: no crash found"
