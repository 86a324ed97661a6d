/* escape fuzzer reproducer: class 1, mem* copies carry no pointer: through a local char buffer, memmove back into a pointer
   Check: PLUGIN=/abs/escape.so testsuite/fuzz/run.py --file testsuite/fuzz/found/t-charbuf2.c
   Plugin -m says: "p1 does not escape" (and main's malloc(16) is a stack promotion candidate).  True: the probe block passed as p1 is
   still reachable from a global when f1 returns (SOUNDNESS FAILURE at -O0 and -O2). */
#include "oracle.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
struct box { void *p; long n; };
union pun { void *p; uintptr_t i; char c[sizeof(void *)]; };
struct node { void *p; struct node *next; };
void *g0; void *g1; uintptr_t gi; struct box gbox; union pun gu; void *garr[4]; struct node *ghead; char gbuf[32];
/*@BEGIN 1*/
void *f1(void *p1)
{
  OR_ENTER();
  char buf[sizeof p1]; memcpy(buf, &p1, sizeof p1); void *t; memmove(&t, buf, sizeof t); g0 = t;
  OR_LEAVE();
  return 0;
}
/*@END 1*/
int main(void)
{
  OR_GLOBAL("g0", &g0, sizeof g0);
  OR_GLOBAL("g1", &g1, sizeof g1);
  OR_GLOBAL("gi", &gi, sizeof gi);
  OR_GLOBAL("gbox", &gbox, sizeof gbox);
  OR_GLOBAL("gu", &gu, sizeof gu);
  OR_GLOBAL("garr", &garr, sizeof garr);
  OR_GLOBAL("ghead", &ghead, sizeof ghead);
  OR_GLOBAL("gbuf", &gbuf, sizeof gbuf);
  { void *pb1 = malloc(16); OR_PROBE(1, pb1); (void)f1(pb1); OR_PCHECK(); free(pb1); } /*@CALL 1*/ /*@P 1*/
  return 0;
}
