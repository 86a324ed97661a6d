/* The directive points at the line after the warning.  */
/* EXPECT: FAIL: escape.dg/neg-wrong-line.c  (test for warnings, line 8) */
/* EXPECT: FAIL: escape.dg/neg-wrong-line.c (test for excess errors) */
int *
f (void)
{
  int i = 0; return &i;
  /* { dg-warning "returns address of local" } */
}
