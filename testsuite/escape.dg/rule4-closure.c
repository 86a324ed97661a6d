/* Rule 4: a nested function whose address escapes takes the variables it
   captures with it.  Called only directly, nothing escapes.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */

static int (*saved)(void);
void call_later(int (*fn)(int));

int escapes_to_global(int start)
{
  int count = start;		/* { dg-messages { "moved to heap: count$" "'count' declared here$" } } */
  int next(void) { return ++count; }	/* { dg-message "nested function 'next' escapes to heap$" } */
  saved = next;			/* { dg-warning "address of local variable 'count' escapes: captured by escaping nested function 'next' \\\[escape/dangling-address\\\]$" } */
  return count;
}

int escapes_to_unknown(int x)
{
  int base = x;			/* { dg-message "moved to heap: base$" } */
  int add(int y) { return base + y; }	/* { dg-message "nested function 'add' escapes to heap$" } */
  call_later(add);		/* not certain: no warning */
  return 0;
}

int called_directly(int x)
{
  int base = x;
  int add(int y) { return base + y; }
  return add(1) + add(2);
}

int apply(int (*fn)(int), int v)	/* { dg-message "fn does not escape$" } */
{
  return fn(v);
}

int passed_to_known(int x)
{
  int base = x;
  int add(int y) { return base + y; }	/* { dg-message "nested function 'add' does not escape$" } */
  return apply(add, 1);
}
