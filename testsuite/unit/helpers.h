/* helpers.h - what the unit tests share: a unit with -m level M, and the
   verdict of a kind on a name.  */
#ifndef ESCAPE_TEST_HELPERS_H
#define ESCAPE_TEST_HELPERS_H

#include "escape.h"

struct esc_unit *new_unit(int m);
/* The verdict of KIND on NAME, or NULL.  */
const struct esc_verdict *find(struct esc_unit *u, enum esc_verdict_kind kind,
                               const char *name);

#endif
