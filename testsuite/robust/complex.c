/* _Complex values, pointers to them, __real__/__imag__ as lvalues,
   integer complex (GNU), complex in structs.  */
#include <complex.h>

extern void sink (void *);

double _Complex
cx_mul (double _Complex a, double _Complex b)
{
  return a * b;
}

double
cx_parts (double _Complex *z)
{
  double *re = &__real__ *z;
  double *im = &__imag__ *z;
  *re += 1.0;
  *im *= 2.0;
  return creal (*z) + cimag (*z);
}

double
cx_local (void)
{
  double _Complex z = 1.0 + 2.0 * I;
  double *part = &__imag__ z;	/* pointer into a complex local */
  sink (part);
  return cx_parts (&z) + cabs (cx_mul (z, conj (z)));
}

/* GNU integer complex and float complex.  */
int _Complex
cx_int (int _Complex a)
{
  __real__ a += 3;
  __imag__ a = -__imag__ a;
  return a;
}

float _Complex *
cx_float_ptr (float _Complex *arr, int n)
{
  float _Complex *best = arr;
  for (int i = 1; i < n; i++)
    if (cabsf (arr[i]) > cabsf (*best))
      best = &arr[i];
  return best;			/* leaks the parameter to the result */
}

/* Complex inside a struct next to a pointer.  */
struct cplx_node { struct cplx_node *next; long double _Complex v; };

long double _Complex
cx_sum (const struct cplx_node *n)
{
  long double _Complex s = 0;
  for (; n; n = n->next)
    s += n->v;
  return s;
}

long double
cx_nodes (void)
{
  struct cplx_node b = { 0, 2.0L }, a = { &b, 1.0L + 1.0iL };
  return creall (cx_sum (&a));
}
