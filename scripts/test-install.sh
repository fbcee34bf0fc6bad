#!/usr/bin/env bash
# Installs a built tree into a temporary prefix and builds against it from
# outside, as a downstream user would: a CMake project (find_package, C++ and
# C targets), a C program compiled with pkg-config alone, and the Python
# package with pip into a venv; then builds the Debian packages, checks what
# they hold and runs lintian, installs them with apt and runs the CLI, C
# (pkg-config), CMake (find_package, C++ and C-only), Python, PHP and Composer
# consumers against them (docs/install.md).
#   scripts/test-install.sh BUILD_DIR     (JADWAL_TEST_DEB=0 skips the packages)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: test-install.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
scenario="$root/examples/small/scenario.yaml"

# cmake_consumer SOURCE BUILD_DIR PREFIX [CMAKE_ARGS...]: configures and builds
# the consumer project tests/install/SOURCE in BUILD_DIR, finding jadwal under
# PREFIX (CMAKE_PREFIX_PATH); an empty PREFIX: CMake's own search alone, with
# CMAKE_PREFIX_PATH unset in the environment too, as for packages in /usr.
cmake_consumer() {
  local source=$1 dir=$2 prefix_path=$3
  shift 3
  local args=(-DCMAKE_BUILD_TYPE=Release "$@")
  if [ -n "$prefix_path" ]; then args+=(-DCMAKE_PREFIX_PATH="$prefix_path"); fi
  env -u CMAKE_PREFIX_PATH cmake -S "$root/tests/install/$source" -B "$dir" "${args[@]}" >/dev/null
  cmake --build "$dir" -j2 >/dev/null
}

# The C++ library's dependencies are disabled for the C-only consumer: asking for them would fail.
c_only=(-DCMAKE_DISABLE_FIND_PACKAGE_date=ON -DCMAKE_DISABLE_FIND_PACKAGE_yaml-cpp=ON
        -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON)

echo "== install into a temporary prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/jadwal"
test -f "$prefix/include/jadwal/jadwal.h"
"$prefix/bin/jadwal" check "$scenario" >/dev/null
# Every document an installed header cites is installed with it.
for cited in $(grep -rhoE 'docs/[a-z_]+\.md' "$prefix/include/jadwal" | sort -u); do
  test -f "$prefix/share/doc/jadwal/$cited" || { echo "installed headers cite $cited, which is not installed" >&2; exit 1; }
done
# ... and none cites the source tree, which is not installed.
if grep -rnoE '(^|[^A-Za-z_./])src/[A-Za-z_/]+\.(hpp|cpp|md)' "$prefix/include/jadwal" >&2; then
  echo "installed headers cite source files (above), which are not installed" >&2
  exit 1
fi

echo "== a CMake project with find_package(jadwal)"
cmake_consumer cmake_consumer "$work/consumer" "$prefix"
"$work/consumer/consumer" "$scenario"
"$work/consumer/consumer_c" "$scenario"  # its build RPATH names the installed libjadwal_c

echo "== a C-only CMake project with find_package(jadwal COMPONENTS c)"
cmake_consumer cmake_c_consumer "$work/c_consumer" "$prefix" "${c_only[@]}"
"$work/c_consumer/consumer_c" "$scenario"

echo "== a header-only project with find_package(jadwal COMPONENTS model)"
# Only date is needed: the compiled library's other dependencies are disabled.
cmake -S "$root/tests/install/cmake_model_consumer" -B "$work/model_consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_DISABLE_FIND_PACKAGE_yaml-cpp=ON \
      -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON >/dev/null
cmake --build "$work/model_consumer" -j2 >/dev/null
"$work/model_consumer/consumer_model"
if nm -C "$work/model_consumer/consumer_model" | grep -q 'jadwal::load\|jadwal::solve'; then
  echo "the model-only consumer holds compiled jadwal code" >&2; exit 1
fi

