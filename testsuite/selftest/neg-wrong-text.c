/* The directive's regexp does not match the warning: the directive fails
   and the warning is left over as an excess error.  */
/* EXPECT: FAIL: escape.dg/neg-wrong-text.c  (test for warnings, line 8) */
/* EXPECT: FAIL: escape.dg/neg-wrong-text.c (test for excess errors) */
int *
f (void)
{
  int i = 0; return &i; /* { dg-warning "returns address of a global" } */
}
