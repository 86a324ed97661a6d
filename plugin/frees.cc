/* frees.cc - for the stack promotion note: is each allocation of a
   function freed on every path from it to the exit (paths on which it is
   null need no free), on some, or not in this function?  A search of
   the CFG from the allocation's block that stops at the blocks freeing
   it.  */
#include "reader.h"

namespace {

/* The SSA names holding the value of allocation result A: A and its
   copies, conversions and phis.  Sets *STORED when one of them is
   stored in memory, from where the reader cannot follow it.  */
tree
copy_of(gimple *u, tree v, void *data)
{
  if (gphi *phi = dyn_cast<gphi *>(u))
    return gimple_phi_result(phi);
  if (is_gimple_assign(u) && gimple_assign_rhs1(u) == v) {
    enum tree_code code = gimple_assign_rhs_code(u);
    if (gimple_store_p(u))
      *(bool *)data = true;
    else if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code))
      return gimple_assign_lhs(u);
  }
  return NULL_TREE;
}

void
value_copies(tree a, bitmap out, bool *stored)
{
  *stored = false;
  follow_values(a, out, copy_of, stored);
}

bool
holds(bitmap copies, tree p)
{
  return p && TREE_CODE(p) == SSA_NAME && bitmap_bit_p(copies, SSA_NAME_VERSION(p));
}

/* Is edge E taken only when the allocation (COPIES) is null?  */
bool
null_edge(edge e, bitmap copies)
{
  tree v = null_on_edge(e);
  return v && holds(copies, v);
}

} // namespace

/* Forward from A, each name once (so phi cycles cost nothing extra).  */
void
follow_values(tree a, bitmap out, tree (*next)(gimple *u, tree v, void *data),
              void *data)
{
  auto_vec<tree, 16> work;
  bitmap_set_bit(out, SSA_NAME_VERSION(a));
  work.safe_push(a);
  while (!work.is_empty()) {
    tree v = work.pop();
    imm_use_iterator it;
    use_operand_p use;
    FOR_EACH_IMM_USE_FAST(use, it, v) {
      tree n = next(USE_STMT(use), v, data);
      if (n && TREE_CODE(n) == SSA_NAME && bitmap_set_bit(out, SSA_NAME_VERSION(n)))
        work.safe_push(n);
    }
  }
}

/* The value edge E is taken only when null: the true edge of
   "if (p == 0)", the false edge of "if (p != 0)"; else NULL.  */
tree
null_on_edge(edge e)
{
  gimple_stmt_iterator last = gsi_last_bb(e->src);
  gcond *cond = gsi_end_p(last) ? NULL : dyn_cast<gcond *>(gsi_stmt(last));
  if (!cond || !integer_zerop(gimple_cond_rhs(cond)))
    return NULL_TREE;
  if ((gimple_cond_code(cond) == EQ_EXPR && (e->flags & EDGE_TRUE_VALUE)) ||
      (gimple_cond_code(cond) == NE_EXPR && (e->flags & EDGE_FALSE_VALUE)))
    return gimple_cond_lhs(cond);
  return NULL_TREE;
}

/* Can the exit of FUN be reached from block FROM without entering a
   block of STOP, over edges SKIP (called with DATA) does not exclude?
   The search both frees.cc and wrappers.cc ask.  */
bool
exit_reachable_avoiding(function *fun, basic_block from, bitmap stop,
                        bool (*skip)(edge, void *), void *data)
{
  auto_vec<basic_block, 16> work;
  auto_bitmap seen;
  work.safe_push(from);
  bitmap_set_bit(seen, from->index);
  while (!work.is_empty()) {
    basic_block bb = work.pop();
    edge e;
    edge_iterator ei;
    FOR_EACH_EDGE(e, ei, bb->succs) {
      if (skip(e, data))
        continue;
      if (e->dest == EXIT_BLOCK_PTR_FOR_FN(fun))
        return true;
      if (bitmap_bit_p(stop, e->dest->index) ||
          !bitmap_set_bit(seen, e->dest->index))
        continue;
      work.safe_push(e->dest);
    }
  }
  return false;
}

namespace {

bool
allocation_null_edge(edge e, void *copies)
{
  return null_edge(e, (bitmap)copies);
}

} // namespace

/* Can the exit be reached from block FROM without passing a block of
   FREEING, or an edge on which the allocation (COPIES) is null?  */
bool
reader::exit_reachable_unfreed(basic_block from, bitmap freeing, bitmap copies)
{
  return exit_reachable_avoiding(fun, from, freeing, allocation_null_edge,
                                 copies);
}

void
reader::note_frees()
{
  for (auto &a : allocs) {
    tree res = gimple_call_lhs(a.first);
    if (!res || TREE_CODE(res) != SSA_NAME)
      continue;
    /* Blocks with a free of it; in the allocation's own block only a
       free after the allocation counts.  */
    auto_bitmap copies, freeing;
    bool stored;
    value_copies(res, copies, &stored);
    basic_block ab = gimple_bb(a.first);
    bool any = false, after_in_own = false;
    for (auto &fr : frees) {
      if (!holds(copies, fr.second))
        continue;
      any = true;
      bitmap_set_bit(freeing, gimple_bb(fr.first)->index);
      if (gimple_bb(fr.first) == ab)
        after_in_own = true;   /* the pointer exists only after the call */
    }
    if (!any) {
      /* Not freed through the SSA value: say so only if the value is
         never stored in memory, from where it could be freed.  */
      if (!stored)
        esc_alloc_set_freed(f, a.second, ESC_FREED_NOT_HERE);
      continue;
    }
    bool leaks = !after_in_own && exit_reachable_unfreed(ab, freeing, copies);
    esc_alloc_set_freed(f, a.second, leaks ? ESC_FREED_SOME : ESC_FREED_ALL);
  }
}
