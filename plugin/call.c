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

/* The reason of what the C library keeps (atexit, setvbuf): no store
   of the caller's can undo it.  */
static const char retained_reason[] = "retained by '%s'";

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
    /* A callee's own global (not the library's retention) may be stored
       again before the caller returns: then no certain escape.  */
    if (c->flags & ESC_CALL_GLOBALS_RESTORED && reason != retained_reason)
      esc_flow_transient(f, g != ESC_NONE ? g : f->heap, arg, tag.global,
                         tag.fuzzy ? ESC_WHY_FIELD : why, c->pos);
    else
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
    bind_tag(f, c, &c->args[i], t, true, m->name, retained_reason, NULL);
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

/* The constant size of an allocation, or -1: (arg[I0] (* arg[I1])) *
   MUL + ADD.  */
static long long alloc_size(const struct esc_call *c, int i0, int i1,
                            long long mul, long long add, long long min)
{
  long long size = 1;
  int idx[2] = {i0, i1};
  if (i0 == -2)                 /* a wrapper of a constant size */
    return add;
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
  if (mul > 1 && size > (1LL << 62) / mul)
    return 1LL << 62;
  size = size * (mul > 0 ? mul : 1) + add;
  if (size >= 0 && size < min)
    size = min;
  return size < 0 ? -1 : size;
}

/* Why the size of an allocation is not known, when it is not for want
   of a constant: a size argument that is no integer (a pointer) or
   missing (an alloc= function whose size is not where alloc= says).  */
static const char *unknown_size(struct esc_unit *u, const struct esc_call *c,
                                int i0, int i1)
{
  int idx[2] = {i0, i1};
  for (int k = 0; k < 2; k++) {
    if (idx[k] < 0)
      continue;
    if ((unsigned)idx[k] >= c->nargs ||
        !(c->args[idx[k]].flags & (ESC_ARG_INTEGER | ESC_ARG_CONSTANT))) {
      struct esc_strbuf b = {0};
      esc_sb_printf(&b, "size argument %d %s: name the size with alloc=%s:sizeN",
                    idx[k] + 1,
                    (unsigned)idx[k] >= c->nargs ? "is missing" : "is a pointer",
                    c->callee ? c->callee : "F");
      const char *s = esc_intern(u, b.s);
      esc_sb_free(&b);
      return s;
    }
  }
  return NULL;
}

/* The object allocator SP makes at call C.  VARIABLE_OK: a size known
   only at run time is Go 1.25's variable-size case (var-buffer=), not a
   reason to escape.  */
