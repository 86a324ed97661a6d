/* Rule 2, too large or of non-constant size: such a malloc can never be
   turned into stack memory, whatever the pointer does.  */
#include <stdlib.h>
#include <string.h>

int small_scratch(const int *in, int n)
{
  int *tmp = malloc(16 * sizeof *tmp);    /* small, stays here: candidate */
  int s = 0;
  if (!tmp)
    return 0;
  memcpy(tmp, in, (n < 16 ? n : 16) * sizeof *tmp);
  for (int i = 0; i < n && i < 16; i++)
    s += tmp[i];
  free(tmp);
  return s;
}

long big_table(void)
{
  long *t = calloc(100000, sizeof *t);    /* 800000 bytes: too large */
  long s = 0;
  if (!t)
    return 0;
  for (int i = 0; i < 100000; i++)
    s += t[i];
  free(t);
  return s;
}

int sized(size_t n)
{
  char *buf = malloc(n);                  /* non-constant size */
  if (!buf)
    return -1;
  buf[0] = 0;
  free(buf);
  return 0;
}
