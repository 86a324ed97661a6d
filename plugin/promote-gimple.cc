/* promote-gimple.cc - the promote argument: rewrite the stack promotion
   candidates of a function into stack storage, right after the core
   solved it, inside the pass "escape" (after "ssa", before inlining, so
   that every later pass sees a local object).

     p = malloc (N);     ==>   p = &__escape_promoted_LINE;
     p = calloc (N, M);  ==>   p = &__escape_promoted_LINE;
                               memset (&__escape_promoted_LINE, 0, N*M);
     free (p);           ==>   (removed: it can only receive the object)
     free (q);           ==>   free (q == &__escape_promoted_LINE ? 0 : q);
                               (q may be the object or another one)

   The object is a char array of the allocation's size with malloc's
   alignment, in the function's outermost block (one per site: its
   lifetime is the whole call, never an iteration), named so that a
   debugger shows it.  Which candidates are rewritten is decided in the
   core (promote.c: esc_promote_decide); what the decision needs of the
   GIMPLE is found here.  */
#include "adapter.h"
#include "tree-ssanames.h"
#include "tree-ssa.h"
#include "tree-cfg.h"
#include "tree-into-ssa.h"
#include "gimple-pretty-print.h"

namespace {

/* Where a pointer may come from, relative to the promoted sites.  */
enum origin { O_NONE = 0, O_PROMOTED = 1, O_UNRELATED = 2, O_UNKNOWN = 4 };

struct site {
  size_t verdict;            /* index in esc_unit_verdicts */
  gcall *call;
  long long size;
  bool promote;              /* decided so */
  tree buf;                  /* the object, once rewritten */
};

bool
is_named(tree fndecl, const char *name, built_in_function code)
{
  if (!fndecl)
    return false;
  if (fndecl_built_in_p(fndecl, code))
    return true;
  return DECL_NAME(fndecl) && strcmp(IDENTIFIER_POINTER(DECL_NAME(fndecl)), name) == 0;
}

/* The allocators promote rewrites: malloc, calloc and alloc= (size in the
   first argument, like malloc).  Others (aligned_alloc, strdup, ...)
   keep the heap.  */
bool
rewritable(gcall *g, bool *zeroed)
{
  tree fn = gimple_call_fndecl(g);
  *zeroed = false;
  if (!fn || !DECL_NAME(fn))
    return false;
  if (is_named(fn, "malloc", BUILT_IN_MALLOC))
    return gimple_call_num_args(g) == 1;
  if (is_named(fn, "calloc", BUILT_IN_CALLOC))
    return *zeroed = gimple_call_num_args(g) == 2;
  const esc_config *cfg = esc_unit_config(escape_unit);
  return cfg->allocators &&
         esc_list_match(cfg->allocators, IDENTIFIER_POINTER(DECL_NAME(fn)), false) &&
         gimple_call_num_args(g) >= 1;
}

/* The SSA names holding the value of A or a value computed from it
   (copies, conversions, phis, pointer arithmetic, integer operations on
   it, results of calls it is passed to): a superset, so that what is
   found of them holds of every copy.  Sets *STORED when one of them is
   stored in memory or used in a way not understood here (asm), and
   *CARRIED when one is a phi in the header of a loop containing A's
   block (carried to the next iteration).  */
/* Could T, computed from a pointer, hold it: a pointer, or an integer
   as wide as one (not a flag, a length, a comparison).  */
bool
may_hold_pointer(tree t)
{
  tree type = TREE_TYPE(t);
  return POINTER_TYPE_P(type) ||
         (INTEGRAL_TYPE_P(type) && TYPE_PRECISION(type) >= POINTER_SIZE);
}

void
value_of(tree a, basic_block abb, bitmap out, bool *stored, bool *carried)
{
  auto_vec<tree, 16> work;
  bitmap_set_bit(out, SSA_NAME_VERSION(a));
  work.safe_push(a);
  while (!work.is_empty()) {
    tree v = work.pop();
    imm_use_iterator it;
    use_operand_p use;
    FOR_EACH_IMM_USE_FAST(use, it, v) {
      gimple *u = USE_STMT(use);
      tree next = NULL_TREE;
      if (is_gimple_debug(u))
        continue;
      if (gphi *phi = dyn_cast<gphi *>(u)) {
        next = gimple_phi_result(phi);
        basic_block pb = gimple_bb(phi);
        if (pb->loop_father && pb->loop_father->header == pb &&
            flow_bb_inside_loop_p(pb->loop_father, abb))
          *carried = true;
      } else if (is_gimple_assign(u)) {
        tree lhs = gimple_assign_lhs(u);
        if (gimple_store_p(u) || TREE_CODE(lhs) != SSA_NAME) {
          /* A store: through the pointer (its base) is fine, of it not. */
          if (gimple_assign_single_p(u) &&
              TREE_CODE(gimple_assign_rhs1(u)) == SSA_NAME
              ? gimple_assign_rhs1(u) == v : true) {
            bool only_base = true;
            for (unsigned k = 1; k < gimple_num_ops(u); k++) {
              tree op = gimple_op(u, k);
              if (op == v)
                only_base = false;
              else if (op && !(handled_component_p(op) || TREE_CODE(op) == MEM_REF ||
                               TREE_CODE(op) == TARGET_MEM_REF || CONSTANT_CLASS_P(op) ||
                               TREE_CODE(op) == SSA_NAME || DECL_P(op)))
                only_base = false;    /* e.g. VIEW_CONVERT_EXPR <> (v) */
            }
            if (!only_base)
              *stored = true;
          }
        } else if (gimple_assign_load_p(u) &&
                   TREE_CODE(gimple_assign_rhs1(u)) != VIEW_CONVERT_EXPR) {
          /* A load through it: its content, not it.  */
        } else if (may_hold_pointer(lhs)) {
          next = lhs;           /* anything computed from it */
        }
      } else if (gcall *c = dyn_cast<gcall *>(u)) {
        tree lhs = gimple_call_lhs(c);
        if (lhs && TREE_CODE(lhs) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(lhs)))
          next = lhs;           /* memset (p, ...) returns p */
        else if (lhs && TREE_CODE(lhs) != SSA_NAME && POINTER_TYPE_P(TREE_TYPE(lhs)))
          *stored = true;
      } else if (is_a<gcond *>(u) || is_a<greturn *>(u)) {
        /* compared; returned (then it escapes: the core's verdict) */
      } else {
        *stored = true;         /* asm, switch, ...: not followed */
      }
      if (next && TREE_CODE(next) == SSA_NAME &&
          bitmap_set_bit(out, SSA_NAME_VERSION(next)))
        work.safe_push(next);
    }
  }
}

