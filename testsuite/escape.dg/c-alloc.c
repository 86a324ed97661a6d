/* Issue 4: the allocators of C, the sizes GCC knows, deallocators and
   whether a candidate is freed on every path.  */
/* { dg-options "-O0 -fplugin-arg-escape-m -fplugin-arg-escape-alloc=xmalloc,pool_get -fplugin-arg-escape-free=xfree" } */
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t);
void xfree(void *);
void *pool_get(size_t);
void release(void *);
__attribute__((malloc, malloc(release, 1))) void *obtain(size_t);
__attribute__((malloc, alloc_size(1, 2))) void *table_new(size_t, size_t);

int every_path(void)
{
  int *p = malloc(16);		/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  if (!p)			/* the null path needs no free */
    return 0;
  *p = 1;
  int r = *p;
  free(p);
  return r;
}

int some_paths(int c)
{
  int *p = malloc(16);		/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(freed on some paths\\)$" } */
  *p = c;
  if (c) {
    free(p);
    return 1;
  }
  return 0;
}

int never(void)
{
  int *p = calloc(4, sizeof(int));	/* { dg-message "calloc\\(4, 4\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" } */
  return p[0];
}

int known_size(void)
{
  int n = 8;
  long *p = malloc(n * sizeof(long));	/* { dg-message "malloc\\(64\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  p[0] = 0;
  long r = p[0];
  free(p);
  return (int)r;
}

int projects_own(void)
{
  char *a = xmalloc(32);	/* { dg-message "xmalloc\\(32\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  char *b = pool_get(10);	/* { dg-message "pool_get\\(10\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" } */
  a[0] = b[0] = 1;
  int r = a[0] + b[0];
  xfree(a);
  return r;
}

int attribute_allocators(void)
{
  char *a = obtain(8);		/* { dg-message "obtain\\(8\\) escapes to heap$" } */
  char *t = table_new(4, 8);	/* { dg-message "table_new\\(4, 8\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" } */
  a[0] = t[0] = 0;
  release(a);			/* GCC knows release frees obtain's memory */
  return 0;
}

char *grown(void)
{
  char *p = malloc(8);		/* { dg-message "malloc\\(8\\) escapes to heap$" } */
  char *q = realloc(p, 16);	/* { dg-message "realloc\\(p, 16\\) escapes to heap$" } */
  return q;
}

void *aligned(void)
{
  void *p = aligned_alloc(4096, 4096);	/* { dg-message "aligned_alloc\\(4096, 4096\\) escapes to heap$" } */
  void *q = aligned_alloc(16, 64);	/* { dg-message "aligned_alloc\\(16, 64\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  free(q);
  return p;
}

/* strdup copies the bytes of s into a block we do not follow: they may
   be a pointer's (issue 10: "s does not escape" was unsound).  */
size_t duplicate(const char *s)	/* { dg-message "leaking param content: s$" } */
{
  char *d = strdup(s);		/* { dg-message "strdup\\(s\\) escapes to heap$" } */
  size_t n = strlen(d);
  free(d);
  return n;
}

/* free in another function: the allocation cannot be on the stack.  */
static void drop(int *p)	/* { dg-message "p does not escape$" } */
{
  free(p);
}
int freed_elsewhere(void)
{
  int *p = malloc(4);		/* { dg-message "malloc\\(4\\) escapes to heap$" } */
  drop(p);
  return 0;
}

/* posix_memalign stores the allocation through its first argument.  */
int memaligned(void)
{
  void *p;
  if (posix_memalign(&p, 16, 64))	/* { dg-message "posix_memalign\\(..., 16, 64\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" } */
    return 0;
  ((char *)p)[0] = 1;
  int r = ((char *)p)[0];
  free(p);
  return r;
}

void *memaligned_returned(void)
{
  void *p = 0;
  posix_memalign(&p, 16, 64);	/* { dg-message "posix_memalign\\(..., 16, 64\\) escapes to heap$" } */
  return p;
}

/* Stored in a struct and freed from there: the note does not guess.  */
struct holder { char *buf; };
int held(void)
{
  struct holder h;
  h.buf = malloc(16);		/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate$" } */
  h.buf[0] = 1;
  int r = h.buf[0];
  free(h.buf);
  return r;
}
