/* Line 0 does not take a diagnostic that has a source location.  */
/* EXPECT: FAIL: escape.dg/neg-line0.c  (test for warnings, line 0) */
/* EXPECT: FAIL: escape.dg/neg-line0.c (test for excess errors) */
int *
f (void)
{
  int i = 0; return &i; /* { dg-warning "returns address of local" "" { target *-*-* } 0 } */
}
