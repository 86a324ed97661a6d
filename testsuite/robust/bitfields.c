/* Bit-fields next to pointers; whole-struct copies; bit-fields read and
   written through pointers.  */

extern void sink (void *);

struct flags
{
  unsigned a : 1;
  unsigned b : 3;
  int c : 5;
  unsigned long long big : 40;
  char *name;
  unsigned : 0;			/* force alignment */
  unsigned d : 7;
  _Bool flag : 1;
};

int
bf_read (const struct flags *f)
{
  return f->a + f->b + f->c + (int) f->big + f->d + f->flag + (f->name != 0);
}

void
bf_write (struct flags *f, char *n)
{
  f->a = 1;
  f->b = 5;
  f->c = -3;
  f->big = 0x123456789ULL;
  f->name = n;
  f->d++;
  f->flag = !f->flag;
}

int
bf_local (void)
{
  char name[] = "x";
  struct flags f = { 0 };
  bf_write (&f, name);
  struct flags g = f;
  sink (&g);
  return bf_read (&g);
}

/* Packed struct with bit-fields and a misaligned pointer member.  */
struct __attribute__ ((packed)) packed
{
  unsigned char tag : 3;
  unsigned char len : 5;
  int *ptr;
  unsigned short w : 12;
};

int *
bf_packed (struct packed *p, int *q)
{
  p->tag = 2;
  p->len = 31;
  p->w = 0xabc;
  int *old = p->ptr;
  p->ptr = q;
  return old;
}

/* Bit-fields in a union and in arrays, compound assignment.  */
union bits { unsigned all; struct { unsigned lo : 16, hi : 16; } h; };

unsigned
bf_union (unsigned x)
{
  union bits u = { x };
  u.h.lo ^= 0xffff;
  u.h.hi += u.h.lo;
  return u.all;
}

unsigned
bf_array (int n)
{
  struct { unsigned v : 4; void *p; } arr[8];
  unsigned s = 0;
  for (int i = 0; i < 8; i++)
    {
      arr[i].v = i + n;
      arr[i].p = &arr[(i + 1) % 8];
    }
  sink (arr[0].p);
  for (int i = 0; i < 8; i++)
    s += arr[i].v;
  return s;
}
