/* Port of Go's test/escape2.go.  Methods are functions taking the
   receiver first; closures are nested functions.  See docs/go-tests.md
   for what is not ported yet.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <wchar.h>

int *gxx;
void *sink;

void foo1(int x)	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  gxx = &x;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'gxx' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo2(int *yy)	/* { dg-message "leaking param: yy$" "" } */
{
  gxx = yy;
}

int *foo3(int x)	/* { dg-message "moved to heap: x$" "" } */
{
  return &x;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

typedef void *T;	/* Go's recursive "type T *T" */
void foo3b(T t)	/* { dg-message "leaking param: t$" "" } */
{
  *(T *) t = t;
}

void foo4(int *xx, int *yy)	/* { dg-messages { "xx does not escape$" "yy does not escape$" } "" } */
{
  xx = yy;
}

void foo5(int **xx, int *yy)	/* { dg-messages { "xx does not escape$" "yy does not escape$" } "" } */
{
  xx = &yy;
}

void foo6(int **xx, int *yy)	/* { dg-messages { "xx does not escape$" "leaking param: yy$" } "" } */
{
  *xx = yy;
}

void foo7(int **xx, int *yy)	/* { dg-message "xx does not escape$" "" } */
  /* { dg-message "leaking param content: yy$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "yy does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  **xx = *yy;
}

int foo8(int *xx, int *yy)	/* { dg-message "xx does not escape$" "" } */
  /* { dg-message "leaking param: yy to result ~r0 level=1$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "yy does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  xx = yy;
  return *xx;
}

int *foo9(int *xx, int *yy)	/* { dg-message "leaking param: yy to result ~r0 level=0$" "" } */
  /* { dg-message "xx does not escape$" "go-imprecise: the incoming value of xx is overwritten before the return; the flow-sensitive GIMPLE sees that, Go's single location for xx does not" { target *-*-* } .-1 } */
  /* dropped-go-imprecise: "leaking param: xx to result ~r0 level=0" (the incoming value of xx is overwritten before the return; the flow-sensitive GIMPLE sees that, Go's single location for xx does not) */
{
  xx = yy;
  return xx;
}

void foo10(int *xx, int *yy)	/* { dg-message "xx does not escape$" "" } */
  /* { dg-message "leaking param content: yy$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "yy does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
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

void foo12(int **yyy)	/* { dg-message "leaking param: yyy$" "" } */
{
  xxx = yyy;
}

void foo13(int **yyy)	/* { dg-message "leaking param content: yyy$" "" } */
{
  *xxx = *yyy;
}

void foo14(int **yyy)
  /* { dg-message "leaking param content: yyy$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "yyy does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  **xxx = **yyy;
}

void foo15(int *yy)	/* { dg-message "moved to heap: yy$" "" } */
  /* { dg-message "'yy' declared here$" "c-only" { target *-*-* } .-1 } */
{
  xxx = &yy;	/* { dg-warning "address of local variable 'yy' escapes: stored in global 'xxx' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo16(int *yy)	/* { dg-message "leaking param: yy$" "" } */
{
  *xxx = yy;
}

void foo17(int *yy)
  /* { dg-message "leaking param content: yy$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "yy does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  **xxx = *yy;
}

void foo18(int y)	/* { dg-message "moved to heap: y$" "" } */
  /* { dg-message "'y' declared here$" "c-only" { target *-*-* } .-1 } */
{
  *xxx = &y;	/* { dg-warning "address of local variable 'y' escapes: stored in memory reachable from global 'xxx' \\\[escape/dangling-address\\\]$" "c-only" } */
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
  struct Bar *b = malloc(sizeof(struct Bar));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  *b = (struct Bar) { 42, 0 };
  return b;
}

struct Bar *NewBarp(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct Bar *b = malloc(sizeof(struct Bar));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  *b = (struct Bar) { 42, x };
  return b;
}

struct Bar *NewBarp2(int *x)
  /* { dg-message "leaking param content: x$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "x does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  struct Bar *b = malloc(sizeof(struct Bar));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  *b = (struct Bar) { *x, 0 };
  return b;
}

int Bar_NoLeak(struct Bar *b)
  /* { dg-message "leaking param: b to result ~r0 level=2$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "b does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  return *(b->ii);
}

int *Bar_Leak(struct Bar *b)	/* { dg-message "leaking param: b to result ~r0 level=0$" "" } */
{
  return &b->i;
}

int *Bar_AlsoNoLeak(struct Bar *b)	/* { dg-message "leaking param: b to result ~r0 level=1$" "" } */
{
  return b->ii;
}

int *Bar_AlsoLeak(struct Bar b)	/* { dg-message "leaking param: b to result ~r0 level=0$" "" } */
{
  return b.ii;
}

int *Bar_LeaksToo(struct Bar b)	/* { dg-message "leaking param: b to result ~r0 level=0$" "" } */
{
  int v = 0;	/* { dg-message "moved to heap: v$" "" } */
  b.ii = &v;
  return b.ii;
}

int *Bar_LeaksABit(struct Bar *b)	/* { dg-message "leaking param: b to result ~r0 level=1$" "" } */
{
  int v = 0;	/* { dg-message "moved to heap: v$" "" } */
  /* { dg-message "'v' declared here$" "c-only" { target *-*-* } .-1 } */
  b->ii = &v;	/* { dg-warning "address of local variable 'v' escapes: stored through parameter 'b' \\\[escape/dangling-address\\\]$" "c-only" } */
  return b->ii;
}

int Bar_StillNoLeak(struct Bar b)
  /* { dg-message "leaking param: b to result ~r0 level=0$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "b does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  int v = 0;
  /* { dg-message "moved to heap: v$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
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
  struct Bar2 *b = malloc(sizeof(struct Bar2));	/* { dg-message "malloc\\(56\\) escapes to heap$" "" } */
  *b = (struct Bar2) { { 42 }, 0 };
  return b;
}

int Bar2_NoLeak(struct Bar2 *b)
  /* { dg-message "leaking param: b to result ~r0 level=1$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "b does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  return b->i[0];
}

int *Bar2_Leak(struct Bar2 *b)	/* { dg-message "leaking param: b to result ~r0 level=0$" "" } */
{
  return b->i;
}

int *Bar2_AlsoNoLeak(struct Bar2 *b)	/* { dg-message "leaking param: b to result ~r0 level=1$" "" } */
{
  return &b->ii[0];
}

struct arr12 { int i[12]; };
struct arr12 Bar2_AgainNoLeak(struct Bar2 b)
  /* { dg-message "leaking param: b to result ~r0 level=0$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "b does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  struct arr12 r;
  for (int k = 0; k < 12; k++)
    r.i[k] = b.i[k];
  return r;
}

void Bar2_LeakSelf(struct Bar2 *b)	/* { dg-message "leaking param: b$" "" } */
{
  b->ii = &b->i[0];
}

void Bar2_LeakSelf2(struct Bar2 *b)	/* { dg-message "leaking param: b$" "" } */
{
  int *buf;
  buf = &b->i[0];
  b->ii = buf;
}

typedef int (*fn)(void);

fn foo21(void)
{
  int x = 42;	/* { dg-message "moved to heap: x$" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

fn foo21a(void)
{
  int x = 42;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  int lit(void) { x++; return x; }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

int foo22(void)
{
  int x = 42;
  int lit(void) { return x; }
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  return lit();
}

fn foo23(int x)	/* { dg-message "moved to heap: x$" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

fn foo23a(int x)	/* { dg-message "moved to heap: x$" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  fn f = lit;
  return f;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

fn *foo23b(int x)	/* { dg-message "moved to heap: x$" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
{
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  fn f = lit;	/* { dg-message "moved to heap: f$" "" } */
  return &f;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

fn foo23c(int x)	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  int lit(void) { x++; return x; }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

int foo24(int x)
{
  int lit(void) { return x; }
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  return lit();
}

int *x;

int fooleak(int *xx)	/* { dg-message "leaking param: xx$" "" } */
{
  x = xx;
  return *x;
}

int foonoleak(int *xx)
  /* { dg-message "leaking param: xx to result ~r0 level=1$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "xx does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  return *x + *xx;
}

int foo31(int x)	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  return fooleak(&x);	/* { dg-warning "address of local variable 'x' escapes: stored in global 'x' by 'fooleak' \\\[escape/dangling-address\\\]$" "c-only" } */
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

void Foo_fooleak(struct Foo *f)	/* { dg-message "leaking param: f$" "" } */
{
  pf = f;
}

void Foo_foonoleak(struct Foo *f)
  /* { dg-message "leaking param content: f$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "f does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  F.x = f->x;
}

void Foo_Leak(struct Foo *f)	/* { dg-message "leaking param: f$" "" } */
{
  Foo_fooleak(f);
}

void Foo_NoLeak(struct Foo *f)
  /* { dg-message "leaking param content: f$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "f does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  Foo_foonoleak(f);
}

void foo41(int x)	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  F.xx = &x;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'F' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void Foo_foo42(struct Foo *f, int x)	/* { dg-messages { "f does not escape$" "moved to heap: x$" } "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  f->xx = &x;	/* { dg-warning "address of local variable 'x' escapes: stored through parameter 'f' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo43(struct Foo *f, int x)	/* { dg-messages { "f does not escape$" "moved to heap: x$" } "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
{
  f->xx = &x;	/* { dg-warning "address of local variable 'x' escapes: stored through parameter 'f' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo44(int *yy)	/* { dg-message "leaking param: yy$" "" } */
{
  F.xx = yy;
}

void Foo_foo45(struct Foo *f)
  /* { dg-message "leaking param content: f$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "f does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  F.x = f->x;
}

void Foo_foo46(struct Foo *f)	/* { dg-message "leaking param content: f$" "" } */
{
  F.xx = f->xx;
}

void Foo_foo47(struct Foo *f)	/* { dg-message "leaking param: f$" "" } */
{
  f->xx = &f->x;
}

/* Second part of escape2.go (foo50 on).  Go slices are pointers to their
   elements, Go arrays passed by value are structs holding the array, maps
   and channels are pointers to structs holding arrays of keys and values
   (a store into one is a store through a pointer, as in Go), variadic
   ...interface{} parameters are an array of void * and a count.  */

int **ptrSlice;

void foo50(int *i)	/* { dg-message "leaking param: i$" "" } */
{
  ptrSlice[0] = i;
}

struct mapPP { int *k[8]; int *v[8]; int n; };	/* map[*int]*int */
struct mapPP *ptrMap;

void foo51(int *i)	/* { dg-message "leaking param: i$" "" } */
{
  ptrMap->k[0] = i;
  ptrMap->v[0] = i;
}

int *indaddr1(int x)	/* { dg-message "moved to heap: x$" "" } */
{
  return &x;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

int *indaddr2(int *x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  return *&x;
}

int *indaddr3(int *x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  return *(int **) &x;
}

unsigned Float32bits(float f)
{
  return *(unsigned *) &f;
}

float Float32frombits(unsigned b)
{
  return *(float *) &b;
}

unsigned long Float64bits(double f)
{
  return *(unsigned long *) &f;
}

double Float64frombits(unsigned long b)
{
  return *(double *) &b;
}

unsigned long *float64bitsptr(double f)	/* { dg-message "moved to heap: f$" "" } */
{
  return (unsigned long *) &f;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

unsigned long *float64ptrbitsptr(double *f)	/* { dg-message "leaking param: f to result ~r0 level=0$" "" } */
{
  return (unsigned long *) f;
}

/* interface{} holding *int or *int8: a tag and the pointer.  */
struct eface { int tag; void *data; };

int *typesw(struct eface i)	/* { dg-message "leaking param: i to result ~r0 level=0$" "" } */
  /* { dg-message "leaking param content: i$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
{
  switch (i.tag)
    {
    case 1:
      return (int *) i.data;
    case 2:
      {
	int v = *(signed char *) i.data;	/* { dg-message "moved to heap: v$" "" } */
	return &v;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
      }
    }
  return 0;
}

int *exprsw(int *i)	/* { dg-message "leaking param: i to result ~r0 level=0$" "" } */
{
  int *j = i;
  switch (*j + 110)
    {
    case 12:
      return j;
    case 42:
      return 0;
    }
  return 0;
}

int *foo60(int *i)	/* { dg-message "leaking param: i to result ~r0 level=0$" "" } */
{
  int *a[12] = { 0 };
  a[0] = i;
  return a[1];
}

int *foo60a(int *i)	/* { dg-message "i does not escape$" "" } */
{
  int *a[12] = { 0 };
  a[0] = i;
  return 0;
}

int *foo61(int *i)	/* { dg-message "leaking param: i to result ~r0 level=0$" "" } */
{
  struct S { int *a, *b; } s = { 0 };
  s.a = i;
  return s.b;
}

int *foo61a(int *i)	/* { dg-message "i does not escape$" "" } */
{
  struct S { int *a, *b; } s = { 0 };
  s.a = i;
  return 0;
}

int *foo62(int *i)	/* { dg-message "leaking param: i$" "" } */
{
  struct S { int *a, *b; };
  struct S *s = malloc(sizeof(struct S));	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  s->a = i;
  return 0;
}

/* Go's interface M: a method table and a data word.  */
struct M { void (*m)(void *); void *data; };

void foo63(struct M m)	/* { dg-message "m does not escape$" "" } */
{
}

void foo64(struct M m)	/* { dg-message "leaking param: m$" "" } */
{
  m.m(m.data);
}

/* foo64b: defer.  */
/* go-noc: "leaking param: m$" (defer) */

typedef int MV;
void MV_M(void *p) { }	/* { dg-message "p does not escape$" "c-only" } */

void foo65(void)
{
  MV mv = 0;
  foo63((struct M) { MV_M, &mv });
}

void foo66(void)
{
  MV mv = 0;	/* { dg-message "moved to heap: mv$" "" } */
  foo64((struct M) { MV_M, &mv });
}

/* foo67, foo68: an MV value boxed into the interface.  */
/* go-noc: "mv does not escape$" (boxing a value into an interface) */
/* go-noc: "mv escapes to heap$" (boxing a value into an interface) */

void foo69(struct M m)	/* { dg-message "leaking param: m$" "" } */
{
  foo64(m);
}

void foo70(MV *mv1, struct M m)	/* { dg-messages { "leaking param: mv1$" "leaking param: m$" } "" } */
{
  m = (struct M) { MV_M, mv1 };
  foo64(m);
}

/* append to a nil slice: a new array.  */
int **foo71(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  int **y = malloc(sizeof(int *));	/* { dg-message "malloc\\(8\\) escapes to heap$" "c-only" } */
  y[0] = x;
  return y;
}

int **foo71a(int x)	/* { dg-message "moved to heap: x$" "" } */
{
  int **y = malloc(sizeof(int *));	/* { dg-message "malloc\\(8\\) escapes to heap$" "c-only" } */
  y[0] = &x;
  return y;
}

void foo72(void)
{
  int x = 0;
  int *y[1];
  y[0] = &x;
}

struct A10 { int *a[10]; };

struct A10 foo72aa(void)
{
  int x = 0;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  struct A10 y = { 0 };
  y.a[0] = &x;
  return y;	/* { dg-warning "address of local variable 'x' escapes: returned from 'foo72aa' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo72a(void)
{
  int *y[10];
  for (int i = 0; i < 10; i++)
    {
      int x = i;	/* { dg-message "moved to heap: x$" "" } */
      y[i] = &x;
    }
  return;
}

