/* The warning is at 9:10; a directive for line 10 must not take it,
   although ":10:" appears in "neg-column.c:9:10: warning: ...".  */
/* EXPECT: FAIL: escape.dg/neg-column.c  (test for warnings, line 10) */
/* EXPECT: FAIL: escape.dg/neg-column.c (test for excess errors) */
int *
f (void)
{
  int i = 0;
  return &i; /* { dg-warning "returns address" "" { target *-*-* } .+1 } */
}
