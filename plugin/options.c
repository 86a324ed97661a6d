/* options.c - the plugin's arguments: -fplugin-arg-escape-KEY[=VALUE].  */
#include <errno.h>
#include <fnmatch.h>
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
  "  stats           one summary line per translation unit\n"
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

bool esc_config_set(struct esc_config *cfg, const char *key,
                    const char *value, char *err, size_t errlen)
{
  if (!key)
    key = "";
  if (strcmp(key, "m") == 0) {
    if (!value || strcmp(value, "1") == 0)
      cfg->m = 1;
    else if (strcmp(value, "2") == 0)
      cfg->m = 2;
    else if (strcmp(value, "0") == 0)
      cfg->m = 0;
    else {
      snprintf(err, errlen,
               "invalid value '%s' for argument 'm' (expected 0, 1 or 2)", value);
      return false;
    }
    return true;
  }
  if (strcmp(key, "max-stack") == 0 || strcmp(key, "max-var") == 0) {
    long long v = parse_bytes(value);
    if (v < 0) {
      snprintf(err, errlen,
               "invalid value '%s' for argument '%s' (expected a number of bytes)",
               value ? value : "", key);
      return false;
    }
    *(strcmp(key, "max-stack") == 0 ? &cfg->max_stack : &cfg->max_var) = v;
    return true;
  }
  if (strcmp(key, "alloc") == 0 || strcmp(key, "free") == 0) {
    if (!identifier_list(value)) {
      snprintf(err, errlen,
               "invalid value '%s' for argument '%s' (expected function names separated by commas)",
               value ? value : "", key);
      return false;
    }
    append_list(strcmp(key, "alloc") == 0 ? &cfg->allocators
                                          : &cfg->deallocators, value);
    return true;
  }
  if (strcmp(key, "functions") == 0) {
    if (!identifier_list(value)) {
      snprintf(err, errlen,
               "invalid value '%s' for argument 'functions' (expected function names separated by commas)",
               value ? value : "");
      return false;
    }
    append_list(&cfg->functions, value);
    return true;
  }
  if (strcmp(key, "files") == 0) {
    if (!value || !*value || strstr(value, ",,") || value[0] == ',' ||
        value[strlen(value) - 1] == ',') {
      snprintf(err, errlen,
               "invalid value '%s' for argument 'files' (expected file patterns separated by commas)",
               value ? value : "");
      return false;
    }
    append_list(&cfg->files, value);
    return true;
  }
  if (strcmp(key, "sarif") == 0) {
    if (!value || !*value) {
      snprintf(err, errlen, "argument 'sarif' needs a file name (sarif=FILE)");
      return false;
    }
    free(cfg->sarif);
    cfg->sarif = esc_strdup(value);
    return true;
  }
  if (strcmp(key, "stats") == 0)
    return no_value(key, value, err, errlen) && (cfg->stats = true);
  if (strcmp(key, "help") == 0)
    return no_value(key, value, err, errlen) && (cfg->help = true);
  if (strcmp(key, "version") == 0)
    return no_value(key, value, err, errlen) && (cfg->version = true);
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
