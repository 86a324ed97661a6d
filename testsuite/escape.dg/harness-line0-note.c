/* Harness self-test: a warning and a note at line 0 ("cc1: warning:",
   "cc1: note:").  Line 0 matches only diagnostics without a source
   location: the located warning below is not taken by the dg-bogus.  */
/* { dg-options "-fno-rtti -Wno-nosuch-thing" } */
/* { dg-warning "command-line option '-fno-rtti' is valid for C\\+\\+" "" { target *-*-* } 0 } */
/* { dg-message "unrecognized command-line option '-Wno-nosuch-thing'" "" { target *-*-* } 0 } */
/* { dg-bogus "returns address" "line 0 is not any line" { target *-*-* } 0 } */

int *
f (void)
{
  int i = 0;
  return &i; /* { dg-warning "returns address of local variable" } */
}
