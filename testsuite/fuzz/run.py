#!/usr/bin/env python3
"""Escape fuzzer driver: generate, analyse with the plugin, run the oracle.

  run.py [--seeds A-B] [--opt 0,2] [--jobs N] [--out DIR] [--reduce]
         [--check] [--file PROG.c] [-v]

For each seed and -O level: gen.py writes a program; the plugin analyses it
as is (-fplugin-arg-escape-m, plain diagnostics, LC_ALL=C); the same file is
built with -DESCAPE_ORACLE (no plugin) and run.  Claims of the plugin:
  * an allocation site "EXPR does not escape: stack promotion candidate";
  * a parameter "pN does not escape" (probed from main with a fresh block);
  * an address-taken local without "moved to heap: NAME";
  * "nested function 'NAME' does not escape";
and warnings "address of local variable 'NAME' escapes: REASON".
A claimed non-escaping object that the oracle found reachable at its
frame's return is a SOUNDNESS FAILURE; a warned local that the oracle never
saw stored where the warning says is a FALSE WARNING.

Env: CC (gcc), PLUGIN (escape.so, absolute path), OUT (results directory).
--promote: also build the program (without the oracle) with
-fplugin-arg-escape-promote and without the plugin, run both and compare
exit status and output, and run the promoted one under AddressSanitizer
with detect_stack_use_after_return=1; a difference or an ASan report is a
PROMOTE FAILURE; the promoted sites are counted.
--check: the fixed make-check slice; stdout is exactly "PASSED FAILED"
(one check = one seed x -O level: passed when it compiled, ran, and had no
soundness failure and no false warning).
Otherwise stdout is the summary line.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen.py")
CC = os.environ.get("CC", "gcc")
PLUGIN = os.environ.get("PLUGIN", os.path.join(HERE, "..", "..", "plugin", "escape.so"))
ENV = dict(os.environ, LC_ALL="C")
CHECK_SEEDS = "1-40"

RE_NOTE = re.compile(r"^[^:]*:(\d+):(\d+): (note|warning): (.*)$")


def sh(cmd, timeout=60, **kw):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=ENV, timeout=timeout, universal_newlines=True, **kw)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -999, "", "timeout"


def objects(src):
    """ids and plugin keys of the generated objects, read from the text."""
    obj = {}  # id -> dict(kind, name, line)
    for ln, line in enumerate(src.split("\n"), 1):
        for m in re.finditer(r"OR_LOCAL\((\d+), &(\w+)", line):
            obj[int(m.group(1))] = dict(kind="local", name=m.group(2), line=ln)
        for m in re.finditer(r"OR_NESTED\((\d+), (\w+), (\d+)\)", line):
            obj[int(m.group(1))] = dict(kind="nested", name=m.group(2), line=ln)
        m = re.search(r"/\*@S (\d+)\*/", line)
        if m:
            obj[int(m.group(1))] = dict(kind="site", name=None, line=ln)
        m = re.search(r"/\*@P (\d+)\*/", line)
        if m:
            obj[int(m.group(1))] = dict(kind="param", name="p" + m.group(1), line=ln)
    return obj


def claims(obj, diag):
    """id -> claim text for the objects the plugin calls non-escaping;
    and the list of (id, reason) warnings."""
    notes_by_line = {}
    moved, nodesc, nested_ok, warns = set(), set(), set(), []
    for d in diag.split("\n"):
        m = RE_NOTE.match(d)
        if not m:
            continue
        ln, kind, msg = int(m.group(1)), m.group(3), m.group(4)
        notes_by_line.setdefault(ln, []).append(msg)
        mm = re.match(r"moved to heap: (\w+)$", msg)
        if mm:
            moved.add(mm.group(1))
        mm = re.match(r"(\w+) does not escape$", msg)
        if mm:
            nodesc.add(mm.group(1))
        mm = re.match(r"nested function '(\w+)' does not escape", msg)
        if mm:
            nested_ok.add(mm.group(1))
        mm = re.match(r"address of local variable '(\w+)' escapes: (.*)$", msg)
        if kind == "warning" and mm:
            warns.append((mm.group(1), mm.group(2)))
    byname = {o["name"]: i for i, o in obj.items() if o["name"]}
    cl = {}
    for i, o in obj.items():
        if o["kind"] == "local" and o["name"] not in moved:
            cl[i] = "local '%s' not moved to heap" % o["name"]
        elif o["kind"] == "nested" and o["name"] in nested_ok:
            cl[i] = "nested function '%s' does not escape" % o["name"]
        elif o["kind"] in ("site", "param"):
            for msg in notes_by_line.get(o["line"], []):
                if "does not escape: stack promotion candidate" in msg:
                    cl[i] = "line %d: %s" % (o["line"], msg)
            if o["kind"] == "param" and o["name"] in nodesc:
                cl[i] = "%s does not escape" % o["name"]
    w = [(byname[n], r) for n, r in warns if n in byname]
    return cl, w


PROMOTE = False
RE_PROMOTED = re.compile(r"note: .* does not escape: promoted to stack")


def run_promote(cfile, opt, workdir, res):
    """promote mode: the program with and without promote, and under ASan.
    A program that fails without promote (the generator's dangling
    trampolines are undefined behaviour) is not compared; an ASan report
    the program also gives without promote is not promote's."""
    outs = {}
    plug = ["-fplugin=" + PLUGIN, "-fplugin-arg-escape-promote"]
    asan = ["-fsanitize=address", "-fno-omit-frame-pointer"]
    env = dict(ENV, ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=0")

    def run(exe):
        try:
            p = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, timeout=20, universal_newlines=True)
            return (p.returncode, p.stdout, p.stderr)
        except subprocess.TimeoutExpired:
            return (-999, "", "timeout")

    def build_run(v, extra):
        exe = os.path.join(workdir, "p-" + v)
        rc, _, err = sh([CC, "-O%s" % opt, "-I", HERE, cfile, "-o", exe, "-w",
                         "-fdiagnostics-plain-output"] + extra)
        if rc != 0:
            res["perr"].append("%s compile failed: %s" % (v, err.strip()[-300:]))
            return None, err
        return run(exe), err

    base, _ = build_run("base", [])
    prom, err = build_run("promote", plug)
    if base is None or prom is None:
        return
    res["promoted"] = len(RE_PROMOTED.findall(err))
    res["promoted_lines"] = [int(m.group(1)) for m in re.finditer(
        r"^[^:]*:(\d+):\d+: note: .* does not escape: promoted to stack", err, re.M)]
    if base[0] != 0:
        res["pskip"] = 1
        return
    if prom[:2] != base[:2]:
        # a dangling trampoline may run by luck once (seed 96 of
        # --variable-sizes: SIGSEGV or SIGILL in 5 runs of 6 without
        # promote): a program whose runs without promote differ is
        # undefined, not compared
        again = [run(os.path.join(workdir, "p-base")) for _ in range(5)]
        if any(a[:2] != base[:2] for a in again):
            res["pskip"] = 1
            return
        res["perr"].append("promoted run differs: exit %s vs %s" % (prom[0], base[0]))
    if res["promoted"] == 0:
        return
    a, _ = build_run("asan", plug + asan)
    if a and ("AddressSanitizer" in a[2] or a[:2] != base[:2]):
        b, _ = build_run("asan-base", asan)
        if not (b and "AddressSanitizer" in b[2]):
            res["perr"].append("promoted run under ASan: " + a[2].strip()[-300:])


