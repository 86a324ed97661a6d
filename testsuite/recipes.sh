#!/usr/bin/env bash
# The build-system recipes of docs/recipes.md, run for real on the tiny
# project testsuite/recipes/project/ (one dangling-pointer bug, one stack
# promotion candidate): a plain Makefile, CMake (Makefiles and Ninja) and
# Meson.  Each build must show the plugin's warning and still succeed, fail
# with -Werror, and pass with -Werror once the bug is fixed (-DFIXED).  The
# CI baseline recipe (-fdiagnostics-format=json + escape-baseline.py) must
# accept the known warning, fail on a new one (-DNEW_BUG) and report a
# fixed one.  Then the recipes for projects you do not own, on the
# upstream sources of Debian packages: zlib (CMake with -flto, ./configure),
# Lua 5.4 (make linux MYCFLAGS=...) and bzip2 (make CC="gcc -fplugin=...").
# Last, the files shown in docs/recipes.md must be the ones tested here.
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
# escape-baseline as `make install` installs it (into a DESTDIR here)
env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory -C "$root" -o "$PLUGIN" \
  CC="$CC" PLUGIN="$PLUGIN" install DESTDIR="$tmp/inst" PREFIX=/usr > "$tmp/install.log" 2>&1
baseline_py=$tmp/inst/usr/bin/escape-baseline

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
check "baseline: a new warning fails" '[ $rc = 1 ] && grep -Eq "^counter.c:[0-9]+:[0-9]+: new warning: address of local variable .zero. escapes: stored in (a global|global .[A-Za-z_0-9]*.) by .remember." "$tmp/out" && has "1 new warnings"'
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

# ------------------------------------- a real project: zlib, LTO, SARIF
# zlib 1.2.13 as Debian ships it, from $CORPUS_DIR/debsrc (make corpus) or
# fetched here with apt-get source into ~/.cache/escape-recipes.  Built
# through its own build systems with the plugin only in CFLAGS:
#   CMake + -flto (lto1 loads the plugin at the link), make -j2
#   ./configure CFLAGS=... + make -j2 (the autotools way)
# each into one SARIF log for the whole build, which GitHub's rules accept.
# deb_tarball PKG: the upstream tarball of Debian's source package PKG,
# from $CORPUS_DIR/debsrc (make corpus) or ~/.cache/escape-recipes, where
# it is fetched (apt-get source --download-only) when neither has it.
deb_tarball() {
  local pkg=$1 d f cache=${XDG_CACHE_HOME:-$HOME/.cache}/escape-recipes
  for d in "${CORPUS_DIR:-$root/corpus}/debsrc" "$cache"; do
    f=$(ls "$d/${pkg}"_*.orig.tar.* 2>/dev/null | head -1)
    [ -n "$f" ] && { echo "$f"; return 0; }
  done
  mkdir -p "$cache" && (cd "$cache" && timeout 300 apt-get source --download-only -qq "$pkg" >/dev/null 2>&1)
  f=$(ls "$cache/${pkg}"_*.orig.tar.* 2>/dev/null | head -1)
  # a fresh machine has no deb-src lines: as root, add them and try again
  if [ -z "$f" ] && [ "$(id -u)" -eq 0 ]; then
    (. "$root/scripts/deb-src.sh" && enable_deb_src) >/dev/null 2>&1
    (cd "$cache" && timeout 300 apt-get source --download-only -qq "$pkg" >/dev/null 2>&1)
    f=$(ls "$cache/${pkg}"_*.orig.tar.* 2>/dev/null | head -1)
  fi
  [ -n "$f" ] && echo "$f"
}
sarif_tool=${ESCAPE_SARIF_TOOLS:-$HOME/.cache/escape-sarif-multitool}/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# zlib_log NAME LOG: the log holds results of gzlib.c and passes GitHub's rules
zlib_log() {
  zlog=$2
  check "zlib $1: one SARIF log for the build, with gzlib.c's results" 'python3 - "$zlog" <<"PY"
import glob, json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
units = glob.glob(sys.argv[1] + ".d/*.frag")   # one per unit compiled
res = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
assert any(u.endswith("/gzlib.c") or u == "gzlib.c" for u in res), res
assert len(units) >= 15, units
PY'
  if [ -x "$sarif_tool" ]; then
    "$sarif_tool" validate --rule-kind "Sarif;Gh" "$2" -o "$2.validation" > "$tmp/val" 2>&1
    check "zlib $1: the log passes the multitool with GitHub's rules" \
      'grep -q "Analysis completed successfully" "$tmp/val" && ! grep -q ": error " "$tmp/val"'
  fi
}
ztar=$(deb_tarball zlib)
if [ -z "$ztar" ]; then
  bad "zlib 1.2.13 sources not found (make corpus, or apt-get source zlib with deb-src)"
