/* solve.c - Go's solver: one walk (walk) that answers every question from
   a different root with a different visit: Go's walkOne from every root
   that can outlive something, re-walked when a location turns escaping;
   the walk from each function's sink that finds the definite escapes; the
   walk from its deallocations that finds the freed parameters.  Then the
   forward search for addresses read after their loop iteration.  */
#include <stdlib.h>
#include <string.h>

#include "core.h"

struct solver {
  struct esc_unit *u;
  esc_loc_id *roots;      /* LIFO of roots to walk */
  uint32_t nroots, roots_cap;
  esc_loc_id *stack;      /* LIFO of one walk */
  uint32_t nstack, stack_cap;
};

/* ------------------------------------------------------------ the walk */

/* One walk from ROOT backwards along the edges: Go's walkOne, with the
   question asked left to two callbacks.  Each location reached gets its
   least derefs to the root (Bellman-Ford; a derefs below 0, an address,
   counts as 0 once passed) and the edge it was last reached through
   (dst, dst_edge), so that path_next can explain it.  VISIT is called
   once a location is popped; false stops the walk there.  FOLLOW filters
   the edges E into it, DEREFS being the derefs the source would get.  */
struct walk {
  struct solver *s;
  esc_loc_id root;
  uint32_t gen;
  bool (*visit)(struct walk *w, esc_loc_id id);
  bool (*follow)(struct walk *w, const struct esc_edge *e, int derefs);
};

static void push(struct solver *s, esc_loc_id id)
{
  ESC_ARRAY_GROW(s->stack, s->nstack, s->stack_cap);
  s->stack[s->nstack++] = id;
}

static void walk(struct walk *w)
{
  struct solver *s = w->s;
  struct esc_unit *u = s->u;
  struct esc_loc *root = esc_L(u, w->root);
  root->walkgen = w->gen;
  root->derefs = 0;
  root->dst = ESC_NONE;
  s->nstack = 0;
  push(s, w->root);
  while (s->nstack) {
    esc_loc_id id = s->stack[--s->nstack];
    if (!w->visit(w, id))
      continue;
    const struct esc_loc *l = esc_L(u, id);
    int derefs = l->derefs < 0 ? 0 : l->derefs;
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      struct esc_loc *src = esc_L(u, e->src);
      int d = derefs + e->derefs;
      if (!w->follow(w, e, d))
        continue;
      if (src->walkgen != w->gen || src->derefs > d) {
        src->walkgen = w->gen;
        src->derefs = d;
        src->dst = id;
        src->dst_edge = i;
        push(s, e->src);
      }
    }
  }
}

/* The path the last walk took from a location to its root, one edge at a
   time.  The edges recorded can form a cycle (x = &x relaxes x from
   itself): as Go's explainPath does with its visited set, the step that
   closes the cycle is the last one.  */
struct path {
  struct esc_unit *u;
  esc_loc_id cur;
  uint32_t mark;
  bool done;
};

static struct path path_begin(struct esc_unit *u, esc_loc_id from)
{
  struct path p = {u, from, ++u->pathgen, false};
  esc_L(u, from)->pathgen = p.mark;
  return p;
}

/* The next step: the edge *E from *SRC into *DST, one location closer to
   the root.  False past the root or the end of a cycle.  */
static bool path_next(struct path *p, esc_loc_id *src, esc_loc_id *dst,
                      const struct esc_edge **e)
{
  struct esc_loc *l = esc_L(p->u, p->cur);
  if (p->done || l->dst == ESC_NONE)
    return false;
  struct esc_loc *d = esc_L(p->u, l->dst);
  p->done = d->pathgen == p->mark;
  d->pathgen = p->mark;
  *src = p->cur;
  *dst = l->dst;
  *e = &d->edges[l->dst_edge];
  p->cur = l->dst;
  return true;
}

/* An unnamed location's name in flow steps (collect_path collapses it). */
static const char TEMP_NAME[] = "{temp}";

