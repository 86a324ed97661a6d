/* graph.c - the graph Go's escape analysis solves: interned names,
   locations (Go's location) and their incoming edges, with the API the
   reader builds them through.  */
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

/* ------------------------------------------------------------ locations */

static int16_t clamp_depth(int depth)
{
  ESC_ASSERT(depth >= 0 && depth <= 30000);
  return (int16_t)(depth < 0 ? 0 : depth > 30000 ? 30000 : depth);
}

esc_loc_id esc_loc_make(struct esc_unit *u, struct esc_func *f,
                        enum esc_loc_kind kind, const char *name,
                        esc_pos pos, int loop_depth)
{
  if (u->nlocs == u->nchunks * ESC_LOC_CHUNK) {
    ESC_ARRAY_GROW(u->loc_chunks, u->nchunks, u->chunks_cap);
    u->loc_chunks[u->nchunks++] =
      esc_xrealloc(NULL, ESC_LOC_CHUNK * sizeof(struct esc_loc));
  }
  esc_loc_id id = (esc_loc_id)u->nlocs++;
  struct esc_loc *l = esc_L(u, id);
  memset(l, 0, sizeof *l);
  l->kind = (uint8_t)kind;
  l->loop_depth = clamp_depth(loop_depth);
  l->func = f->index;
  l->name = esc_intern(u, name);
  l->pos = pos;
  l->dst = ESC_NONE;
  l->def_root = ESC_NONE;
  l->alloc_size = -1;
  l->deref_depth = INT16_MAX;
  l->leak = (struct esc_tag)ESC_TAG_NONE;
  l->precise_level = ESC_NO_LEAK;
  if (kind == ESC_LOC_HEAP || kind == ESC_LOC_GLOBAL)
    l->flags |= LF_ESCAPES;
  if ((kind == ESC_LOC_GLOBAL || kind == ESC_LOC_RESULT) && f->sink != ESC_NONE)
    esc_add_edge(u, f->sink, id, 0, ESC_WHY_ASSIGN, pos);
  return id;
}

/* Free what L owns once its function is solved.  */
void esc_loc_release(struct esc_loc *l)
{
  free(l->edges);
  free(l->path);
  free(l->def_path);
  free(l->leak_path[0]);
  free(l->leak_path[1]);
  free(l->def_more);
  l->def_more = NULL;
  l->ndef_more = 0;
  l->edges = NULL;
  l->path = l->def_path = l->leak_path[0] = l->leak_path[1] = NULL;
  l->nedges = l->cap = 0;
}

/* Drop the locations from N on (their data already released) and the
   chunks they alone used; the first chunk is kept for the next function.  */
void esc_locs_truncate(struct esc_unit *u, uint32_t n)
{
  ESC_ASSERT(n <= u->nlocs);
  u->nlocs = n;
  uint32_t keep = (n + ESC_LOC_CHUNK - 1) / ESC_LOC_CHUNK;
  if (keep == 0 && u->nchunks > 0)
    keep = 1;
  while (u->nchunks > keep)
    free(u->loc_chunks[--u->nchunks]);
}

esc_loc_id esc_loc_new(struct esc_func *f, enum esc_loc_kind kind,
                       const char *name, esc_pos pos, int loop_depth)
{
  return esc_loc_make(f->unit, f, kind, name, pos, loop_depth);
}

esc_loc_id esc_func_heap(struct esc_func *f) { return f->heap; }
esc_loc_id esc_func_result(struct esc_func *f) { return f->result; }

/* Is L a location of F?  ESC_NONE is not, silently (the reader passes it
   for values that hold no pointer); anything else outside F is a bug.  */
static bool own_loc(const struct esc_func *f, esc_loc_id l)
{
  bool own = l >= f->first && (uint32_t)l < f->unit->nlocs;
  ESC_ASSERT(own || l == ESC_NONE);
  return own;
}

static void add_param(struct esc_func *f, unsigned index, esc_loc_id id)
{
  if (index >= f->params_cap) {
    unsigned cap = f->params_cap ? f->params_cap : 4;
    while (cap <= index)
      cap *= 2;
    f->params = esc_xrealloc(f->params, cap * sizeof *f->params);
    for (unsigned i = f->params_cap; i < cap; i++)
      f->params[i] = ESC_NONE;
    f->params_cap = cap;
  }
  f->params[index] = id;
  if (index + 1 > f->nparams)
    f->nparams = index + 1;
}

esc_loc_id esc_param_new(struct esc_func *f, unsigned index,
                         const char *name, esc_pos pos, bool report)
{
  struct esc_unit *u = f->unit;
  esc_loc_id id = esc_loc_make(u, f, ESC_LOC_PARAM, name, pos, 0);
  struct esc_loc *l = esc_L(u, id);
  l->param_report = report;
  l->param_index = (uint16_t)index;
  if (index == ESC_CHAIN_PARAM)
    f->chain = id;
  else
    add_param(f, index, id);
  return id;
}

void esc_loc_force_escape(struct esc_func *f, esc_loc_id l, const char *reason)
{
  if (!own_loc(f, l))
    return;
  struct esc_loc *p = esc_L(f->unit, l);
  p->flags |= LF_ESCAPES | LF_FORCED;
  p->reason = esc_intern(f->unit, reason);
}

void esc_loc_set_reported(struct esc_func *f, esc_loc_id l, bool reported)
{
  if (!own_loc(f, l))
    return;
  if (reported)
    esc_L(f->unit, l)->flags |= LF_REPORTED;
  else
    esc_L(f->unit, l)->flags &= ~LF_REPORTED;
}

