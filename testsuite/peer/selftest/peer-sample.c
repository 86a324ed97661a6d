/* Self-test of bench/peer.py: PEER-* annotations (canned diagnostics in peer-sample.plugin and .gcc).
   PEER-OPTIONS: -O1 */
int *g;
void work (void);

int *r1 (void)
{
  int x = 0;
  return &x;                 /* PEER-EXPECT: returned */
}

void s1 (void)                                    
{
  int x = 0;
  g = &x;                   /* PEER-EXPECT: a global */
  work ();
}

void ok1 (void)              /* PEER-SAFE */
{
  int x = 0;
  g = &x;
  work ();
  g = 0;
}

void ok2 (void)              /* PEER-SAFE */
{
  static int s;
  g = &s;
}

void helper (int *p)
{
  g = p;
}
