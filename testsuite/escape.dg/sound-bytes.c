/* Issue 10: C's memory model.  Any value may carry a pointer's bytes,
   whatever its type: copies of memory (memcpy and its family, struct and
   union copies, member punning, byte loops through char, integers,
   doubles, vectors, bit-fields, _Atomic, variadic arguments of any type,
   inline asm) carry the pointers of what they copy.  Both directions:
   what escapes, and what still does not (a copy into a local that dies
   in the frame).  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

void *gv;
uintptr_t gi;
double gd;
struct box { void *p; int n; } gbox;
union pun { void *p; uintptr_t i; char c[sizeof(void *)]; } gu;
char gbuf[32];

void by_memmove(char *m) { memmove(&gv, &m, sizeof m); }	/* { dg-message "leaking param: m$" } */
void by_memcpy(char *m) { memcpy(&gv, &m, sizeof m); }	/* { dg-message "leaking param: m$" } */
void by_builtin(char *m) { __builtin_memcpy(&gv, &m, sizeof m); }	/* { dg-message "leaking param: m$" } */
void by_chk(char *m) { __builtin___memcpy_chk(&gv, &m, sizeof m, sizeof gv); }	/* { dg-message "leaking param: m$" } */
void by_bcopy(char *m) { bcopy(&m, &gv, sizeof m); }	/* { dg-message "leaking param: m$" } */
void by_mempcpy(char *m) { mempcpy(&gv, &m, sizeof m); }	/* { dg-message "leaking param: m$" } */
void by_wmemcpy(char *m) { wmemcpy((wchar_t *)&gv, (wchar_t *)&m, sizeof m / sizeof(wchar_t)); }	/* { dg-message "leaking param: m$" } */
void by_pun(char *m) { union pun x; x.p = m; gu.i = x.i; }	/* { dg-message "leaking param: m$" } */
void by_buffer(char *m)		/* { dg-message "leaking param: m$" } */
{
  char buf[sizeof m];
  memcpy(buf, &m, sizeof m);
  memcpy(&gv, buf, sizeof m);
}
void by_struct(char *m)		/* { dg-message "leaking param: m$" } */
{
  struct box b;
  b.p = m;
  b.n = 0;
  memcpy(&gbox, &b, sizeof b);
}
void by_bytes(char *m)		/* { dg-message "leaking param: m$" } */
{
  void *t;
  for (size_t k = 0; k < sizeof m; k++)
    ((char *)&t)[k] = ((char *)&m)[k];
  gv = t;
}
void by_char_member(char *m)	/* { dg-message "leaking param: m$" } */
{
  union pun u;
  u.p = m;
  for (size_t k = 0; k < sizeof u.c; k++)
    gbuf[k] = u.c[k];
}
void by_integer_bytes(char *m)	/* { dg-message "leaking param: m$" } */
{
  uintptr_t i;
  memcpy(&i, &m, sizeof i);
  gi = i + 0;			/* arithmetic keeps the bytes */
}
void by_double(char *m)		/* { dg-message "leaking param: m$" } */
{
  double d;
  memcpy(&d, &m, sizeof d);
  gd = d;
}
typedef uintptr_t vec2 __attribute__((vector_size(2 * sizeof(uintptr_t))));
vec2 gvec;
void by_vector(char *m)		/* { dg-message "leaking param: m$" } */
{
  vec2 v = {0, 0};
  memcpy(&v, &m, sizeof m);
  gvec = v + (vec2){0, 0};
}
struct bits { uintptr_t lo : 32; uintptr_t hi : 32; } gbits;
void by_bitfield(char *m)	/* { dg-message "leaking param: m$" } */
{
  uintptr_t i;
  memcpy(&i, &m, sizeof i);
  gbits.lo = i;
  gbits.hi = i >> 32;
}
_Atomic(void *) gatomic;
void by_atomic(char *m)		/* { dg-message "leaking param: m$" } */
{
  __atomic_store_n(&gatomic, m, __ATOMIC_SEQ_CST);
}
_Atomic uintptr_t gatomic_i;
void by_atomic_int(char *m)	/* { dg-message "leaking param: m$" } */
{
  uintptr_t i;
  memcpy(&i, &m, sizeof i);
  __atomic_store_n(&gatomic_i, i, __ATOMIC_SEQ_CST);
}
void keep_va(int n, ...)
{
  va_list ap;
  va_start(ap, n);
  gi = va_arg(ap, uintptr_t);
  va_end(ap);
}
void by_varargs(char *m)	/* { dg-message "leaking param: m$" } */
{
  uintptr_t i;
  memcpy(&i, &m, sizeof i);
  keep_va(1, i);		/* a variadic integer carries it too */
}
void by_asm(char *m)		/* { dg-message "leaking param: m$" } */
{
  uintptr_t i;
  memcpy(&i, &m, sizeof i);
  __asm__ volatile("" : : "r"(i));
}
void by_memset(char *m)		/* { dg-message "leaking param: m$" } */
{
  memset(gbuf, (int)(uintptr_t)m, 1);
}

/* What still does not escape: copies into locals that die in the frame,
   and values that carry no pointer.  */
int local_copy(char *m)		/* { dg-message "m does not escape$" } */
{
  char buf[sizeof m];
  memcpy(buf, &m, sizeof m);
  return buf[0] == 0;		/* a comparison: nothing of m returned */
}
int byte_returned(char *m)	/* { dg-message "leaking param: m to result ~r0 level=0$" } */
{
  char buf[sizeof m];
  memcpy(buf, &m, sizeof m);
  return buf[0];		/* a byte of m: part of its address */
}
char *through_local(char *m)	/* { dg-message "leaking param: m to result ~r0 level=0$" } */
{
  char *q;
  memcpy(&q, &m, sizeof m);
  return q;
}
int compared(char *m, char *n)	/* { dg-messages { "m does not escape$" "n does not escape$" } } */
{
  gi = m < n;			/* a comparison's 0 or 1 carries nothing */
  return m == n;
}
/* The ints read may be a pointer's bytes: p's content reaches the result
   (the caller's objects are unaffected unless pointers were stored in
   them); p itself does not escape.  */
int ints(int *p)		/* { dg-message "leaking param: p to result ~r0 level=1$" } */
{
  int a[4];
  memcpy(a, p, sizeof a);
  return a[0] + a[3];
}
void promote(void)
{
  char *m = malloc(16);		/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate$" } */
  char buf[sizeof m];
  memcpy(buf, &m, sizeof m);
  free(m);
}
void no_promote(void)
{
  char *m = malloc(16);		/* { dg-message "malloc\\(16\\) escapes to heap$" } */
  char buf[sizeof m];
  memcpy(buf, &m, sizeof m);
  memcpy(&gv, buf, sizeof m);
}

/* sprintf copies a string's bytes (%s): the content; %c and %p print a
   value's byte or its address: the value too.  */
void print_string(char *m)	/* { dg-message "leaking param content: m$" } */
{
  sprintf(gbuf, "%s", m);
}
void print_address(char *m)	/* { dg-message "leaking param: m$" } */
{
  sprintf(gbuf, "%p", (void *)m);
}
