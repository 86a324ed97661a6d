#!/usr/bin/env bash
# Robustness tests: odd but valid C must go through the plugin without an
# internal compiler error, with the same exit status as without the
# plugin, and with byte-identical object code.
#
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/results testsuite/robustness.sh [FILE.c...]
#
# Sources: testsuite/robust/*.c, plus files generated here into a temp
# directory (a function of 12,000 statements, 300 functions in call
# cycles, 120-deep nesting).
# Each (file, option set) is one test; the option sets are
#   -O0, -O2, -O2 -flto  x  (default), -fplugin-arg-escape-m=2
# and each is compared with the same -O level without the plugin.  With
# -flto the object holds GIMPLE bytecode, compared without the section
# that records the command line (.gnu.lto_.opts names -fplugin=...); the
# objects are also linked (-r, so lto1 runs with the plugin loaded) and
# the linked code is compared.  All
# compilations use -c -frandom-seed=1 and no -g; objects are compared
# with cmp.
#
# stdout: exactly one line "PASSED FAILED".  stderr: progress and one line
# per failure.  Log: $OUT/robust.log (details of every failure).
# Environment: ROBUST_JOBS (parallel jobs, default: nproc),
# ROBUST_TIMEOUT (seconds per compilation, default 120),
# ROBUST_HUGE_STATEMENTS (size of the huge function, default 12000: at
# 20000 GCC alone needs ~10 s of CPU for it at -O2), ROBUST_KEEP=1
# keeps the work directory.
set -u
. "$(dirname "$0")/lib/suite.sh"
if [ "${1:-}" != "--job" ]; then
  suite_init robust "$PWD/robust-results"
  suite_need_cc
  suite_need_plugin
fi
TIMEOUT=${ROBUST_TIMEOUT:-120}

OLEVELS=(-O0 -O2 "-O2 -flto")
VARIANTS=(default m2)
# variant_args VARIANT: set the array ARGS to the plugin arguments.
variant_args() {
  case "$1" in
    default) ARGS=() ;;
    m2) ARGS=(-fplugin-arg-escape-m=2) ;;
  esac
}

# ---------------------------------------------------------------- one job
# run_job ID SOURCE NAME OLEVEL: compile SOURCE at OLEVEL without the
# plugin, then with it in every variant, and compare.  Writes
# WORK/res/ID.res (lines "PASS|FAIL<TAB>test<TAB>why") and, for failures,
# WORK/res/ID.log.  (Few processes per job: forks are what costs most.)
run_job() {
  local id=$1 src=$2 name=$3 olevel=$4
  local b=$WORK/obj/$id res=$WORK/res/$id.res log=$WORK/res/$id.log
  local common=(-c -frandom-seed=1 $olevel)
  local basecmd=("$CC" "${common[@]}" -o "$b.base.o" "$src")
  timeout "$TIMEOUT" "${basecmd[@]}" > "$b.base.txt" 2>&1
  local bst=$? v
  : > "$res"
  for v in "${VARIANTS[@]}"; do
    variant_args "$v"
    local test="$name $olevel${ARGS[0]:+ ${ARGS[*]}}"
    local cmd=("$CC" "-fplugin=$PLUGIN" "${ARGS[@]}" "${common[@]}" -o "$b.$v.o" "$src")
    timeout "$TIMEOUT" "${cmd[@]}" > "$b.$v.txt" 2>&1
    local st=$? why=""
    # -flto: compare the bytecode but for the recorded command line, and
    # the code lto1 makes of it (with the plugin loaded in lto1 too).
    if [ "$olevel" != "${olevel%-flto}" ] && [ $st -eq 0 ] && [ $bst -eq 0 ]; then
      objcopy -R .gnu.lto_.opts "$b.$v.o" "$b.$v.noopts.o" 2>/dev/null
      objcopy -R .gnu.lto_.opts "$b.base.o" "$b.base.noopts.o" 2>/dev/null
      [ -f "$b.base.r.o" ] || "$CC" $olevel -r -nostdlib -flinker-output=nolto-rel \
        "$b.base.o" -o "$b.base.r.o" > "$b.base.link.txt" 2>&1
      timeout "$TIMEOUT" "$CC" "-fplugin=$PLUGIN" "${ARGS[@]}" $olevel -r -nostdlib \
        -flinker-output=nolto-rel "$b.$v.o" -o "$b.$v.r.o" > "$b.$v.link.txt" 2>&1
      st=$?
      cat "$b.$v.link.txt" >> "$b.$v.txt"
      if [ $st -eq 0 ] && ! cmp -s "$b.base.noopts.o" "$b.$v.noopts.o"; then
        why="LTO bytecode differs"
      elif [ $st -eq 0 ] && ! diff -q <(sed 's|/tmp/cc[^ ]*||g' "$b.base.link.txt") \
                                  <(sed 's|/tmp/cc[^ ]*||g' "$b.$v.link.txt") > /dev/null; then
        why="lto1 printed something of its own (the link's output differs)"
      elif [ $st -eq 0 ] && ! diff -q <(objdump -d "$b.base.r.o" | tail -n +3) \
                                  <(objdump -d "$b.$v.r.o" | tail -n +3) > /dev/null; then
        why="code linked by lto1 differs"
      fi
    fi
    # An ICE always makes the exit status non-zero.
    if [ $st -ne 0 ] && grep -q -E 'internal compiler error|signal terminated program|Segmentation fault|core dumped' "$b.$v.txt"; then
      why="internal compiler error"
    elif [ $st -eq 124 ]; then
      why="timed out after ${TIMEOUT}s"
    elif [ $bst -ne 0 ]; then
      why="does not compile even without the plugin (status $bst)"
    elif [ $st -ne $bst ]; then
      why="exit status $st (without the plugin: $bst)"
    elif [ -n "$why" ]; then
      :
    elif [ "$olevel" = "${olevel%-flto}" ] && ! cmp -s "$b.base.o" "$b.$v.o"; then
      if diff -q <(objdump -d "$b.base.o" | tail -n +3) <(objdump -d "$b.$v.o" | tail -n +3) > /dev/null; then
        why="object file differs (the disassembly is the same)"
      else
        why="object code differs"
      fi
    fi
    if [ -z "$why" ]; then
      printf 'PASS\t%s\t\n' "$test" >> "$res"
      continue
    fi
    printf 'FAIL\t%s\t%s\n' "$test" "$why" >> "$res"
    {
      echo "FAIL: $test: $why"
      echo "  command: ${cmd[*]}"
      echo "  exit status $st (without the plugin: $bst); output (first 40 lines):"
      head -n 40 "$b.$v.txt" | sed 's/^/    /'
      if [ $bst -ne 0 ]; then
        echo "  without the plugin: ${basecmd[*]}; output (first 20 lines):"
        head -n 20 "$b.base.txt" | sed 's/^/    /'
      fi
      if [ -f "$b.base.o" ] && [ -f "$b.$v.o" ] && ! cmp -s "$b.base.o" "$b.$v.o"; then
        echo "  cmp: $(cmp "$b.base.o" "$b.$v.o" 2>&1 | head -n 1)"
        echo "  disassembly diff (first 40 lines):"
        diff <(objdump -d "$b.base.o" | tail -n +3) <(objdump -d "$b.$v.o" | tail -n +3) \
          | head -n 40 | sed 's/^/    /'
      fi
      echo
    } >> "$log"
  done
  rm -f "$b".*.o
}

