#!/usr/bin/env bash
# Installs a built tree into a temporary prefix and builds against it from
# outside, as a downstream user would: a CMake project (find_package, C++ and
# C targets) and a C program compiled with pkg-config alone; then builds the
# .deb and checks what it holds.
#   scripts/test-install.sh BUILD_DIR     (JADWAL_TEST_DEB=0 skips the .deb)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: test-install.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
scenario="$root/examples/small/scenario.yaml"

echo "== install into a temporary prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/jadwal"
test -f "$prefix/include/jadwal/jadwal.h"
"$prefix/bin/jadwal" check "$scenario" >/dev/null

echo "== a CMake project with find_package(jadwal)"
cmake -S "$root/tests/install/cmake_consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" -j2 >/dev/null
"$work/consumer/consumer" "$scenario"
"$work/consumer/consumer_c" "$scenario"  # its build RPATH names the installed libjadwal_c

echo "== a C program with pkg-config"
libdir=$(find "$prefix" -name jadwal.pc -printf '%h\n' | head -n1)
export PKG_CONFIG_PATH="$libdir"
cc -std=c11 -Wall -Wextra -Wpedantic -Werror "$root/tests/install/pkg_config_consumer.c" -o "$work/pc_consumer" \
   $(pkg-config --cflags --libs jadwal)
LD_LIBRARY_PATH="$(pkg-config --variable=libdir jadwal)" "$work/pc_consumer"

if [ "${JADWAL_TEST_DEB:-1}" != 0 ]; then
  echo "== cpack -G DEB"
  (cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" >/dev/null)
  deb=$(ls "$work"/deb/*.deb)
  contents=$(dpkg-deb -c "$deb")
  for f in ./usr/bin/jadwal ./usr/include/jadwal/jadwal.h ./usr/include/jadwal/solve/solver.hpp \
           jadwalConfig.cmake jadwal.pc libjadwal.a libjadwal_c.so; do
    grep -q -- "$f" <<<"$contents" || { echo "test-install: $(basename "$deb") lacks $f"; exit 1; }
  done
  echo "$(basename "$deb"): $(grep -c '' <<<"$contents") entries, depends: $(dpkg-deb -f "$deb" Depends)"
fi
echo "test-install: all good"
