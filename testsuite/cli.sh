#!/usr/bin/env bash
# Command-line contract of the plugin: help, version, bad arguments (one
# error line naming the argument, non-zero exit), -Werror, JSON output,
# and that the plugin never changes the object code.
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/cli.sh
# stdout: one line "PASSED FAILED"; failures are explained on stderr.
set -u
. "$(dirname "$0")/lib/suite.sh"
suite_init cli
suite_need_cc
suite_need_plugin
suite_tmp

cat > "$tmp/t.c" <<'C'
int *g;
void f(void) { int i = 0; g = &i; }
#include <stdlib.h>
int h(void) { int *p = malloc(4); int r = p != 0; free(p); return r; }
C
cc1() { "$CC" -fplugin="$PLUGIN" "$@" > "$tmp/out" 2>&1; echo $? > "$tmp/rc"; }
rc() { cat "$tmp/rc"; }

# help and version
cc1 -fplugin-arg-escape-help -c "$tmp/t.c" -o "$tmp/t.o"
check "help exits 0" '[ "$(rc)" = 0 ]'
for key in m m=2 max-stack= max-var= alloc= realloc= free= wrappers var-buffer= summaries= functions= files= sarif= error= ignore= stats dump help version; do
  check "help lists $key" 'grep -q -- "  $key" "$tmp/out"'
done
cc1 -fplugin-arg-escape-version -c "$tmp/t.c" -o "$tmp/t.o"
check "version" 'grep -Eq "^escape [0-9]+\.[0-9]+\.[0-9]+ \(built for GCC [0-9.]+\)" "$tmp/out"'

# bad arguments: non-zero exit, exactly one line, naming the argument
for arg in m=x m=3 max-stack=-1 max-stack=abc max-var=1x frobnicate stats=1 alloc= alloc=1x free=a,,b functions=1f files=,x sarif= \
           error=foo ignore= ignore=leaking-param,,moved-to-heap error=escape/ \
           alloc=f:size0 alloc=f:count1 alloc=f:ptr1 alloc=f:size=2 free=f:size1 realloc=f:size65 realloc= \
           var-buffer=x var-buffer=-1 wrappers=1 summaries=; do
  cc1 -fplugin-arg-escape-$arg -c "$tmp/t.c" -o "$tmp/t.o"
  key=${arg%%=*}
  check "bad '$arg' fails" '[ "$(rc)" != 0 ]'
  check "bad '$arg' is one line" '[ "$(wc -l < "$tmp/out")" = 1 ]'
  check "bad '$arg' names '$key'" 'grep -q "error: .*'"'"'$key'"'"'" "$tmp/out"'
done