/* Where the value of pointer T may come from: the promoted sites (by
   their call, SITE_OF), other allocations, parameters and constants
   (unrelated), anything else (unknown).  */
int
origins(tree t, hash_map<gimple *, int> &site_of, vec<site> &sites,
        hash_set<tree> &seen)
{
  if (TREE_CODE(t) != SSA_NAME) {
    if (integer_zerop(t))
      return O_UNRELATED;
    if (TREE_CODE(t) == ADDR_EXPR)
      return O_UNRELATED;     /* a declared object: never a promoted one */
    return O_UNKNOWN;
  }
  if (seen.add(t))
    return O_NONE;
  if (SSA_NAME_IS_DEFAULT_DEF(t)) {
    tree var = SSA_NAME_VAR(t);
    /* A parameter came from the caller: it cannot hold an object of this
       frame (a recursive function is never promoted).  */
    return var && TREE_CODE(var) == PARM_DECL ? O_UNRELATED : O_UNKNOWN;
  }
  gimple *def = SSA_NAME_DEF_STMT(t);
  if (gphi *phi = dyn_cast<gphi *>(def)) {
    int r = O_NONE;
    for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
      r |= origins(gimple_phi_arg_def(phi, i), site_of, sites, seen);
    return r;
  }
  if (is_gimple_assign(def)) {
    enum tree_code code = gimple_assign_rhs_code(def);
    if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == ADDR_EXPR ||
        code == INTEGER_CST)
      return origins(gimple_assign_rhs1(def), site_of, sites, seen);
    return O_UNKNOWN;
  }
  if (int *k = site_of.get(def))
    return sites[*k].promote ? O_PROMOTED : O_UNRELATED;
  return O_UNKNOWN;
}

/* The verdict's position is the call's (as the reader gave it, without
   its block): a check that site and verdict agree.  */
bool
same_place(location_t a, esc_pos b)
{
  expanded_location x = expand_location(a), y = expand_location((location_t)b);
  return x.line == y.line && x.column == y.column &&
         (x.file == y.file || (x.file && y.file && strcmp(x.file, y.file) == 0));
}

/* malloc's alignment: what the ABI promises (MALLOC_ABI_ALIGNMENT), at
   least two words (glibc's 16 bytes on x86-64).  */
