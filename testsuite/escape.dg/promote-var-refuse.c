/* promote, variable size (var-buffer=64 here): the refusals of the
   constant case apply to the buffer (frame budget, recursion, alloca,
   setjmp, a value stored in memory), and those of the variable case: an
   allocator promote does not rewrite, a free= deallocator (it cannot be
   guarded by passing it a null pointer, and the heap case must still be
   freed), a size it cannot test as a size_t.  An alloc= allocator with
   count and size is rewritten, its buffer zeroed as calloc's.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-escape-promote -fplugin-arg-escape-m -fplugin-arg-escape-var-buffer=64 -fplugin-arg-escape-promote-frame=160 -fplugin-arg-escape-alloc=pool_get,zcalloc:count1:size2,big_get -fplugin-arg-escape-free=pool_put" } */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* The project's allocators (alloc= and free= say what they are).  */
__attribute__((noinline)) void *pool_get(size_t n)
{
  return malloc(n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
}
__attribute__((noinline)) void pool_put(void *p)	/* { dg-message "p does not escape$" } */
{
  free(p);
}
__attribute__((noinline)) void *zcalloc(size_t count, size_t size)
{
  return calloc(count, size);	/* { dg-message "calloc\\(count, size\\) escapes to heap$" } */
}
__attribute__((noinline)) void *big_get(__int128 n)
{
  return malloc((size_t)n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
}

/* 64 + 64 fit in 160 bytes, a third buffer does not.  */
int budget(size_t n)
{
  char *a = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: promoted to stack: 64-byte stack buffer with heap fallback$" } */
  char *b = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: promoted to stack: 64-byte stack buffer with heap fallback$" } */
  char *c = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: stack promotion candidate for a 64-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: frame budget$" } */
  a[0] = b[0] = c[0] = 1;
  int r = a[0] + b[0] + c[0];
  free(a); free(b); free(c);
  return r;
}

int recursive(int n)
{
  char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: stack promotion candidate for a 64-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: in a recursive function$" } */
  p[0] = 1;
  int r = n > 1 ? recursive(n - 1) + p[0] : 1;
  free(p);
  return r;
}

int with_alloca(int n)
{
  char *v = __builtin_alloca(n);	/* { dg-message "moved to heap: alloca\\(...\\)$" } */
  char *p = malloc(n);	/* { dg-message "not promoted: function uses alloca or a VLA$" } */
  v[0] = p[0] = 1;
  int r = v[0] + p[0];
  free(p);
  return r;
}

jmp_buf env;
int with_setjmp(size_t n)
{
  char *p = malloc(n);	/* { dg-message "not promoted: function calls setjmp$" } */
  p[0] = 1;
  if (setjmp(env))
    return 0;
  int r = p[0];
  free(p);
  return r;
}

struct holder { char *p; };
__attribute__((noinline)) int first(struct holder *h)	/* { dg-message "leaking param: h to result ~r0 level=2$" } */
{
  return h->p[0];
}
int stored(size_t n)
{
  struct holder h;
  h.p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: stack promotion candidate for a 64-byte stack buffer with heap fallback; not promoted: stored in memory$" } */
  h.p[0] = 3;
  int r = first(&h);
  free(h.p);
  return r;
}

/* aligned_alloc is a candidate (alignment 16 at most) but not rewritten. */
int aligned(size_t n)
{
  char *p = aligned_alloc(16, n);	/* { dg-message "aligned_alloc\\(16, n\\) does not escape: stack promotion candidate for a 64-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: allocation not rewritable$" } */
  p[0] = 4;
  int r = p[0];
  free(p);
  return r;
}

/* free= cannot be guarded with a null pointer.  */
int pooled(size_t n)
{
  char *p = pool_get(n);	/* { dg-message "pool_get\\(n\\) does not escape: stack promotion candidate for a 64-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: freed by a deallocator that may receive another object$" } */
  p[0] = 5;
  int r = p[0];
  pool_put(p);
  return r;
}

/* A size wider than size_t.  */
int big(__int128 n)
{
  char *p = big_get(n);	/* { dg-message "big_get\\(n\\) does not escape: stack promotion candidate for a 64-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: variable size not testable at run time$" } */
  p[0] = 6;
  int r = p[0];
  free(p);
  return r;
}

/* alloc= with count and size: rewritten, zeroed each time, and the
   product tested as calloc's.  */
int zeroed(int rounds, size_t count, size_t size)
{
  int bad = 0;
  for (int k = 0; k < rounds; k++) {
    unsigned char *z = zcalloc(count, size);	/* { dg-message "zcalloc\\(count, size\\) does not escape: promoted to stack: 64-byte stack buffer with heap fallback$" } */
    if (!z)
      return -1;
    for (size_t i = 0; i < count * size; i++)
      bad |= z[i];
    memset(z, 0xff, count * size);
    free(z);
  }
  return bad;
}

int main(void)
{
  if (budget(8) != 3 || budget(100) != 3 || recursive(3) != 3 ||
      with_alloca(4) != 2 || with_setjmp(4) != 1 || stored(4) != 3 ||
      aligned(16) != 4 || pooled(4) != 5 || big(4) != 6 ||
      zeroed(3, 8, 8) != 0 || zeroed(3, 9, 8) != 0 || zeroed(3, 0, 1000) != 0 ||
      zeroed(1, (size_t)-1 / 2, 4) != -1)
    abort();
  return 0;
}
