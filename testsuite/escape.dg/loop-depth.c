/* Go's loop depth: a variable declared in a loop body whose address is
   kept in a location declared outside the loop escapes (in C it dangles
   once the iteration ends).  Loops made with goto count too.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

int kept_outside(int n)
{
  int *keep = 0;
  for (int i = 0; i < n; i++) {
    int x = i;			/* { dg-messages { "moved to heap: x$" "'x' declared here$" } } */
    keep = &x;
  }
  return keep ? *keep : 0;	/* { dg-warning "address of local variable 'x' escapes: read after its loop iteration ended \\\[escape/dangling-address\\\]$" } */
}

int read_next_iteration(int n)
{
  int s = 0;
  int *prev = 0;
  for (int i = 0; i < n; i++) {
    int x = i;			/* { dg-messages { "moved to heap: x$" "'x' declared here$" } } */
    if (prev)
      s += *prev;		/* { dg-warning "address of local variable 'x' escapes: read after its loop iteration ended \\\[escape/dangling-address\\\]$" } */
    prev = &x;
  }
  return s;
}

int kept_but_not_read(int n)
{
  int *keep = 0;
  for (int i = 0; i < n; i++) {
    int x = i;			/* { dg-message "moved to heap: x$" } */
    keep = &x;
    *keep = 2;			/* same iteration: fine */
  }
  return keep != 0;
}

int used_inside(int n)
{
  int s = 0;
  for (int i = 0; i < n; i++) {
    int x = i;
    int *p = &x;
    s += *p;
  }
  return s;
}

int carried_to_next_iteration(int n)
{
  int s = 0;
  int *last = 0;
  for (int i = 0; i < n; i++) {
    int *p = malloc(16);	/* { dg-message "malloc\\(16\\) escapes to heap$" } */
    *p = i;
    s += *p;
    free(last);
    last = p;
  }
  free(last);
  return s;
}

int freed_each_iteration(int n)
{
  int s = 0;
  for (int i = 0; i < n; i++) {
    int *p = malloc(16);	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
    *p = i;
    s += *p;
    free(p);
  }
  return s;
}

int goto_loop(int n)
{
  int *keep = 0;
  int i = 0;
again:
  {
    int y = i;			/* { dg-messages { "moved to heap: y$" "'y' declared here$" } } */
    keep = &y;
  }
  if (++i < n)
    goto again;
  return *keep;			/* { dg-warning "address of local variable 'y' escapes: read after its loop iteration ended \\\[escape/dangling-address\\\]$" } */
}
