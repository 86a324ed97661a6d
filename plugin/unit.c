/* unit.c - the translation unit: functions as they are read, calls bound
   to summaries, batches of recursive functions, verdicts.  */
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
  u->cfg.functions = esc_strdup(cfg->functions);
  u->cfg.files = esc_strdup(cfg->files);
  u->cfg.sarif = esc_strdup(cfg->sarif);
  u->strings = esc_intern_new();
  return u;
}

const struct esc_config *esc_unit_config(const struct esc_unit *u)
{
  return &u->cfg;
}

static void free_loc_data(struct esc_loc *l)
{
  free(l->edges);
  free(l->path);
  free(l->leak_path[0]);
  free(l->leak_path[1]);
  l->edges = NULL;
  l->path = l->leak_path[0] = l->leak_path[1] = NULL;
  l->nedges = l->cap = 0;
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
    free_loc_data(&u->locs[i]);
  free(u->locs);
  for (uint32_t i = 0; i < u->nfuncs; i++)
    free_func(u->funcs[i]);
  free(u->funcs);
  free(u->waiting);
  for (uint32_t i = 0; i < u->sums_cap; i++) {
    free(u->sums[i].tags);
  }
  free(u->sums);
  for (size_t i = 0; i < u->nverdicts; i++)
    free((void *)u->verdicts[i].steps);
  free(u->verdicts);
  esc_intern_free(u->strings);
  esc_config_release(&u->cfg);
  free(u);
}

/* ------------------------------------------------------------ locations */

static esc_loc_id loc_new(struct esc_unit *u, struct esc_func *f,
                          enum esc_loc_kind kind, const char *name,
                          esc_pos pos, int loop_depth)
{
  ESC_ARRAY_GROW(u->locs, u->nlocs, u->locs_cap);
  esc_loc_id id = (esc_loc_id)u->nlocs++;
  struct esc_loc *l = esc_L(u, id);
  memset(l, 0, sizeof *l);
  l->kind = (uint8_t)kind;
  l->loop_depth = (int16_t)(loop_depth < 0 ? 0 : loop_depth > 30000 ? 30000 : loop_depth);
  l->func = f->index;
  l->name = esc_intern(u, name);
  l->pos = pos;
  l->dst = ESC_NONE;
  l->def_root = ESC_NONE;
  l->alloc_size = -1;
  l->deref_depth = INT16_MAX;
  l->leak = (struct esc_tag)ESC_TAG_NONE;
  l->leak_global = ESC_NO_LEAK;
  l->precise_level = ESC_NO_LEAK;
  if (kind == ESC_LOC_HEAP || kind == ESC_LOC_GLOBAL)
    l->flags |= LF_ESCAPES;
  if ((kind == ESC_LOC_GLOBAL || kind == ESC_LOC_RESULT) && f->sink != ESC_NONE)
    esc_add_edge(u, f->sink, id, 0, ESC_WHY_ASSIGN, pos);
  return id;
}

esc_loc_id esc_loc_new(struct esc_func *f, enum esc_loc_kind kind,
                       const char *name, esc_pos pos, int loop_depth)
{
  return loc_new(f->unit, f, kind, name, pos, loop_depth);
}

esc_loc_id esc_func_heap(struct esc_func *f) { return f->heap; }
void esc_func_set_cookie(struct esc_func *f, void *cookie) { f->cookie = cookie; }
esc_loc_id esc_func_result(struct esc_func *f) { return f->result; }

static bool own_loc(const struct esc_func *f, esc_loc_id l)
{
  return l >= f->first && (uint32_t)l < f->unit->nlocs;
}

esc_loc_id esc_param_new(struct esc_func *f, unsigned index,
                         const char *name, esc_pos pos, bool report)
{
  struct esc_unit *u = f->unit;
  esc_loc_id id = loc_new(u, f, ESC_LOC_PARAM, name, pos, 0);
  struct esc_loc *l = esc_L(u, id);
  l->param_report = report;
  if (index == ESC_CHAIN_PARAM) {
    f->chain = id;
    l->param_index = ESC_CHAIN_PARAM;
    return id;
  }
  l->param_index = (uint16_t)index;
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
    p->deref_depth = (int16_t)(depth < 0 ? 0 : depth > 30000 ? 30000 : depth);
    p->deref_pos = pos;
  }
  p->carried |= carried;
}

