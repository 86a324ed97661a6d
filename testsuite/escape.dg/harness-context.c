/* Harness self-test: context lines are pruned: "In function 'put',",
   "    inlined from 'caller' at ...", "In function 'inner':", macro
   expansion notes.  Only the diagnostics themselves need directives.  */
/* { dg-options "-O2" } */

extern void danger (void) __attribute__ ((warning ("danger called")));

static inline __attribute__ ((always_inline)) void
put (void)
{
  danger ();		/* { dg-warning "call to 'danger' declared with attribute warning: danger called" } */
}

void
caller (void)
{
  put ();
}

int *
outer (void)
{
  int *inner (void) { int q = 0; return &q; } /* { dg-warning "returns address of local" } */
  return inner ();
}

#define RET_ADDR(v) return &(v)	/* { dg-warning "returns address of local" } */
int *
macro (void)
{
  int k = 0;
  RET_ADDR (k);
}
