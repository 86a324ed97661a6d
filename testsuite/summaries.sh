#!/usr/bin/env bash
# summaries=DIR (issue 12): a two-pass build of a small multi-file project
# with make -j sees across files; parallel writers leave whole files; a
# summary whose writer's source or header changed, or whose prototype
# differs, or that two units define, is not used; objects are unchanged.
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/summaries.sh
# stdout: one line "PASSED FAILED"; failures are explained on stderr.
set -u
. "$(dirname "$0")/lib/suite.sh"
suite_init summaries
suite_need_cc
suite_need_plugin
suite_tmp
command -v make >/dev/null || cannot_run "make not found"

p=$tmp/proj
mkdir -p "$p"
cat > "$p/mem.h" <<'C'
#include <stddef.h>
void *xmalloc(size_t n);
void xfree(void *p);
int peek(const int *p);
C
cat > "$p/mem.c" <<'C'
#include <stdlib.h>
#include "mem.h"
extern void die(const char *) __attribute__((noreturn));
void *xmalloc(size_t n) { void *p = malloc(n); if (!p) die("oom"); return p; }
void xfree(void *p) { if (p) free(p); }
int peek(const int *p) { return *p; }
C
# eight users, each defining functions of its own: parallel writers
for i in 1 2 3 4 5 6 7 8; do
  cat > "$p/use$i.c" <<C
#include "mem.h"
int use$i(void)
{
  int *p = xmalloc(sizeof *p);
  *p = $i;
  int r = peek(p);
  xfree(p);
  return r;
}
int helper$i(int *q) { return peek(q); }
C
done
cat > "$p/Makefile" <<'M'
SRCS := $(wildcard *.c)
OBJS := $(SRCS:.c=.o)
all: $(OBJS)
%.o: %.c
	$(CC) -O2 $(ESCAPE) -c $< -o $@ 2> $@.log
clean:
	rm -f *.o *.log
M
ESCAPE="-fplugin=$PLUGIN -fplugin-arg-escape-m=2 -fplugin-arg-escape-wrappers -fplugin-arg-escape-summaries=$tmp/sum"
build() { make -s -C "$p" -j8 CC="$CC" ESCAPE="$ESCAPE" "$@" >/dev/null 2>&1; }

# use1 first, alone, while the directory is empty: in the parallel build
# mem.c's summary may be written before use1.c is read (a race the test
# must not depend on)
build clean; build use1.o; build all
check "first pass writes one unit file per unit" \
  '[ "$(ls "$tmp/sum"/*.esc | wc -l)" = 9 ]'
check "no temporary file is left" '[ -z "$(ls -A "$tmp/sum" | grep -v "\.esc$" | grep -vx index)" ]'
check "every unit file is whole" \
  'for f in "$tmp/sum"/*.esc; do [ "$(tail -n1 "$f")" = end ] || exit 1; done'
check "first pass: use1 cannot see xmalloc" '! grep -q "candidate" "$p/use1.o.log"'

build clean; build all
check "second pass: xmalloc is an allocator from mem.c's summary" \
  'grep -q "use1.c:4:.*xmalloc(4) does not escape: stack promotion candidate (freed on every path)$" "$p/use1.o.log"'
check "second pass: all eight users see it" \
  '[ "$(grep -l "xmalloc(4) does not escape: stack promotion candidate" "$p"/use*.o.log | wc -l)" = 8 ]'
check "-m=2 says the verdict rests on another file" \
  'grep -q "this verdict rests on the summary of .xmalloc. from another file" "$p/use1.o.log"'
# (peek returns the int it reads: under C's memory model those bytes may
# be a pointer, so q's content leaks to the result; without peek's
# summary q would leak to the heap)
check "peek's tags cross too" 'grep -q "use1.c:10:[0-9]*: note: leaking param: q to result ~r0 level=1$" "$p/use1.o.log"'

# objects unchanged by the plugin, summaries and all
mkdir -p "$tmp/plain"
for f in mem use1; do
  "$CC" -O2 -c "$p/$f.c" -o "$tmp/plain/$f.o"
  check "object $f.o unchanged" 'cmp -s "$tmp/plain/$f.o" "$p/$f.o"'
done

# stale: mem.c changes (xmalloc now keeps its result) but is not rebuilt
sleep 1
sed -i 's/void \*xmalloc(size_t n) { void \*p = malloc(n);/void *last; void *xmalloc(size_t n) { void *p = malloc(n); last = p;/' "$p/mem.c"
rm -f "$p/use1.o"; build use1.o
check "a changed source: its summaries are not used" \
  'grep -q "summary of .xmalloc. not used: .*mem.c changed since it was written" "$p/use1.o.log"'
