/* GNU C nested functions: capturing, address taken, returned, called
   directly, nested in nested, capturing VLAs, non-local goto, recursive.  */

extern void sink (void *);
extern void apply (int (*) (int), int);
typedef int (*fn_t) (int);
fn_t fn_global;

int
nf_direct (int a)
{
  int add (int x) { return x + a; }
  return add (1) + add (2);
}

/* Address taken: a trampoline on the stack; passed to another function.  */
int
nf_callback (int base)
{
  int total = 0;
  int acc (int x) { total += x + base; return total; }
  apply (acc, 3);
  return total;
}

/* Returned and stored in a global (the trampoline dangles: fine to
   compile).  */
fn_t
nf_returned (int k)
{
  int mul (int x) { return x * k; }
  fn_global = mul;
  return mul;
}

/* Nested in nested, each capturing the enclosing frames.  */
int
nf_deep (int a)
{
  int b = a * 2;
  int level1 (int x)
  {
    int c = x + b;
    int level2 (int y)
    {
      int level3 (int z) { return z + a + b + c; }
      return level3 (y) + c;
    }
    return level2 (x) + level2 (c);
  }
  return level1 (a);
}

/* A nested function capturing a VLA and a pointer to a local.  */
int
nf_vla (int n)
{
  int v[n];
  int *pv = v;
  void fill (int val) { for (int i = 0; i < n; i++) pv[i] = val + v[0] * 0; }
  v[0] = 0;
  fill (3);
  sink (v);
  return v[n - 1];
}

/* Non-local goto out of a nested function.  */
int
nf_nonlocal_goto (int *data, int n)
{
  __label__ found;
  int idx = -1;
  void search (int i)
  {
    if (i >= n)
      return;
    if (data[i] == 0)
      {
        idx = i;
        goto found;
      }
    search (i + 1);
  }
  search (0);
  return -1;
found:
  return idx;
}

/* A recursive nested function that returns the address of a captured
   local (a leak to the outer frame's caller through the result).  */
int *
nf_recursive (int depth)
{
  int cell = depth;
  int *walk (int d) { return d <= 0 ? &cell : walk (d - 1); }
  return walk (depth);
}

/* Nested functions in a table; a nested function taking a nested
   function.  */
int
nf_table (int x)
{
  int inc (int v) { return v + 1; }
  int dbl (int v) { return v * 2; }
  int twice (int (*f) (int), int v) { return f (f (v)); }
  int (*tab[]) (int) = { inc, dbl, inc };
  int r = 0;
  for (unsigned i = 0; i < sizeof tab / sizeof tab[0]; i++)
    r += twice (tab[i], x);
  return r;
}

/* A nested function whose own local escapes.  */
void
nf_inner_escape (void)
{
  void leak (void) { int z = 0; sink (&z); }
  leak ();
}

/* Declared with auto before use.  */
int
nf_forward (int a)
{
  auto int later (int);
  int first (int x) { return later (x) + 1; }
  int later (int x) { return x * a; }
  return first (2);
}
