/* A negative max-stack is one clear error naming the argument.  */
/* { dg-options "-fplugin-arg-escape-max-stack=-1" } */
/* { dg-error "^'escape' plugin: invalid value '-1' for argument 'max-stack' \\(expected a number of bytes\\)$" "" { target *-*-* } 0 } */
int x;
