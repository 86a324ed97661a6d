/* batch.c - the translation unit's life: functions as they are read,
   batches of them solved as soon as their callees are summarised (Tarjan's
   strongly connected components over the functions still waiting), the
   verdicts handed out at the end.  */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

/* ------------------------------------------------------------ unit */

struct esc_unit *esc_unit_new(const struct esc_config *cfg)
{
  struct esc_unit *u = esc_xcalloc(1, sizeof *u);
  u->cfg = *cfg;
  u->cfg.allocators = esc_strdup(cfg->allocators);
  u->cfg.deallocators = esc_strdup(cfg->deallocators);
  u->cfg.reallocators = esc_strdup(cfg->reallocators);
  u->cfg.summaries = esc_strdup(cfg->summaries);
  u->cfg.functions = esc_strdup(cfg->functions);
  u->cfg.files = esc_strdup(cfg->files);
  u->cfg.sarif = esc_strdup(cfg->sarif);
  u->cfg.errors = esc_strdup(cfg->errors);
  u->cfg.ignores = esc_strdup(cfg->ignores);
  u->strings = esc_intern_new();
  if (u->cfg.summaries)
    esc_summaries_begin(u);
  return u;
}

const struct esc_config *esc_unit_config(const struct esc_unit *u)
{
  return &u->cfg;
}

void esc_unit_set_dump(struct esc_unit *u, FILE *f)
{
  u->dump = f;
}

static void free_func(struct esc_func *f)
{
  if (!f)
    return;
  for (unsigned i = 0; i < f->ncalls; i++)
    free(f->calls[i].args);
  free(f->calls);
  free(f->params);
  free(f);
}

void esc_unit_free(struct esc_unit *u)
{
  if (!u)
    return;
  for (uint32_t i = 0; i < u->nlocs; i++)
    esc_loc_release(esc_L(u, (esc_loc_id)i));
  esc_locs_truncate(u, 0);
  free(u->loc_chunks ? u->loc_chunks[0] : NULL);
  free(u->loc_chunks);
  for (uint32_t i = 0; i < u->nfuncs; i++)
    free_func(u->funcs[i]);
  free(u->funcs);
  free(u->waiting);
  for (uint32_t i = 0; i < u->sums_cap; i++) {
    free(u->sums[i].tags);
    free(u->sums[i].globals);
  }
  free(u->sums);
  free(u->callees);
  free(u->wrappers);
  esc_foreign_release(u);
  for (size_t i = 0; i < u->nverdicts; i++)
    free((void *)u->verdicts[i].steps);
  free(u->verdicts);
  esc_intern_free(u->strings);
  esc_config_release(&u->cfg);
  free(u);
}

/* ------------------------------------------------------------ functions */

struct esc_func *esc_func_begin(struct esc_unit *u, uint32_t key,
                                const char *name, esc_pos pos)
{
  struct esc_func *f = esc_xcalloc(1, sizeof *f);
  f->unit = u;
  f->key = key;
  f->name = esc_intern(u, name);
  f->pos = pos;
  f->state = FS_READING;
  f->chain = f->sink = f->freed = ESC_NONE;
  ESC_ARRAY_GROW(u->funcs, u->nfuncs, u->funcs_cap);
  f->index = u->nfuncs;
  u->funcs[u->nfuncs++] = f;
  f->first = (esc_loc_id)u->nlocs;
  f->sink = esc_loc_make(u, f, ESC_LOC_TEMP, "{sink}", pos, 0);
  f->heap = esc_loc_make(u, f, ESC_LOC_HEAP, "{heap}", pos, 0);
  f->result = esc_loc_make(u, f, ESC_LOC_RESULT, "~r0", pos, 0);
  f->freed = esc_loc_make(u, f, ESC_LOC_TEMP, "{freed}", pos, 0);
  if (key) {
    struct esc_summary *s = esc_summary_add(u, key);
    if (!s->tags) {             /* a second body for one key: keep the first */
      s->name = f->name;
      s->func = (int32_t)f->index;
    }
  }
  u->stats.functions++;
  return f;
}

void esc_func_set_cookie(struct esc_func *f, void *cookie) { f->cookie = cookie; }

/* ------------------------------------------------------------ batches */

/* Give the memory of the solved functions FNS back: their locations'
   data, the functions, and the tail of the location array no waiting
   function uses.  */