struct A10 foo72b(void)
{
  struct A10 y = { 0 };
  for (int i = 0; i < 10; i++)
    {
      int x = i;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
      y.a[i] = &x;
    }
  return y;	/* { dg-warning "address of local variable 'x' escapes: returned from 'foo72b' \\\[escape/dangling-address\\\]$" "c-only" } */
}

/* foo73, foo731, foo74, foo74a: defer of a closure in a loop.  */
/* go-noc: "\[\]int{...} does not escape$" "func literal escapes to heap$" (defer) */
/* go-noc: "\[\]int{...} does not escape$" "moved to heap: vv$" "func literal escapes to heap$" (defer) */
/* go-noc: "\[\]int{...} does not escape$" "func literal escapes to heap$" (defer) */
/* go-noc: "\[\]int{...} does not escape$" "moved to heap: vv$" "func literal escapes to heap$" (defer) */

typedef void (*fv)(void);

void foo74b(void)
{
  fv array[3];
  int *s = malloc(3 * sizeof(int));	/* { dg-message "malloc\\(12\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  s[0] = 3, s[1] = 2, s[2] = 1;
  for (int i = 0; i < 3; i++)
    {
      int vv = s[i];	/* { dg-message "moved to heap: vv$" "c-differs: captured by reference in the frame; Go captures an unmodified vv by value" } */
      void lit(void) { __builtin_printf("%d", vv); }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
      array[i] = lit;
    }
}

