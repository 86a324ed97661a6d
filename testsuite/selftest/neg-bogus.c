/* A dg-bogus that matches fails (and takes the diagnostic).  */
/* EXPECT: FAIL: escape.dg/neg-bogus.c  (test for bogus messages, line 7) */
int *
f (void)
{
  int i = 0;
  return &i; /* { dg-bogus "returns address" } */
}
