/* Port of Go's test/escape_selfassign.go: a struct pointing into itself.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */

struct S
{
  int i;
  int *pi;
};

struct S sink;

void f(struct S *p)	/* { dg-message "leaking param: p$" "" } */
{
  p->pi = &p->i;
  sink = *p;
}

/* Go marks "leaking param: p" here as too conservative; it is its verdict.  */
void g(struct S *p)	/* { dg-message "leaking param: p$" "" } */
{
  p->pi = &p->i;
}

void h(void)
{
  struct S s;	/* { dg-message "moved to heap: s$" "" } */
  g(&s);
  sink = s;
}
