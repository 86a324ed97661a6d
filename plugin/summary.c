/* summary.c - summaries=DIR: Go's export data for C.
 *
 * Each compile writes, for every function it defines with external
 * linkage, the function's parameter tags (and, when wrappers found it, its
 * allocator or deallocator spec) to DIR/NAME.UNITHASH.esc, and reads those
 * of the functions it calls without a body, so that a second build of a
 * project sees across files.
 *
 * Parallel builds: a summary is written to a temporary file of its own
 * (DIR/.NAME.PID.tmp) and renamed into place, so a reader sees a whole
 * file or none; one file per function and defining unit (UNITHASH hashes
 * the main input file's path), so two units never write the same file.
 *
 * Staleness: a summary records the declaration hash of its function (the
 * adapter's hash of the prototype) and every file the defining unit read
 * (its main file and every header, as GCC's line maps list them) with
 * modification time and size.  A reader uses it only when (1) its own
 * declaration of the callee hashes the same, (2) every recorded file is
 * unchanged, and (3) exactly one valid summary of NAME exists (two units
 * defining one external name: neither is used).  What this cannot see
 * (a -D on the command line, a different compiler) is why a summary is
 * never "verified": verdicts resting on one carry esc_verdict.foreign,
 * and anything that changes code must not act on them.  */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"

#define SUMMARY_MAGIC "escape-summary 2"

