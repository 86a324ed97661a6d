/* Port of Go's test/escape_closure.go: closures are GNU C nested
   functions.  A Go func literal called on the spot is a nested function
   called directly: its address is never taken, so C has no "func literal"
   verdict to print for it.  Go's defer has no C counterpart.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>
#include <string.h>

void *sink;
_Bool more(void);

void ClosureCallArgs0(void)
{
  int x = 0;
  void lit(int *p) { *p = 1; }	/* { dg-message "p does not escape$" "" } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  lit(&x);
}

void ClosureCallArgs1(void)
{
  int x = 0;
  for (;;)
    {
      void lit(int *p) { *p = 1; }	/* { dg-message "p does not escape$" "" } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
      lit(&x);
      if (!more()) break;
    }
}

void ClosureCallArgs2(void)
{
  for (;;)
    {
      int x = 0;
      void lit(int *p) { *p = 1; }	/* { dg-message "p does not escape$" "" } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
      lit(&x);
      if (!more()) break;
    }
}

void ClosureCallArgs3(void)
{
  int x = 0;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  void lit(int *p) { sink = p; }	/* { dg-message "leaking param: p$" "" } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  lit(&x);	/* { dg-warning "address of local variable 'x' escapes: stored in global 'sink' by 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void ClosureCallArgs4(void)
{
  int x = 0;
  int *lit(int *p) { return p; }	/* { dg-message "leaking param: p to result ~r0 level=0$" "" } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  (void) lit(&x);
}

void ClosureCallArgs5(void)
{
  int x = 0;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  int *lit(int *p) { return p; }	/* { dg-message "leaking param: p to result ~r0 level=0$" "c-differs: called directly, the nested function's address is never taken; Go's own TODO calls its plain leaking verdict weird, C has the precise one" } */
  /* dropped-c-differs: "leaking param: p" (called directly, the nested function's address is never taken; Go's own TODO calls its plain leaking verdict weird, C has the precise one) */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken; Go's own TODO calls its plain leaking verdict weird, C has the precise one) */
  sink = lit(&x);	/* { dg-warning "address of local variable 'x' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void ClosureCallArgs6(void)
{
  int x = 0;	/* { dg-message "moved to heap: x$" "" } */
  /* (no certain warning: the flow reads a field) */
  void lit(int *p) { sink = &p; }	/* { dg-message "moved to heap: p$" "" } */
  /* { dg-warning "address of local variable 'p' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" { target *-*-* } .-1 } */
  /* { dg-message "'p' declared here$" "c-only" { target *-*-* } .-2 } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  lit(&x);
}

void ClosureCallArgs7(void)
{
  int *pp = 0;
  for (;;)
    {
      int x = 0;	/* { dg-message "moved to heap: x$" "" } */
      void lit(int *p) { pp = p; }	/* { dg-message "leaking param: p$" "" } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
      lit(&x);
      if (!more()) break;
    }
  (void) pp;
}

/* ClosureCallArgs8 to 13: Go's defer has no C counterpart.  */
/* go-noc: "p does not escape" (defer) */
/* go-noc: "func literal does not escape" (defer) */
/* go-noc: "moved to heap: x" (defer in a loop) */
/* go-noc: "func literal escapes to heap" (defer in a loop) */
/* go-noc: "p does not escape" (defer in a loop) */
/* go-noc: "moved to heap: x" (defer in a loop) */
/* go-noc: "func literal escapes to heap" (defer in a loop) */
/* go-noc: "p does not escape" (defer in a loop) */
/* go-noc: "moved to heap: x" (defer) */
/* go-noc: "leaking param: p" (defer) */
/* go-noc: "func literal does not escape" (defer) */
/* go-noc: "leaking param: p to result ~r0" (defer) */
/* go-noc: "func literal does not escape" (defer) */
/* go-noc: "moved to heap: x" (defer) */
/* go-noc: "moved to heap: p" (defer) */
/* go-noc: "func literal does not escape" (defer) */

void ClosureCallArgs14(void)
{
  int x = 0;
  int *p = &x;
  int *lit(int **p) { return *p; }	/* { dg-message "leaking param: p to result ~r0 level=1$" "" } */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  (void) lit(&p);
}

void ClosureCallArgs15(void)
{
  int x = 0;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p = &x;
  int *lit(int **p) { return *p; }	/* { dg-message "leaking param: p to result ~r0 level=1$" "c-differs: called directly, the nested function's address is never taken; the C summary is the precise one (to result level=1)" } */
  /* dropped-c-differs: "leaking param content: p" (called directly, the nested function's address is never taken; the C summary is the precise one (to result level=1)) */
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken; the C summary is the precise one (to result level=1)) */
  sink = lit(&p);	/* { dg-warning "address of local variable 'x' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

/* Go's variadic ...string is an array of C strings; s + "YYYY" is a
   malloc'ed concatenation.  */
const char *ClosureLeak1a(const char **a);

const char *ClosureLeak1(const char *s)
  /* { dg-message "leaking param content: s$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "s does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  char *t = malloc(strlen(s) + 5);	/* { dg-message "malloc\\(\\.\\.\\.\\) escapes to heap$" "" } */
  strcpy(t, s);
  strcat(t, "YYYY");
  const char *args[1] = { t };
  /* dropped-c-differs: "... argument does not escape" (Go's variadic argument is this local array, which does not escape: C prints nothing for locals that stay) */
  return ClosureLeak1a(args);
}

const char *ClosureLeak1a(const char **a)	/* { dg-message "leaking param: a to result ~r0 level=1$" "" } */
{
  const char *lit(void) { return a[0]; }
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  return lit();
}

const char *ClosureLeak2a(const char **a);
const char *ClosureLeak2b(const char *(*f)(void));

const char *ClosureLeak2(const char *s)
  /* { dg-message "leaking param content: s$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "s does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  char *t = malloc(strlen(s) + 5);	/* { dg-message "malloc\\(\\.\\.\\.\\) escapes to heap$" "" } */
  strcpy(t, s);
  strcat(t, "YYYY");
  const char *args[1] = { t };
  /* dropped-c-differs: "... argument does not escape" (Go's variadic argument is this local array, which does not escape: C prints nothing for locals that stay) */
  const char *c = ClosureLeak2a(args);
  return c;
}

const char *ClosureLeak2a(const char **a)	/* { dg-message "leaking param content: a$" "" } */
{
  const char *lit(void) { return a[0]; }	/* { dg-message "nested function 'lit' does not escape$" "" } */
  return ClosureLeak2b(lit);
}

const char *ClosureLeak2b(const char *(*f)(void))	/* { dg-message "f does not escape$" "" } */
{
  return f();
}

void nopFunc(int *p)	/* { dg-message "p does not escape$" "" } */
{
}

void ClosureIndirect(void)
{
  void lit(int *p) {}	/* { dg-messages { "p does not escape$" "nested function 'lit' does not escape$" } "" } */
  void (*f)(int *) = lit;
  f(malloc(sizeof(int)));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */

  void (*g)(int *) = f;
  g(malloc(sizeof(int)));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */

  void (*h)(int *) = nopFunc;
  h(malloc(sizeof(int)));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
}
