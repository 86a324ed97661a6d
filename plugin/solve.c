/* solve.c - Go's solver: minimal derefs from every root, "outlives",
   re-walks when a location turns escaping; then the walk that finds the
   definite escapes (see escape.h).  */
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

static void push(struct solver *s, esc_loc_id id)
{
  ESC_ARRAY_GROW(s->stack, s->nstack, s->stack_cap);
  s->stack[s->nstack++] = id;
}

/* Would values stored in ROOT survive beyond L's lifetime if L were on
   the stack?  Go's outlives.  */
static bool outlives(struct esc_unit *u, const struct esc_loc *root,
                     const struct esc_loc *l)
{
  if (root->flags & LF_ESCAPES)
    return true;
  /* The caller may keep what is returned anywhere.  */
  if (root->kind == ESC_LOC_RESULT)
    return true;
  /* Declared outside L's loop: holds L's address past the iteration.  */
  if (root->func == l->func && root->loop_depth < l->loop_depth)
    return true;
  (void)u;
  return false;
}

/* The name of L in flow explanations, as Go prints it.  */
static const char *explain_name(struct esc_unit *u, const struct esc_loc *l)
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
    return l->name ? l->name : "{temp}";
  }
}

/* Copy the current walk's path from L to the root into steps.  */
static struct esc_step *collect_path(struct esc_unit *u, esc_loc_id id,
                                     unsigned *n)
{
  struct esc_step *steps = NULL;
  unsigned cnt = 0, cap = 0;
  for (unsigned guard = 0; guard < 10000; guard++) {
    struct esc_loc *l = esc_L(u, id);
    if (l->dst == ESC_NONE)
      break;
    struct esc_loc *d = esc_L(u, l->dst);
    const struct esc_edge *e = &d->edges[l->dst_edge];
    ESC_ARRAY_GROW(steps, cnt, cap);
    steps[cnt++] = (struct esc_step){explain_name(u, d), explain_name(u, l),
                                     e->derefs, (enum esc_why)e->why, e->pos};
    id = l->dst;
  }
  *n = cnt;
  return steps;
}

static void leak_to(struct solver *s, esc_loc_id root_id, esc_loc_id id,
                    int derefs)
{
  struct esc_unit *u = s->u;
  struct esc_loc *root = esc_L(u, root_id), *l = esc_L(u, id);
  int slot;
  uint8_t *level;
  if (root->kind == ESC_LOC_RESULT && !(root->flags & LF_ESCAPES) &&
      root->func == l->func) {
    slot = 1;
    level = &l->leak.result;
  } else {
    slot = 0;
    level = &l->leak.heap;
    if (root->kind == ESC_LOC_GLOBAL && derefs < l->leak_global)
      l->leak_global = (uint8_t)derefs;
  }
  if (derefs >= *level)
    return;
  *level = (uint8_t)(derefs > ESC_MAX_DEREFS ? ESC_MAX_DEREFS : derefs);
  if (u->cfg.m >= 2 && l->param_report) {
    free(l->leak_path[slot]);
    l->leak_path[slot] = collect_path(u, id, &l->leak_npath[slot]);
  }
}

/* Go's walkOne: minimal derefs from ROOT to every location flowing
   into it (Bellman-Ford; derefs below 0 are clamped when passed).  */
static void walk_one(struct solver *s, esc_loc_id root_id, uint32_t gen)
{
  struct esc_unit *u = s->u;
  struct esc_loc *root = esc_L(u, root_id);
  root->walkgen = gen;
  root->derefs = 0;
  root->dst = ESC_NONE;
  s->nstack = 0;
  push(s, root_id);
  while (s->nstack) {
    esc_loc_id id = s->stack[--s->nstack];
    struct esc_loc *l = esc_L(u, id);
    int derefs = l->derefs;
    bool address_of = derefs < 0;
    if (address_of)
      derefs = 0;
    if (outlives(u, root, l)) {
      if (l->kind == ESC_LOC_PARAM)
        leak_to(s, root_id, id, derefs);
      if (address_of && !(l->flags & LF_ESCAPES)) {
        l->flags |= LF_ESCAPES;
        if (u->cfg.m >= 2 && (l->flags & LF_REPORTED))
          l->path = collect_path(u, id, &l->npath);
        enqueue(s, id);
        continue;
      }
    }
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      struct esc_loc *src = esc_L(u, e->src);
      if (src->flags & LF_ESCAPES)
        continue;
      int d = derefs + e->derefs;
      if (src->walkgen != gen || src->derefs > d) {
        src->walkgen = gen;
        src->derefs = d;
        src->dst = id;
        src->dst_edge = i;
        push(s, e->src);
      }
    }
  }
}