void foo74c(void)
{
  fv array[3];
  int *s = malloc(3 * sizeof(int));	/* { dg-message "malloc\\(12\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  s[0] = 3, s[1] = 2, s[2] = 1;
  for (int i = 0; i < 3; i++)
    {
      int vv = s[i];	/* { dg-message "moved to heap: vv$" "" } */
      void lit(void) { __builtin_printf("%p", (void *) &vv); }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
      array[i] = lit;
    }
}

/* Go's variadic ...interface{}: an array of void * and its count.  */
int *myprint(int *y, void **x, int n)	/* { dg-messages { "leaking param: y to result ~r0 level=0$" "x does not escape$" } "" } */
{
  return y;
}

void **myprint1(int *y, void **x, int n)	/* { dg-messages { "leaking param: x to result ~r0 level=0$" "y does not escape$" } "" } */
{
  return &x[0];
}

/* The boxing of 1, 2, 3 into interface values is Go's only; the
   "... argument" slice is a local array args, printed only when it moves
   to the heap.  */
void foo75(int *z)	/* { dg-message "z does not escape$" "" } */
{
  void *args[3] = { (void *) 1, (void *) 2, (void *) 3 };
  myprint(z, args, 3);
  /* go-noc: "1 does not escape" "2 does not escape" "3 does not escape" (boxing into an interface) */
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

void foo75a(int *z)	/* { dg-message "z does not escape$" "" } */
{
  void *args[3] = { (void *) 1, (void *) 2, (void *) 3 };
  myprint1(z, args, 3);
  /* go-noc: "1 does not escape" "2 does not escape" "3 does not escape" (boxing into an interface) */
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

void foo75esc(int *z)	/* { dg-message "leaking param: z$" "" } */
{
  void *args[3] = { (void *) 1, (void *) 2, (void *) 3 };
  gxx = myprint(z, args, 3);
  /* go-noc: "1 does not escape" "2 does not escape" "3 does not escape" (boxing into an interface) */
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

void foo75aesc(int *z)	/* { dg-message "z does not escape$" "" } */
{
  void ***ppi = 0;
  void *args[3] = { (void *) 1, (void *) 2, (void *) 3 };	/* { dg-message "moved to heap: args$" "c-differs: the ... argument is a local array in C" } */
  *ppi = myprint1(z, args, 3);
  /* go-noc: "1 escapes to heap$" "2 escapes to heap$" "3 escapes to heap$" (boxing into an interface) */
  /* dropped-c-differs: "... argument escapes to heap$" (the ... argument is a local array in C) */
}

void foo75aesc1(int *z)	/* { dg-message "z does not escape$" "" } */
{
  void *args[3] = { (void *) 1, (void *) 2, (void *) 3 };	/* { dg-message "moved to heap: args$" "c-differs: the ... argument is a local array in C" } */
  /* { dg-message "'args' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = myprint1(z, args, 3);	/* { dg-warning "address of local variable 'args' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
  /* go-noc: "1 escapes to heap$" "2 escapes to heap$" "3 escapes to heap$" (boxing into an interface) */
  /* dropped-c-differs: "... argument escapes to heap$" (the ... argument is a local array in C) */
}

void foo76(int *z)	/* { dg-message "z does not escape$" "" } */
{
  void *args[1] = { z };
  myprint(0, args, 1);
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

void foo76a(int *z)	/* { dg-message "z does not escape$" "" } */
{
  void *args[1] = { z };
  myprint1(0, args, 1);
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

void foo76b(void)
{
  void *args[3] = { (void *) 1, (void *) 2, (void *) 3 };
  myprint(0, args, 3);
  /* go-noc: "1 does not escape" "2 does not escape" "3 does not escape" (boxing into an interface) */
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

void foo76c(void)
{
  void *args[3] = { (void *) 1, (void *) 2, (void *) 3 };
  myprint1(0, args, 3);
  /* go-noc: "1 does not escape" "2 does not escape" "3 does not escape" (boxing into an interface) */
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

/* foo76d, foo76e, foo76f, foo76g: defer.  */
/* go-noc: "1 does not escape" "2 does not escape" "3 does not escape" "... argument does not escape$" (defer) */
/* go-noc: "1 does not escape" "2 does not escape" "3 does not escape" "... argument does not escape$" (defer) */
/* go-noc: "... argument does not escape$" "1 escapes to heap$" "2 escapes to heap$" "3 escapes to heap$" (defer) */
/* go-noc: "... argument does not escape$" "1 escapes to heap$" "2 escapes to heap$" "3 escapes to heap$" (defer) */

void foo77(void **z, int n)	/* { dg-message "z does not escape$" "" } */
{
  myprint(0, z, n);
}

void foo77a(void **z, int n)	/* { dg-message "z does not escape$" "" } */
{
  myprint1(0, z, n);
}

void foo77b(void **z, int n)	/* { dg-message "leaking param: z$" "" } */
{
  void ***ppi = 0;
  *ppi = myprint1(0, z, n);
}

void foo77c(void **z, int n)	/* { dg-message "leaking param: z$" "" } */
{
  sink = myprint1(0, z, n);
}

void dotdotdot(void)
{
  int i = 0;
  void *args[1] = { &i };
  myprint(0, args, 1);
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
  int j = 0;
  void *args1[1] = { &j };
  myprint1(0, args1, 1);
  /* dropped-c-differs: "... argument does not escape$" (a local array in C, nothing printed for it) */
}

int *foo78(int z)	/* { dg-message "moved to heap: z$" "" } */
{
  return &z;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

int *foo78a(int z)	/* { dg-message "moved to heap: z$" "" } */
  /* { dg-message "'z' declared here$" "c-only" { target *-*-* } .-1 } */
{
  int *y = &z;
  int **x = &y;
  return *x;	/* { dg-warning "address of local variable 'z' escapes: returned from 'foo78a' \\\[escape/dangling-address\\\]$" "c-only" } */
}

int *foo79(void)
{
  return malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) escapes to heap$" "" } */
}

int *foo80(void)
{
  int *z;
  for (;;)
    z = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "go-imprecise: z is overwritten before the next iteration reads it: the flow-sensitive GIMPLE sees the allocation dead at the loop back edge, Go's loop depth does not" } */
  /* dropped-go-imprecise: "new\(int\) escapes to heap$" (z is overwritten before the next iteration reads it: the flow-sensitive GIMPLE sees the allocation dead at the loop back edge, Go's loop depth does not) */
  (void) z;
  return 0;
}

int *foo81(void)
{
  for (;;)
    {
      int *z = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
      (void) z;
    }
  return 0;
}

struct two { int *x, *y; };

struct two tee(int *p)	/* { dg-message "leaking param: p to result ~r0 level=0$" "c-differs: one C struct result ~r0 holds both Go results" } */
/* dropped-c-differs: "leaking param: p to result x level=0$" (one C struct result ~r0 holds both Go results) */
/* dropped-c-differs: "leaking param: p to result y level=0$" (one C struct result ~r0 holds both Go results) */
{
  return (struct two) { p, p };
}

void noop(int *x, int *y)	/* { dg-messages { "x does not escape$" "y does not escape$" } "" } */
{
}

/* foo82: go and defer statements.  */
/* go-noc: "moved to heap: x$" "moved to heap: y$" "moved to heap: z$" (go statement) */
/* go-noc: "moved to heap: u$" "moved to heap: v$" "moved to heap: w$" (defer) */

struct LimitedFooer { struct M Fooer; long N; };

void LimitedFooer_Foo(void *p) { }	/* { dg-message "p does not escape$" "c-only" } */

struct M LimitFooer(struct M r, long n)	/* { dg-message "leaking param: r$" "" } */
{
  struct LimitedFooer *l = malloc(sizeof(struct LimitedFooer));	/* { dg-message "malloc\\(24\\) escapes to heap$" "" } */
  *l = (struct LimitedFooer) { r, n };
  return (struct M) { LimitedFooer_Foo, l };
}

struct mapPP *foo90(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct mapPP *m = calloc(1, sizeof(struct mapPP));	/* { dg-message "calloc\\(1, 136\\) escapes to heap$" "" } */
  m->k[0] = 0, m->v[0] = x, m->n = 1;
  return m;
}

struct mapPP *foo91(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct mapPP *m = calloc(1, sizeof(struct mapPP));	/* { dg-message "calloc\\(1, 136\\) escapes to heap$" "" } */
  m->k[0] = x, m->v[0] = 0, m->n = 1;
  return m;
}

struct A2 { int *a[2]; };

struct A2 foo92(int *x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  return (struct A2) { { x, 0 } };
}

struct chanP { int *buf[8]; int n; };	/* chan *int */

int *foo93(struct chanP *c)	/* { dg-message "leaking param: c to result ~r0 level=1$" "c-differs: a C channel or map is a struct read through its pointer, the value read is its content; Go's receive and map lookup are runtime calls whose value comes from the heap" } */
/* dropped-c-differs: "c does not escape$" (a C channel or map is a struct read through its pointer, the value read is its content; Go's receive and map lookup are runtime calls whose value comes from the heap) */
{
  while (c->n > 0)
    return c->buf[--c->n];
  return 0;
}

int *foo94(struct mapPP *m, _Bool b)	/* { dg-message "leaking param: m to result ~r0 level=1$" "" } */
{
  for (int i = 0; i < m->n; i++)
    {
      if (b)
	return m->k[i];
      return m->v[i];
    }
  return 0;
}

void foo95(struct mapPP *m, int *x)	/* { dg-messages { "m does not escape$" "leaking param: x$" } "" } */
{
  m->k[0] = x, m->v[0] = x;
}

int *foo96(int **m)	/* { dg-message "leaking param: m to result ~r0 level=1$" "" } */
{
  return m[0];
}

struct A1 { int *a[1]; };

int *foo97(struct A1 m)	/* { dg-message "leaking param: m to result ~r0 level=0$" "" } */
{
  return m.a[0];
}

struct mapIP { int k[8]; int *v[8]; int n; };	/* map[int]*int */

int *foo98(struct mapIP *m)	/* { dg-message "leaking param: m to result ~r0 level=1$" "c-differs: a C channel or map is a struct read through its pointer, the value read is its content; Go's receive and map lookup are runtime calls whose value comes from the heap" } */
/* dropped-c-differs: "m does not escape$" (a C channel or map is a struct read through its pointer, the value read is its content; Go's receive and map lookup are runtime calls whose value comes from the heap) */
{
  return m->v[0];
}

int **foo99(struct A1 *m)	/* { dg-message "leaking param: m to result ~r0 level=0$" "" } */
{
  return m->a;
}

int *foo100(int **m, int n)	/* { dg-message "leaking param: m to result ~r0 level=1$" "" } */
{
  for (int i = 0; i < n; i++)
    return m[i];
  return 0;
}

int *foo101(struct A1 m)	/* { dg-message "leaking param: m to result ~r0 level=0$" "" } */
{
  for (int i = 0; i < 1; i++)
    return m.a[i];
  return 0;
}

int *foo101a(struct A1 m)	/* { dg-message "m does not escape$" "" } */
{
  for (int i = 0; i < 1; i++)	/* { dg-message "moved to heap: i$" "" } */
    return &i;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
  return 0;
}

void foo102(int **m, int *x)	/* { dg-messages { "m does not escape$" "leaking param: x$" } "" } */
{
  m[0] = x;
}

void foo103(struct A1 m, int *x)	/* { dg-messages { "m does not escape$" "x does not escape$" } "" } */
{
  m.a[0] = x;
}

int **y;
int ny;

void foo104(int **x, int n)	/* { dg-message "leaking param content: x$" "" } */
{
  memcpy(y, x, (n < ny ? n : ny) * sizeof(int *));
}

void foo105(int **x, int n)	/* { dg-message "leaking param content: x$" "" } */
{
  memcpy(y + ny, x, n * sizeof(int *));
}

void foo106(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  y[ny] = x;
}

struct mapPP *foo107(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct mapPP *m = calloc(1, sizeof(struct mapPP));	/* { dg-message "calloc\\(1, 136\\) escapes to heap$" "" } */
  m->k[0] = x, m->v[0] = 0, m->n = 1;
  return m;
}

struct mapPP *foo108(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct mapPP *m = calloc(1, sizeof(struct mapPP));	/* { dg-message "calloc\\(1, 136\\) escapes to heap$" "" } */
  m->k[0] = 0, m->v[0] = x, m->n = 1;
  return m;
}

int *foo109(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct mapPP *m = calloc(1, sizeof(struct mapPP));	/* { dg-message "calloc\\(1, 136\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  m->k[0] = x, m->v[0] = 0, m->n = 1;
  for (int i = 0; i < m->n; i++)
    return m->k[i];
  return 0;
}

int *foo110(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct mapPP *m = calloc(1, sizeof(struct mapPP));	/* { dg-message "calloc\\(1, 136\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  m->k[0] = 0, m->v[0] = x, m->n = 1;
  return m->v[0];
}

int *foo111(int *x)	/* { dg-message "leaking param: x$" "c-differs: the malloc'ed literal is filled by a store through its pointer, which goes to the heap (Go's rule too); Go's literal is no such store" } */
/* dropped-c-differs: "leaking param: x to result ~r0 level=0" (the malloc'ed literal is filled by a store through its pointer, which goes to the heap (Go's rule too); Go's literal is no such store) */
{
  int **m = malloc(sizeof(int *));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  m[0] = x;
  return m[0];
}

int *foo112(int *x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  int *m[1] = { x };
  return m[0];
}

int *foo113(int *x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  struct Bar m = { .ii = x };
  return m.ii;
}

int *foo114(int *x)	/* { dg-message "leaking param: x$" "c-differs: the malloc'ed literal is filled by a store through its pointer, which goes to the heap (Go's rule too); Go's literal is no such store" } */
/* dropped-c-differs: "leaking param: x to result ~r0 level=0" (the malloc'ed literal is filled by a store through its pointer, which goes to the heap (Go's rule too); Go's literal is no such store) */
{
  struct Bar *m = malloc(sizeof(struct Bar));	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *m = (struct Bar) { .ii = x };
  return m->ii;
}

int *foo115(int *x)	/* { dg-message "leaking param: x$" "c-differs: a pointer converted to an integer escapes: the analysis does not follow it back to a pointer; Go keeps unsafe.Pointer arithmetic" } */
/* dropped-c-differs: "leaking param: x to result ~r0 level=0" (a pointer converted to an integer escapes: the analysis does not follow it back to a pointer; Go keeps unsafe.Pointer arithmetic) */
{
  return (int *) ((__UINTPTR_TYPE__) x + 1);
}

int *foo116(_Bool b)
{
  if (b)
    {
      int x = 1;	/* { dg-message "moved to heap: x$" "" } */
      return &x;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
    }
  else
    {
      int y = 1;	/* { dg-message "moved to heap: y$" "" } */
      return &y;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
    }
  return 0;
}

void foo117(void (*unknown)(void *))	/* { dg-message "unknown does not escape$" "" } */
{
  int x = 1;	/* { dg-message "moved to heap: x$" "" } */
  unknown(&x);
}

void foo118(void (*unknown)(int *))	/* { dg-message "unknown does not escape$" "" } */
{
  int x = 1;	/* { dg-message "moved to heap: x$" "" } */
  unknown(&x);
}

void external(int *);

void foo119(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  external(x);
}

/* foo120 (labels, no verdict) not needed.  foo121, foo121b: defer and go.  */
/* go-noc: "... argument does not escape$" "i escapes to heap$" (defer) */
/* go-noc: "... argument does not escape$" "i escapes to heap$" (go statement) */
/* go-noc: "... argument does not escape$" "i escapes to heap$" (defer) */
/* go-noc: "... argument does not escape$" "i escapes to heap$" (go statement) */

void foo122(void)
{
  int *i;
  goto L1;
L1:
  i = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  (void) i;
}

void foo123(void)
{
  int *i;
L1:
  i = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "go-imprecise: i is overwritten before the next iteration reads it: the flow-sensitive GIMPLE sees the allocation dead at the backward goto, Go's loop depth does not" } */
  /* dropped-go-imprecise: "new\(int\) escapes to heap$" (i is overwritten before the next iteration reads it: the flow-sensitive GIMPLE sees the allocation dead at the backward goto, Go's loop depth does not) */
  goto L1;
  (void) i;
}

void foo124(int **x)	/* { dg-message "leaking param: x$" "c-differs: GNU C keeps the captured x and p in one frame object, read field-insensitively: storing p stores x too; Go captures each variable apart" } */
/* dropped-c-differs: "x does not escape$" (GNU C keeps the captured x and p in one frame object, read field-insensitively: storing p stores x too; Go captures each variable apart) */
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;
  void lit(void) { *x = p; }
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  lit();
}

void foo125(struct chanP *ch)	/* { dg-message "leaking param: ch$" "c-differs: GNU C keeps the captured ch and p in one frame object, read field-insensitively: storing p stores ch too; Go captures each variable apart" } */
/* dropped-c-differs: "ch does not escape$" (GNU C keeps the captured ch and p in one frame object, read field-insensitively: storing p stores ch too; Go captures each variable apart) */
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;
  void lit(void) { ch->buf[ch->n++] = p; }
  /* dropped-c-differs: "func literal does not escape" (called directly, the nested function's address is never taken) */
  lit();
}

/* foo126 on: a func literal called on the spot is a nested function called
   directly; its address is never taken, so there is no verdict for it.  */
#define LITCALL "called directly, the nested function's address is never taken"

void foo126(void)
{
  int *px = 0;	/* { dg-message "moved to heap: px$" "c-differs: GNU C keeps the captured px and i in one frame object: i moved to the heap takes px with it" } */
  for (;;)
    {
      int i = 0;	/* { dg-message "moved to heap: i$" "" } */
      void lit(void) { px = &i; }
      /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
      lit();
    }
  (void) px;
}

int *px;

void foo127(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p = &i;
  int *q = p;
  px = q;	/* { dg-warning "address of local variable 'i' escapes: stored in global 'px' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo128(void)
{
  int i = 0;
  int *p = &i;
  int *q = p;
  (void) q;
}

void foo129(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* (no certain warning: the flow reads a field) */
  int *p = &i;
  void lit(void)
  {
    int *q = p;
    void lit2(void)
    {
      int *r = q;
      px = r;
    }
    lit2();
  }
  /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
  /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
  lit();
}

void foo130(void)
{
  for (;;)
    {
      int i = 0;	/* { dg-message "moved to heap: i$" "" } */
      void lit(void) { px = &i; }
      /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
      /* c-only: no warning.  lit keeps &i in a global its summary names,
	 and the next iteration's call to lit may store that global again
	 before anything returns: the lifetime search (lifetimes.cc) takes
	 it as a possible restore.  i also dies at the end of each
	 iteration, which the search for a callee's global does not see.  */
      lit();
    }
}

void foo131(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  void lit(void) { px = &i; }
  /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
  lit();	/* { dg-warning "address of local variable 'i' escapes: stored in global 'px' by 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

/* foo132 (go), foo133 (defer).  */
/* go-noc: "moved to heap: i$" "func literal escapes to heap$" (go statement) */
/* go-noc: "moved to heap: i$" "func literal does not escape$" (defer) */

void foo134(void)
{
  int i = 0;
  int *p = &i;
  void lit(void)
  {
    int *q = p;
    void lit2(void)
    {
      int *r = q;
      (void) r;
    }
    lit2();
  }
  /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
  /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
  lit();
}

/* foo135, foo136, foo137: go statements.  */
/* go-noc: "moved to heap: i$" "func literal escapes to heap$" "func literal does not escape$" (go statement) */
/* go-noc: "moved to heap: i$" "func literal escapes to heap$" "func literal does not escape$" (go statement) */
/* go-noc: "moved to heap: i$" "func literal does not escape$" "func literal escapes to heap$" (go statement) */

unsigned char *foo138(void)
{
  struct T { unsigned char x[1]; };
  struct T *t = malloc(sizeof(struct T));	/* { dg-message "malloc\\(1\\) escapes to heap$" "" } */
  return &t->x[0];
}

unsigned char *foo139(void)
{
  struct T { struct { unsigned char y; } x; };
  struct T *t = malloc(sizeof(struct T));	/* { dg-message "malloc\\(1\\) escapes to heap$" "" } */
  return &t->x.y;
}

void *foo140(void)
{
  struct T { const char *X; };
  struct U { const char *X; struct T *T; };
  struct T *t = malloc(sizeof(struct T));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  *t = (struct T) { 0 };
  struct U *u = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  *u = (struct U) { t->X, t };
  return u;
}

/* //go:noescape has no C counterpart: F1 to F4 are external.  */
void F1(unsigned char *);
void F2(unsigned char *);
void F3(unsigned char *x);
void F4(unsigned char *x);
/* go-noc: "x does not escape$" (a declaration without body gets no verdict in C) */
/* go-noc: "leaking param: x$" (a declaration without body gets no verdict in C) */

void G(void)
{
  unsigned char buf1[10];	/* { dg-message "moved to heap: buf1$" "c-differs: C has no //go:noescape, an external function keeps its pointer arguments" } */
  F1(buf1);

  unsigned char buf2[10];	/* { dg-message "moved to heap: buf2$" "" } */
  F2(buf2);

  unsigned char buf3[10];	/* { dg-message "moved to heap: buf3$" "c-differs: C has no //go:noescape, an external function keeps its pointer arguments" } */
  F3(buf3);

  unsigned char buf4[10];	/* { dg-message "moved to heap: buf4$" "" } */
  F4(buf4);
}

struct Tm { int x; };

void Tm_M(struct Tm *t)	/* { dg-message "t does not escape$" "" } */
{
}

/* A method value t.M is a nested function calling Tm_M(t).  */
void foo141(void)
{
  void (*f)(void);
  struct Tm *t = malloc(sizeof(struct Tm));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate$" "" } */
  void tM(void) { Tm_M(t); }	/* { dg-message "nested function 'tM' does not escape$" "" } */
  f = tM;
  (void) f;
}

void (*gf)(void);

void foo142(void)
{
  struct Tm *t = malloc(sizeof(struct Tm));	/* { dg-message "malloc\\(4\\) escapes to heap$" "" } */
  /* { dg-message "moved to heap: t$" "c-differs: a GNU C nested function reads t in its frame: t is captured by reference, Go's method value copies t" { target *-*-* } .-1 } */
  /* { dg-message "'t' declared here$" "c-only" { target *-*-* } .-2 } */
  void tM(void) { Tm_M(t); }	/* { dg-message "nested function 'tM' escapes to heap$" "" } */
  gf = tM;	/* { dg-warning "address of local variable 't' escapes: captured by escaping nested function 'tM' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo143(void)
{
  for (int i = 0; i < 1000; i++)
    {
      void lit(void)
      {
	for (int i = 0; i < 1; i++)
	  {
	    struct Tm t;
	    Tm_M(&t);
	  }
      }
      /* dropped-c-differs: "func literal does not escape$" (called directly, the nested function's address is never taken) */
      lit();
    }
}

void foo144a(int *);
void foo144b(int *);

void foo144(void)
{
  int x = 0;	/* { dg-message "moved to heap: x$" "c-differs: C has no //go:noescape, an external function keeps its pointer arguments" } */
  foo144a(&x);
  int y = 0;	/* { dg-message "moved to heap: y$" "c-differs: C has no //go:noescape, an external function keeps its pointer arguments" } */
  foo144b(&y);
}

struct List { struct List *Next; };

void foo145(struct List l)	/* { dg-message "l does not escape$" "" } */
{
  struct List *p;
  for (p = &l; p->Next != 0; p = p->Next)
    ;
}

void foo146(struct List l)	/* { dg-message "l does not escape$" "" } */
{
  struct List *p;
  p = &l;
  for (; p->Next != 0; p = p->Next)
    ;
}

void foo147(struct List l)	/* { dg-message "l does not escape$" "" } */
{
  struct List *p;
  p = &l;
  while (p->Next != 0)
    p = p->Next;
}

void foo148(struct List l)	/* { dg-message "l does not escape$" "" } */
{
  for (struct List *p = &l; p->Next != 0; p = p->Next)
    ;
}

void foo149(struct List l)	/* { dg-message "l does not escape$" "" } */
{
  struct List *p;
  for (;;)
    for (p = &l; p->Next != 0; p = p->Next)
      ;
}

unsigned char *save150;

void foo150(unsigned char *x, int n)	/* { dg-message "leaking param: x$" "" } */
{
  save150 = x;
}

void bar150(void)
{
  unsigned char args[3] = { 1, 2, 3 };	/* { dg-message "moved to heap: args$" "c-differs: the ... argument is a local array in C" } */
  /* { dg-message "'args' declared here$" "c-only" { target *-*-* } .-1 } */
  foo150(args, 3);	/* { dg-warning "address of local variable 'args' escapes: stored in global 'save150' by 'foo150' \\\[escape/dangling-address\\\]$" "c-only" } */
  /* dropped-c-differs: "... argument escapes to heap$" (the ... argument is a local array in C) */
}

int *save151;

void foo151(int *x)	/* { dg-message "leaking param: x$" "" } */
{
  save151 = x;
}

void bar151(void)
{
  int a[64];	/* { dg-message "moved to heap: a$" "" } */
  /* { dg-message "'a' declared here$" "c-only" { target *-*-* } .-1 } */
  a[4] = 101;
  foo151(&(&a)[0][4]);	/* { dg-warning "address of local variable 'a' escapes: stored in global 'save151' by 'foo151' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void bar151b(void)
{
  int a[10];	/* { dg-message "moved to heap: a$" "" } */
  /* { dg-message "'a' declared here$" "c-only" { target *-*-* } .-1 } */
  int *b = a;
  foo151(&b[4]);	/* { dg-warning "address of local variable 'a' escapes: stored in global 'save151' by 'foo151' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void bar151c(void)
{
  int a[64];	/* { dg-message "moved to heap: a$" "" } */
  /* { dg-message "'a' declared here$" "c-only" { target *-*-* } .-1 } */
  a[4] = 101;
  foo151(&(&a)[0][4]);	/* { dg-warning "address of local variable 'a' escapes: stored in global 'save151' by 'foo151' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void bar151d(void)
{
  int a[10];	/* { dg-message "moved to heap: a$" "" } */
  /* { dg-message "'a' declared here$" "c-only" { target *-*-* } .-1 } */
  int *b = a;
  foo151(&b[4]);	/* { dg-warning "address of local variable 'a' escapes: stored in global 'save151' by 'foo151' \\\[escape/dangling-address\\\]$" "c-only" } */
}

/* issue 8120 (Go's U and V).  */
struct U8120 { const char **s; };

const char **U8120_String(struct U8120 *u)	/* { dg-message "leaking param: u to result ~r0 level=1$" "" } */
{
  return u->s;
}

struct V8120 { const char **s; };

struct V8120 *NewV(struct U8120 u)	/* { dg-message "leaking param: u$" "" } */
{
  struct V8120 *v = malloc(sizeof(struct V8120));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  *v = (struct V8120) { U8120_String(&u) };
  return v;
}

void foo152(void)
{
  const char *a = "a";	/* { dg-message "moved to heap: a$" "" } */
  struct U8120 u = { &a };
  struct V8120 *v = NewV(u);
  __builtin_printf("%p", (void *) v);
}

int *foo153(struct eface v)
  /* { dg-message "leaking param content: v$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "v does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  switch (v.tag)
    {
    case 1:
      {
	int x = *(int *) v.data;	/* { dg-message "moved to heap: x$" "" } */
	return &x;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
      }
    }
  abort();
  /* go-noc: "0 escapes to heap" (boxing into an interface) */
}

struct fres { int x; int *y; };

struct fres f(void)
{
  struct fres r;	/* { dg-message "moved to heap: r$" "c-differs: one C struct result holds both Go results x and y" } */
  /* { dg-message "'r' declared here$" "c-only" { target *-*-* } .-1 } */
  /* dropped-c-differs: "moved to heap: x$" (one C struct result holds both Go results x and y) */
  r.y = &r.x;	/* { dg-warning "address of local variable 'r' escapes: stored in global 'r' \\\[escape/dangling-address\\\]$" "c-only" } */
  return r;
}

void *g(void)
{
  void *x;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  x = &x;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'x' \\\[escape/dangling-address\\\]$" "c-only" } */
  return x;
}

struct Lit { int *p; };
struct Lit sinkLit;	/* sink = *x: the struct stored to the interface */

void ptrlitNoescape(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: the malloc'ed literal is filled by a store through its pointer, which goes to the heap (Go's rule too); Go's literal is no such store" } */
  struct Lit *x = malloc(sizeof(struct Lit));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *x = (struct Lit) { &i };
  (void) x;
}

