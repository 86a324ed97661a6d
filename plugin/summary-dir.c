/* summary-dir.c - the summaries= directory as one compile sees it.
 *
 * DIR holds one unit file per compiled unit (summary.c writes it) and
 * an index.  A unit file's name, UNITHASH.CONTENTHASH.esc, fixes its
 * content; so the index, which copies from each unit file what a reader
 * needs before reading tags (the files the unit read, the summaries it
 * rested on, the names it defines and their records' hashes) and lists
 * them by file name, is right about exactly the unit files whose names
 * it lists.  A reader lists DIR (one readdir), takes from the index the
 * files it lists, reads the few it does not, and, once the index is a
 * few files behind, writes it back (a temporary file renamed into place:
 * concurrent readers each write a whole index, and whichever wins is
 * again checked against the listing by the next).  No lock, no mtime.
 * The index ends with the hash of what precedes it: a damaged one is
 * not read, and the next reader writes it whole again.  A damaged unit
 * file (its bytes are not its name's) has no summaries, but the names
 * its "fn" lines still give count as definitions, until its unit
 * writes a new file.
 *
 * A unit's files and uses stay lines of the index until a lookup
 * reaches the unit; the unit files' own tags are read only for the
 * callees the compile looks up, one file per defining unit.  */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <limits.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "summary.h"

