/* Port of Go's test/escape_field.go: field-insensitivity.  Go's sink of
   a struct value (an interface boxing) is a store to a global struct;
   Go's interface{} holding a struct is an explicit malloc'ed box.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

void *sink;

struct X
{
  int *p1;
  int *p2;
  int *a[2];
};

struct Y
{
  struct X x;
};

struct X xsink;
struct Y ysink;

void field0(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { 0 };
  x.p1 = &i;
  sink = x.p1;
}

void field1(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { 0 };
  /* Go's verdict is imprecise (field-insensitive); it is ours too.  */
  x.p1 = &i;
  sink = x.p2;
}

void field3(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  struct X x = { 0 };
  x.p1 = &i;
  xsink = x;	/* { dg-warning "address of local variable 'i' escapes: stored in global 'xsink' \\\[escape/dangling-address\\\]$" "c-only" } */
  /* go-noc: "x escapes to heap" (boxing into an interface; C copies the struct into a global) */
}

void field4(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Y y = { 0 };
  y.x.p1 = &i;
  struct X x = y.x;
  xsink = x;
  /* go-noc: "x escapes to heap" (boxing into an interface; C copies the struct into a global) */
}

void field5(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { 0 };
  x.a[0] = &i;
  sink = x.a[1];
}

/* Go marks this verdict as imprecise (only x->p2 leaks).  */
void field6(struct X *x)	/* { dg-message "leaking param content: x$" "" } */
{
  sink = x->p2;
}

void field6a(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* (no certain warning: the flow reads a field) */
  struct X x = { 0 };
  x.p1 = &i;
  field6(&x);
}

void field7(void)
{
  int i = 0;
  struct Y y = { 0 };
  y.x.p1 = &i;
  struct X x = y.x;
  struct Y y1 = { 0 };
  y1.x = x;
  (void) y1.x.p1;
}

void field8(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Y y = { 0 };
  y.x.p1 = &i;
  struct X x = y.x;
  struct Y y1 = { 0 };
  y1.x = x;
  sink = y1.x.p1;
}

void field9(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Y y = { 0 };
  y.x.p1 = &i;
  struct X x = y.x;
  struct Y y1 = { 0 };
  y1.x = x;
  xsink = y1.x;
  /* go-noc: "y1.x escapes to heap" (boxing into an interface; C copies the struct into a global) */
}

void field10(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Y y = { 0 };
  y.x.p1 = &i;
  struct X x = y.x;
  struct Y y1 = { 0 };
  y1.x = x;
  sink = y1.x.p2;
}

void field11(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { .p1 = &i };
  sink = x.p1;
}

void field12(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { .p1 = &i };
  sink = x.p2;
}

void field13(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X *x = malloc(sizeof(struct X));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *x = (struct X) { .p1 = &i };
  sink = x->p1;
  free(x);
}

void field14(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X *x = malloc(sizeof(struct X));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *x = (struct X) { .p1 = &i };
  sink = x->p2;
  free(x);
}

void field15(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X *x = malloc(sizeof(struct X));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  *x = (struct X) { .p1 = &i };
  sink = x;
}

void field16(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { 0 };
  x.p1 = &i;
  struct X *box = malloc(sizeof(struct X));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *box = x;
  void *iface = box;
  struct X x1 = *(struct X *) iface;
  sink = x1.p2;
  free(box);
}

void field17(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { 0 };
  x.p1 = &i;
  struct X *box = malloc(sizeof(struct X));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *box = x;
  void *iface = box;
  struct X x1 = *(struct X *) iface;
  sink = x1.p1;
  free(box);
}

int is_y;
void field18(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct X x = { 0 };
  x.p1 = &i;
  struct X *box = malloc(sizeof(struct X));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *box = x;
  void *iface = box;
  struct Y y = { 0 };
  if (is_y)
    y = *(struct Y *) iface;
  ysink = y;
  /* go-noc: "y escapes to heap" (boxing into an interface; C copies the struct into a global) */
  free(box);
}
