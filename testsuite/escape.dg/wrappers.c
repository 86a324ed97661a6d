/* Issue 12: allocator and deallocator wrappers found by themselves
   (wrappers): a function whose every returned value is a fresh
   allocation (or null; abort paths do not return) kept nowhere else is
   an allocator at its call sites; one that frees its parameter on every
   path on which it is not null is a deallocator.  A wrapper that keeps
   its result, or frees only on some paths, is an ordinary function.  */
/* { dg-options "-O0 -fplugin-arg-escape-m -fplugin-arg-escape-wrappers" } */
#include <stdlib.h>
#include <string.h>

extern void die(const char *) __attribute__((noreturn));

void *xmalloc(size_t n)	/* { dg-message "'xmalloc' is an allocator wrapper \\(size: argument 1\\)$" } */
{
  void *p = malloc(n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
  if (!p)
    die("out of memory");
  return p;
}

void *zalloc(size_t n)	/* { dg-message "'zalloc' is an allocator wrapper \\(size: argument 1\\)$" } */
{
  void *p = malloc(n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
  if (p)
    memset(p, 0, n);
  return p;
}

void *array_of(size_t n)	/* { dg-message "'array_of' is an allocator wrapper \\(size: argument 1 \\* 8 \\+ 16\\)$" } */
{
  return malloc(n * 8 + 16);	/* { dg-message "malloc\\(\\.\\.\\.\\) escapes to heap$" } */
}

struct node { struct node *next; int v; };

struct node *new_node(void)	/* { dg-message "'new_node' is an allocator wrapper \\(size: 16 bytes\\)$" } */
{
  return malloc(sizeof(struct node));	/* { dg-message "malloc\\(16\\) escapes to heap$" } */
}

void xfree(void *p)	/* { dg-message "'xfree' is a deallocator wrapper \\(frees argument 1\\)$" } */
/* { dg-message "p does not escape$" "" { target *-*-* } .-1 } */
{
  if (p)
    free(p);
}

/* Must stay ordinary: keeps its result in a global list.  */
static void *last;
void *tracked(size_t n)
{
  void *p = malloc(n);	/* { dg-message "malloc\\(n\\) escapes to heap$" } */
  last = p;
  return p;
}

/* Must stay ordinary: frees on some paths only (its callers' objects
   escape: "freed by callee").  */
void maybe_free(void *p, int c)	/* { dg-message "p does not escape$" } */
{
  if (c)
    free(p);
}

int use_xmalloc(void)
{
  char *p = xmalloc(16);	/* { dg-message "xmalloc\\(16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  p[0] = 1;
  int r = p[0];
  xfree(p);
  return r;
}

int use_zalloc(void)
{
  int *p = zalloc(8);	/* { dg-message "zalloc\\(8\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  int r = p[0];
  free(p);
  return r;
}

int use_array(void)
{
  long *p = array_of(2);	/* { dg-message "array_of\\(2\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  int r = (int)p[0];
  free(p);
  return r;
}

int use_node(void)
{
  struct node *n = new_node();	/* { dg-message "new_node\\(\\) escapes to heap$" } */
  int r = n->v;
  maybe_free(n, 1);
  return r;
}

int use_tracked(void)
{
  char *p = tracked(16);	/* not an allocation: no verdict */
  p[0] = 1;
  return p[0];
}

/* git's shape: a static helper with a fallback malloc(1), wrapped again;
   a wrapper that writes into the new object (xmallocz's terminator).  */
extern int error(const char *, ...);
static void *do_xmalloc(size_t size, int gentle)	/* { dg-message "'do_xmalloc' is an allocator wrapper \\(size: argument 1, at least 1\\)$" } */
{
  void *ret = malloc(size);	/* { dg-message "malloc\\(size\\) escapes to heap$" } */
  if (!ret && !size)
    ret = malloc(1);	/* { dg-message "malloc\\(1\\) escapes to heap$" } */
  if (!ret) {
    if (!gentle)
      die("out of memory");
    error("out of memory");
    return NULL;
  }
  return ret;
}

void *git_xmalloc(size_t size)	/* { dg-message "'git_xmalloc' is an allocator wrapper \\(size: argument 1, at least 1\\)$" } */
{
  return do_xmalloc(size, 0);	/* { dg-message "do_xmalloc\\(size, 0\\) escapes to heap$" } */
}

void *xmallocz(size_t size)	/* { dg-message "'xmallocz' is an allocator wrapper \\(size: argument 1 \\+ 1, at least 1\\)$" } */
{
  char *ret = do_xmalloc(size + 1, 0);	/* { dg-message "do_xmalloc\\(\\.\\.\\., 0\\) escapes to heap$" } */
  if (ret)
    ret[size] = 0;
  return ret;
}

int use_git(void)
{
  char *a = git_xmalloc(0);	/* { dg-message "git_xmalloc\\(0\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  char *b = xmallocz(7);	/* { dg-message "xmallocz\\(7\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  int r = a[0] + b[0];
  free(a);
  free(b);
  return r;
}
