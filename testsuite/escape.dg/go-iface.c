/* Port of Go's test/escape_iface.go: an interface value is a C struct of
   a method pointer and a "void *" data word; a value that does not fit
   the data word is boxed in an explicit malloc.  Type assertions are
   casts of the data word.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

struct M { void (*m)(void *); void *data; };

void *sink;
struct M msink;

void mescapes(struct M m)	/* { dg-message "leaking param: m$" "" } */
{
  msink = m;
}

void mdoesnotescape(struct M m)	/* { dg-message "m does not escape$" "" } */
{
}

/* M0: a pointer-shaped value stored directly in the interface.  */
struct M0 { int *p; };
void M0_M(void *self) {}	/* { dg-message "self does not escape$" "c-only" } */

void efaceEscape0(void)
{
  {
    int i = 0;
    struct M0 v = { &i };
    struct M x = { M0_M, v.p };
    (void) x;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M0 v = { &i };
    struct M x = { M0_M, v.p };
    msink = x;
  }
  {
    int i = 0;
    struct M0 v = { &i };
    struct M x = { M0_M, v.p };
    struct M0 v1 = { x.data };
    (void) v1;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M0 v = { &i };
    struct M x = { M0_M, v.p };
    struct M0 v1 = { x.data };
    sink = v1.p;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: x.m(x.data) is a call through a function pointer, an opaque interface call in C; Go devirtualizes it from the dynamic type it knows" } */
    struct M0 v = { &i };
    struct M x = { M0_M, v.p };
    x.m(x.data);
    /* go-noc: "devirtualizing x.M" (Go's devirtualization message) */
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
    struct M0 v = { &i };
    struct M x = { M0_M, v.p };
    mescapes(x);	/* { dg-warning "address of local variable 'i' escapes: stored in global 'msink' by 'mescapes' \\\[escape/dangling-address\\\]$" "c-only" } */
  }
  {
    int i = 0;
    struct M0 v = { &i };
    struct M x = { M0_M, v.p };
    mdoesnotescape(x);
  }
}

/* M1: a value too big for the data word: boxed.  */
struct M1 { int *p; int x; };
void M1_M(void *self) {}	/* { dg-message "self does not escape$" "c-only" } */

void efaceEscape1(void)
{
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: C fills the malloc'ed box or literal by a store through its pointer, which sends the stored address to the heap (Go's rule too); Go's implicit boxing and &T{...} literals are not stores through a pointer" } */
    struct M1 v = { &i, 0 };
    struct M1 *box = malloc(sizeof v);	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate$" "" } */
    *box = v;
    struct M x = { M1_M, box };
    (void) x;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M1 v = { &i, 0 };
    struct M1 *box = malloc(sizeof v);	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
    *box = v;
    struct M x = { M1_M, box };
    msink = x;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: C fills the malloc'ed box or literal by a store through its pointer, which sends the stored address to the heap (Go's rule too); Go's implicit boxing and &T{...} literals are not stores through a pointer" } */
    struct M1 v = { &i, 0 };
    struct M1 *box = malloc(sizeof v);	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate$" "" } */
    *box = v;
    struct M x = { M1_M, box };
    struct M1 v1 = *(struct M1 *) x.data;
    (void) v1;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M1 v = { &i, 0 };
    struct M1 *box = malloc(sizeof v);	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate$" "" } */
    *box = v;
    struct M x = { M1_M, box };
    struct M1 v1 = *(struct M1 *) x.data;
    struct M1 *box1 = malloc(sizeof v1);	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
    *box1 = v1;
    sink = box1;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: x.m(x.data) is a call through a function pointer, an opaque interface call in C; Go devirtualizes it from the dynamic type it knows" } */
    struct M1 v = { &i, 0 };
    struct M1 *box = malloc(sizeof v);	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: x.m(x.data) is a call through a function pointer, an opaque interface call in C; Go devirtualizes it from the dynamic type it knows" } */
  /* dropped-c-differs: "malloc(16) does not escape" (x.m(x.data) is a call through a function pointer, an opaque interface call in C; Go devirtualizes it from the dynamic type it knows) */
    *box = v;
    struct M x = { M1_M, box };
    x.m(x.data);
    /* go-noc: "devirtualizing x.M" (Go's devirtualization message) */
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M1 v = { &i, 0 };
    struct M1 *box = malloc(sizeof v);	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
    *box = v;
    struct M x = { M1_M, box };
    mescapes(x);
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: C fills the malloc'ed box or literal by a store through its pointer, which sends the stored address to the heap (Go's rule too); Go's implicit boxing and &T{...} literals are not stores through a pointer" } */
    struct M1 v = { &i, 0 };
    struct M1 *box = malloc(sizeof v);	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate$" "" } */
    *box = v;
    struct M x = { M1_M, box };
    mdoesnotescape(x);
  }
}

