#!/usr/bin/env bash
# Run the plugin over the examples: first as a build would (warnings and
# stack promotion candidates), then with Go's -m verdicts.
set -u
cd "$(dirname "$0")"
CC=${CC:-gcc}
PLUGIN=${PLUGIN:-../plugin/escape.so}
case "$PLUGIN" in /*) ;; *) PLUGIN=$PWD/../${PLUGIN#../} ;; esac
[ -f "$PLUGIN" ] || PLUGIN=$(cd .. && pwd)/plugin/escape.so
for f in pointer.c too_large.c interface.c closure.c; do
  echo "=== $f: $CC -O2 -fplugin=escape.so"
  "$CC" -O2 -c -o /dev/null -fplugin="$PLUGIN" -fdiagnostics-color=never "$f" 2>&1
  echo "=== $f: $CC -O2 -fplugin=escape.so -fplugin-arg-escape-m"
  "$CC" -O2 -c -o /dev/null -fplugin="$PLUGIN" -fplugin-arg-escape-m \
    -fdiagnostics-color=never -fno-diagnostics-show-caret "$f" 2>&1 |
    grep -v -e 'In function' -e 'At top level'
  echo
done
