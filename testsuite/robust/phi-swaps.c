/* Robustness: allocations whose pointers are swapped along many branches
 * of a loop make cycles of phis over each other.  Walking them without
 * remembering what was seen is exponential; the plugin must finish at
 * once.  (phi-web.c is the reduced hang from sqlite's shell.c.)  */
#include <stdlib.h>

int swaps(const int *c, int n)
{
  char *p = malloc(16), *q = malloc(16), *t;
  int r = 0;
  if (!p || !q)
    return 0;
  for (int k = 0; k < n; k++) {
    if (c[0] == k) { t = p; p = q; q = t; }
    if (c[1] == k) { t = p; p = q; q = t; }
    if (c[2] == k) { t = p; p = q; q = t; }
    if (c[3] == k) { t = p; p = q; q = t; }
    if (p == 0) break;
    if (c[4] == k) { t = p; p = q; q = t; }
    if (c[5] == k) { t = p; p = q; q = t; }
    if (c[6] == k) { t = p; p = q; q = t; }
    if (c[7] == k) { t = p; p = q; q = t; }
    if (p == 0) break;
    if (c[8] == k) { t = p; p = q; q = t; }
    if (c[9] == k) { t = p; p = q; q = t; }
    if (c[10] == k) { t = p; p = q; q = t; }
    if (c[11] == k) { t = p; p = q; q = t; }
    if (p == 0) break;
    if (c[12] == k) { t = p; p = q; q = t; }
    if (c[13] == k) { t = p; p = q; q = t; }
    if (c[14] == k) { t = p; p = q; q = t; }
    if (c[15] == k) { t = p; p = q; q = t; }
    if (p == 0) break;
    if (c[16] == k) { t = p; p = q; q = t; }
    if (c[17] == k) { t = p; p = q; q = t; }
    if (c[18] == k) { t = p; p = q; q = t; }
    if (c[19] == k) { t = p; p = q; q = t; }
    if (p == 0) break;
    if (c[20] == k) { t = p; p = q; q = t; }
    if (c[21] == k) { t = p; p = q; q = t; }
    if (c[22] == k) { t = p; p = q; q = t; }
    if (c[23] == k) { t = p; p = q; q = t; }
    if (p == 0) break;
    r += p[0] + q[0];
  }
  free(p);
  free(q);
  return r;
}
