/* _Atomic pointers, __atomic and __sync builtins on pointers,
   thread-local variables, static locals, pthread_create with locals.  */
#include <stdatomic.h>
#include <pthread.h>
#include <stddef.h>

extern void sink (void *);

struct node { struct node *next; int v; };

_Atomic (struct node *) atomic_head;
struct node *plain_head;
__thread int *tls_ptr;
_Thread_local struct node *tls_node;
static __thread int tls_counter;

/* Lock-free push with C11 atomics.  */
void
at_push (struct node *n)
{
  struct node *old = atomic_load (&atomic_head);
  do
    n->next = old;
  while (!atomic_compare_exchange_weak (&atomic_head, &old, n));
}

/* The same with __atomic builtins on a plain pointer.  */
void
at_push_builtin (struct node *n)
{
  struct node *old = __atomic_load_n (&plain_head, __ATOMIC_ACQUIRE);
  do
    n->next = old;
  while (!__atomic_compare_exchange_n (&plain_head, &old, n, 1,
                                       __ATOMIC_RELEASE, __ATOMIC_RELAXED));
}

struct node *
at_exchange (struct node *n)
{
  struct node *prev = __atomic_exchange_n (&plain_head, n, __ATOMIC_SEQ_CST);
  __atomic_store_n (&plain_head, prev, __ATOMIC_SEQ_CST);
  struct node *tmp;
  __atomic_load (&plain_head, &tmp, __ATOMIC_RELAXED);
  __atomic_store (&plain_head, &n, __ATOMIC_RELAXED);
  return tmp;
}

/* __sync builtins on pointers and on pointer-sized integers.  */
struct node *
at_sync (struct node *expect, struct node *n)
{
  static long counter;
  __sync_fetch_and_add (&counter, 1);
  __sync_synchronize ();
  return __sync_val_compare_and_swap (&plain_head, expect, n);
}

int
at_sync_bool (struct node *n)
{
  return __sync_bool_compare_and_swap (&plain_head, 0, n)
         + (__sync_lock_test_and_set (&plain_head, n) != 0);
}

/* Atomic pointer arithmetic and a local pushed onto a global list.  */
int
at_local_push (void)
{
  struct node local = { 0, 5 };
  at_push (&local);		/* escapes into a global list */
  int arr[4] = { 0 };
  int *_Atomic cursor = arr;
  atomic_fetch_add (&cursor, 2);
  __atomic_fetch_add (&tls_counter, 1, __ATOMIC_RELAXED);
  return *cursor + local.v;
}

/* Thread-local pointers pointing at locals and at static locals.  */
int *
at_tls (int v)
{
  static int persistent;
  static int *last_seen = &persistent;
  int local = v;
  tls_ptr = &local;		/* dangling after return */
  tls_node = 0;
  persistent += *tls_ptr;
  last_seen = tls_ptr;
  return last_seen;
}

/* pthread_create with the address of a local.  */
static void *
worker (void *arg)
{
  int *p = arg;
  *p += 1;
  return arg;
}

int
at_thread (void)
{
  pthread_t t;
  int shared = 1;
  void *res;
  if (pthread_create (&t, NULL, worker, &shared))
    return -1;
  pthread_join (t, &res);
  return shared + (res == &shared);
}

/* Atomic struct and atomic flag.  */
struct pair { void *a, *b; };
_Atomic struct pair atomic_pair;
atomic_flag flag = ATOMIC_FLAG_INIT;

void *
at_struct (void *x)
{
  struct pair p = { x, x };
  while (atomic_flag_test_and_set (&flag))
    ;
  atomic_store (&atomic_pair, p);
  struct pair q = atomic_load (&atomic_pair);
  atomic_flag_clear (&flag);
  return q.b;
}
