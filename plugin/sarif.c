/* sarif.c - a SARIF 2.1.0 log of the verdicts, for code review tools
   (GitHub code scanning and the like).  GCC 12 has no SARIF output of its
   own, so the plugin writes one: a rule per kind of verdict, a result per
   diagnostic, "declared here" as a related location and the -m=2 flow as
   a code flow.  */
#define _XOPEN_SOURCE 700   /* fcntl locks, realpath, mkdir, dirent */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"

struct esc_sarif {
  struct esc_strbuf results;   /* the JSON of the results, comma-separated */
  unsigned count;
  unsigned used_rules;         /* bit per rule */
};

/* The rules are the verdict table's (rules.c, esc_rules).  */
int esc_sarif_rule(const char *id)
{
  for (unsigned i = 0; i < esc_nrules; i++)
    if (strcmp(esc_rules[i].id, id) == 0)
      return (int)i;
  return -1;
}

struct esc_sarif *esc_sarif_new(void)
{
  return esc_xcalloc(1, sizeof(struct esc_sarif));
}

void esc_sarif_free(struct esc_sarif *s)
{
  if (!s)
    return;
  esc_sb_free(&s->results);
  free(s);
}

static void json_string(struct esc_strbuf *b, const char *s)
{
  esc_sb_putc(b, '"');
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') {
      esc_sb_putc(b, '\\');
      esc_sb_putc(b, (char)c);
    } else if (c < 0x20) {
      esc_sb_printf(b, "\\u%04x", c);
    } else {
      esc_sb_putc(b, (char)c);
    }
  }
  esc_sb_putc(b, '"');
}

/* A file name as a URI reference: absolute paths become file:// URIs,
   characters outside RFC 3986's unreserved set and '/' are escaped.  */
static void json_uri(struct esc_strbuf *b, const char *path)
{
  struct esc_strbuf u = {0};
  if (path[0] == '/')
    esc_sb_puts(&u, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      esc_sb_putc(&u, (char)*p);
    else
      esc_sb_printf(&u, "%%%02X", *p);
  }
  json_string(b, u.s ? u.s : "");
  esc_sb_free(&u);
}

static void json_location(struct esc_strbuf *b, const struct esc_sarif_location *l)
{
  esc_sb_puts(b, "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
  json_uri(b, l->file ? l->file : "<unknown>");
  esc_sb_puts(b, "}");
  if (l->line > 0) {
    esc_sb_printf(b, ",\"region\":{\"startLine\":%d", l->line);
    if (l->column > 0)
      esc_sb_printf(b, ",\"startColumn\":%d", l->column);
    esc_sb_puts(b, "}");
  }
  esc_sb_puts(b, "}");
  if (l->message) {
    esc_sb_puts(b, ",\"message\":{\"text\":");
    json_string(b, l->message);
    esc_sb_puts(b, "}");
  }
  esc_sb_puts(b, "}");
}

bool esc_sarif_add(struct esc_sarif *s, const struct esc_sarif_result *r)
{
  int rule = esc_sarif_rule(r->rule);
  if (rule < 0)
    return false;
  struct esc_strbuf *b = &s->results;
  s->used_rules |= 1u << rule;
  if (s->count++)
    esc_sb_putc(b, ',');
  esc_sb_printf(b, "{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
                esc_rules[rule].id, rule, r->level ? r->level : esc_rules[rule].level);
  json_string(b, r->message);
  esc_sb_puts(b, "},\"locations\":[");
  json_location(b, &r->where);
  esc_sb_puts(b, "]");
  if (r->nrelated) {
    esc_sb_puts(b, ",\"relatedLocations\":[");
    for (unsigned i = 0; i < r->nrelated; i++) {
      /* id makes each related location referable, as SARIF suggests */
      struct esc_strbuf one = {0};
      json_location(&one, &r->related[i]);
      esc_sb_printf(b, "%s{\"id\":%u,%s", i ? "," : "", i, one.s + 1);
      esc_sb_free(&one);
    }
    esc_sb_puts(b, "]");
  }
  if (r->nflow) {
    esc_sb_puts(b, ",\"codeFlows\":[{\"threadFlows\":[{\"locations\":[");
    for (unsigned i = 0; i < r->nflow; i++) {
      esc_sb_puts(b, i ? ",{\"location\":" : "{\"location\":");
      json_location(b, &r->flow[i]);
      esc_sb_putc(b, '}');
    }
    esc_sb_puts(b, "]}]}]");
  }
  esc_sb_puts(b, "}");
  return true;
}

unsigned esc_sarif_count(const struct esc_sarif *s)
{
  return s->count;
}

/* PATH's fragment directory: PATH.d (the caller frees).  */
static char *fragment_dir(const char *path)
{
  size_t n = strlen(path);
  char *d = esc_xcalloc(1, n + 3);
  memcpy(d, path, n);
  memcpy(d + n, ".d", 3);
  return d;
}

/* Open (creating PATH.d) and lock PATH.d/.lock; -1 with errno set.  */
static int lock_log(const char *path)
{
  char *dir = fragment_dir(path);
  int fd = -1;
  if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
    struct esc_strbuf l = {0};
    esc_sb_printf(&l, "%s/.lock", dir);
    fd = open(l.s, O_RDWR | O_CREAT, 0666);
    esc_sb_free(&l);
  }
  free(dir);
  if (fd < 0)
    return -1;
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
  while (fcntl(fd, F_SETLKW, &fl) != 0)
    if (errno != EINTR) {
      int e = errno;
      close(fd);
      errno = e;
      return -1;
    }
  return fd;
}