else
  mkdir -p "$tmp/zlib" && tar -xf "$ztar" -C "$tmp/zlib"
  zsrc=$(ls -d "$tmp"/zlib/zlib-*/ | head -1)
  zsrc=${zsrc%/}
  # Debian's .dfsg tarball lacks win32/, which zlib's CMakeLists names
  mkdir -p "$zsrc/win32" && touch "$zsrc/win32/zlib1.rc"
  if command -v cmake >/dev/null; then
    cd "$tmp" || exit 1
    run "zlib cmake -flto (configure)" cmake -S "$zsrc" -B "$tmp/zb" -DCMAKE_C_COMPILER="$ccpath" \
      -DCMAKE_C_FLAGS="-O2 -flto -fplugin=$PLUGIN -fplugin-arg-escape-sarif=$tmp/zlib-cmake.sarif"
    check "zlib cmake -DCMAKE_C_FLAGS='-flto -fplugin=...': configures" '[ $rc = 0 ]'
    run "zlib cmake -flto (build)" cmake --build "$tmp/zb" -j2
    check "zlib cmake -flto: builds (lto1 loads the plugin)" '[ $rc = 0 ] && [ -x "$tmp/zb/example" ]'
    check "zlib cmake -flto: the plugin reported in the compile step" 'grep -Eq "gzlib.c:[0-9]+:[0-9]+: note: malloc\(19\) does not escape" "$tmp/out"'
    run "zlib cmake -flto (example)" "$tmp/zb/example"
    check "zlib cmake -flto: the program built runs" '[ $rc = 0 ]'
    zlib_log "cmake -flto" "$tmp/zlib-cmake.sarif"
  fi
  cp -r "$zsrc" "$tmp/zc" && cd "$tmp/zc" || exit 1
  run "zlib ./configure" env CC="$CC" CFLAGS="-O2 -fplugin=$PLUGIN -fplugin-arg-escape-m -fplugin-arg-escape-sarif=$tmp/zlib-make.sarif" ./configure
  check "zlib ./configure with the plugin in CFLAGS" '[ $rc = 0 ]'
  run "zlib make -j2" make -j2
  check "zlib make -j2: builds and shows the plugin's notes" '[ $rc = 0 ] && grep -Eq "gzlib.c:[0-9]+:[0-9]+: note: malloc\(19\) does not escape" "$tmp/out"'
  zlib_log "./configure && make -j2" "$tmp/zlib-make.sarif"
fi

