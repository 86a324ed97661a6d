#!/usr/bin/env python3
"""Compare what two builds of the plugin tell a user, file by file.

  bench/compare-outputs.py OLD/escape.so NEW/escape.so [--cc gcc]
        [--corpus DIR] [--jobs 2] [--only testsuite|corpus]
        [--projects lua,zlib,...]

Every C file of the testsuite (escape.dg with its dg-options, robust,
examples) and, when a prepared corpus exists (CORPUS_DIR or --corpus,
default <repo>/corpus, made by `make corpus`), every project unit, is
compiled at -O0 and -O2 in three modes (default, -m, -m=2) with each
plugin.  The diagnostics (stderr, with the plugin's path replaced) and the
object files must be identical.  A refactoring that "changes no verdict"
passes this with 0 differences.  Prints one line per difference and a
summary line "N compared, N differ"; exits 1 if anything differs.
"""
import argparse
import concurrent.futures as cf
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = {"default": [], "m": ["-fplugin-arg-escape-m"],
         "m2": ["-fplugin-arg-escape-m=2"]}
OPTS = ("-O0", "-O2")
ENV = dict(os.environ, LC_ALL="C")


def dg_options(path):
    """The dg-options and dg-additional-options of a testsuite file."""
    opts = []
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r'\{\s*dg-(?:additional-)?options\s+"([^"]*)"', line)
            if m:
                opts += m.group(1).split()
    return opts


def testsuite_units():
    units = []
    for sub in ("testsuite/escape.dg", "testsuite/robust", "examples"):
        d = os.path.join(ROOT, sub)
        for name in sorted(os.listdir(d)):
            if name.endswith(".c"):
                p = os.path.join(d, name)
                units.append({"dir": d, "src": p, "args": dg_options(p)
                              if sub.endswith(".dg") else []})
    return units


def corpus_units(corpus, projects):
    units = []
    udir = os.path.join(corpus, "units")
    if not os.path.isdir(udir):
        return units
    for name in sorted(os.listdir(udir)):
        if not name.endswith(".jsonl") or \
                (projects and name[:-len(".jsonl")] not in projects):
            continue
        with open(os.path.join(udir, name)) as f:
            for line in f:
                u = json.loads(line)
                if u.get("kind", "compile") == "compile" or \
                        u.get("project"):
                    units.append(u)
    return units


def run(cc, plugin, unit, opt, mode, tmp):
    obj = os.path.join(tmp, hashlib.md5(
        (plugin + unit["src"] + opt + mode).encode()).hexdigest() + ".o")
    args = [a for a in unit["args"]
            if not a.startswith("-fplugin-arg-escape-m")] \
        if mode != "default" else list(unit["args"])
    # plugin args that write files would collide between the two runs
    args = [a for a in args if not re.match(
        r"-fplugin-arg-escape-(sarif|json)=", a)]
    cmd = [cc, opt, "-fdiagnostics-plain-output", "-frandom-seed=escape",
           "-fplugin=" + plugin] + MODES[mode] + args + \
        ["-c", unit["src"], "-o", obj]
    try:
        p = subprocess.run(cmd, cwd=unit["dir"], env=ENV, capture_output=True,
                           text=True, errors="replace", timeout=600)
        err = p.stderr.replace(plugin, "PLUGIN")
        digest = None
        if p.returncode == 0 and os.path.exists(obj):
            with open(obj, "rb") as f:
                digest = hashlib.md5(f.read()).hexdigest()
        return p.returncode, err, digest
    except subprocess.TimeoutExpired:
        return "timeout", "", None
    finally:
        if os.path.exists(obj):
            os.unlink(obj)


def compare(cc, old, new, unit, opt, mode, tmp):
    a = run(cc, old, unit, opt, mode, tmp)
    b = run(cc, new, unit, opt, mode, tmp)
    if a == b:
        return None
    what = []
    if a[0] != b[0]:
        what.append("status %s -> %s" % (a[0], b[0]))
    if a[2] != b[2]:
        what.append("object differs")
    if a[1] != b[1]:
        old_l, new_l = a[1].splitlines(), b[1].splitlines()
        gone = [l for l in old_l if l not in new_l][:3]
        came = [l for l in new_l if l not in old_l][:3]
        what.append("diagnostics differ (%d -> %d lines)%s%s" % (
            len(old_l), len(new_l),
            "".join("\n    - " + l for l in gone),
            "".join("\n    + " + l for l in came)))
    return "%s %s %s: %s" % (unit["src"], opt, mode, "; ".join(what))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--cc", default=os.environ.get("CC", "gcc"))
    ap.add_argument("--corpus", default=os.environ.get(
        "CORPUS_DIR", os.path.join(ROOT, "corpus")))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", choices=("testsuite", "corpus"))
    ap.add_argument("--projects", help="comma-separated corpus projects "
                    "(default: every prepared one)")
    a = ap.parse_args()
    for p in (a.old, a.new):
        if not p.endswith("escape.so") or not os.path.exists(p):
            sys.exit("compare-outputs: %s: not a plugin named escape.so" % p)
    old, new = os.path.abspath(a.old), os.path.abspath(a.new)
    units = []
    if a.only != "corpus":
        units += testsuite_units()
    if a.only != "testsuite":
        units += corpus_units(a.corpus, a.projects.split(",")
                              if a.projects else None)
    jobs = [(u, o, m) for u in units for o in OPTS for m in MODES]
    differ = 0
    with tempfile.TemporaryDirectory() as tmp, \
            cf.ThreadPoolExecutor(a.jobs) as ex:
        for r in ex.map(lambda j: compare(a.cc, old, new, j[0], j[1], j[2],
                                          tmp), jobs):
            if r:
                differ += 1
                print(r, flush=True)
    print("%d compared, %d differ" % (len(jobs), differ))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
