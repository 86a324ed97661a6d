/* promote: each refusal, and why at -m.  What escapes is not a candidate
   (returned, freed by a callee, realloc'd, passed to unknown code,
   carried to the next loop iteration); a candidate is not rewritten when
   it is too large for promote-max, the frame budget is spent, its
   function is recursive, uses alloca or setjmp.  (Not solved when its
   pass ran: GCC compiles callees first, so that is the unit tests'.)
   realloc's own result is a candidate, but only malloc, calloc and
   alloc= are rewritten.  A variable-size candidate's buffer is bounded
   by promote-max as a constant size is.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-escape-promote -fplugin-arg-escape-m -fplugin-arg-escape-var-buffer=2048" } */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

extern void unknown(void *);

char *returned(void)
{
  char *p = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  return p;
}

__attribute__((noinline)) void release(char *p)	/* { dg-message "p does not escape$" } */
{
  free(p);
}

int freed_by_callee(void)
{
  char *p = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  p[0] = 1;
  int r = p[0];
  release(p);
  return r;
}

int reallocd(void)
{
  char *p = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  p = realloc(p, 16);	/* { dg-message "realloc\\(p, 16\\) does not escape: stack promotion candidate \\(freed on every path\\); not promoted: allocation not rewritable$" } */
  int r = p != 0;
  free(p);
  return r;
}

int carried(int n)
{
  char *prev = 0;
  int t = 0;
  for (int i = 0; i < n; i++) {
    char *p = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
    p[0] = (char)i;
    if (prev)
      t += prev[0];
    free(prev);
    prev = p;
  }
  free(prev);
  return t;
}

int too_large(void)
{
  char *p = malloc(4096);	/* { dg-message "malloc\\(4096\\) does not escape: stack promotion candidate \\(freed on every path\\); not promoted: too large$" } */
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}

int budget(void)
{
  char *a = malloc(1024);	/* { dg-message "malloc\\(1024\\) does not escape: promoted to stack$" } */
  char *b = malloc(1024);	/* { dg-message "malloc\\(1024\\) does not escape: promoted to stack$" } */
  char *c = malloc(1024);	/* { dg-message "malloc\\(1024\\) does not escape: promoted to stack$" } */
  char *d = malloc(1024);	/* { dg-message "malloc\\(1024\\) does not escape: promoted to stack$" } */
  char *e = malloc(8);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\); not promoted: frame budget$" } */
  a[0] = b[0] = c[0] = d[0] = e[0] = 1;
  int r = a[0] + b[0] + c[0] + d[0] + e[0];
  free(a); free(b); free(c); free(d); free(e);
  return r;
}

int recursive(int n)
{
  char *p = malloc(8);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\); not promoted: in a recursive function$" } */
  p[0] = (char)n;
  int r = n > 0 ? recursive(n - 1) + p[0] : 0;
  free(p);
  return r;
}

int ping(int n);
int pong(int n)
{
  char *p = malloc(8);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\); not promoted: in a recursive function$" } */
  p[0] = 1;
  int r = p[0] + (n > 0 ? ping(n - 1) : 0);
  free(p);
  return r;
}
int ping(int n)
{
  return n > 0 ? pong(n - 1) : 0;
}

int with_alloca(int n)
{
  char *v = __builtin_alloca(n);	/* { dg-message "moved to heap: alloca\\(...\\)$" } */
  char *p = malloc(8);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\); not promoted: function uses alloca or a VLA$" } */
  v[0] = p[0] = 1;
  int r = v[0] + p[0];
  free(p);
  return r;
}

jmp_buf env;
int with_setjmp(void)
{
  char *p = malloc(8);	/* { dg-message "malloc\\(8\\) does not escape: stack promotion candidate \\(freed on some paths\\); not promoted: function calls setjmp$" } */
  p[0] = 1;
  if (setjmp(env))
    return 0;
  int r = p[0];
  free(p);
  return r;
}

/* Go 1.25's variable-size candidate (var-buffer): its buffer, here 2048
   bytes, is larger than promote-max (the other refusals of the variable
   case: promote-var-refuse.c).  */
int varsize(int n)
{
  char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: stack promotion candidate for a 2048-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: too large$" } */
  memset(p, 1, n);
  int r = p[0];
  free(p);
  return r;
}

int main(void)
{
  free(returned());
  if (freed_by_callee() != 1 || reallocd() != 1 || carried(4) != 3 ||
      too_large() != 1 || budget() != 5 || recursive(3) != 6 ||
      pong(3) != 2 || with_alloca(4) != 2 || with_setjmp() != 1 ||
      varsize(5) != 1)
    abort();
  return 0;
}