void ptrlitNoEscape2(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Lit *x = malloc(sizeof(struct Lit));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *x = (struct Lit) { &i };
  sinkLit = *x;
}

void ptrlitEscape(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Lit *x = malloc(sizeof(struct Lit));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  *x = (struct Lit) { &i };
  sink = x;
}

struct Buffer
{
  unsigned char arr[64];
  unsigned char (*arrPtr)[64];
  unsigned char *buf1;
  unsigned char *buf2;
  const char *str1;
  const char *str2;
};

/* Go's "ignoring self-assignment" messages have no counterpart here (the
   rule is applied silently).  */
void Buffer_foo(struct Buffer *b)	/* { dg-message "b does not escape$" "" } */
{
  b->buf1 = b->buf1 + 1;
  b->buf1 = b->buf1 + 1;
  b->buf1 = b->buf2 + 1;
  b->buf1 = b->buf2 + 1;
  /* go-noc: "\(\*Buffer\).foo ignoring self-assignment in b.buf1 = b.buf1\[1:2\]$" "\(\*Buffer\).foo ignoring self-assignment in b.buf1 = b.buf1\[1:2:3\]$" "\(\*Buffer\).foo ignoring self-assignment in b.buf1 = b.buf2\[1:2\]$" "\(\*Buffer\).foo ignoring self-assignment in b.buf1 = b.buf2\[1:2:3\]$" (Go's self-assignment message) */
}

