/* max-stack moves the bound; without -m only candidates are reported.  */
/* { dg-options "-O0 -fplugin-arg-escape-max-stack=100" } */
#include <stdlib.h>

int f(void)
{
  char *a = malloc(100);	/* { dg-message "malloc\\(100\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  char *b = malloc(101);	/* { dg-bogus "malloc\\(101\\)" } */
  int r = a && b;
  free(a);
  free(b);
  return r;
}
