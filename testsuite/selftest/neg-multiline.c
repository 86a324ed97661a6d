/* "." does not match across lines: this pattern cannot take the warning of
   line 10 together with its note of line 7.  */
/* EXPECT: FAIL: escape.dg/neg-multiline.c  (test for warnings, line 10) */
/* EXPECT: FAIL: escape.dg/neg-multiline.c (test for excess errors) */
/* { dg-options "-Wshadow" } */
int
f (int x)
{
  {
    int x = 2; /* { dg-warning "shadows.*declaration is here" } */
    return x;
  }
}
