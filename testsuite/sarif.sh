#!/usr/bin/env bash
# -fplugin-arg-escape-sarif=FILE: the log is SARIF 2.1.0 as Microsoft's
# SARIF multitool (npm: @microsoft/sarif-multitool-linux) validates it,
# with GitHub code scanning's rules too (--rule-kind "Sarif;Gh"), and it
# carries every verdict: rule ids with full descriptions and help,
# locations, "declared here" as related locations, -m=2 flows and every
# warning's flow as code flows.  One log per build: compiles of several
# units, in parallel, leave one log holding them all.
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/sarif.sh
# stdout: one line "PASSED FAILED".
set -u
. "$(dirname "$0")/lib/suite.sh"
suite_init sarif
suite_need_cc
suite_need_plugin
suite_tmp
TOOLS=${ESCAPE_SARIF_TOOLS:-$HOME/.cache/escape-sarif-multitool}

cat > "$tmp/t.c" <<'C'
#include <stdlib.h>
int *g;
void opaque(void *);
void f(void) { int i = 0; g = &i; }
int h(void) { int *p = malloc(4); int r = p != 0; free(p); return r; }
void k(void) { int j = 0; opaque(&j); }
int *id(int *p) { return p; }
C
"$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-m=2 -fplugin-arg-escape-sarif="$tmp/t.sarif" \
  -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/diag" 2>&1
check "compiles and writes the log" '[ -s "$tmp/t.sarif" ]'

check "log content" 'python3 - "$tmp/t.sarif" "$tmp/diag" <<PY
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0", log["version"]
run = log["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
res = run["results"]
def of(rule): return [r for r in res if r["ruleId"] == rule]
w = of("escape/dangling-address")
assert len(w) == 1 and w[0]["level"] == "warning", w
assert w[0]["message"]["text"] == "address of local variable '"'"'i'"'"' escapes: stored in global '"'"'g'"'"'", w
assert w[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
assert w[0]["relatedLocations"][0]["message"]["text"] == "'"'"'i'"'"' declared here"
c = of("escape/stack-promotion-candidate")
assert len(c) == 1 and c[0]["message"]["text"].startswith("malloc(4) does not escape"), c
m = of("escape/moved-to-heap")
assert sorted(r["message"]["text"] for r in m) == ["moved to heap: i", "moved to heap: j"], m
flows = [r for r in m if r["message"]["text"] == "moved to heap: j"][0]["codeFlows"][0]["threadFlows"][0]["locations"]
assert any("converted to opaque interface" in l["location"]["message"]["text"] for l in flows), flows
p = of("escape/leaking-param")
assert p and p[0]["message"]["text"] == "leaking param: p to result ~r0 level=0", p
for r in res:
    assert r["ruleIndex"] == rules.index(r["ruleId"])
# every diagnostic the compiler printed is in the log, and nothing else
printed = [l for l in open(sys.argv[2]) if ": warning: " in l or (": note: " in l and "flow:" not in l and "declared here" not in l)]
assert len(printed) == len(res), (len(printed), len(res))
PY'

# Microsoft's validator: no error-level finding.
tool=$TOOLS/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$tool" ] && ! command -v npm >/dev/null && [ "$(id -u)" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm >/dev/null 2>&1
fi
if [ ! -x "$tool" ] && command -v npm >/dev/null; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && timeout 600 npm install --no-audit --no-fund --silent \
     @microsoft/sarif-multitool-linux@5.7.0 >/dev/null 2>&1)
  chmod +x "$tool" 2>/dev/null
fi
if [ -x "$tool" ]; then
  "$tool" validate "$tmp/t.sarif" -o "$tmp/v.sarif" > "$tmp/val" 2>&1
  rc=$?
  check "multitool validates" '[ $rc -eq 0 ] && grep -q "Analysis completed successfully" "$tmp/val" && ! grep -q ": error " "$tmp/val"'
  [ "$fail" -eq 0 ] || sed 's/^/  /' "$tmp/val" >&2
  # GitHub code scanning's rules (GH1001...: fullDescription, help, ...)
  "$tool" validate --rule-kind "Sarif;Gh" "$tmp/t.sarif" -o "$tmp/v-gh.sarif" > "$tmp/val-gh" 2>&1
  rc=$?
  check "multitool validates with GitHub's rules (Sarif;Gh)" '[ $rc -eq 0 ] && grep -q "Analysis completed successfully" "$tmp/val-gh" && ! grep -q ": error " "$tmp/val-gh"'
  grep -q ": error " "$tmp/val-gh" && sed 's/^/  /' "$tmp/val-gh" >&2
else
  check "multitool available (npm install @microsoft/sarif-multitool-linux)" false
fi

# A file that cannot be written is a clear error, given at once (plugin
# init: no analysis, no warning before it).
"$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-sarif=/nonexistent/dir/x.sarif \
  -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/err" 2>&1
rc=$?
check "unwritable log fails the compile" '[ $rc -ne 0 ] && grep -q "cannot write SARIF log" "$tmp/err"'
check "unwritable log is said first, at plugin init" '[ "$(wc -l < "$tmp/err")" = 1 ] && grep -q "^cc1: error: .escape. plugin: cannot write SARIF log" "$tmp/err"'

# Every rule carries what GitHub needs; a warning's flow is on the
# warning itself at every -m level.
rm -rf "$tmp/w.sarif" "$tmp/w.sarif.d"
"$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-sarif="$tmp/w.sarif" -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/diag" 2>&1
check "rules have fullDescription and help; the warning has its code flow (no -m)" 'python3 - "$tmp/w.sarif" <<PY
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
for r in run["tool"]["driver"]["rules"]:
    assert r["fullDescription"]["text"] and r["help"]["text"], r
w = [r for r in run["results"] if r["ruleId"] == "escape/dangling-address"]
assert len(w) == 1, w
steps = [l["location"]["message"]["text"] for l in w[0]["codeFlows"][0]["threadFlows"][0]["locations"]]
assert any("&i" in t for t in steps) and any("g = " in t for t in steps), steps
PY'

# One log per build: units compiled in parallel into the same log all
# land in it; a unit compiled again replaces its own results.
rm -rf "$tmp/b.sarif" "$tmp/b.sarif.d"
for i in 1 2 3 4 5 6; do
  printf 'int *g%d;\nvoid f%d(void) { int v%d = 0; g%d = &v%d; }\n' $i $i $i $i $i > "$tmp/u$i.c"
done
for i in 1 2 3 4 5 6; do
  "$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-sarif="$tmp/b.sarif" -c "$tmp/u$i.c" -o "$tmp/u$i.o" 2>/dev/null &
done
wait
"$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-sarif="$tmp/b.sarif" -c "$tmp/u3.c" -o "$tmp/u3.o" 2>/dev/null
printf 'int *g5;\nvoid f5(void) { static int v5; g5 = &v5; }\n' > "$tmp/u5.c"
"$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-sarif="$tmp/b.sarif" -c "$tmp/u5.c" -o "$tmp/u5.o" 2>/dev/null
check "one log for six parallel compiles, recompiles replace" 'python3 - "$tmp/b.sarif" <<PY
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
msgs = sorted(r["message"]["text"] for r in run["results"])
want = sorted("address of local variable '"'"'v%d'"'"' escapes: stored in global '"'"'g%d'"'"'" % (i, i) for i in (1, 2, 3, 4, 6))
assert msgs == want, msgs
arts = sorted(a["location"]["uri"].rsplit("/", 1)[-1] for a in run["artifacts"])
assert arts == ["u1.c", "u2.c", "u3.c", "u4.c", "u6.c"], arts
PY'

suite_end
