/* Every way of returning the address of a local (GCC warns about some;
   only crashes and code changes matter here).  */
#include <stddef.h>

struct s { int a; int arr[4]; struct { int x; } in; };

int *
rl_direct (void)
{
  int x = 0;
  return &x;
}

int *
rl_ternary (int c)
{
  int a = 1, b = 2;
  return c ? &a : &b;
}

int *
rl_through_var (void)
{
  int x = 0;
  int *p = &x;
  int *q = p;
  return q;
}

char *
rl_array (void)
{
  char buf[16] = "abc";
  return buf;
}

int *
rl_element (int i)
{
  int arr[8] = { 0 };
  return &arr[i & 7];
}

int *
rl_member (void)
{
  struct s v = { 0 };
  return &v.in.x;
}

int *
rl_member_array (void)
{
  struct s v = { 0 };
  return v.arr + 2;
}

void *
rl_cast (void)
{
  long l = 0;
  return (void *) (char *) &l;
}

/* A parameter's address.  */
int *
rl_param (int p)
{
  return &p;
}

/* Through a compound literal and a statement expression.  */
int *
rl_compound (void)
{
  return (int[]) { 1, 2 };
}

int *
rl_stmt_expr (void)
{
  return ({ int t = 3; &t; });
}

/* Through pointer arithmetic that happens to come back.  */
int *
rl_arith (void)
{
  int arr[4] = { 0 };
  int *p = arr + 3;
  return p - 3;
}

/* Through an integer.  */
int *
rl_integer (void)
{
  int x = 0;
  return (int *) (__UINTPTR_TYPE__) &x;
}

/* Through a pointer to pointer written in a callee.  */
static void
rl_set (int **out, int *v)
{
  *out = v;
}

int *
rl_out_param (void)
{
  int x = 0;
  int *r;
  rl_set (&r, &x);
  return r;
}

/* In a struct returned by value.  */
struct ptr { int *p; };

struct ptr
rl_struct (void)
{
  int x = 0;
  struct ptr r = { &x };
  return r;
}

/* Address of a static local and of a global: these are fine.  */
int global;

int *
rl_static (int c)
{
  static int st;
  return c ? &st : &global;
}

/* A pointer to a local held in a static variable, returned later.  */
int *
rl_static_hold (int set)
{
  static int *held;
  int x = 0;
  if (set)
    held = &x;
  return held;
}

/* VLA element, alloca, and a loop that returns one of many locals.  */
int *
rl_vla (int n)
{
  int v[n];
  return &v[n - 1];
}

int *
rl_loop (int n)
{
  int a[3] = { 0 };
  int *best = NULL;
  for (int i = 0; i < n; i++)
    if (!best || a[i % 3] > *best)
      best = &a[i % 3];
  return best;
}
