/* An unknown argument is one clear error naming it.  */
/* { dg-options "-fplugin-arg-escape-frobnicate=3" } */
/* { dg-error "^'escape' plugin: unknown argument 'frobnicate' \\(see -fplugin-arg-escape-help\\)$" "" { target *-*-* } 0 } */
int x;
