/* files= restricts the report to files matching a pattern.  */
/* { dg-options "-O0 -fplugin-arg-escape-m -fplugin-arg-escape-files=*no-such-dir*" } */
int *g;
void f(void)
{
  int a = 0;			/* { dg-bogus "moved to heap" } */
  g = &a;			/* { dg-bogus "escapes" } */
}
