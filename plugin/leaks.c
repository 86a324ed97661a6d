/* leaks.c - what the walks found, turned into Go's parameter tags (the
   summaries calls in later functions are bound with) and into the
   verdicts the adapter reports.  */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

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

bool esc_unit_tags(const struct esc_unit *u, uint32_t key, unsigned *nparams,
                   const struct esc_tag **tags)
{
  const struct esc_summary *s = esc_summary_find(u, key);
  if (!s || !s->tags)
    return false;
  *nparams = s->nparams;
  *tags = s->tags;
  return true;
}

/* ------------------------------------------------------------ verdicts */

void esc_emit_verdict(struct esc_unit *u, const struct esc_verdict *v)
{
  ESC_ARRAY_GROW(u->verdicts, u->nverdicts, u->verdicts_cap);
  struct esc_verdict *d = &u->verdicts[u->nverdicts++];
  *d = *v;
  d->seq = u->seq++;
}

static const char *warn_reason_at(struct esc_unit *u, const struct esc_loc *l,
                                  esc_loc_id root, uint8_t why,
                                  const char *callee)
{
  struct esc_strbuf b = {0};
  const struct esc_loc *r = root != ESC_NONE ? esc_L(u, root) : NULL;
  if (l->def_closure && l->def_context)
    esc_sb_printf(&b, "captured by closure '%s'%s%s", l->def_closure,
                  r && r->reason ? ", " : "", r && r->reason ? r->reason : "");
  else if (l->def_closure)
    esc_sb_printf(&b, "captured by escaping nested function '%s'", l->def_closure);
  else if (!r)
    esc_sb_puts(&b, "outlives its frame");
  else if (r->kind == ESC_LOC_RESULT)
    esc_sb_printf(&b, "returned from '%s'", u->funcs[r->func]->name);
  else if (why == ESC_WHY_LEAK && r->reason)
    esc_sb_puts(&b, r->reason);
  else if (why == ESC_WHY_CALLEE_STORE && callee)
    esc_sb_printf(&b, "stored in global '%s' by '%s'", r->name, callee);
  else if (why == ESC_WHY_OUT_PARAM)
    esc_sb_printf(&b, "stored through parameter '%s'", r->name);
  else if (why == ESC_WHY_GLOBAL_MEM)
    esc_sb_printf(&b, "stored in memory reachable from global '%s'", r->name);
  else
    esc_sb_printf(&b, "stored in global '%s'", r->name);
  const char *s = esc_intern(u, b.s);
  esc_sb_free(&b);
  return s;
}

static const char *warn_reason(struct esc_unit *u, const struct esc_loc *l)
{
  return warn_reason_at(u, l, l->def_root, l->def_why, l->def_callee);
}

/* An address-taken local (or parameter) that escapes: "moved to heap"
   at -m, and the warning when the escape is certain.  */
static void var_verdicts(struct esc_unit *u, struct esc_loc *l,
                         struct esc_verdict v)
{
  if (u->cfg.m && (l->flags & LF_ESCAPES)) {
    v.kind = ESC_V_MOVED_TO_HEAP;
    v.reason = l->reason;
    v.steps = l->path;
    v.nsteps = l->npath;
    l->path = NULL;
    esc_emit_verdict(u, &v);
  }
  bool warned = false;
  if ((l->flags & LF_DEFINITE) || l->loop_read_pos) {
    warned = true;
    v.kind = ESC_V_WARN_ADDR;
    v.pos = l->def_pos ? l->def_pos : l->loop_read_pos ? l->loop_read_pos : l->pos;
    v.reason = (l->flags & LF_DEFINITE) ? warn_reason(u, l)
               : esc_intern(u, "read after its loop iteration ended");
    v.steps = (l->flags & LF_DEFINITE) ? l->def_path : NULL;
    v.nsteps = (l->flags & LF_DEFINITE) ? l->def_npath : 0;
    if (v.steps)
      l->def_path = NULL;       /* the verdict's now */
    u->stats.warnings++;
    esc_emit_verdict(u, &v);
  }
  /* Other results, globals and parameters it is surely stored in.  */
  for (uint32_t i = 0; (l->flags & LF_DEFINITE) && i < l->ndef_more; i++) {
    const struct esc_def_site *d = &l->def_more[i];
    v.kind = ESC_V_WARN_ADDR;
    v.pos = d->pos ? d->pos : l->pos;
    v.reason = warn_reason_at(u, l, d->root, d->why, d->callee);
    v.steps = NULL;
    v.nsteps = 0;
    u->stats.warnings++;
    esc_emit_verdict(u, &v);
  }
  /* Used after its scope ended: a warning of its own, unless the loop
     rule said it already.  */
  if (l->scope_use_pos && !l->loop_read_pos &&
      !(warned && l->def_pos == l->scope_use_pos)) {
    v.kind = ESC_V_WARN_ADDR;
    v.pos = l->scope_use_pos;
    v.reason = esc_intern(u, "used after its scope ended");
    v.steps = NULL;
    v.nsteps = 0;
    u->stats.warnings++;
    esc_emit_verdict(u, &v);
  }
}

/* One leak of a parameter at LEVEL, with its -m=2 path (taken over).  */
static void emit_leak(struct esc_unit *u, struct esc_loc *l,
                      struct esc_verdict v, enum esc_verdict_kind kind,
                      int level, int slot)
{
  v.kind = kind;
  v.level = level;
  v.steps = l->leak_path[slot];
  v.nsteps = l->leak_npath[slot];
  l->leak_path[slot] = NULL;
  esc_emit_verdict(u, &v);
}

