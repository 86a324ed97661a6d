/* escape fuzzer reproducer: class 4, the C library retains functions: a GNU C
   nested function passed to atexit (its trampoline lives in kf's frame and is
   called after the frame is gone).
   Check: PLUGIN=/abs/escape.so testsuite/fuzz/run.py --file testsuite/fuzz/found/4-nested-atexit.c
   Plugin -m says: "nested function 'nf8' does not escape" and nothing for x7
   (not "moved to heap").  True: atexit keeps the trampoline's address (the
   oracle's atexit records it), so nf8 and the x7 it captures escape
   (SOUNDNESS FAILURE for objects 8 and 7 at -O0 and -O2). */
#include "oracle.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
struct box { void *p; long n; };
union pun { void *p; uintptr_t i; char c[sizeof(void *)]; };
struct node { void *p; struct node *next; };
void *g0;
/*@BEGIN 1*/
void kf(void)
{
  OR_ENTER();
  long x7 = 1; OR_LOCAL(7, &x7, sizeof x7);
  void nf8(void) { x7++; } OR_NESTED(8, nf8, 7);
  atexit(nf8);
  OR_LEAVE();
}
/*@END 1*/
int main(void)
{
  OR_GLOBAL("g0", &g0, sizeof g0);
  kf(); /*@CALL 1*/
  return 0;
}
