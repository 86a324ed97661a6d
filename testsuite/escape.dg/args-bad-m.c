/* A bad value for m is one clear error naming the argument.  */
/* { dg-options "-fplugin-arg-escape-m=x" } */
/* { dg-error "^'escape' plugin: invalid value 'x' for argument 'm' \\(expected 0, 1 or 2\\)$" "" { target *-*-* } 0 } */
int x;
