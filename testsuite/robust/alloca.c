/* __builtin_alloca and alloca: in loops, with alignment, stored, passed,
   returned.  */
#include <alloca.h>
#include <string.h>

extern void sink (void *);
void *alloca_global;

int
al_basic (int n)
{
  char *p = alloca (n + 1);
  memset (p, 0, n + 1);
  return p[n];
}

/* alloca in a loop: the stack grows every iteration.  */
int
al_loop (int n)
{
  int *last = 0;
  int s = 0;
  for (int i = 0; i < n; i++)
    {
      int *p = __builtin_alloca (sizeof (int) * (i + 1));
      p[i] = i;
      if (last)
        s += last[0];
      last = p;
    }
  return s;
}

/* Aligned and maximum-bounded variants.  */
void *
al_aligned (unsigned n)
{
  void *p = __builtin_alloca_with_align (n, 256);
  void *q = __builtin_alloca_with_align_and_max (n, 64, 1024);
  sink (p);
  sink (q);
  return 0;
}

/* alloca memory stored in a struct and in a global.  */
struct holder { char *buf; unsigned len; };

unsigned
al_struct (unsigned n)
{
  struct holder h;
  h.buf = alloca (n);
  h.len = n;
  memset (h.buf, 'a', n);
  alloca_global = h.buf;
  return h.len;
}

/* Returning alloca memory (a warning; must still compile).  */
void *
al_return (unsigned n)
{
  void *p = alloca (n);
  return p;
}

/* alloca with a constant size, zero size, and inside a conditional.  */
int
al_const (int c)
{
  char *a = alloca (16);
  char *z = alloca (0);
  char *b = c ? alloca (32) : a;
  a[0] = 1;
  b[0] = 2;
  sink (z);
  return a[0] + b[0];
}

/* alloca in a statement expression and as a function argument.  */
int
al_expr (unsigned n)
{
  int r = ({ char *t = alloca (n); t[0] = 5; t[0]; });
  sink (alloca (n));
  return r;
}

/* alloca plus a VLA in the same function.  */
int
al_mixed (int n)
{
  int v[n];
  int *a = alloca (n * sizeof (int));
  for (int i = 0; i < n; i++)
    v[i] = a[i] = i;
  return v[n - 1] + a[n - 1];
}
