/* call.c - calls: an argument's flow from the callee's summary (Go's
   parameter tags), from the library model (model.c), straight into the
   callee's parameters inside a recursive batch, or by Go's rule for
   unknown code; allocation calls make ALLOC locations.  */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"


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
  esc_loc_id g = esc_loc_make(f->unit, f, ESC_LOC_GLOBAL, callee, pos, 0);
  esc_L(f->unit, g)->reason = esc_intern(f->unit, b.s);
  esc_sb_free(&b);
  return g;
}

/* The callee's global sink G keeps the argument in global GLOBAL: say
   which ("stored in global 'g_ctx' by 'ctx_init'").  */
static void name_global(struct esc_func *f, esc_loc_id g, const char *callee,
                        const char *global)
{
  struct esc_loc *l = esc_L(f->unit, g);
  if (!l->reason || l->global_name == global)
    return;                     /* a C global of this unit, or named */
  struct esc_strbuf b = {0};
  esc_sb_printf(&b, "stored in global '%s' by '%s'", global, callee);
  l->reason = esc_intern(f->unit, b.s);
  l->global_name = global;
  esc_sb_free(&b);
}

/* Argument A's flows under TAG, the tag of the parameter it is passed to:
   Go's call binding (argument to heap, result or a global at the tag's
   levels).  A global store goes into C's global location, else into a
   new one when MAY_ADD_LOCS, named after CALLEE with REASON.  */