/* The name of L in flow explanations, as Go prints it.  */
const char *esc_explain_name(struct esc_unit *u, const struct esc_loc *l)
{
  switch (l->kind) {
  case ESC_LOC_HEAP:
    return "{heap}";
  case ESC_LOC_RESULT:
    return "~r0";
  case ESC_LOC_ALLOC: {
    struct esc_strbuf b = {0};
    esc_sb_printf(&b, "{storage for %s}", l->name);
    const char *s = esc_intern(u, b.s);
    esc_sb_free(&b);
    return s;
  }
  default:
    return l->name ? l->name : TEMP_NAME;
  }
}

/* The current walk's path from ID to the root, as -m=2 steps.  */
static struct esc_step *collect_path(struct esc_unit *u, esc_loc_id id,
                                     unsigned *n)
{
  struct esc_step *steps = NULL;
  unsigned cnt = 0, cap = 0;
  struct path p = path_begin(u, id);
  esc_loc_id src, dst;
  const struct esc_edge *e;
  while (path_next(&p, &src, &dst, &e)) {
    enum esc_why why = (enum esc_why)e->why;
    const char *callee = why == ESC_WHY_LEAK || why == ESC_WHY_ARG ||
                         why == ESC_WHY_CALL_RESULT || why == ESC_WHY_UNKNOWN_CALL ||
                         why == ESC_WHY_INTERFACE || why == ESC_WHY_FREED
                         ? esc_callee_at(u, e->pos) : NULL;
    struct esc_step st = {esc_explain_name(u, esc_L(u, dst)),
                          esc_explain_name(u, esc_L(u, src)),
                          e->derefs, why, e->pos, callee};
    /* A temporary is no step of the source: "{temp} = &j" then
       "{heap} = {temp}" is "{heap} = &j", the second step's kind (the
       first's when the second only copies) and place.  */
    if (cnt && steps[cnt - 1].dst == TEMP_NAME && st.src == TEMP_NAME) {
      struct esc_step *prev = &steps[cnt - 1];
      int d = prev->derefs + st.derefs;
      st.src = prev->src;
      st.derefs = d < -1 ? -1 : d;
      if (st.why == ESC_WHY_ASSIGN) {
        st.why = prev->why;
        st.callee = prev->callee;
      }
      *prev = st;
      continue;
    }
    ESC_ARRAY_GROW(steps, cnt, cap);
    steps[cnt++] = st;
  }
  *n = cnt;
  return steps;
}

/* ------------------------------------------------------------ Go's walk */

/* The definite sink and the freed sink are not roots of Go's walks.  */
static bool is_sink(struct esc_unit *u, esc_loc_id id)
{
  const struct esc_func *f = u->funcs[esc_L(u, id)->func];
  return f->sink == id || f->freed == id;
}

static void enqueue(struct solver *s, esc_loc_id id)
{
  struct esc_loc *l = esc_L(s->u, id);
  if (l->flags & LF_QUEUED)
    return;
  l->flags |= LF_QUEUED;
  ESC_ARRAY_GROW(s->roots, s->nroots, s->roots_cap);
  s->roots[s->nroots++] = id;
}

/* Would values stored in ROOT survive beyond L's lifetime if L were on
   the stack?  Go's outlives.  */
static bool outlives(const struct esc_loc *root, const struct esc_loc *l)
{
  if (root->flags & LF_ESCAPES)
    return true;
  /* The caller may keep what is returned anywhere.  */
  if (root->kind == ESC_LOC_RESULT)
    return true;
  /* Declared outside L's loop: holds L's address past the iteration.  */
  if (root->func == l->func && root->loop_depth < l->loop_depth)
    return true;
  return false;
}

/* Does the current walk's path from ID to its root go through a store
   the adapter found transient (esc_flow_transient)?  */
static bool path_transient(struct esc_unit *u, esc_loc_id id)
{
  struct path p = path_begin(u, id);
  esc_loc_id src, dst;
  const struct esc_edge *e;
  while (path_next(&p, &src, &dst, &e))
    if (e->flags & EF_TRANSIENT)
      return true;
  return false;
}

