/* K&R (old-style) function definitions and calls through unprototyped
   declarations.  */

struct node { struct node *next; int v; };

int kr_sum ();
char *kr_pick ();
struct node *kr_push ();

int
kr_sum (a, b, c)
     int a;
     short b;			/* promoted to int at the call */
     double c;
{
  return a + b + (int) c;
}

/* Parameters declared in an order other than the identifier list; one
   of them (n) left to default to int is not allowed in C99, so all are
   declared.  */
char *
kr_pick (n, s, t)
     char *t;
     int n;
     char *s;
{
  return n ? s : t;
}

struct node *
kr_push (head, n)
     struct node *head, *n;
{
  n->next = head;
  return n;
}

/* Array and function parameters decay to pointers.  */
int
kr_apply (f, v, len)
     int (*f) ();
     int v[];
     unsigned len;
{
  int acc = 0;
  unsigned i;
  for (i = 0; i < len; i++)
    acc += (*f) (v[i], 1, 2.0);
  return acc;
}

/* A pointer to a local handed to an unprototyped function.  */
static struct node *saved;

void
kr_keep (p)
     struct node *p;
{
  saved = p;
}

void kr_keep ();

int
kr_use (void)
{
  struct node local = { 0, 3 };
  struct node other = { 0, 4 };
  char buf[8] = "x";
  char *s;
  kr_keep (&local);
  s = kr_pick (1, buf, "lit");
  kr_push (&local, &other);
  return kr_sum (1, (short) 2, 3.5) + s[0] + saved->v
         + kr_apply (kr_sum, (int[]) { 1, 2, 3 }, 3u);
}

/* Register parameters and a char parameter (promoted).  */
int
kr_reg (p, c)
     register int *p;
     char c;
{
  register int *q = p;
  return *q + c;
}

/* Old style with no parameters at all.  */
int *
kr_none ()
{
  static int x;
  return &x;
}

/* A K&R function that returns its pointer argument: it leaks.  */
void *
kr_ident (p)
     void *p;
{
  return p;
}

int
kr_calls (void)
{
  int v = 5;
  int *pv = kr_ident (&v);
  return *pv + *kr_none () + kr_reg (&v, 'a');
}
