#!/bin/sh
# Man pages made from a program's own --help by help2man, gzipped as Debian
# installs them (gzip -9n: no name, no time stamp, so the build is reproducible).
#   man_pages.sh HELP2MAN JADWAL VERSION OUT
#     jadwal.1.gz, one page per verb (jadwal-solve.1.gz, ...) and per nested
#     verb (jadwal-attendance-fit.1.gz), the verbs read from `jadwal --help`,
#     so a new verb gets its page without a change here.
#   man_pages.sh HELP2MAN PROGRAM VERSION OUT --single NAME DESCRIPTION
#     one page, NAME.1.gz, for another program (jadwal-nation).
# OUT is emptied first: a page for a verb that no longer exists does not linger.
set -eu
help2man=$1 program=$2 version=$3 out=$4
shift 4
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# page NAME DESCRIPTION COMMAND...: help2man runs $tmp/NAME --help, which runs
# COMMAND --help; $tmp/see_also, when there, is the page's SEE ALSO section.
page() {
  name=$1 description=$2
  shift 2
  include=
  if [ -s "$tmp/see_also" ]; then
    { echo '[SEE ALSO]'; cat "$tmp/see_also"; } >"$tmp/$name.include"
    include=--include=$tmp/$name.include
  fi
  {
    echo '#!/bin/sh'
    for word in "$@"; do printf "'%s' " "$word"; done
    echo '"$@"'
  } >"$tmp/$name"
  chmod +x "$tmp/$name"
  LC_ALL=C.UTF-8 LANG=C.UTF-8 "$help2man" --no-info --no-discard-stderr --section=1 \
    --version-string="$version" --source="jadwal $version" --manual="jadwal manual" \
    --name="$description" ${include:+"$include"} --output="$tmp/$name.1" "$tmp/$name"
  gzip -9n -c "$tmp/$name.1" >"$out/$name.1.gz"
}

if [ "${1:-}" = --single ]; then
  page "$2" "$3" "$program"
  exit 0
fi

# The CLI prints its usage with argv[0]: run it as "jadwal" (bash's exec -a),
# in English whatever the build machine's locale.
cat >"$tmp/run-jadwal" <<SH
#!/bin/bash
exec -a jadwal '$program' --lang en "\$@"
SH
chmod +x "$tmp/run-jadwal"

# "  solve      Plan the training calendar of a scenario" under "Subcommands:".
subcommands() {
  "$tmp/run-jadwal" "$@" --help | awk '/^Subcommands:/ { s = 1; next }
    s && /^  [a-z]/ { name = $1; sub(/^ +[^ ]+ +/, ""); print name "\t" $0 }'
}

tab=$(printf '\t')
# jadwal(1) points to every verb's page, each verb's page back to jadwal(1).
subcommands | while IFS=$tab read -r verb description; do
  echo "jadwal-$verb(1)"
  subcommands "$verb" | while IFS=$tab read -r nested nested_description; do echo "jadwal-$verb-$nested(1)"; done
done | sed 's/^\(.*\)(1)$/.BR \1 (1)/' | sed '$!s/$/ ,/' >"$tmp/see_also"
page jadwal "$("$tmp/run-jadwal" --help | head -n 1 | sed 's/^jadwal: //')" "$tmp/run-jadwal"
echo '.BR jadwal (1)' >"$tmp/see_also"
subcommands | while IFS=$tab read -r verb description; do
  page "jadwal-$verb" "$description" "$tmp/run-jadwal" "$verb"
  subcommands "$verb" | while IFS=$tab read -r nested nested_description; do
    page "jadwal-$verb-$nested" "$nested_description" "$tmp/run-jadwal" "$verb" "$nested"
  done
done
