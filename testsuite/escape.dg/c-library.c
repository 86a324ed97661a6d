/* Issue 4: the C library model, retention, opaque interfaces and the
   other ways C loses track of a pointer.  */
/* { dg-options "-O0 -fplugin-arg-escape-m" } */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* strcpy returns its destination and copies the bytes of its source
   into it (*dst = *src): they may be a pointer's, and *dst is memory we
   do not know (issue 10: "src does not escape" was unsound).  */
char *copy_into(char *dst, const char *src)	/* { dg-messages { "leaking param: dst to result ~r0 level=0$" "leaking param content: src$" } } */
{
  return strcpy(dst, src);
}

char *find(char *s)		/* { dg-message "leaking param: s to result ~r0 level=0$" } */
{
  return strchr(s, ':');
}

void **copy_pointers(void **dst, void **src, size_t n)	/* { dg-messages { "leaking param: dst to result ~r0 level=0$" "leaking param content: src$" } } */
{
  return memcpy(dst, src, n * sizeof *src);
}

/* The ints read from *a and *b may be a pointer's bytes: they reach the
   result (issue 10; a and b themselves do not escape).  */
static int cmp(const void *a, const void *b)	/* { dg-messages { "leaking param: a to result ~r0 level=1$" "leaking param: b to result ~r0 level=1$" } } */
{
  return *(const int *)a - *(const int *)b;
}

int sorted_first(void)
{
  int v[4] = {3, 1, 2, 0};
  qsort(v, 4, sizeof v[0], cmp);	/* qsort keeps nothing */
  printf("%d\n", v[0]);			/* neither does printf */
  return v[0];
}

/* Threads: the argument is retained (escapes at -m), but joining before
   returning is correct, so no warning.  */
static void *work(void *arg)	/* { dg-message "leaking param: arg to result ~r0 level=0$" } */
{
  return arg;
}
int threads(void)
{
  int x = 0;			/* { dg-message "moved to heap: x$" } */
  pthread_t t;
  pthread_create(&t, 0, work, &x);
  pthread_join(t, 0);
  return x;
}

/* Retained in global state: a certain escape.  */
void buffered(void)
{
  char buf[BUFSIZ];		/* { dg-messages { "moved to heap: buf$" "'buf' declared here$" } } */
  setvbuf(stdout, buf, _IOFBF, sizeof buf);	/* { dg-warning "address of local variable 'buf' escapes: retained by 'setvbuf' \\\[escape/dangling-address\\\]$" } */
}

void environment(void)
{
  char entry[32] = "A=1";	/* { dg-messages { "moved to heap: entry$" "'entry' declared here$" } } */
  putenv(entry);		/* { dg-warning "address of local variable 'entry' escapes: retained by 'putenv' \\\[escape/dangling-address\\\]$" } */
}

/* The C closure idiom: a function and its context.  */
void on_event(void (*fn)(void *), void *ctx);
static void handler(void *ctx) { (void)ctx; }	/* { dg-message "ctx does not escape$" } */
void subscribe(void)
{
  int state = 0;		/* { dg-message "moved to heap: state$" } */
  on_event(handler, &state);
}

/* Pointer to integer: the analysis cannot follow it back.  */
uintptr_t hashed(void)
{
  int k = 0;			/* { dg-message "moved to heap: k$" } */
  return (uintptr_t)&k * 2654435761u;
}

/* Inline asm sees the pointer.  */
void fence(void)
{
  int m = 0;			/* { dg-message "moved to heap: m$" } */
  __asm__ volatile("" : : "r"(&m) : "memory");
}

/* Atomics store the pointer as an integer.  */
int *shared;
void publish(void)
{
  int *p = malloc(4);		/* { dg-message "malloc\\(4\\) escapes to heap$" } */
  __atomic_store_n(&shared, p, __ATOMIC_RELEASE);
}

/* Variadic arguments are read back with va_arg from anywhere.  */
static int first(int n, ...)
{
  va_list ap;
  va_start(ap, n);
  int *p = va_arg(ap, int *);
  va_end(ap);
  return *p;
}
int variadic(void)
{
  int v = 1;			/* { dg-message "moved to heap: v$" } */
  return first(1, &v);
}

/* setjmp keeps nothing of its buffer's callers.  */
int jumps(void)
{
  jmp_buf env;
  if (setjmp(env))
    return 1;
  longjmp(env, 1);
}

/* Thread-local and static storage outlive the frame.  */
__thread int *per_thread;
void tls(void)
{
  int t = 0;			/* { dg-messages { "moved to heap: t$" "'t' declared here$" } } */
  per_thread = &t;		/* { dg-warning "address of local variable 't' escapes: stored in global 'per_thread' \\\[escape/dangling-address\\\]$" } */
}

/* VLAs and alloca: stack memory of non-constant size.  */
char *vla(int n)
{
  char *a = __builtin_alloca(n);	/* { dg-message "moved to heap: alloca\\(...\\)$" } */
  a[0] = 0;
  return a[0] ? 0 : (char *)0;
}
char *alloca_returned(void)
{
  char *a = __builtin_alloca(16);	/* { dg-messages { "moved to heap: alloca\\(16\\)$" "'alloca\\(16\\)' declared here$" } } */
  return a;			/* { dg-warning "address of local variable 'alloca\\(16\\)' escapes: returned from 'alloca_returned' \\\[escape/dangling-address\\\]$" } */
}

/* Registrations in global state: on_exit's argument.  */
void cleanup(int status, void *arg);
void at_exit_data(void)
{
  int flag = 0;			/* { dg-messages { "moved to heap: flag$" "'flag' declared here$" } } */
  on_exit(cleanup, &flag);	/* { dg-warning "address of local variable 'flag' escapes: captured by closure 'cleanup', retained by 'on_exit' \\\[escape/dangling-address\\\]$" } */
}
