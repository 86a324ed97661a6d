/* Port of Go's test/escape_param.go: parameters.  Methods are functions
   taking the receiver first; Go's multiple results are one C struct;
   "sink = v" of a struct value is a store to a global struct.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

int zero(void) { return 0; }

void *sink;

int *param0(int *p)	/* { dg-message "leaking param: p to result ~r0 level=0$" "" } */
{
  return p;
}

void caller0a(void)
{
  int i = 0;
  (void) param0(&i);
}

void caller0b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  sink = param0(&i);	/* { dg-warning "address of local variable 'i' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

struct two { int *a, *b; };

struct two param1(int *p1, int *p2)	/* { dg-message "leaking param: p1 to result ~r0 level=0$" "" } */
  /* { dg-message "leaking param: p2 to result ~r0 level=0$" "c-differs: one C struct result ~r0 holds both Go results" { target *-*-* } .-1 } */
  /* dropped-c-differs: "leaking param: p2 to result ~r1" (one C struct result ~r0 holds both Go results) */
{
  return (struct two) { p1, p2 };
}

void caller1(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int j = 0;	/* { dg-message "moved to heap: j$" "c-differs: field-insensitive: both Go results are the one C result, so j is stored with i; Go tells ~r0 from ~r1" } */
  sink = param1(&i, &j).a;
}

void param2(int *p1, int **p2)	/* { dg-messages { "leaking param: p1$" "p2 does not escape$" } "" } */
{
  *p2 = p1;
}

void caller2a(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;
  param2(&i, &p);
  (void) p;
}

void caller2b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;
  param2(&i, &p);
  sink = p;
}

struct Pair { int *p1; int *p2; };
struct PairOfPairs { struct Pair *pairs[2]; };
struct BoxedPair { struct Pair *pair; };
struct WrappedPair { struct Pair pair; };

void paramArraySelfAssign(struct PairOfPairs *p)	/* { dg-message "p does not escape$" "" } */
{
  p->pairs[0] = p->pairs[1];
  /* go-noc: "ignoring self-assignment in p.pairs(0) = p.pairs(1)" (Go's message for a skipped statement) */
}

void paramArraySelfAssignUnsafeIndex(struct PairOfPairs *p)	/* { dg-message "p does not escape$" "go-imprecise: the value moves within *p whatever the index; Go gives up on the rule when an index calls a function, but the call cannot make the stored value escape" } */
  /* dropped-go-imprecise: "leaking param content: p" (Go skips its self-assignment rule when an index may have effects; the store still stays inside *p) */
{
  p->pairs[zero()] = p->pairs[1];
  p->pairs[zero() + 1] = p->pairs[1];
}

void leakParam(void *x)	/* { dg-message "leaking param: x$" "" } */
{
  sink = x;
}

struct Pair psink;

void sinkAfterSelfAssignment1(struct BoxedPair *box)	/* { dg-message "leaking param content: box$" "" } */
{
  box->pair->p1 = box->pair->p2;
  /* go-noc: "ignoring self-assignment in box.pair.p1 = box.pair.p2" (Go's message for a skipped statement) */
  sink = box->pair->p2;
}

void sinkAfterSelfAssignment2(struct BoxedPair *box)	/* { dg-message "leaking param content: box$" "" } */
{
  box->pair->p1 = box->pair->p2;
  /* go-noc: "ignoring self-assignment in box.pair.p1 = box.pair.p2" (Go's message for a skipped statement) */
  sink = box->pair;
}

void sinkAfterSelfAssignment3(struct BoxedPair *box)	/* { dg-message "leaking param content: box$" "" } */
{
  box->pair->p1 = box->pair->p2;
  /* go-noc: "ignoring self-assignment in box.pair.p1 = box.pair.p2" (Go's message for a skipped statement) */
  leakParam(box->pair->p2);
}

void sinkAfterSelfAssignment4(struct BoxedPair *box)	/* { dg-message "leaking param content: box$" "" } */
{
  box->pair->p1 = box->pair->p2;
  /* go-noc: "ignoring self-assignment in box.pair.p1 = box.pair.p2" (Go's message for a skipped statement) */
  leakParam(box->pair);
}

void selfAssignmentAndUnrelated(struct BoxedPair *box1, struct BoxedPair *box2)	/* { dg-messages { "leaking param content: box2$" "box1 does not escape$" } "" } */
{
  box1->pair->p1 = box1->pair->p2;
  /* go-noc: "ignoring self-assignment in box1.pair.p1 = box1.pair.p2" (Go's message for a skipped statement) */
  leakParam(box2->pair->p2);
}

void notSelfAssignment1(struct BoxedPair *box1, struct BoxedPair *box2)	/* { dg-messages { "leaking param content: box2$" "box1 does not escape$" } "" } */
{
  box1->pair->p1 = box2->pair->p1;
}

void notSelfAssignment2(struct PairOfPairs *p1, struct PairOfPairs *p2)	/* { dg-messages { "leaking param content: p2$" "p1 does not escape$" } "" } */
{
  p1->pairs[0] = p2->pairs[1];
}

