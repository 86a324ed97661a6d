/* summary.c - summaries=DIR: Go's export data for C.
 *
 * Each compile writes one unit file, DIR/UNITHASH.CONTENTHASH.esc, with
 * the parameter tags (and, when wrappers found it, the allocator or
 * deallocator spec) of every function it defines with external linkage,
 * and reads those of the functions it calls without a body, so that a
 * second build of a project sees across files.  summary-dir.c lists the
 * directory and keeps its index; this file says what a summary holds,
 * writes the unit's, and decides which summaries may be used.
 *
 * Parallel builds: the unit file is written to a temporary file of its
 * own (DIR/.UNITHASH.PID.CLOCK.tmp) and renamed into place, so a reader
 * sees a whole file or none; UNITHASH hashes the main input file's path,
 * so two units never write the same file, and a unit removes its older
 * files only after its new one is in place.
 *
 * Staleness.  A unit file records every file the unit read (its main
 * file and every header, as GCC's line maps list them) with
 * modification time and size, the plugin's arguments that change the
 * analysis and GCC's version, each function's prototype hash, and, for every summary of
 * another unit its own rest on, that function's name and the hash of
 * the record it read.  A unit file is locally valid when its files are
 * unchanged and its arguments are the reader's; valid when, besides,
 * each summary it rests on is still the one a reader would use now (the
 * only definition, with the same record hash, in a valid unit file): so
 * a change travels through any chain of summaries (f in b.c calls g in
 * c.c; c.c changes, and f's summary goes too).  Validity is the greatest
 * fixpoint of that rule (summaries resting on each other in a cycle stay
 * valid while nothing under them changed), decided on demand over the
 * unit files a lookup reaches.  A reader uses the summary of NAME when
 * exactly one unit file other than its own older one and other than
 * those whose main file is gone defines NAME, whatever its state (the
 * program links one of them: the reader cannot tell which), that file
 * is valid, and its own declaration of NAME hashes the same.  A unit
 * with a file changed during its compile writes no summaries (its
 * modification time could not tell the change) and keeps its older
 * file, a stale rival.  What this cannot see
 * (a -D on the command line, a different compiler, a header that would
 * now be found first) is why a summary is never "verified": verdicts
 * resting on one carry esc_verdict.foreign, and anything that changes
 * code must not act on them.  */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "summary.h"

void esc_unit_add_file(struct esc_unit *u, const char *path)
{
  if (!path || !*path)
    return;
  path = esc_intern(u, path);
  for (unsigned i = 0; i < u->nfiles; i++)
    if (u->files[i] == path)
      return;
  ESC_ARRAY_GROW(u->files, u->nfiles, u->files_cap);
  u->files[u->nfiles++] = path;
}

void esc_unit_set_source(struct esc_unit *u, const char *path)
{
  u->source = path ? esc_intern(u, path) : NULL;
  u->unit_hash = esc_sum_hash(u->source ? u->source : "?",
                              strlen(u->source ? u->source : "?"));
}

void esc_func_set_export(struct esc_func *f, uint64_t decl_hash)
{
  struct esc_unit *u = f->unit;
  ESC_ARRAY_GROW(u->exports, u->nexports, u->exports_cap);
  u->exports[u->nexports].key = f->key;
  u->exports[u->nexports].name = f->name;
  u->exports[u->nexports].decl_hash = decl_hash;
  u->nexports++;
}

/* ------------------------------------------------------------ writing */

void esc_unit_set_compiler(struct esc_unit *u, const char *version)
{
  if (u->cfg.summaries && version)
    u->args_hash = esc_sum_hash_more(u->args_hash, version, strlen(version));
}

void esc_summaries_begin(struct esc_unit *u)
{
  /* Before any file is read.  */
  clock_gettime(CLOCK_REALTIME, &u->sum_start);
  /* What the tags depend on besides the code: the plugin and the
     arguments that change the analysis (not m=, sarif=, files=, ...).  */
  struct esc_strbuf b = {0};
  const struct esc_config *c = &u->cfg;
  esc_sb_printf(&b, "%s|%lld|%lld|%lld|%d|%s|%s|%s", ESCAPE_VERSION, c->max_stack,
                c->max_var, c->var_buffer, (int)c->wrappers,
                c->allocators ? c->allocators : "", c->deallocators ? c->deallocators : "",
                c->reallocators ? c->reallocators : "");
  u->args_hash = esc_sum_hash(b.s, b.len);
  esc_sb_free(&b);
}

