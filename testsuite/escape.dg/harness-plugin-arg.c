/* Harness self-test: a compilation that must fail because of a bad
   -fplugin-arg-*; GCC reports it as "cc1: error: ..." (line 0).  */
/* { dg-options "-fplugin-arg-nosuchplugin-x=1" } */
/* { dg-error "plugin nosuchplugin should be specified before '-fplugin-arg-nosuchplugin-x=1'" "" { target *-*-* } 0 } */

int ok;
