/* options.c - the plugin's arguments: -fplugin-arg-escape-KEY[=VALUE].  */
#include <errno.h>
#include <fnmatch.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

const char esc_help_text[] =
  "escape: Go's escape analysis for C.  Arguments (-fplugin-arg-escape-KEY[=VALUE]):\n"
  "  m, m=1          print Go-style verdicts (moved to heap, escapes to heap,\n"
  "                  leaking param, does not escape)\n"
  "  m=2             also explain each escape verdict, one note per flow step\n"
  "  max-stack=BYTES largest allocation that may be promoted to the stack\n"
  "                  (default 65536, Go's limit for implicit allocations)\n"
  "  max-var=BYTES   largest local object on the stack (default 131072)\n"
  "  alloc=F,G,...   the project's own allocators (like malloc: size first);\n"
  "                  F:sizeN names the size argument (1-based, like GCC's\n"
  "                  alloc_size), F:countN:sizeM a calloc-style count x size\n"
  "  realloc=F,...   the project's reallocators (like realloc: F:ptr1:size2)\n"
  "  free=F,G,...    the project's own deallocators (like free; F:ptrN)\n"
  "  wrappers        find the unit's allocator and deallocator wrappers\n"
  "  var-buffer=BYTES stack buffer of a non-escaping variable-size allocation\n"
  "                  (Go 1.25's rule; default 32, 0 turns the rule off)\n"
  "  summaries=DIR   write the tags of external functions to DIR, read those\n"
  "                  of the functions called (a second build sees across files)\n"
  "  functions=F,... report only on these functions\n"
  "  files=GLOB,...  report only on files matching these patterns\n"
  "  sarif=FILE      also write the verdicts as a SARIF 2.1.0 log to FILE\n"
  "                  (one log per build: FILE.d/ keeps each unit's part)\n"
  "  error=KIND,...  give these kinds as errors (dangling-address, ...)\n"
  "  ignore=KIND,... do not report these kinds (leaking-param, ...)\n"
  "                  KIND: a rule id with or without 'escape/', as shown\n"
  "                  in brackets after a warning ([escape/dangling-address])\n"
  "  promote         rewrite stack promotion candidates into stack storage\n"
  "                  (off by default; -m says what was promoted and why not)\n"
  "  promote-max=BYTES   largest allocation promote rewrites (default 1024)\n"
  "  promote-frame=BYTES most promote adds to one frame (default 4096)\n"
  "  stats           one summary line per translation unit\n"
  "  dump            write the pass dump file (FILE.c.NNNt.escape): each\n"
  "                  function's graph, the solver's decisions, the summaries;\n"
  "                  the same as -fdump-tree-escape, which GCC 11 and 12 do\n"
  "                  not accept for a plugin's pass (-fdump-tree-all does)\n"
  "  help            print this text\n"
  "  version         print the plugin's version\n";

void esc_config_init(struct esc_config *cfg)
{
  memset(cfg, 0, sizeof *cfg);
  cfg->max_stack = 64 * 1024;
  cfg->max_var = 128 * 1024;
  cfg->var_buffer = 32;
  cfg->promote_max = 1024;
  cfg->promote_frame = 4096;
}

/* A non-negative decimal number that fits, or -1.  */
static long long parse_bytes(const char *s)
{
  if (!s || !*s)
    return -1;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9')
      return -1;
  errno = 0;
  char *end;
  long long v = strtoll(s, &end, 10);
  if (errno || *end || v < 0)
    return -1;
  return v;
}

static bool no_value(const char *key, const char *value, char *err,
                     size_t errlen)
{
  if (!value)
    return true;
  snprintf(err, errlen, "argument '%s' takes no value (got '%s')", key, value);
  return false;
}

void esc_config_release(struct esc_config *cfg)
{
  free(cfg->allocators);
  free(cfg->deallocators);
  free(cfg->reallocators);
  free(cfg->summaries);
  free(cfg->functions);
  free(cfg->files);
  free(cfg->sarif);
  free(cfg->errors);
  free(cfg->ignores);
  cfg->errors = cfg->ignores = NULL;
  cfg->allocators = cfg->deallocators = cfg->functions = cfg->files = NULL;
  cfg->sarif = cfg->reallocators = cfg->summaries = NULL;
}

/* A comma-separated list of C identifiers.  */
static bool identifier_list(const char *s)
{
  bool start = true;
  if (!s || !*s)
    return false;
  for (; *s; s++) {
    if (*s == ',') {
      if (start)
        return false;
      start = true;
    } else if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
               *s == '_' || (!start && *s >= '0' && *s <= '9')) {
      start = false;
    } else {
      return false;
    }
  }
  return !start;
}

