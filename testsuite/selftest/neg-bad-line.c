/* A malformed line argument is an ERROR.  */
/* EXPECT: ERROR: escape.dg/neg-bad-line.c: bad line "+1" */
int *
f (void)
{
  int i = 0;
  return &i; /* { dg-warning "returns address" "" { target *-*-* } +1 } */
}
