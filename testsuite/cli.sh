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
for key in m m=2 max-stack= max-var= alloc= realloc= free= wrappers var-buffer= summaries= functions= files= sarif= stats dump help version; do
  check "help lists $key" 'grep -q -- "  $key" "$tmp/out"'
done
cc1 -fplugin-arg-escape-version -c "$tmp/t.c" -o "$tmp/t.o"
check "version" 'grep -Eq "^escape [0-9]+\.[0-9]+\.[0-9]+ \(built for GCC [0-9.]+\)" "$tmp/out"'

# bad arguments: non-zero exit, exactly one line, naming the argument
for arg in m=x m=3 max-stack=-1 max-stack=abc max-var=1x frobnicate stats=1 alloc= alloc=1x free=a,,b functions=1f files=,x sarif= \
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
