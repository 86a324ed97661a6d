/* promote-bench's microbenchmarks: malloc-heavy code as people write it.
   Built twice from this file (with and without promote) and compared
   with micro-stack.c, the same code written by hand with stack arrays.
   Each prints a checksum that must agree.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef ITER
#define ITER 20000000L
#endif

/* 1. a small fixed buffer per call */
__attribute__((noinline)) unsigned fixed(unsigned x)
{
  unsigned *v = malloc(8 * sizeof *v);
  for (int i = 0; i < 8; i++)
    v[i] = x * (i + 1);
  unsigned s = 0;
  for (int i = 0; i < 8; i++)
    s ^= v[i] >> i;
  free(v);
  return s;
}

/* 2. per-iteration scratch in a loop */
__attribute__((noinline)) unsigned scratch(unsigned n)
{
  unsigned s = 0;
  for (unsigned k = 0; k < n; k++) {
    char *b = malloc(64);
    int len = snprintf(b, 64, "%u", k * 2654435761u);
    for (int i = 0; i < len; i++)
      s = s * 31 + (unsigned char)b[i];
    free(b);
  }
  return s;
}

/* 3. variable small sizes, bounded: the size is computed, but the
   allocation is of its bound (the common "n <= 32" idiom) */
__attribute__((noinline)) unsigned varsize(unsigned n)
{
  unsigned len = n % 32 + 1;
  unsigned char *p = calloc(32, 1);
  for (unsigned i = 0; i < len; i++)
    p[i] = (unsigned char)(i * n);
  unsigned s = 0;
  for (unsigned i = 0; i < 32; i++)
    s += p[i];
  free(p);
  return s;
}

/* 4. variable small sizes, not bounded at the call: malloc of the size
   needed (var-buffer: a 32-byte buffer, malloc above it; every size
   here fits) */
__attribute__((noinline)) unsigned varsmall(unsigned n)
{
  size_t len = n % 32 + 1;
  unsigned char *q = malloc(len);
  for (size_t i = 0; i < len; i++)
    q[i] = (unsigned char)(i * n);
  unsigned s = 0;
  for (size_t i = 0; i < len; i++)
    s += q[i];
  free(q);
  return s;
}

static double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
  long iter = argc > 1 ? atol(argv[1]) : ITER;
  unsigned s = 0;
  double t0 = now();
  for (long i = 0; i < iter; i++)
    s += fixed((unsigned)i);
  double t1 = now();
  s += scratch((unsigned)(iter / 4));
  double t2 = now();
  for (long i = 0; i < iter; i++)
    s += varsize((unsigned)i);
  double t3 = now();
  for (long i = 0; i < iter; i++)
    s += varsmall((unsigned)i);
  double t4 = now();
  printf("fixed %.3f scratch %.3f varsize %.3f varsmall %.3f checksum %u\n",
         t1 - t0, t2 - t1, t3 - t2, t4 - t3, s);
  return 0;
}