void Buffer_bar(struct Buffer *b)	/* { dg-message "leaking param: b$" "" } */
{
  b->buf1 = b->arr + 1;
}

void Buffer_arrayPtr(struct Buffer *b)	/* { dg-message "b does not escape$" "" } */
{
  b->buf1 = *b->arrPtr + 1;
  b->buf1 = *b->arrPtr + 1;
  /* go-noc: "\(\*Buffer\).arrayPtr ignoring self-assignment in b.buf1 = b.arrPtr\[1:2\]$" "\(\*Buffer\).arrayPtr ignoring self-assignment in b.buf1 = b.arrPtr\[1:2:3\]$" (Go's self-assignment message) */
}

void Buffer_baz(struct Buffer *b)	/* { dg-message "b does not escape$" "" } */
{
  b->str1 = b->str1 + 1;
  b->str1 = b->str2 + 1;
  /* go-noc: "\(\*Buffer\).baz ignoring self-assignment in b.str1 = b.str1\[1:2\]$" "\(\*Buffer\).baz ignoring self-assignment in b.str1 = b.str2\[1:2\]$" (Go's self-assignment message) */
}

void Buffer_bat(struct Buffer *b)	/* { dg-message "leaking param content: b$" "" } */
{
  struct Buffer *o = malloc(sizeof(struct Buffer));	/* { dg-message "malloc\\(104\\) escapes to heap$" "" } */
  o->buf1 = b->buf1 + 1;
  sink = o;
}

