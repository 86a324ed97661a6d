/* Port of Go's test/escape5.go.  Go's multiple results are one C struct
   result (~r0); Go's named results are C locals.  Unnamed parameters
   need C2x.  */
/* { dg-options "-O0 -std=gnu2x -fplugin-arg-escape-m" } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct two { int *a, *b; };

int noleak(int *p)
  /* { dg-message "leaking param: p to result ~r0 level=1$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "p does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  return *p;
}

int *leaktoret(int *p)	/* { dg-message "leaking param: p to result ~r0 level=0$" "" } */
{
  return p;
}

struct two leaktoret2(int *p)	/* { dg-message "leaking param: p to result ~r0 level=0$" "" } */
  /* dropped-c-differs: "leaking param: p to result ~r1" (one C struct result ~r0 holds both Go results) */
{
  return (struct two) { p, p };
}

struct two leaktoret22(int *p, int *q)	/* { dg-message "leaking param: p to result ~r0 level=0$" "" } */
  /* { dg-message "leaking param: q to result ~r0 level=0$" "c-differs: one C struct result ~r0 holds both Go results" { target *-*-* } .-1 } */
  /* dropped-c-differs: "leaking param: q to result ~r1" (one C struct result ~r0 holds both Go results) */
{
  return (struct two) { p, q };
}

struct two leaktoret22b(int *p, int *q)	/* { dg-message "leaking param: q to result ~r0 level=0$" "" } */
  /* { dg-message "leaking param: p to result ~r0 level=0$" "c-differs: one C struct result ~r0 holds both Go results" { target *-*-* } .-1 } */
  /* dropped-c-differs: "leaking param: p to result ~r1" (one C struct result ~r0 holds both Go results) */
{
  return leaktoret22(q, p);
}

struct two leaktoret22c(int *p, int *q)	/* { dg-message "leaking param: q to result ~r0 level=0$" "" } */
  /* { dg-message "leaking param: p to result ~r0 level=0$" "c-differs: one C struct result ~r0 holds both Go results" { target *-*-* } .-1 } */
  /* dropped-c-differs: "leaking param: p to result ~r1" (one C struct result ~r0 holds both Go results) */
{
  struct two rs = leaktoret22(q, p);
  return (struct two) { rs.a, rs.b };
}

/* leaktoret22d/e/f: Go's named results r, s are a struct in C.  */
struct two leaktoret22d(int *p, int *q)	/* { dg-messages { "leaking param: p to result ~r0 level=0$" "leaking param: q to result ~r0 level=0$" } "c-differs: Go's named results r, s are one C struct result ~r0" } */
  /* dropped-c-differs: "leaking param: p to result s" (Go's named results r, s are one C struct result ~r0) */
  /* dropped-c-differs: "leaking param: q to result r" (Go's named results r, s are one C struct result ~r0) */
{
  struct two r = leaktoret22(q, p);
  return r;
}

struct two leaktoret22e(int *p, int *q)	/* { dg-messages { "leaking param: p to result ~r0 level=0$" "leaking param: q to result ~r0 level=0$" } "c-differs: Go's named results r, s are one C struct result ~r0" } */
  /* dropped-c-differs: "leaking param: p to result s" (Go's named results r, s are one C struct result ~r0) */
  /* dropped-c-differs: "leaking param: q to result r" (Go's named results r, s are one C struct result ~r0) */
{
  struct two r;
  r = leaktoret22(q, p);
  return (struct two) { r.a, r.b };
}

struct two leaktoret22f(int *p, int *q)	/* { dg-messages { "leaking param: p to result ~r0 level=0$" "leaking param: q to result ~r0 level=0$" } "c-differs: Go's named results r, s are one C struct result ~r0" } */
  /* dropped-c-differs: "leaking param: p to result s" (Go's named results r, s are one C struct result ~r0) */
  /* dropped-c-differs: "leaking param: q to result r" (Go's named results r, s are one C struct result ~r0) */
{
  struct two rr = leaktoret22(q, p);
  struct two r;
  r.a = rr.a;
  r.b = rr.b;
  return r;
}

int *gp;

int *leaktosink(int *p)	/* { dg-message "leaking param: p$" "" } */
{
  gp = p;
  return p;
}

void f1(void)
{
  int x;
  int p = noleak(&x);
  (void) p;
}

void f2(void)
{
  int x;
  int *p = leaktoret(&x);
  (void) p;
}