static void bind_tag(struct esc_func *f, const struct esc_pending_call *c,
                     const struct esc_arg *a, struct esc_tag tag,
                     bool may_add_locs, const char *callee, const char *reason,
                     const char *global)
{
  if (!a || a->loc == ESC_NONE)
    return;
  esc_loc_id arg = a->loc;
  const enum esc_why why = ESC_WHY_LEAK;
  if (tag.heap != ESC_NO_LEAK)
    esc_flow(f, f->heap, arg, tag.heap, why, c->pos);
  if (tag.freed)
    esc_flow(f, f->heap, arg, 0, ESC_WHY_FREED, c->pos);
  if (a->flags & ESC_ARG_FREED)
    esc_flow(f, f->freed, arg, 0, ESC_WHY_ASSIGN, c->pos);
  if (tag.global != ESC_NO_LEAK) {
    esc_loc_id g = c->global;
    if (g == ESC_NONE && may_add_locs)
      g = global_sink(f, callee, reason, c->pos);
    if (g != ESC_NONE && global)
      name_global(f, g, callee, global);
    esc_flow(f, g != ESC_NONE ? g : f->heap, arg, tag.global,
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
    bind_tag(f, c, &c->args[i], s->tags[i], may_add_locs, s->name,
             "stored in a global by '%s'", s->globals ? s->globals[i] : NULL);
  }
  const struct esc_arg chain = {c->chain, 0, 0, NULL};
  bind_tag(f, c, &chain, c->chain != ESC_NONE ? s->tags[s->nparams] : none,
           may_add_locs, s->name, "stored in a global by '%s'",
           c->chain != ESC_NONE && s->globals ? s->globals[s->nparams] : NULL);
}

static void bind_model(struct esc_func *f, const struct esc_pending_call *c,
                       const struct esc_model *m)
{
  for (unsigned i = 0; i < c->nargs; i++) {
    struct esc_tag t = esc_model_tag(m, i);
    if (m->kind == ESC_MODEL_FREE && i == 0)
      esc_flow(f, f->freed, c->args[i].loc, 0, ESC_WHY_ASSIGN, c->pos);
    bind_tag(f, c, &c->args[i], t, true, m->name, "retained by '%s'", NULL);
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
  esc_loc_id a = esc_loc_make(u, f, ESC_LOC_ALLOC, alloc_text(u, c), c->pos,
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
   (alloc=, free=) first, then the C library.  *USER tells which.  */
static const struct esc_model *unit_model(const struct esc_unit *u,
                                          const char *name, bool *user)
{
  static const struct esc_model user_alloc = {"alloc=", ESC_MODEL_ALLOC, 0, -1, -1, "-"};
  static const struct esc_model user_free = {"free=", ESC_MODEL_FREE, -1, -1, -1, "-"};
  *user = true;
  if (u->cfg.allocators && esc_list_match(u->cfg.allocators, name, false))
    return &user_alloc;
  if (u->cfg.deallocators && esc_list_match(u->cfg.deallocators, name, false))
    return &user_free;
  *user = false;
  return esc_model_lookup(name);
}

bool esc_unit_is_deallocator(const struct esc_unit *u, const char *name)
{
  bool user;
  const struct esc_model *m = name ? unit_model(u, name, &user) : NULL;
  return m && m->kind == ESC_MODEL_FREE;
}

/* A call to a function of this unit not solved yet: the callee is in a
   recursive cycle with F or comes later; keep the call until its batch
   (esc_bind_pending_calls).  */
static void defer_call(struct esc_func *f, struct esc_pending_call pc,
                       const struct esc_call *c)
{
  ESC_ARRAY_GROW(f->calls, f->ncalls, f->calls_cap);
  pc.global = global_sink(f, pc.callee ? pc.callee : "?",
                          "stored in a global by '%s'", c->pos);
  pc.args = esc_xrealloc(NULL, (c->nargs ? c->nargs : 1) * sizeof *pc.args);
  for (unsigned i = 0; i < c->nargs; i++) {
    pc.args[i] = c->args[i];
    pc.args[i].text = NULL;
  }
  f->calls[f->ncalls++] = pc;
}

/* A call to library model M (not PLAIN): its tags, and the new object
   of an allocator.  */
static esc_loc_id call_model(struct esc_func *f, const struct esc_pending_call *pc,
                             const struct esc_call *c, const struct esc_model *m)
{
  bind_model(f, pc, m);
  if (m->kind == ESC_MODEL_ALLOC || m->kind == ESC_MODEL_REALLOC)
    return new_allocation(f, c, m->size0, m->size1, m->align);
  if (m->kind == ESC_MODEL_ALLOC_OUT) {
    struct esc_call out = *c;     /* the value returned is a status */
    out.result = ESC_NONE;
    return new_allocation(f, &out, m->size0, m->size1, m->align);
  }
  return ESC_NONE;
}

static uint32_t pos_slot(esc_pos pos, uint32_t cap)
{
  return (uint32_t)(pos * 2654435761u) & (cap - 1);
}

const char *esc_callee_at(const struct esc_unit *u, esc_pos pos)
{
  if (!u->callees_cap || !pos)
    return NULL;
  for (uint32_t j = pos_slot(pos, u->callees_cap);; j = (j + 1) & (u->callees_cap - 1)) {
    if (u->callees[j].pos == pos)
      return u->callees[j].name;
    if (!u->callees[j].pos)
      return NULL;
  }
}

void esc_note_callee(struct esc_unit *u, esc_pos pos, const char *name)
{
  if (!pos || !name)
    return;
  if (2 * (u->ncallees + 1) > u->callees_cap) {
    uint32_t cap = u->callees_cap ? 2 * u->callees_cap : 64;
    struct esc_callee_at *t = esc_xcalloc(cap, sizeof *t);
    for (uint32_t i = 0; i < u->callees_cap; i++)
      if (u->callees[i].pos) {
        uint32_t j = pos_slot(u->callees[i].pos, cap);
        while (t[j].pos)
          j = (j + 1) & (cap - 1);
        t[j] = u->callees[i];
      }
    free(u->callees);
    u->callees = t;
    u->callees_cap = cap;
  }
  uint32_t j = pos_slot(pos, u->callees_cap);
  while (u->callees[j].pos && u->callees[j].pos != pos)
    j = (j + 1) & (u->callees_cap - 1);
  if (!u->callees[j].pos)
    u->ncallees++;
  u->callees[j] = (struct esc_callee_at){pos, name};  /* the last call there */
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
  const bool has_body = c->flags & ESC_CALL_HAS_BODY;
  if ((u->cfg.m >= 2 || u->cfg.sarif) && !(c->flags & ESC_CALL_INDIRECT))
    esc_note_callee(u, c->pos, pc.callee);

  if (c->callee && !(c->flags & ESC_CALL_INDIRECT)) {
    bool user;
    m = unit_model(u, c->callee, &user);
    /* A body of its own beats the library model; a name given with
       alloc= or free= beats the body.  */
    if (m && has_body && !user)
      m = NULL;
  }

  if (m && m->kind != ESC_MODEL_PLAIN)
    return call_model(f, &pc, c, m);
  if (!m && (c->flags & ESC_CALL_MALLOC_ATTR) && c->callee && !has_body) {
    bind_unknown(f, &pc);
    return new_allocation(f, c, c->size_arg[0], c->size_arg[1], -1);
  }
  if (has_body) {
    const struct esc_summary *s = esc_summary_find(u, c->callee_key);
    if (s && s->tags)
      bind_summary(f, &pc, s, true);
    else
      defer_call(f, pc, c);
    return ESC_NONE;
  }
  if (m)
    bind_model(f, &pc, m);
  else
    bind_unknown(f, &pc);
  return ESC_NONE;
}

/* ------------------------------------------------------------ batches */

/* The function of this unit that call C waits for, while it is not
   solved, or NULL.  */
struct esc_func *esc_unsolved_callee(struct esc_unit *u,
                                     const struct esc_pending_call *c)
{
  const struct esc_summary *s = esc_summary_find(u, c->callee_key);
  if (!s || s->tags || s->func < 0)
    return NULL;
  return u->funcs[s->func];
}

static bool in_batch(struct esc_func **fns, unsigned n, const struct esc_func *f)
{
  for (unsigned j = 0; j < n; j++)
    if (fns[j] == f)
      return true;
  return false;
}

/* Bind the calls kept until the batch FNS: into the batch directly (Go's
   rule for a recursive cycle), else by summary, else as unknown code
   (a callee never read, or left unsolved).  */
void esc_bind_pending_calls(struct esc_unit *u, struct esc_func **fns,
                            unsigned n)
{
  for (unsigned k = 0; k < n; k++) {
    struct esc_func *f = fns[k];
    for (unsigned i = 0; i < f->ncalls; i++) {
      const struct esc_pending_call *c = &f->calls[i];
      struct esc_func *callee = esc_unsolved_callee(u, c);
      const struct esc_summary *s = esc_summary_find(u, c->callee_key);
      if (callee && callee->state != FS_DONE && in_batch(fns, n, callee))
        bind_direct(f, c, callee);
      else if (callee && callee->state != FS_DONE)
        bind_unknown(f, c);
      else if (s && s->tags)
        bind_summary(f, c, s, false);
      else
        bind_unknown(f, c);
    }
  }
}