/* Parameter ID is reached from ROOT with DEREFS: a leak to the result of
   its own function (unless that escapes), else to the heap, and to a
   global too when the root is one.  */
static void leak_to(struct solver *s, esc_loc_id root_id, esc_loc_id id,
                    int derefs)
{
  struct esc_unit *u = s->u;
  struct esc_loc *root = esc_L(u, root_id), *l = esc_L(u, id);
  bool to_result = root->kind == ESC_LOC_RESULT &&
                   !(root->flags & LF_ESCAPES) && root->func == l->func;
  int slot = to_result ? 1 : 0;
  uint8_t *level = to_result ? &l->leak.result : &l->leak.heap;
  /* Kept in a global for sure: not when the store is undone before the
     return (the summary's global level makes callers warn).  */
  if (!to_result && root->kind == ESC_LOC_GLOBAL && derefs < l->leak.global &&
      !path_transient(u, id)) {
    l->leak.global = (uint8_t)derefs;
    /* which global: a C global by name, or the one a callee keeps it in */
    l->global_name = root->reason ? root->global_name : root->name;
  }
  if (derefs >= *level)
    return;
  ESC_ASSERT(derefs >= 0);
  *level = (uint8_t)(derefs > ESC_MAX_DEREFS ? ESC_MAX_DEREFS : derefs);
  esc_dump_leak(u, root_id, id, to_result, *level);
  if (u->cfg.m >= 2 && l->param_report) {
    free(l->leak_path[slot]);
    l->leak_path[slot] = collect_path(u, id, &l->leak_npath[slot]);
  }
}

static bool go_visit(struct walk *w, esc_loc_id id)
{
  struct esc_unit *u = w->s->u;
  const struct esc_loc *root = esc_L(u, w->root);
  struct esc_loc *l = esc_L(u, id);
  if (!outlives(root, l))
    return true;
  if (l->kind == ESC_LOC_PARAM)
    leak_to(w->s, w->root, id, l->derefs < 0 ? 0 : l->derefs);
  if (l->derefs < 0 && !(l->flags & LF_ESCAPES)) {
    /* Its address is kept beyond its life: it escapes, and what it
       holds has to be looked at again from it.  */
    l->flags |= LF_ESCAPES;
    esc_dump_escapes(u, w->root, id);
    if (u->cfg.m >= 2 && (l->flags & LF_REPORTED))
      l->path = collect_path(u, id, &l->npath);
    enqueue(w->s, id);
    return false;
  }
  return true;
}

/* Go's walk does not enter what escapes already: it is a root itself.  */
static bool go_follow(struct walk *w, const struct esc_edge *e, int derefs)
{
  return !(esc_L(w->s->u, e->src)->flags & LF_ESCAPES);
}

/* Go's walkOne: minimal derefs from ROOT to every location flowing into
   it; whatever that finds escaping becomes a root.  */
static void walk_one(struct solver *s, esc_loc_id root, uint32_t gen)
{
  struct walk w = {s, root, gen, go_visit, go_follow};
  walk(&w);
}

/* ------------------------------------------------------------ definite */

/* Location ID's address reaches the sink of its function: record the
   result or global it is stored in (the location just before the sink),
   the statement storing it (the edge into that), and the nested function
   it is captured by on the way, if any.  */