if [ "${1:-}" = "--job" ]; then
  shift
  run_job "$@"
  exit 0
fi

# ---------------------------------------------------------------- generators
# A single function of N statements: pointer assignments between 16
# pointer variables, 32 address-taken locals and 16 linked structs, calls
# that take and return pointers, and a branch every 45 statements.  (More
# variables or branches make GCC itself take much longer at -O2.)
gen_huge_function() {
  awk -v n="$1" 'BEGIN {
    print "/* generated by robustness.sh: one function, " n " statements */"
    print "struct s { int *p; struct s *next; };"
    print "extern void use (int *);"
    print "extern int *pick (int *, int *);"
    print "extern void keep (struct s *);"
    print "int *huge (int *in, int c)"
    print "{"
    for (i = 0; i < 32; i++) printf "  int a%d = %d;\n", i, i
    for (i = 0; i < 16; i++) printf "  int *p%d = &a%d;\n", i, i
    for (i = 0; i < 16; i++) printf "  struct s s%d = { &a%d, 0 };\n", i, i
    for (i = 0; i < 16; i++) printf "  s%d.next = &s%d;\n", i, (i + 1) % 16
    for (i = 0; i < n; i++) {
      k = i % 9; x = (i * 7) % 16; y = (i * 13 + 5) % 16; z = (i * 31) % 32
      t = (i * 3) % 16; u = (i * 5 + 1) % 16
      if (k == 0) printf "  p%d = &a%d;\n", x, z
      else if (k == 1) printf "  p%d = p%d;\n", x, y
      else if (k == 2) printf "  use (p%d);\n", x
      else if (k == 3) printf "  p%d = pick (p%d, &a%d);\n", x, y, z
      else if (k == 4) printf "  s%d.p = p%d; s%d.next = &s%d;\n", t, x, t, u
      else if (k == 5 && i % 45 == 5) printf "  if (c > %d) p%d = in; else p%d = s%d.p;\n", i % 100, x, y, t
      else if (k == 5) printf "  p%d = in; p%d = s%d.p;\n", x, y, t
      else if (k == 6) printf "  a%d += *p%d;\n", z, y
      else if (k == 7) printf "  keep (&s%d); use (p%d);\n", t, x
      else printf "  p%d = s%d.next->p; p%d = p%d;\n", x, t, y, x
    }
    print "  return c ? p0 : p15;"
    print "}"
  }'
}