echo "== a C program with pkg-config"
libdir=$(find "$prefix" -name jadwal.pc -printf '%h\n' | head -n1)
export PKG_CONFIG_PATH="$libdir"
cc -std=c11 -Wall -Wextra -Wpedantic -Werror "$root/tests/install/pkg_config_consumer.c" -o "$work/pc_consumer" \
   $(pkg-config --cflags --libs jadwal)
LD_LIBRARY_PATH="$(pkg-config --variable=libdir jadwal)" "$work/pc_consumer"
# The shipped C example builds as docs/c_api.md says, and plans the scenario it is given.
cc -std=c11 -Wall -Wextra -Wpedantic -Werror "$root/examples/c/plan.c" -o "$work/plan_c" \
   $(pkg-config --cflags --libs jadwal)
LD_LIBRARY_PATH="$(pkg-config --variable=libdir jadwal)" "$work/plan_c" "$scenario" >/dev/null
if LD_LIBRARY_PATH="$(pkg-config --variable=libdir jadwal)" "$work/plan_c" 2>/dev/null; then
  echo "examples/c/plan.c without a scenario should fail with its usage" >&2
  exit 1
fi

echo "== the Python package from the prefix"
pydir=$(find "$prefix" -path '*/python3/dist-packages/jadwal/__init__.py' -printf '%h\n' | head -n1)
if [ -n "$pydir" ]; then
  # -P: nothing from the current directory; the package must come from the prefix.
  PYTHONPATH="$(dirname "$pydir")" /usr/bin/python3 -P - "$scenario" "$pydir" <<'PY'
import sys
import jadwal
assert jadwal.__file__.startswith(sys.argv[2]), jadwal.__file__
plan = jadwal.solve(jadwal.load(sys.argv[1]), policy="flexible", max_moves=20_000)
m = plan.metrics
assert m["demand_placed"] > 0 and jadwal.verify(plan).ok, m
print(f"jadwal {jadwal.__version__} from {sys.argv[2]}: {m['demand_placed']} of {m['demand_total']} demands placed")
PY
elif [ -d "$build/python/jadwal" ]; then
  echo "test-install: the build has the Python package but the install lacks it"
  exit 1
else
  echo "(this build has no Python package)"
fi

if [ -d "$build/python/jadwal" ] && /usr/bin/python3 -c 'import ensurepip, setuptools, wheel' 2>/dev/null; then
  echo "== pip install . (pyproject.toml, setuptools driving CMake) into a venv with the system's site packages"
  # JADWAL_CMAKE_BUILD_DIR: setup.py builds the target _jadwal in this build
  # (up to date) instead of compiling the library again; --no-index: no network.
  /usr/bin/python3 -m venv --system-site-packages "$work/venv"
  (cd "$root" && JADWAL_CMAKE_BUILD_DIR="$build" "$work/venv/bin/pip" install -q --no-build-isolation --no-deps \
    --no-index . && JADWAL_CMAKE_BUILD_DIR="$build" "$work/venv/bin/pip" wheel -q --no-build-isolation --no-deps \
    --no-index -w "$work/wheel" .)
  ls "$work"/wheel/jadwal-*.whl
  (cd "$work" && "$work/venv/bin/python" -P - "$scenario" "$work/venv" <<'PY'
import sys
import jadwal
import importlib.metadata
assert jadwal.__file__.startswith(sys.argv[2]), jadwal.__file__
# pyproject.toml's version is the library's (CMake's project version).
assert importlib.metadata.version("jadwal") == jadwal.__version__, (importlib.metadata.version("jadwal"), jadwal.__version__)
plan = jadwal.solve(jadwal.load(sys.argv[1]), policy="flexible", max_moves=20_000)
m = plan.metrics
assert m["demand_placed"] > 0 and jadwal.verify(plan).ok, m
print(f"pip-installed jadwal {jadwal.__version__} from {jadwal.__file__}: {m['demand_placed']} of {m['demand_total']} placed")
PY
  )
  "$work/venv/bin/jadwal-nation" --help >/dev/null
else
  echo "(no Python package in this build, or no venv/setuptools/wheel: pip install . is not tried)"
fi

