/* setjmp/longjmp, sigsetjmp, __builtin_setjmp; jmp_bufs in globals,
   locals and structs; pointers to locals live across setjmp.  */
#include <setjmp.h>
#include <stdlib.h>

extern void sink (void *);
static jmp_buf top;

void
sj_thrower (int v)
{
  if (v)
    longjmp (top, v);
}

int
sj_basic (int v)
{
  volatile int counter = 0;
  int local = 5;
  int *volatile p = &local;
  if (setjmp (top) != 0)
    return counter + *p;
  counter++;
  sj_thrower (v);
  return 0;
}

/* A jmp_buf on the stack whose address is stored in a global.  */
jmp_buf *current;

int
sj_local_buf (void)
{
  jmp_buf here;
  jmp_buf *volatile saved = current;
  current = &here;
  int r = setjmp (here);
  if (r == 0)
    {
      sink (&here);
      longjmp (*current, 2);
    }
  current = saved;
  return r;
}

/* A jmp_buf inside a heap object.  */
struct ctx { jmp_buf env; char *msg; };

char *
sj_heap (void)
{
  struct ctx *c = malloc (sizeof *c);
  char text[] = "fail";
  if (!c)
    return 0;
  if (setjmp (c->env))
    {
      char *m = c->msg;
      free (c);
      return m;
    }
  c->msg = text;	/* a pointer to a local kept in the heap */
  longjmp (c->env, 1);
}

/* sigsetjmp / siglongjmp.  */
static sigjmp_buf sigtop;

int
sj_sig (int v)
{
  int arr[3] = { 1, 2, 3 };
  int *volatile q = arr;
  if (sigsetjmp (sigtop, 1))
    return q[1];
  if (v)
    siglongjmp (sigtop, 1);
  return q[0];
}

/* The builtin variant (frame-based).  */
static void *bbuf[5];

static void __attribute__ ((noinline))
sj_builtin_throw (void)
{
  __builtin_longjmp (bbuf, 1);
}

int
sj_builtin (void)
{
  int x = 7;
  int *volatile px = &x;
  if (__builtin_setjmp (bbuf))
    return *px;
  sj_builtin_throw ();
  return 0;
}

/* setjmp in a loop, the result used in a switch.  */
int
sj_loop (int n)
{
  jmp_buf env;
  volatile int i = 0;
  switch (setjmp (env))
    {
    case 0:
      break;
    default:
      if (i >= n)
        return i;
    }
  i++;
  longjmp (env, i);
}
