/* A plural directive needs at least one RE: an ERROR, the file is not
   compiled.  */
/* EXPECT: ERROR: escape.dg/neg-plural-empty.c: warnings: a list of regular expressions is required */
int
f (void)
{
  int a;	/* { dg-warnings {} } */
  return 0;
}
