/* Harness self-test: one directive with several regular expressions for
   one line (dg-warnings, dg-messages), each one its own test.  */
/* { dg-options "-Wshadow -Wunused-variable" } */

int
unused (void)
{
  int a, b;	/* { dg-warnings { "unused variable 'a' \\[-Wunused-variable\\]$" "unused variable 'b'" } } */
  return 0;
}

int
shadow (int n)
{
  int x = n, y = n;	/* { dg-messages { "^shadowed declaration is here$" } } */
  {
    int x = 2 * n, y = 3 * n;
    /* { dg-warnings { "declaration of 'x' shadows" "declaration of 'y' shadows" } "from the next line" { target *-*-* } .-1 } */
    n += x + y;
  }
  return x + y + n;
}

/* Braces around one RE are a list of one element: here a list of one
   braced RE (a Tcl list element in braces keeps its backslashes).  */
int
one (int n)
{
  int z = n;	/* { dg-messages { {shadowed declaration is here$} } } */
  {
    int z = n;	/* { dg-warnings { {declaration of 'z' shadows a previous local \[-Wshadow\]$} } } */
    n += z;
  }
  return z + n;
}
