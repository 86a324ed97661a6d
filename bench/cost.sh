#!/usr/bin/env bash
# make bench: compile-time and peak-memory cost of the escape plugin on
# real code, measured side by side in one run: sqlite3.c (the amalgamation)
# and the whole Lua 5.4 build, at -O0 and -O2, without the plugin, in
# default mode, with m, with m=2 and with promote, alternating, REPS repetitions,
# medians, and the bytes each mode prints.
# Targets (issue 5): default mode at most +2% time at -O2, +5% at -O0,
# +3% peak memory; (issue 13) m at most +15% CPU, m=2 at most +30% CPU
# and +10% peak memory.
#
#   env: CC (gcc), PLUGIN (absolute path, required), CORPUS_DIR
#        (<repo>/corpus), REPS (5), OPTS (-O0,-O2), VARIANTS (all:
#        default,m,m2,promote,summaries)
# Prints a markdown table; also written to $CORPUS_DIR/cost.md.
# Run it on a quiet machine: other load shows up in the figures.
set -euo pipefail
CC=${CC:-gcc}
PLUGIN=${PLUGIN:?set PLUGIN to the absolute path of escape.so}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export CORPUS_DIR=${CORPUS_DIR:-$root/corpus}
REPS=${REPS:-5}
OPTS=${OPTS:--O0,-O2}

[ -x /usr/bin/time ] || {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null 2>&1 ||
  { apt-get update -q >/dev/null 2>&1; apt-get install -y -q time >/dev/null; }
}
CC=$CC PLUGIN=$PLUGIN PROJECTS="lua sqlite" CORPUS_PREPARE_ONLY=1 \
  "$here/corpus.sh" >&2
units=$CORPUS_DIR/units
for p in lua sqlite; do
  [ -s "$units/$p.jsonl" ] || { echo "bench: no $p units" >&2; exit 1; }
done
python3 "$here/cost.py" --cc "$CC" --plugin "$PLUGIN" --reps "$REPS" \
  --opts="$OPTS" --table "$CORPUS_DIR/cost.md" \
  --variants "${VARIANTS:-default,m,m2,promote,summaries}" \
  --target sqlite3.c "$units/sqlite.jsonl:sqlite3.c" \
  --target "lua (all units)" "$units/lua.jsonl"
