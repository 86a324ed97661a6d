#!/usr/bin/env python3
"""Peer suites: the plugin alone and GCC 12 alone on other tools' test cases.

    make peer                      # or: CC=gcc PLUGIN=/abs/escape.so bench/peer.py
    bench/peer.py --dg F.c ... --peer G.c ... --json out.json   # own file sets

Suites (docs/peer.md):
  * GCC 12's own tests of -Wdangling-pointer and -Wreturn-local-addr, taken
    at run time from the gcc-12-source package (/usr/src/gcc-12/gcc-*.tar.xz)
    and cached in build/peer/src (git-ignored); annotations are GCC's
    DejaGnu directives (dg-warning, dg-error, dg-regexp).
  * testsuite/peer/clang-like/*.c: our own C reductions of what Clang's
    core.StackAddressEscape checker tests; annotations PEER-EXPECT (on the
    line that must be warned about) and PEER-SAFE (on a function's name
    line: no warning anywhere in that function).

Every file is compiled twice, each with the file's own options:
  plugin: CC -fplugin=PLUGIN OPTS -Wno-dangling-pointer -Wno-return-local-addr
          (a "warning:" line without a [-W...] tag is the plugin's)
  gcc:    CC -Wdangling-pointer=2 -Wreturn-local-addr OPTS
          (warnings tagged [-Wdangling-pointer=N] or [-Wreturn-local-addr])

Counting (per tool and file):
  * an expected diagnostic is FOUND when the tool warns on its line; else
    FOUND ELSEWHERE when the tool warns on a line of the same function that
    no expected diagnostic names (e.g. GCC's merged returns, reported at the
    closing brace); else MISSED.  Several warnings on one line count once.
  * every other line the tool warns on is one FALSE warning.
  * a safe function is CLEAN when no false warning lies in it.
Results: stdout and build/peer/results.md (--out), JSON with --json.
"""
import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARBALLS = "/usr/src/gcc-12/gcc-*.tar.xz"
MEMBERS = ["gcc/testsuite/gcc.dg/Wdangling-pointer*.c",
           "gcc/testsuite/c-c++-common/Wdangling-pointer*.c",
           "gcc/testsuite/gcc.dg/Wreturn-local-addr*.c",
           "gcc/testsuite/c-c++-common/Wreturn-local-addr*.c"]
TIMEOUT = int(os.environ.get("PEER_TIMEOUT", "120"))

PLUGIN_OFF = ["-Wno-dangling-pointer", "-Wno-return-local-addr"]
GCC_ON = ["-Wdangling-pointer=2", "-Wreturn-local-addr"]
# A dg-warning/dg-error RE about our subject.
RELEVANT = re.compile(r"dangling|local-addr|address of local|storing the address"
                      r"|return[^\"]*address", re.I)
DIAG = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?:(?P<col>\d+):)? "
                  r"(?P<kind>warning|error): (?P<text>.*)$")
GCC_TAG = re.compile(r"\[-W(?:error=)?(dangling-pointer(=\d?)?|return-local-addr)\]$")
ANY_TAG = re.compile(r"\[-W[^\]]*\]$")


# ------------------------------------------------------------ sources
def fetch_gcc_tests(cache):
    """Extract the GCC test files once; return their paths."""
    found = sorted(glob.glob(os.path.join(cache, "*", "gcc", "testsuite", "*", "W*.c")))
    if found:
        return found
    tars = sorted(glob.glob(TARBALLS))
    if not tars:
        sys.exit("peer: no %s (apt-get install gcc-12-source)" % TARBALLS)
    os.makedirs(cache, exist_ok=True)
    top = os.path.basename(tars[-1]).split("-dfsg")[0].replace(".tar.xz", "")
    # tar of GCC's tarball: a member glob needs the top directory.
    cmd = ["tar", "-xJf", tars[-1], "-C", cache, "--wildcards"] + \
          ["%s/%s" % (top, m) for m in MEMBERS]
    r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    found = sorted(glob.glob(os.path.join(cache, "*", "gcc", "testsuite", "*", "W*.c")))
    if not found:
        sys.exit("peer: extracting from %s failed: %s" % (tars[-1], r.stderr))
    return found


