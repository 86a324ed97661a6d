/* functions= restricts the report to some functions.  */
/* { dg-options "-O0 -fplugin-arg-escape-m -fplugin-arg-escape-functions=kept,other" } */
int *g;
void kept(void)
{
  int a = 0;			/* { dg-messages { "moved to heap: a$" "'a' declared here$" } } */
  g = &a;			/* { dg-warning "address of local variable 'a' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
}
void dropped(void)
{
  int b = 0;			/* { dg-bogus "moved to heap" } */
  g = &b;			/* { dg-bogus "escapes" } */
}
