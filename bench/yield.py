#!/usr/bin/env python3
"""Yield table: how many allocation sites of real projects the plugin sees,
how many are stack promotion candidates (constant / variable size), and why
the others escape (the last flow step at m=2).  Run by bench/yield.sh.

  yield.py table    --cc CC --plugin SO --corpus DIR [--jobs 2]
                    [--projects "lua git ..."] [--configs none,args]
  yield.py warnings --cc CC --plugin SO --corpus DIR --project git
                    [--opts -O0,-O2]

`table` compiles every unit of each project ($CORPUS_DIR/units/P.jsonl,
made by bench/corpus.sh) at -O0 with -fplugin-arg-escape-m=2, once per
configuration (CONFIGS below), and counts distinct sites (file:line:col and
expression, so a header function seen by many units counts once):

  sites       every `EXPR escapes to heap` / `EXPR does not escape: stack
              promotion candidate` verdict on an allocation (file handles
              such as fopen's, if ever reported, are left aside)
  candidates  split by the size: constant when every size argument is a
              number in the message (`malloc(64)`, `calloc(4, 16)`),
              variable otherwise (`malloc(n)`, `strdup(...)`)
  reasons     for each escape, the kind of the last `flow:` step
              (`passed to function without body`, `non-constant size`, ...)

The markdown goes to stdout and to $CORPUS_DIR/yield.md; the stderr of
each compile is cached in $CORPUS_DIR/yield/cache under a key made of the
plugin's checksum, the compiler and the command (FRESH=1: ignore the
cache).  `warnings` lists the plugin's warnings (default mode) on one
project at each -O level.
"""
import argparse
import concurrent.futures as cf
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ENV = dict(os.environ, LC_ALL="C")
DEFAULT_ORDER = ["lua", "sqlite", "zlib", "lmdb", "gawk", "curl",
                 "git", "redis", "jq", "bzip2", "zstd"]

# ------------------------------------------------------------ configurations
# One row per configuration: name, column title, plugin arguments, passes.
# In the arguments, {project} stands for the project's line of
# "Allocator arguments for real projects" in docs/recipes.md, and
# {summaries} for a directory of its own per project and configuration,
# emptied before the first pass.  passes=2 compiles every unit twice and
# counts the second pass (a two-pass build); such runs are not cached.
CONFIGS = [
    dict(name="none", title="(a) no arguments", args=[], passes=1),
    dict(name="args", title="(b) documented alloc=/free=",
         args=["{project}"], passes=1),
    dict(name="wrappers", title="(c) wrappers found by themselves",
         args=["-fplugin-arg-escape-wrappers"], passes=1),
    dict(name="summaries", title="(d) (b) + wrappers + summaries, two-pass build",
         args=["{project}", "-fplugin-arg-escape-wrappers",
               "-fplugin-arg-escape-summaries={summaries}"],
         passes=2),
]

# ------------------------------------------------------------ sizes
# Which arguments are the size, for the C library's allocators; functions
# named by alloc= take the size first (docs/manual.md); anything else
# (a function with __attribute__((malloc))) counts all its arguments.
SIZE_ARGS = {
    "malloc": [0], "calloc": [0, 1], "realloc": [1], "reallocarray": [1, 2],
    "aligned_alloc": [1], "memalign": [1], "posix_memalign": [2],
    "valloc": [0], "pvalloc": [0], "alloca": [0],
    "__builtin_malloc": [0], "__builtin_calloc": [0, 1],
    "__builtin_realloc": [1], "__builtin_alloca": [0],
}
FILE_HANDLES = {"fopen", "fopen64", "fdopen", "freopen", "freopen64",
                "tmpfile", "tmpfile64", "popen", "opendir", "fdopendir",
                "fmemopen", "open_memstream", "open_wmemstream"}

DIAG_RE = re.compile(r"^(.*?):(\d+):(\d+): (warning|note|error): (.*)$")
FLOW_KIND = re.compile(r"\(([a-z][a-z -]*)\)(?: at \S+)?$")
ALLOC_ESC = re.compile(r"^(.*) escapes to heap$")
ALLOC_CAND = re.compile(r"^(.*) does not escape: stack promotion candidate")
MACRO_NOTE = re.compile(r"in (expansion|definition) of macro ")
WARN_RE = re.compile(r"^address of local variable '(.+?)' escapes: (.*)$")


