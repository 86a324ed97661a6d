#!/usr/bin/env bash
# Issue 3's scaling benchmark: one function of N statements full of
# pointer copies, address-of, loads, stores and calls, for N = 1,000 ...
# 128,000.  For each N: compile time without and with the plugin (median
# of REPS alternating runs) and the plugin's cost per statement.  A
# quadratic solver shows as a per-statement cost growing with N.
#   CC=gcc PLUGIN=plugin/escape.so bench/scale.sh [REPS] [MAX_N]
set -eu
CC=${CC:-gcc}
PLUGIN=${PLUGIN:-$(dirname "$0")/../plugin/escape.so}
REPS=${1:-3}
MAX=${2:-128000}
OPT=${OPT:--O0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {  # gen N > file.c
  python3 - "$1" <<'PY'
import sys, random
n = int(sys.argv[1]); r = random.Random(n)
print("#include <stdlib.h>\nint *g; void ext(int *); int *id(int *p) { return p; }")
print("int big(int k) {")
nv = 64
for i in range(nv):
    print(f"  int v{i} = {i}; int *p{i} = &v{i}; int **q{i} = &p{i};")
stmts = 0
while stmts < n:
    a, b = r.randrange(nv), r.randrange(nv)
    c = r.randrange(7)
    if c == 0:   print(f"  p{a} = p{b};")
    elif c == 1: print(f"  p{a} = &v{b};")
    elif c == 2: print(f"  v{a} = *p{b};")
    elif c == 3: print(f"  *q{a} = p{b};")
    elif c == 4: print(f"  p{a} = id(p{b});")
    elif c == 5: print(f"  if (k == {stmts}) ext(p{a});")
    else:        print(f"  {{ int *t = malloc(16); *t = v{a}; v{b} += *t; free(t); }}")
    stmts += 1
print("  return *p0;\n}")
PY
}

# CPU seconds (user + system) of one compile: less noisy than wall time.
cpu() { local TIMEFORMAT=%U+%S; { time "$@" >/dev/null 2>&1; } 2>&1 | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%8s %10s %10s %8s %12s %12s\n' N "base(s)" "plugin(s)" ratio "analysis(s)" "us/stmt"
n=1000
while [ "$n" -le "$MAX" ]; do
  gen "$n" > "$tmp/f.c"
  : > "$tmp/base"; : > "$tmp/plug"
  for _ in $(seq "$REPS"); do
    cpu "$CC" $OPT -c "$tmp/f.c" -o "$tmp/a.o" >> "$tmp/base"
    cpu "$CC" $OPT -c "$tmp/f.c" -o "$tmp/b.o" -fplugin="$PLUGIN" >> "$tmp/plug"
  done
  # The plugin's own CPU time, as it reports it with stats.
  a=$("$CC" $OPT -c "$tmp/f.c" -o "$tmp/b.o" -fplugin="$PLUGIN" -fplugin-arg-escape-stats 2>&1 |
      sed -n 's/.*, \([0-9.]*\) s analysis$/\1/p')
  b=$(median < "$tmp/base"); p=$(median < "$tmp/plug")
  printf '%8d %10.3f %10.3f %8.3f %12.3f %12.3f\n' "$n" "$b" "$p" \
    "$(echo "$p / $b" | bc -l)" "$a" "$(echo "$a * 1000000 / $n" | bc -l)"
  n=$((n * 2))
done
