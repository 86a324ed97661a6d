/* Pointer <-> integer casts: uintptr_t round trips, tagged pointers,
   XOR-linked lists, addresses as hash keys, casts through char *.  */
#include <stdint.h>
#include <stddef.h>

extern void sink (void *);
uintptr_t hidden;
intptr_t hidden_signed;

int *
ca_roundtrip (int *p)
{
  uintptr_t u = (uintptr_t) p;
  u += 4;
  u -= 4;
  return (int *) u;
}

/* A local's address stored as an integer in a global.  */
int
ca_hide_local (void)
{
  int local = 7;
  hidden = (uintptr_t) &local;
  hidden_signed = (intptr_t) (void *) &local;
  return *(int *) hidden;
}

/* Tagged pointers: the low bits carry a tag.  */
#define TAG_MASK ((uintptr_t) 7)

void *
ca_tag (void *p, unsigned tag)
{
  return (void *) (((uintptr_t) p & ~TAG_MASK) | (tag & TAG_MASK));
}

void *
ca_untag (void *p)
{
  return (void *) ((uintptr_t) p & ~TAG_MASK);
}

/* XOR-linked list traversal.  */
struct xnode { uintptr_t link; int v; };

int
ca_xor_list (struct xnode *head)
{
  struct xnode *prev = 0, *cur = head;
  int s = 0;
  while (cur)
    {
      struct xnode *next = (struct xnode *) (cur->link ^ (uintptr_t) prev);
      s += cur->v;
      prev = cur;
      cur = next;
    }
  return s;
}

int
ca_xor_local (void)
{
  struct xnode a, b;
  a.v = 1;
  b.v = 2;
  a.link = (uintptr_t) &b;
  b.link = (uintptr_t) &a;
  b.link ^= (uintptr_t) &a;
  return ca_xor_list (&a);
}

/* Integer to pointer without provenance, absolute addresses.  */
volatile unsigned *
ca_mmio (void)
{
  return (volatile unsigned *) 0x1000;
}

/* Pointer hashing and pointer comparison through integers.  */
unsigned
ca_hash (const void *p)
{
  uintptr_t u = (uintptr_t) p;
  return (unsigned) (u ^ (u >> 17) ^ (u >> 31));
}

/* Casts through char *, unsigned char *, pointer to pointer, const
   removal, and between object pointer types.  */
long
ca_char_walk (long *p)
{
  char *c = (char *) p;
  unsigned char *u = (unsigned char *) c + sizeof (long);
  long *back = (long *) (u - sizeof (long));
  const long *cp = back;
  long *mut = (long *) cp;
  void **vpp = (void **) &mut;
  sink (*vpp);
  return *mut;
}

/* A pointer squeezed through a narrower integer and a double.  */
void *
ca_narrow (void *p)
{
  unsigned long long ull = (unsigned long long) (uintptr_t) p;
  __int128 wide = (__int128) ull;
  return (void *) (uintptr_t) wide;
}

/* ptrdiff arithmetic producing a pointer from another object.  */
int *
ca_cross (int *a, int *b)
{
  ptrdiff_t d = b - a;
  return a + d;
}

/* Pointer stored in a long inside a struct, then in an array of
   uintptr_t.  */
struct blob { long word; uintptr_t slots[2]; };

void
ca_struct_ints (struct blob *out)
{
  int local[2] = { 1, 2 };
  out->word = (long) &local[0];
  out->slots[1] = (uintptr_t) &local[1];
  sink (out);
}