if [ "${JADWAL_TEST_DEB:-1}" != 0 ]; then
  echo "== cpack -G DEB: the packages as Debian splits them (docs/install.md)"
  (cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" >/dev/null)
  multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
  libdir="./usr/lib/$multiarch"
  version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
  soversion=${version%.*}                # 0.1.0 -> 0.1: the soname carries MAJOR.MINOR (docs/c_api.md)
  libs_package="libjadwal-c$soversion"
  declare -A deb
  for f in "$work"/deb/*.deb; do deb[$(dpkg-deb -f "$f" Package)]=$f; done
  packages=("$libs_package" libjadwal-dev jadwal)
  [ -d "$build/python/jadwal" ] && packages+=(python3-jadwal)
  for p in "${packages[@]}"; do
    [ -n "${deb[$p]:-}" ] || { echo "test-install: cpack made no package $p (made: ${!deb[*]})"; exit 1; }
  done
  [ "${#deb[@]}" = "${#packages[@]}" ] || { echo "test-install: cpack made ${!deb[*]}, expected ${packages[*]}"; exit 1; }

  # expect PACKAGE FILE...: the package holds each file (a path as dpkg-deb -c prints it, ./usr/...).
  expect() {
    local p=$1 contents f
    shift
    contents=$(dpkg-deb -c "${deb[$p]}" | awk '{ print $6 }')
    for f in "$@"; do
      grep -qxF -- "$f" <<<"$contents" || { echo "test-install: $p lacks $f"; exit 1; }
    done
  }
  # refuse PACKAGE PATTERN: no file of the package matches the extended regular expression.
  refuse() {
    if dpkg-deb -c "${deb[$1]}" | awk '{ print $6 }' | grep -E -- "$2"; then
      echo "test-install: $1 holds the files above, which belong elsewhere ($2)"; exit 1
    fi
  }
  for p in "${packages[@]}"; do
    expect "$p" "./usr/share/doc/$p/copyright" "./usr/share/doc/$p/changelog.Debian.gz"
    # A maintainer people can write to (issue 18: it was jadwal@localhost).
    maintainer=$(dpkg-deb -f "${deb[$p]}" Maintainer)
    if ! grep -qE '^[^<>]+ <[^@<> ]+@[^@<> ]+\.[a-z]+>$' <<<"$maintainer" || grep -qi 'localhost' <<<"$maintainer"; then
      echo "test-install: $p's maintainer '$maintainer' is not a name and a reachable address"; exit 1
    fi
  done
  expect "$libs_package" "$libdir/libjadwal_c.so.$version" "$libdir/libjadwal_c.so.$soversion"
  refuse "$libs_package" '\.so$|/include/|\.a$|/bin/'
  expect libjadwal-dev "$libdir/libjadwal_c.so" "$libdir/libjadwal.a" "$libdir/pkgconfig/jadwal.pc" \
    "$libdir/cmake/jadwal/jadwalConfig.cmake" "$libdir/cmake/jadwal/jadwal-targets.cmake" \
    ./usr/include/jadwal/jadwal.h ./usr/include/jadwal/solve/solver.hpp
  expect jadwal ./usr/bin/jadwal ./usr/share/man/man1/jadwal.1.gz ./usr/share/man/man1/jadwal-solve.1.gz \
    ./usr/share/man/man1/jadwal-verify.1.gz ./usr/share/man/man1/jadwal-attendance-fit.1.gz \
    ./usr/share/doc/jadwal/docs/format.md ./usr/share/doc/jadwal/docs/c_api.md ./usr/share/jadwal/jadwal_ffi.h \
    ./usr/share/jadwal/examples/small/scenario.yaml ./usr/share/jadwal/examples/batanghari/make.sh \
    ./usr/share/jadwal/examples/batanghari/README.md ./usr/share/jadwal/examples/php/plan.php \
    ./usr/share/jadwal/php/composer.json ./usr/share/jadwal/php/src/Library.php
  # A page for every verb `jadwal --help` lists.
  for verb in $("$build/jadwal" --lang en --help | awk '/^Subcommands:/ { s = 1; next } s && /^  [a-z]/ { print $1 }'); do
    expect jadwal "./usr/share/man/man1/jadwal-$verb.1.gz"
  done
  refuse jadwal '^\./usr/lib/|^\./usr/include/'
  if [ -n "${deb[python3-jadwal]:-}" ]; then
    expect python3-jadwal ./usr/bin/jadwal-nation ./usr/share/man/man1/jadwal-nation.1.gz \
      ./usr/lib/python3/dist-packages/jadwal/__init__.py ./usr/lib/python3/dist-packages/jadwal/nation/__main__.py
    refuse python3-jadwal "^\./usr/lib/$multiarch/|^\./usr/include/"
  fi
  # The libraries are where Debian's multiarch layout puts them, not in /usr/lib.
  for p in "${packages[@]}"; do
    refuse "$p" '^\./usr/lib/[^/]+\.(so|a)|^\./usr/lib/(cmake|pkgconfig)/'
  done

  # Runtime packages depend on runtime libraries only: a PHP server that installs
  # the C library gets no compiler headers. libjadwal-dev brings those.
  for p in "${packages[@]}"; do
    depends=$(dpkg-deb -f "${deb[$p]}" Depends)
    echo "$(basename "${deb[$p]}"): $(stat -c %s "${deb[$p]}") bytes, depends: $depends"
    if [ "$p" != libjadwal-dev ] && grep -qE -- '-dev\b' <<<"$depends"; then
      echo "test-install: $p, a runtime package, depends on a development package"; exit 1
    fi
  done
  dev_depends=$(dpkg-deb -f "${deb[libjadwal-dev]}" Depends)
  for d in "$libs_package (= $(dpkg-deb -f "${deb[$libs_package]}" Version))" libhowardhinnant-date-dev \
           libyaml-cpp-dev libfmt-dev nlohmann-json3-dev coinor-libcbc-dev; do
    grep -qF -- "$d" <<<"$dev_depends" || { echo "test-install: libjadwal-dev does not depend on $d"; exit 1; }
  done
  if [ -n "${deb[python3-jadwal]:-}" ]; then
    grep -q python3-distributed <<<"$(dpkg-deb -f "${deb[python3-jadwal]}" Recommends)" ||
      { echo "test-install: python3-jadwal does not recommend python3-distributed"; exit 1; }
  fi

  echo "== lintian"
  # Errors fail the test; warnings are printed (docs/install.md lists the known ones).
  command -v lintian >/dev/null || { echo "test-install: lintian not found (scripts/setup.sh installs it)"; exit 1; }
  lintian --fail-on error "${deb[@]}" >"$work/lintian.log" 2>&1 || { cat "$work/lintian.log"; echo "test-install: lintian reports errors"; exit 1; }
  if [ -s "$work/lintian.log" ]; then cat "$work/lintian.log"; else echo "lintian: no tags"; fi

  # Installs the packages as a user would on a clean machine (CI runs this as
  # root on Debian 12), runs the bundled example with the installed jadwal,
  # Python and PHP against the installed packages, and always removes them
  # again. JADWAL_TEST_DEB_INSTALL=0 skips it; without root or password-less
  # sudo it is skipped with a note.
  if [ "${JADWAL_TEST_DEB_INSTALL:-1}" != 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      as_root=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      as_root=(none)
    fi
    installed=()
    for p in "${packages[@]}"; do
      if dpkg -s "$p" >/dev/null 2>&1; then installed+=("$p"); fi
    done
    if [ "${as_root[*]}" = none ]; then
      echo "== apt-get install the packages: skipped (needs root or password-less sudo)"
    elif ((${#installed[@]})); then
      echo "test-install: ${installed[*]} already installed; not installing the packages over them." \
           "Remove them first (apt-get purge ${installed[*]}) or set JADWAL_TEST_DEB_INSTALL=0."
      exit 1
    elif [ -e /usr/bin/jadwal ]; then
      echo "test-install: /usr/bin/jadwal already exists and comes from no jadwal package; not installing" \
           "the packages over it. Move it away or set JADWAL_TEST_DEB_INSTALL=0."
      exit 1
    else
      echo "== apt-get install ${packages[*]}, run the bundled example, remove them"
      # A subshell, so that its EXIT trap removes the packages on any failure
      # and leaves the script's own trap alone.
      (
        remove_packages() {
          local present=() p
          for p in "${packages[@]}"; do
            if dpkg -s "$p" >/dev/null 2>&1; then present+=("$p"); fi
          done
          if ((${#present[@]})); then
            DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get purge -y "${present[@]}" >/dev/null 2>&1 ||
              echo "test-install: could not remove the packages: apt-get purge ${present[*]}"
          fi
        }
        trap remove_packages EXIT
        debs=()
        for p in "${packages[@]}"; do debs+=("${deb[$p]}"); done
        DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "${debs[@]}" \
          >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
        test "$(command -v jadwal)" = /usr/bin/jadwal
        # The man pages are where man finds them.
        man -w jadwal-solve >/dev/null 2>&1 || test -f /usr/share/man/man1/jadwal-solve.1.gz
        examples=/usr/share/jadwal/examples
        run="$work/deb-run"
        mkdir -p "$run"
        "$examples/batanghari/make.sh" /usr/bin/jadwal "$run/batanghari" >/dev/null
        /usr/bin/jadwal check "$run/batanghari/scenario.yaml"
        started=$SECONDS
        /usr/bin/jadwal solve "$run/batanghari/scenario.yaml" --policy flexible --seed 1 --time-limit 10 \
          --out "$run/plan" >"$run/solve.log" 2>&1 || { cat "$run/solve.log"; exit 1; }
        tail -n 1 "$run/solve.log"
        /usr/bin/jadwal verify --lang en "$run/batanghari/scenario.yaml" "$run/plan/solution.json" >"$run/verify.log" ||
          { sed -n 1,20p "$run/verify.log"; echo "test-install: the installed jadwal verify failed"; exit 1; }
        verdict=$(sed -n 1p "$run/verify.log")
        echo "$verdict"
        grep -q ': 0 violation(s)' <<<"$verdict" || { echo "test-install: the installed jadwal's plan has violations"; exit 1; }
        echo "the installed jadwal planned the bundled example in $((SECONDS - started)) s"

        echo "== a C program with pkg-config against the installed libjadwal-dev"
        cc -std=c11 -Wall -Wextra -Wpedantic -Werror "$root/examples/c/plan.c" -o "$run/plan_c" \
           $(PKG_CONFIG_PATH= pkg-config --cflags --libs jadwal)
        "$run/plan_c" "$scenario" >/dev/null
        # (/lib is /usr/lib on a merged-/usr system: ldd may name either.)
        loaded=$(ldd "$run/plan_c")
        grep -qE "libjadwal_c\.so\.$soversion => (/usr)?/lib/$multiarch/libjadwal_c\.so\.$soversion" <<<"$loaded" ||
          { echo "$loaded"; echo "test-install: plan_c does not load the installed libjadwal_c"; exit 1; }

        # found_in DIR: the consumer built in DIR found jadwal's CMake package in
        # /usr (libjadwal-dev) and runs with the installed libjadwal_c.
        found_in() {
          local found loaded
          found=$(sed -n 's/^jadwal_DIR:PATH=//p' "$1/CMakeCache.txt")
          [ "$found" = "/usr/lib/$multiarch/cmake/jadwal" ] ||
            { echo "test-install: the consumer in $1 found jadwal in '$found', not in libjadwal-dev"; exit 1; }
          loaded=$(ldd "$1/consumer_c")
          grep -qE "libjadwal_c\.so\.$soversion => (/usr)?/lib/$multiarch/libjadwal_c\.so\.$soversion" <<<"$loaded" ||
            { echo "$loaded"; echo "test-install: $1/consumer_c does not load the installed libjadwal_c"; exit 1; }
        }
        echo "== a CMake project with find_package(jadwal) against the installed libjadwal-dev"
        cmake_consumer cmake_consumer "$run/consumer" ""
        found_in "$run/consumer"
        "$run/consumer/consumer" "$scenario"
        "$run/consumer/consumer_c" "$scenario"

        echo "== a C-only CMake project with find_package(jadwal COMPONENTS c) against the installed libjadwal-dev"
        cmake_consumer cmake_c_consumer "$run/c_consumer" "" "${c_only[@]}"
        found_in "$run/c_consumer"
        "$run/c_consumer/consumer_c" "$scenario"

        if dpkg -s python3-jadwal >/dev/null 2>&1; then
          echo "== import jadwal with Debian's python3 from python3-jadwal"
          (cd "$run" && /usr/bin/python3 -P - /usr/share/jadwal/examples/small/scenario.yaml <<'PY'
import sys
import jadwal
assert jadwal.__file__.startswith("/usr/lib/python3/dist-packages/"), jadwal.__file__
plan = jadwal.solve(jadwal.load(sys.argv[1]), policy="flexible", max_moves=20_000)
assert jadwal.verify(plan).ok
m = plan.metrics
print(f"python: {m['demand_placed']} of {m['demand_total']} placed with {jadwal.__file__}")
PY
          )
          if /usr/bin/python3 -c 'import distributed, yaml' 2>/dev/null; then
            echo "== jadwal-nation plans a generated province on a LocalCluster with the installed package"
            /usr/bin/jadwal generate nation --agencies 3 --employees 600 --seed 1 --out "$run/nation" >/dev/null
            (cd "$run" && timeout 600 /usr/bin/jadwal-nation plan "$run/nation" --out "$run/nation-plan" --workers 2 \
              --max-moves 20000 --formats json,html) >"$run/nation.log" 2>&1 || { cat "$run/nation.log"; exit 1; }
            tail -n 1 "$run/nation.log"
            test -s "$run/nation-plan/nation.html" && test -s "$run/nation-plan/agencies/prov_jambi/report.html"
          else
            echo "== python3-distributed or python3-yaml missing: jadwal-nation is not run against the package"
          fi
        fi
        if command -v php >/dev/null && php -r 'exit(class_exists("FFI") ? 0 : 1);'; then
          lib=$(dpkg -L libjadwal-dev | grep '/libjadwal_c\.so$')
          echo "== php $examples/php/plan.php against $lib"
          # No --lib and no --header: the dynamic loader finds the installed
          # library, plan.php the installed jadwal_ffi.h.
          php "$examples/php/plan.php" "$run/batanghari/scenario.yaml" --policy flexible --seed 1 --time-limit 5 \
            >"$run/php.log" 2>&1 || { cat "$run/php.log"; exit 1; }
          grep -E '^(status|verify|unplaced)' "$run/php.log"
          grep -q '^verify: 0 hard violation' "$run/php.log"
          if command -v composer >/dev/null; then
            echo "== a Composer project requires the installed PHP package (/usr/share/jadwal/php)"
            bash "$root/bindings/php/tests/composer_consumer.sh" /usr/share/jadwal/php "$run/composer" "$scenario" \
              198612122012122010 "$root/tests/data/bad/ref_unit.yaml" >"$run/composer.log" 2>&1 ||
              { cat "$run/composer.log"; exit 1; }
            grep -E '^(jadwal|status|error)' "$run/composer.log"
            grep -q 'autoloaded from .*/vendor/jadwal/jadwal/src/Library.php' "$run/composer.log"
            grep -q '^BEGIN:VCALENDAR' "$run/composer.log"
            grep -q '^error -2 E-REF-UNIT at ref_unit.yaml:12:50$' "$run/composer.log"
          else
            echo "== composer not found: the Composer package is not tried against the package"
          fi
        else
          echo "== php with FFI not found: the PHP example is not run against the package"
        fi
      )
      for p in "${packages[@]}"; do
        if dpkg -s "$p" >/dev/null 2>&1; then echo "test-install: $p is still installed after the test"; exit 1; fi
      done
      if [ -e /usr/bin/jadwal ]; then echo "test-install: /usr/bin/jadwal is still there after the test"; exit 1; fi
      echo "removed the packages again"
    fi
  fi
fi
echo "test-install: all good"