# N functions in a chain that passes pointers down, with back edges that
# make large recursive cycles, plus a table of all of them.
gen_many_functions() {
  awk -v n="$1" 'BEGIN {
    print "/* generated by robustness.sh: " n " functions */"
    print "extern void sink (void *);"
    for (i = 0; i < n; i++) printf "int *f%d (int *, int);\n", i
    for (i = 0; i < n; i++) {
      printf "int *f%d (int *p, int d)\n{\n  int local = d;\n", i
      if (i % 17 == 0) printf "  sink (&local);\n"
      if (i + 1 < n) {
        if (i % 50 == 49) printf "  if (d > 0) return f%d (p, d - 1);\n", i - 40
        if (i % 3 == 0) printf "  return d ? f%d (p, d - 1) : &local;\n", i + 1
        else if (i % 3 == 1) printf "  return f%d (&local, d);\n", i + 1
        else printf "  return *p ? f%d (p, d) : p;\n", i + 1
      } else printf "  return p;\n"
      printf "}\n"
    }
    printf "int *(*const table[]) (int *, int) = {\n"
    for (i = 0; i < n; i++) printf "  f%d,\n", i
    printf "};\n"
  }'
}

# Deeply nested blocks, each with a local whose address flows inward, and
# a pointer with many levels of indirection.
gen_deep() {
  awk -v n="$1" 'BEGIN {
    print "/* generated by robustness.sh: nesting depth " n " */"
    print "extern void sink (void *);"
    print "int deep (int c)"
    print "{"
    print "  int v0 = c; int *q0 = &v0;"
    for (i = 1; i <= n; i++) {
      printf "%*s{ int v%d = v%d + %d; int *q%d = (c & %d) ? &v%d : q%d;\n", i, "", i, i - 1, i, i, i % 8 + 1, i, i - 1
      printf "%*sif (*q%d > %d) {\n", i, "", i, i * 3
    }
    printf "  sink (q%d);\n", n
    for (i = n; i >= 1; i--) printf "%*s} }\n", i, ""
    print "  return v0;"
    print "}"
    stars = ""
    for (i = 0; i < n; i++) stars = stars "*"
    print "int *" stars " ptr_chain;"
    print "int chase (void) { return " stars "*ptr_chain; }"
  }'
}

# ---------------------------------------------------------------- main
WORK=$(mktemp -d "${TMPDIR:-/tmp}/escape-robust.XXXXXX") || cannot_run "mktemp failed"
if [ -n "${ROBUST_KEEP:-}" ]; then say "keeping $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK/gen" "$WORK/obj" "$WORK/res"
export CC PLUGIN WORK TIMEOUT

sources=()
if [ $# -gt 0 ]; then
  sources=("$@")
else
  gen_huge_function "${ROBUST_HUGE_STATEMENTS:-12000}" > "$WORK/gen/huge-function.c"
  gen_many_functions 300 > "$WORK/gen/many-functions.c"
  gen_deep 120 > "$WORK/gen/deep-nesting.c"
  sources=("$here"/robust/*.c "$WORK"/gen/*.c)
fi
[ -f "${sources[0]}" ] || cannot_run "no test sources"

# One job per (file, -O level), biggest files first so that the long
# ones do not come last.
jobs=()
n=0
while IFS= read -r src; do
  case "$src" in
    "$WORK"/gen/*) name=gen/${src##*/} ;;
    "$here"/*) name=${src#"$here"/} ;;
    *) name=$src ;;
  esac
  for o in "${OLEVELS[@]}"; do
    n=$((n + 1))
    printf -v id '%04d' $n
    jobs+=("$id" "$src" "$name" "$o")
  done
done < <(ls -S "${sources[@]}")

njobs=${ROBUST_JOBS:-$(nproc 2>/dev/null || echo 2)}
say "$CC -fplugin=$PLUGIN: ${#sources[@]} files x ${#OLEVELS[@]} -O levels x ${#VARIANTS[@]} option sets, $njobs jobs"
printf '%s\0' "${jobs[@]}" | xargs -0 -n 4 -P "$njobs" bash "$0" --job

log=$OUT/robust.log
{ echo "robustness tests: $CC -fplugin=$PLUGIN"; echo; } > "$log"
for ((i = 1; i <= n; i++)); do
  printf -v id '%04d' $i
  [ -f "$WORK/res/$id.res" ] || continue
  while IFS=$'\t' read -r verdict test why; do
    if [ "$verdict" = PASS ]; then
      ok
      echo "PASS: $test" >> "$log"
    else
      fail=$((fail + 1))
      echo "FAIL: $test: $why" >> "$log"
      echo "  FAIL: $test: $why" >&2
    fi
  done < "$WORK/res/$id.res"
done
expected=$((n * ${#VARIANTS[@]}))
if [ $((pass + fail)) -ne $expected ]; then
  say "$((expected - pass - fail)) tests left no result"
  fail=$((expected - pass))
fi
if [ "$fail" -gt 0 ]; then
  { echo; echo "---- failure details"; cat "$WORK"/res/*.log 2>/dev/null; } >> "$log"
fi
say "$pass passed, $fail failed (details: $log)"
suite_end
