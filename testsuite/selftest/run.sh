#!/usr/bin/env bash
# Self-test of the DejaGnu harness itself (lib/escape.exp), not of the
# plugin.  Not part of `make check`; run it after changing lib/escape.exp:
#
#   testsuite/selftest/run.sh            # CC=gcc by default
#
# It runs runtest over escape.dg/harness-*.c (which must all pass) and
# selftest/neg-*.c (wrong or missing annotations, which must fail).  Each
# neg-*.c lists the result lines it must produce in "EXPECT: ..." comments
# (a prefix of the .sum line).  The run must produce exactly those FAIL,
# XPASS, ERROR, UNRESOLVED and UNTESTED lines, no other.
#
# The harness tests only use GCC's own diagnostics, so a do-nothing plugin
# is built here unless PLUGIN is given.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ts=$(dirname "$here")
CC=${CC:-gcc}
CXX=${CXX:-$(dirname "$CC")/$(basename "$CC" | sed 's/gcc/g++/')}
case "$CXX" in ./*) CXX=${CXX#./} ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-selftest.XXXXXX") || exit 1
[ -n "${KEEP:-}" ] && echo "selftest: keeping $tmp" >&2 || trap 'rm -rf "$tmp"' EXIT

if [ -z "${PLUGIN:-}" ]; then
  cat > "$tmp/null.cc" <<'EOF'
#include "gcc-plugin.h"
int plugin_is_GPL_compatible;
int plugin_init (struct plugin_name_args *, struct plugin_gcc_version *) { return 0; }
EOF
  "$CXX" -shared -fPIC -I"$("$CC" -print-file-name=plugin)/include" \
    "$tmp/null.cc" -o "$tmp/escape.so" || { echo "selftest: cannot build a null plugin" >&2; exit 1; }
  PLUGIN=$tmp/escape.so
fi

# A testsuite tree of its own: the real lib/ and config/, the real driver,
# the harness tests and the negative tests.
mkdir -p "$tmp/testsuite/escape.dg" "$tmp/out"
ln -s "$ts/lib" "$tmp/testsuite/lib"
ln -s "$ts/config" "$tmp/testsuite/config"
cp "$ts/escape.dg/dg.exp" "$ts"/escape.dg/harness-*.c "$here"/neg-*.c "$tmp/testsuite/escape.dg/"

(cd "$tmp/out" && CC=$CC PLUGIN=$PLUGIN LC_ALL=C \
   runtest --tool escape --srcdir "$tmp/testsuite" --outdir "$tmp/out") > "$tmp/runtest.out" 2>&1
sum=$tmp/out/escape.sum
[ -f "$sum" ] || { cat "$tmp/runtest.out" >&2; echo "selftest: runtest wrote no .sum" >&2; exit 1; }

sed -n 's,^/\* EXPECT: \(.*\) \*/$,\1,p' "$here"/neg-*.c | sort -u > "$tmp/expected"
grep -E '^(FAIL|XPASS|ERROR|UNRESOLVED|UNTESTED):' "$sum" | sort -u > "$tmp/actual"

status=0
while IFS= read -r e; do
  grep -qF -- "$e" "$tmp/actual" || { echo "selftest: missing:    $e" >&2; status=1; }
done < "$tmp/expected"
while IFS= read -r a; do
  ok=0
  while IFS= read -r e; do
    case "$a" in "$e"*) ok=1; break ;; esac
  done < "$tmp/expected"
  [ $ok = 1 ] || { echo "selftest: unexpected: $a" >&2; status=1; }
done < "$tmp/actual"

npass=$(grep -c -E '^(PASS|XFAIL):' "$sum")
if [ $status = 0 ]; then
  echo "selftest: OK ($npass passes, $(wc -l < "$tmp/expected") expected failures seen)"
else
  cp "$sum" "$tmp/out/escape.log" "${TMPDIR:-/tmp}/" 2>/dev/null
  echo "selftest: FAILED (escape.sum and escape.log copied to ${TMPDIR:-/tmp}/)" >&2
fi
exit $status
