#!/usr/bin/env bash
# Self-test of the peer harness (bench/peer.py): counts on two tiny annotated
# files with canned diagnostics (a stand-in compiler), then one real run of
# $CC and $PLUGIN on a `return &x` case.  Fast (a few compiles).
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/peer/selftest.sh
# stdout: one line "PASSED FAILED"; failures are explained on stderr.
set -u
CC=${CC:-gcc}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PLUGIN=${PLUGIN:-$root/plugin/escape.so}
OUT=${OUT:-/tmp}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
st=$here/selftest

# 1. counting, with canned diagnostics
if ! REAL_CC=$CC CC=$st/fakecc.sh PLUGIN=$PLUGIN python3 "$root/bench/peer.py" --quiet \
     --dg "$st/dg-sample.c" --peer "$st/peer-sample.c" --out "$tmp/r.md" \
     --json "$tmp/canned.json" 2> "$tmp/err"; then
  cat "$tmp/err" >&2; echo "0 1"; exit 0
fi
# 2. the real compiler and plugin on one obvious case
cat > "$tmp/real.c" <<'C'
int *r (void)
{
  int x = 0;
  return &x;   /* PEER-EXPECT: returned */
}
int *ok (int *p)   /* PEER-SAFE */
{
  return p + 1;
}
C
CC=$CC PLUGIN=$PLUGIN python3 "$root/bench/peer.py" --quiet --peer "$tmp/real.c" \
   --out "$tmp/real.md" --json "$tmp/real.json" 2>> "$tmp/err" || cat "$tmp/err" >&2

python3 - "$tmp/canned.json" "$tmp/real.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
try:
    real = json.load(open(sys.argv[2]))
except Exception:
    real = {}
keys = ("expected", "found", "elsewhere", "missed", "false", "safe", "clean")
want = {
 # dg-sample.c: 4 expected (a dg-warning on its line, one at .+1, an xfail
 # one; a C++-only and a line-0 directive skipped), safe f4, f5.
 ("GCC suite, dangling-pointer cases", "plugin"): (4, 3, 1, 1, 1, 2, 1, 1),
 ("GCC suite, dangling-pointer cases", "gcc"):    (4, 3, 0, 1, 0, 2, 2, 0),
 # peer-sample.c: 2 expected, ok1/ok2 safe, helper neither.
 ("Clang-like cases", "plugin"): (2, 1, 0, 1, 2, 2, 1, 0),
 ("Clang-like cases", "gcc"):    (2, 1, 0, 1, 0, 2, 2, 0),
}
passed = failed = 0
for (suite, tool), w in want.items():
    r = c.get(suite, {}).get(tool)
    got = tuple(r[k] for k in keys) + (len(r["out_of_scope"]),) if r else None
    if got == w:
        passed += 1
    else:
        failed += 1
        print("peer selftest: FAIL: %s, %s: want %s got %s (%s, out of scope)"
              % (suite, tool, w, got, "/".join(keys)), file=sys.stderr)
for tool in ("gcc", "plugin"):
    r = real.get("Clang-like cases", {}).get(tool)
    got = (r["found"], r["false"], r["clean"]) if r else None
    if got == (1, 0, 1):
        passed += 1
    else:
        failed += 1
        print("peer selftest: FAIL: real %s on `return &x`: want found 1, false 0, clean 1; got %s"
              % (tool, got), file=sys.stderr)
print(passed, failed)
PY