/* M2: a pointer stored directly, pointer receiver.  */
struct M2 { int *p; };
void M2_M(void *self) {}	/* { dg-message "self does not escape$" "c-only" } */

void efaceEscape2(void)
{
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: C fills the malloc'ed box or literal by a store through its pointer, which sends the stored address to the heap (Go's rule too); Go's implicit boxing and &T{...} literals are not stores through a pointer" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate$" "" } */
    v->p = &i;
    struct M x = { M2_M, v };
    (void) x;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
    v->p = &i;
    struct M x = { M2_M, v };
    msink = x;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: C fills the malloc'ed box or literal by a store through its pointer, which sends the stored address to the heap (Go's rule too); Go's implicit boxing and &T{...} literals are not stores through a pointer" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate$" "" } */
    v->p = &i;
    struct M x = { M2_M, v };
    struct M2 *v1 = x.data;
    (void) v1;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
    v->p = &i;
    struct M x = { M2_M, v };
    struct M2 *v1 = x.data;
    sink = v1;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate$" "" } */
    v->p = &i;
    struct M x = { M2_M, v };
    struct M2 *v1 = x.data;
    sink = v1->p;
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: x.m(x.data) is a call through a function pointer, an opaque interface call in C; Go devirtualizes it from the dynamic type it knows" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) escapes to heap$" "c-differs: x.m(x.data) is a call through a function pointer, an opaque interface call in C; Go devirtualizes it from the dynamic type it knows" } */
  /* dropped-c-differs: "malloc(8) does not escape" (x.m(x.data) is a call through a function pointer, an opaque interface call in C; Go devirtualizes it from the dynamic type it knows) */
    v->p = &i;
    struct M x = { M2_M, v };
    x.m(x.data);
    /* go-noc: "devirtualizing x.M" (Go's devirtualization message) */
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
    v->p = &i;
    struct M x = { M2_M, v };
    mescapes(x);
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "c-differs: C fills the malloc'ed box or literal by a store through its pointer, which sends the stored address to the heap (Go's rule too); Go's implicit boxing and &T{...} literals are not stores through a pointer" } */
    struct M2 *v = malloc(sizeof *v);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate$" "" } */
    v->p = &i;
    struct M x = { M2_M, v };
    mdoesnotescape(x);
  }
}
/* go-noc: "&M2{...} does not escape" and "moved to heap: i" of Go's
   "v1, ok := x.(*M2)" block: the same C as the block before it.  */

struct T1 { int *p; };
struct T2 { struct T1 T1; };

struct T2 *dotTypeEscape(void)
{
  void *x;
  struct T1 *t1 = malloc(sizeof(struct T1));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  t1->p = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) escapes to heap$" "" } */
  x = t1;
  struct T2 *r = malloc(sizeof(struct T2));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  r->T1 = *(struct T1 *) x;
  return r;
}

int isink;
void dotTypeEscape2(void)
{
  {
    int i = 0, j = 0, v;
    int *x = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
    *x = i;
    int *y = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
    *y = j;
    *(&v) = *x;
    *(&v) = *y;
    isink = v;
  }
  {
    int i = 0, j = 0;
    int *x = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
    *x = i;
    int *y = malloc(sizeof(int));	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
    *y = j;
    isink = *x;
    isink = *y;
    /* go-noc: "x.(int) escapes to heap" (re-boxing into an interface sink; C copies the int) */
  }
  {
    int i = 0;	/* { dg-message "moved to heap: i$" "" } */
    int j = 0;	/* { dg-message "moved to heap: j$" "" } */
  /* { dg-message "'j' declared here$" "c-only" { target *-*-* } .-1 } */
    void *x = &i;
    void *y = &j;
    /* c-only: no warning for i, overwritten in sink before it dies.  */
    sink = (int *) x;
    sink = (int *) y;	/* { dg-warning "address of local variable 'j' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
  }
}
/* go-noc: "T{} does not escape" (issue42279: boxing a zero-size value) */
/* go-noc: "partially devirtualizing i.M to T" (Go's devirtualization message) */
