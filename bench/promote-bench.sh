#!/usr/bin/env bash
# promote-bench.sh - speed of promote, side by side, ratios from one run:
#   micro   bench/promote/micro.c (malloc-heavy: a small fixed buffer per
#           call, per-iteration scratch in a loop, a bounded "variable"
#           size, a variable small size: var-buffer's stack buffer with
#           heap fallback) built without the plugin (heap), with promote, and the
#           same code written by hand with stack arrays (micro.c through
#           the sed below: malloc -> array, free removed)
#   zlib    minigzip -9 over a generated 32 MiB file, zlib built without
#           and with promote (one site promoted: gzdopen's name buffer)
#
#   env: CC (gcc), PLUGIN (absolute path to escape.so), ITER (20000000), JOBS (2),
#        SRC ($CORPUS_DIR/debsrc; CORPUS_DIR: <repo>/corpus, as make corpus), WORK (/tmp/promote-bench)
set -uo pipefail
CC=${CC:-gcc}
PLUGIN=${PLUGIN:?PLUGIN=/abs/path/escape.so}
ITER=${ITER:-20000000}
SRC=${SRC:-${CORPUS_DIR:-$(cd "$(dirname "$0")/.." && pwd)/corpus}/debsrc}
WORK=${WORK:-/tmp/promote-bench}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$WORK"
PROM="-fplugin=$PLUGIN -fplugin-arg-escape-promote"

sed -e 's/unsigned \*v = malloc(8 \* sizeof \*v);/unsigned v[8];/' \
    -e 's/char \*b = malloc(64);/char b[64];/' \
    -e 's/unsigned char \*p = calloc(32, 1);/unsigned char p[32] = {0};/' \
    -e 's/unsigned char \*q = malloc(len);/unsigned char q[32];/' \
    -e '/free([vbpq]);/d' "$here/promote/micro.c" > "$WORK/micro-stack.c"
$CC -O2 "$here/promote/micro.c" -o "$WORK/heap" || exit 1
$CC -O2 $PROM "$here/promote/micro.c" -o "$WORK/promote" 2> "$WORK/promote.notes" || exit 1
$CC -O2 "$WORK/micro-stack.c" -o "$WORK/stack" || exit 1
echo "micro: $(grep -c 'promoted to stack' "$WORK/promote.notes") sites promoted, ITER=$ITER"
for v in heap promote stack; do
  "$WORK/$v" "$ITER" > "$WORK/$v.out"
done
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
r = {}
for v in ("heap", "promote", "stack"):
    f = open(f"{w}/{v}.out").read().split()
    r[v] = dict(zip(f[0::2], f[1::2]))
sums = {v: r[v]["checksum"] for v in r}
assert len(set(sums.values())) == 1, sums
print(f"{'benchmark':10} {'heap s':>8} {'promote s':>10} {'stack s':>8} {'heap/promote':>13} {'promote/stack':>14}")
for k in ("fixed", "scratch", "varsize", "varsmall"):
    h, p, s = (float(r[v][k]) for v in ("heap", "promote", "stack"))
    print(f"{k:10} {h:8.3f} {p:10.3f} {s:8.3f} {h/p:13.2f} {p/s:14.2f}")
print("checksums agree:", sums["heap"])
PY

# a real program: zlib's minigzip
if [ -d "$SRC/zlib-1.2.13.dfsg" ]; then
  head -c 8388608 /dev/urandom | od -An -tx1 | head -c 33554432 > "$WORK/input"
  for v in base promote; do
    d=$WORK/zlib-$v
    rm -rf "$d"; cp -r "$SRC/zlib-1.2.13.dfsg" "$d"
    cc="$CC"; [ $v = promote ] && cc="$CC $PROM"
    ( cd "$d" && make distclean >/dev/null 2>&1; CC="$cc" ./configure --static >/dev/null &&
      make -j"${JOBS:-2}" CC="$cc" minigzip ) > "$WORK/zlib-$v.log" 2>&1 || { echo "zlib $v: build failed"; exit 1; }
  done
  echo "zlib: $(grep -c 'promoted to stack' "$WORK/zlib-promote.log") sites promoted"
  for v in base promote; do
    /usr/bin/time -f "%e" -o "$WORK/zlib-$v.time" "$WORK/zlib-$v/minigzip" -9 < "$WORK/input" > "$WORK/zlib-$v.gz"
  done
  cmp -s "$WORK/zlib-base.gz" "$WORK/zlib-promote.gz" && echo "zlib: same output" || echo "zlib: OUTPUT DIFFERS"
  b=$(cat "$WORK/zlib-base.time") p=$(cat "$WORK/zlib-promote.time")
  python3 -c "print(f'zlib minigzip -9, 32 MiB: base {float(\"$b\"):.2f} s, promote {float(\"$p\"):.2f} s, base/promote {float(\"$b\")/float(\"$p\"):.2f}')"
fi
