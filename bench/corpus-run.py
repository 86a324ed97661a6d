#!/usr/bin/env python3
"""Compile a corpus of C translation units with and without the escape
plugin and check that the plugin changes nothing but the diagnostics.

Used by bench/corpus.sh (make corpus) and testsuite/corpus-slice.sh
(make check).  Subcommands:

  units   --project P --rec FILE --out FILE       recorded build -> units
  torture --dir D --kind compile|execute [--files F...|--sample N] --out FILE
  csmith  --dir D --seeds 1-100 --include DIR --out FILE
  run     --cc CC --plugin SO --out DIR [--jobs 2] [--count] UNITS.jsonl...

A unit is one JSON line: project, kind (compile|execute), dir, src, args
(flags without -c/-o/-O/-g), timeout.  `run` compiles each unit at -O0 and
-O2 three times: without the plugin ("base"), with it in default mode
("default") and with -fplugin-arg-escape-m=2 ("m2"), always with
-frandom-seed=escape and without -g, then compares:

  ICE        an internal compiler error / crash with the plugin only
  plugin err the plugin run fails (other exit status) where base did not
  timeout    the plugin run hits `timeout` where base did not
  objdiff    both succeed but the object files differ (cmp)
  exec       kind=execute: link and run; exit status must equal base's
             (tests that fail without the plugin are skipped)

and collects the plugin's findings from the diagnostics.
"""
import argparse
import hashlib
import collections
import concurrent.futures as cf
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

OPTS = ("-O0", "-O2")
# plain ASCII diagnostics whatever the caller's locale
ENV = dict(os.environ, LC_ALL="C")
VARIANTS = ("base", "default", "m2")
SEED = "-frandom-seed=escape"

# ------------------------------------------------------------------ units


def split_recorded(line):
    parts = line.rstrip("\n").split("\037")
    if parts and parts[-1] == "":
        parts.pop()
    return parts[0], parts[1:]


DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ"}


def clean_args(args):
    """Drop what the runner sets itself (-c, -o, -O, -g) and what writes
    side files or turns warnings into errors (-M*, -Werror)."""
    out, src, skip = [], None, False
    for a in args:
        if skip:
            skip = False
            continue
        if a in DROP_WITH_ARG:
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD", "-MP", "-pipe", "-Werror"):
            continue
        if re.match(r"-O([0-3sgz]|fast)?$", a) or re.match(r"-g", a):
            continue
        if a.startswith(("-MF", "-MT", "-MQ", "-Wp,-M", "-Werror=")):
            continue
        if a.endswith(".c") and not a.startswith("-"):
            src = a
            continue
        out.append(a)
    return src, out


