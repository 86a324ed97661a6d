/* Rule 4, captured by a closure: a GNU C nested function whose address
   escapes takes every variable it captures with it.  */
static int (*saved)(void);

int counter(int start)
{
  int count = start;
  int next(void) { return ++count; }      /* captures count */
  saved = next;                           /* the closure escapes */
  return count;
}

int twice(int x)
{
  int base = x;
  int add(int y) { return base + y; }     /* only called directly */
  return add(1) + add(2);
}
