/* An xfail directive that matches is an XPASS.  */
/* EXPECT: XPASS: escape.dg/neg-xpass.c  (test for warnings, line 7) */
int *
f (void)
{
  int i = 0;
  return &i; /* { dg-warning "returns address" "" { xfail *-*-* } } */
}