check "a changed source: no candidate from it" '! grep -q "candidate" "$p/use1.o.log"'
# rebuilt: xmalloc keeps its result, so it is no allocator
rm -f "$p/mem.o" "$p/use1.o"; build mem.o; build use1.o
check "a wrapper that keeps its result is no allocator" \
  '! grep -q "xmalloc.*allocator wrapper" "$p/mem.o.log" && ! grep -q "xmalloc(4)" "$p/use1.o.log"'

# a header of the writer changed
sed -i 's/void \*last; void \*xmalloc(size_t n) { void \*p = malloc(n); last = p;/void *xmalloc(size_t n) { void *p = malloc(n);/' "$p/mem.c"
rm -f "$p/mem.o"; build mem.o
sleep 1; echo "/* edited */" >> "$p/mem.h"
rm -f "$p/use2.o"; build use2.o
check "a changed header: not used" 'grep -q "summary of .xmalloc. not used: .*mem.h changed since it was written" "$p/use2.o.log"'

# a prototype that differs from the writer's
rm -f "$p/mem.o"; build mem.o
cat > "$p/proto.c" <<'C'
void *xmalloc(int n, int m);
int f(void) { char *p = xmalloc(4, 4); return p[0]; }
C
"$CC" -O2 $ESCAPE -c "$p/proto.c" -o "$p/proto.o" 2> "$p/proto.log"
check "another prototype: not used" 'grep -q "summary of .xmalloc. not used: its declaration changed" "$p/proto.log"'

# two units defining one external name: neither is used
mkdir -p "$p/other"
cp "$p/mem.h" "$p/other/mem.h"
cat > "$p/other/mem.c" <<'C'
#include <stdlib.h>
#include "mem.h"
static void *keep;
void *xmalloc(size_t n) { keep = malloc(n); return keep; }
C
"$CC" -O2 $ESCAPE -c "$p/other/mem.c" -o "$p/other/mem.o" 2>/dev/null
rm -f "$p/use3.o"; build use3.o
check "two definitions: not used" 'grep -q "summary of .xmalloc. not used: two files define it" "$p/use3.o.log"'

# through another summary: via (via.c) calls peek (mem.c); mem.c changes
# and is rebuilt, via.c is not: via's summary is not used
cat > "$p/via.c" <<'C'
#include "mem.h"
int via(const int *p) { return peek(p); }
C
cat > "$p/callvia.c" <<'C'
int via(const int *p);
int f(void) { int x = 1; return via(&x); }
C
rm -f "$p/mem.o" "$p/via.o"; build mem.o; build via.o
"$CC" -O2 $ESCAPE -c "$p/callvia.c" -o "$p/callvia.o" 2> "$p/callvia.log"
check "a summary resting on another: read" 'grep -q "summary of .via. read" "$p/callvia.log"'
sleep 1
sed -i 's/^int peek(const int \*p) { return \*p; }/const int *seen; int peek(const int *p) { seen = p; return *p; }/' "$p/mem.c"
rm -f "$p/mem.o"; build mem.o
"$CC" -O2 $ESCAPE -c "$p/callvia.c" -o "$p/callvia.o" 2> "$p/callvia.log"
check "the summary it rests on changed: not used" \
  'grep -q "summary of .via. not used: it rests on the summary of .peek., which changed" "$p/callvia.log"'

# preprocessed by another process (-save-temps): the headers' times cannot
# vouch for what was read, so no summaries
mkdir -p "$tmp/pp"
"$CC" -O2 -save-temps=obj -fplugin="$PLUGIN" -fplugin-arg-escape-summaries="$tmp/ppsum" \
  -c "$p/mem.c" -o "$tmp/pp/mem.o" 2>/dev/null
check "-save-temps: no summaries written" '[ -z "$(ls "$tmp/ppsum" 2>/dev/null | grep "\.esc$")" ]'
"$CC" -O2 -fplugin="$PLUGIN" -fplugin-arg-escape-summaries="$tmp/ppsum" \
  -c "$p/mem.c" -o "$tmp/pp/mem.o" 2>/dev/null
check "the same unit compiled from source: written" '[ "$(ls "$tmp/ppsum" | grep -c "\.esc$")" = 1 ]'

suite_end
