/* promote.c - the promote argument's decisions: which stack promotion
   candidate the adapter (promote.cc) may rewrite into a stack object,
   and the words -m uses for it.  No GCC header: what the adapter saw of
   the site comes in as struct esc_promote_site.

   Soundness rests on three things:
   - the verdict: the allocation does not escape (the core), and it is
     final when the function's pass runs (no callee read later, no
     recursive cycle: batch.c marks the others);
   - the frame: one object per site, never per iteration, and a bounded
     amount per frame (promote-max per site, promote-frame per function);
     a function in a recursive cycle or with alloca gets nothing;
   - the loop: one slot per site is enough only because the value is dead
     before the allocation runs again (Go's loop depth: a candidate in a
     loop does not outlive its iteration).  The core already makes a
     value carried around the loop escape; the adapter checks it again
     on the SSA form (a phi of a header of a loop containing the
     allocation).
   A variable-size candidate (var-buffer=, Go 1.25) gets a buffer of
   var-buffer bytes, used when the size asked for fits, the allocator
   otherwise: the buffer counts against promote-max and promote-frame
   like a constant size, and every free of it stays, guarded.
   And one guard of its own: a value stored in memory is never promoted.
   The adapter follows the pointer through SSA copies, conversions and
   phis only; a copy kept in memory could reach a free it does not see,
   the next iteration, or (until the soundness issue makes the core see
   through memcpy and unions) a global.  */
#include "core.h"

enum esc_promote esc_promote_decide(const struct esc_config *cfg,
                                    const struct esc_promote_site *site,
                                    long long *frame_used)
{
  if (site->size <= 0 || site->size > cfg->promote_max)
    return ESC_PROMOTE_TOO_LARGE;
  if (site->variable && site->size_untestable)
    return ESC_PROMOTE_VARIABLE;
  if (site->alloca_in_func)
    return ESC_PROMOTE_ALLOCA;
  if (site->setjmp_in_func)
    return ESC_PROMOTE_SETJMP;
  if (site->in_loop && site->carried)
    return ESC_PROMOTE_CARRIED;
  if (site->stored)
    return ESC_PROMOTE_STORED;
  if (site->custom_free_mixed)
    return ESC_PROMOTE_FREED_OTHER;
  if (*frame_used + site->size > cfg->promote_frame)
    return ESC_PROMOTE_FRAME;
  *frame_used += site->size;
  return ESC_PROMOTED;
}

const char *esc_promote_text(enum esc_promote p)
{
  static const char *const text[ESC_PROMOTE_COUNT] = {
    [ESC_PROMOTE_OFF] = NULL,
    [ESC_PROMOTE_PENDING] = "not promoted: not rewritten",
    [ESC_PROMOTE_RECURSIVE] = "not promoted: in a recursive function",
    [ESC_PROMOTE_NOT_FINAL] = "not promoted: not final when its function was compiled",
    [ESC_PROMOTED] = "promoted to stack",
    [ESC_PROMOTE_TOO_LARGE] = "not promoted: too large",
    [ESC_PROMOTE_FRAME] = "not promoted: frame budget",
    [ESC_PROMOTE_ALLOCA] = "not promoted: function uses alloca or a VLA",
    [ESC_PROMOTE_SETJMP] = "not promoted: function calls setjmp",
    [ESC_PROMOTE_CARRIED] = "not promoted: carried to the next loop iteration",
    [ESC_PROMOTE_STORED] = "not promoted: stored in memory",
    [ESC_PROMOTE_FREED_OTHER] = "not promoted: freed by a deallocator that may receive another object",
    [ESC_PROMOTE_FOREIGN] = "not promoted: rests on a summary from another file",
    [ESC_PROMOTE_UNREADABLE] = "not promoted: allocation not rewritable",
    [ESC_PROMOTE_VARIABLE] = "not promoted: variable size not testable at run time",
  };
  return (unsigned)p < ESC_PROMOTE_COUNT ? text[p] : NULL;
}

void esc_unit_set_promote(struct esc_unit *u, size_t index, enum esc_promote p)
{
  if (index < u->nverdicts)
    u->verdicts[index].promote = (uint8_t)p;
}