uint64_t esc_sum_hash_more(uint64_t h, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

uint64_t esc_sum_hash(const char *s, size_t n)
{
  return esc_sum_hash_more(ESC_SUM_HASH_INIT, s, n);
}

static unsigned ptr_slot(const void *p, unsigned slots)
{
  uintptr_t v = (uintptr_t)p;
  return (unsigned)((v >> 4) ^ (v >> 19)) & (slots - 1);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
  return (h ^ v) * 1099511628211ull + (h >> 29);
}

/* ------------------------------------------------------------ listing */

/* Is NAME a unit file's name (16 hex digits, '.', 16, ".esc")?  */
static bool is_unit_file(const char *name)
{
  for (int i = 0; i < 33; i++) {
    if (i == 16) {
      if (name[i] != '.')
        return false;
    } else if (!strchr("0123456789abcdef", name[i]) || !name[i]) {
      return false;
    }
  }
  return strcmp(name + 33, ".esc") == 0;
}

static int cmp_names(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char **esc_sum_list(const char *dir)
{
  char **names = NULL;
  unsigned n = 0, cap = 0;
  DIR *dp = opendir(dir);
  if (dp) {
    for (struct dirent *e; (e = readdir(dp)) != NULL;) {
      if (!is_unit_file(e->d_name))
        continue;             /* ., .., index, temporary files */
      ESC_ARRAY_GROW(names, n, cap);
      names[n++] = esc_strdup(e->d_name);
    }
    closedir(dp);
  }
  if (n)
    qsort(names, n, sizeof *names, cmp_names);
  ESC_ARRAY_GROW(names, n, cap);
  names[n] = NULL;
  return names;
}

void esc_sum_names_free(char **names)
{
  if (!names)
    return;
  for (char **p = names; *p; p++)
    free(*p);
  free(names);
}

/* ------------------------------------------------------------ tables */

/* File I of the table for PATH as it was: one entry per distinct
   (path, time, size).  */
static unsigned add_file(struct esc_unit *u, struct esc_sum_dir *d,
                         const char *path, long long sec, long nsec,
                         long long size)
{
  path = esc_intern(u, path);
  if (2 * (d->nfiles + 1) > d->file_slots) {
    unsigned slots = d->file_slots ? 2 * d->file_slots : 256;
    uint64_t *keys = esc_xcalloc(slots, sizeof *keys);
    unsigned *ids = esc_xcalloc(slots, sizeof *ids);
    for (unsigned i = 0; i < d->file_slots; i++) {
      if (!d->file_ids[i])
        continue;
      unsigned j = (unsigned)d->file_keys[i] & (slots - 1);
      while (ids[j])
        j = (j + 1) & (slots - 1);
      keys[j] = d->file_keys[i];
      ids[j] = d->file_ids[i];
    }
    free(d->file_keys);
    free(d->file_ids);
    d->file_keys = keys;
    d->file_ids = ids;
    d->file_slots = slots;
  }
  uint64_t key = mix(mix(mix((uintptr_t)path, (uint64_t)sec), (uint64_t)nsec),
                     (uint64_t)size);
  unsigned j = (unsigned)key & (d->file_slots - 1);
  for (; d->file_ids[j]; j = (j + 1) & (d->file_slots - 1)) {
    const struct esc_sum_file *f = &d->files[d->file_ids[j] - 1];
    if (d->file_keys[j] == key && f->path == path && f->sec == sec &&
        f->nsec == nsec && f->size == size)
      return d->file_ids[j] - 1;
  }
  ESC_ARRAY_GROW(d->files, d->nfiles, d->files_cap);
  d->files[d->nfiles] = (struct esc_sum_file){path, sec, size, nsec, -1};
  d->file_keys[j] = key;
  d->file_ids[j] = ++d->nfiles;     /* 0: an empty slot */
  return d->nfiles - 1;
}

const struct esc_sum_stat *esc_sum_stat(struct esc_sum_dir *d, const char *path)
{
  if (2 * (d->nstats + 1) > d->stat_slots) {
    unsigned slots = d->stat_slots ? 2 * d->stat_slots : 128;
    struct esc_sum_stat *t = esc_xcalloc(slots, sizeof *t);
    for (unsigned i = 0; i < d->stat_slots; i++)
      if (d->stats[i].path) {
        unsigned j = ptr_slot(d->stats[i].path, slots);
        while (t[j].path)
          j = (j + 1) & (slots - 1);
        t[j] = d->stats[i];
      }
    free(d->stats);
    d->stats = t;
    d->stat_slots = slots;
  }
  unsigned j = ptr_slot(path, d->stat_slots);
  for (; d->stats[j].path; j = (j + 1) & (d->stat_slots - 1))
    if (d->stats[j].path == path)
      return &d->stats[j];
  struct stat sb;
  struct esc_sum_stat *st = &d->stats[j];
  st->path = path;
  st->exists = stat(path, &sb) == 0;
  st->sec = st->exists ? (long long)sb.st_mtim.tv_sec : 0;
  st->nsec = st->exists ? (long)sb.st_mtim.tv_nsec : 0;
  st->size = st->exists ? (long long)sb.st_size : 0;
  d->nstats++;
  return st;
}

bool esc_sum_file_same(struct esc_sum_dir *d, unsigned i)
{
  struct esc_sum_file *f = &d->files[i];
  if (f->same < 0) {
    const struct esc_sum_stat *st = esc_sum_stat(d, f->path);
    f->same = st->exists && st->sec == f->sec && st->nsec == f->nsec &&
              st->size == f->size;
  }
  return f->same == 1;
}

static unsigned name_slot(const struct esc_sum_dir *d, const char *name)
{
  return (unsigned)esc_sum_hash(name, strlen(name)) & (d->name_slots - 1);
}

/* Keep TEXT (malloc'ed) until D is freed: names point into it.  */
static void keep_text(struct esc_sum_dir *d, char *text)
{
  ESC_ARRAY_GROW(d->texts, d->ntexts, d->texts_cap);
  d->texts[d->ntexts++] = text;
}

/* The names each unit defines, for lookups.  */
static void index_names(struct esc_sum_dir *d)
{
  unsigned n = 0;
  for (unsigned i = 0; i < d->nunits; i++)
    n += d->units[i].nrecs;
  d->name_slots = 64;
  while (d->name_slots < 2 * n + 2)
    d->name_slots *= 2;
  d->name_heads = esc_xrealloc(NULL, d->name_slots * sizeof *d->name_heads);
  for (unsigned i = 0; i < d->name_slots; i++)
    d->name_heads[i] = -1;
  d->defs = esc_xrealloc(NULL, (n + 1) * sizeof *d->defs);
  d->ndefs = 0;
  for (unsigned i = 0; i < d->nunits; i++)
    for (unsigned r = 0; r < d->units[i].nrecs; r++) {
      const char *name = d->units[i].recs[r].name;
      unsigned j = name_slot(d, name);
      while (d->name_heads[j] >= 0 && strcmp(d->defs[d->name_heads[j]].name, name))
        j = (j + 1) & (d->name_slots - 1);
      d->defs[d->ndefs] = (struct esc_sum_def){name, i, r, d->name_heads[j]};
      d->name_heads[j] = (int)d->ndefs++;
    }
}

int esc_sum_first_def(const struct esc_sum_dir *d, const char *name)
{
  if (!d->name_slots)
    return -1;
  unsigned j = name_slot(d, name);
  while (d->name_heads[j] >= 0 && strcmp(d->defs[d->name_heads[j]].name, name))
    j = (j + 1) & (d->name_slots - 1);
  return d->name_heads[j];
}

/* ------------------------------------------------------------ parsing */

/* The next line of *P (NUL-terminated in place), or NULL at the end.  */
static char *next_line(char **p)
{
  char *s = *p;
  if (!*s)
    return NULL;
  char *nl = strchr(s, '\n');
  if (nl) {
    *nl = 0;
    *p = nl + 1;
  } else {
    *p = s + strlen(s);
  }
  return s;
}

/* The next space-separated word of *P (NUL-terminated in place).  */
static char *word(char **p)
{
  char *s = *p;
  while (*s == ' ')
    s++;
  if (!*s)
    return NULL;
  char *e = s;
  while (*e && *e != ' ')
    e++;
  if (*e)
    *e++ = 0;
  *p = e;
  return s;
}

/* Numbers by hand: strtoull and strtoll, locale and all, were a third
   of the index's reading.  */
static bool hex64(char **p, uint64_t *out)
{
  char *w = word(p);
  if (!w)
    return false;
  uint64_t v = 0;
  int n = 0;
  for (; *w; w++, n++) {
    unsigned c = (unsigned char)*w;
    unsigned d = c - '0' < 10 ? c - '0' : c - 'a' < 6 ? c - 'a' + 10 : 99;
    if (d == 99 || n == 16)
      return false;
    v = v << 4 | d;
  }
  *out = v;
  return n > 0;
}

/* "NAME HASH" (a use, a record's name and hash): NAME stays in *P's
   text.  */
static bool named_hash(char **p, struct esc_sum_use *out)
{
  return (out->name = word(p)) != NULL && hex64(p, &out->hash);
}

static bool num(char **p, long long *out)
{
  char *w = word(p);
  if (!w)
    return false;
  bool neg = *w == '-';
  w += neg;
  unsigned long long v = 0, max = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
  int n = 0;
  for (; *w; w++, n++) {
    unsigned dgt = (unsigned)(*w - '0');
    if (dgt > 9 || v > (max - dgt) / 10)
      return false;
    v = v * 10 + dgt;
  }
  *out = neg ? (v == max ? LLONG_MIN : -(long long)v) : (long long)v;
  return n > 0;
}

static void free_unit(struct esc_sum_unit *su)
{
  free(su->files);   /* raw_files, raw_uses point into a kept text */
  free(su->uses);
  for (unsigned r = 0; r < su->nrecs; r++)
    free(su->recs[r].tags);
  free(su->recs);
  memset(su, 0, sizeof *su);
}

static uint64_t unit_hash_of(const char *file)
{
  return strtoull(file, NULL, 16);     /* its first 16 hex digits */
}

/* "file SEC NSEC SIZE PATH" (PATH is the rest: it may hold spaces).  */
static bool parse_file_line(struct esc_unit *u, struct esc_sum_dir *d, char *p,
                            unsigned *id)
{
  long long sec, nsec, size;
  if (!num(&p, &sec) || !num(&p, &nsec) || !num(&p, &size) || !*p)
    return false;
  *id = add_file(u, d, p, sec, (long)nsec, size);
  return true;
}

/* Parse the text of a unit file (N bytes, NUL-terminated, modified in
   place; the strings *SU keeps are interned) named FILE into *SU, tags
   and all; its files and uses too unless RECORDS_ONLY.  NULL or why
   not.  */
static const char *parse_unit(struct esc_unit *u, struct esc_sum_dir *d,
                              const char *file, char *text, size_t n,
                              bool records_only, struct esc_sum_unit *su)
{
  memset(su, 0, sizeof *su);
  su->file = esc_intern(u, file);
  su->unit_hash = unit_hash_of(file);
  su->local = -1;
  /* The name's content hash is the bytes' (the last 16 digits).  */
  if (esc_sum_hash(text, n) != strtoull(file + 17, NULL, 16))
    return "malformed";
  unsigned files_cap = 0, uses_cap = 0, recs_cap = 0, ntags = 0;
  struct esc_sum_rec *rec = NULL;
  uint64_t body = 0;             /* the hash of the record's lines */
  bool end = false;
  char *p = text, *line = next_line(&p);
  if (!line || strcmp(line, ESC_SUM_MAGIC) != 0)
    return "malformed";
  while (!end && (line = next_line(&p)) != NULL) {
    size_t len = strlen(line);
    char *rest = line, *key = word(&rest);
    if (!key)
      return "malformed";
    /* A record ends where the next begins: check its hash and tags.  */
    if (rec && (strcmp(key, "fn") == 0 || strcmp(key, "end") == 0)) {
      if (!rec->tags || ntags != rec->nparams + 1 || body != rec->hash)
        return "malformed";
      rec = NULL;
    }
    if (rec) {                   /* its lines as written: word() cut them */
      for (size_t i = 0; i < len; i++)
        body = esc_sum_hash_more(body, line[i] ? &line[i] : " ", 1);
      body = esc_sum_hash_more(body, "\n", 1);
    }
    if (records_only && (strcmp(key, "file") == 0 || strcmp(key, "uses") == 0)) {
      continue;               /* the index has them */
    } else if (strcmp(key, "file") == 0) {
      ESC_ARRAY_GROW(su->files, su->nfiles, files_cap);
      if (!parse_file_line(u, d, rest, &su->files[su->nfiles++]))
        return "malformed";
    } else if (strcmp(key, "from") == 0) {
      su->from = esc_intern(u, rest);
    } else if (strcmp(key, "args") == 0) {
      if (!hex64(&rest, &su->args))
        return "malformed";
    } else if (strcmp(key, "uses") == 0) {
      struct esc_sum_use use;
      if (!named_hash(&rest, &use))
        return "malformed";
      use.name = esc_intern(u, use.name);
      ESC_ARRAY_GROW(su->uses, su->nuses, uses_cap);
      su->uses[su->nuses++] = use;
    } else if (strcmp(key, "fn") == 0) {
      struct esc_sum_use fn;
      if (!named_hash(&rest, &fn))
        return "malformed";
      ESC_ARRAY_GROW(su->recs, su->nrecs, recs_cap);
      rec = &su->recs[su->nrecs++];
      memset(rec, 0, sizeof *rec);
      rec->name = esc_intern(u, fn.name);
      rec->hash = fn.hash;
      body = ESC_SUM_HASH_INIT;
      ntags = 0;
    } else if (strcmp(key, "end") == 0) {
      end = true;
    } else if (!rec) {
      return "malformed";
    } else if (strcmp(key, "decl") == 0) {
      if (!hex64(&rest, &rec->decl))
        return "malformed";
    } else if (strcmp(key, "params") == 0) {
      long long np;
      if (!num(&rest, &np) || np < 0 || np > 4096 || rec->tags)
        return "malformed";
      rec->nparams = (unsigned)np;
      rec->tags = esc_xcalloc(rec->nparams + 1, sizeof *rec->tags);
    } else if (strcmp(key, "tag") == 0) {
      long long v[5];
      for (int i = 0; i < 5; i++)
        if (!num(&rest, &v[i]))
          return "malformed";
      if (!rec->tags || ntags > rec->nparams)
        return "malformed";
      rec->tags[ntags++] = (struct esc_tag){(uint8_t)v[0], (uint8_t)v[1],
                                            (uint8_t)v[2], v[3] != 0, v[4] != 0};
    } else if (strcmp(key, "spec") == 0) {
      long long v[7];
      for (int i = 0; i < 7; i++)
        if (!num(&rest, &v[i]))
          return "malformed";
      if (v[0] < 0 || v[0] > ESC_SPEC_FREE)
        return "malformed";
      rec->has_spec = true;
      rec->spec = (struct esc_spec){rec->name, (enum esc_spec_kind)v[0], (int)v[1],
                                    (int)v[2], (int)v[3], v[4], v[5], v[6]};
    } else {
      return "malformed";
    }
  }
  if (!end || *p)
    return "malformed";
  su->read = true;
  return NULL;
}

/* ------------------------------------------------------------ files */

/* The whole of file PATH, NUL-terminated (*N its length), or NULL.  */
static char *slurp(const char *path, size_t *n)
{
  int fd = open(path, O_RDONLY);
  struct stat sb;
  if (fd < 0)
    return NULL;
  if (fstat(fd, &sb) != 0 || sb.st_size < 0 || sb.st_size > (1 << 30)) {
    close(fd);
    return NULL;
  }
  size_t want = (size_t)sb.st_size, len = 0;
  char *buf = esc_xrealloc(NULL, want + 1);
  while (len < want) {
    ssize_t got = read(fd, buf + len, want - len);
    if (got <= 0)
      break;
    len += (size_t)got;
  }
  close(fd);
  if (len != want) {          /* cut short: as good as unreadable */
    free(buf);
    return NULL;
  }
  buf[len] = 0;
  *n = len;
  return buf;
}

static char *dir_path(const struct esc_unit *u, const char *file)
{
  struct esc_strbuf b = {0};
  esc_sb_printf(&b, "%s/%s", u->cfg.summaries, file);
  return b.s;
}

/* Read and parse unit file FILE; NULL or why not.  */
static const char *read_file(struct esc_unit *u, struct esc_sum_dir *d,
                             const char *file, bool records_only,
                             struct esc_sum_unit *su)
{
  char *path = dir_path(u, file);
  size_t n = 0;
  char *text = slurp(path, &n);
  free(path);
  if (!text) {
    memset(su, 0, sizeof *su);
    return "unreadable";
  }
  const char *why = parse_unit(u, d, file, text, n, records_only, su);
  free(text);                 /* what is kept of it is interned */
  return why;
}

/* What a damaged unit file FILE still says it defines (its "fn NAME"
   lines): a rival to every other definition of those names.  */
static void damaged(struct esc_unit *u, struct esc_sum_dir *d, const char *file,
                    struct esc_sum_unit *su)
{
  free_unit(su);
  su->file = esc_intern(u, file);
  su->unit_hash = unit_hash_of(file);
  su->bad = true;
  su->local = 0;
  su->why = "malformed";
  char *path = dir_path(u, file);
  size_t n = 0;
  char *text = slurp(path, &n);
  free(path);
  if (!text)
    return;
  keep_text(d, text);
  unsigned cap = 0;
  for (char *p = text, *line; (line = next_line(&p)) != NULL;) {
    char *rest = line, *key = word(&rest), *name;
    if (key && strcmp(key, "fn") == 0 && (name = word(&rest)) != NULL) {
      ESC_ARRAY_GROW(su->recs, su->nrecs, cap);
      su->recs[su->nrecs++] = (struct esc_sum_rec){.name = name};
    }
  }
}

const char *esc_sum_read_unit(struct esc_unit *u, struct esc_sum_dir *d,
                              unsigned i)
{
  struct esc_sum_unit *su = &d->units[i];
  if (su->read)
    return NULL;
  struct esc_sum_unit got;
  const char *why = read_file(u, d, su->file, true, &got);
  /* The index copied these records from this very file (its name fixes
     its bytes): anything else is a damaged index.  */
  bool same = !why && got.nrecs == su->nrecs;
  for (unsigned r = 0; same && r < su->nrecs; r++)
    same = strcmp(got.recs[r].name, su->recs[r].name) == 0 &&
           got.recs[r].hash == su->recs[r].hash;
  if (!why && !same)
    why = "malformed";
  if (!why) {
    free(su->recs);
    su->recs = got.recs;
    got.recs = NULL;
    got.nrecs = 0;
    su->read = true;
  }
  free_unit(&got);
  return why;
}

/* ------------------------------------------------------------ the index */

/* The file of the index's line ID, entered in the table on first use
   (-1: no such line, or a damaged one).  */
static int index_file(struct esc_unit *u, struct esc_sum_dir *d, long long id)
{
  if (id < 0 || id >= d->nplines)
    return -1;
  if (d->pids[id] < 0 && d->plines[id]) {
    unsigned f;
    if (parse_file_line(u, d, d->plines[id], &f))
      d->pids[id] = (int)f;
    d->plines[id] = NULL;     /* parsed, or damaged for good */
  }
  return d->pids[id];
}

bool esc_sum_deps(struct esc_unit *u, struct esc_sum_dir *d, unsigned i)
{
  struct esc_sum_unit *su = &d->units[i];
  bool ok = true;
  unsigned cap = 0;
  for (char *p = su->raw_files; ok && p && *p;) {
    long long id;
    int f = num(&p, &id) ? index_file(u, d, id) : -1;
    ok = f >= 0;
    if (ok) {
      ESC_ARRAY_GROW(su->files, su->nfiles, cap);
      su->files[su->nfiles++] = (unsigned)f;
    }
  }
  cap = 0;
  for (char *p = su->raw_uses; ok && p && *p;) {
    struct esc_sum_use use;
    if ((ok = named_hash(&p, &use))) {
      ESC_ARRAY_GROW(su->uses, su->nuses, cap);
      su->uses[su->nuses++] = use;
    }
  }
  su->raw_files = su->raw_uses = NULL;
  if (!ok) {
    su->bad = true;
    su->local = 0;
    su->why = "malformed";
  }
  return ok;
}

/* The index's units (sorted by file name as written), into *OUT.  A
   unit's files and uses stay lines of the index until it is looked at:
   most compiles look at few.  An index that is not whole (its last line
   hashes the others) is not read at all.  */
static unsigned read_index(struct esc_unit *u, struct esc_sum_dir *d,
                           struct esc_sum_unit **out)
{
  *out = NULL;
  char *path = dir_path(u, "index");
  size_t n = 0;
  char *text = slurp(path, &n);
  free(path);
  if (!text)
    return 0;
  keep_text(d, text);
  /* "end HASH\n": HASH of every byte before it */
  char *last = n >= 2 ? text + n - 2 : text;
  while (last > text && last[-1] != '\n')
    last--;
  uint64_t h;
  char *rest = last + 4;
  if (n < 2 || text[n - 1] != '\n' || strncmp(last, "end ", 4) != 0)
    return 0;
  text[n - 1] = 0;
  if (!hex64(&rest, &h) || *rest || h != esc_sum_hash(text, (size_t)(last - text)))
    return 0;
  *last = 0;
  struct esc_sum_unit *units = NULL, *su = NULL;
  unsigned nunits = 0, cap = 0, recs_cap = 0;
  bool ok = true;
  char *p = text, *line = next_line(&p);
  if (!line || strcmp(line, ESC_SUM_INDEX_MAGIC) != 0)
    ok = false;
  while (ok && (line = next_line(&p)) != NULL) {
    char *rest = line, *key = word(&rest), *w;
    if (!key) {
      ok = false;
    } else if (strcmp(key, "p") == 0) {
      ESC_ARRAY_GROW(d->plines, d->nplines, d->plines_cap);
      d->pids = esc_xrealloc(d->pids, d->plines_cap * sizeof *d->pids);
      d->pids[d->nplines] = -1;
      d->plines[d->nplines++] = rest;
    } else if (strcmp(key, "u") == 0) {
      if (!(w = word(&rest)) || !is_unit_file(w) ||
          (nunits && strcmp(units[nunits - 1].file, w) >= 0)) {
        ok = false;
        break;
      }
      ESC_ARRAY_GROW(units, nunits, cap);
      su = &units[nunits++];
      memset(su, 0, sizeof *su);
      su->file = esc_intern(u, w);
      su->unit_hash = unit_hash_of(w);
      su->local = -1;
      ok = hex64(&rest, &su->args);
      su->from = *rest ? esc_intern(u, rest) : NULL;
      recs_cap = 0;
    } else if (!su) {
      ok = false;
    } else if (strcmp(key, "b") == 0) {
      su->bad = true;
      su->local = 0;
      su->why = "malformed";
    } else if (strcmp(key, "f") == 0) {
      su->raw_files = rest;
    } else if (strcmp(key, "x") == 0) {
      su->raw_uses = rest;
    } else if (strcmp(key, "n") == 0) {
      struct esc_sum_use rec;
      if ((ok = named_hash(&rest, &rec))) {
        ESC_ARRAY_GROW(su->recs, su->nrecs, recs_cap);
        su->recs[su->nrecs++] = (struct esc_sum_rec){.name = rec.name, .hash = rec.hash};
      }
    } else {
      ok = false;
    }
  }
  if (!ok) {                 /* a damaged index: read the files instead */
    for (unsigned i = 0; i < nunits; i++)
      free_unit(&units[i]);
    free(units);
    d->nplines = 0;
    return 0;
  }
  *out = units;
  return nunits;
}

/* A name for a temporary file of this process in DIR: the pid, and the
   clock, for builds sharing DIR across machines.  */
static void tmp_name(struct esc_strbuf *b, const char *dir, const char *what)
{
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  esc_sb_printf(b, "%s/.%s.%ld.%lx%lx.tmp", dir, what, (long)getpid(),
                (unsigned long)ts.tv_sec, (unsigned long)ts.tv_nsec);
}

bool esc_sum_write_file(const char *dir, const char *name, const char *what,
                        const char *text, size_t n)
{
  struct esc_strbuf tmp = {0}, path = {0};
  tmp_name(&tmp, dir, what);
  esc_sb_printf(&path, "%s/%s", dir, name);
  FILE *out = fopen(tmp.s, "w");
  bool ok = false;
  if (out) {
    ok = fwrite(text, 1, n, out) == n;
    ok = fclose(out) == 0 && ok && rename(tmp.s, path.s) == 0;
    if (!ok)
      remove(tmp.s);
  }
  esc_sb_free(&tmp);
  esc_sb_free(&path);
  return ok;
}

/* Write the index of D's units (a failure only costs the next reader
   the files' reading).  */
static void write_index(struct esc_unit *u, struct esc_sum_dir *d)
{
  for (unsigned i = 0; i < d->nunits; i++)
    esc_sum_deps(u, d, i);
  struct esc_strbuf b = {0};
  esc_sb_printf(&b, "%s\n", ESC_SUM_INDEX_MAGIC);
  /* the files the units name, numbered in order of first use */
  int *id = esc_xrealloc(NULL, (d->nfiles + 1) * sizeof *id);
  for (unsigned i = 0; i < d->nfiles; i++)
    id[i] = -1;
  int nid = 0;
  for (unsigned i = 0; i < d->nunits; i++)
    for (unsigned k = 0; k < d->units[i].nfiles; k++) {
      unsigned f = d->units[i].files[k];
      if (id[f] < 0) {
        id[f] = nid++;
        esc_sb_printf(&b, "p %lld %ld %lld %s\n", d->files[f].sec, d->files[f].nsec,
                      d->files[f].size, d->files[f].path);
      }
    }
  for (unsigned i = 0; i < d->nunits; i++) {
    const struct esc_sum_unit *su = &d->units[i];
    esc_sb_printf(&b, "u %s %016llx %s\n", su->file, (unsigned long long)su->args,
                  su->from ? su->from : "");
    if (su->bad)
      esc_sb_puts(&b, "b\n");
    if (su->nfiles) {
      esc_sb_puts(&b, "f");
      for (unsigned k = 0; k < su->nfiles; k++)
        esc_sb_printf(&b, " %d", id[su->files[k]]);
      esc_sb_puts(&b, "\n");
    }
    if (su->nuses) {
      esc_sb_puts(&b, "x");
      for (unsigned k = 0; k < su->nuses; k++)
        esc_sb_printf(&b, " %s %016llx", su->uses[k].name,
                      (unsigned long long)su->uses[k].hash);
      esc_sb_puts(&b, "\n");
    }
    for (unsigned k = 0; k < su->nrecs; k++)
      esc_sb_printf(&b, "n %s %016llx\n", su->recs[k].name,
                    (unsigned long long)su->recs[k].hash);
  }
  free(id);
  esc_sb_printf(&b, "end %016llx\n", (unsigned long long)esc_sum_hash(b.s, b.len));
  esc_sum_write_file(u->cfg.summaries, "index", "index", b.s, b.len);
  esc_sb_free(&b);
}

struct esc_sum_dir *esc_sum_dir_get(struct esc_unit *u)
{
  if (!u->sumdir)
    u->sumdir = esc_xcalloc(1, sizeof *u->sumdir);
  return u->sumdir;
}

struct esc_sum_dir *esc_sum_dir_load(struct esc_unit *u)
{
  struct esc_sum_dir *d = esc_sum_dir_get(u);
  if (d->loaded)
    return d;
  d->loaded = true;
  char **names = esc_sum_list(u->cfg.summaries);
  struct esc_sum_unit *idx;
  unsigned nidx = read_index(u, d, &idx), j = 0;
  /* Files the index lacks, read here, and entries it has of files now
     gone: written back once it is a few files behind (a rebuild where
     only some units' summaries change should not rewrite it in every
     compile).  */
  unsigned unread = 0, gone = 0;
  /* Both sorted by name: take the index's unit where it lists the
     file, read the file where it does not, drop what is gone.  */
  for (char **name = names; *name || j < nidx;) {
    int c = !*name ? 1 : j == nidx ? -1 : strcmp(*name, idx[j].file);
    if (c > 0) {             /* no longer there */
      free_unit(&idx[j++]);
      gone++;
      continue;
    }
    ESC_ARRAY_GROW(d->units, d->nunits, d->units_cap);
    struct esc_sum_unit *su = &d->units[d->nunits];
    if (c == 0) {
      *su = idx[j++];
      d->nunits++;
    } else {
      const char *why = read_file(u, d, *name, false, su);
      if (!why || strcmp(why, "unreadable") != 0) {
        if (why)             /* damaged: its names still count */
          damaged(u, d, *name, su);
        d->nunits++;
      } else {               /* gone since the listing: left out */
        free_unit(su);
      }
      unread++;
    }
    name++;
  }
  free(idx);
  esc_sum_names_free(names);
  if (unread > 4 || gone > 16 || (!nidx && d->nunits))
    write_index(u, d);
  index_names(d);
  return d;
}

void esc_sum_dir_free(struct esc_sum_dir *d)
{
  if (!d)
    return;
  for (unsigned i = 0; i < d->nunits; i++)
    free_unit(&d->units[i]);
  free(d->units);
  free(d->files);
  free(d->file_keys);
  free(d->file_ids);
  free(d->defs);
  free(d->name_heads);
  free(d->stats);
  free(d->plines);
  free(d->pids);
  for (unsigned i = 0; i < d->ntexts; i++)
    free(d->texts[i]);
  free(d->texts);
  free(d);
}
