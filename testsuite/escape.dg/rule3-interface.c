/* Rule 3: a pointer converted to an opaque interface -- passed as void *
   to a function without a body here, or through a function pointer --
   escapes.  Known library functions do not make it escape.  */
/* { dg-options "-O2 -fplugin-arg-escape-m" } */
#include <stdlib.h>
#include <string.h>

void opaque(void *);
void typed(int *);
struct handle;
void take_handle(struct handle *);

void to_void_ptr(void)
{
  int *p = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  opaque(p);
}

void to_typed_unknown(void)
{
  int *p = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  typed(p);
}

void to_incomplete(void)
{
  struct handle *h = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  take_handle(h);
}

void through_pointer(void (*cb)(int *))	/* { dg-message "cb does not escape$" } */
{
  int *p = malloc(8);	/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  cb(p);
  free(p);
}

int local_address(void)
{
  int x = 0;		/* { dg-message "moved to heap: x$" } */
  opaque(&x);
  return x;
}

/* Negative: the C library's own functions keep nothing.  */
/* strncpy copies the bytes of s into *copy, memory reached through a
   pointer (the heap for the analysis): they may be a pointer's (issue
   10).  The block itself stays a candidate.  */
size_t library(const char *s)	/* { dg-message "leaking param content: s$" } */
{
  char *copy = malloc(32);	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  size_t n;
  if (!copy)
    return 0;
  strncpy(copy, s, 31);
  copy[31] = 0;
  n = strlen(copy);
  memset(copy, 0, 32);
  free(copy);
  return n;
}

/* Negative: a function with a body that keeps nothing.  */
static int peek(void *v) { return *(int *)v; }	/* { dg-message "leaking param: v to result ~r0 level=1$" } */
int known_body(void)
{
  int *p = malloc(4);	/* { dg-message "malloc\\(4\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  *p = 1;
  int r = peek(p);
  free(p);
  return r;
}