# ------------------------------------------------------------ annotations
def tcl_words(s, i):
    """Words of a DejaGnu directive from s[i] up to its closing '}'."""
    words = []
    n = len(s)
    while i < n:
        while i < n and s[i] in " \t":
            i += 1
        if i >= n or s[i] == "}":
            break
        if s[i] == '"':
            j = i + 1
            w = []
            while j < n and s[j] != '"':
                if s[j] == "\\" and j + 1 < n:
                    w.append(s[j:j + 2])
                    j += 2
                    continue
                w.append(s[j])
                j += 1
            words.append("".join(w))
            i = j + 1
        elif s[i] == "{":
            depth, j = 0, i
            while j < n:
                if s[j] == "{":
                    depth += 1
                elif s[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            words.append(s[i + 1:j].strip())
            i = j + 1
        else:
            j = i
            while j < n and s[j] not in " \t}":
                j += 1
            words.append(s[i:j])
            i = j
    return words


def parse_dg(path):
    """GCC's directives -> (options, expectations, skipped)."""
    lines = open(path, errors="replace").read().split("\n")
    opts, exps, skipped = [], [], []
    for no, text in enumerate(lines, 1):
        for m in re.finditer(r"\{\s*dg-([a-z-]+)", text):
            name = m.group(1)
            words = tcl_words(text, m.end())
            if name in ("options", "additional-options") and words:
                opts += shlex.split(words[0])
                continue
            if name not in ("warning", "error", "regexp"):
                continue
            rx = words[0] if words else ""
            if not RELEVANT.search(rx):
                continue
            sel = words[2] if len(words) > 2 else ""
            where = words[3] if len(words) > 3 else "."
            xfail = sel.startswith("xfail")
            sw = sel.split()
            if sw and sw[0] == "target" and sw[1:] == ["c++"]:
                skipped.append((no, "C++ only"))
                continue
            if where in ("", "."):
                line = no
            elif where.startswith("."):
                line = no + int(where[1:])
            elif where == "0":
                # No location (pr90735: returns merged by GCC): the same
                # warnings the neighbouring "missing location" directives
                # expect; not counted twice.
                skipped.append((no, "line 0"))
                continue
            else:
                line = int(where)
            exps.append({"line": line, "re": rx, "xfail": xfail,
                         "directive": no})
    return opts, exps, None, skipped


def parse_peer(path):
    """Our annotations -> (options, expectations, safe name lines)."""
    lines = open(path, errors="replace").read().split("\n")
    opts, exps, safe = ["-O2"], [], set()
    for no, text in enumerate(lines, 1):
        m = re.search(r"PEER-OPTIONS:\s*(.*?)\s*(\*/)?$", text)
        if m:
            opts = shlex.split(m.group(1))
        m = re.search(r"PEER-EXPECT\b:?\s*(.*?)\s*(\*/)?$", text)
        if m:
            exps.append({"line": no, "re": m.group(1), "xfail": False,
                         "directive": no})
        if "PEER-SAFE" in text:
            safe.add(no)
    return opts, exps, safe, []


def usable_opts(opts):
    """The C-relevant dg-options: no dumps, no -Werror, no -save-temps."""
    out = []
    for o in opts:
        if o.startswith(("-fdump-", "-Werror", "-save-temps")):
            continue
        out.append(o)
    return out


def functions(cc, path, opts):
    """[(line, name)] of the function definitions, from -aux-info."""
    with tempfile.TemporaryDirectory() as d:
        aux = os.path.join(d, "aux")
        subprocess.run([cc, "-fsyntax-only", "-w", "-aux-info", aux, path] + opts,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=TIMEOUT)
        defs = []
        try:
            text = open(aux, errors="replace").read()
        except OSError:
            return defs
        for m in re.finditer(r"^/\* (.*):(\d+):([A-Z]+) \*/ (.*)$", text, re.M):
            if os.path.abspath(m.group(1)) != os.path.abspath(path) or "F" not in m.group(3):
                continue
            nm = re.search(r"(\w+) \(", m.group(4))
            defs.append((int(m.group(2)), nm.group(1) if nm else "?"))
    return sorted(set(defs))


def func_of(defs, line):
    best = None
    for d in defs:
        if d[0] <= line:
            best = d
    return best


# ------------------------------------------------------------ running
_supported = {}


def supported(cc, flags):
    """FLAGS without the warning options CC does not know (GCC 11 has no
    -Wdangling-pointer): such a compiler is measured on what it has."""
    out = []
    for f in flags:
        key = (cc, f)
        if key not in _supported:
            r = subprocess.run([cc, "-Werror", f, "-x", "c", "-c", "/dev/null",
                                "-o", "/dev/null"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            _supported[key] = r.returncode == 0
        if _supported[key]:
            out.append(f)
    return out


def compile_(cc, path, opts, tool, plugin):
    env = dict(os.environ, LC_ALL="C")
    with tempfile.TemporaryDirectory() as d:
        if tool == "plugin":
            cmd = [cc, "-fplugin=" + plugin] + opts + supported(cc, PLUGIN_OFF)
        else:
            cmd = [cc] + supported(cc, GCC_ON) + opts
        cmd += ["-fdiagnostics-plain-output", "-c", path, "-o", os.path.join(d, "t.o")]
        try:
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env=env, timeout=TIMEOUT)
            out, rc = r.stdout, r.returncode
        except subprocess.TimeoutExpired:
            out, rc = "", "timeout"
    warns = {}
    base = os.path.abspath(path)
    for l in out.split("\n"):
        m = DIAG.match(l)
        if not m or os.path.abspath(m.group("file")) != base:
            continue
        text = m.group("text")
        if tool == "plugin":
            mine = m.group("kind") == "warning" and not ANY_TAG.search(text)
        else:
            mine = bool(GCC_TAG.search(text))
        if mine:
            warns.setdefault(int(m.group("line")), []).append(text)
    bad = "internal compiler error" in out or (rc not in (0, 1))
    return warns, cmd, (rc if bad else None)


def count(path, exps, defs, safe_lines, warns, no_return=False):
    """Per-file counts and the lists of misses and false warnings.
    no_return: a GCC -Wdangling-pointer test file: returning a local's
    address is -Wreturn-local-addr's business there (the files say so of
    their nowarn_return_* functions, and some turn it off), so such a
    warning on a line without expectation is neither found nor false
    (listed as out of scope) and its function is not counted as safe."""
    rel = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
    fn = lambda l: (func_of(defs, l) or (0, "<file scope>"))
    exp_lines = {e["line"] for e in exps}
    free = sorted(l for l in warns if l not in exp_lines)
    res = {"expected": len(exps), "found": 0, "elsewhere": 0, "missed": 0,
           "false": 0, "safe": 0, "clean": 0, "misses": [], "falses": [],
           "found_elsewhere": [], "out_of_scope": []}
    for e in exps:
        if e["line"] in warns:
            res["found"] += 1
            continue
        f = fn(e["line"])
        cand = [l for l in free if fn(l) == f]
        # The plugin warns at the call of a helper that stores ("stored in
        # global 'g' by 'put'"); GCC, after inlining, at the helper's store.
        by = [l for l in free if any("by '%s'" % f[1] in w for w in warns[l])]
        if not cand and by:
            l = min(by)
            free.remove(l)
            res["found"] += 1
            res["elsewhere"] += 1
            res["found_elsewhere"].append("%s:%d: %s (expected at %d, in '%s': the call)"
                                          % (rel, l, fn(l)[1], e["line"], f[1]))
            continue
        if cand:
            l = min(cand, key=lambda x: abs(x - e["line"]))
            free.remove(l)
            res["found"] += 1
            res["elsewhere"] += 1
            res["found_elsewhere"].append("%s:%d: %s (expected at %d)" % (rel, l, f[1], e["line"]))
            continue
        res["missed"] += 1
        res["misses"].append("%s:%d: %s%s" % (rel, e["line"], f[1],
                                                " [xfail for GCC]" if e["xfail"] else ""))
    scope_funcs = set()
    if no_return:
        for l in list(free):
            if all(re.search(r"returned from|return(s)? address", w) for w in warns[l]):
                free.remove(l)
                scope_funcs.add(fn(l))
                res["out_of_scope"].append("%s:%d: %s: %s" % (rel, l, fn(l)[1], warns[l][0]))
    false_funcs = set()
    for l in free:
        f = fn(l)
        false_funcs.add(f)
        res["false"] += 1
        res["falses"].append("%s:%d: %s: %s" % (rel, l, f[1], warns[l][0]))
    exp_funcs = {fn(e["line"]) for e in exps}
    if safe_lines is None:      # GCC's files: every function without expectations
        safe = [d for d in defs if d not in exp_funcs and d not in scope_funcs]
    else:                       # ours: the functions marked PEER-SAFE
        safe = [d for d in defs if d[0] in safe_lines]
    res["safe"] = len(safe)
    res["clean"] = sum(1 for d in safe if d not in false_funcs)
    res["safe_names"] = ["%s:%d: %s" % (rel, d[0], d[1]) for d in safe]
    return res


def suite_of(path, kind):
    if kind == "peer":
        return "Clang-like cases"
    if "Wreturn-local-addr" in os.path.basename(path):
        return "GCC suite, return cases"
    return "GCC suite, dangling-pointer cases"


def run(files, cc, plugin, tools):
    results = {}   # suite -> tool -> totals
    problems = []
    for path, kind in files:
        opts, exps, safe_lines, skipped = (parse_dg if kind == "dg" else parse_peer)(path)
        opts = usable_opts(opts)
        defs = functions(cc, path, opts)
        suite = suite_of(path, kind)
        for tool in tools:
            warns, cmd, bad = compile_(cc, path, opts, tool, plugin)
            if bad is not None:
                problems.append("%s: %s: exit %s: %s" % (tool, path, bad, " ".join(cmd)))
            r = count(path, exps, defs, safe_lines, warns,
                      no_return=(suite == "GCC suite, dangling-pointer cases"))
            tot = results.setdefault(suite, {}).setdefault(tool, {
                "expected": 0, "found": 0, "elsewhere": 0, "missed": 0, "false": 0,
                "safe": 0, "clean": 0, "files": 0, "misses": [], "falses": [],
                "found_elsewhere": [], "safe_names": [], "out_of_scope": []})
            tot["files"] += 1
            for k, v in r.items():
                tot[k] += v
    return results, problems


# ------------------------------------------------------------ report
ORDER = ["GCC suite, return cases", "GCC suite, dangling-pointer cases", "Clang-like cases"]


def table(results, tools):
    head = "| suite | files | expected | safe functions |"
    sep = "|---|---|---|---|"
    names = {"gcc": "GCC 12 `-Wdangling-pointer=2 -Wreturn-local-addr`",
             "plugin": "plugin alone"}
    for t in tools:
        head += " %s: found (elsewhere) / missed / false / safe clean |" % names[t]
        sep += "---|"
    rows = [head, sep]
    for s in ORDER + sorted(set(results) - set(ORDER)):
        if s not in results:
            continue
        any_ = results[s][tools[0]]
        row = "| %s | %d | %d | %d |" % (s, any_["files"], any_["expected"], any_["safe"])
        for t in tools:
            r = results[s][t]
            row += " %d (%d) / %d / %d / %d |" % (r["found"], r["elsewhere"], r["missed"],
                                                 r["false"], r["clean"])
        rows.append(row)
    return "\n".join(rows)


def lists(results, tools):
    out = []
    for t in tools:
        for s in ORDER + sorted(set(results) - set(ORDER)):
            if s not in results:
                continue
            r = results[s][t]
            for title, key in (("missed", "misses"), ("false warnings", "falses"),
                               ("found on another line", "found_elsewhere"),
                               ("returns in -Wdangling-pointer files (out of scope, not counted)",
                                "out_of_scope")):
                if r[key]:
                    out.append("\n### %s, %s: %s (%d)\n" % (t, s, title, len(r[key])))
                    out += ["- " + x for x in r[key]]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dg", nargs="*", default=None, help="files with GCC's dg directives")
    ap.add_argument("--peer", nargs="*", default=None, help="files with PEER-* annotations")
    ap.add_argument("--tools", default="gcc,plugin")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "peer", "results.md"))
    ap.add_argument("--json")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    cc = os.environ.get("CC", "gcc")
    plugin = os.path.abspath(os.environ.get("PLUGIN", os.path.join(ROOT, "plugin", "escape.so")))
    tools = a.tools.split(",")
    if "plugin" in tools and not os.path.exists(plugin):
        sys.exit("peer: no plugin %s (make plugin, or set PLUGIN)" % plugin)
    if a.dg is None and a.peer is None:
        dg = fetch_gcc_tests(os.path.join(ROOT, "build", "peer", "src"))
        peer = sorted(glob.glob(os.path.join(ROOT, "testsuite", "peer", "clang-like", "*.c")))
    else:
        dg, peer = a.dg or [], a.peer or []
    files = [(os.path.abspath(f), "dg") for f in dg] + [(os.path.abspath(f), "peer") for f in peer]
    results, problems = run(files, cc, plugin, tools)
    md = ["# Peer suites (bench/peer.py)", "",
          "CC=%s, PLUGIN=%s" % (cc, plugin), "",
          "Juliet CWE-562: no Debian package (`apt-cache search juliet` is empty); not run.", "",
          table(results, tools), "",
          "found (elsewhere): found on the expected line, or (in parentheses, included) "
          "on another line of the same function that no expectation names; false: lines "
          "warned about that no expectation names; safe clean: safe functions without a false warning.",
          lists(results, tools)]
    if problems:
        md += ["", "### compiler problems", ""] + ["- " + p for p in problems]
    text = "\n".join(md) + "\n"
    if a.out:
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        with open(a.out, "w") as f:
            f.write(text)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)
    if not a.quiet:
        sys.stdout.write(text)
        if a.out:
            print("\n(written to %s)" % a.out)


if __name__ == "__main__":
    main()
