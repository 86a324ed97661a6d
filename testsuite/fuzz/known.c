/* The known-unsound shapes of issue 10, in the fuzzer's conventions
   (checked by run.py --file known.c, and by the make-check slice).
   Each parameter pN is probed from main with a fresh malloc(16). */
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
void *ka(void *p1) { OR_ENTER(); memmove(&g0, &p1, sizeof p1); OR_LEAVE(); return 0; }
/*@END 1*/
/*@BEGIN 2*/
void *kb(void *p2) { OR_ENTER(); memcpy(&g1, &p2, sizeof p2); OR_LEAVE(); return 0; }
/*@END 2*/
/*@BEGIN 3*/
void *kc(void *p3) { OR_ENTER(); union pun x; x.p = p3; gu.i = x.i; OR_LEAVE(); return 0; }
/*@END 3*/
/*@BEGIN 4*/
void *kd(void *p4) { OR_ENTER(); char buf[sizeof p4]; memcpy(buf, &p4, sizeof p4); memcpy(&g0, buf, sizeof p4); OR_LEAVE(); return 0; }
/*@END 4*/
/*@BEGIN 5*/
void *ke(void *p5) { OR_ENTER(); struct box b; b.p = p5; b.n = 0; memcpy(&gbox, &b, sizeof b); OR_LEAVE(); return 0; }
/*@END 5*/
/*@BEGIN 6*/
void kf(void)
{
  OR_ENTER();
  long x7 = 1; OR_LOCAL(7, &x7, sizeof x7);
  void nf8(void) { x7++; } OR_NESTED(8, nf8, 7);
  atexit(nf8);
  OR_LEAVE();
}
/*@END 6*/
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
  { void *pb1 = malloc(16); OR_PROBE(1, pb1); (void)ka(pb1); OR_PCHECK(); free(pb1); } /*@CALL 1*/ /*@P 1*/
  { void *pb2 = malloc(16); OR_PROBE(2, pb2); (void)kb(pb2); OR_PCHECK(); free(pb2); } /*@CALL 2*/ /*@P 2*/
  { void *pb3 = malloc(16); OR_PROBE(3, pb3); (void)kc(pb3); OR_PCHECK(); free(pb3); } /*@CALL 3*/ /*@P 3*/
  { void *pb4 = malloc(16); OR_PROBE(4, pb4); (void)kd(pb4); OR_PCHECK(); free(pb4); } /*@CALL 4*/ /*@P 4*/
  { void *pb5 = malloc(16); OR_PROBE(5, pb5); (void)ke(pb5); OR_PCHECK(); free(pb5); } /*@CALL 5*/ /*@P 5*/
  kf(); /*@CALL 6*/
  return 0;
}
