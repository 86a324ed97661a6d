/* Harness self-test: dg-message matches notes, also a note that belongs
   to a warning on a different line.  */
/* { dg-options "-Wshadow" } */

#pragma message "harness says hi" /* { dg-message "#pragma message: harness says hi" } */

int
shadow (int n)
{
  int x = n;		/* { dg-message "shadowed declaration is here" } */
  {
    int x = 2 * n;	/* { dg-warning "declaration of 'x' shadows a previous local" } */
    n += x;
  }
  return x + n;
}

/* A note placed from another line.  */
int
shadow2 (int n)
{
  int y = n;
  {
    int y = 3 * n;	/* { dg-warning "shadows a previous local \\\[-Wshadow\\\]" } */
    n -= y;
  }
  return y + n;
}
/* { dg-message "shadowed declaration" "note, absolute line" { target *-*-* } 22 } */
