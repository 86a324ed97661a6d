/* dump.c - the pass dump (gcc -fdump-tree-escape): each function's graph
   as the walks see it, the solver's decisions, the summaries.  Text for
   people, not for parsing; nothing is written while no file is set
   (esc_unit_set_dump).  */
#include <stdio.h>

#include "core.h"

static const char *const kind_names[] = {
  [ESC_LOC_HEAP] = "heap",       [ESC_LOC_GLOBAL] = "global",
  [ESC_LOC_VAR] = "var",         [ESC_LOC_PARAM] = "param",
  [ESC_LOC_RESULT] = "result",   [ESC_LOC_ALLOC] = "alloc",
  [ESC_LOC_TEMP] = "temp",       [ESC_LOC_CLOSURE] = "closure",
};

/* "#3 'x'": a location by its index in its function, and its name.  */
static void put_loc(struct esc_unit *u, esc_loc_id id)
{
  const struct esc_loc *l = esc_L(u, id);
  const struct esc_func *f = u->funcs[l->func];
  fprintf(u->dump, "#%d '%s'", (int)(id - (f ? f->first : 0)),
          esc_explain_name(u, l));
}

static void put_level(FILE *out, const char *what, uint8_t level)
{
  if (level == ESC_NO_LEAK)
    fprintf(out, " %s=-", what);
  else
    fprintf(out, " %s=%d", what, level);
}

void esc_dump_graph(struct esc_unit *u, const struct esc_func *f)
{
  if (!u->dump)
    return;
  fprintf(u->dump, "\nescape: graph of '%s' (%d locations)\n", f->name,
          (int)(f->end - f->first));
  for (esc_loc_id id = f->first; id < f->end; id++) {
    const struct esc_loc *l = esc_L(u, id);
    fprintf(u->dump, "  ");
    put_loc(u, id);
    fprintf(u->dump, " %s depth=%d%s%s", kind_names[l->kind], l->loop_depth,
            l->flags & LF_REPORTED ? " reported" : "",
            l->flags & LF_ESCAPES ? " escapes" : "");
    if (l->reason)
      fprintf(u->dump, " (%s)", l->reason);
    fputc('\n', u->dump);
    for (uint32_t i = 0; i < l->nedges; i++) {
      const struct esc_edge *e = &l->edges[i];
      fprintf(u->dump, "    <- ");
      put_loc(u, e->src);
      fprintf(u->dump, " derefs=%d (%s)\n", e->derefs,
              esc_why_name((enum esc_why)e->why));
    }
  }
}

void esc_dump_escapes(struct esc_unit *u, esc_loc_id root, esc_loc_id id)
{
  if (!u->dump)
    return;
  fprintf(u->dump, "escape: ");
  put_loc(u, id);
  fprintf(u->dump, " escapes: its address reaches root ");
  put_loc(u, root);
  fputc('\n', u->dump);
}

void esc_dump_leak(struct esc_unit *u, esc_loc_id root, esc_loc_id param,
                   bool to_result, int derefs)
{
  if (!u->dump)
    return;
  fprintf(u->dump, "escape: param ");
  put_loc(u, param);
  fprintf(u->dump, " leaks to %s level=%d from root ",
          to_result ? "result" : "heap", derefs);
  put_loc(u, root);
  fputc('\n', u->dump);
}

void esc_dump_definite(struct esc_unit *u, esc_loc_id id)
{
  if (!u->dump)
    return;
  const struct esc_loc *l = esc_L(u, id);
  fprintf(u->dump, "escape: ");
  put_loc(u, id);
  fprintf(u->dump, " escapes definitely: its address is stored in ");
  put_loc(u, l->def_root);
  if (l->def_closure)
    fprintf(u->dump, " through nested function '%s'", l->def_closure);
  fputc('\n', u->dump);
}

void esc_dump_freed(struct esc_unit *u, esc_loc_id param)
{
  if (!u->dump)
    return;
  fprintf(u->dump, "escape: param ");
  put_loc(u, param);
  fprintf(u->dump, " is freed\n");
}

void esc_dump_summary(struct esc_unit *u, const struct esc_summary *s)
{
  if (!u->dump)
    return;
  fprintf(u->dump, "escape: summary of '%s':", s->name);
  if (!s->nparams && s->tags[0].heap == ESC_NO_LEAK &&
      s->tags[0].result == ESC_NO_LEAK && s->tags[0].global == ESC_NO_LEAK)
    fprintf(u->dump, " no parameter leaks");
  fputc('\n', u->dump);
  for (unsigned i = 0; i <= s->nparams; i++) {
    const struct esc_tag *t = &s->tags[i];
    if (i == s->nparams && t->heap == ESC_NO_LEAK &&
        t->result == ESC_NO_LEAK && t->global == ESC_NO_LEAK && !t->freed)
      break;              /* no static chain, or one that leaks nowhere */
    if (i < s->nparams)
      fprintf(u->dump, "  param %u:", i);
    else
      fprintf(u->dump, "  static chain:");
    put_level(u->dump, "heap", t->heap);
    put_level(u->dump, "result", t->result);
    put_level(u->dump, "global", t->global);
    fprintf(u->dump, "%s%s\n", t->freed ? " freed" : "",
            t->fuzzy ? " fuzzy" : "");
  }
}