static void mark_definite(struct esc_unit *u, esc_loc_id id, esc_loc_id sink)
{
  struct esc_loc *l = esc_L(u, id);
  l->flags |= LF_DEFINITE;
  l->def_closure = NULL;
  esc_loc_id cur = id, src, dst;
  const struct esc_edge *e, *last = NULL;
  struct path p = path_begin(u, id);
  esc_loc_id before = id;
  /* A step placed at the function's own line stands for a statement
     without location (the return GCC made of merged returns): the
     nearest step before it with a place of its own is the site.  */
  const esc_pos fn_pos = u->funcs[l->func]->pos;
  esc_pos placed = 0;
  while (path_next(&p, &src, &dst, &e) && dst != sink) {
    if (e->pos && e->pos != fn_pos)
      placed = e->pos;
    if ((e->why == ESC_WHY_CLOSURE || e->why == ESC_WHY_CONTEXT) &&
        !l->def_closure) {
      l->def_closure = esc_L(u, dst)->name;
      l->def_context = e->why == ESC_WHY_CONTEXT;
    }
    last = e;
    before = src;
    cur = dst;
  }
  l->def_callee = last && last->why == ESC_WHY_CALLEE_STORE
                      ? esc_L(u, before)->name : NULL;
  l->def_root = cur;
  if (u->cfg.m >= 2 || u->cfg.sarif) {   /* the warning's own flow */
    free(l->def_path);
    l->def_path = collect_path(u, id, &l->def_npath);
    if (l->def_npath > 1)
      l->def_npath--;           /* the step into the sink says nothing */
  }
  if (last) {
    l->def_pos = last->pos == fn_pos && placed ? placed : last->pos;
    l->def_why = last->why;
  }
  esc_dump_definite(u, id);
}

static bool definite_visit(struct walk *w, esc_loc_id id)
{
  struct esc_unit *u = w->s->u;
  struct esc_loc *l = esc_L(u, id);
  if (l->derefs < 0) {
    if (!(l->flags & LF_DEFINITE))
      mark_definite(u, id, w->root);
    return false;           /* beyond an address, nothing is definite */
  }
  if (l->kind == ESC_LOC_PARAM && l->derefs < l->precise_level)
    l->precise_level = (uint8_t)l->derefs;
  return true;
}

/* A field read may read another field than the one holding the address
   (field-insensitivity): never a step of a definite escape.  */
static bool definite_follow(struct walk *w, const struct esc_edge *e,
                            int derefs)
{
  return derefs <= ESC_MAX_DEREFS && e->why != ESC_WHY_FIELD &&
         e->why != ESC_WHY_BYTES &&
         !(e->flags & EF_TRANSIENT);
}

/* A location found definite already reaches root W->root too: another
   sink, another warning (one per object and sink).  */
static bool definite_more_visit(struct walk *w, esc_loc_id id)
{
  struct esc_unit *u = w->s->u;
  struct esc_loc *l = esc_L(u, id);
  if (l->derefs >= 0)
    return true;
  if (!(l->flags & LF_DEFINITE) || l->def_closure || l->def_root == w->root)
    return false;
  for (uint32_t i = 0; i < l->ndef_more; i++)
    if (l->def_more[i].root == w->root)
      return false;
  const struct esc_edge *e, *last = NULL;
  esc_loc_id src, dst, before = id;
  struct path p = path_begin(u, id);
  while (path_next(&p, &src, &dst, &e)) {
    last = e;
    before = src;
  }
  if (!last)
    return false;
  l->def_more = esc_xrealloc(l->def_more, (l->ndef_more + 1) * sizeof *l->def_more);
  l->def_more[l->ndef_more++] = (struct esc_def_site){
      w->root, last->pos, last->why,
      last->why == ESC_WHY_CALLEE_STORE ? esc_L(u, before)->name : NULL};
  return false;
}

/* From F's sink (which the result and every global flow into), find the
   locations whose address reaches them without passing through another
   address: those are dangling for sure.  Then, when some are, from each
   result or global again: the other sinks each of them reaches.  */
static void walk_definite(struct solver *s, struct esc_func *f, uint32_t gen)
{
  struct esc_unit *u = s->u;
  struct walk w = {s, f->sink, gen, definite_visit, definite_follow};
  walk(&w);
  bool any = false;
  for (esc_loc_id id = f->first; id < f->end && !any; id++)
    any = esc_L(u, id)->flags & LF_DEFINITE;
  const struct esc_loc *sink = esc_L(u, f->sink);
  for (uint32_t i = 0; any && i < sink->nedges && sink->nedges > 1; i++) {
    struct walk m = {s, sink->edges[i].src, ++u->walkgen, definite_more_visit,
                     definite_follow};
    walk(&m);
  }
}

