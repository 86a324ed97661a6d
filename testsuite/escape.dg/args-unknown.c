/* An unknown argument is one clear error naming it.  */
/* { dg-options "-fplugin-arg-escape-frobnicate=3" } */
/* { dg-error "unknown argument 'frobnicate'" "" { target *-*-* } 0 } */
int x;
