/* m=1 is m; m=0 is off.  */
/* { dg-options "-O0 -fplugin-arg-escape-m=1" } */
int *id(int *p) { return p; }	/* { dg-message "leaking param: p to result ~r0 level=0$" } */
