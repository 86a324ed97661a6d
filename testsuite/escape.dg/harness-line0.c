/* Harness self-test: line 0 matches diagnostics without a source location
   ("cc1: error: ..."), the form GCC uses for bad command-line options.
   The error makes the compiler exit with status 1, which is expected.  */
/* { dg-options "-Werror=no-such-warning-xyz" } */
/* { dg-error "'-Werror=no-such-warning-xyz': no option '-Wno-such-warning-xyz'" "bad option" { target *-*-* } 0 } */

int ok;