def split_call(expr):
    """'calloc(n, 4)' -> ('calloc', ['n', '4'])"""
    m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$", expr)
    if not m:
        return expr, []
    args, depth, cur = [], 0, ""
    for ch in m.group(2):
        if ch == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
            continue
        depth += ch in "([{"
        depth -= ch in ")]}"
        cur += ch
    if cur.strip():
        args.append(cur.strip())
    return m.group(1), args


def constant_size(expr, allocs):
    fn, args = split_call(expr)
    idx = SIZE_ARGS.get(fn, allocs.get(fn, range(len(args))))
    sizes = [args[i] for i in idx if i < len(args)]
    return bool(sizes) and all(re.fullmatch(r"\d+", s) for s in sizes)


def parse(text, cwd):
    """Allocation verdicts and warnings in one compile's stderr:
    yields ('site', key, verdict, expr, reason) and ('warning', loc, msg)."""
    cur = last = None
    for line in text.splitlines():
        m = DIAG_RE.match(line)
        if not m:
            continue
        f, ln, col, kind, msg = m.groups()
        loc = f"{os.path.normpath(os.path.join(cwd, f))}:{ln}:{col}"
        if kind == "note" and msg.startswith("flow: "):
            if cur is not None:
                k = FLOW_KIND.search(msg)
                cur[4] = k.group(1) if k else "?"
                cur.append("flow")
            continue
        if kind == "note" and MACRO_NOTE.match(msg):
            # GCC's macro backtrace of the diagnostic before: a site in a
            # macro is told apart by where the macro is used (the last one)
            if cur is not None and cur[-1] != "flow":
                cur[1] = cur[1].split(" @ ")[0] + " @ " + loc
            elif cur is None and last is not None and last[0] == "site":
                last = (last[0], last[1].split(" @ ")[0] + " @ " + loc) + \
                    last[2:]
            continue
        if last is not None:
            yield last
            last = None
        if cur is not None:
            yield tuple(cur[:5])
            cur = None
        if kind == "warning":
            if WARN_RE.match(msg):
                yield ("warning", loc, msg)
            continue
        if kind != "note" or msg.startswith(("nested function ",
                                              "moved to heap")):
            continue
        e = ALLOC_ESC.match(msg)
        if e:
            cur = ["site", f"{loc} {e.group(1)}", "escape", e.group(1), None]
            continue
        c = ALLOC_CAND.match(msg)
        if c:
            last = ("site", f"{loc} {c.group(1)}", "candidate", c.group(1),
                    "variable" if "heap fallback" in msg else None)
    if cur is not None:
        yield tuple(cur[:5])
    if last is not None:
        yield last


