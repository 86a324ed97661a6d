/* Port of Go's test/escape_struct_param1.go (all of it):
   pointer receivers are a first parameter of
   type struct U *.  All callers ported.  */
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

string *U_SP(struct U *u)	/* { dg-message "leaking param: u to result ~r0 level=1$" "" } */
{
  return u->_sp;
}

string **U_SPP(struct U *u)	/* { dg-message "leaking param: u to result ~r0 level=1$" "" } */
{
  return u->_spp;
}

string *U_SPPi(struct U *u)	/* { dg-message "leaking param: u to result ~r0 level=2$" "" } */
{
  return *u->_spp;
}

void tSPPi(void)
{
  string s = "cat";	/* { dg-message "moved to heap: s$" "" } */
  string *ps = &s;	/* { dg-message "moved to heap: ps$" "c-differs: C fills the malloc'ed U by a store through its pointer, which sends ps and pps to the heap (Go's rule too); Go's &U{...} literal is not a store through a pointer" } */
  string **pps = &ps;
  struct U *pu = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *pu = (struct U) { ps, pps };
  Ssink = U_SPPi(pu);
  free(pu);
}

void tiSPP(void)
{
  string s = "cat";	/* { dg-message "moved to heap: s$" "" } */
  string *ps = &s;	/* { dg-message "moved to heap: ps$" "c-differs: C fills the malloc'ed U by a store through its pointer, which sends ps and pps to the heap (Go's rule too); Go's &U{...} literal is not a store through a pointer" } */
  string **pps = &ps;
  struct U *pu = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *pu = (struct U) { ps, pps };
  Ssink = *U_SPP(pu);
  free(pu);
}

void tSP(void)
{
  string s = "cat";	/* { dg-message "moved to heap: s$" "" } */
  string *ps = &s;	/* { dg-message "moved to heap: ps$" "" } */
  string **pps = &ps;
  struct U *pu = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) does not escape: stack promotion candidate \\(freed on every path\\)$" "" } */
  *pu = (struct U) { ps, pps };
  Ssink = U_SP(pu);
  free(pu);
}

struct U V_u(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1$" "" } */
{
  return v->_u;
}

struct U *V_UP(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1$" "" } */
{
  return v->_up;
}

struct U **V_UPP(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1$" "" } */
{
  return v->_upp;
}

struct U *V_UPPia(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return *v->_upp;
}

struct U *V_UPPib(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return *V_UPP(v);
}

string *V_USPa(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1$" "" } */
{
  return v->_u._sp;
}

string *V_USPb(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=1$" "" } */
{
  return V_u(v)._sp;
}

string *V_USPPia(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return *v->_u._spp;
}

string *V_USPPib(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return U_SPPi(&v->_u);
}

string *V_UPiSPa(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return v->_up->_sp;
}

string *V_UPiSPb(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return U_SP(v->_up);
}

string *V_UPiSPc(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return V_UP(v)->_sp;
}

string *V_UPiSPd(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return U_SP(V_UP(v));
}

/* BAD (Go): field-insensitive: all but &s3 escape spuriously */
void tUPiSPa(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  /* { dg-message "moved to heap: u3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" { target *-*-* } .-1 } */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPa(v);
}

/* BAD (Go): field-insensitive: all but &s3 escape spuriously */
void tUPiSPb(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  /* { dg-message "moved to heap: u3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" { target *-*-* } .-1 } */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPb(v);
}

/* BAD (Go): field-insensitive: all but &s3 escape spuriously */
void tUPiSPc(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  /* { dg-message "moved to heap: u3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" { target *-*-* } .-1 } */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPc(v);
}

/* BAD (Go): field-insensitive: all but &s3 escape spuriously */
void tUPiSPd(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "" } */
  /* { dg-message "moved to heap: u3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" { target *-*-* } .-1 } */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPd(v);
}

string *V_UPiSPPia(struct V v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return *v._up->_spp;
}

string *V_UPiSPPib(struct V v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return U_SPPi(v._up);
}

string *V_UPiSPPic(struct V v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return *V_UP(&v)->_spp;
}

string *V_UPiSPPid(struct V v)	/* { dg-message "leaking param: v to result ~r0 level=2$" "" } */
{
  return U_SPPi(V_UP(&v));
}

/* BAD (Go): field-insensitive: all but &s4 escape spuriously */
void tUPiSPPia(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-messages { "malloc\\(16\\) escapes to heap$" "moved to heap: u3$" } "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPPia(*v);
}

/* BAD (Go): field-insensitive: all but &s4 escape spuriously */
void tUPiSPPib(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-messages { "malloc\\(16\\) escapes to heap$" "moved to heap: u3$" } "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPPib(*v);
}

/* BAD (Go): field-insensitive: all but &s4 escape spuriously */
void tUPiSPPic(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-messages { "malloc\\(16\\) escapes to heap$" "moved to heap: u3$" } "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPPic(*v);
}

/* BAD (Go): field-insensitive: all but &s4 escape spuriously */
void tUPiSPPid(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-messages { "malloc\\(16\\) escapes to heap$" "moved to heap: u3$" } "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPiSPPid(*v);
}

string *V_UPPiSPPia(struct V *v)	/* { dg-message "leaking param: v to result ~r0 level=4$" "" } */
{
  return *(*v->_upp)->_spp;
}

/* Only &s6 is reachable by two indirections from v (level cap).  */
/* BAD (Go): none: only s6 escapes */
void tUPPiSPPia(void)
{
  string s1 = "ant";	/* { dg-message "moved to heap: s1$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s2 = "bat";	/* { dg-message "moved to heap: s2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s3 = "cat";	/* { dg-message "moved to heap: s3$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s4 = "dog";	/* { dg-message "moved to heap: s4$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s5 = "emu";	/* { dg-message "moved to heap: s5$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string s6 = "fox";	/* { dg-message "moved to heap: s6$" "" } */
  string *ps2 = &s2;	/* { dg-message "moved to heap: ps2$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps4 = &s4;	/* { dg-message "moved to heap: ps4$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  string *ps6 = &s6;	/* { dg-message "moved to heap: ps6$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  struct U u1 = { &s1, &ps2 };
  struct U *u2 = malloc(sizeof(struct U));	/* { dg-message "malloc\\(16\\) escapes to heap$" "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u2 = (struct U) { &s3, &ps4 };
  struct U *u3 = malloc(sizeof(struct U));	/* { dg-messages { "malloc\\(16\\) escapes to heap$" "moved to heap: u3$" } "c-differs: U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)" } */
  /* dropped-c-differs: "&U{...} does not escape" (U and V filled by stores through their malloc'ed pointers: all stored goes to the heap (Go's rule too; Go's &T{...} literal is no such store)) */
  *u3 = (struct U) { &s5, &ps6 };
  struct V *v = malloc(sizeof(struct V));	/* { dg-message "malloc\\(32\\) does not escape: stack promotion candidate \\(not freed in this function\\)$" "" } */
  *v = (struct V) { u1, u2, &u3 };
  Ssink = V_UPPiSPPia(v);
}