unsigned
malloc_alignment_bits(void)
{
  unsigned a = MALLOC_ABI_ALIGNMENT;
  if (a < 2 * BITS_PER_WORD)
    a = 2 * BITS_PER_WORD;
  if (a > BIGGEST_ALIGNMENT && BIGGEST_ALIGNMENT >= 2 * BITS_PER_WORD)
    a = BIGGEST_ALIGNMENT;
  return a;
}

tree
new_object(function *fun, gcall *g, long long size, hash_set<tree> &names)
{
  location_t loc = gimple_location(g);
  char name[64];
  int line = LOCATION_LINE(loc);
  snprintf(name, sizeof name, "__escape_promoted_%d", line);
  for (int k = 2; names.contains(get_identifier(name)); k++)
    snprintf(name, sizeof name, "__escape_promoted_%d_%d", line, k);
  tree id = get_identifier(name);
  names.add(id);
  tree type = build_array_type_nelts(char_type_node, size);
  tree buf = build_decl(loc, VAR_DECL, id, type);
  DECL_CONTEXT(buf) = fun->decl;
  TREE_ADDRESSABLE(buf) = 1;
  TREE_USED(buf) = 1;
  DECL_SEEN_IN_BIND_EXPR_P(buf) = 1;   /* as if declared in the body */
  SET_DECL_ALIGN(buf, malloc_alignment_bits());
  DECL_USER_ALIGN(buf) = 1;
  /* In the outermost block: its lifetime is the whole call, and the
     debugger shows it.  */
  if (tree block = DECL_INITIAL(fun->decl)) {
    if (TREE_CODE(block) == BLOCK) {
      DECL_CHAIN(buf) = BLOCK_VARS(block);
      BLOCK_VARS(block) = buf;
    }
  }
  add_local_decl(fun, buf);
  return buf;
}

/* Remove statement G (a free that can only receive promoted objects).  */
void
remove_stmt(gimple *g)
{
  gimple_stmt_iterator gsi = gsi_for_stmt(g);
  unlink_stmt_vdef(g);
  gsi_remove(&gsi, true);
  release_defs(g);
}

/* free (q) ==> free (q == &b1 ? 0 : q == &b2 ? 0 : q) for the promoted
   objects B: free (0) does nothing.  */
void
guard_free(gcall *g, unsigned argno, vec<site> &sites)
{
  gimple_stmt_iterator gsi = gsi_for_stmt(g);
  tree q = gimple_call_arg(g, argno);
  tree type = TREE_TYPE(q);
  location_t loc = gimple_location(g);
  for (site &s : sites) {
    if (!s.buf)
      continue;
    tree addr = build_fold_addr_expr_with_type(s.buf, type);
    tree c = make_ssa_name(boolean_type_node);
    gassign *cmp = gimple_build_assign(c, EQ_EXPR, q, addr);
    gimple_set_location(cmp, loc);
    gsi_insert_before(&gsi, cmp, GSI_SAME_STMT);
    tree nq = make_ssa_name(type);
    gassign *sel = gimple_build_assign(nq, COND_EXPR, c,
                                       build_zero_cst(type), q);
    gimple_set_location(sel, loc);
    gsi_insert_before(&gsi, sel, GSI_SAME_STMT);
    q = nq;
  }
  gimple_call_set_arg(g, argno, q);
  update_stmt(g);
}

} // namespace

