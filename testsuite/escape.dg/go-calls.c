/* Port of Go's test/escape_calls.go: function parameters through calls.
   Go slices are pointers; a Go function without a body is an extern C
   function.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>
#include <string.h>

char *f(char *buf)	/* { dg-message "leaking param: buf to result ~r0 level=0$" "" } */
{
  return buf;
}

const char *g(char *);

void h(int e)
{
  char x[32];	/* { dg-message "moved to heap: x$" "" } */
  g(&f(x)[0]);
}

struct Node
{
  const char *s;
  struct Node *left, *right;
};

int walk(struct Node **np)	/* { dg-message "leaking param content: np$" "" } */
{
  struct Node *n = *np;
  int w, wl, wr;
  if (n == 0)
    return 0;
  w = strlen(n->s);
  wl = walk(&n->left);
  wr = walk(&n->right);
  if (wl < wr)
    {
      struct Node *t = n->left;
      n->left = n->right;
      n->right = t;
      /* go-noc: "ignoring self-assignment" (Go's swap is one statement; C needs a temporary) */
      int tw = wl;
      wl = wr;
      wr = tw;
    }
  *np = n;
  return w + wl + wr;
}

/* A function pointer first holding a function, then a nested function:
   calls through it use neither one's summary.  */
void prototype(char **xyz)	/* { dg-message "xyz does not escape$" "" } */
{
}

void bar(void)
{
  char ***got = malloc(8 * sizeof(char **));	/* { dg-message "malloc\\(64\\) does not escape: stack promotion candidate$" "c-only: Go's append allocates implicitly and reports nothing here; the C array is captured by a nested function that does not escape" } */
  int n = 0;
  void (*fp)(char **) = prototype;
  void lit(char **ss) { got[n++] = ss; }	/* { dg-messages { "leaking param: ss$" "nested function 'lit' does not escape$" } "" } */
  fp = lit;
  const char *s = "string";
  char **a = malloc(sizeof(char *));	/* { dg-message "malloc\\(8\\) escapes to heap$" "" } */
  a[0] = (char *) s;
  fp(a);
}