def run_one(src, opt, workdir):
    """analyse + run one program at one -O level; a result dict."""
    res = dict(ok=False, checked=0, fails=[], wchecked=0, wfalse=[], err=None,
               promoted=0, perr=[])
    cfile = os.path.join(workdir, "p.c")
    with open(cfile, "w") as f:
        f.write(src)
    rc, _, diag = sh([CC, "-O%s" % opt, "-I", HERE, "-S", cfile, "-o", os.devnull,
                      "-fplugin=" + PLUGIN, "-fplugin-arg-escape-m",
                      "-fdiagnostics-plain-output"])
    if rc != 0:
        res["err"] = "plugin compile failed (%s): %s" % (rc, diag.strip()[-400:])
        return res
    exe = os.path.join(workdir, "p")
    rc, _, err = sh([CC, "-O%s" % opt, "-I", HERE, "-DESCAPE_ORACLE", cfile, "-o", exe, "-w"])
    if rc != 0:
        res["err"] = "oracle compile failed: %s" % err.strip()[-400:]
        return res
    rc, out, err = sh([exe], timeout=20)
    if rc != 0:
        res["err"] = "oracle run failed (%s): %s" % (rc, err.strip()[-200:])
        return res
    seen = {}
    for line in out.split("\n"):
        p = line.split()
        if len(p) == 5 and p[0] == "ORACLE":
            seen[int(p[1])] = (int(p[2]), int(p[3]), p[4].split(","))
    obj = objects(src)
    cl, warns = claims(obj, diag)
    for i, what in sorted(cl.items()):
        if i not in seen or seen[i][0] == 0:
            continue
        res["checked"] += 1
        if seen[i][1]:
            o = obj[i]
            res["fails"].append(dict(id=i, kind=o["kind"], name=o["name"], line=o["line"],
                                     claim=what, holders=seen[i][2], runs=seen[i][:2]))
    for i, reason in warns:
        if i not in seen or seen[i][0] == 0:
            continue
        res["wchecked"] += 1
        ch, esc, holders = seen[i]
        m = re.match(r"stored in global '(\w+)'", reason)
        if m:
            good = m.group(1) in holders
        elif reason.startswith("returned from"):
            good = "<return>" in holders
        else:
            good = esc > 0
        if not good:
            res["wfalse"].append(dict(id=i, name=obj[i]["name"], reason=reason, holders=holders))
    if PROMOTE:
        run_promote(cfile, opt, workdir, res)
        # a site the oracle saw outlive its frame must not have been promoted
        for f_ in res["fails"]:
            if f_["kind"] == "site" and f_["line"] in res.get("promoted_lines", []):
                res["perr"].append("unsound promotion at line %d" % f_["line"])
    res["ok"] = True
    return res