void quux(const char **sp, unsigned char **bp)	/* { dg-messages { "bp does not escape$" "sp does not escape$" } "" } */
{
  *sp = *sp + 1;
  *bp = *bp + 1;
  /* go-noc: "quux ignoring self-assignment in \*sp = \(\*sp\)\[1:2\]$" "quux ignoring self-assignment in \*bp = \(\*bp\)\[1:2\]$" (Go's self-assignment message) */
}

struct StructWithString { int *p; const char *s; };

void fieldFlowTracking(void)
{
  struct StructWithString x;
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  x.p = &i;
  sink = (void *) x.s;
  /* go-noc: "x.s escapes to heap$" (boxing a string into an interface) */
}

typedef void (*fv0)(void);

fv0 issue10353a(int *x)	/* { dg-message "leaking param: x$" "" } */
  /* { dg-message "moved to heap: x$" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" { target *-*-* } .-1 } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-2 } */
{
  void lit(void) { __builtin_printf("%d", *x); }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  return lit;	/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'lit' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void issue10353(void)
{
  int *x = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) escapes to heap$" "" } */
  issue10353a(x)();
}

void issue10353b(void)
{
  fv0 f;
  for (;;)
    {
      int *x = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) escapes to heap$" "" } */
      void lit(void) { __builtin_printf("%d", *x); }	/* { dg-message "nested function 'lit' does not escape$" "go-imprecise: f is never read, so the closure cannot outlive the iteration; the SSA form sees the dead store, Go's loop depth of f's declaration does not" } */
  /* dropped-go-imprecise: "func literal escapes to heap" (f, declared outside the loop, is assigned but never read) */
      f = lit;
    }
  (void) f;
}

