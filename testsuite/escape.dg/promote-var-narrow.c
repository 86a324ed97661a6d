/* promote, variable size, calloc-style: the buffer is taken when the
   count, the size and their product are at most var-buffer; the product
   of two numbers up to B cannot wrap only when B < 2^(N/2) for an N-bit
   size_t.  Under -m32 a 65536-byte buffer would let calloc (65536,
   65536) wrap to 0 and get the buffer instead of calloc's null pointer:
   refused, for a count of 1 too (the test is on the allocator's shape).  */
/* { dg-do compile } */
/* { dg-options "-m32 -O2 -fplugin-arg-escape-promote -fplugin-arg-escape-m -fplugin-arg-escape-var-buffer=65536 -fplugin-arg-escape-promote-max=65536 -fplugin-arg-escape-promote-frame=131072" } */
typedef __SIZE_TYPE__ size_t;
void *calloc(size_t, size_t);
void free(void *);

int
wide(size_t c, size_t s)
{
  char *p = calloc(c, s);	/* { dg-message "calloc\\(c, s\\) does not escape: stack promotion candidate for a 65536-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: variable size not testable at run time$" } */
  if (!p)
    return -1;
  int r = p[0];
  free(p);
  return r;
}

int
one_size(size_t n)
{
  char *p = calloc(1, n);	/* { dg-message "calloc\\(1, n\\) does not escape: stack promotion candidate for a 65536-byte stack buffer with heap fallback \\(freed on every path\\); not promoted: variable size not testable at run time$" } */
  if (!p)
    return -1;
  int r = p[0];
  free(p);
  return r;
}
