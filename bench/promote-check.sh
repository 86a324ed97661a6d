#!/usr/bin/env bash
# promote-check.sh - the whole soundness proof of promote, by running
# programs with -fplugin-arg-escape-promote and without it (and the
# promoted ones under ASan with detect_stack_use_after_return=1):
#   1. every gcc.c-torture execute test and csmith seeds 1-SEEDS
#      (bench/promote-check.py)
#   2. the escape fuzzer, seeds 1-FUZZ at -O0 and -O2, --promote
#   3. real projects' tests (bench/promote-projects.sh: zlib, lua, jq)
# Each part prints its figures (programs, runs, promoted sites,
# differences, ASan findings).  Long: about an hour on two busy cores.
#
#   env: CC (gcc), PLUGIN (absolute path), JOBS (2), SEEDS (30), FUZZ (100),
#        WORK (/tmp/promote-check), PROJECTS ("zlib lua jq")
set -uo pipefail
CC=${CC:-gcc}
PLUGIN=${PLUGIN:?PLUGIN=/abs/path/escape.so}
JOBS=${JOBS:-2}
SEEDS=${SEEDS:-30}
FUZZ=${FUZZ:-100}
WORK=${WORK:-/tmp/promote-check}
PROJECTS=${PROJECTS:-zlib lua jq}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
mkdir -p "$WORK"

tarball=$(ls /usr/src/gcc-12/gcc-*.tar.xz 2>/dev/null | grep -v gm2 | head -1)
[ -n "$tarball" ] || { echo "gcc-12-source is needed (apt-get install gcc-12-source)"; exit 1; }
if [ ! -f "$WORK/torture/.done" ]; then
  mkdir -p "$WORK/torture"
  tar -xJf "$tarball" -C "$WORK/torture" --strip-components=4 --wildcards \
    '*/gcc/testsuite/gcc.c-torture/execute/*' && touch "$WORK/torture/.done"
fi
python3 "$here/corpus-run.py" torture --dir "$WORK/torture/execute" \
  --kind execute --timeout 120 --out "$WORK/torture.jsonl"
python3 "$here/corpus-run.py" csmith --dir "$WORK/csmith" --seeds "1-$SEEDS" \
  --include "$(ls -d /usr/include/csmith* | head -1)" --timeout 120 \
  --out "$WORK/csmith.jsonl"
echo "== torture execute + csmith"
python3 "$here/promote-check.py" --cc "$CC" --plugin "$PLUGIN" --jobs "$JOBS" \
  --keep "$WORK/failures" --per-unit "$WORK/units.out" \
  "$WORK/torture.jsonl" "$WORK/csmith.jsonl"
echo "== escape fuzzer, --promote"
CC=$CC PLUGIN=$PLUGIN python3 "$root/testsuite/fuzz/run.py" --promote \
  --seeds "1-$FUZZ" --opt 0,2 --jobs "$JOBS" --out "$WORK/fuzz" 2>"$WORK/fuzz.err"
grep "PROMOTE FAILURE" "$WORK/fuzz.err"
echo "== projects"
CC=$CC PLUGIN=$PLUGIN WORK=$WORK/projects "$here/promote-projects.sh" $PROJECTS