/* ------------------------------------------------------------ freed */

static bool freed_visit(struct walk *w, esc_loc_id id)
{
  struct esc_loc *l = esc_L(w->s->u, id);
  if (l->kind == ESC_LOC_PARAM && !l->leak.freed) {
    l->leak.freed = true;
    esc_dump_freed(w->s->u, id);
  }
  return true;
}

static bool freed_follow(struct walk *w, const struct esc_edge *e, int derefs)
{
  return e->derefs == 0;
}

/* Which parameters of F reach a deallocation with their value (derefs 0)?
   A caller's allocation passed there cannot be on the caller's stack.  */
static void walk_freed(struct solver *s, struct esc_func *f, uint32_t gen)
{
  struct walk w = {s, f->freed, gen, freed_visit, freed_follow};
  walk(&w);
}

/* ------------------------------------------------------------ loop reads */

/* Go's loop rule made concrete for C: a local of a loop whose address is
   kept beyond its iteration is a dangling pointer if that copy is really
   dereferenced later -- after the loop, or in the next iteration.  Follow
   the address forward through copies (edges of derefs -1, then 0; field
   reads are not followed, as they may read another field).  This walk
   goes forward, from sources to destinations, so it has its own graph.  */
struct forward {
  esc_loc_id first;
  uint32_t *start;        /* CSR: the edges out of first + i are */
  struct { esc_loc_id dst; int16_t derefs; } *out;  /* out[start[i]..] */
};

static bool loop_read_candidate(const struct esc_loc *l)
{
  return l->kind == ESC_LOC_VAR && l->loop_depth > 0 &&
         (l->flags & LF_ESCAPES) && (l->flags & LF_REPORTED) &&
         !(l->flags & LF_DEFINITE);
}

static bool forward_edge(const struct esc_func *f, const struct esc_edge *e)
{
  return e->derefs <= 0 && e->why != ESC_WHY_FIELD && e->why != ESC_WHY_BYTES &&
         e->src >= f->first &&
         e->src < f->end;
}

/* The copy and address edges of F, turned forward.  With FILL NULL,
   count them into START; else place them.  */
static void forward_pass(struct esc_unit *u, const struct esc_func *f,
                         struct forward *g, uint32_t *fill)
{
  for (esc_loc_id d = f->first; d < f->end; d++) {
    const struct esc_loc *l = esc_L(u, d);
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      if (!forward_edge(f, e))
        continue;
      if (!fill) {
        g->start[e->src - f->first + 1]++;
        continue;
      }
      uint32_t k = fill[e->src - f->first]++;
      g->out[k].dst = d;
      g->out[k].derefs = e->derefs;
    }
  }
}

static void forward_build(struct esc_unit *u, const struct esc_func *f,
                          struct forward *g)
{
  uint32_t n = (uint32_t)(f->end - f->first);
  g->first = f->first;
  g->start = esc_xcalloc(n + 1, sizeof *g->start);
  forward_pass(u, f, g, NULL);
  for (uint32_t i = 0; i < n; i++)
    g->start[i + 1] += g->start[i];
  uint32_t *fill = esc_xcalloc(n + 1, sizeof *fill);
  memcpy(fill, g->start, (n + 1) * sizeof *fill);
  g->out = esc_xcalloc(g->start[n] ? g->start[n] : 1, sizeof *g->out);
  forward_pass(u, f, g, fill);
  free(fill);
}

