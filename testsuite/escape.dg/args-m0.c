/* m=0: only warnings and candidates.  */
/* { dg-options "-O0 -fplugin-arg-escape-m=0" } */
int *id(int *p) { return p; }	/* { dg-bogus "leaking" } */