void esc_loc_set_deref(struct esc_func *f, esc_loc_id l, int depth,
                       esc_pos pos, bool carried)
{
  if (!own_loc(f, l))
    return;
  struct esc_loc *p = esc_L(f->unit, l);
  if (depth < p->deref_depth) {
    p->deref_depth = clamp_depth(depth);
    p->deref_pos = pos;
  }
  p->carried |= carried;
}

void esc_loc_set_cookie(struct esc_func *f, esc_loc_id l, void *cookie)
{
  if (own_loc(f, l))
    esc_L(f->unit, l)->cookie = cookie;
}

void esc_alloc_set_freed(struct esc_func *f, esc_loc_id l, enum esc_freed freed)
{
  if (own_loc(f, l) && esc_L(f->unit, l)->kind == ESC_LOC_ALLOC)
    esc_L(f->unit, l)->freed = (uint8_t)freed;
}

esc_loc_id esc_closure_new(struct esc_func *f, const char *name, esc_pos pos,
                           esc_loc_id frame, void *cookie, int loop_depth)
{
  struct esc_unit *u = f->unit;
  /* The value of the adjusted trampoline points at the trampoline, which
     points at the frame with every captured variable: Go's closure and
     its captured variables.  The value also points at the frame directly,
     so that a frame whose closure is surely kept is a certain escape.  */
  esc_loc_id value = esc_loc_make(u, f, ESC_LOC_TEMP, name, pos, loop_depth);
  esc_loc_id tramp = esc_loc_make(u, f, ESC_LOC_CLOSURE, name, pos, loop_depth);
  esc_L(u, tramp)->cookie = cookie;
  esc_L(u, tramp)->flags |= LF_REPORTED;
  esc_flow(f, value, tramp, -1, ESC_WHY_ADDR, pos);
  esc_flow(f, value, frame, -1, ESC_WHY_CLOSURE, pos);
  esc_flow(f, tramp, frame, -1, ESC_WHY_CLOSURE, pos);
  return value;
}

/* ------------------------------------------------------------ edges */

void esc_flow(struct esc_func *f, esc_loc_id dst, esc_loc_id src, int derefs,
              enum esc_why why, esc_pos pos)
{
  if (own_loc(f, dst) && own_loc(f, src))
    esc_add_edge(f->unit, dst, src, derefs, why, pos);
}


void esc_flow_transient(struct esc_func *f, esc_loc_id dst, esc_loc_id src,
                        int derefs, enum esc_why why, esc_pos pos)
{
  if (own_loc(f, dst) && own_loc(f, src))
    esc_add_edge_flags(f->unit, dst, src, derefs, why, pos, EF_TRANSIENT);
}

esc_loc_id esc_out_param_new(struct esc_func *f, const char *name, esc_pos pos)
{
  struct esc_unit *u = f->unit;
  /* Deeper than any loop: never a root of Go's walks, never outlived.  */
  esc_loc_id id = esc_loc_make(u, f, ESC_LOC_TEMP, name, pos, 30000);
  esc_add_edge(u, f->sink, id, 0, ESC_WHY_ASSIGN, pos);
  return id;
}

void esc_loc_set_scope_use(struct esc_func *f, esc_loc_id l, esc_pos pos)
{
  if (!own_loc(f, l))
    return;
  struct esc_loc *p = esc_L(f->unit, l);
  if (!p->scope_use_pos)
    p->scope_use_pos = pos;
}

void esc_add_edge(struct esc_unit *u, esc_loc_id dst, esc_loc_id src,
                  int derefs, enum esc_why why, esc_pos pos)
{
  esc_add_edge_flags(u, dst, src, derefs, why, pos, 0);
}

void esc_add_edge_flags(struct esc_unit *u, esc_loc_id dst, esc_loc_id src,
                        int derefs, enum esc_why why, esc_pos pos,
                        unsigned flags)
{
  ESC_ASSERT(dst >= 0 && src >= 0 && (uint32_t)dst < u->nlocs &&
             (uint32_t)src < u->nlocs);
  ESC_ASSERT(derefs >= -1);          /* &&x cannot be written */
  if (dst < 0 || src < 0 || (uint32_t)dst >= u->nlocs ||
      (uint32_t)src >= u->nlocs)
    return;
  if (derefs < -1)
    derefs = -1;
  if (derefs > ESC_MAX_DEREFS)
    derefs = ESC_MAX_DEREFS;       /* deeper loads are all "content" */
  if (dst == src && derefs >= 0)
    return;                /* x = x, x = *x: nothing new flows */
  struct esc_loc *d = esc_L(u, dst);
  /* An edge from the same source among the last eight added is merged,
     keeping the fewest derefs (repeated statements add the same edge
     again); older duplicates are kept, which costs time, not results.  */
  for (uint32_t i = d->nedges; i-- > 0 && i + 8 >= d->nedges;) {
    struct esc_edge *e = &d->edges[i];
    if (e->src == src) {
      /* Transient only while every store it stands for is.  */
      if (derefs <= e->derefs && !(flags & EF_TRANSIENT))
        e->flags &= ~EF_TRANSIENT;
      if (derefs < e->derefs) {
        e->flags = (uint8_t)flags;
        e->derefs = (int16_t)derefs;
        e->why = (uint8_t)why;
        e->pos = pos;
      }
      return;
    }
  }
  ESC_ARRAY_GROW(d->edges, d->nedges, d->cap);
  d->edges[d->nedges++] = (struct esc_edge){src, (int16_t)derefs,
                                            (uint8_t)why, (uint8_t)flags, pos};
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
    [ESC_WHY_OUT_PARAM] = "stored through parameter",
    [ESC_WHY_CALLEE_STORE] = "stored by callee",
    [ESC_WHY_BYTES] = "computed from its bytes",
  };
  return (unsigned)why < ESC_WHY_COUNT ? names[why] : "?";
}

