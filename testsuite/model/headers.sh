#!/usr/bin/env bash
# The C library model against glibc's headers (issue 11): every function
# that string.h, stdlib.h, stdio.h and pthread.h declare (with
# _GNU_SOURCE) and that takes or returns a pointer is either modelled in
# plugin/model.c or listed in testsuite/model/default.txt, the functions
# deliberately left to the default (Go's rule: their pointer arguments
# escape, their result is unknown) -- never both, never neither.
#   CC=gcc OUT=/abs/dir testsuite/model/headers.sh
# stdout: one line "PASSED FAILED"; what is missing goes to stderr.
set -u
CC=${CC:-gcc}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C
printf '#define _GNU_SOURCE\n#include <string.h>\n#include <stdlib.h>\n#include <stdio.h>\n#include <pthread.h>\n' > "$tmp/h.c"
if ! $CC -fsyntax-only -aux-info "$tmp/h.aux" "$tmp/h.c" 2> "$tmp/err"; then
  cat "$tmp/err" >&2; echo "0 1"; exit 0
fi
# "/* /usr/include/string.h:43:NC */ extern void *memcpy (void *, ...);"
sed -nE 's|^/\* [^ ]*/include/(string\|stdlib\|stdio\|pthread)\.h:[0-9]+:[A-Za-z]+ \*/ (.*)$|\2|p' "$tmp/h.aux" |
  grep '\*' | sed -E 's/^([^(]*[^A-Za-z0-9_(])?([A-Za-z_][A-Za-z0-9_]*) \(.*$/\2/' | sort -u > "$tmp/header"
grep -oE '^  (PLAIN|ALLOC)\("[A-Za-z0-9_]+"|^  \{"[A-Za-z0-9_]+"' "$root/plugin/model.c" |
  sed -E 's/.*"(.*)"/\1/' | sort -u > "$tmp/model"
grep -vE '^(#|$)' "$here/default.txt" | sort -u > "$tmp/default"
pass=0 fail=0
n=$(wc -l < "$tmp/header")
if [ "$n" -lt 100 ]; then
  echo "headers.sh: only $n functions found in the headers: extraction broken" >&2
  fail=$((fail + 1))
else
  pass=$((pass + 1))
fi
neither=$(comm -23 "$tmp/header" "$tmp/model" | comm -23 - "$tmp/default")
if [ -n "$neither" ]; then
  echo "headers.sh: neither modelled (plugin/model.c) nor listed as default (testsuite/model/default.txt):" >&2
  echo "$neither" | sed 's/^/  /' >&2
  fail=$((fail + 1))
else
  pass=$((pass + 1))
fi
both=$(comm -12 "$tmp/model" "$tmp/default")
if [ -n "$both" ]; then
  echo "headers.sh: both modelled and listed as default:" >&2
  echo "$both" | sed 's/^/  /' >&2
  fail=$((fail + 1))
else
  pass=$((pass + 1))
fi
echo "$pass $fail"
