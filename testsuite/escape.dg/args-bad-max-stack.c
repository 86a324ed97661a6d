/* A negative max-stack is one clear error naming the argument.  */
/* { dg-options "-fplugin-arg-escape-max-stack=-1" } */
/* { dg-error "invalid value '-1' for argument 'max-stack'" "" { target *-*-* } 0 } */
int x;
