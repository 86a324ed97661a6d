/* What a callee keeps in a global (its summary names the global) is no
   certain escape when the caller may store that global again on every
   path before it returns; a MIN/MAX of pointers is a copy of one of
   them.  */
/* { dg-options "-O2 -Wno-return-local-addr" } */

void *g1;
static void keep(void *q) { g1 = q; }
void *pick(void *p) { keep(p); return 0; }

void overwritten_atomically(void)
{
  int s = 0;
  void *r = pick(&s);
  __atomic_store_n(&g1, r, __ATOMIC_SEQ_CST);	/* g1 = 0 before s dies */
}

void overwritten(void)
{
  int s = 0;
  pick(&s);
  g1 = 0;
}

void left(void)
{
  int s = 0;		/* { dg-message "'s' declared here$" } */
  pick(&s);		/* { dg-warning "address of local variable 's' escapes: stored in global 'g1' by 'pick' \\\[escape/dangling-address\\\]$" } */
}

char *sink(char *);

void *larger(void)
{
  char c;		/* { dg-message "'c' declared here$" } */
  char *p = sink(&c);
  void *q = p > &c ? p : &c;
  return q;		/* { dg-warning "address of local variable 'c' escapes: returned from 'larger' \\\[escape/dangling-address\\\]$" } */
}
