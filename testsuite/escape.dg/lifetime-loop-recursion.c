/* A loop-local's address passed to a recursive call of the same
   function: the callee's writes through its parameter happen during the
   caller's iteration, in another activation; not "read after its loop
   iteration ended" (jq 1.6, compile.c's expand_call_arglist).  Read
   after the loop, it is.  */
/* { dg-do compile } */
/* { dg-options "-O0" } */
struct block { int *first, *last; };
struct inst { struct inst *next; struct block sub; };

int
expand(struct block *b, struct inst *list)
{
  int errors = 0;
  struct block ret = { 0, 0 };
  for (struct inst *i = list; i; i = i->next) {
    struct block body = i->sub;
    errors += expand(&body, i->next);
    ret.first = body.first;
  }
  *b = ret;
  return errors;
}

int
after(struct inst *list)
{
  int *p = 0;
  for (struct inst *i = list; i; i = i->next) {
    int v = i->sub.first != 0;	/* { dg-message "'v' declared here$" } */
    p = &v;
  }
  return p ? *p : 0;	/* { dg-warning "address of local variable 'v' escapes: read after its loop iteration ended \\\[escape/dangling-address\\\]$" } */
}

/* The parameter itself reassigned in the loop: the same activation.  */
int
reassigned(int *b, int n)
{
  for (int i = 0; i < n; i++) {
    int w = i;	/* { dg-message "'w' declared here$" } */
    b = &w;
  }
  return *b;	/* { dg-warning "address of local variable 'w' escapes: read after its loop iteration ended \\\[escape/dangling-address\\\]$" } */
}
