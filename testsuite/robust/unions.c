/* Unions with pointers: punning pointers and integers, unions of
   structs, transparent unions, unions in arrays.  */
#include <stdint.h>

extern void sink (void *);
void *union_global;

union pi { int *p; uintptr_t bits; char bytes[sizeof (int *)]; };

int *
un_roundtrip (int *p)
{
  union pi u;
  u.p = p;
  u.bits |= 0;
  return u.p;
}

/* A pointer to a local hidden in the integer view of a union.  */
uintptr_t
un_hide (void)
{
  int local = 4;
  union pi u = { .p = &local };
  sink (u.bytes);
  return u.bits;
}

/* A union of structs that share a pointer field.  */
struct as_int { int tag; int *ip; };
struct as_str { int tag; char *sp; };
union variant { int tag; struct as_int i; struct as_str s; };

int
un_variant (union variant *v)
{
  switch (v->tag)
    {
    case 0:
      return *v->i.ip;
    case 1:
      return v->s.sp[0];
    default:
      return -1;
    }
}

int
un_variant_caller (void)
{
  int n = 3;
  char s[] = "ab";
  union variant a = { .i = { 0, &n } };
  union variant b = { .s = { 1, s } };
  union_global = &b;
  return un_variant (&a) + un_variant (&b);
}

/* Transparent union parameter.  */
typedef union
{
  int *ip;
  long *lp;
  void *vp;
} any_ptr __attribute__ ((transparent_union));

static void *
un_transparent (any_ptr p)
{
  return p.vp;
}

void *
un_transparent_caller (void)
{
  static int si;
  static long sl;
  return un_transparent (&si) ? un_transparent (&sl) : 0;
}

/* A union assigned as a whole, an array of unions.  */
void
un_array (int n)
{
  int vals[4] = { 1, 2, 3, 4 };
  union pi arr[4];
  for (int i = 0; i < 4; i++)
    arr[i].p = &vals[i];
  union pi copy = arr[n & 3];
  union_global = copy.p;
}

/* A union containing a pointer and a function pointer, type-punned.  */
union code_or_data { void *data; void (*code) (void); };

void *
un_code (void (*f) (void))
{
  union code_or_data u;
  u.code = f;
  return u.data;
}

/* Anonymous union inside a struct.  */
struct node
{
  int kind;
  union { struct node *child; long value; };
};

long
un_anonymous (struct node *n)
{
  return n->kind ? un_anonymous (n->child) : n->value;
}
