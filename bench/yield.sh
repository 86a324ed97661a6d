#!/usr/bin/env bash
# Yield table (issue 12): allocation sites, stack promotion candidates
# (constant / variable size) and the reason of each escape, by project and
# by configuration of the plugin's arguments (bench/yield.py, CONFIGS).
#
#   env: CC (gcc), PLUGIN (absolute path of escape.so, required),
#        CORPUS_DIR (default: <repo>/corpus; prepared by bench/corpus.sh,
#          e.g. CORPUS_PREPARE_ONLY=1 PROJECTS="lua ... git redis" ...),
#        JOBS (2), PROJECTS (default: every project prepared in
#        $CORPUS_DIR/units), CONFIGS (default: all, e.g. "none,args"),
#        FRESH=1: do not reuse cached compiles
# The markdown table goes to stdout and to $CORPUS_DIR/yield.md.
#   bench/yield.sh warnings [PROJECT] [OPTS]: the plugin's warnings on one
#   project (default git, -O0,-O2), default mode, one per line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CC=${CC:-gcc}
PLUGIN=${PLUGIN:?set PLUGIN to the absolute path of escape.so}
CORPUS_DIR=${CORPUS_DIR:-$root/corpus}
JOBS=${JOBS:-2}
if [ "${1:-}" = warnings ]; then
  exec python3 "$here/yield.py" warnings --cc "$CC" --plugin "$PLUGIN" \
    --corpus "$CORPUS_DIR" --jobs "$JOBS" --project "${2:-git}" \
    --opts="${3:--O0,-O2}"
fi
exec python3 "$here/yield.py" table --cc "$CC" --plugin "$PLUGIN" \
  --corpus "$CORPUS_DIR" --jobs "$JOBS" --projects "${PROJECTS:-}" \
  --configs "${CONFIGS:-}"
