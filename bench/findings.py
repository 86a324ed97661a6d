#!/usr/bin/env python3
"""Findings of the plugin on the real-code corpus, and a sample for review.

  bench/findings.py collect [PROJECT...]   compile every unit (-O2, default
                                           mode and stats) and write
                                           corpus/findings/PROJECT.txt
  bench/findings.py sample N [SEED]        print N warnings and N stack
                                           promotion candidates of all
                                           projects, with source context,
                                           for reading by hand

Units come from corpus/units/PROJECT.jsonl (written by bench/corpus.sh).
"""
import json, os, random, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("CORPUS_DIR", os.path.join(ROOT, "corpus"))
PLUGIN = os.environ.get("PLUGIN", os.path.join(ROOT, "plugin", "escape.so"))
CC = os.environ.get("CC", "gcc")
PROJECTS = ["lua", "sqlite", "zlib", "lmdb", "gawk", "curl"]
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|note): (.*)$")
STATS = re.compile(r"escape: .*: (\d+) functions, (\d+) allocation sites, (\d+) escaping, "
                   r"(\d+) stack promotion candidates, (\d+) warnings")


def compile_unit(u):
    args = [CC, "-O2", "-c", "-o", "/dev/null", "-w", "-fno-diagnostics-show-caret",
            "-fdiagnostics-color=never", "-fplugin=" + PLUGIN,
            "-fplugin-arg-escape-stats"] + u["args"] + [u["src"]]
    # -w silences GCC's warnings, not the plugin's notes; keep its warnings
    args.remove("-w")
    p = subprocess.run(args, cwd=u["dir"], capture_output=True, text=True,
                       env=dict(os.environ, LC_ALL="C"), timeout=900)
    found, stats = [], None
    for line in p.stderr.splitlines():
        m = DIAG.match(line)
        if m:
            path = os.path.normpath(os.path.join(u["dir"], m.group(1)))
            msg = m.group(5)
            if m.group(4) == "warning" and msg.startswith("address of local variable"):
                found.append(("warning", path, int(m.group(2)), msg))
            elif "stack promotion candidate" in msg:
                found.append(("candidate", path, int(m.group(2)), msg))
        s = STATS.search(line)
        if s:
            stats = [int(x) for x in s.groups()]
    return found, stats, p.returncode


def collect(projects):
    os.makedirs(os.path.join(CORPUS, "findings"), exist_ok=True)
    print("| project | units | functions | allocation sites | escaping | candidates | warnings |")
    print("|---|---|---|---|---|---|---|")
    for proj in projects:
        path = os.path.join(CORPUS, "units", proj + ".jsonl")
        if not os.path.exists(path):
            continue
        units = [json.loads(l) for l in open(path)]
        units = [u for u in units if u.get("kind", "compile") in ("compile", "execute")]
        totals = [0] * 5
        sites = set()
        with ThreadPoolExecutor(int(os.environ.get("JOBS", "2"))) as ex:
            for found, stats, rc in ex.map(compile_unit, units):
                sites.update(found)
                if stats:
                    totals = [a + b for a, b in zip(totals, stats)]
        with open(os.path.join(CORPUS, "findings", proj + ".txt"), "w") as f:
            for kind, file, line, msg in sorted(sites):
                f.write(f"{kind}\t{file}:{line}\t{msg}\n")
        print(f"| {proj} | {len(units)} | " + " | ".join(map(str, totals)) + " |")


def sample(n, seed):
    items = []
    for proj in PROJECTS:
        path = os.path.join(CORPUS, "findings", proj + ".txt")
        if os.path.exists(path):
            items += [(proj, *l.rstrip("\n").split("\t")) for l in open(path)]
    rnd = random.Random(seed)
    for kind in ("warning", "candidate"):
        pool = [i for i in items if i[1] == kind]
        pick = rnd.sample(pool, min(n, len(pool)))
        print(f"===== {len(pick)} of {len(pool)} {kind}s")
        for proj, _, where, msg in pick:
            file, line = where.rsplit(":", 1)
            line = int(line)
            print(f"--- [{proj}] {where}: {msg}")
            try:
                src = open(file, errors="replace").read().splitlines()
                for k in range(max(0, line - 6), min(len(src), line + 8)):
                    print(f"{'>' if k + 1 == line else ' '}{k + 1:6} {src[k]}")
            except OSError:
                pass


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "collect":
        collect(sys.argv[2:] or PROJECTS)
    elif len(sys.argv) > 2 and sys.argv[1] == "sample":
        sample(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    else:
        print(__doc__)
        sys.exit(2)
