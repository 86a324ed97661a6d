/* Returning the address of stack memory (core.StackAddressEscape). */
#include <string.h>
#include <stdlib.h>
extern void use(int *);

int *ret_local(void)
{
  int x = 1;
  return &x;                      /* PEER-EXPECT: returned local */
}

int *ret_array(void)
{
  int a[4] = { 0 };
  use(a);
  return a;                       /* PEER-EXPECT: array decays to its address */
}

int *ret_compound_literal(void)
{
  return (int[]){ 1, 2, 3 };      /* PEER-EXPECT: compound literal */
}

void *ret_alloca(unsigned n)
{
  char *p = __builtin_alloca(n);
  memset(p, 0, n);
  return p;                       /* PEER-EXPECT: alloca'd */
}

struct box { int *p; int n; };

struct box ret_in_struct(void)
{
  int x = 2;
  struct box b;
  b.p = &x;
  b.n = 1;
  return b;                       /* PEER-EXPECT: in a struct returned by value */
}

int *ret_either(int c)
{
  int x = 1, y = 2;
  use(&x);
  use(&y);
  return c ? &x : &y;             /* PEER-EXPECT: either local */
}

int *ret_param_addr(int v)
{
  return &v;                      /* PEER-EXPECT: a parameter lives in the frame */
}

char *ret_stpncpy(const char *s)
{
  char buf[16];
  return stpncpy(buf, s, sizeof buf);  /* PEER-EXPECT: stpncpy returns into buf */
}

int *g1, *g2;

void two_compound_literals(void)
{
  g1 = (int[]){ 1 };              /* PEER-EXPECT: first compound literal */
  g2 = (int[]){ 2 };              /* PEER-EXPECT: second one, same type */
}

/* Safe: */

int *ret_static(void) /* PEER-SAFE */
{
  static int counter;
  return &counter;
}

int *ret_heap(void) /* PEER-SAFE */
{
  int *p = malloc(sizeof *p);
  if (p)
    *p = 0;
  return p;
}

int *ret_param_ptr(int *p, int i) /* PEER-SAFE */
{
  int *q = p + i;
  return q;
}

const char *ret_string_literal(int c) /* PEER-SAFE */
{
  const char *s = c ? "yes" : "no";
  return s;
}