# ------------------------------------------------------------ compiling
def sha_file(path):
    h = hashlib.sha1()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def compile_unit(cc, u, extra, opt, timeout):
    src = os.path.join(u["dir"], u["src"])
    fd, obj = tempfile.mkstemp(suffix=".o")
    os.close(fd)
    cmd = [cc] + extra + u["args"] + [opt, "-fdiagnostics-plain-output",
                                      "-c", src, "-o", obj]
    t0 = time.time()
    try:
        p = subprocess.run(["timeout", "-k", "10", str(timeout)] + cmd,
                           cwd=u["dir"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=ENV)
        rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
    finally:
        os.unlink(obj)
    return rc, err, time.time() - t0


def load_units(corpus, project):
    with open(os.path.join(corpus, "units", project + ".jsonl")) as f:
        return [json.loads(l) for l in f if l.strip()]


def recipe_args(root):
    """{project: [args]} from docs/recipes.md, section "Allocator arguments
    for real projects": table rows `| project | `-fplugin-arg-...` ... |`."""
    path = os.path.join(root, "docs", "recipes.md")
    out, on = {}, False
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            on = "Allocator arguments for real projects" in line
            continue
        if not on or not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2:
            continue
        name = cells[0].strip("`* ")
        args = re.findall(r"`(-fplugin-arg-escape-[^`]*)`", cells[1])
        if re.fullmatch(r"[a-z0-9]+", name) and name != "project":
            out[name] = args
    return out


def names_in(args, key):
    """The size arguments (0-based) of each function alloc=/realloc= names:
    NAME (size first; realloc: second), NAME:sizeN, NAME:countN:sizeM."""
    out = {}
    for a in args:
        m = re.match(r"-fplugin-arg-escape-(%s)=(.*)" % key, a)
        if not m:
            continue
        for item in filter(None, m.group(2).split(",")):
            name, *keys = item.split(":")
            pos = {re.match(r"[a-z]+", k).group(0): int(re.sub(r"\D", "", k)) - 1
                   for k in keys}
            default = [1] if m.group(1) == "realloc" else [0]
            if "count" in pos:
                out[name] = [pos["count"], pos["size"]]
            else:
                out[name] = [pos["size"]] if "size" in pos else default
    return out


def run_config(ns, conf, project, units, proj_args, cache_dir):
    summ = os.path.join(ns.corpus, "yield", "summaries", conf["name"],
                        project)
    args = []
    for a in conf["args"]:
        if a == "{project}":
            args += proj_args
        else:
            args.append(a.replace("{summaries}", summ))
    extra = ["-fplugin=" + ns.plugin, "-fplugin-arg-escape-m=2"] + args
    passes = conf.get("passes", 1)
    if "{summaries}" in " ".join(conf["args"]):
        shutil.rmtree(summ, ignore_errors=True)
        os.makedirs(summ, exist_ok=True)
    use_cache = passes == 1 and not os.environ.get("FRESH")
    key0 = hashlib.sha1(
        json.dumps([ns.plugin_sha, ns.cc_id, extra]).encode()).hexdigest()

    def one(u):
        k = hashlib.sha1(json.dumps([key0, u]).encode()).hexdigest()
        cpath = os.path.join(cache_dir, k + ".json")
        if use_cache and os.path.exists(cpath):
            with open(cpath) as f:
                return json.load(f)
        rc, err, wall = compile_unit(ns.cc, u, extra, "-O0", ns.timeout)
        r = dict(rc=rc, err=err, wall=wall)
        if use_cache:
            with open(cpath + ".tmp", "w") as f:
                json.dump(r, f)
            os.replace(cpath + ".tmp", cpath)
        return r

    t0 = time.time()
    with cf.ThreadPoolExecutor(ns.jobs) as ex:
        for p in range(passes):
            results = list(ex.map(one, units))
    wall = time.time() - t0
    allocs = names_in(proj_args if "{project}" in conf["args"] else args,
                      "alloc|realloc")
    sites, warnings, failed = {}, {}, []
    for u, r in zip(units, results):
        if r["rc"] != 0:
            failed.append((u["src"], r["rc"]))
        for item in parse(r["err"], u["dir"]):
            if item[0] == "warning":
                warnings.setdefault(item[1], item[2])
                continue
            _, key, verdict, expr, reason = item
            if split_call(expr)[0] in FILE_HANDLES:
                continue
            const = (reason != "variable" if verdict == "candidate"
                     else constant_size(expr, allocs))
            sites.setdefault(key, (verdict, expr, reason, const))
    # every site of this project and configuration, for reading by hand
    # (docs/findings.md samples its candidates)
    out = os.path.join(ns.corpus, "yield", "sites", conf["name"])
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, project + ".jsonl.tmp"), "w") as f:
        for key, v in sorted(sites.items()):
            f.write(json.dumps(dict(site=key, verdict=v[0], expr=v[1],
                                    reason=v[2], constant=v[3])) + "\n")
    os.replace(os.path.join(out, project + ".jsonl.tmp"),
               os.path.join(out, project + ".jsonl"))
    return dict(sites=sites, warnings=warnings, failed=failed, wall=wall,
                units=len(units), cpu=sum(r["wall"] for r in results))