/* ------------------------------------------------------------ allocator specs

   alloc=, realloc= and free= take a list of NAME[:KEYN...] items; the
   positions N are 1-based (like GCC's alloc_size attribute):
     alloc    sizeN, countN (count needs size): alloc=my_calloc:count1:size2
     realloc  ptrN, sizeN, countN:              realloc=my_realloc:ptr1:size2
     free     ptrN:                             free=sqlite3DbFree:ptr2
   (not size=N: GCC keeps only the characters before a second '=' of a
   plugin argument, so the number would be lost).  KEY=N is accepted
   too when the text arrives whole (unit tests).  */

static bool spec_key_ok(enum esc_spec_kind kind, const char *key, size_t n)
{
#define IS(k) (n == sizeof k - 1 && memcmp(key, k, n) == 0)
  switch (kind) {
  case ESC_SPEC_ALLOC: return IS("size") || IS("count");
  case ESC_SPEC_REALLOC: return IS("size") || IS("count") || IS("ptr");
  case ESC_SPEC_FREE: return IS("ptr");
  }
  return false;
#undef IS
}

static bool is_ident_char(char c, bool first)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (!first && c >= '0' && c <= '9');
}

static void spec_defaults(enum esc_spec_kind kind, struct esc_spec *sp)
{
  sp->kind = kind;
  sp->size0 = kind == ESC_SPEC_REALLOC ? 1 : kind == ESC_SPEC_ALLOC ? 0 : -1;
  sp->size1 = -1;
  sp->ptr = kind == ESC_SPEC_ALLOC ? -1 : 0;
  sp->mul = 1;
  sp->add = 0;
  sp->min = 0;
  sp->name = NULL;
}

struct spec_item {
  bool open, match;
  int count, size, ptr;
};

/* The item before a new name or the end of the list: checked, and
   copied to *OUT when it is NAME's.  */
static bool spec_close(enum esc_spec_kind kind, const char *arg,
                       struct spec_item *it, struct esc_spec *out,
                       char *err, size_t errlen)
{
  if (!it->open)
    return true;
  if (it->count >= 0 && it->size < 0) {
    snprintf(err, errlen, "argument '%s': countN needs sizeN too", arg);
    return false;
  }
  if (it->match && out) {
    spec_defaults(kind, out);
    if (it->count >= 0) {
      out->size0 = it->count;
      out->size1 = it->size;
    } else if (it->size >= 0) {
      out->size0 = it->size;
    }
    if (it->ptr >= 0)
      out->ptr = it->ptr;
  }
  return true;
}

static const char *spec_keys(enum esc_spec_kind kind)
{
  return kind == ESC_SPEC_ALLOC ? "sizeN, countN"
         : kind == ESC_SPEC_REALLOC ? "ptrN, sizeN, countN" : "ptrN";
}

/* KEYN (or KEY=N) at K (up to E) into IT; false with a message.  */
static bool spec_key(enum esc_spec_kind kind, const char *arg, const char *k,
                     const char *e, struct spec_item *it, char *err,
                     size_t errlen)
{
  const char *q = k;
  while (q < e && *q >= 'a' && *q <= 'z')
    q++;
  size_t klen = (size_t)(q - k);
  if (!spec_key_ok(kind, k, klen)) {
    snprintf(err, errlen, "argument '%s': unknown key '%.*s' (%s takes %s, "
             "1-based positions)", arg, (int)(e - k), k, arg, spec_keys(kind));
    return false;
  }
  if (q < e && *q == '=')
    q++;
  long v = 0;
  const char *d = q;
  while (q < e && *q >= '0' && *q <= '9' && v < 1000)
    v = v * 10 + (*q++ - '0');
  if (q == d || q != e || v < 1 || v > 64) {
    snprintf(err, errlen, "argument '%s': '%.*s' needs a position from 1 to 64 "
             "(e.g. %.*s2)", arg, (int)(e - k), k, (int)klen, k);
    return false;
  }
  int *slot = klen == 5 ? &it->count : klen == 4 ? &it->size : &it->ptr;
  *slot = (int)v - 1;
  return true;
}

/* Walk LIST (an alloc=/realloc=/free= value).  With NAME == NULL check it
   (false with a message in ERR); else find NAME's spec into *OUT (false
   when NAME is not in LIST).  */
