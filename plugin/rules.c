/* rules.c - the verdict table: for each kind of verdict its rule (the
   SARIF rule, with its level and descriptions) and its message, used by
   the GCC diagnostics (report.cc) and the SARIF log (sarif.c) alike.  */
#include <stdio.h>

#include "core.h"

/* The rules, in the order of their index in the SARIF log.  */
const struct esc_rule esc_rules[] = {
  {"escape/dangling-address", "DanglingAddress", "warning",
   "The address of a local variable surely outlives its frame.",
   "The address of a local variable is stored where it outlives the "
   "variable: returned from its function, stored in a global or in memory "
   "reachable from one, captured by a nested function that is kept, or "
   "read after the loop iteration that declared the variable ended.  Any "
   "use of it there is a dangling pointer.",
   "Make the variable static or allocate it, or do not keep its address "
   "beyond its lifetime.  Run with -fplugin-arg-escape-m=2 to see the "
   "flow."},
  {"escape/stack-promotion-candidate", "StackPromotionCandidate", "note",
   "An allocation that does not escape could live on the stack.",
   "An allocation of constant size whose object never leaves the function "
   "that made it: Go would put it on the stack.",
   "Consider a local variable (or alloca) instead of the allocation; the "
   "note says whether the function frees it."},
  {"escape/moved-to-heap", "MovedToHeap", "note",
   "A local variable whose address escapes (Go would move it to the heap).",
   "The address of a local variable flows somewhere that may outlive the "
   "frame (a call without a body, a store through a pointer): Go would "
   "move the variable to the heap.  It is not a certain error in C.",
   "Check that whoever keeps the address does not use it after the "
   "function returns.  -fplugin-arg-escape-m=2 shows the flow."},
  {"escape/escapes-to-heap", "EscapesToHeap", "note",
   "An allocation that escapes its frame.",
   "The object of an allocation outlives the function that made it, or "
   "cannot live on the stack (non-constant or too large a size).",
   "Nothing to do: heap allocation is needed here."},
  {"escape/leaking-param", "LeakingParam", "note",
   "Where a parameter's value flows (Go's parameter tags).",
   "A parameter whose value, or what it points to, flows to the heap or "
   "to the function's result: Go's parameter tags, the summary used at "
   "every call of the function.",
   "Callers passing the address of a local keep it alive through this "
   "parameter; -fplugin-arg-escape-m=2 shows the flow."},
  {"escape/does-not-escape", "DoesNotEscape", "note",
   "A parameter that stays in its frame.",
   "A parameter whose value does not outlive the call: callers may pass "
   "the address of a local.",
   "Nothing to do."},
  {"escape/nested-function", "NestedFunction", "note",
   "Whether a nested function whose address is taken escapes.",
   "A GCC nested function whose address is taken: whether its trampoline, "
   "and with it the frame holding the variables it captures, outlives "
   "the enclosing function.",
   "A nested function that escapes must not be called after its parent "
   "returns."},
};
const unsigned esc_nrules = sizeof esc_rules / sizeof esc_rules[0];

enum rule {
  R_DANGLING, R_CANDIDATE, R_MOVED, R_ESCAPES, R_LEAKING, R_NOESCAPE,
  R_NESTED
};

/* What a message's format takes after the name.  */
enum args { A_NAME, A_REASON, A_LEVEL, A_FREED };

/* The verdict table, by enum esc_verdict_kind.  */
static const struct {
  enum rule rule;
  enum args args;
  const char *format;
} verdicts[] = {
  [ESC_V_WARN_ADDR] = {R_DANGLING, A_REASON,
                       "address of local variable '%s' escapes: %s"},
  [ESC_V_CANDIDATE] = {R_CANDIDATE, A_FREED,
                       "%s does not escape: stack promotion candidate%s"},
  [ESC_V_MOVED_TO_HEAP] = {R_MOVED, A_NAME, "moved to heap: %s"},
  [ESC_V_ALLOC_ESCAPES] = {R_ESCAPES, A_NAME, "%s escapes to heap"},
  [ESC_V_PARAM_LEAK] = {R_LEAKING, A_NAME, "leaking param: %s"},
  [ESC_V_PARAM_CONTENT] = {R_LEAKING, A_NAME, "leaking param content: %s"},
  [ESC_V_PARAM_RESULT] = {R_LEAKING, A_LEVEL,
                          "leaking param: %s to result ~r0 level=%d"},
  [ESC_V_PARAM_NOESCAPE] = {R_NOESCAPE, A_NAME, "%s does not escape"},
  [ESC_V_CLOSURE_ESCAPES] = {R_NESTED, A_NAME,
                             "nested function '%s' escapes to heap"},
  [ESC_V_CLOSURE_NOESCAPE] = {R_NESTED, A_NAME,
                              "nested function '%s' does not escape"},
};

static bool known_kind(enum esc_verdict_kind kind)
{
  bool known = (unsigned)kind < sizeof verdicts / sizeof verdicts[0];
  ESC_ASSERT(known);
  return known;
}

const struct esc_rule *esc_verdict_rule(enum esc_verdict_kind kind)
{
  return known_kind(kind) ? &esc_rules[verdicts[kind].rule] : NULL;
}

int esc_verdict_text(const struct esc_verdict *v, const char *name,
                     char *buf, size_t len)
{
  static const char *const freed[] = {
    [ESC_FREED_UNKNOWN] = "",
    [ESC_FREED_NOT_HERE] = " (not freed in this function)",
    [ESC_FREED_SOME] = " (freed on some paths)",
    [ESC_FREED_ALL] = " (freed on every path)",
  };
  if (!known_kind(v->kind))
    return snprintf(buf, len, "%s", "");
  const char *fmt = verdicts[v->kind].format;
  if (!name)
    name = v->name;
  switch (verdicts[v->kind].args) {
  case A_REASON:
    return snprintf(buf, len, fmt, name, v->reason);
  case A_LEVEL:
    return snprintf(buf, len, fmt, name, v->level);
  case A_FREED: {
    char extra[96];
    const char *f = v->freed <= ESC_FREED_ALL ? freed[v->freed] : "";
    if (v->variable)
      snprintf(extra, sizeof extra,
               " for a %d-byte stack buffer with heap fallback%s", v->level, f);
    else
      snprintf(extra, sizeof extra, "%s", f);
    /* promote: what became of the candidate.  */
    const char *outcome = v->kind == ESC_V_CANDIDATE
                          ? esc_promote_text((enum esc_promote)v->promote) : NULL;
    if (v->promote == ESC_PROMOTED && v->variable)
      return snprintf(buf, len, "%s does not escape: %s: %d-byte stack buffer "
                      "with heap fallback", name, outcome, v->level);
    if (v->promote == ESC_PROMOTED)
      return snprintf(buf, len, "%s does not escape: %s", name, outcome);
    int n = snprintf(buf, len, fmt, name, extra);
    if (outcome && n >= 0 && (size_t)n < len)
      n += snprintf(buf + n, len - n, "; %s", outcome);
    return n;
  }
  default:
    return snprintf(buf, len, fmt, name);
  }
}
