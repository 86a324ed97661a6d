/* escape fuzzer reproducer: class 1 for a local object (found by seed 4):
   the address of a local goes into a struct that is memcpy'd into a global.
   Check: PLUGIN=/abs/escape.so testsuite/fuzz/run.py --file testsuite/fuzz/found/1-struct-memcpy-local-object.c
   Plugin -m says nothing for s13 (no "moved to heap: s13": it stays in the
   frame).  True: gbox.p holds &s13.n when s3_0 returns (SOUNDNESS FAILURE
   at -O0 and -O2). */
#include "oracle.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
struct box { void *p; long n; };
union pun { void *p; uintptr_t i; char c[sizeof(void *)]; };
struct node { void *p; struct node *next; };
struct box gbox;
/*@BEGIN 3*/
void s3_0(void)
{
  OR_ENTER();
  struct box s13 = {0, 0}; OR_LOCAL(6, &s13, sizeof s13);
  void *v12 = &s13.n;
  struct box sb14; sb14.p = v12; sb14.n = 0;
  memcpy(&gbox, &sb14, sizeof sb14);
  OR_LEAVE();
}
/*@END 3*/
int main(void)
{
  OR_GLOBAL("gbox", &gbox, sizeof gbox);
  s3_0(); /*@CALL 3*/
  return 0;
}
