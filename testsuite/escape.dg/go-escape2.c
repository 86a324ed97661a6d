/* Port of Go's test/escape2.go (first part: foo1 to foo47).  Methods are
   functions taking the receiver first; closures are nested functions.
   The rest of escape2.go is not ported yet (see docs/go-tests.md).  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

int *gxx;

void foo1(int x)	/* { dg-message "moved to heap: x" "" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
{
  gxx = &x;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'gxx'" "c-only" } */
}

void foo2(int *yy)	/* { dg-message "leaking param: yy" "" } */
{
  gxx = yy;
}

int *foo3(int x)	/* { dg-message "moved to heap: x" "" } */
{
  return &x;	/* { dg-warning "function returns address of local variable" "c-only" } */
}

typedef void *T;	/* Go's recursive "type T *T" */
void foo3b(T t)	/* { dg-message "leaking param: t" "" } */
{
  *(T *) t = t;
}

void foo4(int *xx, int *yy)	/* { dg-message "xx does not escape" "" } */
  /* { dg-message "yy does not escape" "" { target *-*-* } .-1 } */
{
  xx = yy;
}

void foo5(int **xx, int *yy)	/* { dg-message "xx does not escape" "" } */
  /* { dg-message "yy does not escape" "" { target *-*-* } .-1 } */
{
  xx = &yy;
}

void foo6(int **xx, int *yy)	/* { dg-message "xx does not escape" "" } */
  /* { dg-message "leaking param: yy" "" { target *-*-* } .-1 } */
{
  *xx = yy;
}

void foo7(int **xx, int *yy)	/* { dg-message "xx does not escape" "" } */
  /* { dg-message "yy does not escape" "" { target *-*-* } .-1 } */
{
  **xx = *yy;
}

int foo8(int *xx, int *yy)	/* { dg-message "xx does not escape" "" } */
  /* { dg-message "yy does not escape" "" { target *-*-* } .-1 } */
{
  xx = yy;
  return *xx;
}

int *foo9(int *xx, int *yy)	/* { dg-message "leaking param: yy to result ~r0 level=0" "" } */
  /* { dg-message "xx does not escape" "go-imprecise: the incoming value of xx is overwritten before the return; the flow-sensitive GIMPLE sees that, Go's single location for xx does not" { target *-*-* } .-1 } */
  /* dropped-go-imprecise: "leaking param: xx to result ~r0 level=0" (the incoming value of xx is overwritten before the return; the flow-sensitive GIMPLE sees that, Go's single location for xx does not) */
  /* dropped-go-imprecise: "leaking param: yy to result ~r0 level=0" (the incoming value of xx is overwritten before the return; the flow-sensitive GIMPLE sees that, Go's single location for xx does not) */
{
  xx = yy;
  return xx;
}

void foo10(int *xx, int *yy)	/* { dg-message "xx does not escape" "" } */
  /* { dg-message "yy does not escape" "" { target *-*-* } .-1 } */
{
  *xx = *yy;
}

int foo11(void)
{
  int x = 0, y = 42;
  int *xx = &x;
  int *yy = &y;
  *xx = *yy;
  return x;
}

int **xxx;

void foo12(int **yyy)	/* { dg-message "leaking param: yyy" "" } */
{
  xxx = yyy;
}

void foo13(int **yyy)	/* { dg-message "leaking param content: yyy" "" } */
{
  *xxx = *yyy;
}

void foo14(int **yyy)	/* { dg-message "yyy does not escape" "" } */
{
  **xxx = **yyy;
}

void foo15(int *yy)	/* { dg-message "moved to heap: yy" "" } */
  /* { dg-message "'yy' declared here" "c-only" { target *-*-* } .-1 } */
{
  xxx = &yy;	/* { dg-warning "address of local variable 'yy' escapes: stored in global 'xxx'" "c-only" } */
}

void foo16(int *yy)	/* { dg-message "leaking param: yy" "" } */
{
  *xxx = yy;
}