def cmd_units(ns):
    seen, units = set(), []
    with open(ns.rec, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            if not line.strip():
                continue
            d, args = split_recorded(line)
            src, flags = clean_args(args)
            if src is None:
                continue
            key = os.path.normpath(os.path.join(d, src))
            if key in seen:          # libtool compiles twice (PIC and not)
                continue
            seen.add(key)
            units.append(dict(project=ns.project, kind="compile", dir=d,
                              src=src, args=flags, timeout=ns.timeout))
    write_units(ns.out, units)
    print(f"{ns.project}: {len(units)} units", file=sys.stderr)


def write_units(path, units):
    with open(path, "w") as f:
        for u in units:
            f.write(json.dumps(u) + "\n")


DG_OPT = re.compile(r'\{\s*dg-(?:additional-)?options\s+"([^"]*)"\s*\}')


def torture_args(path):
    """Options a torture file asks for with dg-options without a target
    selector; everything else about DejaGnu is ignored (a file that then
    fails without the plugin is skipped)."""
    try:
        text = open(path, encoding="latin-1").read()
    except OSError:
        return []
    args = []
    for m in DG_OPT.finditer(text):
        args += m.group(1).split()
    # options the runner sets itself
    return [a for a in args if not re.match(r"-O|-g", a)]


def cmd_torture(ns):
    d = os.path.abspath(ns.dir)
    if ns.files:
        files = ns.files
    else:
        files = sorted(f for f in os.listdir(d) if f.endswith(".c"))
        if ns.sample and ns.sample < len(files):
            files = sorted(random.Random(ns.seed).sample(files, ns.sample))
    units = []
    for f in files:
        units.append(dict(project="torture-" + ns.kind, kind=ns.kind, dir=d,
                          src=f, args=torture_args(os.path.join(d, f)),
                          timeout=ns.timeout))
    write_units(ns.out, units)
    print(f"torture-{ns.kind}: {len(units)} units", file=sys.stderr)


def parse_seeds(spec):
    seeds = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            seeds += range(int(a), int(b) + 1)
        elif part:
            seeds.append(int(part))
    return seeds


def cmd_csmith(ns):
    d = os.path.abspath(ns.dir)
    os.makedirs(d, exist_ok=True)
    units = []
    for s in parse_seeds(ns.seeds):
        f = f"seed-{s}.c"
        p = os.path.join(d, f)
        if not os.path.exists(p):
            tmp = p + ".tmp"
            subprocess.run([ns.csmith, "--seed", str(s), "-o", tmp],
                           check=True, stdout=subprocess.DEVNULL)
            os.rename(tmp, p)
        units.append(dict(project="csmith", kind="execute", dir=d, src=f,
                          args=["-I" + ns.include, "-w"], compare_stdout=True,
                          timeout=ns.timeout))
    write_units(ns.out, units)
    print(f"csmith: {len(units)} units", file=sys.stderr)

# ------------------------------------------------------------------ run


ICE_RE = re.compile(r"internal compiler error|Please submit a full bug report"
                    r"|Segmentation fault|killed by signal|Aborted|"
                    r"terminated by signal")
DIAG_RE = re.compile(r"^(.*?):(\d+):(\d+): (warning|note|error): (.*)$")


def classify(kind, msg):
    """Map one plugin diagnostic to a finding kind (or None)."""
    if kind == "warning":
        if re.match(r"address of local variable .+? escapes", msg):
            return "warning"
        return None
    if kind != "note":
        return None
    if "does not escape: stack promotion candidate" in msg:
        return "candidate"
    if msg.startswith("moved to heap: "):
        return "moved"
    if msg.startswith("nested function "):
        return "nested-escapes" if msg.endswith("escapes to heap") else None
    if msg.endswith(" escapes to heap"):
        return "alloc-escapes"
    if msg.startswith("leaking param"):
        return "leaking"
    return None


def run_one(cmd, cwd, timeout, errfile, outfile=None):
    """Run under `timeout`, stderr to errfile (stdout to outfile or
    nowhere); return (rc, cpu s, maxrss KB)."""
    full = ["timeout", "-k", "10", str(timeout)] + cmd
    with open(errfile, "wb") as err, \
            open(outfile or os.devnull, "wb") as out:
        p = subprocess.Popen(full, cwd=cwd, stdin=subprocess.DEVNULL,
                             stdout=out, stderr=err, env=ENV)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def same_file(a, b):
    return subprocess.run(["cmp", "-s", a, b]).returncode == 0


class Ctx:
    pass


def task(ctx, u, opt):
    """All compiles (and runs) of one unit at one -O level."""
    src = os.path.join(u["dir"], u["src"])
    tag = re.sub(r"[^A-Za-z0-9_.-]", "_",
                 os.path.relpath(src, ctx.relto))[-120:]
    work = tempfile.mkdtemp(prefix="u-", dir=ctx.tmp)
    res = dict(project=u["project"], src=src, opt=opt, kind=u["kind"],
               checks=[], problems=[], findings=[], cpu={}, rss={})
    base_cmd = [ctx.cc] + u["args"] + [opt, SEED, "-fdiagnostics-plain-output",
                                       "-c", src]
    plug = ["-fplugin=" + ctx.plugin]
    extra = {"base": [], "default": plug,
             "m2": plug + ["-fplugin-arg-escape-m=2"]}
    out = {}
    keep = False
    for v in VARIANTS:
        obj = os.path.join(work, v + ".o")
        err = os.path.join(work, v + ".err")
        cmd = base_cmd[:1] + extra[v] + base_cmd[1:] + ["-o", obj]
        rc, cpu, rss = run_one(cmd, u["dir"],
                               min(u["timeout"], ctx.timeout_cap), err)
        text = open(err, encoding="utf-8", errors="replace").read()
        out[v] = (rc, obj, text, cmd)
        res["cpu"][v] = cpu
        if rc < 0:
            res["killed"] = True
        res["rss"][v] = rss
    brc, bobj, btext, _ = out["base"]
    base_ice = bool(ICE_RE.search(btext)) or brc == 124
    res["base_ok"] = brc == 0
    same = {}
    res["base_err"] = "" if brc == 0 else f"exit {brc}\n" + tail(btext, 6)
    for v in ("default", "m2"):
        rc, obj, text, cmd = out[v]
        problem = None
        if ICE_RE.search(text) and not base_ice:
            problem = "ice"
        elif rc == 124 and brc != 124:
            problem = "timeout"
        elif rc != brc:
            problem = "plugin-error"
        elif rc == 0 and not same_file(bobj, obj):
            problem = "objdiff"
        same[v] = rc == 0 and brc == 0 and problem is None
        check = dict(variant=v, problem=problem)
        res["checks"].append(check)
        if problem:
            keep = True
            res["problems"].append(dict(
                problem=problem, variant=v, opt=opt, src=src,
                cmd=" ".join(shquote(c) for c in cmd), cwd=u["dir"],
                rc=rc, base_rc=brc, stderr=tail(text)))
        # findings
        for line in text.splitlines():
            m = DIAG_RE.match(line)
            if not m:
                continue
            k = classify(m.group(4), m.group(5))
            if k:
                f = os.path.normpath(os.path.join(u["dir"], m.group(1)))
                res["findings"].append((v, k, f"{os.path.relpath(f, ctx.relto)}:"
                                        f"{m.group(2)}:{m.group(3)}",
                                        m.group(5)))
    # execute tests: link and run each object, compare exit status and,
    # where the output is deterministic (csmith's checksum; torture tests
    # may print stack addresses), standard output
    res["exec"] = None
    if u["kind"] == "execute" and brc == 0:
        st = {}
        for v in VARIANTS:
            rc, obj = out[v][0], out[v][1]
            if rc != 0:
                continue
            if same.get(v) and "base" in st:
                # byte-identical object: byte-identical program, same run
                st[v] = st["base"]
                continue
            exe = os.path.join(work, v + ".exe")
            lrc, _, _ = run_one([ctx.cc, obj, "-o", exe, "-lm"], work, 120,
                                os.path.join(work, v + ".lerr"))
            if lrc != 0:
                st[v] = "link-fail"
                continue
            rout = os.path.join(work, v + ".rout")
            rrc, _, _ = run_one([exe], work, ctx.exec_timeout,
                                os.path.join(work, v + ".rerr"), rout)
            if v != "base" and rrc == 0 and u.get("compare_stdout") and \
                    not same_file(
                    rout, os.path.join(work, "base.rout")):
                rrc = "different-output"
            st[v] = rrc
        if st.get("base") == 0:
            res["exec"] = {v: st.get(v) for v in ("default", "m2")}
            for v, r in res["exec"].items():
                if r is not None and r != 0:
                    keep = True
                    res["problems"].append(dict(
                        problem="exec", variant=v, opt=opt, src=src,
                        cmd=" ".join(shquote(c) for c in out[v][3]),
                        cwd=u["dir"], rc=r, base_rc=0, stderr=""))
        else:
            res["exec"] = "skip"
    if keep:
        dest = os.path.join(ctx.out, "failures", f"{tag}{opt}")
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(work, dest)
    shutil.rmtree(work, ignore_errors=True)
    return res


def tail(text, n=25):
    return "\n".join(text.splitlines()[-n:])


def shquote(s):
    return s if re.match(r"^[A-Za-z0-9_./=,:+@%-]+$", s) else "'" + \
        s.replace("'", "'\\''") + "'"


FIND_KINDS = ("alloc", "alloc-escapes", "candidate", "moved", "leaking",
              "nested-escapes", "warning")


def cmd_run(ns):
    ctx = Ctx()
    ctx.cc, ctx.plugin = ns.cc, os.path.abspath(ns.plugin)
    ctx.out = os.path.abspath(ns.out)
    ctx.relto = os.path.abspath(ns.relto or ns.out)
    ctx.exec_timeout = ns.exec_timeout
    ctx.timeout_cap = ns.timeout_cap
    os.makedirs(ctx.out, exist_ok=True)
    if not ns.resume:
        shutil.rmtree(os.path.join(ctx.out, "failures"), ignore_errors=True)
    ctx.tmp = tempfile.mkdtemp(prefix="run-", dir=ctx.out)
    units = []
    for f in ns.units:
        with open(f) as fh:
            units += [json.loads(l) for l in fh if l.strip()]
    order = []
    for u in units:
        try:
            size = os.path.getsize(os.path.join(u["dir"], u["src"]))
        except OSError:
            size = 0
        for opt in OPTS:
            order.append((size, u, opt))
    # biggest first: the two workers finish together
    order.sort(key=lambda t: (-t[0], t[1]["project"], t[1]["src"], t[2]))
    projects = list(dict.fromkeys(u["project"] for u in units))
    t0 = time.time()
    results = []
    # Each finished task is appended to tasks.jsonl under a key made of the
    # plugin's and compiler's identity and the unit; --resume reuses them.
    ident = hashlib.sha256(open(ctx.plugin, "rb").read()).hexdigest()[:16]
    ident += subprocess.run([ctx.cc, "--version"], capture_output=True,
                            text=True).stdout.split("\n")[0]
    def key(u, opt):
        return hashlib.sha256(json.dumps([ident, u, opt, ctx.exec_timeout],
                                         sort_keys=True).encode()
                              ).hexdigest()
    tasks_file = os.path.join(ctx.out, "tasks.jsonl")
    old = {}
    if ns.resume and os.path.exists(tasks_file):
        for l in open(tasks_file):
            try:
                k, r = json.loads(l)
                old[k] = r
            except ValueError:
                pass
    todo = []
    for _, u, opt in order:
        r = old.get(key(u, opt))
        if r is not None:
            r["findings"] = [tuple(f) for f in r["findings"]]
            results.append(r)
        else:
            todo.append((u, opt))
    if old:
        print(f"corpus: {len(results)} tasks reused from {tasks_file}, "
              f"{len(todo)} to run", file=sys.stderr)
    tf = open(tasks_file, "a" if ns.resume else "w")
    with cf.ThreadPoolExecutor(max_workers=ns.jobs) as ex:
        futs = {ex.submit(task, ctx, u, opt): (u, opt) for u, opt in todo}
        done = 0
        for fut in cf.as_completed(futs):
            r = fut.result()
            results.append(r)
            # a compile killed from outside (negative status: the run was
            # being stopped) is not kept for --resume
            if not r.get("killed"):
                tf.write(json.dumps([key(*futs[fut]), r]) + "\n")
                tf.flush()
            done += 1
            for p in r["problems"]:
                print(f"FAIL {p['problem']} {p['variant']} {p['opt']} "
                      f"{p['src']}", file=sys.stderr)
            if ns.progress and done % ns.progress == 0:
                print(f"  {done}/{len(futs)} tasks, "
                      f"{time.time() - t0:.0f}s", file=sys.stderr)
    tf.close()
    shutil.rmtree(ctx.tmp, ignore_errors=True)
    wall = time.time() - t0
    problems = [p for r in results for p in r["problems"]]
    with open(os.path.join(ctx.out, "problems.json"), "w") as f:
        json.dump(problems, f, indent=1)
    with open(os.path.join(ctx.out, "base-failures.txt"), "w") as f:
        for r in sorted(results, key=lambda r: (r["src"], r["opt"])):
            if r["base_err"]:
                f.write(f"== {r['src']} {r['opt']}: {r['base_err']}\n")
    if ns.count:
        passed = sum(1 for r in results for c in r["checks"]
                     if not c["problem"])
        failed = sum(1 for r in results for c in r["checks"] if c["problem"])
        # an execute mismatch fails its check too
        failed += sum(1 for r in results if isinstance(r["exec"], dict)
                      for v, s in r["exec"].items() if s not in (0, None))
        print(f"{passed} {failed}")
        return 0
    table = report(ns, projects, results, problems, wall)
    print(table)
    if ns.table:
        with open(ns.table, "w") as f:
            f.write(table)
    return 0


def report(ns, projects, results, problems, wall):
    by = collections.defaultdict(list)
    for r in results:
        by[r["project"]].append(r)
    L = []
    L.append(f"# escape plugin on real code: corpus results\n")
    ver = subprocess.run([ns.cc, "-dumpfullversion"], capture_output=True,
                         text=True).stdout.strip()
    L.append(f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}")
    L.append(f"- compiler: {ns.cc} {ver}; plugin: {ns.plugin}")
    L.append(f"- wall time: {wall / 60:.1f} min with {ns.jobs} jobs\n")
    L.append("## Robustness and identical code\n")
    L.append("Each unit at -O0 and -O2; each plugin compile (default mode and "
             "m=2) is compared with the compile without the plugin.\n")
    L.append("| project | units | plugin compiles | skipped (fail w/o plugin)"
             " | ICE | plugin errors | timeouts | object diffs |"
             " exec run | exec fail | exec skipped | CPU ratio default | "
             "CPU ratio m=2 |")
    L.append("|" + "---|" * 13)
    tot = collections.Counter()
    for p in projects:
        rs = by[p]
        c = collections.Counter()
        c["units"] = len({r["src"] for r in rs})
        for r in rs:
            for ch in r["checks"]:
                if r["base_ok"]:
                    c["compiles"] += 1
                else:
                    c["skipped"] += 1
                if ch["problem"]:
                    c[ch["problem"]] += 1
            e = r["exec"]
            if e == "skip":
                c["exec-skip"] += 2
            elif isinstance(e, dict):
                for v, s in e.items():
                    c["exec-run"] += 1
                    if s not in (0, None):
                        c["exec-fail"] += 1
            for v in VARIANTS:
                c["cpu-" + v] += r["cpu"].get(v, 0) if r["base_ok"] else 0
        tot.update(c)
        L.append(row(p, c))
    L.append(row("**total**", tot))
    L.append("")
    L.append("CPU ratio: user+system time of all successful compiles with "
             "the plugin / without (2 jobs in parallel, so only indicative; "
             "`make bench` measures the cost properly).\n")
    if problems:
        L.append("### Problems\n")
        for pb in problems[:200]:
            L.append(f"- **{pb['problem']}** ({pb['variant']}, {pb['opt']}) "
                     f"`{pb['src']}`: exit {pb['rc']} vs {pb['base_rc']} "
                     f"without the plugin  \n  `cd {pb['cwd']} && {pb['cmd']}`")
        if len(problems) > 200:
            L.append(f"- ... {len(problems) - 200} more in problems.json")
        L.append("")
    # findings
    L.append("## Findings\n")
    L.append("Distinct diagnostic sites (file:line:col + message, so a "
             "header seen by several units counts once), with "
             "`-fplugin-arg-escape-m=2`. Allocation sites = `... escapes to "
             "heap` notes for allocation calls + stack promotion candidates. "
             "Last column: warnings and candidates in default mode (must "
             "equal the m=2 figures).\n")
    fdir = os.path.join(os.path.abspath(ns.out), "findings")
    os.makedirs(fdir, exist_ok=True)
    for opt in ("-O2", "-O0"):
        L.append(f"### {opt}\n")
        L.append("| project | allocation sites | allocations escaping | "
                 "stack promotion candidates | moved to heap (locals) | "
                 "leaking params | nested fns escaping | warnings | "
                 "default mode: warnings / candidates |")
        L.append("|" + "---|" * 9)
        for p in projects:
            sites = {"m2": collections.defaultdict(set),
                     "default": collections.defaultdict(set)}
            for r in by[p]:
                if r["opt"] != opt:
                    continue
                for v, k, loc, msg in r["findings"]:
                    sites[v][k].add((loc, msg))
            s = sites["m2"]
            n = {k: len(s[k]) for k in FIND_KINDS}
            n["alloc"] = n["alloc-escapes"] + n["candidate"]
            d = sites["default"]
            L.append(f"| {p} | {n['alloc']} | {n['alloc-escapes']} | "
                     f"{n['candidate']} | {n['moved']} | {n['leaking']} | "
                     f"{n['nested-escapes']} | {n['warning']} | "
                     f"{len(d['warning'])} / {len(d['candidate'])} |")
            with open(os.path.join(fdir, f"{p}{opt}.txt"), "w") as f:
                for k in FIND_KINDS:
                    for loc, msg in sorted(s.get(k, ())):
                        f.write(f"{k}\t{loc}\t{msg}\n")
        L.append("")
    L.append(f"Every finding is listed in {fdir}/PROJECT-O2.txt.\n")
    return "\n".join(L) + "\n"


def row(p, c):
    def ratio(v):
        b = c["cpu-base"]
        return f"{c['cpu-' + v] / b:.3f}" if b else "-"
    return (f"| {p} | {c['units']} | {c['compiles']} | {c['skipped']} | "
            f"{c['ice']} | {c['plugin-error']} | {c['timeout']} | "
            f"{c['objdiff']} | {c['exec-run']} | {c['exec-fail']} | "
            f"{c['exec-skip']} | {ratio('default')} | {ratio('m2')} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("units")
    a.add_argument("--project", required=True)
    a.add_argument("--rec", required=True)
    a.add_argument("--out", required=True)
    a.add_argument("--timeout", type=int, default=600)
    a = sub.add_parser("torture")
    a.add_argument("--dir", required=True)
    a.add_argument("--kind", choices=("compile", "execute"), required=True)
    a.add_argument("--files", nargs="*")
    a.add_argument("--sample", type=int, default=0)
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--out", required=True)
    a.add_argument("--timeout", type=int, default=300)
    a = sub.add_parser("csmith")
    a.add_argument("--dir", required=True)
    a.add_argument("--seeds", default="1-100")
    a.add_argument("--include", required=True)
    a.add_argument("--csmith", default="csmith")
    a.add_argument("--out", required=True)
    a.add_argument("--timeout", type=int, default=300)
    a = sub.add_parser("run")
    a.add_argument("--cc", default="gcc")
    a.add_argument("--plugin", required=True)
    a.add_argument("--out", required=True)
    a.add_argument("--relto", help="paths in reports relative to this")
    a.add_argument("--jobs", type=int, default=2)
    a.add_argument("--exec-timeout", type=int, default=20)
    a.add_argument("--timeout-cap", type=int, default=10**6,
                   help="lower every unit's compile time limit to this")
    a.add_argument("--count", action="store_true",
                   help='print only "PASSED FAILED"')
    a.add_argument("--table", help="also write the markdown table here")
    a.add_argument("--progress", type=int, default=0)
    a.add_argument("--resume", action="store_true",
                   help="reuse the results in OUT/tasks.jsonl of the same "
                   "plugin, compiler and unit")
    a.add_argument("units", nargs="+")
    ns = ap.parse_args()
    return {"units": cmd_units, "torture": cmd_torture, "csmith": cmd_csmith,
            "run": cmd_run}[ns.cmd](ns)


if __name__ == "__main__":
    sys.exit(main() or 0)
