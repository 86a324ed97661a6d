/* promote: each rewrite, run.  A malloc that stays in its frame becomes
   a local object and its free goes; calloc's object is zeroed every time
   the call runs; a free that may receive the object or another one is
   guarded at run time; in a loop one object serves every iteration (the
   value is dead before the next one), so a million iterations of 1 KiB
   need 1 KiB of stack, not 1 GiB.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-escape-promote" } */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

__attribute__((noinline)) int sum(int n)
{
  int *a = malloc(16 * sizeof(int));	/* { dg-message "malloc\\(64\\) does not escape: promoted to stack$" } */
  for (int i = 0; i < 16; i++)
    a[i] = i * n;
  int s = 0;
  for (int i = 0; i < 16; i++)
    s += a[i];
  free(a);
  return s;
}

/* Zeroed on every call and every iteration.  */
__attribute__((noinline)) int zeroed(int rounds)
{
  int bad = 0;
  for (int r = 0; r < rounds; r++) {
    unsigned char *z = calloc(8, 8);	/* { dg-message "calloc\\(8, 8\\) does not escape: promoted to stack$" } */
    for (int i = 0; i < 64; i++)
      bad |= z[i];
    memset(z, 0xff, 64);
    free(z);
  }
  return bad;
}

/* One object per site, never one per iteration: a million iterations
   of 1 KiB would need 1 GiB of stack (the default limit is 8 MiB).  */
__attribute__((noinline)) long scratch(long n)
{
  long t = 0;
  for (long k = 0; k < n; k++) {
    char *b = malloc(1024);	/* { dg-message "malloc\\(1024\\) does not escape: promoted to stack$" } */
    snprintf(b, 1024, "%ld", k);
    t += strlen(b);
    free(b);
  }
  return t;
}

/* free (r) may get the promoted object or the heap one: guarded.  */
__attribute__((noinline)) int mixed(int c)
{
  char *p = malloc(16);	/* { dg-message "malloc\\(16\\) does not escape: promoted to stack$" } */
  char *q = malloc(2048);	/* { dg-message "malloc\\(2048\\) does not escape: stack promotion candidate \\(freed on every path\\); not promoted: too large$" } */
  char *r = c ? p : q;
  r[0] = (char)c;
  int x = r[0];
  free(r);
  if (c)
    free(q);
  else
    free(p);
  return x;
}

/* Freed on some paths only: the removed free leaked nothing more.  */
__attribute__((noinline)) int some(int c)
{
  char *p = malloc(32);	/* { dg-message "malloc\\(32\\) does not escape: promoted to stack$" } */
  p[0] = 3;
  int x = p[0];
  if (c)
    free(p);
  return x;
}

int main(void)
{
  if (sum(3) != 360 || zeroed(5) != 0 || scratch(1000000) != 5888890 ||
      mixed(1) != 1 || mixed(0) != 0 || some(0) + some(1) != 6)
    abort();
  puts("ok");
  return 0;
}
