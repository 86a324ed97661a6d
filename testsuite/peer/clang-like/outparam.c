/* A stack address left where the caller can see it (output parameters). */
#include <stddef.h>
extern void use(int *);
extern int *lookup(int);

void out_param(int **out)
{
  int x = 0;
  *out = &x;                      /* PEER-EXPECT: through out */
}

void out_param_index(int **out, int i)
{
  int x = 0;
  out[i] = &x;                    /* PEER-EXPECT: through out[i] */
}

struct res { int *p; };

void out_struct(struct res *r)
{
  int x = 0;
  r->p = &x;                      /* PEER-EXPECT: through r->p */
}

/* Safe: */

int *guarded_fallback(int k) /* PEER-SAFE */
{
  static int unused;
  int spare = 0;
  int *r = lookup(k);
  if (!r)
    r = &spare;
  use(r);
  if (r == &spare)
    r = 0;
  (void)unused;
  return r;
}

void out_reset(int **out) /* PEER-SAFE */
{
  int x = 0;
  *out = &x;
  use(*out);
  *out = NULL;
}

void out_static(int **out) /* PEER-SAFE */
{
  static int s;
  *out = &s;
}
