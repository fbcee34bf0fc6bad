#!/usr/bin/python3
"""The message catalogue's tool (docs/languages.md), in the spirit of xgettext.

  scripts/messages.py extract [--out po/jadwal.pot]
      writes the template: every message the C++ sources ask for.
  scripts/messages.py check
      fails (exit 1) when a message the sources ask for has no translation in
      po/id/*.po, when a translation's placeholders differ from its msgid's,
      or when two files translate one message differently; lists messages
      translated but no longer asked for.

A message is asked for by a call on a jadwal::text::messages value:
  m.tr("text")   m.tr_in("context", "text")   m.format("text {}", ...)
  say("text {}", ...) (the loader's diagnostics, in both languages at once)
  m.plural("one {}", "many {}", n, ...)
with the text as one or more adjacent string literals; and in the Python
package's pure-Python parts (PY_DIRS) by a call on a jadwal.Messages value:
  m.tr("text {}").format(...)   m.tr_in("context", "text")
with the text as one or more adjacent string literals, '...' or "..." (not
f-strings: the text must be the msgid as written). Names and words looked
up through a variable (weekday and month names, modes) are listed in
po/id/common.po and checked by tests/text.
"""
import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIT = r'(?:"(?:[^"\\\n]|\\.)*"\s*)+'
CALL = re.compile(
    r'(?<![:\w])\.?(tr|tr_in|format|plural|say)\(\s*(' + LIT + r')(?:,\s*(' + LIT + r'))?')
# Python: only tr and tr_in (str.format("...") is not a catalogue call), either quote.
PY_LIT = r'''(?:(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*)+'''
PY_CALL = re.compile(r'\.(tr|tr_in)\(\s*(' + PY_LIT + r')(?:,\s*(' + PY_LIT + r'))?')
PY_DIRS = ("bindings/python/jadwal/nation",)


def unquote(lits):
    out = ""
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"' + r"|'((?:[^'\\\n]|\\.)*)'", lits):
        s = m.group(1) if m.group(1) is not None else m.group(2)
        s = re.sub(r'\\u([0-9a-fA-F]{4})', lambda u: chr(int(u.group(1), 16)), s)
        s = (s.replace('\\n', '\n').replace('\\t', '\t').replace('\\"', '"').replace("\\'", "'")
             .replace('\\\\', '\\'))
        out += s
    return out


def extract():
    """(context, id, id_plural) -> [file:line, ...]"""
    found = {}
    files = sorted(p for d in ("src", "include", "bindings", "examples") for p in (ROOT / d).rglob("*")
                   if p.suffix in (".cpp", ".hpp"))
    files += sorted(p for d in PY_DIRS for p in (ROOT / d).rglob("*.py"))
    for path in files:
        python = path.suffix == ".py"
        # Comment lines keep their place (line numbers) but lose their text.
        text = "\n".join("" if l.lstrip().startswith("#" if python else "//") else l
                         for l in path.read_text(encoding="utf-8").split("\n"))
        for m in (PY_CALL if python else CALL).finditer(text):
            kind, first, second = m.group(1), m.group(2), m.group(3)
            ctx, mid, plural = "", unquote(first), ""
            if kind == "tr_in":
                if second is None:
                    continue
                ctx, mid = mid, unquote(second)
            elif kind == "plural":
                if second is None:
                    continue
                plural = unquote(second)
            line = text.count("\n", 0, m.start()) + 1
            found.setdefault((ctx, mid, plural), []).append(f"{path.relative_to(ROOT)}:{line}")
    return found


