#!/usr/bin/env python3
"""Fail a build on *new* escape warnings only.

Reads build logs of compilations run with -fdiagnostics-format=json (GCC
prints one JSON array per translation unit; make, ninja and other text
around it is skipped), keeps the escape plugin's warnings and compares
them with a baseline file of accepted warnings, one "FILE: MESSAGE" a line
(no line numbers, so edits elsewhere in a file do not matter).

  escape-baseline.py --baseline escape-baseline.txt --update LOG...
      write the baseline from the warnings in LOG (accept them all)
  escape-baseline.py --baseline escape-baseline.txt LOG...
      exit 1 and list every warning not in the baseline ("-" reads stdin);
      warnings of the baseline that are gone are listed as fixed

--all keeps every GCC warning, not only the plugin's.  --root DIR: an
absolute file name is written relative to DIR (default: the current
directory), so that builds from different directories (CMake passes
absolute names, make relative ones) share one baseline.
"""
import argparse
import collections
import json
import os
import re
import sys

ESCAPE = re.compile(r"^address of local variable .* escapes: ")


def diagnostics(text):
    """Every top-level diagnostic of every JSON array found in TEXT."""
    dec = json.JSONDecoder()
    pos = 0
    while True:
        pos = text.find('[{"kind"', pos)
        if pos < 0:
            return
        try:
            arr, end = dec.raw_decode(text, pos)
        except ValueError:
            pos += 1
            continue
        yield from arr
        pos = end


def plain(msg):
    # GCC quotes with U+2018/U+2019 in a UTF-8 locale, with ' in C.
    return msg.replace("\u2018", "'").replace("\u2019", "'")


def warnings(paths, keep_all, root):
    found = []
    for p in paths:
        text = sys.stdin.read() if p == "-" else open(p, encoding="utf-8", errors="replace").read()
        for d in diagnostics(text):
            if d.get("kind") != "warning":
                continue
            msg = plain(d.get("message", ""))
            if not keep_all and not ESCAPE.match(msg):
                continue
            loc = (d.get("locations") or [{}])[0].get("caret", {})
            f = loc.get("file", "?")
            if os.path.isabs(f):
                f = os.path.relpath(f, root)
            f = os.path.normpath(f)
            found.append((f, msg, "%s:%s:%s" % (f, loc.get("line", 0), loc.get("column", 0))))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--root", default=os.getcwd())
    ap.add_argument("logs", nargs="+")
    a = ap.parse_args()

    found = warnings(a.logs, a.all, a.root)
    keys = collections.Counter("%s: %s" % (f, m) for f, m, _ in found)
    if a.update:
        with open(a.baseline, "w", encoding="utf-8") as out:
            for k in sorted(keys.elements()):
                out.write(k + "\n")
        print("escape-baseline: %d warnings accepted in %s" % (sum(keys.values()), a.baseline))
        return 0

    base = collections.Counter()
    if os.path.exists(a.baseline):
        with open(a.baseline, encoding="utf-8") as f:
            base.update(line.rstrip("\n") for line in f if line.strip())
    new = keys - base
    for k in sorted((base - keys).elements()):
        print("escape-baseline: fixed: %s" % k)
    left = collections.Counter(new)
    for f, m, where in found:
        k = "%s: %s" % (f, m)
        if left[k] > 0:
            left[k] -= 1
            print("%s: new warning: %s" % (where, m))
    n = sum(new.values())
    print("escape-baseline: %d new warnings, %d in the baseline" % (n, sum(base.values())))
    return 1 if n else 0


if __name__ == "__main__":
    sys.exit(main())