void foo17(int *yy)	/* { dg-message "yy does not escape" "" } */
{
  **xxx = *yy;
}

void foo18(int y)	/* { dg-message "moved to heap: y" "" } */
  /* { dg-message "'y' declared here" "c-only" { target *-*-* } .-1 } */
{
  *xxx = &y;	/* { dg-warning "address of local variable 'y' escapes: stored in memory reachable from global 'xxx'" "c-only" } */
}

void foo19(int y)
{
  **xxx = y;
}

struct Bar
{
  int i;
  int *ii;
};

struct Bar *NewBar(void)
{
  struct Bar *b = malloc(sizeof(struct Bar));	/* { dg-message "malloc\\(16\\) escapes to heap" "" } */
  *b = (struct Bar) { 42, 0 };
  return b;
}

struct Bar *NewBarp(int *x)	/* { dg-message "leaking param: x" "" } */
{
  struct Bar *b = malloc(sizeof(struct Bar));	/* { dg-message "malloc\\(16\\) escapes to heap" "" } */
  *b = (struct Bar) { 42, x };
  return b;
}

struct Bar *NewBarp2(int *x)	/* { dg-message "x does not escape" "" } */
{
  struct Bar *b = malloc(sizeof(struct Bar));	/* { dg-message "malloc\\(16\\) escapes to heap" "" } */
  *b = (struct Bar) { *x, 0 };
  return b;
}

int Bar_NoLeak(struct Bar *b)	/* { dg-message "b does not escape" "" } */
{
  return *(b->ii);
}

int *Bar_Leak(struct Bar *b)	/* { dg-message "leaking param: b to result ~r0 level=0" "" } */
{
  return &b->i;
}

int *Bar_AlsoNoLeak(struct Bar *b)	/* { dg-message "leaking param: b to result ~r0 level=1" "" } */
{
  return b->ii;
}

int *Bar_AlsoLeak(struct Bar b)	/* { dg-message "leaking param: b to result ~r0 level=0" "" } */
{
  return b.ii;
}

int *Bar_LeaksToo(struct Bar b)	/* { dg-message "leaking param: b to result ~r0 level=0" "" } */
{
  int v = 0;	/* { dg-message "moved to heap: v" "" } */
  b.ii = &v;
  return b.ii;
}

int *Bar_LeaksABit(struct Bar *b)	/* { dg-message "leaking param: b to result ~r0 level=1" "" } */
{
  int v = 0;	/* { dg-message "moved to heap: v" "" } */
  b->ii = &v;
  return b->ii;
}

int Bar_StillNoLeak(struct Bar b)	/* { dg-message "b does not escape" "" } */
{
  int v = 0;
  b.ii = &v;
  return b.i;
}

/* goLeak: Go's "go" statement has no C counterpart.  */
/* go-noc: "leaking param: b$" (a go statement) */

struct Bar2
{
  int i[12];
  int *ii;
};

struct Bar2 *NewBar2(void)
{
  struct Bar2 *b = malloc(sizeof(struct Bar2));	/* { dg-message "malloc\\(56\\) escapes to heap" "" } */
  *b = (struct Bar2) { { 42 }, 0 };
  return b;
}

int Bar2_NoLeak(struct Bar2 *b)	/* { dg-message "b does not escape" "" } */
{
  return b->i[0];
}

int *Bar2_Leak(struct Bar2 *b)	/* { dg-message "leaking param: b to result ~r0 level=0" "" } */
{
  return b->i;
}

int *Bar2_AlsoNoLeak(struct Bar2 *b)	/* { dg-message "leaking param: b to result ~r0 level=1" "" } */
{
  return &b->ii[0];
}

struct arr12 { int i[12]; };
struct arr12 Bar2_AgainNoLeak(struct Bar2 b)	/* { dg-message "b does not escape" "" } */
{
  struct arr12 r;
  for (int k = 0; k < 12; k++)
    r.i[k] = b.i[k];
  return r;
}