static void release_batch(struct esc_unit *u, struct esc_func **fns,
                          unsigned n)
{
  for (unsigned k = 0; k < n; k++) {
    struct esc_func *f = fns[k];
    for (esc_loc_id id = f->first; id < f->end; id++)
      esc_loc_release(esc_L(u, id));
    u->funcs[f->index] = NULL;
    free_func(f);
  }
  esc_loc_id keep = 0;
  for (uint32_t i = 0; i < u->nwaiting; i++) {
    struct esc_func *w = u->funcs[u->waiting[i]];
    if (w && w->state != FS_DONE && w->end > keep)
      keep = w->end;
  }
  if ((uint32_t)keep < u->nlocs)
    esc_locs_truncate(u, (uint32_t)keep);
}

/* promote: may F's candidates be rewritten now?  Only when F is solved
   alone, not calling itself, while its own pass is running: then the
   adapter rewrites right after esc_func_end returns.  */
static uint8_t promote_state(const struct esc_unit *u, struct esc_func **fns,
                             unsigned n, const struct esc_func *f)
{
  if (!u->cfg.promote)
    return ESC_PROMOTE_OFF;
  bool self = false;
  for (unsigned i = 0; i < f->ncalls; i++)
    self |= f->key && f->calls[i].callee_key == f->key;
  if (n > 1 || self)
    return ESC_PROMOTE_RECURSIVE;
  if (fns[0] != u->ending)
    return ESC_PROMOTE_NOT_FINAL;
  return ESC_PROMOTE_PENDING;
}

/* Go's Batch: analyse the functions FNS (one, or a recursive cycle) whose
   callees outside FNS are all summarised.  */
static void batch(struct esc_unit *u, struct esc_func **fns, unsigned n)
{
  /* Build: the graph was read; bind the calls kept for the batch.  */
  esc_bind_pending_calls(u, fns, n);
  for (unsigned k = 0; k < n; k++)
    esc_dump_graph(u, fns[k]);
  /* Walk.  */
  esc_walk_all(u, fns, n);
  /* Finish: tags for later callers first, then the verdicts.  */
  for (unsigned k = 0; k < n; k++)
    esc_func_summary(u, fns[k]);
  for (unsigned k = 0; k < n; k++) {
    fns[k]->promote = promote_state(u, fns, n, fns[k]);
    esc_func_verdicts(u, fns[k]);
    fns[k]->state = FS_DONE;
  }
  release_batch(u, fns, n);
}

/* Tarjan's strongly connected components over the functions read but not
   solved.  A component is solved, as one batch, once it is closed: each
   of its calls goes to a solved function, to a member, or (at the end of
   the unit) to code that never came.  Components come out callees first.
   Since GCC hands us callees first, a recursive cycle closes when its last
   member is read.  */
struct tarjan {
  struct esc_unit *u;
  bool final;                 /* end of unit: missing callees are unknown */
  int index;
  struct esc_func **stack;
  unsigned nstack, cap;
  struct esc_func **seen;     /* to reset the marks afterwards */
  unsigned nseen, seen_cap;
  struct esc_func **closed;   /* closed components, callees first, */
  unsigned nclosed, closed_cap;
  unsigned *sizes;            /* ... and their sizes */
  unsigned nsizes, sizes_cap;
};

/* Does call C wait for a function that is not read yet?  It is noted,
   so that the caller is looked at again once the callee is solved.  */
static bool waits_for_unread(const struct tarjan *t, const struct esc_pending_call *c)
{
  const struct esc_summary *s = esc_summary_find(t->u, c->callee_key);
  if (t->final || !c->callee_key || (s && s->func != ESC_UNREAD))
    return false;
  struct esc_summary *w = esc_summary_add(t->u, c->callee_key);
  if (!w->tags && !w->waited) {
    w->func = ESC_UNREAD;
    w->waited = true;
  }
  return true;
}

