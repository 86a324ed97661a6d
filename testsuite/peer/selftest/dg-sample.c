/* Self-test of bench/peer.py: GCC's directives (canned diagnostics in dg-sample.plugin and dg-sample.gcc).
   { dg-options "-O2 -fdump-tree-optimized -Werror=return-local-addr" } */
int *g;
void sink (void *);

void f1 (void)
{
  int x;
  g = &x;   /* { dg-warning "storing the address of local variable" } */
}

void f2 (int c)
{
  int x;
  /* { dg-warning "dangling pointer" "" { xfail *-*-* } .+1 } */
  g = &x;
}

void f3 (void)
{ int y; g = &y;   /* { dg-warning "dangling" } */ }

void f4 (void)
{ int z; sink (&z); /* { dg-warning "dangling" "" { target c++ } } */ }

void f5 (void)
{ int w; sink (&w); /* { dg-warning "unrelated" } */ }

int *f6 (int i)
{
  int a[2] = { 0 }, *p = a;
  if (i)
    return p;  /* { dg-warning "may return address of local" "missing location" { xfail *-*-* } } */
  /* { dg-warning "may return address of local" "pr90735" { target *-*-* } 0 } */
  return 0;
}
