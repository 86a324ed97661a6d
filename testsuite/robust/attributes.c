/* Function and variable attributes that change how pointers move:
   cleanup, alias, weak, ifunc, malloc, alloc_size, returns_nonnull,
   nonnull, access, constructor/destructor, always_inline/noinline/
   flatten/noipa, pure/const, sections.  */
#include <stdlib.h>

extern void sink (void *);

/* cleanup: the cleanup function receives a pointer to the local.  */
static void *cleanup_seen;

static void
release (char **p)
{
  cleanup_seen = p;		/* address of the local escapes */
  free (*p);
}

int
at_cleanup (int n)
{
  __attribute__ ((cleanup (release))) char *buf = malloc (n + 1);
  if (!buf)
    return -1;
  buf[0] = 1;
  if (n > 10)
    return buf[0];		/* cleanup runs on every exit */
  {
    __attribute__ ((cleanup (release))) char *inner = malloc (4);
    if (inner)
      inner[0] = 2;
  }
  return n;
}

/* alias and weak.  */
int real_impl (int *p) { return *p + 1; }
int alias_impl (int *p) __attribute__ ((alias ("real_impl")));
__attribute__ ((weak)) int weak_hook (int *p) { sink (p); return 0; }
extern int weak_undefined (int *) __attribute__ ((weak));

int
at_alias (void)
{
  int v = 1;
  int r = alias_impl (&v) + weak_hook (&v);
  if (weak_undefined)
    r += weak_undefined (&v);
  return r;
}

/* ifunc with a resolver.  */
static int *impl_a (int *p) { return p; }
static int *impl_b (int *p) { return p + 1; }
static int *(*resolve_pick (void)) (int *) { return impl_a ? impl_a : impl_b; }
int *picked (int *) __attribute__ ((ifunc ("resolve_pick")));

/* Allocation attributes.  */
__attribute__ ((malloc, alloc_size (1), returns_nonnull, warn_unused_result))
void *
my_alloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    abort ();
  return p;
}

__attribute__ ((nonnull (1), access (read_only, 1, 2)))
int
at_sum (const int *p, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__ ((access (write_only, 1)))
void
at_fill (int *out)
{
  *out = 3;
}

int
at_alloc_use (void)
{
  int *a = my_alloc (4 * sizeof (int));
  int local;
  at_fill (&local);
  a[0] = local;
  int r = at_sum (a, 1) + *picked (a);
  free (a);
  return r;
}

/* Inlining control: the same callee always inlined, never inlined, and
   with IPA disabled.  */
static inline __attribute__ ((always_inline)) int *
ai_id (int *p)
{
  return p;
}

static __attribute__ ((noinline)) int *
ni_id (int *p)
{
  return p;
}

static __attribute__ ((noipa)) int *
noipa_id (int *p)
{
  return p;
}

__attribute__ ((flatten)) int
at_inlining (void)
{
  int x = 1;
  return *ai_id (&x) + *ni_id (&x) + *noipa_id (&x);
}

/* pure and const functions taking pointers.  */
__attribute__ ((pure)) int
at_pure (const int *p)
{
  return *p;
}

__attribute__ ((const)) int
at_const (int x)
{
  return x * 2;
}

/* Constructors and destructors touching globals.  */
static int *ctor_ptr;
static int ctor_storage;

__attribute__ ((constructor)) static void
at_ctor (void)
{
  ctor_ptr = &ctor_storage;
}

__attribute__ ((destructor (200))) static void
at_dtor (void)
{
  ctor_ptr = 0;
}

/* Section, used, aligned, vector-of-pointers-sized objects.  */
__attribute__ ((section (".data.escape_test"), used))
static void *section_table[] = { &ctor_storage, (void *) at_ctor };

__attribute__ ((aligned (64))) static char aligned_buf[128];

void *
at_sections (int i)
{
  return i ? section_table[i & 1] : aligned_buf;
}

/* noreturn and a sentinel-checked variadic function.  */
__attribute__ ((noreturn)) void
at_die (void *p)
{
  sink (p);
  abort ();
}

__attribute__ ((sentinel)) void at_list (void *first, ...);

void
at_callers (int c)
{
  int x = 0;
  at_list (&x, &c, (void *) 0);
  if (c)
    at_die (&x);
}