bool esc_sarif_check(const char *path)
{
  int fd = lock_log(path);
  if (fd < 0)
    return false;
  close(fd);                    /* closing releases the lock */
  return true;
}

/* Write TEXT to PATH through a temporary file renamed into place.  */
static bool write_atomically(const char *path, const char *text)
{
  struct esc_strbuf tmp = {0};
  esc_sb_printf(&tmp, "%s.tmp%ld", path, (long)getpid());
  FILE *f = fopen(tmp.s, "w");
  bool ok = f && fputs(text, f) >= 0;
  if (f)
    ok = (fclose(f) == 0) && ok;
  ok = ok && rename(tmp.s, path) == 0;
  if (!ok) {
    int e = errno;
    remove(tmp.s);
    errno = e;
  }
  esc_sb_free(&tmp);
  return ok;
}

struct fragment {
  char *source;                 /* first line */
  const char *results;          /* the rest (inside TEXT) */
  char *text;
};

static int by_source(const void *a, const void *b)
{
  return strcmp(((const struct fragment *)a)->source,
                ((const struct fragment *)b)->source);
}

static char *read_all(const char *path)
{
  FILE *f = fopen(path, "r");
  if (!f)
    return NULL;
  struct esc_strbuf b = {0};
  char buf[65536];
  size_t n;
  esc_sb_puts(&b, "");
  while ((n = fread(buf, 1, sizeof buf - 1, f)) > 0) {
    buf[n] = 0;
    esc_sb_puts(&b, buf);
  }
  fclose(f);
  return b.s;
}

