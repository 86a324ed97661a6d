#!/usr/bin/env bash
# Run the DejaGnu tests (testsuite/escape.dg/*.c) against the plugin.
#
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/results testsuite/run-dejagnu.sh [RUNTEST-ARGS...]
#
# stdout: exactly one line "PASSED FAILED".
#   passed: PASS, and XFAIL (a known failure the test file marks with an
#           xfail selector: it is expected, so it does not fail the suite)
#   failed: FAIL, XPASS, UNRESOLVED, UNTESTED, and every "ERROR:" line
#           (e.g. a malformed directive, which stops that test file)
#   UNSUPPORTED (a "{ target ... }" selector that excludes this machine)
#   counts neither way; it is listed on stderr.
# stderr: progress, every failing result and the excess-error text.
# Logs: $OUT/escape.sum, $OUT/escape.log, $OUT/runtest.out.
# Extra arguments go to runtest, e.g. "escape.dg/dg.exp=harness-note.c"
# or "-v".  The exit status is 0 whenever the count line was printed.
set -u
. "$(dirname "$0")/lib/suite.sh"
suite_init dejagnu "$PWD/dejagnu-results"
command -v runtest >/dev/null || cannot_run "runtest not found (apt-get install dejagnu)"
suite_need_cc
suite_need_plugin

rm -f "$OUT/escape.sum" "$OUT/escape.log" "$OUT/runtest.out"
say "running $CC -fplugin=$PLUGIN on escape.dg/*.c"
(
  cd "$OUT" || exit 1
  export CC PLUGIN LC_ALL=C LANG=C
  runtest --tool escape --srcdir "$here" --outdir "$OUT" "$@"
) > "$OUT/runtest.out" 2>&1
rc=$?

sum=$OUT/escape.sum
[ -f "$sum" ] || { sed 's/^/  /' "$OUT/runtest.out" >&2; cannot_run "runtest (status $rc) wrote no $sum"; }

count() { grep -c -E "^($1):" "$sum"; }
passed=$(( $(count 'PASS|XFAIL') ))
failed=$(( $(count "FAIL|XPASS|UNRESOLVED|UNTESTED") + $(grep "^ERROR:" "$sum" | sort -u | wc -l) ))

# Show what went wrong, in the order of the log: each failing result with
# the directive that found nothing ("Not found: ...") just before it and
# the excess errors just after it.
grep '^UNSUPPORTED:' "$sum" | sed 's/^/  /' >&2
if [ "$failed" -gt 0 ]; then
  if [ -f "$OUT/escape.log" ]; then
    awk '/^$|^(PASS|XFAIL|UNSUPPORTED|Executing on host):|^testcase |^Running |^\t\t===/ { n = 0 }
         /^(FAIL|XPASS|UNRESOLVED|UNTESTED|ERROR):/ { print "  " $0; n = 0; next }
         /^Not found:/ { print "    " $0; next }
         /^Excess errors:$/ { print "    " $0; n = 30; next }
         n > 0 { print "      " $0; n-- }' "$OUT/escape.log" >&2
  else
    grep -E '^(FAIL|XPASS|UNRESOLVED|UNTESTED|ERROR):' "$sum" | sed 's/^/  /' >&2
  fi
fi

if [ $((passed + failed)) -eq 0 ]; then
  sed 's/^/  /' "$OUT/runtest.out" >&2
  cannot_run "no test results in $sum (runtest status $rc)"
fi
say "$passed passed, $failed failed (details: $OUT/escape.sum, $OUT/escape.log)"
echo "$passed $failed"
exit 0
