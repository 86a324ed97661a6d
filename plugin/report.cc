/* report.cc - turn the core's verdicts into GCC diagnostics, in source
   order, one per site and verdict, after the whole unit is solved.  */
#include "adapter.h"
#include "tree-diagnostic.h"

namespace {

/* Statements GCC itself already warned about (-Wreturn-local-addr,
   -Wdangling-pointer): we do not warn a second time there.  */
struct seen_line {
  const char *file;
  int line;
};
vec<seen_line> gcc_warned;
vec<seen_line> ignored;          /* lines of #pragma escape ignore */
unsigned warnings_given;
double analysis_seconds, timer_started;

double
cpu_seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
diagnostic_starter_fn previous_starter;

void
remember_gcc_warning(location_t loc)
{
  expanded_location x = expand_location(loc);
  if (x.file)
    gcc_warned.safe_push({x.file, x.line});
}

void
watch_starter(diagnostic_context *dc, diagnostic_info *di)
{
  bool ours = di->option_index == OPT_Wreturn_local_addr;
#if ESCAPE_HAVE_WDANGLING_POINTER
  ours |= di->option_index == OPT_Wdangling_pointer_;
#endif
  if (ours) {
    location_t loc = diagnostic_location(di);
    remember_gcc_warning(loc);
    /* After inlining GCC warns at the callee's store; the plugin warns at
       the call that passes the address.  Each call site the warned
       statement was inlined through counts as warned too.  */
    for (tree b = LOCATION_BLOCK(loc); b && TREE_CODE(b) == BLOCK;
         b = BLOCK_SUPERCONTEXT(b))
      if (inlined_function_outer_scope_p(b))
        remember_gcc_warning(BLOCK_SOURCE_LOCATION(b));
  }
  previous_starter(dc, di);
}

bool
gcc_already_warned(location_t loc)
{
  expanded_location x = expand_location(loc);
  for (const seen_line &s : gcc_warned)
    if (s.line == x.line && x.file && strcmp(s.file, x.file) == 0)
      return true;
  return false;
}

/* Did "#pragma GCC diagnostic ignored" turn OPT off at LOC?  The same
   search as GCC's update_effective_level_from_pragmas; the command line
   is not looked at (the plugin's warnings are not GCC's options, and
   -Wno-dangling-pointer does not silence them).  */
bool
pragma_ignored(location_t loc, int opt)
{
  diagnostic_context *dc = global_dc;
  for (int i = dc->n_classification_history - 1; i >= 0; i--) {
    const diagnostic_classification_change_t &h = dc->classification_history[i];
    if (!linemap_location_before_p(line_table, h.location, loc))
      continue;
    if (h.kind == (int)DK_POP) {
      i = h.option;
      continue;
    }
    if (h.option == 0 || h.option == opt)
      return h.kind == DK_IGNORED;
  }
  return false;
}

/* A warning of ours that GCC's own -Wreturn-local-addr or
   -Wdangling-pointer would give: silenced where a pragma turns that
   option off.  */
bool
gcc_option_ignored(location_t loc, const char *reason)
{
  if (reason && strncmp(reason, "returned from", 13) == 0)
    return pragma_ignored(loc, OPT_Wreturn_local_addr);
#if ESCAPE_HAVE_WDANGLING_POINTER
  return pragma_ignored(loc, OPT_Wdangling_pointer_);
#else
  return false;
#endif
}

/* #pragma escape ignore: silence the plugin on the next line.  */
void
handle_ignore(cpp_reader *)
{
  tree t;
  location_t loc = input_location;
  if (pragma_lex(&t, &loc) != CPP_EOF)
    warning_at(loc, 0, "junk at end of %<#pragma escape ignore%>");
  expanded_location x = expand_location(loc);
  if (x.file)
    ignored.safe_push({x.file, x.line});
}

bool
ignored_at(const expanded_location &x)
{
  for (const seen_line &s : ignored)
    if ((x.line == s.line + 1 || x.line == s.line) && x.file &&
        strcmp(s.file, x.file) == 0)
      return true;
  return false;
}

/* -fplugin-arg-escape-functions= and files=: report only on those.  */
bool
selected(const esc_verdict &v, const expanded_location &x)
{
  const esc_config *cfg = esc_unit_config(escape_unit);
  return esc_list_match(cfg->functions, v.function, false) &&
         esc_list_match(cfg->files, x.file ? x.file : "", true);
}

struct sorted {
  const esc_verdict *v;
  expanded_location x;
};

int
compare_verdicts(const void *pa, const void *pb)
{
  const sorted *a = (const sorted *)pa, *b = (const sorted *)pb;
  int c = strcmp(a->x.file ? a->x.file : "", b->x.file ? b->x.file : "");
  if (c)
    return c;
  if (a->x.line != b->x.line)
    return a->x.line < b->x.line ? -1 : 1;
  if (a->x.column != b->x.column)
    return a->x.column < b->x.column ? -1 : 1;
  return a->v->seq < b->v->seq ? -1 : a->v->seq > b->v->seq;
}

/* A verdict on a variable captured by a nested function is a verdict on
   the frame object GCC keeps it in (FRAME.0): its steps name the
   variable instead (report sets these around emit).  */
const char *frame_name, *captured_name;

const char *
source_name(const char *name)
{
  return frame_name && name && strcmp(name, frame_name) == 0 ? captured_name : name;
}

/* "&i", "i", "*p": a flow step's source as Go prints it.  */
void
step_expr(char *buf, size_t len, const esc_step &s)
{
  const char *src = source_name(s.src);
  if (s.derefs < 0)
    snprintf(buf, len, "&%s", src);
  else {
    int n = s.derefs > 8 ? 8 : s.derefs;
    snprintf(buf, len, "%.*s%s", n, "********", src);
  }
}

struct esc_sarif *sarif;        /* -fplugin-arg-escape-sarif=FILE */

void
sarif_location(esc_sarif_location &out, location_t loc, const char *msg)
{
  expanded_location x = expand_location(loc);
  out.file = x.file;
  out.line = x.line;
  out.column = x.column;
  out.message = msg;
}

/* The name shown after a warning of ours, in GCC's bracket style:
   "[escape/dangling-address]" (the verdict kind, the SARIF rule id; no
   -W option, a plugin cannot add one).  GCC asks the diagnostic
   context's option_name hook for the text; ours answers for the
   diagnostic being given by emit and defers to GCC's otherwise.  */
const char *giving_kind;
char *(*gcc_option_name)(diagnostic_context *, int, diagnostic_t, diagnostic_t);

char *
kind_option_name(diagnostic_context *dc, int option, diagnostic_t orig,
                 diagnostic_t kind)
{
  if (giving_kind && option == 0 && (kind == DK_WARNING || kind == DK_ERROR)) {
    if (orig == DK_WARNING && kind == DK_ERROR)   /* -Werror */
      return concat(giving_kind, ", -Werror", NULL);
    return xstrdup(giving_kind);
  }
  return gcc_option_name ? gcc_option_name(dc, option, orig, kind) : NULL;
}

/* TEXT as a GCC diagnostic format: the core quotes names with '...';
   GCC's %< and %> quote as the locale says (U+2018/U+2019 under UTF-8,
   ' in the C locale), like GCC's own diagnostics.  '%' is escaped.  */
struct quoted {
  char *fmt;
  explicit quoted(const char *text)
  {
    unsigned nq = 0;
    for (const char *p = text; *p; p++)
      nq += *p == '\'';
    fmt = XNEWVEC(char, 2 * strlen(text) + 1);
    char *o = fmt;
    bool open = false;
    for (const char *p = text; *p; p++) {
      if (*p == '%') {
        *o++ = '%';
        *o++ = '%';
      } else if (*p == '\'' && nq % 2 == 0) {   /* balanced: pairs */
        *o++ = '%';
        *o++ = open ? '>' : '<';
        open = !open;
      } else {
        *o++ = *p;
      }
    }
    *o = 0;
  }
  ~quoted() { XDELETEVEC(fmt); }
};

/* One verdict as the user sees it: the diagnostic, the "declared here"
   note, and at -m=2 the flow, one note per step (Go's "flow: ~r0 = &i:
   from &i (address-of) at t.c:6:9"); the same goes into the SARIF log.  */
void
emit(const esc_verdict &v, const char *rule, bool warn, location_t loc,
     const char *text, location_t decl, const char *decl_text, int m)
{
  const esc_config *cfg = esc_unit_config(escape_unit);
  if (esc_kind_listed(cfg->ignores, rule))
    return;                     /* ignore=KIND */
  const bool as_error = esc_kind_listed(cfg->errors, rule);
  giving_kind = rule;
  if (as_error) {               /* error=KIND */
    error_at(loc, quoted(text).fmt);
    if (warn)
      warnings_given++;
  } else if (warn) {
    bool given = warning_at(loc, 0, quoted(text).fmt);
    giving_kind = NULL;
    if (!given)
      return;
    warnings_given++;
  }
  /* A verdict of -m is one line, as Go's and as GCC's own -fopt-info
     remarks: the source line and caret under each of sqlite3.c's 20,000
     notes were most of -m's output and cost (diagnostic_show_locus: a
     tenth of the compile at -O0).  Warnings keep them.  */
  const bool plain = !warn && !as_error;
  const bool caret = global_dc->show_caret;
  if (plain) {
    global_dc->show_caret = false;
    inform(loc, quoted(text).fmt);
  }
  giving_kind = NULL;
  if (decl_text)
    inform(decl, quoted(decl_text).fmt);
  global_dc->show_caret = caret;

  const bool explain = m >= 2 || (warn && sarif);
  const bool print = m >= 2 && !warn;   /* a warning's flow: in the log */
  unsigned nflow = explain ? v.nsteps + (v.reason && !v.nsteps && !warn) : 0;
  auto_vec<esc_sarif_location> flow;
  auto_vec<char *> texts;
  for (unsigned i = 0; i < nflow; i++) {
    char expr[320], note[1400];
    esc_step s;
    if (i < v.nsteps)
      s = v.steps[i];
    else {            /* escapes for a reason of its own: Go's "(too large for stack)" */
      char storage[300];
      snprintf(storage, sizeof storage, "{storage for %s}", v.name);
      s = {"{heap}", v.name, -1, ESC_WHY_ALLOC, (esc_pos)v.pos, NULL};
      step_expr(expr, sizeof expr, {s.dst, storage, -1, s.why, s.pos, NULL});
    }
    if (i < v.nsteps)
      step_expr(expr, sizeof expr, s);
    char kind_buf[300];
    const char *kind = i < v.nsteps ? esc_why_name(s.why) : v.reason;
    if (i < v.nsteps && s.callee) {   /* "(leaking call parameter of 'keep')" */
      snprintf(kind_buf, sizeof kind_buf, "%s of '%s'", kind, s.callee);
      kind = kind_buf;
    }
    const char *from = i < v.nsteps ? expr : v.name;
    expanded_location x = expand_location(s.pos);
    snprintf(note, sizeof note, "flow: %s = %s: from %s (%s) at %s:%d:%d", source_name(s.dst),
             expr, from, kind, x.file ? x.file : "<unknown>", x.line, x.column);
    if (print) {
      /* A step is one line, as Go's (see above).  */
      global_dc->show_caret = false;
      inform(loc, quoted(note).fmt);
      global_dc->show_caret = caret;
    }
    if (sarif) {
      char *t = xstrdup(note);
      texts.safe_push(t);
      esc_sarif_location l;
      sarif_location(l, s.pos, t);
      flow.safe_push(l);
    }
  }
  if (sarif) {
    esc_sarif_result r = {};
    esc_sarif_location related;
    r.rule = rule;
    r.level = as_error ? "error" : NULL;
    r.message = text;
    sarif_location(r.where, loc, NULL);
    if (decl_text) {
      sarif_location(related, decl, decl_text);
      r.related = &related;
      r.nrelated = 1;
    }
    r.flow = flow.address();
    r.nflow = flow.length();
    esc_sarif_add(sarif, &r);
  }
  for (char *t : texts)
    free(t);
}

/* The variables a verdict on LOC's cookie names: the variable itself, or
   for a nested function's frame every variable captured in it.  */
void
names_of(const esc_verdict &v, auto_vec<tree> &out)
{
  tree decl = (tree)v.cookie;
  if (decl && DECL_P(decl))
    if (const vec<tree> *caps = escape_frame_captures(decl)) {
      for (tree c : *caps)
        out.safe_push(c);
      return;
    }
  out.safe_push(NULL_TREE);     /* the verdict's own name */
}

void
report(const esc_verdict &v, int m)
{
  location_t pos = v.pos;
  char text[768], decl_text[300];
  const esc_rule *r = esc_verdict_rule(v.kind);
  if (!r)
    return;
  const char *rule = r->id;
  switch (v.kind) {
  case ESC_V_WARN_ADDR:
  case ESC_V_MOVED_TO_HEAP: {
    if (v.kind == ESC_V_WARN_ADDR &&
        (gcc_already_warned(pos) || gcc_option_ignored(pos, v.reason)))
      return;
    auto_vec<tree> vars;
    names_of(v, vars);
    for (tree var : vars) {
      const char *name = var ? IDENTIFIER_POINTER(DECL_NAME(var)) : v.name;
      location_t decl = var ? DECL_SOURCE_LOCATION(var) : v.decl_pos;
      frame_name = var ? v.name : NULL;
      captured_name = name;
      esc_verdict_text(&v, name, text, sizeof text);
      if (v.kind == ESC_V_WARN_ADDR) {
        snprintf(decl_text, sizeof decl_text, "'%s' declared here", name);
        emit(v, rule, true, pos, text, decl, decl_text, m);
      } else {
        emit(v, rule, false, decl, text, 0, NULL, m);
      }
    }
    frame_name = captured_name = NULL;
    return;
  }
  case ESC_V_CANDIDATE:
  case ESC_V_PARAM_NOESCAPE:
  case ESC_V_CLOSURE_NOESCAPE:
    m = 0;                      /* nothing flows: no explanation */
    break;
  default:
    break;
  }
  esc_verdict_text(&v, NULL, text, sizeof text);
  emit(v, rule, false, pos, text, 0, NULL, m);
  if (esc_unit_config(escape_unit)->m >= 2 && v.foreign &&
      (v.kind == ESC_V_CANDIDATE || v.kind == ESC_V_PARAM_NOESCAPE))
    inform(pos, "this verdict rests on the summary of %qs from another "
           "file (%<summaries=%>)", v.foreign);
}

} // namespace

void
escape_timer_start(void)
{
  timer_started = cpu_seconds();
}

void
escape_timer_stop(void)
{
  analysis_seconds += cpu_seconds() - timer_started;
}

void
escape_register_pragmas(void *, void *)
{
  c_register_pragma("escape", "ignore", handle_ignore);
}

void
escape_watch_gcc_diagnostics(void)
{
  previous_starter = diagnostic_starter(global_dc);
  diagnostic_starter(global_dc) = watch_starter;
  gcc_option_name = global_dc->option_name;
  global_dc->option_name = kind_option_name;
}

void
escape_report_unit(void)
{
  if (!escape_unit)
    return;
  const esc_config *cfg = esc_unit_config(escape_unit);
  const esc_verdict *vs;
  size_t n = esc_unit_verdicts(escape_unit, &vs);
  if (cfg->sarif)
    sarif = esc_sarif_new();
  sorted *order = XNEWVEC(sorted, n ? n : 1);
  for (size_t i = 0; i < n; i++)
    order[i] = {&vs[i], expand_location(vs[i].kind == ESC_V_MOVED_TO_HEAP ? vs[i].decl_pos : vs[i].pos)};
  qsort(order, n, sizeof *order, compare_verdicts);
  for (size_t i = 0; i < n; i++) {
    const esc_verdict &v = *order[i].v;
    /* One diagnostic per site and verdict (macros can repeat a site).  */
    if (i && order[i - 1].v->kind == v.kind && order[i - 1].v->pos == v.pos &&
        strcmp(order[i - 1].v->name ? order[i - 1].v->name : "",
               v.name ? v.name : "") == 0)
      continue;
    if (ignored_at(order[i].x) || !selected(v, order[i].x))
      continue;
    /* Diagnostics then say "In function 'f':" as GCC's own do.  */
    current_function_decl = (tree)v.fn_cookie;
    report(v, cfg->m);
  }
  current_function_decl = NULL_TREE;
  XDELETEVEC(order);
  if (cfg->m >= 2 && cfg->summaries) {
    const char *name, *from, *stale;
    for (unsigned i = 0; esc_unit_foreign_notes(escape_unit, i, &name, &from, &stale); i++) {
      if (!name)
        continue;               /* no unit file defines it */
      if (stale)
        inform(UNKNOWN_LOCATION, "summary of %qs not used: %s", name, stale);
      else
        inform(UNKNOWN_LOCATION, "summary of %qs read (written by %s)", name,
               from ? from : "?");
    }
  }
  if (sarif) {
    if (!esc_sarif_write(sarif, cfg->sarif, ESCAPE_VERSION, main_input_filename))
      error("%<escape%> plugin: cannot write SARIF log %qs: %m", cfg->sarif);
    esc_sarif_free(sarif);
    sarif = NULL;
  }
  /* The time the stats line gives: the pass, the unit's end and this
     report, all but the line itself and what on_finish frees.  */
  escape_timer_stop();
  if (cfg->stats) {
    /* The unit's line, not "At top level:" after the last function's
       diagnostics: the context GCC printed last is no function now.  */
    diagnostic_set_last_function(global_dc, (diagnostic_info *)NULL);
    esc_stats st;
    esc_unit_stats(escape_unit, &st);
    st.warnings = warnings_given;     /* those GCC had not given already */
    char secs[32];                    /* GCC's printer has no %f */
    snprintf(secs, sizeof secs, "%.3f", analysis_seconds);
    inform(UNKNOWN_LOCATION,
           "escape: %s: %u functions, %u allocation sites, %u escaping, "
           "%u stack promotion candidates, %u warnings, %s s analysis",
           main_input_filename ? main_input_filename : "<stdin>", st.functions,
           st.allocations, st.escaping, st.candidates, st.warnings, secs);
  }
}
