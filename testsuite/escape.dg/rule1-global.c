/* Rule 1: stored to a global or a static, or to memory reachable from
   one, a local's address outlives the frame.  Stored through a pointer
   parameter it escapes (Go: leaks to the heap) and, still there at the
   return, is a warning too (lifetimes.cc).  */
/* { dg-options "-O2" } */

struct node { struct node *next; int *val; };

int *gp;
static int *sp;
struct node *list;
struct node table[4];

void to_global(void)
{
  int a = 1;		/* { dg-message "'a' declared here$" } */
  gp = &a;		/* { dg-warning "address of local variable 'a' escapes: stored in global 'gp' \\\[escape/dangling-address\\\]$" } */
}

void to_static(void)
{
  int b = 2;		/* { dg-message "'b' declared here$" } */
  int *p = &b;
  sp = p;		/* { dg-warning "address of local variable 'b' escapes: stored in global 'sp' \\\[escape/dangling-address\\\]$" } */
}

void to_function_static(void)
{
  static int *keep;
  int c = 3;		/* { dg-message "'c' declared here$" } */
  keep = &c;		/* { dg-warning "address of local variable 'c' escapes: stored in global 'keep' \\\[escape/dangling-address\\\]$" } */
  (void)keep;
}

void to_global_memory(void)
{
  int d = 4;		/* { dg-message "'d' declared here$" } */
  list->val = &d;	/* { dg-warning "address of local variable 'd' escapes: stored in memory reachable from global 'list' \\\[escape/dangling-address\\\]$" } */
}

void to_global_array(int i)
{
  int e = 5;		/* { dg-message "'e' declared here$" } */
  table[i].val = &e;	/* { dg-warning "address of local variable 'e' escapes: stored in global 'table' \\\[escape/dangling-address\\\]$" } */
}

/* Through a pointer parameter: the caller holds it when F dies.  */
void through_param(int **out)
{
  int f = 6;		/* { dg-message "'f' declared here$" } */
  *out = &f;		/* { dg-warning "address of local variable 'f' escapes: stored through parameter 'out' \\\[escape/dangling-address\\\]$" } */
}

/* Negative: a local list.  */
int local_list(void)
{
  int v = 7;
  struct node n2 = {0, &v};
  struct node n1 = {&n2, &v};
  return *n1.next->val;
}
