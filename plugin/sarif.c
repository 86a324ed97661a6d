/* sarif.c - a SARIF 2.1.0 log of the verdicts, for code review tools
   (GitHub code scanning and the like).  GCC 12 has no SARIF output of its
   own, so the plugin writes one: a rule per kind of verdict, a result per
   diagnostic, "declared here" as a related location and the -m=2 flow as
   a code flow.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
                esc_rules[rule].id, rule, esc_rules[rule].level);
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

bool esc_sarif_write(const struct esc_sarif *s, const char *path,
                     const char *version, const char *source)
{
  FILE *f = fopen(path, "w");
  if (!f)
    return false;
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
    esc_sb_printf(&b, "},\"defaultConfiguration\":{\"level\":\"%s\"}}", esc_rules[i].level);
  }
  esc_sb_puts(&b, "]}},");
  if (source) {
    esc_sb_puts(&b, "\"artifacts\":[{\"location\":{\"uri\":");
    json_uri(&b, source);
    esc_sb_puts(&b, "}}],");
  }
  esc_sb_puts(&b, "\"results\":[");
  bool ok = fputs(b.s, f) >= 0 &&
            (!s->results.s || fputs(s->results.s, f) >= 0) &&
            fputs("]}]}\n", f) >= 0;
  esc_sb_free(&b);
  return fclose(f) == 0 && ok;
}