/* From F's sink (which the result and every global flow into), find the
   locations whose address reaches them without passing through another
   address: those are dangling for sure.  */
static void walk_definite(struct solver *s, struct esc_func *f, uint32_t gen)
{
  struct esc_unit *u = s->u;
  esc_loc_id sink = f->sink;
  struct esc_loc *root = esc_L(u, sink);
  root->walkgen = gen;
  root->derefs = 0;
  root->dst = ESC_NONE;
  s->nstack = 0;
  push(s, sink);
  while (s->nstack) {
    esc_loc_id id = s->stack[--s->nstack];
    struct esc_loc *l = esc_L(u, id);
    if (l->derefs < 0) {
      if (!(l->flags & LF_DEFINITE)) {
        /* The location just before the sink is the result or global;
           the edge into it is the statement that stores the address.  */
        l->flags |= LF_DEFINITE;
        esc_loc_id cur = id, prev = ESC_NONE;
        l->def_closure = NULL;
        for (unsigned guard = 0; guard < 10000; guard++) {
          struct esc_loc *c = esc_L(u, cur);
          if (c->dst == ESC_NONE || c->dst == sink)
            break;
          struct esc_loc *d = esc_L(u, c->dst);
          uint8_t why = d->edges[c->dst_edge].why;
          if ((why == ESC_WHY_CLOSURE || why == ESC_WHY_CONTEXT) && !l->def_closure) {
            l->def_closure = d->name;
            l->def_context = why == ESC_WHY_CONTEXT;
          }
          prev = cur;
          cur = c->dst;
        }
        l->def_root = cur;
        if (prev != ESC_NONE) {
          const struct esc_edge *e =
              &esc_L(u, cur)->edges[esc_L(u, prev)->dst_edge];
          l->def_pos = e->pos;
          l->def_why = e->why;
        }
      }
      continue;           /* beyond an address, nothing is definite */
    }
    if (l->kind == ESC_LOC_PARAM && l->derefs < l->precise_level)
      l->precise_level = (uint8_t)l->derefs;
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      struct esc_loc *src = esc_L(u, e->src);
      int d = l->derefs + e->derefs;
      if (d > ESC_MAX_DEREFS || e->why == ESC_WHY_FIELD)
        continue;
      if (src->walkgen != gen || src->derefs > d) {
        src->walkgen = gen;
        src->derefs = d;
        src->dst = id;
        src->dst_edge = i;
        push(s, e->src);
      }
    }
  }
}

/* Which parameters of F reach a deallocation with their value (derefs 0)?
   A caller's allocation passed there cannot be on the caller's stack.  */
static void walk_freed(struct solver *s, struct esc_func *f, uint32_t gen)
{
  struct esc_unit *u = s->u;
  struct esc_loc *root = esc_L(u, f->freed);
  root->walkgen = gen;
  root->derefs = 0;
  s->nstack = 0;
  push(s, f->freed);
  while (s->nstack) {
    esc_loc_id id = s->stack[--s->nstack];
    struct esc_loc *l = esc_L(u, id);
    if (l->kind == ESC_LOC_PARAM)
      l->param_freed = true;
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      struct esc_loc *src = esc_L(u, e->src);
      if (e->derefs != 0 || src->walkgen == gen)
        continue;
      src->walkgen = gen;
      src->derefs = 0;
      push(s, e->src);
    }
  }
}

/* Go's loop rule made concrete for C: a local of a loop whose address is
   kept beyond its iteration is a dangling pointer if that copy is really
   dereferenced later -- after the loop, or in the next iteration.  Follow
   the address forward through copies (edges of derefs -1, then 0; field
   reads are not followed, as they may read another field).  */