# ------------------------- Makefile projects you do not own: Lua and bzip2
# The table of docs/recipes.md ("Projects you do not own"), run as written
# on the upstream tarballs of Debian's lua5.4 and bzip2 source packages
# (fetched and cached as zlib's), with one SARIF log for each build, -m
# and stats.  The per-unit stats must add up to the figures the docs give
# (docs/findings.md's lua row, docs/recipes.md's table), every unit make
# compiled must have its part of the log, and the log's results must agree.
cc_word=${CC%% *}; cc_word=${cc_word##*/}
# doc_row FILE NAME: the six numbers (units functions sites escaping
# candidates warnings) of the table row of FILE whose first cell starts
# with NAME
doc_row() {
  python3 - "$1" "$2" <<"PY"
import sys
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if line.startswith("|") and cells[0].startswith(sys.argv[2]) and len(cells) >= 7:
        print(" ".join(cells[-6:]))
        break
PY
}
# the stats line of one unit: its file and five counts
stats_re='cc1: note: escape: (\S+): (\d+) functions, (\d+) allocation sites, (\d+) escaping, (\d+) stack promotion candidates, (\d+) warnings'
# project_log NAME BUILD-OUTPUT SARIF "UNITS FUNCTIONS SITES ESCAPING CANDIDATES WARNINGS"
project_log() {
  local name=$1 blog=$2 slog=$3 want=$4
  check "$name: every unit make compiled ($(echo $want | cut -d' ' -f1) in the docs) wrote its part of the SARIF log" \
    'python3 - "$blog" "$slog" "$want" "$cc_word" <<"PY"
import glob, os, sys
blog, slog, want, cc = sys.argv[1:]
compiled = set()
for line in open(blog, errors="replace"):
    t = line.split()
    if t and os.path.basename(t[0]) == cc and "-c" in t:
        compiled |= {os.path.basename(x) for x in t if x.endswith(".c")}
parts = {os.path.basename(f).split("-", 1)[1][:-len(".frag")]
         for f in glob.glob(slog + ".d/*.frag")}
assert len(compiled) == int(want.split()[0]), ("compiled", sorted(compiled))
assert parts == compiled, ("log parts", sorted(parts ^ compiled))
PY'
  check "$name: the plugin reports what the docs say (units functions sites escaping candidates warnings: $want)" \
    'python3 - "$blog" "$want" "$stats_re" <<"PY"
import re, sys
stats = re.findall(sys.argv[3], open(sys.argv[1], errors="replace").read())
got = [len(stats)] + [sum(int(s[i]) for s in stats) for i in range(1, 6)]
assert " ".join(map(str, got)) == sys.argv[2], got
PY'
  check "$name: the SARIF log has results from every unit with functions, as many as the stats" \
    'python3 - "$blog" "$slog" "$stats_re" <<"PY"
import collections, json, re, sys
stats = re.findall(sys.argv[3], open(sys.argv[1], errors="replace").read())
run = json.load(open(sys.argv[2]))["runs"][0]
arts = {a["location"]["uri"] for a in run["artifacts"]}
assert arts == {s[0] for s in stats if int(s[1]) > 0}, sorted(arts)
rules = collections.Counter(r["ruleId"] for r in run["results"])
assert rules["escape/escapes-to-heap"] == sum(int(s[3]) for s in stats), rules
assert rules["escape/stack-promotion-candidate"] == sum(int(s[4]) for s in stats), rules
assert rules["escape/dangling-address"] == sum(int(s[5]) for s in stats), rules
PY'
  if [ -x "$sarif_tool" ]; then
    "$sarif_tool" validate --rule-kind "Sarif;Gh" "$slog" -o "$slog.validation" > "$tmp/val" 2>&1
    check "$name: the log passes the multitool with GitHub's rules" \
      'grep -q "Analysis completed successfully" "$tmp/val" && ! grep -q ": error " "$tmp/val"'
  fi
}

# Lua 5.4: `make linux MYCFLAGS=...` from the top directory; -Werror as the
# CI recipe for clean code (docs/findings.md: no warnings).  Its Makefile's
# CC is "gcc -std=gnu99": another GCC is given the same way.
ltar=$(deb_tarball lua5.4)
if [ -z "$ltar" ]; then
  bad "lua 5.4 sources not found (make corpus, or apt-get source lua5.4 with deb-src)"
else
  mkdir -p "$tmp/lua" && tar -xf "$ltar" -C "$tmp/lua"
  lsrc=$(ls -d "$tmp"/lua/lua-*/ | head -1)
  cd "$lsrc" || exit 1
  lcc=()
  [ "$CC" = gcc ] || lcc=(CC="$CC -std=gnu99")
  run "lua make linux" make linux "${lcc[@]}" MYCFLAGS="-fplugin=$PLUGIN -fplugin-arg-escape-m -fplugin-arg-escape-stats -fplugin-arg-escape-sarif=$tmp/lua.sarif -Werror"
  cp "$tmp/out" "$tmp/lua-build.log"
  check "lua: make linux MYCFLAGS='-fplugin=... -Werror' builds lua and luac" \
    '[ $rc = 0 ] && [ -x src/lua ] && [ -x src/luac ] && grep -q -- "-DLUA_USE_LINUX -fplugin=$PLUGIN " "$tmp/out"'
  run "lua check.lua" src/lua "$here/recipes/lua/check.lua"
  check "lua: the lua built runs a script right" '[ $rc = 0 ] && cmp -s "$tmp/out" "$here/recipes/lua/check.out"'
  run "luac check.lua" sh -c 'src/luac -o check.luac "$1" && src/lua check.luac' sh "$here/recipes/lua/check.lua"
  check "lua: the luac built compiles it, and lua runs the bytecode right" \
    '[ $rc = 0 ] && cmp -s "$tmp/out" "$here/recipes/lua/check.out"'
  frow=$(doc_row "$root/docs/findings.md" "lua 5.4.4")
  rrow=$(doc_row "$root/docs/recipes.md" "lua 5.4.4")
  check "lua: docs/recipes.md and docs/findings.md give the same figures" '[ -n "$frow" ] && [ "$frow" = "$rrow" ]'
  project_log lua "$tmp/lua-build.log" "$tmp/lua.sarif" "$rrow"
fi

# bzip2: its Makefile sets CFLAGS, so the plugin goes into CC, with the
# arguments of the docs' allocator table; `make` runs its tests (cmp of
# three compressions and decompressions with reference files).
btar=$(deb_tarball bzip2)
if [ -z "$btar" ]; then
  bad "bzip2 sources not found (make corpus, or apt-get source bzip2 with deb-src)"
else
  mkdir -p "$tmp/bzip2" && tar -xf "$btar" -C "$tmp/bzip2"
  bsrc=$(ls -d "$tmp"/bzip2/bzip2-*/ | head -1)
  cd "$bsrc" || exit 1
  bargs=$(sed -n 's/^| bzip2 | \(.*\) | .* |$/\1/p' "$root/docs/recipes.md" | grep -o -- '-fplugin-arg-escape-[^`]*' | tr '\n' ' ')
  check "bzip2: docs/recipes.md gives its allocator arguments" '[ -n "$bargs" ]'
  run "bzip2 make" make CC="$CC -fplugin=$PLUGIN $bargs-fplugin-arg-escape-m -fplugin-arg-escape-stats -fplugin-arg-escape-sarif=$tmp/bzip2.sarif"
  cp "$tmp/out" "$tmp/bzip2-build.log"
  check "bzip2: make CC='gcc -fplugin=...' keeps the Makefile's CFLAGS" \
    'grep -q -- "-fplugin-arg-escape-sarif=$tmp/bzip2.sarif -Wall -Winline -O2 -g -D_FILE_OFFSET_BITS=64 -c bzlib.c" "$tmp/out"'
  check "bzip2: make builds and its tests pass" \
    '[ $rc = 0 ] && [ -x bzip2 ] && [ -x bzip2recover ] && has "cmp sample3.tst sample3.ref"'
  check "bzip2: alloc=myMalloc makes myMalloc's calls allocation sites" \
    'grep -Eq "^bzip2.c:[0-9]+:[0-9]+: note: myMalloc\(16\) escapes to heap" "$tmp/out"'
  project_log bzip2 "$tmp/bzip2-build.log" "$tmp/bzip2.sarif" "$(doc_row "$root/docs/recipes.md" "bzip2 1.0.8")"
fi

# ---------------------------------------- docs/recipes.md shows these files
cd "$root" || exit 1
for f in project/Makefile project/CMakeLists.txt project/meson.build \
         project/meson_options.txt ../../scripts/escape-baseline; do
  g=$(realpath --relative-to="$root" "$here/recipes/$f")
  check "docs/recipes.md shows $g as tested" 'python3 - "$root/docs/recipes.md" "$g" 2>/dev/null <<"PY"
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