/* Rewrite PATH from every fragment of PATH.d (the lock is held).  */
static bool merge(const char *path, const char *version)
{
  char *dir = fragment_dir(path);
  DIR *d = opendir(dir);
  if (!d) {
    free(dir);
    return false;
  }
  struct fragment *fr = NULL;
  unsigned n = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d));) {
    size_t len = strlen(e->d_name);
    if (len < 6 || strcmp(e->d_name + len - 5, ".frag") != 0)
      continue;
    struct esc_strbuf p = {0};
    esc_sb_printf(&p, "%s/%s", dir, e->d_name);
    char *text = read_all(p.s);
    esc_sb_free(&p);
    char *nl = text ? strchr(text, '\n') : NULL;
    if (!nl) {
      free(text);
      continue;
    }
    *nl = 0;
    ESC_ARRAY_GROW(fr, n, cap);
    fr[n++] = (struct fragment){text, nl + 1, text};
  }
  closedir(d);
  free(dir);
  if (n)
    qsort(fr, n, sizeof *fr, by_source);

  struct esc_strbuf b = {0};
  esc_sb_puts(&b, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                  "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
                  "\"name\":\"escape\",\"version\":");
  json_string(&b, version);
  esc_sb_puts(&b, ",\"rules\":[");
  for (unsigned i = 0; i < esc_nrules; i++) {
    if (i)
      esc_sb_putc(&b, ',');
    esc_sb_printf(&b, "{\"id\":\"%s\",\"name\":\"%s\",\"shortDescription\":{\"text\":",
                  esc_rules[i].id, esc_rules[i].name);
    json_string(&b, esc_rules[i].short_text);
    esc_sb_puts(&b, "},\"fullDescription\":{\"text\":");
    json_string(&b, esc_rules[i].full_text);
    esc_sb_puts(&b, "},\"help\":{\"text\":");
    json_string(&b, esc_rules[i].help);
    esc_sb_printf(&b, "},\"defaultConfiguration\":{\"level\":\"%s\"}}", esc_rules[i].level);
  }
  /* The artifacts are the units with results (a build system's probe
     compiles, CMake's or configure's, have none).  */
  esc_sb_puts(&b, "]}},\"artifacts\":[");
  unsigned na = 0;
  for (unsigned i = 0; i < n; i++) {
    if (!fr[i].results[strspn(fr[i].results, "\n")])
      continue;
    esc_sb_puts(&b, na++ ? ",{\"location\":{\"uri\":" : "{\"location\":{\"uri\":");
    json_uri(&b, fr[i].source);
    esc_sb_puts(&b, "}}");
  }
  esc_sb_puts(&b, "],\"results\":[");
  bool first = true;
  for (unsigned i = 0; i < n; i++) {
    size_t len = strlen(fr[i].results);
    while (len && fr[i].results[len - 1] == '\n')
      len--;
    if (!len)
      continue;
    if (!first)
      esc_sb_putc(&b, ',');
    first = false;
    esc_sb_printf(&b, "%.*s", (int)len, fr[i].results);
  }
  esc_sb_puts(&b, "]}]}\n");
  for (unsigned i = 0; i < n; i++)
    free(fr[i].text);
  free(fr);
  bool ok = write_atomically(path, b.s);
  esc_sb_free(&b);
  return ok;
}

bool esc_sarif_write(const struct esc_sarif *s, const char *path,
                     const char *version, const char *source)
{
  /* The fragment's key: the source's absolute path.  */
  char abs[PATH_MAX];
  const char *src = source ? source : "<stdin>";
  struct esc_strbuf key = {0};
  if (realpath(src, abs))
    esc_sb_puts(&key, abs);
  else if (getcwd(abs, sizeof abs) && src[0] != '/')
    esc_sb_printf(&key, "%s/%s", abs, src);
  else
    esc_sb_puts(&key, src);
  uint64_t h = 1469598103934665603ull;           /* FNV-1a */
  for (const unsigned char *p = (const unsigned char *)key.s; *p; p++)
    h = (h ^ *p) * 1099511628211ull;
  const char *base = strrchr(key.s, '/');
  base = base ? base + 1 : key.s;

  int fd = lock_log(path);
  if (fd < 0) {
    esc_sb_free(&key);
    return false;
  }
  char *dir = fragment_dir(path);
  struct esc_strbuf frag = {0}, body = {0};
  esc_sb_printf(&frag, "%s/%016llx-%.64s.frag", dir, (unsigned long long)h, base);
  for (char *c = frag.s + strlen(dir) + 1; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
          (*c >= '0' && *c <= '9') || strchr("-._", *c)))
      *c = '_';
  /* Line 1: the source as the compiler was given it (the artifact);
     then the results, comma-separated.  */
  esc_sb_printf(&body, "%s\n%s\n", src, s->results.s ? s->results.s : "");
  bool ok = write_atomically(frag.s, body.s) && merge(path, version);
  int e = errno;
  close(fd);
  errno = e;
  free(dir);
  esc_sb_free(&frag);
  esc_sb_free(&body);
  esc_sb_free(&key);
  return ok;
}
