/* Harness self-test: an xfail selector marks a known failure.  The summary
   counts XFAIL as passed and XPASS as failed.  */

int
plain (int a)
{
  return a; /* { dg-warning "no such warning" "known failure" { xfail *-*-* } } */
}