typedef int (*fi)(void);

fi issue11387(int x)	/* { dg-message "moved to heap: x$" "c-differs: a GNU C nested function reads x in its frame: x is captured by reference, Go captures an unmodified x by value" } */
{
  int lit(void) { return x; }	/* { dg-message "nested function 'lit' escapes to heap$" "" } */
  fi f = lit;
  fi *slice1 = malloc(sizeof(fi));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  slice1[0] = f;
  fi *slice2 = malloc(sizeof(fi));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  memcpy(slice2, slice1, sizeof(fi));
  return slice2[0];
}

void issue12397(int x, int y)	/* { dg-message "moved to heap: y$" "" } */
  /* { dg-message "'y' declared here$" "c-only" { target *-*-* } .-1 } */
{
  if (0)
    gxx = &x;
  else
    gxx = &y;	/* { dg-warning "address of local variable 'y' escapes: stored in global 'gxx' \\\[escape/dangling-address\\\]$" "c-only" } */
  if (1)
    gxx = &y;
  else
    gxx = &x;
}

/* String operations.  A Go string or []byte is a char buffer, a []rune a
   wchar_t buffer; a conversion (string(b), []byte(s), []rune(s),
   string(r), string(x)) or a concatenation is the explicit malloc of the
   copy, filled by memcpy, snprintf or a loop, and Go's verdict on it is
   read on that malloc.  The lengths of Go's literal strings are known
   constants, as Go's are.  */

void slicebytetostring0(void)
{
  char *b = calloc(20, 1);	/* { dg-message "calloc\\(20, 1\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  char *s = malloc(20);	/* { dg-message "malloc\\(20\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  memcpy(s, b, 20);
  (void) s;
}

void slicebytetostring1(void)
{
  char *b = calloc(20, 1);	/* { dg-message "calloc\\(20, 1\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  char *s = malloc(20);	/* { dg-message "malloc\\(20\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  memcpy(s, b, 20);
  char *s1 = s + 0;
  (void) s1;
}

void slicebytetostring2(void)
{
  char *b = calloc(20, 1);	/* { dg-message "calloc\\(20, 1\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  char *s = malloc(20);	/* { dg-message "malloc\\(20\\) escapes to heap$" "" } */
  memcpy(s, b, 20);
  char *s1 = s + 0;	/* { dg-message "moved to heap: s1$" "" } */
  /* { dg-message "'s1' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = &s1;	/* { dg-warning "address of local variable 's1' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void slicebytetostring3(void)
{
  char *b = calloc(20, 1);	/* { dg-message "calloc\\(20, 1\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  char *s = malloc(20);	/* { dg-message "malloc\\(20\\) escapes to heap$" "" } */
  memcpy(s, b, 20);
  char *s1 = s + 0;
  sink = s1;
  /* go-noc: "s1 escapes to heap$" (boxing a string into an interface; the char pointer stored is the string's data) */
}