def summarise(res):
    s = res["sites"].values()
    return dict(
        sites=len(res["sites"]),
        esc=sum(1 for v in s if v[0] == "escape"),
        cc=sum(1 for v in s if v[0] == "candidate" and v[3]),
        cv=sum(1 for v in s if v[0] == "candidate" and not v[3]))


def cmd_table(ns):
    ns.corpus = os.path.abspath(ns.corpus)
    ns.plugin = os.path.abspath(ns.plugin)
    ns.plugin_sha = sha_file(ns.plugin)
    ns.cc_id = subprocess.run([ns.cc, "--version"], capture_output=True,
                              text=True, env=ENV).stdout.splitlines()[0]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    recipes = recipe_args(root)
    udir = os.path.join(ns.corpus, "units")
    have = [f[:-6] for f in os.listdir(udir) if f.endswith(".jsonl")
            and not f.startswith(("torture", "csmith"))]
    projects = ns.projects.split() if ns.projects else \
        sorted(have, key=lambda p: (DEFAULT_ORDER.index(p)
                                    if p in DEFAULT_ORDER else 99, p))
    projects = [p for p in projects if p in have]
    confs = [c for c in CONFIGS
             if not ns.configs or c["name"] in ns.configs.split(",")]
    cache_dir = os.path.join(ns.corpus, "yield", "cache")
    os.makedirs(cache_dir, exist_ok=True)
    R = {}
    for conf in confs:
        for p in projects:
            units = load_units(ns.corpus, p)
            print(f"yield: {conf['name']} {p}: {len(units)} units",
                  file=sys.stderr, flush=True)
            R[conf["name"], p] = run_config(ns, conf, p, units,
                                            recipes.get(p, []), cache_dir)
            s = summarise(R[conf["name"], p])
            print(f"yield: {conf['name']} {p}: {s} "
                  f"{R[conf['name'], p]['wall']:.0f} s", file=sys.stderr,
                  flush=True)
    md = render(ns, confs, projects, R, recipes)
    sys.stdout.write(md)
    with open(os.path.join(ns.corpus, "yield.md"), "w") as f:
        f.write(md)


