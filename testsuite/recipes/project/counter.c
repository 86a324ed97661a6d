/* A tiny library with one bug the escape plugin finds: the address of a
   local kept in a global outlives its frame.  -DFIXED fixes it; -DNEW_BUG
   adds another one (the CI recipe's "new warning"). */
#include <stdlib.h>
#include "counter.h"

static int *last;

int count_up(int n)
{
#ifdef FIXED
  static int total;
#else
  int total;
#endif
  total = 0;
  for (int i = 0; i < n; i++)
    total += i;
  last = &total;              /* dangling once count_up returns */
  return *last;
}

static void remember(int *p)
{
  last = p;
}

void reset(void)
{
#ifdef NEW_BUG
  int zero = 0;
  remember(&zero);            /* dangling once reset returns */
#else
  remember(NULL);
#endif
}

int sum_squares(int n)
{
  int *sq = malloc(16 * sizeof *sq);   /* a stack promotion candidate */
  int s = 0;
  if (!sq)
    return -1;
  for (int i = 0; i < 16; i++)
    sq[i] = i * i;
  for (int i = 0; i < n && i < 16; i++)
    s += sq[i];
  free(sq);
  return s;
}
