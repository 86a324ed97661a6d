/* The warning is annotated, its note on another line is not.  */
/* EXPECT: FAIL: escape.dg/neg-missing-note.c (test for excess errors) */
/* { dg-options "-Wshadow" } */
int
f (int n)
{
  int x = n;
  {
    int x = 2; /* { dg-warning "shadows a previous local" } */
    n += x;
  }
  return x + n;
}
