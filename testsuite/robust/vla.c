/* Variable-length arrays: of pointers, pointers to VLAs, VLAs in loops,
   VLA parameters and typedefs, sizeof, VLAs left by goto.  */
#include <stddef.h>
#include <string.h>

extern void sink (void *);
extern void *global_ptr;

int
vla_sum (int n)
{
  int a[n];
  for (int i = 0; i < n; i++)
    a[i] = i;
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

/* A VLA of pointers to locals and to other VLAs.  */
int
vla_of_pointers (int n)
{
  int x = 1, y = 2;
  int *ptrs[n];
  int other[n + 1];
  for (int i = 0; i < n; i++)
    ptrs[i] = (i & 1) ? &x : &other[i];
  other[0] = y;
  int s = 0;
  for (int i = 0; i < n; i++)
    s += *ptrs[i];
  return s;
}

/* Pointer to a VLA, 2-D VLAs, VLA parameters.  */
double
vla_matrix (int r, int c, double m[r][c])
{
  double (*row)[c] = m;
  double t = 0;
  for (int i = 0; i < r; i++, row++)
    for (int j = 0; j < c; j++)
      t += (*row)[j];
  return t;
}

double
vla_matrix_caller (int n)
{
  double m[n][n + 1];
  memset (m, 0, sizeof m);
  double (*p)[n][n + 1] = &m;
  (*p)[0][0] = 1.0;
  return vla_matrix (n, n + 1, m);
}

/* A VLA in a loop body: a new one every iteration; its address escapes
   on some iterations.  */
void
vla_in_loop (int n)
{
  for (int i = 1; i <= n; i++)
    {
      char buf[i];
      memset (buf, 'a', i);
      buf[i - 1] = 0;
      if (i == 3)
        global_ptr = buf;	/* dangling after the iteration */
      sink (buf);
    }
}

/* A VLA typedef; sizeof evaluates the size expression.  */
size_t
vla_typedef (int n)
{
  typedef int row_t[n * 2];
  row_t r;
  row_t *pr = &r;
  (*pr)[0] = 1;
  sink (pr);
  return sizeof (row_t) + sizeof r;
}

/* Jumping out of the scope of a VLA; a loop made of goto.  */
int
vla_goto (int n)
{
  int count = 0;
again:
  {
    int v[n + count + 1];
    v[0] = count;
    if (count++ < 3)
      goto again;
    sink (v);
  }
  return count;
}

/* A VLA of structs holding pointers.  */
struct pair { int *a, *b; };

int
vla_structs (int n, int *p)
{
  struct pair ps[n];
  int local = 7;
  for (int i = 0; i < n; i++)
    ps[i] = (struct pair) { p, &local };
  return *ps[n - 1].a + *ps[n - 1].b;
}

/* Returning a pointer into a VLA (a warning; still must not crash).  */
int *
vla_return (int n)
{
  int v[n];
  v[0] = 0;
  return &v[0];
}

/* A VLA inside a statement expression, and a VLA sized by a call.  */
extern int get_size (void);

int
vla_stmt_expr (void)
{
  int r = ({ int t[get_size ()]; t[0] = 4; sink (t); t[0]; });
  int u[get_size () + r];
  u[0] = r;
  return u[0];
}

/* Zero or negative-looking sizes are the caller's problem; the plugin
   only sees the types.  VLA of VLA pointers.  */
int
vla_of_vla_pointers (int n, int m)
{
  int data[m];
  int (*rows[n])[m];
  for (int i = 0; i < n; i++)
    rows[i] = &data;
  data[0] = n;
  return (*rows[0])[0];
}
