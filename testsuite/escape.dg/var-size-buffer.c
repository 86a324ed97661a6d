/* Issue 12: var-buffer=N sets the stack buffer of Go 1.25's rule.  */
/* { dg-options "-O2 -fplugin-arg-escape-var-buffer=64" } */
#include <stdlib.h>

int scratch(size_t n)
{
  char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: stack promotion candidate for a 64-byte stack buffer with heap fallback \\(freed on every path\\)$" } */
  if (!p)
    return -1;
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
