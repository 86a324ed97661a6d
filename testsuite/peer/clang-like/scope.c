/* An address used after its object's block ended. */
extern void use(int *);
extern int pick(void);

int after_block(void)
{
  int *q;
  {
    int v = 1;
    q = &v;
  }
  return *q;                      /* PEER-EXPECT: v's block ended */
}

int after_if(int c)
{
  int *q = 0;
  int w = 0;
  if (c) {
    int v = 1;
    q = &v;
    use(q);
  } else {
    q = &w;
  }
  return *q;                      /* PEER-EXPECT: v's branch ended */
}

int after_vla(int n)
{
  int *q;
  {
    int vla[n];
    vla[0] = 3;
    q = vla;
    use(q);
  }
  return q[0];                    /* PEER-EXPECT: the VLA is gone */
}

int after_loop(int n)
{
  int *keep = 0;
  for (int i = 0; i < n; i++) {
    int x = i;
    keep = &x;
    use(keep);
  }
  return keep ? *keep : 0;        /* PEER-EXPECT: x's iteration ended */
}

/* Safe: */

int inside_block(void) /* PEER-SAFE */
{
  int *q;
  int r;
  {
    int v = pick();
    q = &v;
    r = *q;
  }
  q = 0;
  return r;
}

int outer_object(void) /* PEER-SAFE */
{
  int v = pick();
  int *q;
  {
    q = &v;
  }
  return *q;
}
