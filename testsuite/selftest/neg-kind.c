/* A warning is matched neither by dg-message nor by dg-error.  */
/* EXPECT: FAIL: escape.dg/neg-kind.c  (test for notes, line 8) */
/* EXPECT: FAIL: escape.dg/neg-kind.c  (test for errors, line 8) */
/* EXPECT: FAIL: escape.dg/neg-kind.c (test for excess errors) */
int *
f (void)
{
  int i = 0; return &i; /* { dg-message "returns address of local" } */
  /* { dg-error "returns address of local" "" { target *-*-* } .-1 } */
}
