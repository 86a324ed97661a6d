/* Rule 3, converted to an opaque interface: a pointer handed as void * to
   code we cannot see, or through a function pointer, may be kept there.  */
#include <stdlib.h>

void queue_push(void *item);              /* defined elsewhere */

struct job { int id; };

void submit(int id)
{
  struct job *j = malloc(sizeof *j);
  if (!j)
    return;
  j->id = id;
  queue_push(j);                          /* escapes: opaque interface */
}

void visit(void (*cb)(struct job *))
{
  struct job *j = malloc(sizeof *j);
  if (!j)
    return;
  j->id = 0;
  cb(j);                                  /* escapes: function pointer */
  free(j);
}
