/* Port of Go's test/escape_struct_return.go: structs returned by value.
   Go's string is a C "const char *".  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <stdio.h>

typedef const char *string;
string *Ssink;

typedef struct
{
  string *_sp;
  string **_spp;
} U;

U A(string *sp, string **spp)	/* { dg-messages { "leaking param: sp to result ~r0 level=0$" "leaking param: spp to result ~r0 level=0$" } "" } */
{
  return (U) { sp, spp };
}

U B(string **spp)	/* { dg-message "leaking param: spp to result ~r0 level=0$" "" } */
{
  return (U) { *spp, spp };
}

void tA1(void)
{
  string s = "cat";
  string *sp = &s;
  string **spp = &sp;
  U u = A(sp, spp);
  (void) u;
  puts(s);
}

void tA2(void)
{
  string s = "cat";
  string *sp = &s;
  string **spp = &sp;
  U u = A(sp, spp);
  puts(*u._sp);
}

void tA3(void)
{
  string s = "cat";
  string *sp = &s;
  string **spp = &sp;
  U u = A(sp, spp);
  puts(**u._spp);
}

void tB1(void)
{
  string s = "cat";
  string *sp = &s;
  string **spp = &sp;
  U u = B(spp);
  (void) u;
  puts(s);
}

void tB2(void)
{
  string s = "cat";
  string *sp = &s;
  string **spp = &sp;
  U u = B(spp);
  puts(*u._sp);
}

void tB3(void)
{
  string s = "cat";
  string *sp = &s;
  string **spp = &sp;
  U u = B(spp);
  puts(**u._spp);
}
