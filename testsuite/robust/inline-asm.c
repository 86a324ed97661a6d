/* Inline asm with pointer operands, memory operands, memory clobbers,
   read-write and matching constraints, asm goto, register variables.
   Templates are comments so that the file assembles anywhere.  */

extern void sink (void *);
void *asm_global;

__asm__ ("# top-level asm");

int
asm_pointer_in (void)
{
  int x = 1;
  int *p = &x;
  __asm__ volatile ("# %0" : : "r" (p) : "memory");
  return x;
}

/* A pointer produced by asm: the plugin cannot know where it points.  */
int *
asm_pointer_out (void)
{
  int local = 2;
  int *q;
  __asm__ ("# %0 %1" : "=r" (q) : "0" (&local));
  return q;
}

/* Memory operands: the asm may read or write the object.  */
int
asm_memory_operand (void)
{
  int arr[4] = { 1, 2, 3, 4 };
  __asm__ volatile ("# %0" : "+m" (arr));
  __asm__ volatile ("# %0" : : "m" (arr[1]));
  return arr[0] + arr[3];
}

/* A read-write pointer and a "g" operand.  */
long
asm_readwrite (long *p)
{
  long v = 0;
  __asm__ ("# %0 %1" : "+r" (p), "+g" (v));
  return v + (p != 0);
}

/* Address of a local passed through asm into a global.  */
void
asm_leak (void)
{
  char buf[16];
  void *t;
  __asm__ ("# %0 %1" : "=r" (t) : "r" (buf));
  asm_global = t;
  sink (buf);
}

/* asm goto with labels and a pointer input.  */
int
asm_goto (int *p)
{
  __asm__ goto ("# %0 %l1" : : "r" (p) : "memory" : fail);
  return *p;
fail:
  return -1;
}

/* Local register variable bound to a register (only with asm uses).  */
#if defined(__x86_64__)
long
asm_register_var (long *p)
{
  register long *r __asm__ ("rbx") = p;
  __asm__ volatile ("# %0" : "+r" (r));
  return *r;
}
#endif

/* Basic asm inside a function, volatile clobbers only.  */
void
asm_basic (void)
{
  __asm__ ("# basic");
  __asm__ __volatile__ ("" ::: "memory");
}

/* Many operands of different kinds in one statement.  */
int
asm_many (int *a, int *b, char *c)
{
  int x = 0, y = 0;
  struct { int *p; int v; } s = { a, 3 };
  __asm__ ("# %0 %1 %2 %3 %4 %5"
           : "=&r" (x), "+m" (s), "=r" (y)
           : "r" (b), "m" (*c), "i" (42)
           : "memory", "cc");
  return x + y + s.v;
}