void f3(void)
{
  int x;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p = leaktoret(&x);
  gp = p;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'gp' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void f4(void)
{
  int x;	/* { dg-message "moved to heap: x$" "" } */
  struct two pq = leaktoret2(&x);
  gp = pq.a;
  gp = pq.b;
}

void f5(void)
{
  int x;
  struct two t = leaktoret2(&x);
  leaktoret22(t.a, t.b);
}

void f6(void)
{
  int x;	/* { dg-message "moved to heap: x$" "" } */
  struct two t = leaktoret2(&x);
  struct two px = leaktoret22(t.a, t.b);
  gp = px.a;
  (void) px.b;
}

struct T { int x; };
struct Tb { struct T *t; _Bool b; };

struct Tb Foo(struct T *t, int u)	/* { dg-message "leaking param: t to result ~r0 level=0$" "" } */
{
  t->x += u;
  return (struct Tb) { t, 1 };
}

struct T *f7(void)
{
  struct T *r = Foo(malloc(sizeof(struct T)), 42).t;	/* { dg-message "malloc\\(4\\) escapes to heap$" "" } */
  return r;
}

struct two leakrecursive2(int *p, int *q);

struct two leakrecursive1(int *p, int *q)	/* { dg-messages { "leaking param: p$" "leaking param: q$" } "" } */
{
  return leakrecursive2(q, p);
}

struct two leakrecursive2(int *p, int *q)	/* { dg-messages { "leaking param: p$" "leaking param: q$" } "" } */
{
  if (*p > *q)
    return leakrecursive1(q, p);
  return (struct two) { p, q };
}

void *global;

struct T1 { int *X; };
struct T2 { struct T1 *Y; };

struct T2 f8(struct T1 *p)	/* { dg-message "leaking param: p$" "" } */
{
  struct T2 k;
  if (p == 0)
    {
      k = (struct T2) { 0 };
      return k;
    }
  global = p;
  return (struct T2) { p };
}

void f9(void)
{
  struct T1 j;	/* { dg-message "moved to heap: j$" "" } */
  /* { dg-message "'j' declared here$" "c-only" { target *-*-* } .-1 } */
  f8(&j);	/* { dg-warning "address of local variable 'j' escapes: stored in global 'global' by 'f8' \\\[escape/dangling-address\\\]$" "c-only" } */
}

char cs;
void f10(void)
{
  char x[1 << 30];	/* { dg-message "moved to heap: x$" "" } */
  char *y = malloc(1 << 30);	/* { dg-message "malloc\\(1073741824\\) escapes to heap$" "" } */
  cs = x[0] + y[0];
  free(y);
}

/* Issue 19687: unnamed parameters.  */
void f11(int **) {}
void f12(int **) {}
void f13(void)
{
  int *x;
  f11(&x);
  f12(&x);
  /* runtime.KeepAlive has no C counterpart.  */
}

/* Issue 24305: unnamed receivers.  */
typedef int U;
void M(U *) {}
void N(U *) {}
void fbad24305a(void)
{
  U u;
  M(&u);
  N(&u);
}

/* Issue 24730: taking an address in a loop.  */
struct T24730 { unsigned char x[64]; };

void g24730(struct T24730 *t)	/* { dg-message "t does not escape$" "" } */
{
  unsigned char *y = t->x;
  for (int i = 0; i < 64; i++)
    {
      y = t->x;
      y[i] = 1;
    }
  unsigned char *z;
  for (int i = 0; i < 64; i++)
    {
      z = &t->x[i];
      *z = 2;
    }
}

/* Issue 15730: copy.  Go's ...interface{} is an array of void *; the
   type switch is a tag.  */
char *sink;
int *sink2;
int **sink3;

void f15730a(int n, int *tag, void **args)	/* { dg-message "tag does not escape$" "c-only" } */
  /* { dg-message "leaking param content: args$" "c-differs: the copied elements are char, and char data may carry pointer bytes (char aliases every type), so memcpy of a run-time length of it copies the content of args to the heap" { target *-*-* } .-1 } */
  /* dropped-c-differs: "args does not escape" (the copied elements are char, and char data may carry pointer bytes (char aliases every type), so memcpy of a run-time length of it copies the content of args to the heap) */
{
  for (int i = 0; i < n; i++)
    if (tag[i] == 1)
      {
        const char *a = args[i];
        memcpy(sink, a, strlen(a));
      }
}

void f15730b(int n, int *tag, void **args)	/* { dg-message "tag does not escape$" "c-only" } */
  /* { dg-message "leaking param content: args$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there (the ints memcpy'd into a global)" { target *-*-* } .-1 } */
  /* dropped-c-differs: "args does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there (the ints memcpy'd into a global)) */
{
  for (int i = 0; i < n; i++)
    if (tag[i] == 2)
      {
        int *a = args[i];
        memcpy(sink2, a, 4 * sizeof(int));
      }
}

void f15730c(int n, int *tag, void **args)	/* { dg-message "tag does not escape$" "c-only" } */
  /* { dg-message "leaking param content: args$" "" { target *-*-* } .-1 } */
{
  for (int i = 0; i < n; i++)
    if (tag[i] == 3)
      {
        int **a = args[i];
        memcpy(sink3, a, 4 * sizeof(int *));
      }
}

/* Issue 29000: unnamed parameter.  Go's conversion of x to interface{}
   allocates; in C that allocation is explicit.  */
void *sink4;
_Bool alwaysFalse;
void g29000(void);

void f29000(int, void *x)	/* { dg-message "leaking param: x$" "" } */
{
  sink4 = x;
  if (alwaysFalse)
    g29000();
}

void g29000(void)
{
  int *x = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) escapes to heap$" "" } */
  *x = 1;
  f29000(2, x);
}

/* Issue 28369: an address converted to an integer.  */
uintptr_t sink28369;

int f28369(int n)	/* { dg-message "moved to heap: n$" "c-differs: a C integer can be converted back to the pointer, so an address stored as an integer escapes (Go's uintptr does not keep its object alive)" } */
{
  if (n == 0)
    {
      sink28369 = (uintptr_t) &n;	
      return n;
    }
  return 1 + f28369(n - 1);
}

/* Issue 44614: a parameter flowing into a result variable that is on the
   heap leaks to the heap, not to the result.  */
int *f(int *p)	/* { dg-message "leaking param: p$" "" } */
{
  int *r;	/* { dg-message "moved to heap: r$" "" } */
  /* { dg-message "'r' declared here$" "c-only" { target *-*-* } .-1 } */
  sink4 = &r;	/* { dg-warning "address of local variable 'r' escapes: stored in global 'sink4' \\\[escape/dangling-address\\\]$" "c-only" } */
  r = p;
  return r;
}
