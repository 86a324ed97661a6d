/* Harness self-test: dg-do, dg-options and dg-additional-options.  */
/* { dg-do compile } */
/* { dg-options "-O2 -Wall" } */
/* { dg-additional-options "-Wextra" } */

int
f (int a)
{
  int unused;		/* { dg-warning "unused variable 'unused' \\\[-Wunused-variable\\\]" } */
  return a;
}

int
g (int b)		/* { dg-warning "unused parameter 'b'" } */
{
  return 0;
}
