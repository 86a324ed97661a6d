/* Issue 12: the reason given when the size argument alloc= names holds a
   pointer (before: "non-constant size" next to a constant).  */
/* { dg-options "-O0 -fplugin-arg-escape-m=2 -fplugin-arg-escape-alloc=luaM_malloc_" } */
#include <stddef.h>

typedef struct lua_State lua_State;
void *luaM_malloc_(lua_State *L, size_t n, int tag);

int f(lua_State *L)	/* { dg-message "L does not escape$" } */
{
  char *p = luaM_malloc_(L, 1024, 0);	/* { dg-message "luaM_malloc_\\(L, 1024, 0\\) escapes to heap$" } */
  /* { dg-message "flow: \\{heap\\} = &\\{storage for luaM_malloc_\\(L, 1024, 0\\)\\}: from luaM_malloc_\\(L, 1024, 0\\) \\(size argument 1 is a pointer: name the size with alloc=luaM_malloc_:sizeN\\) at .*$" "" { target *-*-* } .-1 } */
  p[0] = 1;
  return p[0];
}
