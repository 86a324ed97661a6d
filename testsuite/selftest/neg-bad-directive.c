/* A misspelt directive is an ERROR; the file is not compiled.  */
/* EXPECT: ERROR: escape.dg/neg-bad-directive.c: unknown dg option: dg-warnin */
int *
f (void)
{
  int i = 0;
  return &i; /* { dg-warnin "returns address" } */
}
