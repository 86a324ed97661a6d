/* Harness self-test: the LINE argument of a directive: ".", ".-N", ".+N"
   and absolute line numbers.  */

int *
f1 (void)
{
  int a = 0;
  return &a;
  /* { dg-warning "returns address of local" "relative .-1" { target *-*-* } .-1 } */
}

/* { dg-warning "returns address of local" "relative .+3" { target *-*-* } .+3 } */
int *f2 (void) {
  int b = 0;
  return &b; }

int *f3 (void) { int c = 0; return &c; } /* { dg-warning "returns address" "dot" { target *-*-* } . } */

int *f4 (void) { int d = 0; return &d; }
/* { dg-warning "returns address of local" "absolute" { target *-*-* } 19 } */

/* An empty selector is allowed, too.  */
int *f5 (void) { int e = 0; return &e; }
/* { dg-warning "returns address of local" "" "" .-1 } */
