/* Recursion and mutual recursion, passing and returning pointers.  */

extern void sink (void *);
struct list { struct list *next; int v; };

/* Self-recursive: the parameter flows to the result.  */
struct list *
rec_last (struct list *l)
{
  return l->next ? rec_last (l->next) : l;
}

/* Self-recursive: builds a list of stack nodes, one per frame.  */
int
rec_stack_list (struct list *prev, int n)
{
  struct list here = { prev, n };
  if (n == 0)
    {
      int s = 0;
      for (struct list *p = &here; p; p = p->next)
        s += p->v;
      return s;
    }
  return rec_stack_list (&here, n - 1);
}

/* Mutual recursion through three functions.  */
int *rec_a (int *, int);
int *rec_b (int *, int);
int *rec_c (int *, int);

int *
rec_a (int *p, int n)
{
  return n <= 0 ? p : rec_b (p + 1, n - 1);
}

int *
rec_b (int *p, int n)
{
  return n <= 0 ? p : rec_c (p, n - 1);
}

int *
rec_c (int *p, int n)
{
  static int *last;
  last = p;			/* leaks every time round the cycle */
  return n <= 0 ? last : rec_a (p - 1, n - 1);
}

int
rec_mutual_caller (void)
{
  int arr[8] = { 0 };
  return *rec_a (arr + 4, 6);
}

/* Recursion that swaps its arguments (flows between parameters).  */
void *
rec_swap (void *a, void *b, int n)
{
  return n ? rec_swap (b, a, n - 1) : a;
}

/* Tail recursion turned into a loop at -O2.  */
long
rec_tail (long acc, const long *p, int n)
{
  if (n == 0)
    return acc;
  return rec_tail (acc + *p, p + 1, n - 1);
}

/* Recursion through a function pointer.  */
static int (*self) (int *, int);

static int
rec_indirect (int *p, int n)
{
  int local = n;
  if (n == 0)
    return *p;
  return self (&local, n - 1) + *p;
}

int
rec_indirect_caller (void)
{
  int x = 1;
  self = rec_indirect;
  return rec_indirect (&x, 5);
}

/* Deep structural recursion over a tree of stack nodes.  */
struct tree { struct tree *l, *r; int v; };

int
rec_tree_sum (const struct tree *t)
{
  return t ? t->v + rec_tree_sum (t->l) + rec_tree_sum (t->r) : 0;
}

int
rec_tree_build (int depth)
{
  struct tree l = { 0, 0, depth }, r = { 0, 0, -depth };
  struct tree root = { depth ? &l : 0, depth ? &r : 0, 1 };
  if (depth > 0)
    {
      sink (&root);
      return rec_tree_build (depth - 1) + rec_tree_sum (&root);
    }
  return rec_tree_sum (&root);
}

/* A recursive function whose local escapes only in the base case.  */
int *keep;

void
rec_escape_base (int n)
{
  int v = n;
  if (n == 0)
    keep = &v;
  else
    rec_escape_base (n - 1);
}