static int cmp_uses(const void *a, const void *b)
{
  const struct esc_sum_use *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  return c ? c : (x->hash > y->hash) - (x->hash < y->hash);
}

/* Was ST (modification time) perhaps changed after the compile began,
   so that GCC may have read what was there before?  Git's "racy" rule:
   a time after the start, or within two seconds of it on a file system
   that keeps whole seconds.  File times may come from the kernel's
   coarse clock, a tick (a few milliseconds) behind: an edit in the
   first tick of the compile, mostly before GCC reads its files, passes
   for one made before it, so that a file generated just before its
   compile keeps its summaries.  */
static bool racy(const struct esc_unit *u, const struct esc_sum_stat *st)
{
  long long start = (long long)u->sum_start.tv_sec;
  if (st->nsec == 0)
    return st->sec + 2 > start;
  return st->sec > start || (st->sec == start && st->nsec > u->sum_start.tv_nsec);
}

/* The text of U's unit file (empty when it defines nothing); false when
   its files cannot be told apart from a changed version of themselves,
   and no file may be written.  */
static bool unit_text(struct esc_unit *u, struct esc_strbuf *text)
{
  struct esc_sum_dir *d = esc_sum_dir_get(u);   /* readers' stats too */
  /* No main file to stat (stdin), a name with a newline (it would break
     its line), a file changed while it was compiled: no summaries,
     rather than summaries whose staleness is not seen.  */
  if (!u->source || !esc_sum_stat(d, u->source)->exists || strchr(u->source, '\n'))
    return false;
  for (unsigned i = 0; i < u->nfiles; i++) {
    const struct esc_sum_stat *st = esc_sum_stat(d, u->files[i]);
    if (strchr(u->files[i], '\n') || (st->exists && racy(u, st)))
      return false;
  }
  struct esc_strbuf recs = {0}, body = {0};
  for (unsigned i = 0; i < u->nexports; i++) {
    const struct esc_export *e = &u->exports[i];
    const struct esc_summary *s = esc_summary_find(u, e->key);
    if (!s || !s->tags)
      continue;
    body.len = 0;
    esc_sb_printf(&body, "decl %016llx\nparams %u\n",
                  (unsigned long long)e->decl_hash, s->nparams);
    for (unsigned k = 0; k <= s->nparams; k++) {
      const struct esc_tag *t = &s->tags[k];
      esc_sb_printf(&body, "tag %u %u %u %d %d\n", t->heap, t->result,
                    t->global, t->freed, t->fuzzy);
    }
    struct esc_spec sp;
    if (esc_unit_spec(u, NULL, e->key, &sp))
      esc_sb_printf(&body, "spec %d %d %d %d %lld %lld %lld\n", (int)sp.kind,
                    sp.size0, sp.size1, sp.ptr, sp.mul, sp.add, sp.min);
    esc_sb_printf(&recs, "fn %s %016llx\n", e->name,
                  (unsigned long long)esc_sum_hash(body.s, body.len));
    esc_sb_puts(&recs, body.s);
  }
  if (recs.len) {
    esc_sb_printf(text, "%s\nfrom %s\nargs %016llx\n", ESC_SUM_MAGIC, u->source,
                  (unsigned long long)u->args_hash);
    for (unsigned i = 0; i < u->nfiles; i++) {
      const struct esc_sum_stat *st = esc_sum_stat(d, u->files[i]);
      if (st->exists)         /* not <built-in>, <command-line> */
        esc_sb_printf(text, "file %lld %ld %lld %s\n", st->sec, st->nsec, st->size,
                      u->files[i]);
    }
    if (u->nsum_uses)
      qsort(u->sum_uses, u->nsum_uses, sizeof *u->sum_uses, cmp_uses);
    for (unsigned i = 0; i < u->nsum_uses; i++)
      if (i == 0 || cmp_uses(&u->sum_uses[i - 1], &u->sum_uses[i]) != 0)
        esc_sb_printf(text, "uses %s %016llx\n", u->sum_uses[i].name,
                      (unsigned long long)u->sum_uses[i].hash);
    esc_sb_puts(text, recs.s);
    esc_sb_puts(text, "end\n");
  }
  esc_sb_free(&recs);
  esc_sb_free(&body);
  return true;
}

