/* graph.c - locations, edges, interned names and summaries.  */
#include <stdlib.h>
#include <string.h>

#include "core.h"

/* ------------------------------------------------------------ strings */

/* Interned strings live as long as the unit: names in verdicts and
   summaries point into it while function graphs come and go.  */
struct esc_intern {
  char **slots;
  uint32_t cap, n;
};

struct esc_intern *esc_intern_new(void)
{
  struct esc_intern *t = esc_xcalloc(1, sizeof *t);
  t->cap = 256;
  t->slots = esc_xcalloc(t->cap, sizeof *t->slots);
  return t;
}

void esc_intern_free(struct esc_intern *t)
{
  if (!t)
    return;
  for (uint32_t i = 0; i < t->cap; i++)
    free(t->slots[i]);
  free(t->slots);
  free(t);
}

static uint32_t hash_str(const char *s)
{
  uint32_t h = 2166136261u;          /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static void intern_grow(struct esc_intern *t)
{
  uint32_t cap = t->cap * 2;
  char **slots = esc_xcalloc(cap, sizeof *slots);
  for (uint32_t i = 0; i < t->cap; i++) {
    if (!t->slots[i])
      continue;
    uint32_t j = hash_str(t->slots[i]) & (cap - 1);
    while (slots[j])
      j = (j + 1) & (cap - 1);
    slots[j] = t->slots[i];
  }
  free(t->slots);
  t->slots = slots;
  t->cap = cap;
}

const char *esc_intern(struct esc_unit *u, const char *s)
{
  struct esc_intern *t = u->strings;
  if (!s)
    return NULL;
  if (2 * (t->n + 1) > t->cap)
    intern_grow(t);
  uint32_t j = hash_str(s) & (t->cap - 1);
  while (t->slots[j]) {
    if (strcmp(t->slots[j], s) == 0)
      return t->slots[j];
    j = (j + 1) & (t->cap - 1);
  }
  size_t n = strlen(s) + 1;
  t->slots[j] = memcpy(esc_xrealloc(NULL, n), s, n);
  t->n++;
  return t->slots[j];
}

/* ------------------------------------------------------------ edges */

void esc_add_edge(struct esc_unit *u, esc_loc_id dst, esc_loc_id src,
                  int derefs, enum esc_why why, esc_pos pos)
{
  if (dst < 0 || src < 0 || (uint32_t)dst >= u->nlocs ||
      (uint32_t)src >= u->nlocs)
    return;
  if (derefs < -1)
    derefs = -1;           /* &&x cannot be written; keep the invariant */
  if (derefs > ESC_MAX_DEREFS)
    derefs = ESC_MAX_DEREFS;
  if (dst == src && derefs >= 0)
    return;                /* x = x, x = *x: nothing new flows */
  struct esc_loc *d = esc_L(u, dst);
  /* Keep one edge per source: the one with the fewest derefs.  */
  for (uint32_t i = d->nedges; i-- > 0 && i + 8 >= d->nedges;) {
    struct esc_edge *e = &d->edges[i];
    if (e->src == src) {
      if (derefs < e->derefs) {
        e->derefs = (int16_t)derefs;
        e->why = (uint8_t)why;
        e->pos = pos;
      }
      return;
    }
  }
  ESC_ARRAY_GROW(d->edges, d->nedges, d->cap);
  d->edges[d->nedges++] = (struct esc_edge){src, (int16_t)derefs,
                                            (uint8_t)why, pos};
}

const char *esc_why_name(enum esc_why why)
{
  static const char *const names[ESC_WHY_COUNT] = {
    [ESC_WHY_ASSIGN] = "assign",
    [ESC_WHY_ADDR] = "address-of",
    [ESC_WHY_LOAD] = "dereference",
    [ESC_WHY_STORE] = "store through pointer",
    [ESC_WHY_GLOBAL] = "stored to global",
    [ESC_WHY_GLOBAL_MEM] = "stored in global memory",
    [ESC_WHY_RETURN] = "return",
    [ESC_WHY_ARG] = "call parameter",
    [ESC_WHY_CALL_RESULT] = "call result",
    [ESC_WHY_LEAK] = "leaking call parameter",
    [ESC_WHY_UNKNOWN_CALL] = "passed to function without body",
    [ESC_WHY_INTERFACE] = "converted to opaque interface",
    [ESC_WHY_INDIRECT] = "call through function pointer",
    [ESC_WHY_CLOSURE] = "captured by closure",
    [ESC_WHY_ALLOC] = "allocation",
    [ESC_WHY_INTEGER] = "converted to integer",
    [ESC_WHY_ASM] = "inline asm operand",
    [ESC_WHY_UNKNOWN] = "unmodelled operation",
    [ESC_WHY_CONTEXT] = "closure context",
    [ESC_WHY_FREED] = "freed by callee",
    [ESC_WHY_FIELD] = "field or element read",
  };
  return (unsigned)why < ESC_WHY_COUNT ? names[why] : "?";
}

/* ------------------------------------------------------------ summaries */

static uint32_t key_slot(uint32_t key, uint32_t cap)
{
  return (key * 2654435761u) & (cap - 1);
}

const struct esc_summary *esc_summary_find(const struct esc_unit *u,
                                           uint32_t key)
{
  if (!u->sums_cap || !key)
    return NULL;
  for (uint32_t j = key_slot(key, u->sums_cap);; j = (j + 1) & (u->sums_cap - 1)) {
    if (u->sums[j].key == key)
      return &u->sums[j];
    if (!u->sums[j].key)
      return NULL;
  }
}

struct esc_summary *esc_summary_add(struct esc_unit *u, uint32_t key)
{
  if (2 * (u->nsums + 1) > u->sums_cap) {
    uint32_t cap = u->sums_cap ? 2 * u->sums_cap : 64;
    struct esc_summary *s = esc_xcalloc(cap, sizeof *s);
    for (uint32_t i = 0; i < u->sums_cap; i++) {
      if (!u->sums[i].key)
        continue;
      uint32_t j = key_slot(u->sums[i].key, cap);
      while (s[j].key)
        j = (j + 1) & (cap - 1);
      s[j] = u->sums[i];
    }
    free(u->sums);
    u->sums = s;
    u->sums_cap = cap;
  }
  uint32_t j = key_slot(key, u->sums_cap);
  while (u->sums[j].key && u->sums[j].key != key)
    j = (j + 1) & (u->sums_cap - 1);
  if (!u->sums[j].key)
    u->nsums++;
  u->sums[j].key = key;
  return &u->sums[j];
}
