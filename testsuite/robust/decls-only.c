/* A translation unit without any function body: declarations, types,
   global data with pointer initialisers, tentative definitions.  */
#include <stddef.h>

struct node { struct node *next; const char *name; };
typedef int (*handler) (void *);
extern int handle_a (void *);
extern int handle_b (void *);

int counter;
int counter;			/* tentative definition, twice */
static int hidden_values[4] = { 1, 2, 3, 4 };
int *value_ptr = &hidden_values[2];
int **value_ptr_ptr = &value_ptr;
const char *const names[] = { "a", "b", NULL };
handler handlers[] = { handle_a, handle_b, 0 };
struct node tail = { NULL, "tail" };
struct node head = { &tail, "head" };
struct node *list = &head;
void *anything = &list;
char buffer[64];
char *cursor = buffer + 10;
extern struct node later;
struct node *forward = &later;
struct node later = { &later, "self" };
__thread int tls_value;
_Thread_local int *tls_pointer;
int array_of_arrays[3][4];
int (*row_ptr)[4] = &array_of_arrays[1];
enum { SMALL = 1, LARGE = 1 << 20 };
union { int i; void *p; } punned = { .p = &counter };