static void find_loop_reads(struct solver *s, struct esc_func *f, uint32_t gen)
{
  struct esc_unit *u = s->u;
  uint32_t n = (uint32_t)(f->end - f->first);
  bool any = false;
  for (esc_loc_id id = f->first; id < f->end && !any; id++) {
    const struct esc_loc *l = esc_L(u, id);
    any = l->kind == ESC_LOC_VAR && l->loop_depth > 0 &&
          (l->flags & LF_ESCAPES) && (l->flags & LF_REPORTED) &&
          !(l->flags & LF_DEFINITE);
  }
  if (!any)
    return;
  /* Forward adjacency (CSR) over the function's copy and address edges. */
  uint32_t *start = esc_xcalloc(n + 1, sizeof *start);
  for (esc_loc_id d = f->first; d < f->end; d++) {
    const struct esc_loc *l = esc_L(u, d);
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      if (e->derefs <= 0 && e->why != ESC_WHY_FIELD && e->src >= f->first &&
          e->src < f->end)
        start[e->src - f->first + 1]++;
    }
  }
  for (uint32_t i = 0; i < n; i++)
    start[i + 1] += start[i];
  uint32_t *fill = esc_xcalloc(n + 1, sizeof *fill);
  memcpy(fill, start, (n + 1) * sizeof *fill);
  struct { esc_loc_id dst; int16_t derefs; } *out =
      esc_xcalloc(start[n] ? start[n] : 1, sizeof *out);
  for (esc_loc_id d = f->first; d < f->end; d++) {
    const struct esc_loc *l = esc_L(u, d);
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      if (e->derefs <= 0 && e->why != ESC_WHY_FIELD && e->src >= f->first &&
          e->src < f->end) {
        uint32_t k = fill[e->src - f->first]++;
        out[k].dst = d;
        out[k].derefs = e->derefs;
      }
    }
  }
  for (esc_loc_id x = f->first; x < f->end; x++) {
    struct esc_loc *lx = esc_L(u, x);
    if (!(lx->kind == ESC_LOC_VAR && lx->loop_depth > 0 &&
          (lx->flags & LF_ESCAPES) && (lx->flags & LF_REPORTED) &&
          !(lx->flags & LF_DEFINITE)))
      continue;
    ++gen;
    s->nstack = 0;
    /* Locations holding x's address: one & then copies.  */
    for (uint32_t k = start[x - f->first]; k < start[x - f->first + 1]; k++)
      if (out[k].derefs == -1 && esc_L(u, out[k].dst)->walkgen != gen) {
        esc_L(u, out[k].dst)->walkgen = gen;
        push(s, out[k].dst);
      }
    while (s->nstack && !lx->loop_read_pos) {
      esc_loc_id id = s->stack[--s->nstack];
      struct esc_loc *l = esc_L(u, id);
      if (l->deref_depth != INT16_MAX && l->loop_depth < lx->loop_depth &&
          (l->carried || l->deref_depth < lx->loop_depth))
        lx->loop_read_pos = l->deref_pos;
      for (uint32_t k = start[id - f->first]; k < start[id - f->first + 1]; k++)
        if (out[k].derefs == 0 && esc_L(u, out[k].dst)->walkgen != gen) {
          esc_L(u, out[k].dst)->walkgen = gen;
          push(s, out[k].dst);
        }
    }
  }
  u->walkgen = gen;
  free(start);
  free(fill);
  free(out);
}

void esc_solve_batch(struct esc_unit *u, struct esc_func **fns, unsigned n)
{
  struct solver s = {.u = u};

  /* Walk once from every location that can outlive another: the heap,
   globals, results and whatever escapes, and locations declared outside
   a loop whose variables have their address taken.  Go walks from every
   location; a walk from any other root cannot find anything, and
   skipping them keeps long copy chains linear.  */
  for (unsigned k = n; k-- > 0;) {
    int deepest = 0;      /* deepest loop of an address-taken location */
    for (esc_loc_id id = fns[k]->first; id < fns[k]->end; id++) {
      const struct esc_loc *l = esc_L(u, id);
      for (uint32_t i = 0; i < l->nedges; i++)
        if (l->edges[i].derefs < 0 &&
            esc_L(u, l->edges[i].src)->loop_depth > deepest)
          deepest = esc_L(u, l->edges[i].src)->loop_depth;
    }
    for (esc_loc_id id = fns[k]->end; id-- > fns[k]->first;) {
      const struct esc_loc *l = esc_L(u, id);
      if (is_sink(u, id))
        continue;
      if ((l->flags & LF_ESCAPES) || l->kind == ESC_LOC_RESULT ||
          l->loop_depth < deepest)
        enqueue(&s, id);
    }
  }
  /* ... and again from each that turns escaping.  */
  while (s.nroots) {
    esc_loc_id root = s.roots[--s.nroots];
    esc_L(u, root)->flags &= ~LF_QUEUED;
    walk_one(&s, root, ++u->walkgen);
  }
  for (unsigned k = 0; k < n; k++) {
    walk_definite(&s, fns[k], ++u->walkgen);
    walk_freed(&s, fns[k], ++u->walkgen);
    find_loop_reads(&s, fns[k], ++u->walkgen);
  }

  free(s.roots);
  free(s.stack);
}
