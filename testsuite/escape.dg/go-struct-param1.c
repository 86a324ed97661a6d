/* Port of Go's test/escape_struct_param1.go (the receiver summaries and
   their first callers): pointer receivers are a first parameter of
   type struct U *.  The tUPiSP* and tUPPi* callers are not ported yet.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdlib.h>

typedef const char *string;
string *Ssink;

struct U
{
  string *_sp;
  string **_spp;
};

struct V
{
  struct U _u;
  struct U *_up;
  struct U **_upp;
};

string *U_SP(struct U *u)	/* { dg-message "leaking param: u to result ~r0 level=1" "" } */
{
  return u->_sp;
}

string **U_SPP(struct U *u)	/* { dg-message "leaking param: u to result ~r0 level=1" "" } */
{
  return u->_spp;
}

string *U_SPPi(struct U *u)	/* { dg-message "leaking param: u to result ~r0 level=2" "" } */
{
  return *u->_spp;
}

void tSPPi(void)
{
  string s = "cat";	/* { dg-message "moved to heap: s" "" } */
  string *ps = &s;	/* { dg-message "moved to heap: ps" "c-differs: C fills the malloc'ed U by a store through its pointer, which sends ps and pps to the heap (Go's rule too); Go's &U{...} literal is not a store through a pointer" } */
  string **pps = &ps;
  struct U *pu = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) does not escape" "" } */
  *pu = (struct U) { ps, pps };
  Ssink = U_SPPi(pu);
  free(pu);
}

void tiSPP(void)
{
  string s = "cat";	/* { dg-message "moved to heap: s" "" } */
  string *ps = &s;	/* { dg-message "moved to heap: ps" "c-differs: C fills the malloc'ed U by a store through its pointer, which sends ps and pps to the heap (Go's rule too); Go's &U{...} literal is not a store through a pointer" } */
  string **pps = &ps;
  struct U *pu = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) does not escape" "" } */
  *pu = (struct U) { ps, pps };
  Ssink = *U_SPP(pu);
  free(pu);
}

void tSP(void)
{
  string s = "cat";	/* { dg-message "moved to heap: s" "" } */
  string *ps = &s;	/* { dg-message "moved to heap: ps" "" } */
  string **pps = &ps;
  struct U *pu = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) does not escape" "" } */
  *pu = (struct U) { ps, pps };
  Ssink = U_SP(pu);
  free(pu);
}

struct U V_u(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1" "" } */
{
  return v->_u;
}

struct U *V_UP(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1" "" } */
{
  return v->_up;
}

struct U **V_UPP(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1" "" } */
{
  return v->_upp;
}

struct U *V_UPPia(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return *v->_upp;
}

struct U *V_UPPib(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return *V_UPP(v);
}

string *V_USPa(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1" "" } */
{
  return v->_u._sp;
}

string *V_USPb(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1" "" } */
{
  return V_u(v)._sp;
}

string *V_USPPia(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return *v->_u._spp;
}

string *V_USPPib(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return U_SPPi(&v->_u);
}

string *V_UPiSPa(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return v->_up->_sp;
}

string *V_UPiSPb(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return U_SP(v->_up);
}

string *V_UPiSPc(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return V_UP(v)->_sp;
}

string *V_UPiSPd(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2" "" } */
{
  return U_SP(V_UP(v));
}