sys.path.insert(0, HERE)
import gen as generator  # noqa: E402  (in-process: a Python start per program was a third of its CPU)


def gen(seed, extra=()):
    """gen.py SEED [--scenarios N] [--known] [--variable-sizes], without a
    new interpreter."""
    extra = list(extra)
    nscen = int(extra[extra.index("--scenarios") + 1]) if "--scenarios" in extra else 4
    return generator.Gen(seed, nscen, "--known" in extra,
                         "--variable-sizes" in extra).program()


def still_fails(src, opt, workdir):
    r = run_one(src, opt, workdir)
    return r["ok"] and bool(r["fails"])


def reduce(src, opt, workdir):
    """drop scenarios, then single lines, while a soundness failure stays."""
    lines = src.split("\n")
    scen = sorted({int(m) for l in lines for m in re.findall(r"/\*@BEGIN (\d+)\*/", l)})
    for n in scen:
        keep, inside = [], False
        for l in lines:
            if l == "/*@BEGIN %d*/" % n:
                inside = True
            if not inside and "/*@CALL %d*/" % n not in l:
                keep.append(l)
            if l == "/*@END %d*/" % n:
                inside = False
        if still_fails("\n".join(keep), opt, workdir):
            lines = keep
    start = next(i for i, l in enumerate(lines) if l.startswith("struct node"))
    for _ in range(2):
        i = start + 1
        while i < len(lines):
            l = lines[i]
            if l.strip() in ("{", "}", "") or "OR_ENTER" in l or "OR_LEAVE" in l \
               or l.startswith("int main") or l.strip().startswith("return"):
                i += 1
                continue
            cand = lines[:i] + lines[i + 1:]
            if still_fails("\n".join(cand), opt, workdir):
                lines = cand
            else:
                i += 1
    return "\n".join(lines)


