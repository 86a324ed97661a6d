/* strbuf.c - memory helpers and growable strings for the core.  */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

/* Out of memory inside a compiler plugin: nothing sensible is left to do
   but to stop the compilation the way GCC's own xmalloc does.  */
static void out_of_memory(size_t size)
{
  fprintf(stderr, "escape: out of memory allocating %zu bytes\n", size);
  exit(EXIT_FAILURE);
}

void esc_assert_fail(const char *cond, const char *file, int line)
{
  fprintf(stderr, "escape: internal check failed: %s at %s:%d\n", cond,
          file, line);
  abort();
}

void *esc_xrealloc(void *p, size_t size)
{
  void *q = realloc(p, size ? size : 1);
  if (!q)
    out_of_memory(size);
  return q;
}

void *esc_xcalloc(size_t n, size_t size)
{
  void *q = calloc(n ? n : 1, size ? size : 1);
  if (!q)
    out_of_memory(n * size);
  return q;
}

char *esc_strdup(const char *s)
{
  if (!s)
    return NULL;
  size_t n = strlen(s) + 1;
  return memcpy(esc_xrealloc(NULL, n), s, n);
}

static void sb_reserve(struct esc_strbuf *b, size_t more)
{
  if (b->len + more + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 32;
  while (cap < b->len + more + 1)
    cap *= 2;
  b->s = esc_xrealloc(b->s, cap);
  b->cap = cap;
}

void esc_sb_putc(struct esc_strbuf *b, char c)
{
  sb_reserve(b, 1);
  b->s[b->len++] = c;
  b->s[b->len] = 0;
}

void esc_sb_puts(struct esc_strbuf *b, const char *s)
{
  size_t n = strlen(s);
  sb_reserve(b, n);
  memcpy(b->s + b->len, s, n + 1);
  b->len += n;
}

void esc_sb_printf(struct esc_strbuf *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  sb_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void esc_sb_free(struct esc_strbuf *b)
{
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}
