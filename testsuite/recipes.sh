#!/usr/bin/env bash
# The build-system recipes of docs/recipes.md, run for real on the tiny
# project testsuite/recipes/project/ (one dangling-pointer bug, one stack
# promotion candidate): a plain Makefile, CMake (Makefiles and Ninja) and
# Meson.  Each build must show the plugin's warning and still succeed, fail
# with -Werror, and pass with -Werror once the bug is fixed (-DFIXED).  The
# CI baseline recipe (-fdiagnostics-format=json + escape-baseline.py) must
# accept the known warning, fail on a new one (-DNEW_BUG) and report a
# fixed one.  Last, the files shown in docs/recipes.md must be the ones
# tested here.
#
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/recipes.sh
# stdout: one line "PASSED FAILED"; failures on stderr; every build's
# output in $OUT/recipes.log.
set -u
. "$(dirname "$0")/lib/suite.sh"
suite_init recipes
unset MAKEFLAGS MAKELEVEL MFLAGS CFLAGS CPPFLAGS LDFLAGS
suite_need_cc
suite_need_plugin
suite_tmp
log=$OUT/recipes.log
: > "$log"
ccpath=$(command -v "$CC")
proj=$here/recipes/project
baseline_py=$here/recipes/escape-baseline.py

# run NAME CMD...: run CMD in the current directory, output to $tmp/out
# and the log; $rc is its exit status.
run() {
  local name=$1; shift
  { echo "=== $name"; echo "+ $*"; } >> "$log"
  "$@" > "$tmp/out" 2>&1
  rc=$?
  cat "$tmp/out" >> "$log"
  echo "(exit $rc)" >> "$log"
}
WARN="warning: address of local variable 'total' escapes: stored in global 'last'"
ERR="error: address of local variable 'total' escapes: stored in global 'last'"
NOTE="note: malloc(64) does not escape: stack promotion candidate"
has() { grep -qF -- "$1" "$tmp/out"; }

# ---------------------------------------------------------- plain Makefile
cp -r "$proj" "$tmp/make"
cd "$tmp/make" || exit 1
run "make" make CC="$CC" ESCAPE="$PLUGIN"
check "make: build succeeds" '[ $rc = 0 ] && [ -x demo ]'
check "make: the plugin's warning is shown" 'has "$WARN"'
check "make: the stack promotion note is shown" 'has "$NOTE"'
check "make: the program runs" '[ "$(./demo)" = "10 14" ]'
make clean > /dev/null
run "make WERROR=1" make CC="$CC" ESCAPE="$PLUGIN" WERROR=1
check "make WERROR=1: the build fails on the plugin's warning" '[ $rc != 0 ] && has "$ERR"'
make clean > /dev/null
run "make WERROR=1 CPPFLAGS=-DFIXED" make CC="$CC" ESCAPE="$PLUGIN" WERROR=1 CPPFLAGS=-DFIXED
check "make WERROR=1, bug fixed: the build succeeds" '[ $rc = 0 ] && ! has "escapes:"'
make clean > /dev/null
run "make CFLAGS=-O1" make CC="$CC" ESCAPE="$PLUGIN" CFLAGS=-O1
check "make CFLAGS=... on the command line keeps the plugin" '[ $rc = 0 ] && has "$WARN"'
make clean > /dev/null
run "make ESCAPE=" make CC="$CC" ESCAPE=
check "make ESCAPE=: built without the plugin" '[ $rc = 0 ] && ! has "escape"'

# werror_builds TOOL BUILD PREFIX WERROR FIXED: with BUILD (a function
# NAME BUILDDIR ARGS...), build the project plainly, with WERROR (the
# tool's warnings-as-errors option) and with WERROR and FIXED (the option
# that defines FIXED, the bug fixed), into PREFIX1, PREFIX2, PREFIX3.
werror_builds() {
  local tool=$1 build=$2 p=$3 werror=$4 fixed=$5
  $build "plain" "${p}1"
  check "$tool: build succeeds" '[ $rc = 0 ] && [ -x "${p}1/demo" ]'
  check "$tool: the plugin's warning is shown" 'has "$WARN"'
  check "$tool: the stack promotion note is shown" 'has "$NOTE"'
  $build "$werror" "${p}2" "$werror"
  check "$tool $werror: the build fails on the plugin's warning" '[ $rc != 0 ] && has "$ERR"'
  $build "$werror, FIXED" "${p}3" "$werror" "$fixed"
  check "$tool $werror, bug fixed: the build succeeds" '[ $rc = 0 ] && ! has "escapes:"'
}

