#!/usr/bin/env python3
"""promote-check.py - soundness of -fplugin-arg-escape-promote by running
programs.

For each unit (the JSON lines bench/corpus-run.py's `torture` and
`csmith` commands write; execute units only):

  base       CC ARGS -O2 SRC -lm               run: exit status, stdout
  promote    the same with the plugin and promote; the "promoted to
             stack" notes are counted; run: must be the same
  and, when at least one site was promoted:
  promote-O0 the same at -O0, against the base at -O0
  asan       -O1 -fsanitize=address with promote, run with
             ASAN_OPTIONS=detect_stack_use_after_return=1: no report
             (a report the program also gives without promote is not
             promote's: counted apart)

Prints one line per problem on stderr and, on stdout, a summary:
  units N, runs N, promoted units N, promoted sites N, differences N,
  asan findings N
With --count: only "PASSED FAILED" (a unit passes when it has no
difference and no ASan finding).

  promote-check.py --cc gcc --plugin /abs/escape.so [--jobs 2]
                   [--exec-timeout 10] [--count] UNITS.jsonl...
"""
import argparse
import concurrent.futures as cf
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PROMOTED = re.compile(r"note: .* does not escape: promoted to stack")
ASAN = re.compile(r"ERROR: AddressSanitizer")


def run(cmd, cwd, timeout, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, timeout=timeout, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return 124, b"", "timeout"


def build_run(ns, u, work, name, extra, opt, env=None):
    """Compile and link the unit, run it: (compile rc, stderr, run rc,
    stdout, run stderr)."""
    src = os.path.join(u["dir"], u["src"])
    exe = os.path.join(work, name)
    cmd = [ns.cc] + extra + u["args"] + [opt, "-fdiagnostics-plain-output",
                                         src, "-o", exe, "-lm"]
    rc, _, err = run(cmd, u["dir"], 300)
    if rc != 0:
        return rc, err, None, None, None
    rrc, out, rerr = run([exe], work, ns.exec_timeout, env)
    return rc, err, rrc, out, rerr


def same_file(a, b):
    try:
        with open(a, "rb") as x, open(b, "rb") as y:
            return x.read() == y.read()
    except OSError:
        return False


def task(ns, u):
    work = tempfile.mkdtemp(prefix="pc-", dir=ns.tmp)
    src = os.path.join(u["dir"], u["src"])
    res = dict(src=src, runs=0, promoted=0, problems=[], asan_base=0)
    plug = ["-fplugin=" + ns.plugin, "-fplugin-arg-escape-promote"]
    try:
        brc, _, bun, bout, _ = build_run(ns, u, work, "base", [], "-O2")
        if brc != 0:
            res["skip"] = "base does not compile"
            return res
        res["runs"] += 1
        prc, perr, prun, pout, _ = build_run(ns, u, work, "promote", plug, "-O2")
        res["promoted"] = len(PROMOTED.findall(perr))
        if prc != 0:
            res["problems"].append(f"promote compile failed (rc {prc}): "
                                   + perr.strip().splitlines()[-1:][0]
                                   if perr.strip() else f"rc {prc}")
            return res
        res["runs"] += 1
        if res["promoted"] == 0 and same_file(os.path.join(work, "base"),
                                              os.path.join(work, "promote")):
            return res      # nothing promoted, the same program: the same run
        # a program printing addresses (ASLR) prints differently each run:
        # then only its exit status is compared
        _, bout2, _ = run([os.path.join(work, "base")], work, ns.exec_timeout)
        steady = bout2 == bout
        if prun != bun or (steady and pout != bout):
            res["problems"].append(f"-O2 run differs: exit {prun} vs {bun}")
        if res["promoted"] == 0:
            return res
        b0, _, b0run, b0out, _ = build_run(ns, u, work, "base0", [], "-O0")
        p0, p0err, p0run, p0out, _ = build_run(ns, u, work, "prom0", plug, "-O0")
        res["runs"] += 2
        if p0 != 0:
            res["problems"].append("promote -O0 compile failed")
        elif p0run != b0run or (steady and p0out != b0out):
            res["problems"].append(f"-O0 run differs: exit {p0run} vs {b0run}")
        env = dict(os.environ,
                   ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=0")
        san = ["-fsanitize=address", "-fno-omit-frame-pointer", "-g"]
        arc, aerr, arun, aout, arerr = build_run(ns, u, work, "asan",
                                                 plug + san, "-O1", env)
        res["runs"] += 1
        if arc != 0:
            res["problems"].append("asan compile failed")
        elif ASAN.search(arerr or "") or arun != bun:
            # the program's own finding, without promote?
            _, _, xrun, _, xerr = build_run(ns, u, work, "asanb", san, "-O1", env)
            res["runs"] += 1
            if ASAN.search(xerr or "") and (arun == xrun):
                res["asan_base"] += 1
            else:
                first = [l for l in (arerr or "").splitlines() if "ERROR" in l]
                res["problems"].append("asan: " + (first[0] if first else
                                                   f"exit {arun} vs {bun}"))
                res["asan_finding"] = True
        return res
    finally:
        if res["problems"] and ns.keep:
            dest = os.path.join(ns.keep, re.sub(r"[^A-Za-z0-9_.-]", "_", src)[-100:])
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(work, dest)
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--exec-timeout", type=int, default=10)
    ap.add_argument("--count", action="store_true")
    ap.add_argument("--keep", help="directory for the failures' files")
    ap.add_argument("--per-unit", help="write one JSON line per unit here")
    ap.add_argument("units", nargs="+")
    ns = ap.parse_args()
    ns.tmp = tempfile.mkdtemp(prefix="promote-check-")
    units = []
    for path in ns.units:
        for line in open(path):
            u = json.loads(line)
            if u.get("kind") == "execute":
                units.append(u)
    tot = dict(units=0, runs=0, punits=0, sites=0, diffs=0, asan=0,
               asan_base=0, skipped=0, passed=0, failed=0)
    per = open(ns.per_unit, "w") if ns.per_unit else None
    with cf.ThreadPoolExecutor(ns.jobs) as ex:
        for r in ex.map(lambda u: task(ns, u), units):
            if per:
                per.write(json.dumps(r) + "\n")
            if "skip" in r:
                tot["skipped"] += 1
                continue
            tot["units"] += 1
            tot["runs"] += r["runs"]
            tot["sites"] += r["promoted"]
            tot["punits"] += r["promoted"] > 0
            tot["asan_base"] += r["asan_base"]
            if r.get("asan_finding"):
                tot["asan"] += 1
            if r["problems"]:
                tot["diffs"] += not r.get("asan_finding")
                tot["failed"] += 1
                for p in r["problems"]:
                    print(f"FAIL {r['src']}: {p}", file=sys.stderr)
            else:
                tot["passed"] += 1
    shutil.rmtree(ns.tmp, ignore_errors=True)
    if ns.count:
        print(tot["passed"], tot["failed"])
    else:
        print(f"units {tot['units']} (skipped {tot['skipped']}: base does not "
              f"compile), runs {tot['runs']}, promoted units {tot['punits']}, "
              f"promoted sites {tot['sites']}, differences {tot['diffs']}, "
              f"asan findings {tot['asan']} (program's own asan reports, "
              f"also without promote: {tot['asan_base']})")


if __name__ == "__main__":
    main()
