/* Harness self-test: located errors make compilation fail; dg-error takes
   them and their notes are matched by dg-message.  */

int g (int);		/* { dg-message "previous declaration of 'g'" } */
long g (int);		/* { dg-error "conflicting types for 'g'" } */
