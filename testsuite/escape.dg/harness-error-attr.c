/* Harness self-test: an error from the middle end (attribute error on a
   called function), after the rest of the file compiled cleanly.  */

extern void forbidden (void) __attribute__ ((error ("do not call forbidden")));

void
caller (void)
{
  forbidden ();		/* { dg-error "call to 'forbidden' declared with attribute error: do not call forbidden" } */
}
