/* promote, variable size (var-buffer, Go 1.25): malloc(n) uses a
   32-byte stack buffer when n fits and malloc otherwise; calloc's buffer
   is zeroed, and a count * size that overflows takes calloc's path (which
   returns a null pointer); every free stays, guarded, so that the heap
   case is freed and the buffer never is.  The allocator is counted
   (--wrap): a size that fits calls nothing, a size that does not calls
   it and frees what it got.  A million iterations with variable sizes
   use one buffer, not one per iteration.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-escape-promote -Wl,--wrap=malloc,--wrap=calloc,--wrap=free" } */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The allocator, counted.  Volatile: GCC takes malloc and free to
   touch no variable of the program, and would fold the reads.  */
static volatile long allocs, frees;
void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void __real_free(void *);
void *__wrap_malloc(size_t n)
{
  void *p = __real_malloc(n);
  allocs += p != 0;
  return p;
}
void *__wrap_calloc(size_t c, size_t n)
{
  void *p = __real_calloc(c, n);
  allocs += p != 0;
  return p;
}
void __wrap_free(void *p)
{
  frees += p != 0;
  __real_free(p);
}

__attribute__((noinline)) int sum(const unsigned char *p, size_t n)
{
  int s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i];
  return s;
}

/* Fill n bytes with 1; their sum is n.  */
__attribute__((noinline)) long fill(size_t n)
{
  unsigned char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: promoted to stack: 32-byte stack buffer with heap fallback$" } */
  if (!p)
    return -1;
  memset(p, 1, n);
  long s = sum(p, n);
  free(p);
  return s;
}

/* Zeroed, each time, in the buffer as from calloc; overflow: null.  */
__attribute__((noinline)) long zeroed(size_t count, size_t size)
{
  unsigned char *p = calloc(count, size);	/* { dg-message "calloc\\(count, size\\) does not escape: promoted to stack: 32-byte stack buffer with heap fallback$" } */
  if (!p)
    return -1;
  long s = sum(p, count * size);
  memset(p, 0xff, count * size);
  free(p);
  return s;
}

/* A signed size: a negative one is not small.  */
__attribute__((noinline)) int negative(int n)
{
  char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: promoted to stack: 32-byte stack buffer with heap fallback$" } */
  int r = p != 0;
  if (p)
    p[0] = 1;
  free(p);
  return r;
}

/* The free receives this site's pointer or another function's: the
   guard lets both through but the buffer.  */
__attribute__((noinline)) long mixed(size_t n, char *other)
{
  char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: promoted to stack: 32-byte stack buffer with heap fallback$" } */
  memset(p, 2, n);
  long s = sum((unsigned char *)p, n);
  char *q = n & 1 ? p : other;
  free(q);
  if (q != p)
    free(p);
  else
    free(other);
  return s;
}

/* A loop: one buffer serves every iteration (a million of them would
   need 32 MB of stack if each had its own: the limit is 8 MB).  */
__attribute__((noinline)) long loop(long iterations)
{
  long t = 0;
  for (long i = 0; i < iterations; i++) {
    size_t n = (size_t)(i % 48);
    unsigned char *p = malloc(n);	/* { dg-message "malloc\\(n\\) does not escape: promoted to stack: 32-byte stack buffer with heap fallback$" } */
    memset(p, 1, n);
    t += sum(p, n);
    free(p);
  }
  return t;
}

#define CHECK(e) do { if (!(e)) { fprintf(stderr, "line %d: %s\n", __LINE__, #e); abort(); } } while (0)

int main(void)
{
  long a0 = allocs;
  /* below, equal to, above the buffer, and zero */
  CHECK(fill(0) == 0 && fill(1) == 1 && fill(31) == 31 && fill(32) == 32);
  CHECK(allocs == a0);                 /* the buffer, each time */
  CHECK(fill(33) == 33 && fill(4096) == 4096);
  CHECK(allocs == a0 + 2 && frees == allocs);   /* the heap, freed */

  a0 = allocs;
  CHECK(zeroed(4, 8) == 0 && zeroed(8, 4) == 0 && zeroed(0, 1000) == 0);
  CHECK(zeroed(1, 32) == 0 && zeroed(32, 1) == 0 && zeroed(0, 0) == 0);
  CHECK(allocs == a0 + 1);             /* only 0 x 1000 (1000 > 32) */
  CHECK(zeroed(3, 11) == 0 && zeroed(1000, 3) == 0);
  CHECK(allocs == a0 + 3 && frees == allocs);
  /* count * size overflows: calloc's null, not a buffer of the wrapped
     size (SIZE_MAX/2 * 4 wraps to SIZE_MAX - 3; 2^62 * 4 wraps to 0) */
  CHECK(zeroed(SIZE_MAX / 2, 4) == -1);
  CHECK(zeroed((size_t)1 << 62, 4) == -1);
  CHECK(zeroed(4, (size_t)1 << 62) == -1);
  CHECK(zeroed((size_t)1 << 32, (size_t)1 << 32) == -1);

  CHECK(negative(8) == 1);
  a0 = allocs;
  CHECK(negative(-1) == 0);            /* malloc(SIZE_MAX): null */
  CHECK(allocs == a0);

  char *o = malloc(3);
  CHECK(mixed(5, o) == 10);            /* frees o, not the buffer */
  o = malloc(3);
  CHECK(mixed(4, o) == 8);
  o = malloc(3);
  CHECK(mixed(65, o) == 130);          /* heap: both freed */
  CHECK(frees == allocs);

  a0 = allocs;
  long f0 = frees;
  CHECK(loop(1000000) == 1000000L / 48 * (47 * 48 / 2) + (1000000 % 48) * (1000000 % 48 - 1) / 2);
  /* sizes 33..47: 15 of every 48 iterations go to malloc */
  CHECK(allocs - a0 <= 1000000L / 48 * 15 + 15 && allocs - a0 >= 1000000L / 48 * 15);
  CHECK(frees - f0 == allocs - a0);
  puts("ok");
  return 0;
}
