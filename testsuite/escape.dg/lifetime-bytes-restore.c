/* A callee keeps its argument in a global; the caller overwrites the
   global's bytes before it returns, with a copy of an integer type
   through a pointer into the global (memcpy folded into an unsigned
   long store): C's bytes carry pointers, so the store may restore it and
   nothing is warned (fuzzer seed 27187: GCC folds the memcpy into an
   alias-everything store).  Without the overwrite, the
   address is still there at the return: warned.  */
/* { dg-do compile } */
/* { dg-options "-O0" } */
typedef __SIZE_TYPE__ size_t;
void *memcpy(void *, const void *, size_t);
char gbuf[32];

void *
keep(void *p)
{
  memcpy(gbuf + 16, &p, sizeof p);
  return 0;
}

void
overwritten(void)
{
  char a[16] = {0};
  void *r = keep(a + 8);
  memcpy(gbuf + 16, &r, sizeof r);
}

void
kept(void)
{
  char b[16] = {0};	/* { dg-message "'b' declared here$" } */
  keep(b + 8);		/* { dg-warning "address of local variable 'b' escapes: stored in global 'gbuf' by 'keep' \\\[escape/dangling-address\\\]$" } */
}

/* An int stored through the kept pointer cannot change the global
   pointer (an int lvalue does not access an object of pointer type):
   still warned.  */
int *gp;

void
keep_int(int *p)
{
  gp = p;
}

void
int_store(void)
{
  int i = 0;	/* { dg-message "'i' declared here$" } */
  keep_int(&i);	/* { dg-warning "address of local variable 'i' escapes: stored in global 'gp' by 'keep_int' \\\[escape/dangling-address\\\]$" } */
  gp[0] = 1;
}