def read_po(path):
    """[(ctx, id, id_plural, [strings], flags, line)]"""
    entries, cur, target, flags = [], None, None, []

    def close():
        nonlocal cur
        if cur is not None:
            entries.append(cur)
        cur = None

    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",")]
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            cur[target] = cur[target] + unquote(line) if target != "strings" else cur[target]
            if target == "strings":
                cur["strings"][-1] += unquote(line)
            continue
        key, _, value = line.partition(" ")
        if key == "msgctxt" or (key == "msgid" and (cur is None or "id" in cur)):
            close()
            cur = {"ctx": "", "plural": "", "strings": [], "flags": flags, "line": no, "file": path}
            flags = []
        if key in ("msgctxt", "msgid", "msgid_plural"):
            name = {"msgctxt": "ctx", "msgid": "id", "msgid_plural": "plural"}[key]
            cur[name] = unquote(value)
            target = name
        elif key.startswith("msgstr"):
            cur["strings"].append(unquote(value))
            target = "strings"
    close()
    return entries


def placeholders(s):
    """The {fmt} replacement fields of s as sorted (index, spec) pairs."""
    out, auto = [], 0
    for m in re.finditer(r'\{\{|\}\}|\{([0-9]*)(:[^}]*)?\}', s):
        if m.group(0) in ("{{", "}}"):
            continue
        if m.group(1):
            index = int(m.group(1))
        else:
            index, auto = auto, auto + 1
        out.append((index, m.group(2) or ""))
    return sorted(out)


def translations():
    known = {}
    problems = []
    for path in sorted((ROOT / "po" / "id").glob("*.po")):
        for e in read_po(path):
            if not e["id"]:
                continue
            key = (e["ctx"], e["id"], e["plural"])
            where = f"{path.relative_to(ROOT)}:{e['line']}"
            if "fuzzy" in e["flags"] or not any(e["strings"]):
                problems.append(f"{where}: not translated ({'fuzzy' if 'fuzzy' in e['flags'] else 'empty'})")
                continue
            for s in e["strings"]:
                want = placeholders(e["id"])
                if placeholders(s) != want:
                    problems.append(f"{where}: the translation's placeholders {placeholders(s)} "
                                    f"differ from the msgid's {want}")
            if key in known and known[key][0] != e["strings"]:
                problems.append(f"{where}: translated differently in {known[key][1]}")
            known.setdefault(key, (e["strings"], where))
    return known, problems


def po_quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{s}"'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="verb", required=True)
    ex = sub.add_parser("extract")
    ex.add_argument("--out", default=str(ROOT / "po" / "jadwal.pot"))
    sub.add_parser("check")
    args = ap.parse_args()
    found = extract()
    if args.verb == "extract":
        with open(args.out, "w", encoding="utf-8") as f:
            f.write('# The messages jadwal asks for (scripts/messages.py extract).\nmsgid ""\nmsgstr ""\n'
                    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
            for (ctx, mid, plural), where in sorted(found.items(), key=lambda kv: kv[1][0]):
                f.write("".join(f"#: {w}\n" for w in where))
                if placeholders(mid):
                    f.write("#, python-brace-format\n")
                if ctx:
                    f.write(f"msgctxt {po_quote(ctx)}\n")
                f.write(f"msgid {po_quote(mid)}\n")
                if plural:
                    f.write(f"msgid_plural {po_quote(plural)}\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n\n")
                else:
                    f.write('msgstr ""\n\n')
        print(f"{len(found)} messages written to {args.out}")
        return 0
    known, problems = translations()
    for key, where in sorted(found.items(), key=lambda kv: kv[1][0]):
        if key not in known:
            ctx, mid, _ = key
            problems.append(f"{where[0]}: no Indonesian translation for "
                            f"{(ctx + ' | ') if ctx else ''}{mid!r}")
    for p in problems:
        print(p)
    unused = [k for k in known if k not in found and k[0] not in
              ("weekday", "weekday, abbreviated", "month", "month, abbreviated", "mode", "what")]
    if unused:
        print(f"note: {len(unused)} translations are no longer asked for by the sources:")
        for k in unused:
            print(f"  {known[k][1]}: {k[1]!r}")
    print(f"{len(found)} messages asked for, {len(known)} translated, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
