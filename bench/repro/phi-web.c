/* Reproducer found by make corpus (sqlite shell.c, process_input): the
   plugin (c1b3a0a) takes > 60 s here (K=4 variant: 5 s) and > 10 min on
   shell.c, without the plugin 0.05 s.  derives_from() in
   plugin/gimple-reader.cc explores every path through the phi web (depth
   16, no visited set), from note_frees()/null_edge() for each free and
   each edge.  gcc -O0 -fplugin=plugin/escape.so -c bench/repro/phi-web.c */
#include <stdlib.h>
void g(char *);
void f(int n, const char *s)
{
  char *p0 = 0; char *p1 = 0; char *p2 = 0; char *p3 = 0; char *p4 = 0;
  char *a = malloc(16);
  for (int i = 0; i < n; i++) {
    if (p0 == 0) g(p1);
    if (p1 == 0) g(p2);
    if (p2 == 0) g(p3);
    if (p3 == 0) g(p4);
    if (p4 == 0) g(p0);
    switch (s[i]) {
    case 0: p0 = p1; break;
    case 1: p0 = p2; break;
    case 2: p0 = p3; break;
    case 3: p0 = p4; break;
    case 4: p1 = p0; break;
    case 5: p1 = p2; break;
    case 6: p1 = p3; break;
    case 7: p1 = p4; break;
    case 8: p2 = p0; break;
    case 9: p2 = p1; break;
    case 10: p2 = p3; break;
    case 11: p2 = p4; break;
    case 12: p3 = p0; break;
    case 13: p3 = p1; break;
    case 14: p3 = p2; break;
    case 15: p3 = p4; break;
    case 16: p4 = p0; break;
    case 17: p4 = p1; break;
    case 18: p4 = p2; break;
    case 19: p4 = p3; break;
    }
  }
  if (n) free(a);
  free(p0);
  free(p1);
  free(p2);
  free(p3);
  free(p4);
}
