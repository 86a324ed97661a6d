/* Issue 12: Go 1.25's rule for a size known only at run time: an
   allocation that does not escape is a candidate for a small stack
   buffer (var-buffer=, 32 bytes by default as in Go), used when the size
   fits, with the heap as fallback.  What escapes still escapes.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>
#include <string.h>

int *keep;

int scratch(const char *s, size_t n)	/* { dg-message "leaking param content: s$" } */
{
  char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: stack promotion candidate for a 32-byte stack buffer with heap fallback \\(freed on every path\\)$" } */
  if (!p)
    return -1;
  memcpy(p, s, n);
  int r = p[0];
  free(p);
  return r;
}

int counted(size_t n)
{
  int *p = calloc(n, sizeof *p);	/* { dg-message "calloc\\(n, 4\\) does not escape: stack promotion candidate for a 32-byte stack buffer with heap fallback \\(freed on every path\\)$" } */
  int r = p ? p[0] : 0;
  free(p);
  return r;
}

void kept(size_t n)
{
  int *p = malloc(n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
  keep = p;
}

char *returned(size_t n)
{
  return malloc(n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
}

/* strdup's size is not an argument: no rule to apply.  (The copy of s's
   bytes lives in the escaping block: s's content leaks.)  */
int copied(const char *s)	/* { dg-message "leaking param content: s$" } */
{
  char *p = strdup(s);	/* { dg-message "strdup\\(s\\) escapes to heap$" } */
  int r = p[0];
  free(p);
  return r;
}