/* Push the destinations of ID's forward edges of DEREFS not seen yet.  */
static void push_forward(struct solver *s, const struct forward *g,
                         esc_loc_id id, int derefs, uint32_t gen)
{
  for (uint32_t k = g->start[id - g->first]; k < g->start[id - g->first + 1]; k++) {
    struct esc_loc *d = esc_L(s->u, g->out[k].dst);
    /* F's own parameter is bound by a recursive call: the address is
       then in another activation, whose reads happen while X's
       iteration is still running (jq's expand_call_arglist (&body)).  */
    if (d->kind == ESC_LOC_PARAM)
      continue;
    if (g->out[k].derefs == derefs && d->walkgen != gen) {
      d->walkgen = gen;
      push(s, g->out[k].dst);
    }
  }
}

/* Where X's address, kept beyond its iteration, is read: the first
   holder of it dereferenced outside X's loop, or carried into the next
   iteration and dereferenced there.  */
static void find_loop_read(struct solver *s, const struct forward *g,
                           struct esc_loc *lx, esc_loc_id x, uint32_t gen)
{
  s->nstack = 0;
  push_forward(s, g, x, -1, gen);   /* one & ... */
  while (s->nstack && !lx->loop_read_pos) {
    esc_loc_id id = s->stack[--s->nstack];
    const struct esc_loc *l = esc_L(s->u, id);
    if (l->deref_depth != INT16_MAX && l->loop_depth < lx->loop_depth &&
        (l->carried || l->deref_depth < lx->loop_depth))
      lx->loop_read_pos = l->deref_pos;
    push_forward(s, g, id, 0, gen); /* ... then copies */
  }
}

static void find_loop_reads(struct solver *s, struct esc_func *f)
{
  struct esc_unit *u = s->u;
  esc_loc_id id = f->first;
  while (id < f->end && !loop_read_candidate(esc_L(u, id)))
    id++;
  if (id == f->end)
    return;
  struct forward g;
  forward_build(u, f, &g);
  for (esc_loc_id x = f->first; x < f->end; x++)
    if (loop_read_candidate(esc_L(u, x)))
      find_loop_read(s, &g, esc_L(u, x), x, ++u->walkgen);
  free(g.start);
  free(g.out);
}

/* ------------------------------------------------------------ all */

/* The roots of Go's walks in F: every location that can outlive another
   -- the heap, globals, results and whatever escapes, and locations
   declared outside a loop whose variables have their address taken.  Go
   walks from every location; a walk from any other root cannot find
   anything, and skipping them keeps long copy chains linear.  */
static void enqueue_roots(struct solver *s, const struct esc_func *f)
{
  struct esc_unit *u = s->u;
  int deepest = 0;      /* deepest loop of an address-taken location */
  for (esc_loc_id id = f->first; id < f->end; id++) {
    const struct esc_loc *l = esc_L(u, id);
    for (uint32_t i = 0; i < l->nedges; i++)
      if (l->edges[i].derefs < 0 &&
          esc_L(u, l->edges[i].src)->loop_depth > deepest)
        deepest = esc_L(u, l->edges[i].src)->loop_depth;
  }
  for (esc_loc_id id = f->end; id-- > f->first;) {
    const struct esc_loc *l = esc_L(u, id);
    if (is_sink(u, id))
      continue;
    if ((l->flags & LF_ESCAPES) || l->kind == ESC_LOC_RESULT ||
        l->loop_depth < deepest)
      enqueue(s, id);
  }
}

void esc_walk_all(struct esc_unit *u, struct esc_func **fns, unsigned n)
{
  struct solver s = {.u = u};
  for (unsigned k = n; k-- > 0;)
    enqueue_roots(&s, fns[k]);
  /* ... and again from each that turns escaping.  */
  while (s.nroots) {
    esc_loc_id root = s.roots[--s.nroots];
    esc_L(u, root)->flags &= ~LF_QUEUED;
    walk_one(&s, root, ++u->walkgen);
  }
  for (unsigned k = 0; k < n; k++) {
    walk_definite(&s, fns[k], ++u->walkgen);
    walk_freed(&s, fns[k], ++u->walkgen);
    find_loop_reads(&s, fns[k]);
  }
  free(s.roots);
  free(s.stack);
}
