/* -m=2 in source terms: one function per kind of flow step.  Steps name
   user variables (temporaries collapsed: no {temp}), the callee of a call
   step, the variable captured by a nested function (not FRAME.N), and a
   warning through a callee names the global it is stored in.  */
/* { dg-options "-O0 -fplugin-arg-escape-m=2" } */
#include <stdint.h>
#include <stdlib.h>
struct box { int *p; };
int *g;
struct box gb;
struct box *gbp;
void opaque(void *);
int *ident(int *p) { return p; }
void keep(int *p) { g = p; }
void (*fp)(int *);

void s_assign(void) { int a = 0; int *p = &a; int *q = p; g = q; }
void s_deref(int **pp) { int *p = *pp; g = p; }
void s_store(struct box *b) { int c = 0; b->p = &c; gbp = b; }
void s_global_mem(void) { int d = 0; gb.p = &d; }
int *s_return(void) { int e = 0; int *p = &e; return p; }
void s_call_result(void) { int f = 0; int *p = ident(&f); g = p; }
void s_leak(void) { int h = 0; keep(&h); }
void s_unknown(void) { int i = 0; opaque(&i); }
void s_indirect(void) { int j = 0; fp(&j); }
void s_integer(void) { int k = 0; uintptr_t u = (uintptr_t)&k; opaque((void *)u); }
void s_closure(void) { int l = 0; void in(void) { l++; } opaque(in); }
void *s_alloc(void) { char *m = malloc(8); return m; }
/* { dg-message "leaking param: p to result ~r0 level=0$" "" { target *-*-* } 13 } */
/* { dg-message "flow: ~r0 = p: from p \\(return\\) at \[^ \]*m2-steps\\.c:13:29$" "" { target *-*-* } 13 } */
/* { dg-message "leaking param: p$" "" { target *-*-* } 14 } */
/* { dg-message "flow: g = p: from p \\(stored to global\\) at \[^ \]*m2-steps\\.c:14:23$" "" { target *-*-* } 14 } */
/* { dg-message "moved to heap: a$" "" { target *-*-* } 17 } */
/* { dg-message "flow: p = &a: from &a \\(address-of\\) at \[^ \]*m2-steps\\.c:17:39$" "" { target *-*-* } 17 } */
/* { dg-message "flow: q = p: from p \\(assign\\) at \[^ \]*m2-steps\\.c:17:52$" "" { target *-*-* } 17 } */
/* { dg-message "flow: g = q: from q \\(stored to global\\) at \[^ \]*m2-steps\\.c:17:61$" "" { target *-*-* } 17 } */
/* { dg-warning "address of local variable 'a' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" "" { target *-*-* } 17 } */
/* { dg-message "'a' declared here$" "" { target *-*-* } 17 } */
/* { dg-message "leaking param content: pp$" "" { target *-*-* } 18 } */
/* { dg-message "flow: p = \\*pp: from \\*pp \\(dereference\\) at \[^ \]*m2-steps\\.c:18:31$" "" { target *-*-* } 18 } */
/* { dg-message "flow: g = p: from p \\(stored to global\\) at \[^ \]*m2-steps\\.c:18:42$" "" { target *-*-* } 18 } */
/* { dg-message "leaking param: b$" "" { target *-*-* } 19 } */
/* { dg-message "flow: gbp = b: from b \\(stored to global\\) at \[^ \]*m2-steps\\.c:19:57$" "" { target *-*-* } 19 } */
/* { dg-message "moved to heap: c$" "" { target *-*-* } 19 } */
/* { dg-warning "address of local variable 'c' escapes: stored through parameter 'b' \\\[escape/dangling-address\\\]$" "" { target *-*-* } 19 } */
/* { dg-message "'c' declared here$" "" { target *-*-* } 19 } */
/* { dg-message "flow: \{heap\} = &c: from &c \\(store through pointer\\) at \[^ \]*m2-steps\\.c:19:47$" "" { target *-*-* } 19 } */
/* { dg-message "moved to heap: d$" "" { target *-*-* } 20 } */
/* { dg-message "flow: gb = &d: from &d \\(stored to global\\) at \[^ \]*m2-steps\\.c:20:43$" "" { target *-*-* } 20 } */
/* { dg-warning "address of local variable 'd' escapes: stored in global 'gb' \\\[escape/dangling-address\\\]$" "" { target *-*-* } 20 } */
/* { dg-message "'d' declared here$" "" { target *-*-* } 20 } */
/* { dg-message "moved to heap: e$" "" { target *-*-* } 21 } */
/* { dg-message "flow: p = &e: from &e \\(address-of\\) at \[^ \]*m2-steps\\.c:21:39$" "" { target *-*-* } 21 } */
/* { dg-message "flow: ~r0 = p: from p \\(return\\) at \[^ \]*m2-steps\\.c:21:54$" "" { target *-*-* } 21 } */
/* { dg-warning "address of local variable 'e' escapes: returned from 's_return' \\\[escape/dangling-address\\\]$" "" { target *-*-* } 21 } */
/* { dg-message "'e' declared here$" "" { target *-*-* } 21 } */
/* { dg-message "moved to heap: f$" "" { target *-*-* } 22 } */
/* { dg-message "flow: p = &f: from &f \\(call result of 'ident'\\) at \[^ \]*m2-steps\\.c:22:48$" "" { target *-*-* } 22 } */
/* { dg-message "flow: g = p: from p \\(stored to global\\) at \[^ \]*m2-steps\\.c:22:61$" "" { target *-*-* } 22 } */
/* { dg-warning "address of local variable 'f' escapes: stored in global 'g' \\\[escape/dangling-address\\\]$" "" { target *-*-* } 22 } */
/* { dg-message "'f' declared here$" "" { target *-*-* } 22 } */
/* { dg-message "moved to heap: h$" "" { target *-*-* } 23 } */
/* { dg-message "flow: \{heap\} = &h: from &h \\(leaking call parameter of 'keep'\\) at \[^ \]*m2-steps\\.c:23:32$" "" { target *-*-* } 23 } */
/* { dg-warning "address of local variable 'h' escapes: stored in global 'g' by 'keep' \\\[escape/dangling-address\\\]$" "" { target *-*-* } 23 } */
/* { dg-message "'h' declared here$" "" { target *-*-* } 23 } */
/* { dg-message "moved to heap: i$" "" { target *-*-* } 24 } */
/* { dg-message "flow: \{heap\} = &i: from &i \\(converted to opaque interface of 'opaque'\\) at \[^ \]*m2-steps\\.c:24:35$" "" { target *-*-* } 24 } */
/* { dg-message "moved to heap: j$" "" { target *-*-* } 25 } */
/* { dg-message "flow: \{heap\} = &j: from &j \\(call through function pointer\\) at \[^ \]*m2-steps\\.c:25:36$" "" { target *-*-* } 25 } */
/* { dg-message "moved to heap: k$" "" { target *-*-* } 26 } */
/* { dg-message "flow: \{heap\} = &k: from &k \\(converted to integer\\) at \[^ \]*m2-steps\\.c:26:45$" "" { target *-*-* } 26 } */
/* { dg-message "moved to heap: l$" "" { target *-*-* } 27 } */
/* { dg-message "flow: in = &l: from &l \\(captured by closure\\) at \[^ \]*m2-steps\\.c:27:40$" "" { target *-*-* } 27 } */
/* { dg-message "flow: \{heap\} = in: from in \\(converted to opaque interface of 'opaque'\\) at \[^ \]*m2-steps\\.c:27:58$" "" { target *-*-* } 27 } */
/* { dg-message "nested function 'in' escapes to heap$" "" { target *-*-* } 27 } */
/* { dg-message "flow: in = &in: from &in \\(address-of\\) at \[^ \]*m2-steps\\.c:27:40$" "" { target *-*-* } 27 } */
/* { dg-message "malloc\\(8\\) escapes to heap$" "" { target *-*-* } 28 } */
/* { dg-message "flow: m = &\{storage for malloc\\(8\\)\}: from &\{storage for malloc\\(8\\)\} \\(allocation\\) at \[^ \]*m2-steps\\.c:28:33$" "" { target *-*-* } 28 } */
/* { dg-message "flow: ~r0 = m: from m \\(return\\) at \[^ \]*m2-steps\\.c:28:51$" "" { target *-*-* } 28 } */
