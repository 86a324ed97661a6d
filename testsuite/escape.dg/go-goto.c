/* Port of Go's test/escape_goto.go: loops made with goto.
   Go's new(int) is malloc(sizeof(int)).  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

_Bool x;

void f1(void)
{
  int *p;
loop:
  if (x)
    goto loop;
  /* Go marks its own verdict here as imprecise: no "goto loop" follows.  */
  p = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "go-imprecise: no backward goto reaches this allocation, so it is not in a loop; Go treats everything after a label as looping (its test says BAD)" } */
  /* dropped-go-imprecise: "malloc(4) escapes to heap" (no backward goto reaches this allocation, so it is not in a loop; Go treats everything after a label as looping (its test says BAD)) */
  free(p);
}

void f2(void)
{
  int *p = 0;
  if (x)
    {
    loop:
      goto loop;
    }
  else
    p = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  free(p);
}

void f3(void)
{
  int *p;
  if (x)
    {
    loop:
      goto loop;
    }
  p = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  free(p);
}