void esc_loc_set_cookie(struct esc_func *f, esc_loc_id l, void *cookie)
{
  if (own_loc(f, l))
    esc_L(f->unit, l)->cookie = cookie;
}

void esc_flow(struct esc_func *f, esc_loc_id dst, esc_loc_id src, int derefs,
              enum esc_why why, esc_pos pos)
{
  if (own_loc(f, dst) && own_loc(f, src))
    esc_add_edge(f->unit, dst, src, derefs, why, pos);
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
  f->sink = loc_new(u, f, ESC_LOC_TEMP, "{sink}", pos, 0);
  f->heap = loc_new(u, f, ESC_LOC_HEAP, "{heap}", pos, 0);
  f->result = loc_new(u, f, ESC_LOC_RESULT, "~r0", pos, 0);
  f->freed = loc_new(u, f, ESC_LOC_TEMP, "{freed}", pos, 0);
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

/* ------------------------------------------------------------ calls */

static void arg_to_heap(struct esc_func *f, const struct esc_arg *a,
                        enum esc_why why, esc_pos pos)
{
  if (a->loc != ESC_NONE)
    esc_flow(f, f->heap, a->loc, 0, why, pos);
}

static enum esc_why unknown_why(const struct esc_pending_call *c,
                                const struct esc_arg *a)
{
  if (c->flags & ESC_CALL_INDIRECT)
    return ESC_WHY_INDIRECT;
  if (a->flags & ESC_ARG_OPAQUE)
    return ESC_WHY_INTERFACE;
  return ESC_WHY_UNKNOWN_CALL;
}

/* Code we know nothing about: Go's rule, every pointer escapes.  */
static void bind_unknown(struct esc_func *f, const struct esc_pending_call *c)
{
  for (unsigned i = 0; i < c->nargs; i++) {
    const struct esc_arg *a = &c->args[i];
    if (a->loc == ESC_NONE)
      continue;
    /* GCC's own knowledge of a builtin (its EAF flags).  */
    if ((a->flags & ESC_ARG_RETURNED) && c->result != ESC_NONE)
      esc_flow(f, c->result, a->loc, 0, ESC_WHY_CALL_RESULT, c->pos);
    if (a->flags & ESC_ARG_FREED)
      esc_flow(f, f->freed, a->loc, 0, ESC_WHY_ASSIGN, c->pos);
    if (a->flags & ESC_ARG_NOESCAPE)
      continue;
    if (a->flags & ESC_ARG_CONTENT_ONLY) {
      if (!(a->flags & ESC_ARG_FLAT))
        esc_flow(f, f->heap, a->loc, 1, unknown_why(c, a), c->pos);
      continue;
    }
    arg_to_heap(f, a, unknown_why(c, a), c->pos);
  }
  if (c->chain != ESC_NONE)
    esc_flow(f, f->heap, c->chain, 0, ESC_WHY_INDIRECT, c->pos);
}

/* A global that a callee stores its argument into; REASON is the reason
   of the warning ("stored in a global by 'keep'", "retained by
   'setvbuf'").  */
static esc_loc_id global_sink(struct esc_func *f, const char *callee,
                              const char *reason, esc_pos pos)
{
  struct esc_strbuf b = {0};
  esc_sb_printf(&b, reason, callee);
  esc_loc_id g = loc_new(f->unit, f, ESC_LOC_GLOBAL, callee, pos, 0);
  esc_L(f->unit, g)->reason = esc_intern(f->unit, b.s);
  esc_sb_free(&b);
  return g;
}

static void bind_tag(struct esc_func *f, const struct esc_pending_call *c,
                     const struct esc_arg *a, struct esc_tag tag,
                     uint8_t global, bool may_add_locs, const char *callee,
                     const char *reason)
{
  if (!a || a->loc == ESC_NONE)
    return;
  esc_loc_id arg = a->loc;
  const enum esc_why why = ESC_WHY_LEAK;
  /* Content of memory without pointers carries nothing (Go checks the
     element type the same way for copy).  */
  if (a->flags & ESC_ARG_FLAT) {
    if (tag.heap != ESC_NO_LEAK && tag.heap > 0)
      tag.heap = ESC_NO_LEAK;
    if (tag.result != ESC_NO_LEAK && tag.result > 0)
      tag.result = ESC_NO_LEAK;
    if (global != ESC_NO_LEAK && global > 0)
      global = ESC_NO_LEAK;
  }
  if (tag.heap != ESC_NO_LEAK)
    esc_flow(f, f->heap, arg, tag.heap, why, c->pos);
  if (tag.freed)
    esc_flow(f, f->heap, arg, 0, ESC_WHY_FREED, c->pos);
  if (a->flags & ESC_ARG_FREED)
    esc_flow(f, f->freed, arg, 0, ESC_WHY_ASSIGN, c->pos);
  if (global != ESC_NO_LEAK) {
    esc_loc_id g = c->global;
    if (g == ESC_NONE && may_add_locs)
      g = global_sink(f, callee, reason, c->pos);
    esc_flow(f, g != ESC_NONE ? g : f->heap, arg, global,
             tag.fuzzy ? ESC_WHY_FIELD : why, c->pos);
  }
  if (tag.result != ESC_NO_LEAK && c->result != ESC_NONE)
    esc_flow(f, c->result, arg, tag.result,
             tag.fuzzy ? ESC_WHY_FIELD : ESC_WHY_CALL_RESULT, c->pos);
}

static void bind_summary(struct esc_func *f, const struct esc_pending_call *c,
                         const struct esc_summary *s, bool may_add_locs)
{
  static const struct esc_tag none = ESC_TAG_NONE;
  for (unsigned i = 0; i < c->nargs; i++) {
    if (i >= s->nparams) {     /* variadic: read back with va_arg */
      arg_to_heap(f, &c->args[i], ESC_WHY_UNKNOWN_CALL, c->pos);
      continue;
    }
    bind_tag(f, c, &c->args[i], s->tags[i], s->tags[i].global, may_add_locs,
             s->name, "stored in a global by '%s'");
  }
  const struct esc_arg chain = {c->chain, 0, 0, NULL};
  bind_tag(f, c, &chain, c->chain != ESC_NONE ? s->tags[s->nparams] : none,
           c->chain != ESC_NONE ? s->tags[s->nparams].global : ESC_NO_LEAK,
           may_add_locs, s->name, "stored in a global by '%s'");
}

static void bind_model(struct esc_func *f, const struct esc_pending_call *c,
                       const struct esc_model *m)
{
  for (unsigned i = 0; i < c->nargs; i++) {
    struct esc_tag t = esc_model_tag(m, i);
    if (m->kind == ESC_MODEL_FREE && i == 0)
      esc_flow(f, f->freed, c->args[i].loc, 0, ESC_WHY_ASSIGN, c->pos);
    bind_tag(f, c, &c->args[i], t, t.global, true, m->name,
             "retained by '%s'");
  }
}

/* Arguments flow straight into a callee solved in the same batch.  */
static void bind_direct(struct esc_func *f, const struct esc_pending_call *c,
                        struct esc_func *callee)
{
  struct esc_unit *u = f->unit;
  for (unsigned i = 0; i < c->nargs; i++) {
    esc_loc_id a = c->args[i].loc;
    if (a == ESC_NONE)
      continue;
    if (i < callee->nparams && callee->params[i] != ESC_NONE)
      esc_add_edge(u, callee->params[i], a, 0, ESC_WHY_ARG, c->pos);
    else if (i >= callee->nparams)
      arg_to_heap(f, &c->args[i], ESC_WHY_UNKNOWN_CALL, c->pos);
  }
  if (c->chain != ESC_NONE && callee->chain != ESC_NONE)
    esc_add_edge(u, callee->chain, c->chain, 0, ESC_WHY_ARG, c->pos);
  if (c->result != ESC_NONE)
    esc_add_edge(u, c->result, callee->result, 0, ESC_WHY_CALL_RESULT, c->pos);
}

static const char *alloc_text(struct esc_unit *u, const struct esc_call *c)
{
  struct esc_strbuf b = {0};
  esc_sb_printf(&b, "%s(", c->callee);
  for (unsigned i = 0; i < c->nargs; i++) {
    if (i)
      esc_sb_puts(&b, ", ");
    if (c->args[i].flags & ESC_ARG_CONSTANT)
      esc_sb_printf(&b, "%lld", c->args[i].cst);
    else
      esc_sb_puts(&b, c->args[i].text ? c->args[i].text : "...");
  }
  esc_sb_putc(&b, ')');
  const char *s = esc_intern(u, b.s);
  esc_sb_free(&b);
  return s;
}

/* The constant size of an allocation, or -1.  */
static long long alloc_size(const struct esc_call *c, int i0, int i1)
{
  long long size = 1;
  int idx[2] = {i0, i1};
  if (i0 < 0)
    return -1;
  for (int k = 0; k < 2; k++) {
    if (idx[k] < 0)
      continue;
    if ((unsigned)idx[k] >= c->nargs || !(c->args[idx[k]].flags & ESC_ARG_CONSTANT))
      return -1;
    long long v = c->args[idx[k]].cst;
    if (v < 0)
      return -1;
    if (v && size > (1LL << 62) / v)
      return 1LL << 62;
    size *= v;
  }
  return size;
}

static esc_loc_id new_allocation(struct esc_func *f, const struct esc_call *c,
                                 int size0, int size1, int align)
{
  struct esc_unit *u = f->unit;
  esc_loc_id a = loc_new(u, f, ESC_LOC_ALLOC, alloc_text(u, c), c->pos,
                         c->loop_depth);
  struct esc_loc *l = esc_L(u, a);
  l->flags |= LF_REPORTED;
  l->alloc_size = alloc_size(c, size0, size1);
  u->stats.allocations++;
  if (l->alloc_size < 0)
    esc_loc_force_escape(f, a, "non-constant size");
  else if (l->alloc_size > u->cfg.max_stack)
    esc_loc_force_escape(f, a, "too large for stack");
  else if (align >= 0 && (unsigned)align < c->nargs &&
           (!(c->args[align].flags & ESC_ARG_CONSTANT) ||
            c->args[align].cst > 16))
    esc_loc_force_escape(f, a, "too aligned for stack");
  if (c->result != ESC_NONE)
    esc_flow(f, c->result, a, -1, ESC_WHY_ALLOC, c->pos);
  return a;
}

/* The model of NAME: the project's own allocators and deallocators
   (alloc=, free=) first, then the C library.  */
static const struct esc_model *unit_model(const struct esc_unit *u,
                                          const char *name)
{
  static const struct esc_model user_alloc = {"alloc=", ESC_MODEL_ALLOC, 0, -1, -1, "-"};
  static const struct esc_model user_free = {"free=", ESC_MODEL_FREE, -1, -1, -1, "-"};
  if (u->cfg.allocators && esc_list_match(u->cfg.allocators, name, false))
    return &user_alloc;
  if (u->cfg.deallocators && esc_list_match(u->cfg.deallocators, name, false))
    return &user_free;
  return esc_model_lookup(name);
}

bool esc_unit_is_deallocator(const struct esc_unit *u, const char *name)
{
  const struct esc_model *m = name ? unit_model(u, name) : NULL;
  return m && m->kind == ESC_MODEL_FREE;
}

void esc_alloc_set_freed(struct esc_func *f, esc_loc_id l, enum esc_freed freed)
{
  if (own_loc(f, l) && esc_L(f->unit, l)->kind == ESC_LOC_ALLOC)
    esc_L(f->unit, l)->freed = (uint8_t)freed;
}

esc_loc_id esc_call(struct esc_func *f, const struct esc_call *c)
{
  struct esc_unit *u = f->unit;
  struct esc_pending_call pc = {
    .callee = c->callee ? esc_intern(u, c->callee) : NULL,
    .callee_key = c->callee_key, .flags = c->flags, .nparams = c->nparams,
    .result = c->result, .chain = c->chain, .global = ESC_NONE,
    .nargs = c->nargs,
    .args = (struct esc_arg *)c->args, .pos = c->pos,
  };
  const struct esc_model *m = NULL;

  if (c->callee && !(c->flags & ESC_CALL_INDIRECT)) {
    m = unit_model(u, c->callee);
    /* A body of its own beats the library model; a name given with
       alloc= or free= beats the body.  */
    if (m && (c->flags & ESC_CALL_HAS_BODY) && m->name[strlen(m->name) - 1] != '=')
      m = NULL;
  }

  if (m && m->kind != ESC_MODEL_PLAIN) {
    bind_model(f, &pc, m);
    if (m->kind == ESC_MODEL_ALLOC || m->kind == ESC_MODEL_REALLOC)
      return new_allocation(f, c, m->size0, m->size1, m->align);
    if (m->kind == ESC_MODEL_ALLOC_OUT) {
      struct esc_call out = *c;     /* the value returned is a status */
      out.result = ESC_NONE;
      return new_allocation(f, &out, m->size0, m->size1, m->align);
    }
    return ESC_NONE;
  }
  if (!m && (c->flags & ESC_CALL_MALLOC_ATTR) && c->callee &&
      !(c->flags & ESC_CALL_HAS_BODY)) {
    bind_unknown(f, &pc);
    return new_allocation(f, c, c->size_arg[0], c->size_arg[1], -1);
  }
  if (c->flags & ESC_CALL_HAS_BODY) {
    const struct esc_summary *s = esc_summary_find(u, c->callee_key);
    if (s && s->tags) {
      bind_summary(f, &pc, s, true);
      return ESC_NONE;
    }
    /* Not solved yet: the callee is in a recursive cycle with us or
       comes later; keep the call until then.  */
    ESC_ARRAY_GROW(f->calls, f->ncalls, f->calls_cap);
    pc.global = global_sink(f, pc.callee ? pc.callee : "?",
                            "stored in a global by '%s'", c->pos);
    pc.args = esc_xrealloc(NULL, (c->nargs ? c->nargs : 1) * sizeof *pc.args);
    for (unsigned i = 0; i < c->nargs; i++) {
      pc.args[i] = c->args[i];
      pc.args[i].text = NULL;
    }
    f->calls[f->ncalls++] = pc;
    return ESC_NONE;
  }
  if (m)
    bind_model(f, &pc, m);
  else
    bind_unknown(f, &pc);
  return ESC_NONE;
}

esc_loc_id esc_closure_new(struct esc_func *f, const char *name, esc_pos pos,
                           esc_loc_id frame, void *cookie, int loop_depth)
{
  struct esc_unit *u = f->unit;
  /* The value of the adjusted trampoline points at the trampoline, which
     points at the frame with every captured variable: Go's closure and
     its captured variables.  The value also points at the frame directly,
     so that a frame whose closure is surely kept is a certain escape.  */
  esc_loc_id value = loc_new(u, f, ESC_LOC_TEMP, name, pos, loop_depth);
  esc_loc_id tramp = loc_new(u, f, ESC_LOC_CLOSURE, name, pos, loop_depth);
  esc_L(u, tramp)->cookie = cookie;
  esc_L(u, tramp)->flags |= LF_REPORTED;
  esc_flow(f, value, tramp, -1, ESC_WHY_ADDR, pos);
  esc_flow(f, value, frame, -1, ESC_WHY_CLOSURE, pos);
  esc_flow(f, tramp, frame, -1, ESC_WHY_CLOSURE, pos);
  return value;
}

/* ------------------------------------------------------------ verdicts */

void esc_emit_verdict(struct esc_unit *u, const struct esc_verdict *v)
{
  ESC_ARRAY_GROW(u->verdicts, u->nverdicts, u->verdicts_cap);
  struct esc_verdict *d = &u->verdicts[u->nverdicts++];
  *d = *v;
  d->seq = u->seq++;
}

static const char *warn_reason(struct esc_unit *u, const struct esc_loc *l)
{
  struct esc_strbuf b = {0};
  const struct esc_loc *r = l->def_root != ESC_NONE ? esc_L(u, l->def_root) : NULL;
  if (l->def_closure && l->def_context)
    esc_sb_printf(&b, "captured by closure '%s'%s%s", l->def_closure,
                  r && r->reason ? ", " : "", r && r->reason ? r->reason : "");
  else if (l->def_closure)
    esc_sb_printf(&b, "captured by escaping nested function '%s'", l->def_closure);
  else if (!r)
    esc_sb_puts(&b, "outlives its frame");
  else if (r->kind == ESC_LOC_RESULT)
    esc_sb_printf(&b, "returned from '%s'", u->funcs[r->func]->name);
  else if (l->def_why == ESC_WHY_LEAK && r->reason)
    esc_sb_puts(&b, r->reason);
  else if (l->def_why == ESC_WHY_GLOBAL_MEM)
    esc_sb_printf(&b, "stored in memory reachable from global '%s'", r->name);
  else
    esc_sb_printf(&b, "stored in global '%s'", r->name);
  const char *s = esc_intern(u, b.s);
  esc_sb_free(&b);
  return s;
}

static void func_verdicts(struct esc_unit *u, struct esc_func *f)
{
  const int m = u->cfg.m;
  for (esc_loc_id id = f->first; id < f->end; id++) {
    struct esc_loc *l = esc_L(u, id);
    struct esc_verdict v = {.pos = l->pos, .decl_pos = l->pos,
                            .fn_pos = f->pos, .name = l->name,
                            .function = f->name, .cookie = l->cookie,
                            .fn_cookie = f->cookie};
    bool escapes = l->flags & LF_ESCAPES;
    switch (l->kind) {
    case ESC_LOC_VAR:
    case ESC_LOC_PARAM:
      if (escapes && (l->flags & LF_REPORTED)) {
        if (m) {
          v.kind = ESC_V_MOVED_TO_HEAP;
          v.reason = l->reason;
          v.steps = l->path;
          v.nsteps = l->npath;
          l->path = NULL;
          esc_emit_verdict(u, &v);
        }
        if ((l->flags & LF_DEFINITE) || l->loop_read_pos) {
          v.kind = ESC_V_WARN_ADDR;
          v.pos = l->def_pos ? l->def_pos : l->loop_read_pos ? l->loop_read_pos : l->pos;
          v.reason = (l->flags & LF_DEFINITE) ? warn_reason(u, l)
                     : esc_intern(u, "read after its loop iteration ended");
          v.steps = NULL;
          v.nsteps = 0;
          u->stats.warnings++;
          esc_emit_verdict(u, &v);
        }
      }
      if (l->kind == ESC_LOC_PARAM && l->param_report && !escapes && m) {
        struct esc_tag t = l->leak;
        if (t.heap != ESC_NO_LEAK && t.result >= t.heap)
          t.result = ESC_NO_LEAK;   /* Go's leaks.Optimize */
        if (t.heap == ESC_NO_LEAK && t.result == ESC_NO_LEAK) {
          v.kind = ESC_V_PARAM_NOESCAPE;
          esc_emit_verdict(u, &v);
        }
        if (t.heap != ESC_NO_LEAK) {
          v.kind = t.heap == 0 ? ESC_V_PARAM_LEAK : ESC_V_PARAM_CONTENT;
          v.level = t.heap;
          v.steps = l->leak_path[0];
          v.nsteps = l->leak_npath[0];
          l->leak_path[0] = NULL;
          esc_emit_verdict(u, &v);
        }
        if (t.result != ESC_NO_LEAK) {
          v.kind = ESC_V_PARAM_RESULT;
          v.level = t.result;
          v.steps = l->leak_path[1];
          v.nsteps = l->leak_npath[1];
          l->leak_path[1] = NULL;
          esc_emit_verdict(u, &v);
        }
      }
      break;
    case ESC_LOC_ALLOC:
      if (escapes) {
        u->stats.escaping++;
        if (m) {
          v.kind = ESC_V_ALLOC_ESCAPES;
          v.reason = l->reason;
          if (l->flags & LF_FORCED) {
            v.steps = NULL;       /* the reason says it all */
            v.nsteps = 0;
          } else {
            v.steps = l->path;
            v.nsteps = l->npath;
            l->path = NULL;
          }
          esc_emit_verdict(u, &v);
        }
      } else {
        u->stats.candidates++;
        v.kind = ESC_V_CANDIDATE;
        v.level = (int)(l->alloc_size > 0x7fffffff ? 0x7fffffff : l->alloc_size);
        v.freed = (enum esc_freed)l->freed;
        esc_emit_verdict(u, &v);
      }
      break;
    case ESC_LOC_CLOSURE:
      if (m) {
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

/* Go's parameter tags of F, for calls in functions solved later.  */
static void func_summary(struct esc_unit *u, struct esc_func *f)
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
  for (unsigned i = 0; i <= f->nparams; i++) {
    esc_loc_id p = i < f->nparams ? f->params[i] : f->chain;
    if (p == ESC_NONE) {
      s->tags[i] = (struct esc_tag)ESC_TAG_NONE;
      continue;
    }
    struct esc_loc *l = esc_L(u, p);
    s->tags[i] = l->leak;
    s->tags[i].global = l->leak_global;
    s->tags[i].freed = l->param_freed;
    /* A leak found only through field reads is not certain at callers.  */
    uint8_t least = l->leak_global < l->leak.result ? l->leak_global : l->leak.result;
    s->tags[i].fuzzy = least != ESC_NO_LEAK && l->precise_level > least;
    if (l->flags & LF_ESCAPES)   /* its storage moved: what it holds leaks */
      s->tags[i].heap = 0;
  }
}

/* ------------------------------------------------------------ batches */

static struct esc_func *unsolved_callee(struct esc_unit *u,
                                        const struct esc_pending_call *c)
{
  const struct esc_summary *s = esc_summary_find(u, c->callee_key);
  if (!s || s->tags || s->func < 0)
    return NULL;
  return u->funcs[s->func];
}

static void solve(struct esc_unit *u, struct esc_func **fns, unsigned n)
{
  /* Bind the calls: into the batch directly, else by summary.  */
  for (unsigned k = 0; k < n; k++) {
    struct esc_func *f = fns[k];
    for (unsigned i = 0; i < f->ncalls; i++) {
      const struct esc_pending_call *c = &f->calls[i];
      struct esc_func *callee = unsolved_callee(u, c);
      const struct esc_summary *s = esc_summary_find(u, c->callee_key);
      if (callee && callee->state != FS_DONE) {
        bool in_batch = false;
        for (unsigned j = 0; j < n; j++)
          in_batch |= fns[j] == callee;
        if (in_batch)
          bind_direct(f, c, callee);
        else
          bind_unknown(f, c);
      } else if (s && s->tags) {
        bind_summary(f, c, s, false);
      } else {
        bind_unknown(f, c);
      }
    }
  }

  esc_solve_batch(u, fns, n);

  for (unsigned k = 0; k < n; k++)
    func_summary(u, fns[k]);
  for (unsigned k = 0; k < n; k++) {
    func_verdicts(u, fns[k]);
    fns[k]->state = FS_DONE;
  }
  for (unsigned k = 0; k < n; k++) {
    struct esc_func *f = fns[k];
    for (esc_loc_id id = f->first; id < f->end; id++)
      free_loc_data(esc_L(u, id));
    u->funcs[f->index] = NULL;
    free_func(f);
  }

  /* Give the memory of the solved tail back.  */
  esc_loc_id keep = 0;
  for (uint32_t i = 0; i < u->nwaiting; i++) {
    struct esc_func *w = u->funcs[u->waiting[i]];
    if (w && w->state != FS_DONE && w->end > keep)
      keep = w->end;
  }
  if ((uint32_t)keep < u->nlocs)
    u->nlocs = (uint32_t)keep;
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
    struct esc_func *g = unsolved_callee(u, &f->calls[i]);
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
    solve(u, t.closed + at, t.sizes[i]);
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
  ESC_ARRAY_GROW(u->waiting, u->nwaiting, u->waiting_cap);
  u->waiting[u->nwaiting++] = f->index;
  if (f->ncalls == 0)
    solve(u, &f, 1);            /* the common case: nothing to wait for */
  else
    solve_closed(u, f, false);
  /* Functions read before a callee of theirs may be solvable now.  */
  while (u->recheck) {
    u->recheck = false;
    solve_closed(u, NULL, false);
  }
  compact_waiting(u);
}

void esc_func_abandon(struct esc_func *f)
{
  struct esc_unit *u = f->unit;
  struct esc_summary *s = f->key ? esc_summary_add(u, f->key) : NULL;
  if (s && !s->tags)
    s->func = -1;         /* calls to it: unknown code */
  for (esc_loc_id id = f->first; id < (esc_loc_id)u->nlocs; id++)
    free_loc_data(esc_L(u, id));
  u->nlocs = (uint32_t)f->first;
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
