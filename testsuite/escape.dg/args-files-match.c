/* files= with a matching pattern reports as usual.  */
/* { dg-options "-O0 -fplugin-arg-escape-files=*args-files-match.c" } */
int *g;
void f(void)
{
  int a = 0;			/* { dg-message "'a' declared here$" } */
  g = &a;			/* { dg-warning "address of local variable 'a' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
}