static esc_loc_id new_allocation(struct esc_func *f, const struct esc_call *c,
                                 const struct esc_spec *sp, int align,
                                 bool variable_ok)
{
  struct esc_unit *u = f->unit;
  esc_loc_id a = esc_loc_make(u, f, ESC_LOC_ALLOC, alloc_text(u, c), c->pos,
                         c->loop_depth);
  struct esc_loc *l = esc_L(u, a);
  l->flags |= LF_REPORTED;
  l->alloc_size = alloc_size(c, sp->size0, sp->size1, sp->mul, sp->add, sp->min);
  u->stats.allocations++;
  const char *odd = l->alloc_size < 0 ? unknown_size(u, c, sp->size0, sp->size1) : NULL;
  if (odd)
    esc_loc_force_escape(f, a, odd);
  else if (l->alloc_size < 0 && (!variable_ok || sp->size0 < 0 ||
                                 u->cfg.var_buffer <= 0 ||
                                 u->cfg.var_buffer > u->cfg.max_stack))
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

static void spec_of_model(const struct esc_model *m, struct esc_spec *sp)
{
  sp->name = m->name;
  sp->kind = m->kind == ESC_MODEL_FREE ? ESC_SPEC_FREE
             : m->kind == ESC_MODEL_REALLOC ? ESC_SPEC_REALLOC : ESC_SPEC_ALLOC;
  sp->size0 = m->size0;
  sp->size1 = m->size1;
  sp->ptr = m->kind == ESC_MODEL_FREE || m->kind == ESC_MODEL_REALLOC ? 0 : -1;
  sp->mul = 1;
  sp->add = 0;
  sp->min = 0;
}

/* The project's own allocators, reallocators and deallocators: named by
   alloc=, realloc=, free=, or found by themselves (wrappers), by NAME or
   by KEY.  */
bool esc_unit_spec(const struct esc_unit *u, const char *name, uint32_t key,
                   struct esc_spec *out)
{
  if (name && esc_config_spec(&u->cfg, name, out))
    return true;
  if (key)
    for (unsigned i = 0; i < u->nwrappers; i++)
      if (u->wrappers[i].key == key) {
        *out = u->wrappers[i].spec;
        return true;
      }
  return false;
}

void esc_unit_add_wrapper(struct esc_unit *u, uint32_t key,
                          const struct esc_spec *spec)
{
  if (!key)
    return;
  ESC_ARRAY_GROW(u->wrappers, u->nwrappers, u->wrappers_cap);
  u->wrappers[u->nwrappers].key = key;
  u->wrappers[u->nwrappers].spec = *spec;
  u->wrappers[u->nwrappers].spec.name = esc_intern(u, spec->name);
  u->nwrappers++;
}

bool esc_unit_is_deallocator(const struct esc_unit *u, const char *name)
{
  struct esc_spec sp;
  if (!name)
    return false;
  if (esc_unit_spec(u, name, 0, &sp))
    return sp.kind == ESC_SPEC_FREE;
  const struct esc_model *m = esc_model_lookup(name);
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

/* A call to an allocator, reallocator or deallocator described by SP
   (the library's model M, or the project's own when M is NULL): the
   pointer it frees or takes over, and the new object of an allocator.  */
static esc_loc_id call_spec(struct esc_func *f, const struct esc_pending_call *pc,
                            const struct esc_call *c, const struct esc_spec *sp,
                            const struct esc_model *m)
{
  if (m) {
    bind_model(f, pc, m);
  } else {
    for (unsigned i = 0; i < c->nargs; i++) {
      const struct esc_arg *a = &c->args[i];
      if (a->loc == ESC_NONE || (int)i != sp->ptr)
        continue;
      if (sp->kind == ESC_SPEC_FREE)
        esc_flow(f, f->freed, a->loc, 0, ESC_WHY_ASSIGN, c->pos);
      else      /* realloc's old block: kept or freed, not on the stack */
        esc_flow(f, f->heap, a->loc, 0, ESC_WHY_LEAK, c->pos);
    }
  }
  if (sp->kind == ESC_SPEC_FREE)
    return ESC_NONE;
  if (m && m->kind == ESC_MODEL_ALLOC_OUT) {
    struct esc_call out = *c;     /* the value returned is a status */
    out.result = ESC_NONE;
    return new_allocation(f, &out, sp, m->align, false);
  }
  return new_allocation(f, c, sp, m ? m->align : -1,
                        sp->kind == ESC_SPEC_ALLOC);
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
  struct esc_spec sp;

  if (c->callee && !(c->flags & ESC_CALL_INDIRECT)) {
    /* A name given with alloc=, realloc= or free= (or a wrapper found
       by itself) beats the body; a body of its own beats the library
       model.  */
    if (esc_unit_spec(u, c->callee, c->callee_key, &sp))
      return call_spec(f, &pc, c, &sp, NULL);
    m = has_body ? NULL : esc_model_lookup(c->callee);
    /* Another file's summary (summaries=) of a function without a body
       here and outside the library model.  */
    const struct esc_foreign *fs =
      !has_body && !m ? esc_foreign_find(u, c->callee, c->decl_hash) : NULL;
    if (fs && fs->has_spec) {
      f->foreign = f->foreign ? f->foreign : fs->name;
      return call_spec(f, &pc, c, &fs->spec, NULL);
    }
    if (fs) {
      struct esc_summary s = {.key = 0, .func = -1, .name = fs->name,
                              .nparams = fs->nparams, .tags = fs->tags};
      f->foreign = f->foreign ? f->foreign : fs->name;
      bind_summary(f, &pc, &s, true);
      return ESC_NONE;
    }
  }

  if (m && m->kind != ESC_MODEL_PLAIN) {
    spec_of_model(m, &sp);
    return call_spec(f, &pc, c, &sp, m);
  }
  if (!m && (c->flags & ESC_CALL_MALLOC_ATTR) && c->callee && !has_body) {
    bind_unknown(f, &pc);
    struct esc_spec attr = {c->callee, ESC_SPEC_ALLOC, c->size_arg[0],
                            c->size_arg[1], -1, 1, 0, 0};
    return new_allocation(f, c, &attr, -1, false);
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
