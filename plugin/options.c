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
  "  alloc=F,G,...   the project's own allocators (like malloc: size first)\n"
  "  free=F,G,...    the project's own deallocators (like free)\n"
  "  functions=F,... report only on these functions\n"
  "  files=GLOB,...  report only on files matching these patterns\n"
  "  sarif=FILE      also write the verdicts as a SARIF 2.1.0 log to FILE\n"
  "                  (one log per build: FILE.d/ keeps each unit's part)\n"
  "  error=KIND,...  give these kinds as errors (dangling-address, ...)\n"
  "  ignore=KIND,... do not report these kinds (leaking-param, ...)\n"
  "                  KIND: a rule id with or without 'escape/', as shown\n"
  "                  in brackets after a warning ([escape/dangling-address])\n"
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
  free(cfg->functions);
  free(cfg->files);
  free(cfg->sarif);
  free(cfg->errors);
  free(cfg->ignores);
  cfg->errors = cfg->ignores = NULL;
  cfg->allocators = cfg->deallocators = cfg->functions = cfg->files = NULL;
  cfg->sarif = NULL;
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
  {"alloc", offsetof(struct esc_config, allocators), identifier_list,
   "function names separated by commas"},
  {"free", offsetof(struct esc_config, deallocators), identifier_list,
   "function names separated by commas"},
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
};

/* The arguments without a value that set a flag.  */
static const struct {
  const char *key;
  size_t field;                    /* a bool of struct esc_config */
} flag_args[] = {
  {"stats", offsetof(struct esc_config, stats)},
  {"dump", offsetof(struct esc_config, dump)},
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
