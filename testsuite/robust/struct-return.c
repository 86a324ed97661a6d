/* Structs with pointers returned and passed by value, small (registers)
   and large (memory), nested, and assigned as wholes.  */

extern void sink (void *);

struct span { char *begin, *end; };
struct big { int *ptrs[16]; long n; struct span s; };
struct outer { struct span a; struct big b; };

struct span
sr_make (char *p, unsigned n)
{
  struct span s = { p, p + n };
  return s;
}

/* Returns a struct holding the address of a local (dangling).  */
struct span
sr_dangling (void)
{
  char buf[8] = "abc";
  return sr_make (buf, 3);
}

/* Large struct returned through hidden memory.  */
struct big
sr_big (int *p)
{
  struct big b = { { 0 } };
  for (int i = 0; i < 16; i++)
    b.ptrs[i] = p + i;
  b.n = 16;
  return b;
}

long
sr_big_caller (void)
{
  int arr[16] = { 0 };
  struct big b = sr_big (arr);
  struct big c;
  c = b;
  sink (&c);
  return c.n + *b.ptrs[3];
}

/* Nested struct return, member of a returned struct.  */
struct outer
sr_outer (char *p, int *q)
{
  struct outer o;
  o.a = sr_make (p, 1);
  o.b = sr_big (q);
  o.b.s = o.a;
  return o;
}

char
sr_member_of_call (char *p, int *q)
{
  return *sr_outer (p, q).b.s.begin + (char) *sr_big (q).ptrs[0];
}

/* Struct passed by value containing a pointer to the caller's local.  */
static long
sr_len (struct span s)
{
  return s.end - s.begin;
}

long
sr_by_value (void)
{
  char text[] = "hello";
  return sr_len (sr_make (text, 5)) + sr_len ((struct span) { text, text + 1 });
}

/* Returning a compound literal, returning a struct through a pointer
   parameter, and a function returning a struct with one pointer.  */
struct one { void *p; };

struct one
sr_compound (void *p)
{
  return (struct one) { p };
}

void
sr_out_param (struct span *out, char *p)
{
  *out = sr_make (p, 2);
}

void *
sr_chain (void)
{
  int local;
  struct span s;
  char c[4];
  sr_out_param (&s, c);
  sink (s.begin);
  return sr_compound (&local).p;
}

/* A struct with a pointer and an array copied in a loop.  */
struct rec { int *p; int pad[3]; };

int
sr_loop (int n)
{
  int v = 1;
  struct rec a = { &v, { 1, 2, 3 } }, b;
  for (int i = 0; i < n; i++)
    {
      b = a;
      a = b;
      a.pad[i % 3] += *b.p;
    }
  return a.pad[0];
}
