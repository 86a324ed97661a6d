/* Rule 1, a pointer that outlives its frame: returned, or stored in a
   global.  In Go the variable moves to the heap; in C it dangles.  */
#include <stddef.h>

struct node { int value; struct node *next; };

static struct node *registry;

struct node *make_node(int v)
{
  struct node n = { v, NULL };
  struct node *p = &n;
  return p;                      /* dangling: n dies here */
}

void register_node(int v)
{
  struct node n = { v, NULL };
  registry = &n;                 /* dangling once we return */
}

int sum_list(const struct node *head)
{
  int s = 0;
  for (; head; head = head->next)
    s += head->value;
  return s;
}

int local_list(void)
{
  struct node b = { 2, NULL };
  struct node a = { 1, &b };     /* fine: both live in this frame */
  return sum_list(&a);
}
