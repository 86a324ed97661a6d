#!/usr/bin/env bash
# -fplugin-arg-escape-sarif=FILE: the log is SARIF 2.1.0 as Microsoft's
# SARIF multitool (npm: @microsoft/sarif-multitool-linux) validates it, and
# it carries every verdict: rule ids, locations, "declared here" as related
# locations, -m=2 flows as code flows.
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
else
  check "multitool available (npm install @microsoft/sarif-multitool-linux)" false
fi

# A file that cannot be written is a clear error.
"$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-sarif=/nonexistent/dir/x.sarif \
  -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/err" 2>&1
rc=$?
check "unwritable log fails the compile" '[ $rc -ne 0 ] && grep -q "cannot write SARIF log" "$tmp/err"'

suite_end