static uint64_t fnv(const char *s)
{
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

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

static const struct esc_stat *file_stat(struct esc_unit *u, const char *path);

/* Is PATH's content exactly TEXT (N bytes)?  */
static bool same_content(const char *path, const char *text, size_t n)
{
  FILE *in = fopen(path, "r");
  if (!in)
    return false;
  char *buf = esc_xrealloc(NULL, n + 1);
  size_t got = fread(buf, 1, n + 1, in);
  fclose(in);
  bool same = got == n && memcmp(buf, text, n) == 0;
  free(buf);
  return same;
}

static void write_one(struct esc_unit *u, const struct esc_export *e)
{
  const struct esc_summary *s = esc_summary_find(u, e->key);
  if (!s || !s->tags)
    return;
  struct esc_strbuf path = {0}, tmp = {0}, text = {0};
  esc_sb_printf(&path, "%s/%s.%016llx.esc", u->cfg.summaries, e->name,
                (unsigned long long)fnv(u->source ? u->source : "?"));
  esc_sb_printf(&text, "%s\nname %s\ndecl %016llx\nfrom %s\nparams %u\n",
                SUMMARY_MAGIC, e->name, (unsigned long long)e->decl_hash,
                u->source ? u->source : "?", s->nparams);
  for (unsigned i = 0; i <= s->nparams; i++) {
    const struct esc_tag *t = &s->tags[i];
    esc_sb_printf(&text, "tag %u %u %u %d %d\n", t->heap, t->result, t->global,
                  t->freed, t->fuzzy);
  }
  struct esc_spec sp;
  if (esc_unit_spec(u, NULL, e->key, &sp))
    esc_sb_printf(&text, "spec %d %d %d %d %lld %lld %lld\n", (int)sp.kind,
                  sp.size0, sp.size1, sp.ptr, sp.mul, sp.add, sp.min);
  for (unsigned i = 0; i < u->nfiles; i++) {
    const struct esc_stat *st = file_stat(u, u->files[i]);
    if (!st->exists)
      continue;               /* <built-in>, <command-line> */
    esc_sb_printf(&text, "file %lld %ld %lld %s\n", st->sec, st->nsec,
                  st->size, u->files[i]);
  }
  esc_sb_puts(&text, "end\n");
  /* A rebuild that changed nothing writes nothing: reading and comparing
     costs a tenth of a write and a rename.  */
  if (same_content(path.s, text.s, text.len))
    goto done;
  esc_sb_printf(&tmp, "%s/.%s.%ld.tmp", u->cfg.summaries, e->name, (long)getpid());
  FILE *out = fopen(tmp.s, "w");
  if (!out) {
    u->summary_errors++;
    goto done;
  }
  fwrite(text.s, 1, text.len, out);
  if (fclose(out) != 0 || rename(tmp.s, path.s) != 0) {
    remove(tmp.s);
    u->summary_errors++;
  }
done:
  esc_sb_free(&path);
  esc_sb_free(&tmp);
  esc_sb_free(&text);
}

unsigned esc_unit_write_summaries(struct esc_unit *u)
{
  if (!u->cfg.summaries)
    return 0;
  mkdir(u->cfg.summaries, 0777);     /* EEXIST is fine */
  for (unsigned i = 0; i < u->nexports; i++)
    write_one(u, &u->exports[i]);
  return u->summary_errors;
}

/* ------------------------------------------------------------ reading */

/* PATH's modification time and size, looked at once per unit (by the
   writer for every summary it writes, by the reader for every file a
   summary names).  */
static const struct esc_stat *file_stat(struct esc_unit *u, const char *path)
{
  path = esc_intern(u, path);
  for (unsigned i = 0; i < u->nstats; i++)
    if (u->stats_cache[i].path == path)
      return &u->stats_cache[i];
  struct stat sb;
  ESC_ARRAY_GROW(u->stats_cache, u->nstats, u->stats_cap);
  struct esc_stat *st = &u->stats_cache[u->nstats++];
  st->path = path;
  st->exists = stat(path, &sb) == 0;
  st->sec = st->exists ? (long long)sb.st_mtim.tv_sec : 0;
  st->nsec = st->exists ? (long)sb.st_mtim.tv_nsec : 0;
  st->size = st->exists ? (long long)sb.st_size : 0;
  return st;
}

/* Is PATH as it was (modification time, size)?  */
static bool file_unchanged(struct esc_unit *u, const char *path, long long sec,
                           long nsec, long long size)
{
  const struct esc_stat *st = file_stat(u, path);
  return st->exists && st->sec == sec && st->nsec == nsec && st->size == size;
}

/* Read summary file PATH into *FS; NULL when it is usable, else why not.  */
static const char *read_one(struct esc_unit *u, const char *path,
                            uint64_t decl_hash, struct esc_foreign *fs)
{
  FILE *in = fopen(path, "r");
  if (!in)
    return "unreadable";
  char line[4096];
  const char *why = NULL;
  bool magic = false, end = false;
  unsigned ntags = 0;
  fs->nparams = 0;
  free(fs->tags);
  fs->tags = NULL;
  fs->has_spec = false;
  while (!why && fgets(line, sizeof line, in)) {
    line[strcspn(line, "\n")] = 0;
    unsigned long long h;
    unsigned a, b, c;
    int d, e;
    char *sp;
    if (strcmp(line, SUMMARY_MAGIC) == 0) {
      magic = true;
    } else if (strncmp(line, "file ", 5) == 0) {   /* most lines: first */
      long long sec, size;
      long nsec;
      int n = 0;
      if (sscanf(line, "file %lld %ld %lld %n", &sec, &nsec, &size, &n) != 3 || !n) {
        why = "malformed";
        break;
      }
      sp = line + n;
      if (!file_unchanged(u, sp, sec, nsec, size)) {
        struct esc_strbuf b = {0};
        esc_sb_printf(&b, "%s changed since it was written", sp);
        why = esc_intern(u, b.s);
        esc_sb_free(&b);
      }
    } else if (sscanf(line, "decl %llx", &h) == 1) {
      if (h != decl_hash)
        why = "its declaration changed";
    } else if (strncmp(line, "from ", 5) == 0) {
      fs->from = esc_intern(u, line + 5);
    } else if (sscanf(line, "params %u", &a) == 1) {
      if (a > 4096) {
        why = "malformed";
        break;
      }
      fs->nparams = a;
      fs->tags = esc_xcalloc(a + 1, sizeof *fs->tags);
    } else if (sscanf(line, "tag %u %u %u %d %d", &a, &b, &c, &d, &e) == 5) {
      if (!fs->tags || ntags > fs->nparams) {
        why = "malformed";
        break;
      }
      fs->tags[ntags++] = (struct esc_tag){(uint8_t)a, (uint8_t)b, (uint8_t)c,
                                           d != 0, e != 0};
    } else if (strncmp(line, "spec ", 5) == 0) {
      int k, s0, s1, p;
      long long mul, add, min;
      if (sscanf(line, "spec %d %d %d %d %lld %lld %lld", &k, &s0, &s1, &p, &mul,
                 &add, &min) != 7 || k < 0 || k > ESC_SPEC_FREE) {
        why = "malformed";
        break;
      }
      fs->has_spec = true;
      fs->spec = (struct esc_spec){NULL, (enum esc_spec_kind)k, s0, s1, p, mul, add, min};
    } else if (strcmp(line, "end") == 0) {
      end = true;
    }
  }
  fclose(in);
  if (!why && (!magic || !end || !fs->tags || ntags != fs->nparams + 1))
    why = "malformed";
  return why;
}

/* The summary files of DIR, listed once per unit, in strcmp order (a
   glob of DIR/NAME.*.esc per callee read the whole directory each time:
   on Lua's 34 units, a third more CPU than the compile).  */
static int cmp_names(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(struct esc_unit *u)
{
  u->dir_listed = true;
  DIR *d = opendir(u->cfg.summaries);
  if (!d)
    return;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    size_t len = strlen(e->d_name);
    if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".esc"))
      continue;               /* ., .., .NAME.PID.tmp */
    ESC_ARRAY_GROW(u->dir_files, u->ndir_files, u->dir_files_cap);
    u->dir_files[u->ndir_files++] = memcpy(esc_xrealloc(NULL, len + 1),
                                           e->d_name, len + 1);
  }
  closedir(d);
  qsort(u->dir_files, u->ndir_files, sizeof *u->dir_files, cmp_names);
}

