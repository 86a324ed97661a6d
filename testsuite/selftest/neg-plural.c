/* A plural directive is its REs one by one: the RE that matches passes,
   the one that does not fails on its own, and the diagnostic no RE took
   is an excess error.  */
/* { dg-options "-Wunused-variable" } */
/* EXPECT: FAIL: escape.dg/neg-plural.c two (test for warnings, line 10) */
/* EXPECT: FAIL: escape.dg/neg-plural.c (test for excess errors) */
int
f (void)
{
  int a, b;	/* { dg-warnings { "unused variable 'a'" "unused variable 'c'" } "two" } */
  return 0;
}
