#!/usr/bin/env bash
# Count the annotations of the Go escape tests ported to C
# (testsuite/escape.dg/go-*.c) against Go's own verdicts.
#
#   bench/go-tests-count.sh [GO_TEST_DIR]     (default /usr/share/go-1.19/test)
#
# Conventions in go-*.c (the second argument of a dg directive names it):
#   ""                    Go's verdict, reproduced exactly
#   "go-bug" + xfail      Go's verdict, missed because of a plugin bug
#   /* dropped-c-differs: "V" (why) */   Go's verdict V, not ours because
#                         C's semantics differ; what we print instead
#                         carries the name "c-differs: why"
#   /* dropped-go-imprecise: "V" (why) */ Go's verdict V, which Go's own
#                         test (or its flow-insensitivity) makes imprecise;
#                         we print the precise one ("go-imprecise: why")
#   /* go-noc: "V" (why) */  Go's verdict V on a construct C cannot express
#   "c-only"              C-only diagnostics: the certain-escape warning,
#                         its "declared here" note, GCC's own warning, and
#                         verdicts on C-only helpers of a translation
#   "bug-extra..."        what we print because of a plugin bug
# Go's verdicts are the quoted strings after "// ERROR" in the Go file;
# "not ported" is what remains of them.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
godir=${1:-/usr/share/go-1.19/test}

gofile() {
  local n=${1#go-}; n=${n%.c}
  case $n in escape*) echo "$godir/$n.go" ;; *) echo "$godir/escape_${n//-/_}.go" ;; esac
}
cnt() { grep -o -- "$1" "$2" | wc -l; }

printf '%-22s %5s %5s %5s %5s %5s %5s %6s | %5s %5s %5s %5s\n' \
  file go exact xfail cdiff imprec noc notport c-diff+ c-only bugext total
T=(0 0 0 0 0 0 0 0 0 0 0 0)
for f in "$here"/testsuite/escape.dg/go-*.c; do
  b=$(basename "$f")
  g=$(gofile "$b")
  if [ -f "$g" ]; then
    go=$(grep 'ERROR "' "$g" | sed 's/.*ERROR //' | grep -o '"\([^"\\]\|\\.\)*"' | wc -l)
  else
    go=0
  fi
  exact=$(cnt '{ dg-\(message\|warning\) "[^"]*" "" ' "$f")
  xfail=$(cnt 'xfail \*-\*-\*' "$f")
  cdiff=$(cnt 'dropped-c-differs:' "$f")
  imprec=$(cnt 'dropped-go-imprecise:' "$f")
  noc=$(grep 'go-noc:' "$f" | sed 's/.*go-noc: *//; s/" (.*/"/' | grep -o '"[^"]*"' | wc -l)
  notport=$((go - exact - xfail - cdiff - imprec - noc))
  [ "$notport" -lt 0 ] && notport=0
  cplus=$(cnt '"c-differs:' "$f")
  conly=$(cnt '"c-only' "$f")
  bugx=$(cnt '"bug-extra' "$f")
  total=$(cnt '{ dg-\(message\|warning\|bogus\) ' "$f")
  printf '%-22s %5d %5d %5d %5d %5d %5d %6d | %5d %5d %5d %5d\n' \
    "$b" "$go" "$exact" "$xfail" "$cdiff" "$imprec" "$noc" "$notport" "$cplus" "$conly" "$bugx" "$total"
  i=0
  for v in $go $exact $xfail $cdiff $imprec $noc $notport $cplus $conly $bugx $total; do
    T[$i]=$((T[$i] + v)); i=$((i + 1))
  done
done
printf '%-22s %5d %5d %5d %5d %5d %5d %6d | %5d %5d %5d %5d\n' total "${T[@]:0:11}"
echo "go: Go's verdicts; exact: reproduced; xfail: missed (plugin bug); cdiff: C differs;"
echo "imprec: Go's verdict imprecise, ours precise; noc: C cannot express; notport: not ported;"
echo "c-diff+: our verdicts where C differs; c-only: C-only diagnostics; bugext: printed by a bug;"
echo "total: dg annotations in the file."