/* -m: where a parameter that does not escape itself leaks.  */
static void param_verdicts(struct esc_unit *u, struct esc_loc *l,
                           struct esc_verdict v)
{
  struct esc_tag t = l->leak;
  if (t.heap != ESC_NO_LEAK && t.result >= t.heap)
    t.result = ESC_NO_LEAK;   /* Go's leaks.Optimize */
  if (t.heap == ESC_NO_LEAK && t.result == ESC_NO_LEAK) {
    v.kind = ESC_V_PARAM_NOESCAPE;
    esc_emit_verdict(u, &v);
  }
  if (t.heap != ESC_NO_LEAK)
    emit_leak(u, l, v, t.heap == 0 ? ESC_V_PARAM_LEAK : ESC_V_PARAM_CONTENT,
              t.heap, 0);
  if (t.result != ESC_NO_LEAK)
    emit_leak(u, l, v, ESC_V_PARAM_RESULT, t.result, 1);
}

/* An allocation: escapes (-m), or a candidate for the stack.  */
static void alloc_verdicts(struct esc_unit *u, struct esc_loc *l,
                           struct esc_verdict v)
{
  if (!(l->flags & LF_ESCAPES)) {
    u->stats.candidates++;
    v.kind = ESC_V_CANDIDATE;
    v.level = (int)(l->alloc_size > 0x7fffffff ? 0x7fffffff : l->alloc_size);
    if (l->alloc_size < 0) {   /* Go 1.25: a small buffer, heap fallback */
      v.variable = true;
      v.level = (int)u->cfg.var_buffer;
    }
    v.freed = (enum esc_freed)l->freed;
    v.promote = u->funcs[l->func] ? u->funcs[l->func]->promote : ESC_PROMOTE_OFF;
    esc_emit_verdict(u, &v);
    return;
  }
  u->stats.escaping++;
  if (!u->cfg.m)
    return;
  v.kind = ESC_V_ALLOC_ESCAPES;
  v.reason = l->reason;
  if (!(l->flags & LF_FORCED)) {  /* else the reason says it all */
    v.steps = l->path;
    v.nsteps = l->npath;
    l->path = NULL;
  }
  esc_emit_verdict(u, &v);
}

/* The verdicts on F's locations, in the order of the locations.  */
void esc_func_verdicts(struct esc_unit *u, struct esc_func *f)
{
  unsigned site = 0;
  for (esc_loc_id id = f->first; id < f->end; id++) {
    struct esc_loc *l = esc_L(u, id);
    struct esc_verdict v = {.pos = l->pos, .decl_pos = l->pos,
                            .fn_pos = f->pos, .name = l->name,
                            .function = f->name, .cookie = l->cookie,
                            .fn_cookie = f->cookie, .foreign = f->foreign};
    bool escapes = l->flags & LF_ESCAPES;
    switch (l->kind) {
    case ESC_LOC_VAR:
    case ESC_LOC_PARAM:
      if ((escapes || l->scope_use_pos) && (l->flags & LF_REPORTED))
        var_verdicts(u, l, v);
      if (l->kind == ESC_LOC_PARAM && l->param_report && !escapes && u->cfg.m)
        param_verdicts(u, l, v);
      break;
    case ESC_LOC_ALLOC:
      v.site = site++;
      alloc_verdicts(u, l, v);
      break;
    case ESC_LOC_CLOSURE:
      if (u->cfg.m) {
        v.kind = escapes ? ESC_V_CLOSURE_ESCAPES : ESC_V_CLOSURE_NOESCAPE;
        v.steps = l->path;
        v.nsteps = l->npath;
        l->path = NULL;
        esc_emit_verdict(u, &v);
      }
      break;
    default:
      break;
    }
  }
}

/* The tag of parameter L in its function's summary.  */
static struct esc_tag param_tag(const struct esc_loc *l)
{
  struct esc_tag t = l->leak;
  /* A leak found only through field reads is not certain at callers.  */
  uint8_t least = t.global < t.result ? t.global : t.result;
  t.fuzzy = least != ESC_NO_LEAK && l->precise_level > least;
  if (l->flags & LF_ESCAPES)   /* its storage moved: what it holds leaks */
    t.heap = 0;
  return t;
}

/* Go's parameter tags of F, for calls in functions solved later.  */
void esc_func_summary(struct esc_unit *u, struct esc_func *f)
{
  if (!f->key)
    return;
  struct esc_summary *s = esc_summary_add(u, f->key);
  if (s->tags)
    return;
  if (s->waited)
    u->recheck = true;
  s->name = f->name;
  s->func = -1;
  s->nparams = f->nparams;
  s->tags = esc_xcalloc(f->nparams + 1, sizeof *s->tags);
  s->globals = esc_xcalloc(f->nparams + 1, sizeof *s->globals);
  for (unsigned i = 0; i <= f->nparams; i++) {
    esc_loc_id p = i < f->nparams ? f->params[i] : f->chain;
    s->tags[i] = p == ESC_NONE ? (struct esc_tag)ESC_TAG_NONE
                               : param_tag(esc_L(u, p));
    s->globals[i] = p == ESC_NONE ? NULL : esc_L(u, p)->global_name;
  }
  esc_dump_summary(u, s);
}