unsigned esc_unit_write_summaries(struct esc_unit *u)
{
  if (!u->cfg.summaries)
    return 0;
  mkdir(u->cfg.summaries, 0777);     /* EEXIST is fine */
  struct esc_strbuf text = {0}, name = {0}, path = {0};
  /* A unit that may not write keeps its older file: stale, it still
     names what the unit defines, a rival to any other definition.  */
  if (!unit_text(u, &text)) {
    esc_sb_free(&text);
    return u->summary_errors;
  }
  char own[17];
  snprintf(own, sizeof own, "%016llx", (unsigned long long)u->unit_hash);
  if (text.len)
    esc_sb_printf(&name, "%s.%016llx.esc", own,
                  (unsigned long long)esc_sum_hash(text.s, text.len));
  char **names = esc_sum_list(u->cfg.summaries);
  bool there = false;
  for (char **p = names; *p && name.len; p++)
    there |= strcmp(*p, name.s) == 0;
  /* A rebuild that changed nothing writes nothing (its file's name
     is its content).  */
  bool written = there || !text.len ||
                 esc_sum_write_file(u->cfg.summaries, name.s, own, text.s, text.len);
  if (!written)
    u->summary_errors++;
  /* The unit's older files go once the new one is in place.  */
  for (char **p = names; *p && written; p++)
    if (strncmp(*p, own, 16) == 0 && !(name.len && strcmp(*p, name.s) == 0)) {
      path.len = 0;
      esc_sb_printf(&path, "%s/%s", u->cfg.summaries, *p);
      remove(path.s);
    }
  esc_sum_names_free(names);
  esc_sb_free(&text);
  esc_sb_free(&name);
  esc_sb_free(&path);
  return u->summary_errors;
}

/* ------------------------------------------------------------ validity */

/* The one definition of NAME in a unit file other than OWN's older
   ones and those whose main file is gone (-1: none, -2: more than one,
   whatever their state: a program links one of them, the reader cannot
   tell which).  */
static int sole_def(struct esc_sum_dir *d, const char *name, uint64_t own)
{
  int found = -1;
  for (int k = esc_sum_first_def(d, name); k >= 0; k = d->defs[k].next) {
    const struct esc_sum_unit *su = &d->units[d->defs[k].unit];
    if (su->unit_hash == own)
      continue;               /* an older version of the reader itself */
    if (su->from && !esc_sum_stat(d, su->from)->exists)
      continue;               /* its source is gone */
    if (found != -1)
      return -2;
    found = k;
  }
  return found;
}

/* Are unit I's own files as they were (and is it whole, and written
   with the reader's arguments)?  */
static bool local(struct esc_unit *u, struct esc_sum_dir *d, unsigned i)
{
  struct esc_sum_unit *su = &d->units[i];
  if (su->local >= 0)
    return su->local == 1;
  su->local = 0;
  if (!esc_sum_deps(u, d, i))
    return false;
  if (su->args != u->args_hash) {
    su->why = "written with other plugin arguments or another GCC";
    return false;
  }
  for (unsigned k = 0; k < su->nfiles; k++)
    if (!esc_sum_file_same(d, su->files[k])) {
      struct esc_strbuf b = {0};
      esc_sb_printf(&b, "%s changed since it was written", d->files[su->files[k]].path);
      su->why = esc_intern(u, b.s);
      esc_sb_free(&b);
      return false;
    }
  su->local = 1;
  return true;
}

/* Does USE (resolved) still hold, with the units being decided taken
   as valid (IN: their validity so far)?  */
static bool use_holds(const struct esc_sum_dir *d, const struct esc_sum_use *use,
                      const bool *in)
{
  if (use->def < 0)
    return false;
  const struct esc_sum_def *def = &d->defs[use->def];
  const struct esc_sum_unit *v = &d->units[def->unit];
  if (v->recs[def->rec].hash != use->hash)
    return false;
  return v->state == 2 || (v->state == 1 && in[def->unit]);
}

/* Decide unit ROOT's validity: its own files, then the greatest fixpoint
   over the units its summaries rest on, transitively (only those: a
   compile looks at few).  Units decided before stay as decided.  */