# ------------------------------------------------------------------ CMake
if command -v cmake >/dev/null; then
  cd "$tmp" || exit 1
  cm() {  # NAME BUILDDIR CMAKE-ARGS...
    local name=$1 dir=$2; shift 2
    run "cmake $name (configure)" cmake -S "$proj" -B "$dir" -DCMAKE_C_COMPILER="$ccpath" \
      -DESCAPE_PLUGIN="$PLUGIN" "$@"
    [ $rc = 0 ] || return
    run "cmake $name (build)" cmake --build "$dir"
  }
  werror_builds cmake cm cm -DESCAPE_WERROR=ON -DCMAKE_C_FLAGS=-DFIXED
  cm "COMPILE_WARNING_AS_ERROR" cm4 -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
  check "cmake -DCMAKE_COMPILE_WARNING_AS_ERROR=ON fails on the plugin's warning" '[ $rc != 0 ] && has "$ERR"'
  if command -v ninja >/dev/null; then
    cm "Ninja" cm5 -G Ninja
    check "cmake -G Ninja: the plugin's warning is shown" '[ $rc = 0 ] && has "$WARN"'
  else
    bad "ninja not found (apt-get install ninja-build)"
  fi
else
  bad "cmake not found (apt-get install cmake)"
fi

# ------------------------------------------------------------------ Meson
if command -v meson >/dev/null; then
  cd "$tmp" || exit 1
  ms() {  # NAME BUILDDIR MESON-ARGS...
    local name=$1 dir=$2; shift 2
    run "meson $name (setup)" env CC="$CC" meson setup "$dir" "$proj" -Descape_plugin="$PLUGIN" "$@"
    [ $rc = 0 ] || return
    run "meson $name (compile)" meson compile -C "$dir"
  }
  werror_builds meson ms ms -Dwerror=true -Dc_args=-DFIXED
else
  bad "meson not found (apt-get install meson)"
fi

# ------------------------------------------------- CI: baseline of warnings
cp -r "$proj" "$tmp/ci"
cd "$tmp/ci" || exit 1
jbuild() {  # NAME MAKE-ARGS...: a JSON build into $tmp/NAME.log
  local name=$1; shift
  make clean > /dev/null
  run "json build $name" make -k CC="$CC" ESCAPE="$PLUGIN" CFLAGS="-O2 -fdiagnostics-format=json" "$@"
  cp "$tmp/out" "$tmp/$name.log"
}
jbuild known
run "baseline --update" "$baseline_py" --baseline escape-baseline.txt --update "$tmp/known.log"
check "baseline: --update accepts the known warning" \
  '[ $rc = 0 ] && [ "$(cat escape-baseline.txt)" = "counter.c: address of local variable '"'total'"' escapes: stored in global '"'last'"'" ]'
run "baseline, same build" "$baseline_py" --baseline escape-baseline.txt "$tmp/known.log"
check "baseline: the known warning passes" '[ $rc = 0 ] && has "0 new warnings"'
jbuild newbug CPPFLAGS=-DNEW_BUG
run "baseline, new bug" "$baseline_py" --baseline escape-baseline.txt "$tmp/newbug.log"
check "baseline: a new warning fails" '[ $rc = 1 ] && grep -Eq "^counter.c:[0-9]+:[0-9]+: new warning: address of local variable .zero. escapes: stored in a global by .remember." "$tmp/out" && has "1 new warnings"'
jbuild fixed CPPFLAGS=-DFIXED
run "baseline, fixed" "$baseline_py" --baseline escape-baseline.txt "$tmp/fixed.log"
check "baseline: a fixed warning is reported and passes" '[ $rc = 0 ] && has "fixed: counter.c: address of local variable"'
if command -v cmake >/dev/null && command -v ninja >/dev/null; then
  # Ninja prints the compiler's output on stdout, with absolute names
  run "cmake json (configure)" cmake -S "$proj" -B "$tmp/cmj" -G Ninja -DCMAKE_C_COMPILER="$ccpath" \
    -DESCAPE_PLUGIN="$PLUGIN" -DCMAKE_C_FLAGS="-DNEW_BUG -fdiagnostics-format=json"
  run "cmake json (build)" cmake --build "$tmp/cmj"
  cp "$tmp/out" "$tmp/cmj.log"
  run "baseline, cmake + ninja, new bug" "$baseline_py" --baseline escape-baseline.txt --root "$proj" "$tmp/cmj.log"
  check "baseline: works through a CMake/Ninja log, one baseline for both" '[ $rc = 1 ] && has "1 new warnings"'
fi

# ---------------------------------------- docs/recipes.md shows these files
cd "$root" || exit 1
for f in project/Makefile project/CMakeLists.txt project/meson.build \
         project/meson_options.txt escape-baseline.py; do
  check "docs/recipes.md shows testsuite/recipes/$f as tested" 'python3 - "$root/docs/recipes.md" "testsuite/recipes/$f" 2>/dev/null <<"PY"
import sys
doc = open(sys.argv[1]).read().split("\n")
want = open(sys.argv[2]).read()
marker = "<!-- %s -->" % sys.argv[2]
i = doc.index(marker)
while not doc[i].startswith("```"):
    i += 1
j = i + 1
while doc[j] != "```":
    j += 1
got = "\n".join(doc[i + 1:j]) + "\n"
sys.exit(0 if got == want else 1)
PY'
done

suite_end