/* The first listed file whose name starts with NAME (N bytes).  */
static size_t dir_first(struct esc_unit *u, const char *name, size_t n)
{
  if (!u->dir_listed)
    list_dir(u);
  size_t lo = 0, hi = u->ndir_files;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strncmp(u->dir_files[mid], name, n) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Is FILE, which starts with a name of N bytes, that name's summary
   (NAME.UNITHASH.esc, UNITHASH 16 hex digits)?  */
static bool summary_of(const char *file, size_t n)
{
  if (file[n] != '.' || strlen(file) != n + 21)
    return false;
  for (size_t i = n + 1; i < n + 17; i++)
    if (!strchr("0123456789abcdef", file[i]) || !file[i])
      return false;
  return strcmp(file + n + 17, ".esc") == 0;
}

/* The summary of NAME (declared here with DECL_HASH), loaded once.  */
static struct esc_foreign *foreign(struct esc_unit *u, const char *name,
                                   uint64_t decl_hash)
{
  name = esc_intern(u, name);
  for (unsigned i = 0; i < u->nforeign; i++)
    if (u->foreign[i].name == name)
      return u->foreign[i].usable ? &u->foreign[i] : NULL;
  ESC_ARRAY_GROW(u->foreign, u->nforeign, u->foreign_cap);
  struct esc_foreign *fs = &u->foreign[u->nforeign++];
  memset(fs, 0, sizeof *fs);
  fs->name = name;
  size_t n = strlen(name), i = dir_first(u, name, n);
  unsigned usable = 0;
  for (; i < u->ndir_files && strncmp(u->dir_files[i], name, n) == 0; i++) {
    if (!summary_of(u->dir_files[i], n))
      continue;               /* NAME_other...: another function's */
    struct esc_strbuf path = {0};
    esc_sb_printf(&path, "%s/%s", u->cfg.summaries, u->dir_files[i]);
    struct esc_foreign one = {0};
    const char *why = read_one(u, path.s, decl_hash, &one);
    esc_sb_free(&path);
    if (why) {
      fs->stale = fs->stale ? fs->stale : esc_intern(u, why);
      free(one.tags);
      continue;
    }
    if (usable++) {
      free(one.tags);
      fs->stale = esc_intern(u, "two files define it");
      continue;
    }
    fs->nparams = one.nparams;
    fs->tags = one.tags;
    fs->has_spec = one.has_spec;
    fs->spec = one.spec;
    fs->from = one.from;
  }
  fs->usable = usable == 1;
  if (fs->has_spec)
    fs->spec.name = name;
  return fs->usable ? fs : NULL;
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
  *name = u->foreign[i].name;
  *from = u->foreign[i].from;
  *stale = u->foreign[i].usable ? NULL : u->foreign[i].stale;
  return u->nforeign;
}

void esc_foreign_release(struct esc_unit *u)
{
  for (unsigned i = 0; i < u->nforeign; i++)
    free(u->foreign[i].tags);
  free(u->foreign);
  free(u->stats_cache);
  for (unsigned i = 0; i < u->ndir_files; i++)
    free(u->dir_files[i]);
  free(u->dir_files);
  free(u->exports);
  free(u->files);
}
