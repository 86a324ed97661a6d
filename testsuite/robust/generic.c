/* _Generic, typeof, __auto_type, designated initialisers, anonymous
   structs and unions, arrays of arrays of pointers, restrict/volatile.  */

extern void sink (void *);

#define KIND(x) _Generic ((x), int *: 1, char *: 2, void *: 3, default: 0)

int
ge_generic (void)
{
  int i = 0;
  char c = 0;
  int *ip = &i;
  return KIND (ip) + KIND (&c) + KIND ((void *) ip) + KIND (1.0);
}

/* _Generic selecting a function and its pointer argument.  */
static int *pick_int (int *p) { return p; }
static char *pick_char (char *p) { return p; }
#define PICK(p) _Generic ((p), int *: pick_int, char *: pick_char) (p)

void *
ge_dispatch (int *a, char *b)
{
  return PICK (a) ? (void *) PICK (b) : 0;
}

/* typeof and __auto_type on pointers.  */
int
ge_typeof (int *p)
{
  __typeof__ (p) q = p;
  __typeof__ (*p) v = *q;
  __auto_type r = &v;
  __auto_type f = ge_typeof;
  (void) f;
  return *r;
}

/* Designated initialisers with pointers, nested and in arrays.  */
struct cfg { const char *name; int *value; struct { void *a, *b; } pair; int arr[3]; };

int
ge_designated (void)
{
  int v = 5;
  struct cfg c = { .value = &v, .pair.b = &c, .arr[2] = 7, .name = "n" };
  struct cfg table[] = { [3] = { .value = &v }, [1].pair.a = &table[0] };
  sink (&table[1]);
  return *c.value + c.arr[2] + *table[3].value;
}

/* Anonymous structs and unions (C11).  */
struct shape
{
  int kind;
  union
  {
    struct { int *w, *h; };
    struct { int *r; };
  };
};

int
ge_anonymous (void)
{
  int w = 2, h = 3;
  struct shape s = { .kind = 0, .w = &w, .h = &h };
  struct shape t = s;
  t.r = &h;
  return *s.w * *s.h + *t.r;
}

/* Arrays of arrays of pointers, pointers to arrays of pointers.  */
int
ge_arrays (void)
{
  int a = 1, b = 2;
  int *grid[2][3] = { { &a, &b, &a }, { &b, &a, &b } };
  int *(*row)[3] = &grid[1];
  int *(**pp)[3] = &row;
  return *(*row)[0] + *(**pp)[2];
}

/* restrict, volatile, const in every position.  */
void
ge_qualifiers (int *restrict dst, const int *restrict src, int n)
{
  volatile int *vp = dst;
  int *const cp = dst;
  const int *const *cpp = &src;
  for (int i = 0; i < n; i++)
    vp[i] = (*cpp)[i];
  cp[0]++;
}

/* Self-referential pointers: a local and a global pointing at
   themselves; globals pointing at each other.  */
void *self_global = &self_global;
struct ring { struct ring *next; } ring_a, ring_b = { &ring_a };
struct ring ring_a = { &ring_b };

int
ge_self (void)
{
  void *p = &p;
  struct ring r = { &r };
  sink (p);
  return r.next == &r;
}
