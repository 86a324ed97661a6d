# suite.sh -- what the script suites (testsuite/*.sh) share: their
# environment, their counters and their one line of output.  Source it:
#
#   . "$(dirname "$0")/lib/suite.sh"
#   suite_init NAME [DEFAULT-OUT]
#   suite_need_cc; suite_need_plugin     # or "0 1" and exit
#   check "what is tested" 'SHELL TEST'   # one test: ok or bad
#   suite_end                             # prints "PASSED FAILED", exit 0
#
# The contract (testsuite/README.md): stdout is exactly one line "PASSED
# FAILED" and the exit status is 0 once it is printed; a suite that can not
# run prints "0 1"; failures and progress go to stderr as "NAME: ...".
#
# suite_init sets: here (testsuite/), root (the source tree), CC (gcc),
# PLUGIN (absolute; default: the tree's plugin/escape.so), OUT (default
# DEFAULT-OUT or /tmp; created and made absolute), pass=0 fail=0, and
# LC_ALL=LANG=C (ASCII quotes, English messages).

suite_init() {
  SUITE=$1
  here=$(cd "$(dirname "$0")" && pwd)
  root=$(cd "$here/.." && pwd)
  CC=${CC:-gcc}
  PLUGIN=${PLUGIN:-$root/plugin/escape.so}
  case "$PLUGIN" in
    /*) ;;
    *) PLUGIN=$(cd "$(dirname "$PLUGIN")" 2>/dev/null && pwd)/$(basename "$PLUGIN") ;;
  esac
  OUT=${OUT:-${2:-/tmp}}
  mkdir -p "$OUT" 2>/dev/null || cannot_run "cannot create OUT=$OUT"
  OUT=$(cd "$OUT" && pwd)
  export LC_ALL=C LANG=C
  pass=0 fail=0
}

say() { echo "$SUITE: $*" >&2; }
cannot_run() { say "$*"; echo "0 1"; exit 0; }

suite_need_cc() {
  command -v "$CC" >/dev/null || cannot_run "compiler CC=$CC not found"
}
suite_need_plugin() {
  [ -f "$PLUGIN" ] || cannot_run "plugin PLUGIN=$PLUGIN not found"
}

# suite_tmp: a temporary directory $tmp, removed on exit.
suite_tmp() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-$SUITE.XXXXXX") || cannot_run "mktemp failed"
  trap 'rm -rf "$tmp"' EXIT
}

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); say "FAIL: $*"; }
# check WHAT TEST: TEST (shell code, evaluated) is one test named WHAT.
check() { if eval "$2"; then ok; else bad "$1"; fi; }

suite_end() {
  echo "$pass $fail"
  exit 0
}
