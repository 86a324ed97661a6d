/* A bad value for m is one clear error naming the argument.  */
/* { dg-options "-fplugin-arg-escape-m=x" } */
/* { dg-error "invalid value 'x' for argument 'm'" "" { target *-*-* } 0 } */
int x;