static bool spec_walk(enum esc_spec_kind kind, const char *list,
                      const char *name, struct esc_spec *out, char *err,
                      size_t errlen)
{
  static const char *const argname[] = {"alloc", "realloc", "free"};
  const char *arg = argname[kind];
  struct spec_item it = {false, false, -1, -1, -1};
  char scratch[256];
  if (name) {                 /* the list was checked when it was set */
    err = scratch;
    errlen = sizeof scratch;
  }
  if (!list || !*list) {
    snprintf(err, errlen, "argument '%s' needs function names (%s=NAME[:KEYN],...)",
             arg, arg);
    return false;
  }
  for (const char *p = list;;) {
    const char *e = p;
    while (*e && *e != ',')
      e++;
    const char *colon = p;
    while (colon < e && *colon != ':')
      colon++;
    if (!spec_close(kind, arg, &it, out, err, errlen))
      return false;
    if (it.match)
      return true;
    const char *q = p;
    while (q < colon && is_ident_char(*q, q == p))
      q++;
    if (q == p || q != colon) {
      snprintf(err, errlen, "invalid value '%s' for argument '%s' "
               "(expected C function names, NAME[:KEYN] separated by commas)",
               list, arg);
      return false;
    }
    it = (struct spec_item){true, false, -1, -1, -1};
    it.match = name && strlen(name) == (size_t)(colon - p) &&
               memcmp(name, p, (size_t)(colon - p)) == 0;
    for (const char *k = colon; k < e;) {
      const char *ke = ++k;
      while (ke < e && *ke != ':')
        ke++;
      if (!spec_key(kind, arg, k, ke, &it, err, errlen))
        return false;
      k = ke;
    }
    if (!*e)
      break;
    p = e + 1;
    if (!*p) {
      snprintf(err, errlen, "invalid value '%s' for argument '%s' (ends with a comma)",
               list, arg);
      return false;
    }
  }
  if (!spec_close(kind, arg, &it, out, err, errlen))
    return false;
  return name ? it.match : true;
}

bool esc_config_spec(const struct esc_config *cfg, const char *name,
                     struct esc_spec *out)
{
  const char *lists[] = {cfg->allocators, cfg->reallocators, cfg->deallocators};
  for (int k = 0; k < 3; k++)
    if (lists[k] && spec_walk((enum esc_spec_kind)k, lists[k], name, out, NULL, 0)) {
      out->name = name;
      return true;
    }
  return false;
}

/* Append LIST to *DST (arguments may be given more than once).  */
static void append_list(char **dst, const char *list)
{
  size_t old = *dst ? strlen(*dst) : 0, n = strlen(list);
  char *s = esc_xrealloc(*dst, old + n + 2);
  if (old)
    s[old++] = ',';
  memcpy(s + old, list, n + 1);
  *dst = s;
}

/* A comma-separated list of file patterns: no empty one.  */
static bool pattern_list(const char *s)
{
  return s && *s && !strstr(s, ",,") && s[0] != ',' && s[strlen(s) - 1] != ',';
}

/* The short name of rule ID: "dangling-address" for "escape/...".  */
static const char *kind_name(const char *id)
{
  return strncmp(id, "escape/", 7) == 0 ? id + 7 : id;
}

/* Does the LEN bytes at ITEM name rule ID?  */
static bool names_kind(const char *item, size_t len, const char *id)
{
  const char *k = kind_name(id);
  if (len > 7 && strncmp(item, "escape/", 7) == 0) {
    item += 7;
    len -= 7;
  }
  return strlen(k) == len && strncmp(item, k, len) == 0;
}

bool esc_kind_listed(const char *list, const char *rule_id)
{
  for (const char *p = list; p && *p;) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (names_kind(p, len, rule_id))
      return true;
    p = e ? e + 1 : NULL;
  }
  return false;
}

/* A comma-separated list of the verdict kinds of rules.c.  */
static bool kind_list(const char *s)
{
  if (!pattern_list(s))
    return false;
  for (const char *p = s; p && *p;) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    bool known = false;
    for (unsigned i = 0; i < esc_nrules && !known; i++)
      known = names_kind(p, len, esc_rules[i].id);
    if (!known)
      return false;
    p = e ? e + 1 : NULL;
  }
  return true;
}

/* The arguments taking a list, appended to when given again.  */
static const struct {
  const char *key;
  size_t field;                    /* a char * of struct esc_config */
  bool (*valid)(const char *);
  const char *expected;
} list_args[] = {
  {"functions", offsetof(struct esc_config, functions), identifier_list,
   "function names separated by commas"},
  {"files", offsetof(struct esc_config, files), pattern_list,
   "file patterns separated by commas"},
  {"error", offsetof(struct esc_config, errors), kind_list,
   "kinds separated by commas: dangling-address, moved-to-heap, "
   "escapes-to-heap, stack-promotion-candidate, leaking-param, "
   "does-not-escape, nested-function"},
  {"ignore", offsetof(struct esc_config, ignores), kind_list,
   "kinds separated by commas: dangling-address, moved-to-heap, "
   "escapes-to-heap, stack-promotion-candidate, leaking-param, "
   "does-not-escape, nested-function"},
};

