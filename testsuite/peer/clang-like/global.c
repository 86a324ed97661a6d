/* A stack address left in a global when the frame dies. */
extern void work(void);
extern void use(int *);

int *g, *h;
struct holder { int *p; int n; } gs;

void to_global(void)
{
  int x = 0;
  work();
  g = &x;                         /* PEER-EXPECT: global */
}

/* Not a warning, by decision (docs/manual.md, "Lifetimes"): an unknown
   call after the store may restore the global before the return, as
   GCC's own suite expects for "evp = &x; sink (0);".  Neither an
   expectation nor PEER-SAFE: the code may well be wrong.  */
void to_global_then_call(void)
{
  int x = 0;
  g = &x;
  work();
}

void one_local_two_globals(void)
{
  int x = 0;
  work();
  g = &x;                         /* PEER-EXPECT: first global */
  h = &x;                         /* PEER-EXPECT: second global */
}

void to_global_field(void)
{
  int x = 0;
  gs.p = &x;                      /* PEER-EXPECT: field of a global */
  gs.n = 1;
}

void to_static_local(void)
{
  static int *keep;
  int x = 0;
  keep = &x;                      /* PEER-EXPECT: function-scope static */
  use(keep);
}

static void put(int **slot, int *v)
{
  *slot = v;
}

void through_helper(void)
{
  int x = 0;
  work();
  put(&g, &x);                    /* PEER-EXPECT: helper stores into g */
}

struct pair { int *p; int *q; };

void through_field(void)
{
  int i = 0;
  struct pair x;
  x.p = &i;
  x.q = 0;
  use(x.q);
  g = x.p;                        /* PEER-EXPECT: the very field written */
}

static void (*handler)(void *);
static void *handler_ctx;

static void reg(void (*f)(void *), void *ctx)
{
  handler = f;
  handler_ctx = ctx;
}

static void on_event(void *ctx) { use(ctx); }

void callback_context(void)
{
  int counter = 0;
  reg(on_event, &counter);        /* PEER-EXPECT: callback context kept */
}

/* Safe: */

void reset_before_return(void) /* PEER-SAFE */
{
  int x = 0;
  g = &x;
  work();
  g = 0;
}

struct frame { struct frame *prev; int v; };
struct frame *cur;

void save_restore(void) /* PEER-SAFE */
{
  struct frame f;
  struct frame *old = cur;
  f.prev = old;
  f.v = 1;
  cur = &f;
  work();
  cur = old;
}

static int spare_global;

void overwritten(void) /* PEER-SAFE */
{
  int x = 0;
  g = &x;
  use(g);
  g = &spare_global;
}

void global_address_in_global(void) /* PEER-SAFE */
{
  h = &spare_global;
  g = h;
}
