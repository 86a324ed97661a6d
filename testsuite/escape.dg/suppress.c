/* Silencing one site: #pragma escape ignore applies to the line after it
   (or its own line, in a macro with _Pragma).  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

int *g;

void silenced(void)
{
#pragma escape ignore
  int a = 0;			/* { dg-bogus "moved to heap" } */
#pragma escape ignore
  g = &a;			/* { dg-bogus "escapes" } */
}

void reported(void)
{
  int b = 0;			/* { dg-messages { "moved to heap: b$" "'b' declared here$" } } */
  g = &b;			/* { dg-warning "address of local variable 'b' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
}

int candidate(void)
{
#pragma escape ignore
  int *p = malloc(4);		/* { dg-bogus "candidate" } */
  int r = p != 0;
  free(p);
  return r;
}

#pragma escape ignore trailing	/* { dg-warning "junk at end of '#pragma escape ignore'$" } */
