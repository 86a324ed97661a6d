/* Issue 12: alloc=, realloc=, free= with argument positions (1-based,
   like GCC's alloc_size): the size in any argument, calloc-style count x
   size, realloc-style (pointer, size), the pointer to free in any
   argument.  */
/* { dg-options "-O0 -fplugin-arg-escape-m -fplugin-arg-escape-alloc=lua_alloc:size2,db_malloc:size2,my_calloc:count1:size2,plain_alloc -fplugin-arg-escape-realloc=db_realloc:ptr2:size3 -fplugin-arg-escape-free=db_free:ptr2" } */
#include <stddef.h>
#include <stdlib.h>

typedef struct db db;
void *lua_alloc(void *L, size_t n, int tag);
void *db_malloc(db *d, size_t n);
void *db_realloc(db *d, void *p, size_t n);
void db_free(db *d, void *p);
void *my_calloc(size_t n, size_t size);
void *plain_alloc(void *ctx, size_t n);

int size_second(db *d)	/* { dg-message "d does not escape$" } */
{
  char *p = db_malloc(d, 64);	/* { dg-message "db_malloc\\(d, 64\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  p[0] = 1;
  int r = p[0];
  db_free(d, p);
  return r;
}

int lua_style(void *L)	/* { dg-message "L does not escape$" } */
{
  char *p = lua_alloc(L, 1024, 0);	/* { dg-message "lua_alloc\\(L, 1024, 0\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" } */
  p[0] = 1;
  return p[0];
}

int count_times_size(void)
{
  int *p = my_calloc(4, 8);	/* { dg-message "my_calloc\\(4, 8\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  int r = p[1];
  free(p);
  return r;
}

/* realloc-style: the old block is taken over (it cannot be a stack
   object), the new one is an allocation.  */
int realloc_style(db *d, char *old)	/* { dg-message "leaking param: old$" } */
/* { dg-message "d does not escape$" "" { target *-*-* } .-1 } */
{
  char *p = db_realloc(d, old, 16);	/* { dg-message "db_realloc\\(d, old, 16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" } */
  int r = p[0];
  db_free(d, p);
  return r;
}

/* The size where alloc= says it is not (size first by default, here a
   pointer): said, not "non-constant size".  */
int wrong_position(void *ctx)	/* { dg-message "ctx does not escape$" } */
{
  char *p = plain_alloc(ctx, 8);	/* { dg-message "plain_alloc\\(ctx, 8\\) escapes to heap$" } */
  p[0] = 1;
  return p[0];
}
