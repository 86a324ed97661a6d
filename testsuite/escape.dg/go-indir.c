/* Port of Go's test/escape_indir.go: stores through pointers.
   Go's &ConstPtr{} and new(ConstPtr) are malloc(sizeof(struct ConstPtr)),
   32 bytes; "sink = *x" of a struct is a store to a global struct.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

void *sink;

struct ConstPtr2
{
  int *p;
  int i;
};

struct ConstPtr
{
  int *p;
  struct ConstPtr2 c;
  struct ConstPtr **x;
};

struct ConstPtr csink;

void constptr0(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *x = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  /* Go marks the escape of i as imprecise: it is its verdict.  */
  x->p = &i;
  free(x);
}

struct ConstPtr *constptr01(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *x = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  x->p = &i;
  return x;
}

struct ConstPtr constptr02(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *x = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  x->p = &i;
  return *x;
}

struct ConstPtr **constptr03(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *x = malloc(sizeof(struct ConstPtr));	/* { dg-messages { "malloc\\(32\\) escapes to heap$" "moved to heap: x$" } "" } */
  x->p = &i;
  return &x;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

void constptr1(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *x = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  x->p = &i;
  sink = x;
}

void constptr2(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *x = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  x->p = &i;
  csink = *x;
  /* go-noc: "*x escapes to heap" (Go boxes the struct into an interface; C copies it into a global struct) */
  free(x);
}

struct ConstPtr *constptr4(void)
{
  struct ConstPtr *p = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  *p = *&(struct ConstPtr) { 0 };
  /* go-noc: "&ConstPtr{} does not escape" (a C compound literal is a local object, not an allocation) */
  return p;
}

struct ConstPtr *constptr5(void)
{
  struct ConstPtr *p = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  struct ConstPtr *p1 = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *p = *p1;
  free(p1);
  return p;
}

/* Go marks "leaking param content: p" as imprecise: it is its verdict.  */
void constptr6(struct ConstPtr *p)	/* { dg-message "leaking param content: p$" "" } */
{
  struct ConstPtr *p1 = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *p1 = *p;
  free(p1);
}

struct ConstPtr **constptr7(void)
{
  struct ConstPtr *p = malloc(sizeof(struct ConstPtr));	/* { dg-messages { "malloc\\(32\\) escapes to heap$" "moved to heap: p$" } "" } */
  struct ConstPtr2 tmp = { 0 };
  struct ConstPtr2 *p1 = &tmp;
  p->c = *p1;
  return &p;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

struct ConstPtr *constptr8(void)
{
  struct ConstPtr *p = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  struct ConstPtr2 tmp = { 0 };
  p->c = *&tmp;
  return p;
}

struct ConstPtr constptr9(void)
{
  struct ConstPtr *p = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  struct ConstPtr2 p1;
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  p1.p = &i;
  p->c = p1;
  return *p;
}

struct ConstPtr constptr10(void)
{
  struct ConstPtr *x = malloc(sizeof(struct ConstPtr));	/* { dg-messages { "moved to heap: x$" "malloc\\(32\\) escapes to heap$" } "" } */
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *p;
  p = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate$" "" } */
  p->p = &i;
  p->x = &x;
  struct ConstPtr **pp;
  pp = &p;
  return **pp;
}

struct ConstPtr *constptr11(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct ConstPtr *p = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  struct ConstPtr *p1 = malloc(sizeof(struct ConstPtr));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  p1->p = &i;
  *p = *p1;
  free(p1);
  return p;
}

void foo(int **p)	/* { dg-message "p does not escape$" "" } */
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int **y = p;
  *y = &i;	/* { dg-warning "address of local variable 'i' escapes: stored through parameter 'p' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void foo1(int *p)	/* { dg-message "p does not escape$" "" } */
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int **y = &p;
  *y = &i;
}

void foo2(void)
{
  struct Z { int **f; };
  int *x = malloc(sizeof(int));	/* { dg-messages { "moved to heap: x$" "malloc\\(4\\) escapes to heap$" } "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = &x;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
  struct Z z;
  z.f = &x;
  int **p = z.f;
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  *p = &i;
}

char *global;

void f(void)
{
  char x;	/* { dg-message "moved to heap: x$" "" } */
  /* { dg-message "'x' declared here$" "c-only" { target *-*-* } .-1 } */
  global = &*&x;	/* { dg-warning "address of local variable 'x' escapes: stored in global 'global' \\\[escape/dangling-address\\\]$" "c-only" } */
}