unsigned
escape_promote(function *fun, escape_sites &in, size_t first)
{
  const esc_config *cfg = esc_unit_config(escape_unit);
  const esc_verdict *vs;
  size_t nv = esc_unit_verdicts(escape_unit, &vs);
  auto_vec<site> sites;
  hash_map<gimple *, int> site_of;
  for (unsigned k = 0; k < in.allocs.length(); k++) {
    site s = {(size_t)-1, in.allocs[k], 0, false, NULL_TREE};
    sites.safe_push(s);
    site_of.put(in.allocs[k], k);
  }
  /* This function's candidates, final now (PENDING).  */
  auto_vec<size_t> pending;
  for (size_t i = first; i < nv; i++)
    if (vs[i].kind == ESC_V_CANDIDATE && vs[i].fn_cookie == fun->decl &&
        vs[i].promote == ESC_PROMOTE_PENDING)
      pending.safe_push(i);
  if (pending.is_empty())
    return 0;

  bool have_loops = loops_for_fn(fun) && !loops_state_satisfies_p(fun, LOOPS_NEED_FIXUP);
  /* Blocks in irreducible regions are in no natural loop: a value could
     be carried around one without a header phi.  Marking them sets a
     loop state that later passes (GCC 11's loop_optimizer_init) do not
     expect: it is taken back.  */
  if (have_loops && !loops_state_satisfies_p(fun, LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS)) {
    mark_irreducible_loops();
    loops_state_clear(fun, LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS);
  }
  long long frame = 0;
  for (size_t i : pending) {
    const esc_verdict &v = vs[i];
    enum esc_promote out = ESC_PROMOTE_UNREADABLE;
    bool zeroed;
    if (v.foreign)
      out = ESC_PROMOTE_FOREIGN;   /* never trust another file's summary */
    else if (v.variable)
      out = ESC_PROMOTE_VARIABLE;
    else if (v.site < sites.length()) {
      site &s = sites[v.site];
      gcall *g = s.call;
      tree lhs = gimple_call_lhs(g);
      basic_block bb = gimple_bb(g);
      if (same_place(gimple_location(g), v.pos) && rewritable(g, &zeroed) && lhs &&
          TREE_CODE(lhs) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(lhs)) && bb &&
          have_loops && !(bb->flags & BB_IRREDUCIBLE_LOOP)) {
        esc_promote_site ps = {};
        ps.size = v.level;
        ps.alloca_in_func = fun->calls_alloca;
        ps.setjmp_in_func = fun->calls_setjmp;
        ps.in_loop = bb->loop_father && loop_depth(bb->loop_father) > 0;
        auto_bitmap copies;
        value_of(lhs, bb, copies, &ps.stored, &ps.carried);
        out = esc_promote_decide(cfg, &ps, &frame);
        s.verdict = i;
        s.size = v.level;
        s.promote = out == ESC_PROMOTED;
      }
    }
    esc_unit_set_promote(escape_unit, i, out);
  }

  /* The deallocations: which can receive a promoted object?  A free= or
     malloc (dealloc) deallocator that may receive one mixed with other
     objects cannot be guarded by free (0): then nothing of this function
     is promoted.  */
  enum action { A_KEEP, A_REMOVE, A_GUARD };
  auto_vec<action> actions;
  bool any = false;
  for (site &s : sites)
    any |= s.promote;
  bool refuse_all = false;
  for (auto &fr : in.frees) {
    gcall *g = as_a<gcall *>(fr.first);
    hash_set<tree> seen;
    int o = any ? origins(gimple_call_arg(g, fr.second), site_of, sites, seen)
                : O_NONE;
    action a = A_KEEP;
    if (o == O_PROMOTED)
      a = A_REMOVE;
    else if (o & (O_PROMOTED | O_UNKNOWN))
      a = A_GUARD;
    if (a == A_GUARD && !is_named(gimple_call_fndecl(g), "free", BUILT_IN_FREE))
      refuse_all = true;
    actions.safe_push(a);
  }
  if (refuse_all) {
    for (site &s : sites)
      if (s.promote) {
        s.promote = false;
        esc_unit_set_promote(escape_unit, s.verdict, ESC_PROMOTE_FREED_OTHER);
      }
    return 0;
  }
  if (!any)
    return 0;

  /* The rewrite.  */
  hash_set<tree> names;
  for (site &s : sites) {
    if (!s.promote)
      continue;
    gcall *g = s.call;
    bool zeroed;
    rewritable(g, &zeroed);
    tree lhs = gimple_call_lhs(g);
    s.buf = new_object(fun, g, s.size, names);
    gassign *a = gimple_build_assign(lhs,
                                     build_fold_addr_expr_with_type(s.buf, TREE_TYPE(lhs)));
    gimple_set_location(a, gimple_location(g));
    gimple_stmt_iterator gsi = gsi_for_stmt(g);
    unlink_stmt_vdef(g);
    gsi_replace(&gsi, a, false);
    if (zeroed) {
      tree memset_fn = builtin_decl_explicit(BUILT_IN_MEMSET);
      gcall *z = gimple_build_call(memset_fn, 3,
                                   build_fold_addr_expr(s.buf), integer_zero_node,
                                   build_int_cst(size_type_node, s.size));
      gimple_set_location(z, gimple_location(a));
      gsi_insert_after(&gsi, z, GSI_SAME_STMT);
    }
  }
  for (unsigned k = 0; k < in.frees.length(); k++) {
    gcall *g = as_a<gcall *>(in.frees[k].first);
    if (actions[k] == A_REMOVE)
      remove_stmt(g);
    else if (actions[k] == A_GUARD)
      guard_free(g, in.frees[k].second, sites);
  }
  mark_virtual_operands_for_renaming(fun);
  return TODO_update_ssa_only_virtuals;
}
