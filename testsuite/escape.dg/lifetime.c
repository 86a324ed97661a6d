/* C lifetimes at the moment of death (issue 11): a stored address is a
   warning when, on some path, it is still stored when its object dies;
   an address used after its block's scope ended is a warning too.  */
/* { dg-options "-O0 -Wno-pragmas" } (GCC 11 has no -Wdangling-pointer) */

extern void work(void);
extern void use(int *);
extern void *memchr(const void *, int, __SIZE_TYPE__);

int *g, *h;
struct frame { struct frame *prev; int v; };
struct frame *cur;
static int spare_global;

/* ---- stores: the three safe idioms, silent */

void reset_before_return(void)
{
  int x = 0;
  g = &x;
  work();
  g = 0;
}

void save_restore(void)
{
  struct frame f;
  struct frame *old = cur;
  f.prev = old;
  f.v = 1;
  cur = &f;
  work();
  cur = old;
}

extern int *lookup(int);

int *guarded_fallback(int k)
{
  int spare = 0;
  int *r = lookup(k);
  if (!r)
    r = &spare;
  use(r);
  if (r == &spare)
    r = 0;
  return r;
}

void overwritten_on_every_path(int c)
{
  int x = 0;
  g = &x;
  if (c)
    g = &spare_global;
  else
    g = 0;
}

/* Decision: an unknown call after the store may restore the global
   (GCC's own suite expects silence for "evp = &x; sink (0);").  */
void unknown_call_may_restore(void)
{
  int x = 0;
  g = &x;
  work();
}

/* A function of this unit that stores nothing restores nothing.  */
static int *ident(int *p) { return p; }

void known_call_restores_nothing(void)
{
  int x = 0;			/* { dg-message "'x' declared here$" } */
  g = &x;			/* { dg-warning "address of local variable 'x' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
  (void)ident(0);
}

/* Overwritten on one path only: still there on the other.  */
void overwritten_on_one_path(int c)
{
  int x = 0;			/* { dg-message "'x' declared here$" } */
  g = &x;			/* { dg-warning "address of local variable 'x' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
  if (c)
    g = 0;
}

/* Save/restore in a callee: its summary does not keep TOP in a global.  */
static int with_frame(struct frame *top)
{
  top->prev = cur;
  cur = top;
  work();
  cur = top->prev;
  return 0;
}

int callee_save_restore(void)
{
  struct frame f;
  return with_frame(&f);
}

/* ---- one warning per object and sink */

void one_local_two_globals(void)
{
  int x = 0;			/* { dg-message "'x' declared here$" } */
  g = &x;			/* { dg-warning "address of local variable 'x' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
  h = &x;			/* { dg-warning "address of local variable 'x' escapes: stored in global 'h' \\\[escape/dangling-address\\\]$" } */
}

/* ---- out-parameters */

void out_param(int **out)
{
  int x = 0;			/* { dg-message "'x' declared here$" } */
  *out = &x;			/* { dg-warning "address of local variable 'x' escapes: stored through parameter 'out' \\\[escape/dangling-address\\\]$" } */
}

void out_param_index(int **out, int i)
{
  int x = 0;			/* { dg-message "'x' declared here$" } */
  out[i] = &x;			/* { dg-warning "address of local variable 'x' escapes: stored through parameter 'out' \\\[escape/dangling-address\\\]$" } */
}

void out_reset(int **out)
{
  int x = 0;
  *out = &x;
  use(*out);
  *out = 0;
}

void out_maybe_aliased(int **out, int **other)
{
  int x = 0;
  *out = &x;
  *other = 0;			/* may be *out: a possible restore */
}

void out_static(int **out)
{
  static int s;
  *out = &s;
}

/* ---- where a callee stores */

static void put(int **slot, int *v)
{
  *slot = v;
}

void through_helper(void)
{
  int x = 0;			/* { dg-message "'x' declared here$" } */
  put(&g, &x);			/* { dg-warning "address of local variable 'x' escapes: stored in global 'g' by 'put' \\\[escape/dangling-address\\\]$" } */
}

void through_helper_reset(void)
{
  int x = 0;
  put(&g, &x);
  g = 0;
}

/* ---- fields where certain */

struct pair { int *p; int *q; };

void through_field(void)
{
  int i = 0;			/* { dg-message "'i' declared here$" } */
  struct pair x;
  x.p = &i;
  x.q = 0;
  use(x.q);
  g = x.p;			/* { dg-warning "address of local variable 'i' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
}

void other_field(void)
{
  int i = 0, j = 0;
  struct pair x;
  x.p = &i;
  x.q = &j;
  use(x.p);
  g = x.q;			/* field-insensitive: which of i, j is not certain */
}

/* ---- block scopes */

int after_block(void)
{
  int *q;
  {
    int v = 1;			/* { dg-message "'v' declared here$" } */
    q = &v;
  }
  return *q;			/* { dg-warning "address of local variable 'v' escapes: used after its scope ended \\\[escape/dangling-address\\\]$" } */
}

void after_if(int c)
{
  int *q = 0;
  int w = 0;
  if (c) {
    int v = 1;			/* { dg-message "'v' declared here$" } */
    q = &v;
    use(q);
  } else
    q = &w;
  use(q);			/* { dg-warning "address of local variable 'v' escapes: used after its scope ended \\\[escape/dangling-address\\\]$" } */
}

void after_block_memchr(char c)
{
  char *p;
  {
    char a[] = { c, 1, 2 };	/* { dg-message "'a' declared here$" } */
    p = memchr(a, 1, 3);
    if (!p)
      return;
  }
  use((int *)p);		/* { dg-warning "address of local variable 'a' escapes: used after its scope ended \\\[escape/dangling-address\\\]$" } */
}

void inside_block_only(void)
{
  int *q = 0;
  {
    int v = 1;
    q = &v;
    use(q);
  }
  q = 0;
  use(q);
}

void next_iteration_fresh(int n)
{
  for (int i = 0; i < n; i++) {
    int v = i;
    int *q = &v;
    use(q);
  }
}

/* #pragma GCC diagnostic ignored "-Wdangling-pointer" silencing the
   plugin's equivalent warning: testsuite/cli.sh (GCC 12 only: GCC 11 has
   no such option).  */

/* A loop local passed as "c ? &x : NULL" each iteration: the phi takes
   the address anew (or NULL) before each use, never a stale one.  */
extern int read_ref(const char *, int *);
extern void update(const char *, int *);

void cond_address_in_loop(const char **names, int n)
{
  for (int i = 0; i < n; i++) {
    int old;
    int has_old = !read_ref(names[i], &old);
    update(names[i], has_old ? &old : 0);
  }
}