void notSelfAssignment3(struct PairOfPairs *p1, struct PairOfPairs *p2)	/* { dg-messages { "leaking param content: p2$" "p1 does not escape$" } "" } */
{
  p1->pairs[0]->p1 = p2->pairs[1]->p1;
}

void boxedPairSelfAssign(struct BoxedPair *box)	/* { dg-message "box does not escape$" "" } */
{
  box->pair->p1 = box->pair->p2;
  /* go-noc: "ignoring self-assignment in box.pair.p1 = box.pair.p2" (Go's message for a skipped statement) */
}

void wrappedPairSelfAssign(struct WrappedPair *w)	/* { dg-message "w does not escape$" "" } */
{
  w->pair.p1 = w->pair.p2;
  /* go-noc: "ignoring self-assignment in w.pair.p1 = w.pair.p2" (Go's message for a skipped statement) */
}

void param3(struct Pair *p)	/* { dg-message "p does not escape$" "" } */
{
  p->p1 = p->p2;
  /* go-noc: "param3 ignoring self-assignment in p.p1 = p.p2" (Go's message for a skipped statement) */
}

void caller3a(void)
{
  int i = 0;
  int j = 0;
  struct Pair p = { &i, &j };
  param3(&p);
  (void) p;
}

void caller3b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int j = 0;	/* { dg-message "moved to heap: j$" "" } */
  /* { dg-message "'j' declared here$" "c-only" { target *-*-* } .-1 } */
  struct Pair p = { &i, &j };
  param3(&p);
  psink = p;	/* { dg-warnings { "address of local variable 'i' escapes: stored in global 'psink' \\\[escape/dangling-address\\\]$" "address of local variable 'j' escapes: stored in global 'psink' \\\[escape/dangling-address\\\]$" } "c-only" } */
  /* go-noc: "p escapes to heap" (boxing into an interface; C copies the struct into a global) */
}

void param4(struct Pair *p, int *i)	/* { dg-messages { "p does not escape$" "leaking param: i$" } "" } */
{
  p->p1 = i;
}

void caller4a(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Pair p = { 0 };
  param4(&p, &i);
  (void) p;
}

void caller4b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  struct Pair p = { 0 };
  param4(&p, &i);
  psink = p;
  /* go-noc: "p escapes to heap" (boxing into an interface; C copies the struct into a global) */
}

void param5(int *i)	/* { dg-message "leaking param: i$" "" } */
{
  sink = i;
}

