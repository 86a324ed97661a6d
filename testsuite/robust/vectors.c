/* GCC vector extensions, __int128, long double, and SIMD loads/stores
   through pointers to locals.  */
#include <string.h>

extern void sink (void *);

typedef int v4si __attribute__ ((vector_size (16)));
typedef float v8sf __attribute__ ((vector_size (32)));
typedef unsigned char v16qi __attribute__ ((vector_size (16)));

v4si
vx_add (const v4si *a, const v4si *b)
{
  return *a + *b;
}

int
vx_local (void)
{
  v4si x = { 1, 2, 3, 4 };
  v4si y = x * 2;
  v4si *px = &x;
  int *lanes = (int *) &y;	/* pointer into a vector local */
  sink (lanes);
  v4si z = vx_add (px, &y);
  return z[0] + z[3] + lanes[1];
}

v8sf
vx_shuffle (v8sf a, v8sf b)
{
  typedef int v8si __attribute__ ((vector_size (32)));
  v8si mask = { 0, 9, 2, 11, 4, 13, 6, 15 };
  return __builtin_shuffle (a, b, mask);
}

/* Unaligned vector load through memcpy from a pointer.  */
v16qi
vx_load (const unsigned char *p)
{
  v16qi v;
  memcpy (&v, p, sizeof v);
  return v + 1;
}

/* __int128 holding a pointer, long double arithmetic on pointers'
   integer values.  */
unsigned __int128
vx_int128 (void *a, void *b)
{
  unsigned __int128 w = (unsigned __int128) (unsigned long) a << 64;
  w |= (unsigned long) b;
  return w * 3;
}

void *
vx_int128_back (unsigned __int128 w)
{
  return (void *) (unsigned long) (w >> 64);
}

long double
vx_long_double (const long double *p, int n)
{
  long double s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

/* A vector of pointers' bit patterns, and a vector in a struct with a
   pointer.  */
typedef unsigned long v2du __attribute__ ((vector_size (16)));

struct vp { v2du addrs; void *extra; };

void *
vx_struct (void *a, void *b)
{
  struct vp s;
  s.addrs = (v2du) { (unsigned long) a, (unsigned long) b };
  s.extra = &s;
  sink (s.extra);
  return (void *) s.addrs[1];
}
