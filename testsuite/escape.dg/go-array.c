/* Port of Go's test/escape_array.go: arrays.  Go's [2]*string value is a
   C struct holding an array (C cannot pass or return bare arrays); Go's
   new/make are malloc.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

typedef const char *string;
string *Ssink;

typedef struct { string *e[2]; } U;

U bar(string *a, string *b)	/* { dg-messages { "leaking param: a to result ~r0 level=0$" "leaking param: b to result ~r0 level=0$" } "" } */
{
  return (U) { { a, b } };
}

U foo(U x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  return (U) { { x.e[1], x.e[0] } };
}

U bff(string *a, string *b)	/* { dg-messages { "leaking param: a to result ~r0 level=0$" "leaking param: b to result ~r0 level=0$" } "" } */
{
  return foo(foo(bar(a, b)));
}

string *tbff1(void)
{
  string a = "cat";
  string b = "dog";	/* { dg-message "moved to heap: b$" "" } */
  U u = bff(&a, &b);
  (void) u.e[0];
  return &b;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

/* Go marks the escape of a as imprecise (u[0], u[1] not told apart).  */
string *tbff2(void)
{
  string a = "cat";	/* { dg-message "moved to heap: a$" "" } */
  string b = "dog";	/* { dg-message "moved to heap: b$" "" } */
  U u = bff(&a, &b);
  (void) u.e[0];
  return u.e[1];
}

string *car(U x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  return x.e[0];
}

string *fun(U x, string *y)	/* { dg-messages { "leaking param: x to result ~r0 level=0$" "leaking param: y to result ~r0 level=0$" } "" } */
{
  x.e[0] = y;
  return x.e[1];
}

string *fup(U *x, string *y)	/* { dg-messages { "leaking param: x to result ~r0 level=1$" "leaking param: y$" } "" } */
{
  x->e[0] = y;
  return x->e[1];
}

string *fum(U *x, string **y)	/* { dg-messages { "leaking param: x to result ~r0 level=1$" "leaking param content: y$" } "" } */
{
  x->e[0] = *y;
  return x->e[1];
}

string *fuo(U *x, U *y)	/* { dg-messages { "leaking param: x to result ~r0 level=1$" "leaking param content: y$" } "" } */
{
  x->e[0] = y->e[0];
  return x->e[1];
}

/* Small arrays stay on the stack, huge ones cannot (Go's 10 MB
   MaxStackVarSize; our max-var is 128 KiB).  */
void hugeLeaks1(string **x, string **y)	/* { dg-messages { "leaking param content: x$" "y does not escape$" } "" } */
{
  string *a[10] = { *y };
  (void) a;
  string *b[4000000] = { *x };	/* { dg-message "moved to heap: b$" "" } */
  (void) b;
}

void hugeLeaks2(string *x, string *y)	/* { dg-messages { "leaking param: x$" "y does not escape$" } "" } */
{
  string *a[10] = { y };
  (void) a;
  string *b[4000000] = { x };	/* { dg-message "moved to heap: b$" "" } */
  (void) b;
}

/* Go marks the leak of x as imprecise (a does not escape).  */
void doesNew1(string *x, string *y)	/* { dg-messages { "leaking param: x$" "leaking param: y$" } "" } */
{
  string **a = malloc(10 * sizeof(string *));	/* { dg-message "malloc\\(80\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  a[0] = x;
  string **b = malloc(65537 * sizeof(string *));	/* { dg-message "malloc\\(524296\\) escapes to heap$" "" } */
  b[0] = y;
}

struct a10 { string *s; int i[10]; };
struct a65537 { string *s; int i[65537]; };

void doesNew2(string *x, string *y)	/* { dg-messages { "leaking param: x$" "leaking param: y$" } "" } */
{
  struct a10 *a = malloc(sizeof(struct a10));	/* { dg-message "malloc\\(48\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  a->s = x;
  struct a65537 *b = malloc(sizeof(struct a65537));	/* { dg-message "malloc\\(262160\\) escapes to heap$" "" } */
  b->s = y;
}

void doesMakeSlice(string *x, string *y)	/* { dg-messages { "leaking param: x$" "leaking param: y$" } "" } */
{
  string **a = calloc(10, sizeof(string *));	/* { dg-message "calloc\\(10, 8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  a[0] = x;
  string **b = calloc(65537, sizeof(string *));	/* { dg-message "calloc\\(65537, 8\\) escapes to heap$" "" } */
  b[0] = y;
}

void nonconstArray(void)
{
  int n = 32;
  /* c-differs: Go's make([]int, n) is non-constant; GCC knows n == 32
     here, and a size GCC knows is constant (issue 4), so these are
     candidates.  A size only known at run time is in sized() below.  */
  int *s1 = calloc(n, sizeof(int));	/* { dg-message "calloc\\(32, 4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "c-differs" } */
  int *s2 = malloc(n * sizeof(int));	/* { dg-message "malloc\\(128\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "c-differs" } */
  (void) s1, (void) s2;
}

void sized(int n)
{
  int *s1 = calloc(n, sizeof(int));	/* { dg-message "calloc\\(n, 4\\) does not escape: stack promotion candidate for a 32-byte stack buffer with heap fallback \\(not freed in this function\\)$" "" } */
  int *s2 = malloc(n * sizeof(int));	/* { dg-message "malloc\\(\\.\\.\\.\\) does not escape: stack promotion candidate for a 32-byte stack buffer with heap fallback \\(not freed in this function\\)$" "" } */
  (void) s1, (void) s2;
}
