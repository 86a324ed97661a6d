#!/usr/bin/env bash
# promote-projects.sh - real projects' test suites built three ways:
#   base     CC=gcc                                   (no plugin)
#   promote  CC="gcc -fplugin=escape.so -fplugin-arg-escape-promote"
#   asan     promote + -fsanitize=address, run with
#            ASAN_OPTIONS=detect_stack_use_after_return=1
# and the test results compared; the "promoted to stack" notes of the
# promote build are counted so that the comparison is not vacuous.
#
#   env: CC (gcc), PLUGIN (absolute path to escape.so), SRC
#        ($CORPUS_DIR/debsrc, CORPUS_DIR <repo>/corpus as make corpus:
#        Debian sources, copied, never modified),
#        WORK (/tmp/promote-projects)
#   usage: bench/promote-projects.sh [zlib] [jq] [lua]
# One line per project and variant on stdout:
#   PROJECT VARIANT: tests passed|FAILED, N promoted sites
set -uo pipefail
CC=${CC:-gcc}
PLUGIN=${PLUGIN:?PLUGIN=/abs/path/escape.so}
SRC=${SRC:-${CORPUS_DIR:-$(cd "$(dirname "$0")/.." && pwd)/corpus}/debsrc}
WORK=${WORK:-/tmp/promote-projects}
JOBS=${JOBS:-2}
export ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0
PROM="-fplugin=$PLUGIN -fplugin-arg-escape-promote -fdiagnostics-plain-output"
SAN="-fsanitize=address -fno-omit-frame-pointer"

variant_cc() {
  case $1 in
    base) echo "$CC" ;;
    promote) echo "$CC $PROM" ;;
    asan) echo "$CC $PROM $SAN" ;;
  esac
}

fresh() {  # fresh PROJECT-DIR VARIANT: a clean copy, its path on stdout
  local d=$WORK/$2/$(basename "$1")
  rm -rf "$d"; mkdir -p "$(dirname "$d")"
  cp -r "$1" "$d"
  echo "$d"
}

report() {  # report PROJECT VARIANT STATUS LOG
  local n
  n=$(grep -c "does not escape: promoted to stack" "$4" 2>/dev/null)
  printf '%s %s: %s, %s promoted sites\n' "$1" "$2" \
    "$([ "$3" -eq 0 ] && echo "same results as base" || echo "DIFFERENT or failed")" "${n:-0}"
}

zlib() {
  for v in base promote asan; do
    d=$(fresh "$SRC"/zlib-1.2.13.dfsg $v)
    log=$WORK/zlib-$v.log
    ( cd "$d" && make distclean >/dev/null 2>&1
      CC="$(variant_cc $v)" ./configure --static >/dev/null &&
      make -j"$JOBS" CC="$(variant_cc $v)" &&
      make test CC="$(variant_cc $v)" ) > "$log" 2>&1
    st=$?
    grep -q "\*\*\* zlib test OK \*\*\*" "$log" || st=1
    report zlib $v $st "$log"
  done
}

lua() {
  # The Debian source has no test suite (lua-5.4.4-tests is a separate
  # tarball): bench/promote-lua.lua exercises strings, tables, closures,
  # coroutines, the GC and string.format and prints a transcript that
  # must be the same for every variant.
  local script=$(cd "$(dirname "$0")" && pwd)/promote-lua.lua
  for v in base promote asan; do
    d=$(fresh "$SRC"/lua5.4-5.4.4 $v)
    log=$WORK/lua-$v.log
    # Debian's Makefile wants libtool: the interpreter is built directly
    ( cd "$d/src" && for f in $(ls *.c | grep -v '^luac\.c$'); do
        $(variant_cc $v) -O2 -DLUA_COMPAT_5_3 -DLUA_USE_LINUX -c "$f" || exit 1
      done && $(variant_cc $v) -o lua *.o -lm -ldl ) > "$log" 2>&1
    st=$?
    if [ $st -eq 0 ]; then
      "$d/src/lua" "$script" > "$WORK/lua-$v.out" 2>&1; st=$?
      [ $v = base ] || cmp -s "$WORK/lua-base.out" "$WORK/lua-$v.out" || st=1
    fi
    report lua $v $st "$log"
  done
}

jq() {
  for v in base promote asan; do
    d=$(fresh "$SRC"/jq-1.6 $v)
    log=$WORK/jq-$v.log
    ( cd "$d" && make clean >/dev/null 2>&1
      make -j"$JOBS" CC="$(variant_cc $v)" jq &&
      make CC="$(variant_cc $v)" check TESTS="tests/jqtest tests/onigtest tests/shtest" ) > "$log" 2>&1
    # onigtest fails without the plugin too when the build has no
    # oniguruma: the results must be the base's, test by test
    grep -hE "tests passed|^(PASS|FAIL|ERROR):" "$log" "$d"/tests/*.log \
      > "$WORK/jq-$v.results" 2>/dev/null
    st=0
    [ -s "$WORK/jq-$v.results" ] || st=1
    [ $v = base ] || cmp -s "$WORK/jq-base.results" "$WORK/jq-$v.results" || st=1
    report jq $v $st "$log"
    [ $v = base ] || echo "  jq results: $(tr '\n' ';' < "$WORK/jq-$v.results")"
  done
}

mkdir -p "$WORK"
for p in "${@:-zlib lua jq}"; do
  for q in $p; do $q; done
done
