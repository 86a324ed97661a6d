#!/usr/bin/env bash
# promote.sh - the fast slice of promote's soundness proof for `make check`
# (the full one: bench/promote-check.sh, docs/promote.md):
#   - report mode stays byte-identical: promote's test programs compiled
#     with the plugin but without promote give the objects of a compile
#     without the plugin;
#   - examples of every rewrite, run at -O0/-O2 with promote, and under
#     AddressSanitizer with detect_stack_use_after_return=1;
#   - the promoted object is in the debug info under its name;
#   - the gcc.c-torture execute tests in which promote rewrites a site,
#     run with and without promote (bench/promote-check.py), when the
#     gcc-12 source tarball is installed;
#   - the escape fuzzer's programs 1-6 with --promote: the same runs,
#     no ASan report, no promoted site the oracle saw outlive its frame.
#
#   env: CC, PLUGIN (absolute path), OUT (results dir), JOBS (2: the
#        torture and fuzz parts' parallel compiles)
# stdout: exactly one line "PASSED FAILED"
set -uo pipefail
. "$(dirname "$0")/lib/suite.sh"
suite_init promote
suite_need_cc
suite_need_plugin
suite_tmp
dg=$root/testsuite/escape.dg
plug="-fplugin=$PLUGIN"
prom="$plug -fplugin-arg-escape-promote"
jobs=${JOBS:-2}
# allocator_may_return_null: the variable-size tests ask calloc for a
# count * size that overflows, and must get its null pointer.
export ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0:allocator_may_return_null=1
FILES=(promote-run.c promote-refuse.c promote-var.c promote-var-refuse.c)
# A test's own options (dg-options: plugin arguments, --wrap), but its
# optimisation level and promote itself.
opts() {
  sed -n 's/.*dg-options "\(.*\)".*/\1/p' "$dg/$1" | tr ' ' '\n' |
    grep -v -e '^-O' -e '^-fplugin-arg-escape-promote$' | tr '\n' ' '
}

# report mode: no promote, no change
for f in "${FILES[@]}"; do
  for o in -O0 -O2; do
    check "report mode identical: $f $o" \
      "$CC $o -c $dg/$f -o $tmp/a.o 2>/dev/null &&
       $CC $o $plug $(opts $f) -c $dg/$f -o $tmp/b.o 2>/dev/null && cmp -s $tmp/a.o $tmp/b.o"
  done
done

# every rewrite, run (-fchecking: GCC verifies the IL after each pass);
# and under ASan
for f in "${FILES[@]}"; do
  for o in -O0 -O1 -O2 -O3; do
    check "run with promote: $f $o" \
      "$CC $o -fchecking $prom $(opts $f) $dg/$f -o $tmp/p 2>$tmp/p.err && $tmp/p >/dev/null"
  done
  check "promoted sites in $f" "grep -q 'promoted to stack' $tmp/p.err"
  check "ASan, detect_stack_use_after_return: $f" \
    "$CC -O1 -g -fsanitize=address $prom $(opts $f) $dg/$f -o $tmp/a 2>/dev/null &&
     $tmp/a >/dev/null 2>$tmp/a.err && ! grep -q 'ERROR: AddressSanitizer' $tmp/a.err"
done
# the heap case of a variable-size site is still freed: LeakSanitizer
check "LeakSanitizer: promote-var.c" \
  "$CC -O2 -g -fsanitize=address $prom $(opts promote-var.c) $dg/promote-var.c -o $tmp/l 2>/dev/null &&
   ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 $tmp/l >/dev/null 2>$tmp/l.err &&
   ! grep -q 'ERROR: LeakSanitizer' $tmp/l.err"

# the object has a name a debugger shows (grep reads all of readelf's
# output: with grep -q, readelf could die of SIGPIPE and pipefail fail
# the check)
check "debug info names the promoted object" \
  "$CC -O0 -g $prom -c $dg/promote-run.c -o $tmp/d.o 2>/dev/null &&
   readelf --debug-dump=info $tmp/d.o 2>/dev/null | grep '__escape_promoted_15' >/dev/null"
line=$(grep -n 'unsigned char \*p = malloc(n);' $dg/promote-var.c | head -1 | cut -d: -f1)
check "debug info names a variable-size site's buffer" \
  "$CC -O0 -g $prom -c $dg/promote-var.c -o $tmp/d.o 2>/dev/null &&
   readelf --debug-dump=info $tmp/d.o 2>/dev/null | grep '__escape_promoted_$line' >/dev/null"

# torture execute tests with promoted sites
tarball=$(ls /usr/src/gcc-12/gcc-*.tar.xz 2>/dev/null | grep -v gm2 | head -1)
TORTURE=(20000914-1.c 20051113-1.c 20071018-1.c ipa-sra-2.c pr15262-1.c
         pr36765.c pr41395-1.c pr41395-2.c pr41463.c pr84339.c)
if [ -n "$tarball" ] && command -v python3 >/dev/null; then
  cache=${ESCAPE_PROMOTE_CACHE:-/tmp/escape-promote-slice}/$(basename "$tarball" .tar.xz)
  if [ ! -f "$cache/.done" ]; then
    rm -rf "$cache"; mkdir -p "$cache"
    members=()
    for f in "${TORTURE[@]}"; do
      members+=("*/gcc/testsuite/gcc.c-torture/execute/$f")
    done
    tar -xJf "$tarball" -C "$cache" --strip-components=5 --wildcards \
      "${members[@]}" 2>/dev/null && touch "$cache/.done"
  fi
  python3 "$root/bench/corpus-run.py" torture --dir "$cache" --kind execute \
    --timeout 120 --files "${TORTURE[@]}" --out "$tmp/units.jsonl" 2>/dev/null
  read -r p f < <(python3 "$root/bench/promote-check.py" --cc "$CC" \
    --plugin "$PLUGIN" --jobs "$jobs" --count "$tmp/units.jsonl" 2>"$OUT/promote-torture.err")
  pass=$((pass + ${p:-0})) fail=$((fail + ${f:-1}))
  [ "${f:-1}" = 0 ] || say "torture: $(cat "$OUT/promote-torture.err")"
else
  say "gcc-12-source not installed: torture part skipped"
fi

# the fuzzer, with promote
if command -v python3 >/dev/null; then
  CC=$CC PLUGIN=$PLUGIN python3 "$root/testsuite/fuzz/run.py" --promote \
    --seeds 1-6 --opt 0,2 --jobs "$jobs" --out "$tmp/fuzz" >"$tmp/fuzz.out" 2>&1
  check "fuzz --promote: promoted sites" \
    "grep -Eq 'promote: [1-9][0-9]* sites promoted' $tmp/fuzz.out"
  check "fuzz --promote: no difference, ASan report or unsound promotion" \
    "! grep -q 'PROMOTE FAILURE' $tmp/fuzz.out"
  grep 'PROMOTE FAILURE' "$tmp/fuzz.out" >&2
fi
suite_end