static bool valid(struct esc_unit *u, struct esc_sum_dir *d, unsigned root)
{
  if (d->units[root].state >= 2)
    return d->units[root].state == 2;
  unsigned *todo = esc_xrealloc(NULL, d->nunits * sizeof *todo), n = 0;
  bool *in = esc_xcalloc(d->nunits, sizeof *in);
  d->units[root].state = 1;
  todo[n++] = root;
  for (unsigned t = 0; t < n; t++) {
    unsigned i = todo[t];
    in[i] = local(u, d, i);
    for (unsigned k = 0; in[i] && k < d->units[i].nuses; k++) {
      struct esc_sum_use *use = &d->units[i].uses[k];
      use->def = sole_def(d, use->name, d->units[i].unit_hash);
      unsigned v = use->def >= 0 ? d->defs[use->def].unit : 0;
      if (use->def >= 0 && d->units[v].state == 0) {
        d->units[v].state = 1;
        todo[n++] = v;
      }
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (unsigned t = 0; t < n; t++) {
      unsigned i = todo[t];
      for (unsigned k = 0; in[i] && k < d->units[i].nuses; k++)
        if (!use_holds(d, &d->units[i].uses[k], in)) {
          struct esc_strbuf b = {0};
          esc_sb_printf(&b, "it rests on the summary of '%s', which changed",
                        d->units[i].uses[k].name);
          d->units[i].why = esc_intern(u, b.s);
          esc_sb_free(&b);
          in[i] = false;
          changed = true;
        }
    }
  }
  for (unsigned t = 0; t < n; t++)
    d->units[todo[t]].state = in[todo[t]] ? 2 : 3;
  free(todo);
  free(in);
  return d->units[root].state == 2;
}

/* ------------------------------------------------------------ reading */

/* The summary of NAME (declared here with DECL_HASH), looked up once.  */
static struct esc_foreign *foreign(struct esc_unit *u, const char *name,
                                   uint64_t decl_hash)
{
  name = esc_intern(u, name);
  for (unsigned i = 0; i < u->nforeign; i++)
    if (u->foreign[i].name == name)     /* looked up once per prototype */
      return u->foreign[i].usable && u->foreign[i].decl == decl_hash
             ? &u->foreign[i] : NULL;
  ESC_ARRAY_GROW(u->foreign, u->nforeign, u->foreign_cap);
  struct esc_foreign *fs = &u->foreign[u->nforeign++];
  memset(fs, 0, sizeof *fs);
  fs->name = name;
  fs->decl = decl_hash;
  struct esc_sum_dir *d = esc_sum_dir_load(u);
  int def = sole_def(d, name, u->unit_hash);
  if (def == -1)
    return NULL;              /* no unit file defines it */
  if (def == -2) {
    fs->stale = "two files define it";
    return NULL;
  }
  unsigned ui = d->defs[def].unit;
  struct esc_sum_unit *su = &d->units[ui];
  fs->from = su->from;
  const char *why = NULL;
  if (!valid(u, d, ui) || (why = esc_sum_read_unit(u, d, ui)) != NULL) {
    fs->stale = why ? why : su->why ? su->why : "malformed";
    return NULL;
  }
  const struct esc_sum_rec *rec = &su->recs[d->defs[def].rec];
  if (rec->decl != decl_hash) {
    fs->stale = "its declaration changed";
    return NULL;
  }
  fs->usable = true;
  fs->nparams = rec->nparams;
  fs->tags = rec->tags;       /* the directory's, freed with it */
  fs->has_spec = rec->has_spec;
  fs->spec = rec->spec;
  ESC_ARRAY_GROW(u->sum_uses, u->nsum_uses, u->sum_uses_cap);
  u->sum_uses[u->nsum_uses++] = (struct esc_sum_use){.name = name, .hash = rec->hash, .def = -1};
  return fs;
}

bool esc_unit_foreign_spec(struct esc_unit *u, const char *name,
                           uint64_t decl_hash, struct esc_spec *out)
{
  if (!u->cfg.summaries || !name)
    return false;
  const struct esc_foreign *fs = foreign(u, name, decl_hash);
  if (!fs || !fs->has_spec)
    return false;
  *out = fs->spec;
  return true;
}

const struct esc_foreign *esc_foreign_find(struct esc_unit *u, const char *name,
                                           uint64_t decl_hash)
{
  if (!u->cfg.summaries || !name)
    return NULL;
  return foreign(u, name, decl_hash);
}

size_t esc_unit_foreign_notes(const struct esc_unit *u, unsigned i,
                              const char **name, const char **from,
                              const char **stale)
{
  if (i >= u->nforeign)
    return 0;
  const struct esc_foreign *fs = &u->foreign[i];
  /* a name no unit file defines is no summary: nothing to say */
  *name = fs->usable || fs->stale ? fs->name : NULL;
  *from = fs->from;
  *stale = fs->usable ? NULL : fs->stale;
  return u->nforeign;
}

void esc_foreign_release(struct esc_unit *u)
{
  free(u->foreign);
  esc_sum_dir_free(u->sumdir);
  free(u->sum_uses);
  free(u->exports);
  free(u->files);
}
