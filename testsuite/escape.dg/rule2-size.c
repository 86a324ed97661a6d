/* Rule 2: an allocation larger than max-stack (64 KiB, Go's limit for
   implicit allocations) or of non-constant size cannot live on the
   stack; a small constant one that stays in its frame can.  Go 1.25's
   variable-size rule is off here (var-buffer=0): var-size.c has it.  */
/* { dg-options "-O2 -fplugin-arg-escape-m -fplugin-arg-escape-var-buffer=0" } */
#include <stdlib.h>

int small(void)
{
  int *p = malloc(16);	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  if (!p)
    return 0;
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}

int at_limit(void)
{
  char *p = malloc(65536);	/* { dg-message "malloc\\(65536\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  int r = p != 0;
  free(p);
  return r;
}

int over_limit(void)
{
  char *p = malloc(65537);	/* { dg-message "malloc\\(65537\\) escapes to heap$" } */
  int r = p != 0;
  free(p);
  return r;
}

int folded(void)
{
  int *p = malloc(100000 * sizeof(int));	/* { dg-message "malloc\\(400000\\) escapes to heap$" } */
  int r = p != 0;
  free(p);
  return r;
}

int product(void)
{
  long *a = calloc(10, sizeof(long));	/* { dg-message "calloc\\(10, 8\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  long *b = calloc(10000, sizeof(long));	/* { dg-message "calloc\\(10000, 8\\) escapes to heap$" } */
  int r = a && b;
  free(a);
  free(b);
  return r;
}

int nonconstant(size_t n)
{
  char *p = malloc(n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
  int r = p != 0;
  free(p);
  return r;
}

/* Small but returned: escapes by flow.  */
int *returned(void)
{
  return malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
}