void Bar2_LeakSelf(struct Bar2 *b)	/* { dg-message "leaking param: b" "" } */
{
  b->ii = &b->i[0];
}

void Bar2_LeakSelf2(struct Bar2 *b)	/* { dg-message "leaking param: b" "" } */
{
  int *buf;
  buf = &b->i[0];
  b->ii = buf;
}

typedef int (*fn)(void);

fn foo21(void)
{
  int x = 42;	/* { dg-message "moved to heap: x" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit'" "c-only" } */
}

fn foo21a(void)
{
  int x = 42;	/* { dg-message "moved to heap: x" "" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
  int lit(void) { x++; return x; }	/* { dg-message "nested function 'lit' escapes to heap" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit'" "c-only" } */
}

int foo22(void)
{
  int x = 42;
  int lit(void) { return x; }
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  return lit();
}

fn foo23(int x)	/* { dg-message "moved to heap: x" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
{
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit'" "c-only" } */
}

fn foo23a(int x)	/* { dg-message "moved to heap: x" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
{
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap" "" } */
  fn f = lit;
  return f;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit'" "c-only" } */
}

fn *foo23b(int x)	/* { dg-message "moved to heap: x" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
{
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap" "" } */
  fn f = lit;	/* { dg-message "moved to heap: f" "" } */
  return &f;	/* { dg-warning "function returns address of local variable" "c-only" } */
}

fn foo23c(int x)	/* { dg-message "moved to heap: x" "" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
{
  int lit(void) { x++; return x; }	/* { dg-message "nested function 'lit' escapes to heap" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit'" "c-only" } */
}

int foo24(int x)
{
  int lit(void) { return x; }
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  return lit();
}

int *x;

int fooleak(int *xx)	/* { dg-message "leaking param: xx" "" } */
{
  x = xx;
  return *x;
}

int foonoleak(int *xx)	/* { dg-message "xx does not escape" "" } */
{
  return *x + *xx;
}

int foo31(int x)	/* { dg-message "moved to heap: x" "" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
{
  return fooleak(&x);	/* { dg-warning "address of local variable 'x' escapes: stored in a global by 'fooleak'" "c-only" } */
}

int foo32(int x)
{
  return foonoleak(&x);
}

struct Foo
{
  int *xx;
  int x;
};

struct Foo F;
struct Foo *pf;

void Foo_fooleak(struct Foo *f)	/* { dg-message "leaking param: f" "" } */
{
  pf = f;
}

void Foo_foonoleak(struct Foo *f)	/* { dg-message "f does not escape" "" } */
{
  F.x = f->x;
}

void Foo_Leak(struct Foo *f)	/* { dg-message "leaking param: f" "" } */
{
  Foo_fooleak(f);
}

void Foo_NoLeak(struct Foo *f)	/* { dg-message "f does not escape" "" } */
{
  Foo_foonoleak(f);
}

void foo41(int x)	/* { dg-message "moved to heap: x" "" } */
  /* { dg-message "'x' declared here" "c-only" { target *-*-* } .-1 } */
{
  F.xx = &x;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'F'" "c-only" } */
}

void Foo_foo42(struct Foo *f, int x)	/* { dg-message "f does not escape" "" } */
  /* { dg-message "moved to heap: x" "" { target *-*-* } .-1 } */
{
  f->xx = &x;
}

void foo43(struct Foo *f, int x)	/* { dg-message "f does not escape" "" } */
  /* { dg-message "moved to heap: x" "" { target *-*-* } .-1 } */
{
  f->xx = &x;
}

void foo44(int *yy)	/* { dg-message "leaking param: yy" "" } */
{
  F.xx = yy;
}

void Foo_foo45(struct Foo *f)	/* { dg-message "f does not escape" "" } */
{
  F.x = f->x;
}

void Foo_foo46(struct Foo *f)	/* { dg-message "leaking param content: f" "" } */
{
  F.xx = f->xx;
}

void Foo_foo47(struct Foo *f)	/* { dg-message "leaking param: f" "" } */
{
  f->xx = &f->x;
}