static void strongconnect(struct tarjan *t, struct esc_func *f)
{
  struct esc_unit *u = t->u;
  f->tj_index = f->tj_low = ++t->index;
  f->tj_blocked = f->tj_closed = false;
  ESC_ARRAY_GROW(t->stack, t->nstack, t->cap);
  t->stack[t->nstack++] = f;
  ESC_ARRAY_GROW(t->seen, t->nseen, t->seen_cap);
  t->seen[t->nseen++] = f;
  f->tj_onstack = true;
  for (unsigned i = 0; i < f->ncalls; i++) {
    if (waits_for_unread(t, &f->calls[i])) {
      f->tj_blocked = true;
      continue;
    }
    struct esc_func *g = esc_unsolved_callee(u, &f->calls[i]);
    if (!g || g->state != FS_WAITING)
      continue;
    if (!g->tj_index) {
      strongconnect(t, g);
      if (g->tj_low < f->tj_low)
        f->tj_low = g->tj_low;
    } else if (g->tj_onstack && g->tj_index < f->tj_low) {
      f->tj_low = g->tj_index;
    }
    /* A callee in another component that cannot be solved yet.  */
    if (!g->tj_onstack && !g->tj_closed)
      f->tj_blocked = true;
  }
  if (f->tj_low != f->tj_index)
    return;
  unsigned start = t->nstack;
  bool blocked = false;
  do {
    t->stack[--start]->tj_onstack = false;
    blocked |= t->stack[start]->tj_blocked;
  } while (t->stack[start] != f);
  unsigned n = t->nstack - start;
  t->nstack = start;
  if (blocked)
    return;
  /* Solved after the search: solving frees the functions.  */
  for (unsigned i = 0; i < n; i++) {
    t->stack[start + i]->tj_closed = true;
    ESC_ARRAY_GROW(t->closed, t->nclosed, t->closed_cap);
    t->closed[t->nclosed++] = t->stack[start + i];
  }
  ESC_ARRAY_GROW(t->sizes, t->nsizes, t->sizes_cap);
  t->sizes[t->nsizes++] = n;
}

/* Solve every closed component reachable from the waiting functions
   ROOTS (all waiting functions when ROOTS is NULL).  */
static void solve_closed(struct esc_unit *u, struct esc_func *root, bool final)
{
  struct tarjan t = {.u = u, .final = final};
  if (root) {
    strongconnect(&t, root);
  } else {
    uint32_t n = u->nwaiting;
    uint32_t *ids = esc_xrealloc(NULL, (n ? n : 1) * sizeof *ids);
    memcpy(ids, u->waiting, n * sizeof *ids);
    for (uint32_t i = 0; i < n; i++) {
      struct esc_func *f = u->funcs[ids[i]];
      if (f && f->state == FS_WAITING && !f->tj_index)
        strongconnect(&t, f);
    }
    free(ids);
  }
  for (unsigned i = 0; i < t.nseen; i++)
    t.seen[i]->tj_index = 0;
  for (unsigned i = 0, at = 0; i < t.nsizes; at += t.sizes[i++])
    batch(u, t.closed + at, t.sizes[i]);
  free(t.closed);
  free(t.sizes);
  free(t.seen);
  free(t.stack);
}

static void compact_waiting(struct esc_unit *u)
{
  uint32_t j = 0;
  for (uint32_t i = 0; i < u->nwaiting; i++) {
    struct esc_func *w = u->funcs[u->waiting[i]];
    if (w && w->state == FS_WAITING)
      u->waiting[j++] = u->waiting[i];
  }
  u->nwaiting = j;
}

void esc_func_end(struct esc_func *f)
{
  struct esc_unit *u = f->unit;
  f->end = (esc_loc_id)u->nlocs;
  f->state = FS_WAITING;
  u->ending = f;
  ESC_ARRAY_GROW(u->waiting, u->nwaiting, u->waiting_cap);
  u->waiting[u->nwaiting++] = f->index;
  if (f->ncalls == 0)
    batch(u, &f, 1);            /* the common case: nothing to wait for */
  else
    solve_closed(u, f, false);
  /* Functions read before a callee of theirs may be solvable now.  */
  while (u->recheck) {
    u->recheck = false;
    solve_closed(u, NULL, false);
  }
  u->ending = NULL;
  compact_waiting(u);
}

void esc_func_abandon(struct esc_func *f)
{
  struct esc_unit *u = f->unit;
  struct esc_summary *s = f->key ? esc_summary_add(u, f->key) : NULL;
  if (s && !s->tags)
    s->func = -1;         /* calls to it: unknown code */
  for (esc_loc_id id = f->first; id < (esc_loc_id)u->nlocs; id++)
    esc_loc_release(esc_L(u, id));
  esc_locs_truncate(u, (uint32_t)f->first);
  u->funcs[f->index] = NULL;
  u->stats.functions--;
  free_func(f);
}

void esc_unit_finish(struct esc_unit *u)
{
  solve_closed(u, NULL, true);
  compact_waiting(u);
}

size_t esc_unit_verdicts(const struct esc_unit *u,
                         const struct esc_verdict **out)
{
  *out = u->verdicts;
  return u->nverdicts;
}

void esc_unit_stats(const struct esc_unit *u, struct esc_stats *out)
{
  *out = u->stats;
}
