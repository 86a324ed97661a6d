/* GCC builtins that take or return pointers.  */
#include <string.h>
#include <stddef.h>

extern void sink (void *);
void *builtin_global;

size_t
bi_memcpy (char *dst, const char *src, size_t n)
{
  char tmp[64];
  __builtin_memcpy (tmp, src, n < 64 ? n : 64);
  memcpy (dst, tmp, n < 64 ? n : 64);
  __builtin_memmove (dst + 1, dst, 3);
  __builtin_memset (tmp, 0, sizeof tmp);
  return __builtin_strlen (dst) + strlen (src);
}

/* memcpy of a pointer value: the pointer to a local is copied into
   memory that escapes.  */
void
bi_memcpy_pointer (void **out)
{
  int local = 1;
  int *p = &local;
  __builtin_memcpy (out, &p, sizeof p);
  builtin_global = *out;
}

size_t
bi_object_size (int n)
{
  char buf[32];
  char *p = n ? buf : buf + 8;
  size_t a = __builtin_object_size (p, 0);
  size_t b = __builtin_object_size (p, 1);
  size_t c = __builtin_object_size (p, 2);
  size_t d = __builtin_object_size (p, 3);
  size_t e = __builtin_dynamic_object_size (p, 0);
  sink (buf);
  return a + b + c + d + e;
}

int
bi_expect (int *p)
{
  if (__builtin_expect (p == 0, 0))
    return -1;
  if (__builtin_expect_with_probability (*p > 10, 1, 0.9))
    return 1;
  return __builtin_constant_p (p) ? 2 : 0;
}

/* Pointer-returning builtins: strchr, strcpy, stpcpy, memchr,
   __builtin_assume_aligned.  */
char *
bi_string (char *s, const char *t)
{
  char *r = __builtin_strchr (s, 'x');
  char *e = __builtin_stpcpy (s, t);
  __builtin_strcpy (e, "!");
  void *m = __builtin_memchr (s, 0, 100);
  char *al = __builtin_assume_aligned (s, 16);
  return r ? r : m ? (char *) m : al;
}

/* Frame and return addresses, prefetch, unreachable, trap.  */
void *
bi_frame (int x)
{
  void *ra = __builtin_return_address (0);
  void *fa = __builtin_frame_address (0);
  __builtin_prefetch (&x, 1, 3);
  __builtin_prefetch (ra);
  if (x == 42)
    __builtin_trap ();
  if (x < -1000)
    __builtin_unreachable ();
  return fa;			/* the frame address escapes */
}

/* Compile-time builtins.  */
struct s { int a; char *b[3]; };

size_t
bi_compile_time (void)
{
  int i = 0;
  size_t off = __builtin_offsetof (struct s, b[2]);
  int same = __builtin_types_compatible_p (int *, __typeof__ (&i));
  long ch = __builtin_choose_expr (sizeof (int) == 4, 1L, 2.0);
  return off + same + ch + __builtin_classify_type (&i);
}

/* Overflow and bit builtins with pointer-derived values.  */
int
bi_overflow (const char *a, const char *b)
{
  long d;
  unsigned long u = (unsigned long) a;
  if (__builtin_sub_overflow ((long) (a - b), 1L, &d))
    return -1;
  return (int) d + __builtin_popcountl (u) + __builtin_ctzl (u | 1);
}

/* __builtin_alloca, __builtin_malloc and __builtin_free.  */
int
bi_malloc (int n)
{
  int *p = __builtin_malloc (n * sizeof (int));
  int *q = __builtin_alloca (n * sizeof (int));
  if (!p)
    return 0;
  p[0] = q[0] = n;
  int r = p[0] + q[0];
  __builtin_free (p);
  return r;
}

/* __builtin_va_arg_pack in an always_inline wrapper.  */
extern int logger (const char *, ...);

static inline __attribute__ ((always_inline, gnu_inline)) int
log_wrapper (const char *fmt, ...)
{
  return logger (fmt, __builtin_va_arg_pack ());
}

int
bi_va_arg_pack (void)
{
  int local = 3;
  return log_wrapper ("%p %d", (void *) &local, 5);
}
