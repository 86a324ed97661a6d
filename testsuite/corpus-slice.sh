#!/usr/bin/env bash
# A small, fast slice of `make corpus` for `make check`: a fixed list of
# gcc.c-torture files (nasty constructs: alloca, VLAs, setjmp, computed
# goto, nested functions, __builtin_apply, malloc, varargs, plus a fixed
# sample) and 10 csmith seeds.  Each file is compiled at -O0 and -O2 with
# the plugin, in default mode and with m=2, and compared with the compile
# without it.  One check = one file x -O level x mode; it passes when there
# is no internal compiler error, the exit status is the one without the
# plugin, the object file is byte-identical, and (execute tests and csmith)
# the program exits and prints as it does without the plugin.
#
#   env: CC, PLUGIN (absolute path), OUT (results dir), JOBS (2)
# stdout: exactly one line "PASSED FAILED"; FAIL lines and details on stderr
# (reproducers are kept in $OUT/corpus-slice/failures/).
set -uo pipefail
. "$(dirname "$0")/lib/suite.sh"
suite_init corpus-slice
JOBS=${JOBS:-2}
runner=$root/bench/corpus-run.py
work=$OUT/corpus-slice
cache=${ESCAPE_SLICE_CACHE:-/tmp/escape-corpus-slice}

TORTURE=(
  compile/20000211-1.c compile/20000314-2.c compile/20000326-2.c
  compile/20000518-1.c compile/20010202-1.c compile/20011029-1.c
  compile/20021108-1.c compile/20030503-1.c compile/20040614-1.c
  compile/20050510-1.c compile/20051216-1.c compile/20071117-1.c
  compile/20071214-1.c compile/20080124-1.c compile/20090519-1.c
  compile/20190827-1.c compile/900313-1.c compile/920415-1.c
  compile/920501-16.c compile/920501-20.c compile/930623-1.c
  compile/bitfield-endian-1.c compile/nested-1.c compile/nested-2.c
  compile/pr101159.c compile/pr36172.c compile/pr46534.c compile/pr70916.c
  compile/sim.c
  execute/20000224-1.c execute/20000519-1.c execute/20000914-1.c
  execute/20001203-2.c execute/20010122-1.c execute/20020314-1.c
  execute/20020404-1.c execute/20020406-1.c execute/20020412-1.c
  execute/20030109-1.c execute/20040302-1.c execute/20040308-1.c
  execute/20041112-1.c execute/20041214-1.c execute/20041218-2.c
  execute/20090113-1.c execute/20210505-1.c execute/920415-1.c
  execute/920428-2.c execute/941025-1.c execute/built-in-setjmp.c
  execute/compare-1.c execute/ipa-sra-2.c execute/nestfunc-1.c
  execute/nestfunc-5.c execute/pr32244-1.c execute/pr47237.c
  execute/pr57829.c execute/pr85756.c
)
SEEDS=1-10

suite_need_cc
suite_need_plugin
command -v python3 >/dev/null || cannot_run "python3 is needed"
tarball=$(ls /usr/src/gcc-12/gcc-*.tar.xz 2>/dev/null | grep -v gm2 | head -1)
[ -n "$tarball" ] || cannot_run "gcc-12-source is not installed (apt-get install gcc-12-source)"
command -v csmith >/dev/null || cannot_run "csmith is not installed (apt-get install csmith)"
csinc=$(ls -d /usr/include/csmith* 2>/dev/null | head -1)
if [ -z "$csinc" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q libcsmith-dev \
    >/dev/null 2>&1
  csinc=$(ls -d /usr/include/csmith* 2>/dev/null | head -1)
fi
[ -n "$csinc" ] || cannot_run "csmith's headers are missing (apt-get install libcsmith-dev)"

# Extract the listed torture files once per tarball into the cache.
tdir=$cache/$(basename "$tarball" .tar.xz)
if [ ! -f "$tdir/.done" ]; then
  rm -rf "$tdir"; mkdir -p "$tdir"
  members=()
  for f in "${TORTURE[@]}"; do
    members+=("*/gcc/testsuite/gcc.c-torture/$f")
  done
  tar -xJf "$tarball" -C "$tdir" --strip-components=4 --wildcards \
    "${members[@]}" 2>"$tdir.err" || cannot_run "extracting from $tarball: $(cat "$tdir.err")"
  touch "$tdir/.done"
fi

rm -rf "$work"; mkdir -p "$work/units"
for k in compile execute; do
  files=()
  for f in "${TORTURE[@]}"; do
    case $f in "$k"/*) files+=("${f#*/}") ;; esac
  done
  python3 "$runner" torture --dir "$tdir/$k" --kind "$k" --timeout 120 \
    --files "${files[@]}" --out "$work/units/torture-$k.jsonl" 2>/dev/null ||
    cannot_run "cannot list torture units"
done
python3 "$runner" csmith --dir "$cache/csmith" --seeds "$SEEDS" \
  --include "$csinc" --timeout 120 --out "$work/units/csmith.jsonl" \
  2>/dev/null || cannot_run "csmith failed"

python3 "$runner" run --cc "$CC" --plugin "$PLUGIN" --jobs "$JOBS" \
  --exec-timeout 10 --count --out "$work" \
  "$work/units/torture-compile.jsonl" "$work/units/torture-execute.jsonl" \
  "$work/units/csmith.jsonl" > "$work/count" ||
  cannot_run "the corpus runner failed"
read -r p f < "$work/count" || cannot_run "the corpus runner printed no count"
say "$p passed, $f failed (torture ${#TORTURE[@]} files," \
  "csmith seeds $SEEDS; details in $work)"
pass=$p fail=$f
suite_end
