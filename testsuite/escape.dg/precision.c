/* Precision rules beyond the four basic ones.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

void *sink;
struct two { int *p1, *p2; };

/* Field-insensitive like Go: i moves to the heap; but the flow reads a
   field, which may not be the one holding &i, so it is not certain.  */
void field_read(void)
{
  int i = 0;			/* { dg-message "moved to heap: i$" } */
  struct two x = { 0, 0 };
  x.p1 = &i;
  sink = x.p2;			/* { dg-bogus "warning" } */
}

/* Writing a field and returning the whole object is certain.  */
struct two whole(void)
{
  int j = 0;			/* { dg-messages { "moved to heap: j$" "'j' declared here$" } } */
  struct two x = { 0, 0 };
  x.p1 = &j;
  return x;			/* { dg-warning "address of local variable 'j' escapes: returned from 'whole' \\\[escape/dangling-address\\\]$" } */
}

/* Go's self-assignment rule: a value moved within one object.  */
struct pair { int *a, *b; };
void self_assign(struct pair *p)	/* { dg-message "p does not escape$" } */
{
  p->a = p->b;
}

/* A function pointer with one known target calls that target.  */
static void nop(int *p) { (void)p; }	/* { dg-message "p does not escape$" } */
int known_target(void)
{
  void (*h)(int *) = nop;
  int *q = malloc(4);		/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  h(q);
  free(q);
  return 0;
}

/* Results of a nested function called through its address reach code
   we do not follow.  */
const char *call(const char *(*f)(void))	/* { dg-message "f does not escape$" } */
{
  return f();
}
const char *through_closure(const char **a)	/* { dg-message "leaking param content: a$" } */
{
  const char *lit(void) { return a[0]; }	/* { dg-message "nested function 'lit' does not escape$" } */
  return call(lit);
}

/* A captured parameter is named as itself.  */
typedef int (*counter)(void);
counter captured_param(int x)	/* { dg-messages { "moved to heap: x$" "'x' declared here$" } } */
{
  int next(void) { return ++x; }	/* { dg-message "nested function 'next' escapes to heap$" } */
  return next;			/* { dg-warning "address of local variable 'x' escapes: captured by escaping nested function 'next' \\\[escape/dangling-address\\\]$" } */
}

/* max-var: an explicit local larger than 128 KiB cannot be on the stack. */
void use(char);
void huge_local(void)
{
  char big[1 << 20];		/* { dg-message "moved to heap: big$" } */
  char small[1 << 10];
  big[0] = small[0] = 0;
  use(big[0]);
  use(small[0]);
}

/* Pointer to integer: lost track, escapes.  */
unsigned long as_integer(void)
{
  int k = 0;			/* { dg-message "moved to heap: k$" } */
  return (unsigned long)&k;
}

/* Compound literals are objects of automatic storage.  */
int *literal_sink;
void compound_literal(void)
{
  literal_sink = &(int){1};	/* { dg-warning "address of local variable '\\(int\\)\\{...\\}' escapes: stored in global 'literal_sink' \\\[escape/dangling-address\\\]$" } */
  /* { dg-messages { "'\\(int\\)\\{...\\}' declared here$" "moved to heap: \\(int\\)\\{...\\}$" } "" { target *-*-* } .-1 } */
}

/* A VLA is named as itself.  */
void use_buf(char *);
void vla(int n)
{
  char buf[n];			/* { dg-message "moved to heap: buf$" } */
  buf[0] = 0;
  use_buf(buf);
}

/* A closure made in a loop and kept outside it escapes (Go's loop depth). */
typedef void (*thunk)(void);
void closures_in_loop(int n)
{
  thunk keep = 0;
  for (int i = 0; i < n; i++) {
    int v = i;			/* { dg-message "moved to heap: v$" } */
    void show(void) { __builtin_printf("%d", v); }	/* { dg-message "nested function 'show' escapes to heap$" } */
    keep = show;
  }
  if (keep)
    keep();
}

/* Self-assignment through pointer arithmetic (Go's reslicing).  */
struct cursor { char *pos, *end; };
void advance(struct cursor *c)	/* { dg-message "c does not escape$" } */
{
  c->pos = c->pos + 1;
}
