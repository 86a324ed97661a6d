/* Labels as values: &&label, goto *p, label arrays, static label tables,
   threaded interpreters, label addresses stored in memory and passed to
   other functions.  */

extern void sink (const void *);

int
cg_basic (int i)
{
  void *targets[] = { &&l0, &&l1, &&l2 };
  int r = 0;
  goto *targets[i % 3];
l0:
  r += 1;
l1:
  r += 10;
l2:
  r += 100;
  return r;
}

/* The classic position-independent static table of label differences.  */
int
cg_static_table (const unsigned char *code)
{
  static const int offsets[] = { &&op_inc - &&op_inc, &&op_dec - &&op_inc,
                                 &&op_halt - &&op_inc };
  int acc = 0;
#define DISPATCH() goto *(&&op_inc + offsets[*code++])
  DISPATCH ();
op_inc:
  acc++;
  DISPATCH ();
op_dec:
  acc--;
  DISPATCH ();
op_halt:
  return acc;
#undef DISPATCH
}

/* A static table of absolute label addresses.  */
int
cg_static_abs (int n)
{
  static void *const table[] = { &&a, &&b, &&c };
  int r = 0;
  void *p = table[n & 1];
  goto *p;
a:
  r = 1;
  goto *table[2];
b:
  r = 2;
c:
  return r;
}

/* A threaded interpreter whose "program" holds label addresses.  */
struct insn { void *op; long arg; };

long
cg_interp (long x)
{
  struct insn prog[] = {
    { &&i_add, 5 }, { &&i_mul, 3 }, { &&i_jnz, 0 }, { &&i_ret, 0 }
  };
  struct insn *pc = prog;
  long acc = x;
  goto *pc->op;
i_add:
  acc += pc->arg;
  pc++;
  goto *pc->op;
i_mul:
  acc *= pc->arg;
  pc++;
  goto *pc->op;
i_jnz:
  if (acc < 100)
    {
      pc = prog;
      goto *pc->op;
    }
  pc++;
  goto *pc->op;
i_ret:
  return acc;
}

/* A label address escapes to another function and to a global.  */
void *label_escape;

int
cg_escape (int k)
{
  void *p = &&out;
  sink (p);
  label_escape = &&out;
  if (k)
    goto *p;
  k = 3;
out:
  return k;
}

/* A computed goto inside a loop; a label address in a pointer to
   pointer.  */
int
cg_loop (int n)
{
  void *next = &&body;
  void **pp = &next;
  int i = 0;
body:
  if (++i < n)
    {
      *pp = (i & 1) ? &&body : &&odd;
      goto **pp;
    }
  return i;
odd:
  i += 2;
  goto body;
}

/* Label values compared and converted to integers.  */
long
cg_compare (void)
{
  void *a = &&x, *b = &&y;
  long d = (char *) b - (char *) a;
x:
  if (a == b)
    return 0;
y:
  return d != 0;
}
