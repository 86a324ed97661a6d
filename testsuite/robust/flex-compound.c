/* Flexible array members, zero-length arrays, compound literals at file
   and block scope, statement expressions.  */
#include <stdlib.h>
#include <string.h>

extern void sink (void *);

struct str { unsigned len; char data[]; };
struct vec { unsigned n; int *items[]; };
struct old { int n; char tail[0]; };	/* GNU zero-length array */

struct str *
fc_make_str (const char *s)
{
  unsigned n = strlen (s);
  struct str *r = malloc (sizeof *r + n + 1);
  if (!r)
    return 0;
  r->len = n;
  memcpy (r->data, s, n + 1);
  return r;
}

/* A flexible array of pointers to the caller's locals.  */
int
fc_vec (void)
{
  int a = 1, b = 2;
  struct vec *v = malloc (sizeof *v + 2 * sizeof (int *));
  if (!v)
    return 0;
  v->n = 2;
  v->items[0] = &a;
  v->items[1] = &b;
  sink (v);
  int r = *v->items[1];
  free (v);
  return r;
}

/* Statically initialised flexible array member (GNU) and zero-length
   arrays.  */
static struct str hello = { 5, "hello" };

char *
fc_static_flex (void)
{
  return hello.data;
}

int
fc_zero_length (struct old *o)
{
  char *t = o->tail;
  return o->n ? t[o->n - 1] : 0;
}

/* File-scope compound literals have static storage.  */
int *file_scope_cl = (int[]) { 1, 2, 3 };
struct str *file_scope_str = &(struct str) { 0 };

/* Block-scope compound literals are automatic; their addresses escape
   here.  */
void *cl_global;

int
fc_compound (int x)
{
  int *p = (int[]) { x, x + 1, x + 2 };
  struct { int *q; } *s = &(struct { int *q; }) { p };
  cl_global = &(int) { x };
  sink ((char[16]) { "abc" });
  return *s->q + p[2];
}

/* Compound literal inside a loop: a fresh object each iteration.  */
int
fc_compound_loop (int n)
{
  int *keep[4] = { 0 };
  for (int i = 0; i < n && i < 4; i++)
    keep[i] = (int[1]) { i };
  return keep[0] ? *keep[0] : -1;
}

/* Statement expressions: values, pointers, nested, with locals.  */
#define MAX(a, b) ({ __typeof__ (a) _a = (a); __typeof__ (b) _b = (b); _a > _b ? _a : _b; })

int
fc_stmt_expr (int *p, int n)
{
  int m = MAX (p[0], n);
  int *q = ({ int *t = p; t + 1; });
  int *r = ({ static int s; &s; });
  int *bad = ({ int local = 3; &local; });	/* dangling */
  int deep = ({ int a = ({ int b = m; b * 2; }); a + 1; });
  sink (bad);
  return m + *q + *r + deep;
}

/* A statement expression that ends with a struct.  */
struct pair { int *a; int *b; };

int
fc_stmt_struct (int *x)
{
  struct pair pr = ({ struct pair t = { x, x + 1 }; t; });
  return *pr.a + *pr.b;
}

/* Arrays of structs with flexible members are not allowed, but pointers
   to them in arrays are.  */
unsigned
fc_array_of_flex (struct str **arr, int n)
{
  unsigned total = 0;
  for (int i = 0; i < n; i++)
    total += arr[i]->len + (unsigned char) arr[i]->data[0];
  return total;
}
