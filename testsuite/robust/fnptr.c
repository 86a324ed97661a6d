/* Function pointers: tables, callbacks with context pointers, returned
   function pointers, casts between function pointer types, qsort.  */
#include <stdlib.h>

extern void sink (void *);

typedef void *(*xform_t) (void *);

static void *id (void *p) { return p; }
static void *first_field (void *p) { return *(void **) p; }
static void *leak_it (void *p) { sink (p); return 0; }

static xform_t const table[] = { id, first_field, leak_it };

void *
fp_table (int i, void *arg)
{
  return table[i % 3] (arg);
}

/* A callback with a context pointer, called through a struct.  */
struct visitor { void (*visit) (void *ctx, int v); void *ctx; };

static void
count_visit (void *ctx, int v)
{
  *(int *) ctx += v;
}

int
fp_visit (const int *vals, int n)
{
  int total = 0;
  struct visitor vis = { count_visit, &total };
  for (int i = 0; i < n; i++)
    vis.visit (vis.ctx, vals[i]);
  return total;
}

/* Functions returning function pointers; pointer to pointer to function.  */
static int add1 (int x) { return x + 1; }
static int neg (int x) { return -x; }

int (*fp_choose (int which)) (int)
{
  return which ? add1 : neg;
}

int
fp_chain (int x)
{
  int (*(*chooser) (int)) (int) = fp_choose;
  int (**pp) (int);
  int (*f) (int) = chooser (x & 1);
  pp = &f;
  return (**pp) (x) + (*f) (x) + f (x);
}

/* qsort with a comparator; the array is local.  */
static int
cmp_int (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

int
fp_qsort (void)
{
  int v[5] = { 5, 3, 4, 1, 2 };
  qsort (v, 5, sizeof v[0], cmp_int);
  return v[0];
}

/* Casting between incompatible function pointer types and void *.  */
typedef int (*int_fn) (int);
typedef long (*long_fn) (long, long);

long
fp_casts (void)
{
  void *vp = (void *) add1;
  int_fn f = (int_fn) vp;
  long_fn g = (long_fn) (void (*) (void)) neg;
  (void) g;
  return f (1);
}

/* An array of function pointers on the stack, its address passed on.  */
extern void register_handlers (int_fn *, int);

void
fp_register (void)
{
  int_fn handlers[] = { add1, neg, 0 };
  register_handlers (handlers, 2);
}

/* Calling through a function pointer loaded from an escaped pointer.  */
int
fp_indirect_call (xform_t *slot, void *p)
{
  int local = 3;
  (*slot) (&local);
  return (*slot) (p) != 0;
}
