/* Harness self-test: dg-warning and dg-bogus, checked against GCC's own
   -Wreturn-local-addr (the plugin plays no part).  */
/* { dg-do compile } */

int *
ret_local (void)
{
  int i = 0;
  return &i; /* { dg-warning "function returns address of local variable" } */
}

/* Braces keep Tcl from reading [...] as a command; the option name
   GCC appends to the message is part of the text that is matched.  */
int *
ret_local_option (void)
{
  int j = 0;
  return &j; /* { dg-warning {returns address of local variable \[-Wreturn-local-addr\]} } */
}

/* One directive takes every matching warning of its line.  */
int *r1 (void) { int a = 0; return &a; } int *r2 (void) { int b = 0; return &b; } /* { dg-warning "returns address of local" } */

int
load (int *p)
{
  return *p; /* { dg-bogus "." "no diagnostic on a plain load" } */
}

/* A warning is not a note, nor an error.  */
int *
kinds (void)
{
  int k = 0;
  return &k; /* { dg-warning "local variable" } */
  /* { dg-bogus "local variable" "a note would be wrong" { target *-*-* } .-1 } */
}
