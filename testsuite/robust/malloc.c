/* malloc, calloc, realloc, free, aligned allocation, strdup; heap
   objects holding pointers to the stack and to other heap objects.  */
#include <stdlib.h>
#include <string.h>

extern void sink (void *);

struct list { struct list *next; void *data; };

struct list *
ma_push (struct list *head, void *data)
{
  struct list *n = malloc (sizeof *n);
  if (!n)
    return head;
  n->next = head;
  n->data = data;
  return n;
}

void
ma_free_all (struct list *l)
{
  while (l)
    {
      struct list *next = l->next;
      free (l);
      l = next;
    }
}

/* A local's address stored in a heap node that is returned.  */
struct list *
ma_stack_in_heap (void)
{
  int local = 1;
  return ma_push (0, &local);
}

/* realloc in a loop; the old pointer is consumed.  */
int *
ma_grow (int n)
{
  int *v = 0;
  int cap = 0;
  for (int i = 0; i < n; i++)
    {
      if (i == cap)
        {
          cap = cap ? cap * 2 : 4;
          int *nv = realloc (v, cap * sizeof *v);
          if (!nv)
            {
              free (v);
              return 0;
            }
          v = nv;
        }
      v[i] = i;
    }
  return v;
}

/* calloc, aligned_alloc, posix_memalign (takes void **).  */
void *
ma_aligned (size_t n)
{
  void *a = calloc (n, 8);
  void *b = aligned_alloc (64, 64 * ((n + 63) / 64));
  void *c = 0;
  if (posix_memalign (&c, 32, n) != 0)
    c = 0;
  free (a);
  free (b);
  return c;
}

/* strdup, free (NULL), realloc to zero, malloc that does not escape.  */
size_t
ma_strings (const char *s)
{
  char *d = strdup (s);
  char *e = strndup (s, 3);
  free (0);
  size_t r = d ? strlen (d) : 0;
  free (d);
  free (e);
  int *tmp = malloc (4 * sizeof (int));	/* local use only */
  if (tmp)
    {
      tmp[0] = (int) r;
      r += tmp[0];
      free (tmp);
    }
  return r;
}

/* A heap array of pointers to heap arrays; freed through a callback.  */
typedef void (*freer) (void *);

void
ma_matrix (int n, freer f)
{
  double **rows = malloc (n * sizeof *rows);
  if (!rows)
    return;
  for (int i = 0; i < n; i++)
    rows[i] = calloc (n, sizeof **rows);
  sink (rows);
  for (int i = 0; i < n; i++)
    f (rows[i]);
  f (rows);
}

/* Use after free and double free are the program's bugs, not the
   compiler's: the plugin must still cope.  */
int
ma_use_after_free (void)
{
  int *p = malloc (sizeof *p);
  if (!p)
    return 0;
  *p = 3;
  free (p);
  return p != 0;
}

/* Allocation size computed from pointer differences.  */
char *
ma_slice (const char *b, const char *e)
{
  char *r = malloc (e - b + 1);
  if (r)
    {
      memcpy (r, b, e - b);
      r[e - b] = 0;
    }
  return r;
}
