/* -m=2: each escape verdict is followed by its flow, one note per step:
   "flow: DST = SRC: from EXPR (KIND) at FILE:LINE:COL".  */
/* { dg-options "-O0 -fplugin-arg-escape-m=2" } */

int *g;

void store(void)
{
  int i = 0;	/* { dg-message "moved to heap: i$" } */
  /* { dg-message "flow: g = &i: from &i \\(stored to global\\) at \[^ \]*m2-flow.c:12:5$" "" { target *-*-* } .-1 } */
  /* { dg-message "'i' declared here$" "" { target *-*-* } .-2 } */
  g = &i;	/* { dg-warning "address of local variable 'i' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" } */
}

int *ret(int *p)	/* { dg-message "leaking param: p to result ~r0 level=0$" } */
/* { dg-message "flow: ~r0 = p: from p \\(return\\) at \[^ \]*m2-flow.c:19:10$" "" { target *-*-* } .-1 } */
/* no {temp}: the copy into a temporary is not a step of the source */
{
  return p;
}

void opaque(void *);
void iface(void)
{
  int j = 0;	/* { dg-message "moved to heap: j$" } */
  /* { dg-message "flow: \{heap\} = &j: from &j \\(converted to opaque interface of 'opaque'\\) at \[^ \]*m2-flow\\.c:28:3$" "" { target *-*-* } .-1 } */
  /* the call step names its callee */
  opaque(&j);
}