def task(args, seed, opt, outdir, path=None):
    wd = tempfile.mkdtemp(prefix="escfz")
    try:
        src = gen(seed, args.genargs) if not path else open(path).read()
        r = run_one(src, opt, wd)
        r["seed"], r["opt"] = seed, opt
        if (r["fails"] or r["wfalse"] or r["err"] or r["perr"]) and outdir:
            base = os.path.join(outdir, ("seed%s-O%s" % (seed, opt)) if not path
                                else "%s-O%s" % (os.path.basename(path)[:-2], opt))
            with open(base + ".c", "w") as f:
                f.write(src)
            with open(base + ".log", "w") as f:
                f.write(repr(r) + "\n")
            if r["fails"] and args.reduce:
                red = reduce(src, opt, wd)
                rr = run_one(red, opt, wd)
                hdr = ["/* escape fuzzer: seed %s, -O%s, reduced." % (seed, opt)]
                for f_ in rr["fails"]:
                    hdr.append("   plugin claims: %s" % f_["claim"])
                    hdr.append("   oracle: object %d (%s %s, line %d) reachable at its frame's return from %s */"[:-3]
                               % (f_["id"], f_["kind"], f_["name"] or "", f_["line"] + 0, ",".join(f_["holders"])))
                hdr[-1] += " */"
                with open(base + ".reduced.c", "w") as f:
                    f.write("\n".join(hdr) + "\n" + red)
                r["reduced"] = base + ".reduced.c"
        return r
    finally:
        shutil.rmtree(wd, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--opt", default="0,2")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")))
    ap.add_argument("--out", default=None)
    ap.add_argument("--reduce", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--known", action="store_true", help="generator: more of the known-unsound shapes")
    ap.add_argument("--variable-sizes", action="store_true",
                    help="generator: leaf allocations of sizes known at run time only")
    ap.add_argument("--file", default=None, help="check this program instead of generating")
    ap.add_argument("--promote", action="store_true",
                    help="also run the program with promote (and under ASan)")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    global PROMOTE
    PROMOTE = args.promote
    args.genargs = (["--known"] if args.known else []) + \
        (["--variable-sizes"] if args.variable_sizes else [])
    seeds = args.seeds or CHECK_SEEDS
    a, _, b = seeds.partition("-")
    seeds = list(range(int(a), int(b or a) + 1))
    files = []
    if args.file:
        seeds, files = [], [args.file]
    elif args.check:
        files = [os.path.join(HERE, "known.c")]
    opts = [o for o in args.opt.split(",") if o]
    out = args.out or os.path.join(os.environ.get("OUT", "/tmp"), "fuzz")
    os.makedirs(out, exist_ok=True)
    if not os.path.exists(PLUGIN):
        print("fuzz: no plugin at %s" % PLUGIN, file=sys.stderr)
        print("0 1")
        return
    tot = dict(programs=0, checks=0, checked=0, fails=0, wchecked=0, wfalse=0, errors=0, passed=0, failed=0,
               promoted=0, pprograms=0, pfails=0, pskip=0)
    log = open(os.path.join(out, "fuzz.log"), "w")
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(task, args, s, o, out) for s in seeds for o in opts]
        futs += [ex.submit(task, args, f, o, out, f) for f in files for o in opts]
        for fu in futs:
            r = fu.result()
            tot["checks"] += 1
            tot["programs"] += 1
            tot["checked"] += r["checked"]
            tot["fails"] += len(r["fails"])
            tot["wchecked"] += r["wchecked"]
            tot["wfalse"] += len(r["wfalse"])
            bad = False
            if r["err"]:
                tot["errors"] += 1
                bad = True
                msg = "fuzz: ERROR seed %s -O%s: %s" % (r["seed"], r["opt"], r["err"])
                print(msg, file=sys.stderr)
                log.write(msg + "\n")
            for f in r["fails"]:
                bad = True
                msg = ("fuzz: SOUNDNESS FAILURE seed %s -O%s object %d (%s %s line %d): plugin: %s; "
                       "reachable from %s" % (r["seed"], r["opt"], f["id"], f["kind"], f["name"] or "",
                                              f["line"], f["claim"], ",".join(f["holders"])))
                print(msg, file=sys.stderr)
                log.write(msg + "\n")
            for f in r["wfalse"]:
                bad = True
                msg = ("fuzz: FALSE WARNING seed %s -O%s '%s' escapes: %s; oracle saw it in: %s"
                       % (r["seed"], r["opt"], f["name"], f["reason"], ",".join(f["holders"])))
                print(msg, file=sys.stderr)
                log.write(msg + "\n")
            tot["promoted"] += r["promoted"]
            tot["pskip"] += r.get("pskip", 0)
            tot["pprograms"] += r["promoted"] > 0
            for f in r["perr"]:
                bad = True
                tot["pfails"] += 1
                msg = "fuzz: PROMOTE FAILURE seed %s -O%s: %s" % (r["seed"], r["opt"], f)
                print(msg, file=sys.stderr)
                log.write(msg + "\n")
            if r.get("reduced"):
                print("fuzz: reduced: %s" % r["reduced"], file=sys.stderr)
            tot["failed" if bad else "passed"] += 1
            if tot["programs"] % 50 == 0:
                log.write("progress: " + fmt(tot) + "\n")
                log.flush()
                if not args.check:
                    print("fuzz: progress: " + fmt(tot), file=sys.stderr)
    summary = "fuzz: " + fmt(tot)
    log.write(summary + "\n")
    log.close()
    if args.check:
        print(summary, file=sys.stderr)
        print("%d %d" % (tot["passed"], tot["failed"]))
    else:
        print(summary)


def fmt(tot):
    s = ("%(programs)d programs (seed x -O), %(checked)d non-escaping claims checked at run time, "
         "%(fails)d soundness failures, %(wchecked)d warning claims checked, %(wfalse)d false warnings, "
         "%(errors)d errors" % tot)
    if PROMOTE:
        s += ("; promote: %(promoted)d sites promoted in %(pprograms)d programs, "
              "%(pfails)d differences, ASan reports or unsound promotions "
              "(%(pskip)d programs not compared: they fail without promote)" % tot)
    return s


if __name__ == "__main__":
    main()
