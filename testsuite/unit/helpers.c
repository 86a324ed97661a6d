/* helpers.c - what the unit tests share (helpers.h).  */
#include <string.h>

#include "helpers.h"

struct esc_unit *new_unit(int m)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  cfg.m = m;
  return esc_unit_new(&cfg);
}

const struct esc_verdict *find(struct esc_unit *u, enum esc_verdict_kind kind,
                               const char *name)
{
  const struct esc_verdict *v;
  size_t n = esc_unit_verdicts(u, &v);
  for (size_t i = 0; i < n; i++)
    if (v[i].kind == kind && v[i].name && strcmp(v[i].name, name) == 0)
      return &v[i];
  return NULL;
}
