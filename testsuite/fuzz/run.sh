#!/usr/bin/env bash
# Escape fuzzer with a run-time oracle (see docs/fuzz.md).
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/fuzz/run.sh
#       make-check mode: a fixed slice of seeds (FUZZ_SEEDS, default 1-60) at
#       -O0 and -O2 plus known.c; stdout is exactly one line "PASSED FAILED";
#       failures on stderr, programs and logs in $OUT/fuzz/.
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/fuzz/run.sh --long [N]
#       long mode (make fuzz): seeds 1-N (default 20000, or FUZZ_N), with
#       reduction of every failing program; stdout is the summary line.
set -u
here=$(cd "$(dirname "$0")" && pwd)
export CC=${CC:-gcc}
export PLUGIN=${PLUGIN:-$here/../../plugin/escape.so}
export OUT=${OUT:-/tmp}
JOBS=${JOBS:-2}
if ! command -v python3 >/dev/null; then echo "fuzz: python3 not found" >&2; echo "0 1"; exit 0; fi
if [ "${1:-}" = --long ]; then
  n=${2:-${FUZZ_N:-20000}}
  exec python3 "$here/run.py" --seeds "1-$n" --jobs "$JOBS" --out "$OUT/fuzz" ${FUZZ_REDUCE---reduce}
fi
python3 "$here/run.py" --check --seeds "${FUZZ_SEEDS:-1-60}" --jobs "$JOBS" --out "$OUT/fuzz" || echo "0 1"