void addstr0(void)
{
  const char *s0 = "a";
  const char *s1 = "b";
  char *s = malloc(3);	/* { dg-message "malloc\\(3\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  snprintf(s, 3, "%s%s", s0, s1);
  (void) s;
}

void addstr1(void)
{
  const char *s0 = "a";
  const char *s1 = "b";
  const char *s = "c";
  char *t = malloc(4);	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  snprintf(t, 4, "%s%s%s", s, s0, s1);
  s = t;
  (void) s;
}

void addstr2(void)
{
  char *b = calloc(20, 1);	/* { dg-message "calloc\\(20, 1\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  const char *s0 = "a";
  char *s = malloc(22);	/* { dg-message "malloc\\(22\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  memcpy(s, b, 20);
  memcpy(s + 20, s0, 2);
  (void) s;
  /* go-noc: "string\(b\) does not escape$" (Go's temporary string of the conversion inside the concatenation; C copies b's bytes into the result directly) */
}

void addstr3(void)
{
  const char *s0 = "a";
  const char *s1 = "b";
  char *s = malloc(3);	/* { dg-message "malloc\\(3\\) escapes to heap$" "" } */
  snprintf(s, 3, "%s%s", s0, s1);
  char *s2 = s + 0;
  sink = s2;
  /* go-noc: "s2 escapes to heap$" (boxing a string into an interface; the char pointer stored is the string's data) */
}

int intstring0(void)
{
  int x = '0';
  char *s = malloc(5);	/* { dg-message "malloc\\(5\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  snprintf(s, 5, "%c", x);
  return strcmp(s, "0") == 0;
}

char *intstring1(void)
{
  int x = '0';
  char *s = malloc(5);	/* { dg-message "malloc\\(5\\) escapes to heap$" "" } */
  snprintf(s, 5, "%c", x);
  return s;
}

void intstring2(void)
{
  int x = '0';
  char *s = malloc(5);	/* { dg-messages { "moved to heap: s$" "malloc\\(5\\) escapes to heap$" } "" } */
  /* { dg-message "'s' declared here$" "c-only" { target *-*-* } .-1 } */
  snprintf(s, 5, "%c", x);
  sink = &s;	/* { dg-warning "address of local variable 's' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void stringtoslicebyte0(void)
{
  const char *s = "foo";
  char *x = malloc(3);	/* { dg-message "malloc\\(3\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  memcpy(x, s, 3);
  (void) x;
}

char *stringtoslicebyte1(void)
{
  const char *s = "foo";
  char *x = malloc(3);	/* { dg-message "malloc\\(3\\) escapes to heap$" "" } */
  memcpy(x, s, 3);
  return x;
}

void stringtoslicebyte2(void)
{
  const char *s = "foo";
  char *x = malloc(3);	/* { dg-message "malloc\\(3\\) escapes to heap$" "" } */
  memcpy(x, s, 3);
  sink = x;
}

void stringtoslicerune0(void)
{
  const char *s = "foo";
  wchar_t *x = malloc(3 * sizeof(wchar_t));	/* { dg-message "malloc\\(12\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  for (int i = 0; i < 3; i++)
    x[i] = s[i];
  (void) x;
}

wchar_t *stringtoslicerune1(void)
{
  const char *s = "foo";
  wchar_t *x = malloc(3 * sizeof(wchar_t));	/* { dg-message "malloc\\(12\\) escapes to heap$" "" } */
  for (int i = 0; i < 3; i++)
    x[i] = s[i];
  return x;
}

void stringtoslicerune2(void)
{
  const char *s = "foo";
  wchar_t *x = malloc(3 * sizeof(wchar_t));	/* { dg-message "malloc\\(12\\) escapes to heap$" "" } */
  for (int i = 0; i < 3; i++)
    x[i] = s[i];
  sink = x;
}

void slicerunetostring0(void)
{
  wchar_t *r = malloc(3 * sizeof(wchar_t));	/* { dg-message "malloc\\(12\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  r[0] = 1; r[1] = 2; r[2] = 3;
  char *s = malloc(3);	/* { dg-message "malloc\\(3\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  for (int i = 0; i < 3; i++)
    s[i] = (char) r[i];
  (void) s;
}

char *slicerunetostring1(void)
{
  wchar_t *r = malloc(3 * sizeof(wchar_t));	/* { dg-message "malloc\\(12\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  r[0] = 1; r[1] = 2; r[2] = 3;
  char *s = malloc(3);	/* { dg-message "malloc\\(3\\) escapes to heap$" "" } */
  for (int i = 0; i < 3; i++)
    s[i] = (char) r[i];
  return s;
}

void slicerunetostring2(void)
{
  wchar_t *r = malloc(3 * sizeof(wchar_t));	/* { dg-message "malloc\\(12\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  r[0] = 1; r[1] = 2; r[2] = 3;
  char *s = malloc(3);	/* { dg-message "malloc\\(3\\) escapes to heap$" "" } */
  for (int i = 0; i < 3; i++)
    s[i] = (char) r[i];
  sink = s;
}

struct mapII { int k[8]; int v[8]; int n; };	/* map[int]int */

void makemap0(void)
{
  struct mapII *m = calloc(1, sizeof(struct mapII));	/* { dg-message "calloc\\(1, 68\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  m->k[0] = 0; m->v[0] = 0;	/* m[0] = 0 */
  m->k[1] = 1; m->v[1] = 0; m->n = 2;
  m->v[1]++;	/* m[1]++ */
  m->n = 1;	/* delete(m, 1) */
  sink = (void *) (long) m->v[0];
  /* go-noc: "m\[0\] escapes to heap$" (boxing an int into an interface) */
}

struct mapII *makemap1(void)
{
  return calloc(1, sizeof(struct mapII));	/* { dg-message "calloc\\(1, 68\\) escapes to heap$" "" } */
}

void makemap2(void)
{
  struct mapII *m = calloc(1, sizeof(struct mapII));	/* { dg-message "calloc\\(1, 68\\) escapes to heap$" "" } */
  sink = m;
}

struct mapEB { const char *k[8]; _Bool v[8]; int n; };	/* map[interface{}]bool, string keys */

_Bool nonescapingEface(struct mapEB *m)
  /* { dg-message "leaking param: m to result ~r0 level=1$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "m does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  for (int i = 0; i < m->n; i++)
    if (strcmp(m->k[i], "foo") == 0)
      return m->v[i];
  return 0;
  /* go-noc: ".foo. does not escape$" (boxing a string into an interface) */
}

struct mapMB { struct M k[8]; _Bool v[8]; int n; };	/* map[M]bool */

_Bool nonescapingIface(struct mapMB *m)
  /* { dg-message "leaking param: m to result ~r0 level=1$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "m does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  for (int i = 0; i < m->n; i++)
    if (m->k[i].m == MV_M && *(MV *) m->k[i].data == 0)
      return m->v[i];
  return 0;
  /* go-noc: "MV\(0\) does not escape$" (boxing a value into an interface) */
}
