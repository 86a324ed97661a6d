/* -m: Go's parameter verdicts, at each pointer-holding parameter.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */

int *sink;
struct box { int *p; };

int *identity(int *p)		/* { dg-message "leaking param: p to result ~r0 level=0$" } */
{
  return p;
}

int *deref(int **pp)		/* { dg-message "leaking param: pp to result ~r0 level=1$" } */
{
  return *pp;
}

void to_global(int *q)		/* { dg-message "leaking param: q$" } */
{
  sink = q;
}

void content(int **r)		/* { dg-message "leaking param content: r$" } */
{
  sink = *r;
}

/* The ints read may be a pointer's bytes (issue 10): s's content reaches
   the result; s itself does not escape.  */
int reads(const int *s, int n)	/* { dg-message "leaking param: s to result ~r0 level=1$" } */
{
  int t = 0;
  for (int i = 0; i < n; i++)
    t += s[i];
  return t;
}

void store_through(int **out, int *v)	/* { dg-messages { "out does not escape$" "leaking param: v$" } } */
{
  *out = v;
}

int by_value(struct box b)	/* { dg-message "leaking param: b to result ~r0 level=1$" } */
{
  return *b.p;
}

int scalar(int x, double y)	/* no verdict: no pointers */
{
  return x + (int)y;
}

/* Calls use the callee's verdicts: identity returns its argument, so
   storing the result in a global moves x to the heap, using it does not. */
void caller(void)
{
  int x = 1, y = 2;		/* { dg-messages { "moved to heap: x$" "'x' declared here$" } } */
  sink = identity(&x);		/* { dg-warning "address of local variable 'x' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" } */
  int z = *identity(&y);
  (void)z;
}