def render(ns, confs, projects, R, recipes):
    L = []
    L.append(f"Plugin `{ns.plugin}` (sha1 {ns.plugin_sha[:12]}), "
             f"{ns.cc_id}; every unit at -O0 with "
             f"`-fplugin-arg-escape-m=2`; distinct sites.\n")
    L.append("Per configuration: allocation sites seen / stack promotion "
             "candidates of constant size / of variable size.\n")
    hdr = "| project | units |" + "".join(f" {c['title']} |" for c in confs)
    L.append(hdr)
    L.append("|---|---|" + "---|" * len(confs))
    tot = {c["name"]: dict(sites=0, esc=0, cc=0, cv=0) for c in confs}
    nunits = 0
    for p in projects:
        r0 = R[confs[0]["name"], p]
        nunits += r0["units"]
        row = f"| {p} | {r0['units']} |"
        for c in confs:
            s = summarise(R[c["name"], p])
            for k in s:
                tot[c["name"]][k] += s[k]
            row += f" {s['sites']} / {s['cc']} / {s['cv']} |"
        L.append(row)
    row = f"| **total** | {nunits} |"
    for c in confs:
        t = tot[c["name"]]
        row += f" **{t['sites']} / {t['cc']} / {t['cv']}** |"
    L.append(row)
    L.append("")
    for c in confs:
        L.append(f"#### {c['title']}: the last step of each escape\n")
        reasons = {}
        for p in projects:
            for v in R[c["name"], p]["sites"].values():
                if v[0] != "escape":
                    continue
                d = reasons.setdefault(v[2] or "?", {})
                k = (p, v[3])
                d[k] = d.get(k, 0) + 1
        order = sorted(reasons, key=lambda r: -sum(reasons[r].values()))
        L.append("| reason | constant size | variable size | "
                 + " | ".join(projects) + " |")
        L.append("|---|---|---|" + "---|" * len(projects))
        for r in order:
            d = reasons[r]
            cst = sum(n for (p, k), n in d.items() if k)
            var = sum(n for (p, k), n in d.items() if not k)
            cells = []
            for p in projects:
                a, b = d.get((p, True), 0), d.get((p, False), 0)
                cells.append(f"{a}/{b}" if a or b else "")
            L.append(f"| {r} | {cst} | {var} | " + " | ".join(cells) + " |")
        L.append("")
        L.append("(per project: constant/variable size)\n")
        cands = []
        for p in projects:
            for key, v in sorted(R[c["name"], p]["sites"].items()):
                if v[0] == "candidate":
                    loc = key.split(" @ ")[1] if " @ " in key \
                        else key.split(" ")[0]
                    cands.append(f"{os.path.relpath(loc, ns.corpus)}"
                                 f" `{v[1]}`")
        if cands:
            L.append(f"Candidates ({len(cands)}): " + "; ".join(cands) + "\n")
        warns = [f"{os.path.relpath(loc, ns.corpus)}: {msg}"
                 for p in projects
                 for loc, msg in sorted(R[c["name"], p]["warnings"].items())]
        L.append(f"Warnings ({len(warns)})" + (":\n" if warns else ".\n"))
        L += [f"- {w}" for w in warns] + ([""] if warns else [])
    L.append("Arguments of (b), from docs/recipes.md:\n")
    for p in projects:
        L.append(f"- {p}: " + (" ".join(f"`{a}`" for a in recipes.get(p, []))
                              or "none that the current syntax can describe"))
    L.append("")
    L.append("Compile time (s, the sum over the units of each compile's "
             "wall time, cached ones included; JOBS=%d) and units that "
             "failed to compile:\n" % ns.jobs)
    L.append("| project |" + "".join(f" {c['name']} |" for c in confs)
             + " failed units |")
    L.append("|---|" + "---|" * len(confs) + "---|")
    for p in projects:
        fails = R[confs[0]["name"], p]["failed"]
        L.append(f"| {p} |" + "".join(f" {R[c['name'], p]['cpu']:.0f} |"
                                      for c in confs)
                 + f" {len(fails)}"
                 + (" (" + ", ".join(f"{s}: rc {rc}" for s, rc in fails[:5])
                    + ")" if fails else "") + " |")
    L.append("")
    return "\n".join(L) + "\n"


def cmd_warnings(ns):
    ns.plugin = os.path.abspath(ns.plugin)
    units = load_units(os.path.abspath(ns.corpus), ns.project)
    extra = ["-fplugin=" + ns.plugin]
    found = {}
    for opt in ns.opts.split(","):
        t0 = time.time()
        with cf.ThreadPoolExecutor(ns.jobs) as ex:
            rs = list(ex.map(lambda u: (u, compile_unit(
                ns.cc, u, extra, opt, ns.timeout)), units))
        for u, (rc, err, _) in rs:
            for item in parse(err, u["dir"]):
                if item[0] == "warning":
                    found.setdefault((item[1], item[2]), []).append(opt)
        print(f"warnings: {ns.project} {opt}: {time.time() - t0:.0f} s",
              file=sys.stderr, flush=True)

    def sk(k):
        f, ln, col = k[0].rsplit(":", 2)
        return f, int(ln), int(col)
    for k in sorted(found, key=sk):
        loc = os.path.relpath(k[0], os.path.abspath(ns.corpus))
        print(f"{loc}: {k[1]} [{' '.join(found[k])}]")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("table", "warnings"):
        s = sub.add_parser(name)
        s.add_argument("--cc", default="gcc")
        s.add_argument("--plugin", required=True)
        s.add_argument("--corpus", required=True)
        s.add_argument("--jobs", type=int, default=2)
        s.add_argument("--timeout", type=int, default=900)
        if name == "table":
            s.add_argument("--projects", default="")
            s.add_argument("--configs", default="")
        else:
            s.add_argument("--project", required=True)
            s.add_argument("--opts", default="-O0,-O2")
    ns = ap.parse_args()
    {"table": cmd_table, "warnings": cmd_warnings}[ns.cmd](ns)


if __name__ == "__main__":
    main()
