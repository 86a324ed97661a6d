/* Issue 10: the C library keeps functions as well as data.  A nested
   function's trampoline lives in its parent's frame: given to a function
   that keeps it for later (atexit, on_exit, at_quick_exit, signal,
   sigaction, pthread_atfork, pthread_key_create, pthread_create) it
   escapes with everything it captures.  A callback called during the
   call only (qsort, bsearch) does not.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

void *g0;

void by_atexit(void)
{
  char *m = malloc(16);		/* { dg-messages { "malloc\\(16\\) escapes to heap$" "moved to heap: m$" "'m' declared here$" } } */
  void fin(void) { g0 = m; }	/* { dg-message "nested function 'fin' escapes to heap$" } */
  atexit(fin);			/* { dg-warning "address of local variable 'm' escapes: captured by escaping nested function 'fin' \\\[escape/dangling-address\\\]$" } */
}

void by_quick_exit(void)
{
  int n = 0;			/* { dg-messages { "moved to heap: n$" "'n' declared here$" } } */
  void fin(void) { n++; }	/* { dg-message "nested function 'fin' escapes to heap$" } */
  at_quick_exit(fin);		/* { dg-warning "address of local variable 'n' escapes: captured by escaping nested function 'fin' \\\[escape/dangling-address\\\]$" } */
}

void by_on_exit(void)
{
  int n = 0;			/* { dg-messages { "moved to heap: n$" "'n' declared here$" } } */
  void fin(int st, void *arg) { n += st; }	/* { dg-messages { "nested function 'fin' escapes to heap$" "arg does not escape$" } } */
  on_exit(fin, 0);		/* { dg-warning "address of local variable 'n' escapes: captured by escaping nested function 'fin' \\\[escape/dangling-address\\\]$" } */
}

void on_exit_arg(void)
{
  int n = 0;			/* { dg-messages { "moved to heap: n$" "'n' declared here$" } } */
  extern void done(int, void *);
  on_exit(done, &n);		/* { dg-warning "address of local variable 'n' escapes: captured by closure 'done', retained by 'on_exit' \\\[escape/dangling-address\\\]$" } */
}

void by_signal(void)
{
  int n = 0;			/* { dg-messages { "moved to heap: n$" "'n' declared here$" } } */
  void h(int sig) { n = sig; }	/* { dg-message "nested function 'h' escapes to heap$" } */
  signal(SIGUSR1, h);		/* { dg-warning "address of local variable 'n' escapes: captured by escaping nested function 'h' \\\[escape/dangling-address\\\]$" } */
}

void by_sigaction(void)
{
  int n = 0;			/* { dg-message "moved to heap: n$" } */
  void h(int sig) { n = sig; }	/* { dg-message "nested function 'h' escapes to heap$" } */
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = h;		/* the handler field is kept by sigaction */
  sigaction(SIGUSR1, &sa, 0);
}

void by_atfork(void)
{
  int n = 0;			/* { dg-messages { "moved to heap: n$" "'n' declared here$" } } */
  void child(void) { n = 1; }	/* { dg-message "nested function 'child' escapes to heap$" } */
  pthread_atfork(0, 0, child);	/* { dg-warning "address of local variable 'n' escapes: captured by escaping nested function 'child' \\\[escape/dangling-address\\\]$" } */
}

void by_key_destructor(void)
{
  int n = 0;			/* { dg-messages { "moved to heap: n$" "'n' declared here$" } } */
  void dtor(void *p) { n++; }	/* { dg-messages { "nested function 'dtor' escapes to heap$" "p does not escape$" } } */
  pthread_key_t key;
  pthread_key_create(&key, dtor);	/* { dg-warning "address of local variable 'n' escapes: captured by escaping nested function 'dtor' \\\[escape/dangling-address\\\]$" } */
}

/* A thread may outlive the frame unless joined, and the join is not
   tracked: its function and its argument escape, joined or not.  */
void by_thread(void)
{
  int n = 0;			/* { dg-message "moved to heap: n$" } */
  void *run(void *a) { n++; return a; }	/* { dg-messages { "nested function 'run' escapes to heap$" "leaking param: a to result ~r0 level=0$" } } */
  pthread_t t;
  pthread_create(&t, 0, run, 0);
  pthread_join(t, 0);
}

/* Called during the call only: nothing escapes.  (The comparators
   return what they read of *a and *b: bytes that may be a pointer's.)  */
int by_qsort(int *v)		/* { dg-message "v does not escape$" } */
{
  int calls = 0;
  int cmp(const void *a, const void *b) { calls++; return *(const int *)a - *(const int *)b; }	/* { dg-messages { "nested function 'cmp' does not escape$" "leaking param: a to result ~r0 level=1$" "leaking param: b to result ~r0 level=1$" } } */
  qsort(v, 4, sizeof *v, cmp);
  return calls;
}
int *by_bsearch(int *v, int key)	/* { dg-message "leaking param: v to result ~r0 level=0$" } */
{
  int calls = 0;
  int cmp(const void *a, const void *b) { calls++; return *(const int *)a - *(const int *)b; }	/* { dg-messages { "nested function 'cmp' does not escape$" "leaking param: a to result ~r0 level=1$" "leaking param: b to result ~r0 level=1$" } } */
  return bsearch(&key, v, 4, sizeof *v, cmp);
}