# dump: the pass dump file shows each function's graph and summary
(cd "$tmp" && "$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-dump -c t.c -o t.o) \
  > "$tmp/out" 2>&1
dumpf=$(ls "$tmp"/t.c.*t.escape 2>/dev/null | head -1)
check "dump writes the pass dump file" '[ -n "$dumpf" ]'
check "dump shows the graph" 'grep -q "^escape: graph of .f. (" "$dumpf"'
check "dump shows the decision" 'grep -q "^escape: #[0-9]* .i. escapes: its address reaches root #[0-9]* .g." "$dumpf"'
check "dump shows the summary" 'grep -q "^escape: summary of .h.:" "$dumpf"'
dump_bad=$(cd "$tmp" && "$CC" -fplugin="$PLUGIN" -fplugin-arg-escape-dump=x -c t.c -o t.o 2>&1)
check "dump takes no value" '[ "$(echo "$dump_bad" | wc -l)" = 1 ] && echo "$dump_bad" | grep -q "error: .*.dump."'
rm -f "$tmp"/t.c.*

# warnings are GCC warnings: -Werror fails the build, -w silences
cc1 -Werror -c "$tmp/t.c" -o "$tmp/t.o"
check "-Werror makes the warning an error" '[ "$(rc)" != 0 ] && grep -q "error: address of local variable .i. escapes" "$tmp/out"'
cc1 -w -c "$tmp/t.c" -o "$tmp/t.o"
check "-w silences" '[ "$(rc)" = 0 ] && ! grep -q "escapes" "$tmp/out"'

# Each warning kind has a stable name, shown as GCC shows an option
# ([escape/dangling-address]; not under -fdiagnostics-plain-output), in
# JSON's "option"; error=KIND makes that kind errors, ignore=KIND silences
# it, and GCC's own warnings are left as they are.
printf 'int *g;\nvoid f(void) { int unused; int i = 0; g = &i; }\n' > "$tmp/k.c"
cc1 -Wunused-variable -c "$tmp/k.c" -o "$tmp/k.o"
check "a warning shows its kind's name" 'grep -q "warning: address of local variable .i. escapes: stored in global .g. \[escape/dangling-address\]$" "$tmp/out"'
cc1 -Wunused-variable -Werror -c "$tmp/k.c" -o "$tmp/k.o"
check "-Werror: the name and -Werror" 'grep -q "error: address of local variable .i. escapes: stored in global .g. \[escape/dangling-address, -Werror\]$" "$tmp/out"'
cc1 -Wunused-variable -fplugin-arg-escape-error=dangling-address -c "$tmp/k.c" -o "$tmp/k.o"
check "error=dangling-address: an error, GCC's warnings stay warnings" '[ "$(rc)" != 0 ] && grep -q "error: address of local variable .i. escapes: stored in global .g. \[escape/dangling-address\]$" "$tmp/out" && grep -q "warning: unused variable .unused. \[-Wunused-variable\]" "$tmp/out"'
cc1 -Werror=unused-variable -fplugin-arg-escape-ignore=escape/dangling-address -c "$tmp/k.c" -o "$tmp/k.o"
check "ignore=escape/dangling-address silences it, GCC's -Werror= stays" '[ "$(rc)" != 0 ] && ! grep -q "escapes" "$tmp/out" && grep -q "error: unused variable" "$tmp/out"'
cc1 -fplugin-arg-escape-m -fplugin-arg-escape-ignore=leaking-param,does-not-escape -c "$tmp/t.c" -o "$tmp/t.o"
check "ignore= notes: -m shows only the rest" '! grep -q "leaking param\|does not escape$" "$tmp/out" && grep -q "moved to heap: i" "$tmp/out"'
cc1 -fdiagnostics-format=json -c "$tmp/k.c" -o "$tmp/k.o"
check "json: the kind's name is the warning's option" 'grep -q "\"option\": \"escape/dangling-address\"" "$tmp/out"'

# JSON diagnostics carry the verdicts
cc1 -fdiagnostics-format=json -fplugin-arg-escape-m -c "$tmp/t.c" -o "$tmp/t.o"
check "json is valid" 'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/out"'
check "json has the warning" 'python3 - "$tmp/out" <<PY
import json, sys
d = json.load(open(sys.argv[1]))
def walk(ds):
    for x in ds:
        yield x
        yield from walk(x.get("children", []))
msgs = [(x["kind"], x["message"]) for x in walk(d)]
assert ("warning", "address of local variable \u2018i\u2019 escapes: stored in global '"'"'g'"'"'") in msgs or \
       ("warning", "address of local variable '"'"'i'"'"' escapes: stored in global '"'"'g'"'"'") in msgs, msgs
assert any(k == "note" and m == "moved to heap: i" for k, m in msgs), msgs
assert any(k == "note" and m.startswith("malloc(4) does not escape") for k, m in msgs), msgs
PY'

# stats
cc1 -fplugin-arg-escape-stats -c "$tmp/t.c" -o "$tmp/t.o"
check "stats line" 'grep -q "escape: .*t.c: 2 functions, 1 allocation sites, 0 escaping, 1 stack promotion candidates, 1 warnings" "$tmp/out"'

# A warning GCC gave is not repeated: with -O2 -Wall, GCC 12's
# -Wdangling-pointer warns the store inlined from keep(); the plugin
# would warn the call keep(&i) for the same store.  (GCC 11 has no
# -Wdangling-pointer: there the plugin's warning is the only one.)
cat > "$tmp/dp.c" <<'C'
int *g;
static void keep(int *p) { g = p; }
void f(void) { int i = 0; keep(&i); g[0] = 1; }
C
cc1 -O2 -Wall -c "$tmp/dp.c" -o "$tmp/dp.o"
if "$CC" -Wdangling-pointer -x c -c /dev/null -o /dev/null 2>/dev/null; then
  check "GCC's -Wdangling-pointer through inlining is not repeated" \
    'grep -q "Wdangling-pointer" "$tmp/out" && ! grep -q "escapes: stored" "$tmp/out"'
else
  check "without -Wdangling-pointer (GCC 11) the plugin warns" \
    'grep -q "escapes: stored in global .g. by .keep." "$tmp/out"'
fi
cc1 -O2 -Wall -fno-inline -c "$tmp/dp.c" -o "$tmp/dp.o"
check "not inlined, GCC is silent and the plugin warns" \
  '! grep -q "Wdangling-pointer" "$tmp/out" && grep -q "escapes: stored in global .g. by .keep." "$tmp/out"'

# #pragma GCC diagnostic ignored "-Wdangling-pointer" (or
# "-Wreturn-local-addr") silences the plugin's equivalent warning at that
# spot too; GCC 11 has no -Wdangling-pointer, so there it is only checked
# that the plugin still warns.
cat > "$tmp/pr.c" <<'C'
extern void use(int *);
void after_block_pragma(void)
{
  int *q;
  {
    int v = 1;
    q = &v;
  }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
  use(q);
#pragma GCC diagnostic pop
}
C
cc1 -O0 -Wno-pragmas -c "$tmp/pr.c" -o "$tmp/pr.o"
if "$CC" -Wdangling-pointer -x c -c /dev/null -o /dev/null 2>/dev/null; then
  check "#pragma GCC diagnostic ignored silences the plugin's equivalent" \
    '[ "$(rc)" = 0 ] && ! grep -q "escapes" "$tmp/out"'
else
  check "without -Wdangling-pointer (GCC 11) the pragma names nothing" \
    'grep -q "v. escapes: used after its scope ended" "$tmp/out"'
fi

# LTO: the plugin loads in every program of an -flto build.  It reports
# in the compile step (cc1); lto1, run at the link, registers nothing and
# prints nothing.
cat > "$tmp/lto-main.c" <<'C'
int *keep(int *p);
int *last;
int main(void) { int i = 1; int r = *keep(&i) - 1; last = &i; return r; }
C
cat > "$tmp/lto-keep.c" <<'C'
int *keep(int *p) { return p; }
C
cc1 -O2 -flto -c "$tmp/lto-main.c" -o "$tmp/lto-main.o"
check "-flto compile step analyses (cc1)" '[ "$(rc)" = 0 ] && grep -q "warning: address of local variable .i. escapes: stored in global .last." "$tmp/out"'
cc1 -O2 -flto -c "$tmp/lto-keep.c" -o "$tmp/lto-keep.o"
cc1 -O2 -flto -fplugin-arg-escape-m=2 "$tmp/lto-main.o" "$tmp/lto-keep.o" -o "$tmp/lto-prog"
check "-flto link step loads the plugin in lto1 and is silent" '[ "$(rc)" = 0 ] && [ ! -s "$tmp/out" ] && "$tmp/lto-prog"'
cc1 -O2 -flto -flto-partition=none -fplugin-arg-escape-m=2 "$tmp/lto-main.o" "$tmp/lto-keep.o" -o "$tmp/lto-prog"
check "-flto-partition=none link is silent too" '[ "$(rc)" = 0 ] && [ ! -s "$tmp/out" ]'

# C++: cc1plus loads the plugin, says once that only C is analysed, and
# the object code is unchanged.
cxx=${CXX:-${CC/gcc/g++}}
if command -v "$cxx" >/dev/null; then
  printf '#include <vector>\nint *g;\nvoid f() { int i = 0; g = &i; std::vector<int> v(3); }\n' > "$tmp/t.cc"
  "$cxx" -fplugin="$PLUGIN" -fplugin-arg-escape-m=2 -O2 -frandom-seed=1 -c "$tmp/t.cc" -o "$tmp/pp.o" > "$tmp/out" 2>&1
  check "C++: one note, nothing else" '[ "$(wc -l < "$tmp/out")" = 1 ] && grep -q "note: .escape. plugin analyses C only; nothing is reported for GNU C++" "$tmp/out"'
  "$cxx" -O2 -frandom-seed=1 -c "$tmp/t.cc" -o "$tmp/p0.o" 2>/dev/null
  check "C++: object unchanged" 'cmp -s "$tmp/p0.o" "$tmp/pp.o"'
fi

# the stats line is the unit's: not under an "At top level:" heading
check "stats line not after 'At top level:'" '! grep -q "At top level" "$tmp/out"'

# names are quoted as the locale says, like GCC's own: U+2018/U+2019
# under UTF-8 (the tests run with LC_ALL=C: ASCII)
if locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then
  LC_ALL=C.UTF-8 "$CC" -fplugin="$PLUGIN" -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/out" 2>&1
  lq=$(printf '\342\200\230') rq=$(printf '\342\200\231')
  check "UTF-8 locale: GCC's quotes" 'grep -q "address of local variable ${lq}i${rq} escapes: stored in global ${lq}g${rq}" "$tmp/out"'
fi
cc1 -c "$tmp/t.c" -o "$tmp/t.o"
check "C locale: ASCII quotes" 'grep -q "address of local variable '"'"'i'"'"' escapes: stored in global '"'"'g'"'"'" "$tmp/out"'

# the manual shows the plugin's version
cc1 -fplugin-arg-escape-version -c "$tmp/t.c" -o "$tmp/t.o"
v=$(sed -n "s/^escape \([0-9.]*\) .*/\1/p" "$tmp/out")
check "docs/manual.md shows version $v" 'grep -q "^escape $v (built for GCC" "$root/docs/manual.md"'

# object code is unchanged

# a size= written with '=' loses its number in GCC's argument parser:
# the error says how to write it
cc1 -fplugin-arg-escape-alloc=f:size=2 -c "$tmp/t.c" -o "$tmp/t.o"
check "alloc=f:size=2 suggests size2" 'grep -q "e.g. size2" "$tmp/out"'

# object code is unchanged, also with wrappers and summaries (written on
# the first compile, read on the second)
for o in -O0 -O2; do
  "$CC" $o -frandom-seed=1 -c "$tmp/t.c" -o "$tmp/a.o" 2>/dev/null
  "$CC" $o -frandom-seed=1 -fplugin="$PLUGIN" -fplugin-arg-escape-m=2 -c "$tmp/t.c" -o "$tmp/b.o" 2>/dev/null
  check "object unchanged at $o" 'cmp -s "$tmp/a.o" "$tmp/b.o"'
  for round in 1 2; do
    "$CC" $o -frandom-seed=1 -fplugin="$PLUGIN" -fplugin-arg-escape-m=2 \
      -fplugin-arg-escape-wrappers -fplugin-arg-escape-summaries="$tmp/sum" \
      -c "$tmp/t.c" -o "$tmp/b.o" 2>/dev/null
    check "object unchanged at $o with summaries (compile $round)" 'cmp -s "$tmp/a.o" "$tmp/b.o"'
  done
done

suite_end