/* The arguments taking a number of bytes.  */
static const struct {
  const char *key;
  size_t field;                    /* a long long of struct esc_config */
} byte_args[] = {
  {"max-stack", offsetof(struct esc_config, max_stack)},
  {"max-var", offsetof(struct esc_config, max_var)},
  {"var-buffer", offsetof(struct esc_config, var_buffer)},
  {"promote-max", offsetof(struct esc_config, promote_max)},
  {"promote-frame", offsetof(struct esc_config, promote_frame)},
};

/* The arguments without a value that set a flag.  */
static const struct {
  const char *key;
  size_t field;                    /* a bool of struct esc_config */
} flag_args[] = {
  {"stats", offsetof(struct esc_config, stats)},
  {"promote", offsetof(struct esc_config, promote)},
  {"dump", offsetof(struct esc_config, dump)},
  {"wrappers", offsetof(struct esc_config, wrappers)},
  {"help", offsetof(struct esc_config, help)},
  {"version", offsetof(struct esc_config, version)},
};

#define FIELD(cfg, type, off) ((type *)((char *)(cfg) + (off)))
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static bool invalid(char *err, size_t errlen, const char *key,
                    const char *value, const char *expected)
{
  snprintf(err, errlen, "invalid value '%s' for argument '%s' (expected %s)",
           value ? value : "", key, expected);
  return false;
}

static bool set_m(struct esc_config *cfg, const char *value, char *err,
                  size_t errlen)
{
  if (!value || strcmp(value, "1") == 0)
    cfg->m = 1;
  else if (strcmp(value, "2") == 0)
    cfg->m = 2;
  else if (strcmp(value, "0") == 0)
    cfg->m = 0;
  else
    return invalid(err, errlen, "m", value, "0, 1 or 2");
  return true;
}

bool esc_config_set(struct esc_config *cfg, const char *key,
                    const char *value, char *err, size_t errlen)
{
  if (!key)
    key = "";
  if (strcmp(key, "m") == 0)
    return set_m(cfg, value, err, errlen);
  for (size_t i = 0; i < COUNT(byte_args); i++) {
    if (strcmp(key, byte_args[i].key) != 0)
      continue;
    long long v = parse_bytes(value);
    if (v < 0)
      return invalid(err, errlen, key, value, "a number of bytes");
    *FIELD(cfg, long long, byte_args[i].field) = v;
    return true;
  }
  static const struct {
    const char *key;
    size_t field;
  } spec_args[] = {
    {"alloc", offsetof(struct esc_config, allocators)},
    {"realloc", offsetof(struct esc_config, reallocators)},
    {"free", offsetof(struct esc_config, deallocators)},
  };
  for (size_t i = 0; i < COUNT(spec_args); i++) {
    if (strcmp(key, spec_args[i].key) != 0)
      continue;
    if (!spec_walk((enum esc_spec_kind)i, value, NULL, NULL, err, errlen))
      return false;
    append_list(FIELD(cfg, char *, spec_args[i].field), value);
    return true;
  }
  if (strcmp(key, "summaries") == 0) {
    if (!value || !*value) {
      snprintf(err, errlen, "argument 'summaries' needs a directory (summaries=DIR)");
      return false;
    }
    free(cfg->summaries);
    cfg->summaries = esc_strdup(value);
    return true;
  }
  for (size_t i = 0; i < COUNT(list_args); i++) {
    if (strcmp(key, list_args[i].key) != 0)
      continue;
    if (!list_args[i].valid(value))
      return invalid(err, errlen, key, value, list_args[i].expected);
    append_list(FIELD(cfg, char *, list_args[i].field), value);
    return true;
  }
  for (size_t i = 0; i < COUNT(flag_args); i++)
    if (strcmp(key, flag_args[i].key) == 0)
      return no_value(key, value, err, errlen) &&
             (*FIELD(cfg, bool, flag_args[i].field) = true);
  if (strcmp(key, "sarif") == 0) {
    if (!value || !*value) {
      snprintf(err, errlen, "argument 'sarif' needs a file name (sarif=FILE)");
      return false;
    }
    free(cfg->sarif);
    cfg->sarif = esc_strdup(value);
    return true;
  }
  snprintf(err, errlen, "unknown argument '%s' (see -fplugin-arg-escape-help)", key);
  return false;
}

bool esc_list_match(const char *list, const char *name, bool glob)
{
  if (!list)
    return true;
  if (!name)
    return false;
  char item[512];
  for (const char *p = list; p && *p;) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len < sizeof item) {
      memcpy(item, p, len);
      item[len] = 0;
      if (glob ? fnmatch(item, name, 0) == 0 : strcmp(item, name) == 0)
        return true;
    }
    p = e ? e + 1 : NULL;
  }
  return false;
}
