#!/usr/bin/env bash
# Installs the Debian packages jadwal needs. Idempotent: quick when all are present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config tzdata
  libboost-date-time-dev libhowardhinnant-date-dev libyaml-cpp-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev catch2 coinor-libcbc-dev
  clang-14 libclang-rt-14-dev
  python3 python3-dev pybind11-dev python3-pytest python3-mypy python3-icalendar libical-dev chromium
  python3-distributed python3-yaml python3-venv python3-pip python3-setuptools python3-wheel
  php-cli composer
  help2man lintian
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi
