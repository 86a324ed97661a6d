/* report.cc - turn the core's verdicts into GCC diagnostics, in source
   order, one per site and verdict, after the whole unit is solved.  */
#include "adapter.h"

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
watch_starter(diagnostic_context *dc, diagnostic_info *di)
{
  bool ours = di->option_index == OPT_Wreturn_local_addr;
#if ESCAPE_HAVE_WDANGLING_POINTER
  ours |= di->option_index == OPT_Wdangling_pointer_;
#endif
  if (ours) {
    expanded_location x = expand_location(diagnostic_location(di));
    if (x.file)
      gcc_warned.safe_push({x.file, x.line});
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

/* "&i", "i", "*p": a flow step's source as Go prints it.  */
void
step_expr(char *buf, size_t len, const esc_step &s)
{
  if (s.derefs < 0)
    snprintf(buf, len, "&%s", s.src);
  else {
    int n = s.derefs > 8 ? 8 : s.derefs;
    snprintf(buf, len, "%.*s%s", n, "********", s.src);
  }
}

/* -m=2: one note per step of the flow path, Go's
   "flow: ~r0 = &i: from &i (address-of) at t.c:6:9".  */
void
explain(const esc_verdict &v, location_t at)
{
  for (unsigned i = 0; i < v.nsteps; i++) {
    const esc_step &s = v.steps[i];
    char expr[256];
    step_expr(expr, sizeof expr, s);
    expanded_location x = expand_location(s.pos);
    inform(at, "flow: %s = %s: from %s (%s) at %s:%d:%d", s.dst, expr, expr,
           esc_why_name(s.why), x.file ? x.file : "<unknown>", x.line, x.column);
  }
  /* Escapes for a reason of its own: Go's "from make(...) (too large for
     stack)".  */
  if (v.reason && v.nsteps == 0) {
    expanded_location x = expand_location(v.pos);
    char storage[300];
    snprintf(storage, sizeof storage, "&{storage for %s}", v.name);
    inform(at, "flow: %s = %s: from %s (%s) at %s:%d:%d", "{heap}", storage,
           v.name, v.reason, x.file ? x.file : "<unknown>", x.line, x.column);
  }
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
  switch (v.kind) {
  case ESC_V_WARN_ADDR: {
    if (gcc_already_warned(pos))
      return;
    auto_vec<tree> vars;
    names_of(v, vars);
    for (tree var : vars) {
      const char *name = var ? IDENTIFIER_POINTER(DECL_NAME(var)) : v.name;
      location_t decl = var ? DECL_SOURCE_LOCATION(var) : v.decl_pos;
      if (warning_at(pos, 0, "address of local variable %qs escapes: %s", name, v.reason)) {
        warnings_given++;
        inform(decl, "%qs declared here", name);
      }
    }
    return;
  }
  case ESC_V_CANDIDATE: {
    static const char *const freed[] = {NULL, "not freed in this function",
                                        "freed on some paths",
                                        "freed on every path"};
    const char *how = v.freed <= ESC_FREED_ALL ? freed[v.freed] : NULL;
    if (how)
      inform(pos, "%s does not escape: stack promotion candidate (%s)", v.name, how);
    else
      inform(pos, "%s does not escape: stack promotion candidate", v.name);
    return;
  }
  case ESC_V_MOVED_TO_HEAP: {
    auto_vec<tree> vars;
    names_of(v, vars);
    for (tree var : vars) {
      const char *name = var ? IDENTIFIER_POINTER(DECL_NAME(var)) : v.name;
      location_t decl = var ? DECL_SOURCE_LOCATION(var) : v.decl_pos;
      inform(decl, "moved to heap: %s", name);
      if (m >= 2)
        explain(v, decl);
    }
    return;
  }
  case ESC_V_ALLOC_ESCAPES:
    inform(pos, "%s escapes to heap", v.name);
    break;
  case ESC_V_PARAM_LEAK:
    inform(pos, "leaking param: %s", v.name);
    break;
  case ESC_V_PARAM_CONTENT:
    inform(pos, "leaking param content: %s", v.name);
    break;
  case ESC_V_PARAM_RESULT:
    inform(pos, "leaking param: %s to result ~r0 level=%d", v.name, v.level);
    break;
  case ESC_V_PARAM_NOESCAPE:
    inform(pos, "%s does not escape", v.name);
    return;
  case ESC_V_CLOSURE_ESCAPES:
    inform(pos, "nested function %qs escapes to heap", v.name);
    break;
  case ESC_V_CLOSURE_NOESCAPE:
    inform(pos, "nested function %qs does not escape", v.name);
    return;
  }
  if (m >= 2)
    explain(v, pos);
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
}

void
escape_report_unit(void)
{
  if (!escape_unit)
    return;
  const esc_config *cfg = esc_unit_config(escape_unit);
  const esc_verdict *vs;
  size_t n = esc_unit_verdicts(escape_unit, &vs);
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
  if (cfg->stats) {
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
