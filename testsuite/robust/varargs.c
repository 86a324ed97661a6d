/* Variadic functions: va_list, va_arg of pointers, va_copy, va_list
   passed on, stored in structs and pointed to.  */
#include <stdarg.h>
#include <stdio.h>

extern void sink (void *);
void *va_global;

/* Returns one of its variadic pointer arguments: they leak to the
   result.  */
void *
va_pick (int n, ...)
{
  va_list ap;
  void *r = 0;
  va_start (ap, n);
  for (int i = 0; i <= n; i++)
    r = va_arg (ap, void *);
  va_end (ap);
  return r;
}

/* Stores a variadic pointer argument in a global.  */
void
va_store (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  while (*fmt)
    if (*fmt++ == 'p')
      va_global = va_arg (ap, int *);
    else
      (void) va_arg (ap, int);
  va_end (ap);
}

/* va_copy and two passes over the arguments.  */
long
va_two_passes (int n, ...)
{
  va_list ap, aq;
  long s = 0;
  va_start (ap, n);
  va_copy (aq, ap);
  for (int i = 0; i < n; i++)
    s += *va_arg (ap, long *);
  for (int i = 0; i < n; i++)
    s += (long) va_arg (aq, long *) != 0;
  va_end (aq);
  va_end (ap);
  return s;
}

/* A va_list handed to a v-function, and a pointer to a va_list.  */
static int
va_inner (va_list *app)
{
  char **pp = va_arg (*app, char **);
  return **pp;
}

int
va_outer (int n, ...)
{
  va_list ap;
  int r;
  va_start (ap, n);
  r = va_inner (&ap);
  va_end (ap);
  return r + n;
}

int
va_printf (char *buf, unsigned size, const char *fmt, ...)
{
  va_list ap;
  int r;
  va_start (ap, fmt);
  r = vsnprintf (buf, size, fmt, ap);
  va_end (ap);
  return r;
}

/* A va_list inside a struct.  */
struct va_box { va_list ap; int count; };

static void *
va_box_next (struct va_box *b)
{
  b->count++;
  return va_arg (b->ap, void *);
}

void *
va_boxed (int n, ...)
{
  struct va_box b;
  void *last = 0;
  b.count = 0;
  va_start (b.ap, n);
  while (n-- > 0)
    last = va_box_next (&b);
  va_end (b.ap);
  return last;
}

/* Callers passing addresses of locals, structs by value, doubles.  */
struct big { int *p; double d[4]; };

double
va_structs (int n, ...)
{
  va_list ap;
  double s = 0;
  va_start (ap, n);
  while (n-- > 0)
    {
      struct big b = va_arg (ap, struct big);
      s += b.d[0] + (b.p ? *b.p : 0);
    }
  va_end (ap);
  return s;
}

int
va_callers (void)
{
  int a = 1, b = 2;
  long l1 = 3, l2 = 4;
  char c = 'x';
  char *pc = &c;
  struct big bg = { &a, { 1.0, 2.0, 3.0, 4.0 } };
  char buf[32];
  int *r = va_pick (1, &a, &b);
  va_store ("pip", &a, 3, &b);
  va_printf (buf, sizeof buf, "%d %s %p", a, "s", (void *) &b);
  sink (buf);
  return *r + (int) va_two_passes (2, &l1, &l2) + va_outer (1, &pc)
         + (int) va_structs (1, bg) + (va_boxed (2, &a, &b) != 0);
}