void caller5(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  param5(&i);	/* { dg-warning "address of local variable 'i' escapes: stored in global 'sink' by 'param5' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void param6(int ***i)	/* { dg-message "leaking param content: i$" "" } */
{
  sink = *i;
}

void caller6a(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  /* { dg-message "'p' declared here$" "c-only" { target *-*-* } .-1 } */
  int **p2 = &p;
  param6(&p2);	/* { dg-warning "address of local variable 'p' escapes: stored in global 'sink' by 'param6' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void param7(int ***i)	/* { dg-message "leaking param content: i$" "" } */
{
  sink = **i;
}

void caller7(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p = &i;
  int **p2 = &p;
  param7(&p2);	/* { dg-warning "address of local variable 'i' escapes: stored in global 'sink' by 'param7' \\\[escape/dangling-address\\\]$" "c-only" } */
}

int isink;
void param8(int **i)
  /* { dg-message "leaking param content: i$" "c-differs: issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there" { target *-*-* } .-1 } */
  /* dropped-c-differs: "i does not escape$" (issue 10: C's memory is untyped, so a value read through it may be a pointer's bytes whatever its type; Go's typed memory carries nothing there) */
{
  isink = **i;
  /* go-noc: "*(*i) escapes to heap" (boxing an int into an interface; C copies the int) */
}

void caller8(void)
{
  int i = 0;
  int *p = &i;
  param8(&p);
}

int **param9(int ***p)	/* { dg-message "leaking param: p to result ~r0 level=1$" "" } */
{
  return *p;
}

void caller9a(void)
{
  int i = 0;
  int *p = &i;
  int **p2 = &p;
  (void) param9(&p2);
}

void caller9b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  /* { dg-message "'p' declared here$" "c-only" { target *-*-* } .-1 } */
  int **p2 = &p;
  sink = param9(&p2);	/* { dg-warning "address of local variable 'p' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

int *param10(int ***p)	/* { dg-message "leaking param: p to result ~r0 level=2$" "" } */
{
  return **p;
}

void caller10a(void)
{
  int i = 0;
  int *p = &i;
  int **p2 = &p;
  (void) param10(&p2);
}

void caller10b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
  int *p = &i;
  int **p2 = &p;
  sink = param10(&p2);	/* { dg-warning "address of local variable 'i' escapes: stored in global 'sink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

int ***param11(int **i)	/* { dg-message "moved to heap: i$" "" } */
{
  return &i;	/* { dg-warning "function returns address of local variable \\\[-Wreturn-local-addr\\\]$" "c-only" } */
}

void caller11a(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  (void) param11(&p);
}

void caller11b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  /* (no certain warning: the flow reads a field) */
  sink = param11(&p);
}

void caller11c(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  /* (no certain warning: the flow reads a field) */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  sink = *param11(&p);
}

void caller11d(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  /* (no certain warning: the flow reads a field) */
  int **p2 = &p;
  sink = param11(p2);
}

struct Indir { int ***p; };
struct Indir isink2;

void param12(struct Indir *r, int **i)	/* { dg-messages { "r does not escape$" "moved to heap: i$" } "" } */
  /* { dg-message "'i' declared here$" "c-only" { target *-*-* } .-1 } */
{
  r->p = &i;	/* { dg-warning "address of local variable 'i' escapes: stored through parameter 'r' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void caller12a(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  struct Indir r;
  param12(&r, &p);
  (void) r;
}

void caller12b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  struct Indir *r = malloc(sizeof(struct Indir));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  param12(r, &p);
  free(r);
}

void caller12c(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  struct Indir r = { 0 };
  param12(&r, &p);
  isink2 = r;
}

void caller12d(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p = &i;	/* { dg-message "moved to heap: p$" "" } */
  struct Indir r = { 0 };
  param12(&r, &p);
  sink = **r.p;
}

struct Val { int **p; };
struct Val vsink;

void param13(struct Val v, int *i)	/* { dg-messages { "v does not escape$" "leaking param: i$" } "" } */
{
  *v.p = i;
}

void caller13a(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;
  struct Val v;
  v.p = &p;
  param13(v, &i);
  (void) v;
}

void caller13b(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;
  struct Val v = { &p };
  param13(v, &i);
  (void) v;
}

void caller13c(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;	/* { dg-message "moved to heap: p$" "c-differs: C fills the malloc'ed Val by a store through its pointer, which sends &p to the heap (Go's rule too); Go's &Val{...} literal is not a store through a pointer" } */
  struct Val *v = malloc(sizeof(struct Val));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  v->p = &p;
  param13(*v, &i);
  free(v);
}

void caller13d(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;	/* { dg-message "moved to heap: p$" "" } */
  /* { dg-message "'p' declared here$" "c-only" { target *-*-* } .-1 } */
  struct Val v;
  v.p = &p;
  param13(v, &i);
  vsink = v;	/* { dg-warning "address of local variable 'p' escapes: stored in global 'vsink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void caller13e(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;	/* { dg-message "moved to heap: p$" "" } */
  /* { dg-message "'p' declared here$" "c-only" { target *-*-* } .-1 } */
  struct Val v = { &p };
  param13(v, &i);
  vsink = v;	/* { dg-warning "address of local variable 'p' escapes: stored in global 'vsink' \\\[escape/dangling-address\\\]$" "c-only" } */
}

void caller13f(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;	/* { dg-message "moved to heap: p$" "" } */
  struct Val *v = malloc(sizeof(struct Val));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  v->p = &p;
  param13(*v, &i);
  sink = v;
}

void caller13g(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;
  struct Val v = { &p };
  param13(v, &i);
  sink = *v.p;
}

void caller13h(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" "" } */
  int *p;	/* { dg-message "moved to heap: p$" "c-differs: C fills the malloc'ed Val by a store through its pointer, which sends &p to the heap (Go's rule too); Go's &Val{...} literal is not a store through a pointer" } */
  struct Val *v = malloc(sizeof(struct Val));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  v->p = &p;
  param13(*v, &i);
  isink = **v->p;
  /* go-noc: "*(*v.p) escapes to heap" (boxing an int into an interface; C copies the int) */
  free(v);
}

struct Node { struct Node *p; };
struct Node *Sink;

void f(struct Node *x)	/* { dg-message "leaking param content: x$" "" } */
{
  struct Node *n = malloc(sizeof(struct Node));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  n->p = x->p;
  Sink = n;
}

struct Node *g(struct Node *x)	/* { dg-message "leaking param content: x$" "" } */
{
  struct Node *n = malloc(sizeof(struct Node));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  n->p = x->p;
  return n;
}

void h(struct Node *x)	/* { dg-message "leaking param: x$" "" } */
{
  struct Node *y = malloc(sizeof(struct Node));	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  y->p = x;
  Sink = g(y);
  f(y);
}

/* param14a: Go boxes the array into a new heap object; in C that box is
   an explicit malloc.  */
void *param14a(int *x[4])	/* { dg-message "leaking param content: x$" "c-differs: a C array parameter is a pointer; the copy into the box is a load of its content, so its content, not itself, leaks" } */
  /* dropped-c-differs: "leaking param: x" (a C array parameter is a pointer; the copy into the box is a load of its content, so its content, not itself, leaks) */
{
  int **box = malloc(4 * sizeof(int *));	/* { dg-message "malloc\\(32\\) escapes to heap$" "" } */
  for (int k = 0; k < 4; k++)
    box[k] = x[k];
  return box;
}

void *param14b(int *x)	/* { dg-message "leaking param: x to result ~r0 level=0$" "" } */
{
  return x;
}
