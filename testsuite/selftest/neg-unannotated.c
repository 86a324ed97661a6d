/* A warning without a directive is an excess error.  */
/* EXPECT: FAIL: escape.dg/neg-unannotated.c (test for excess errors) */
int *
f (void)
{
  int i = 0;
  return &i;
}
