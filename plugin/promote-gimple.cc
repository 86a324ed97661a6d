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

   A variable-size candidate (var-buffer=B, Go 1.25) gets a buffer of B
   bytes, used when the size fits, and keeps its call for the others:

     p = malloc (n);     ==>   if (n <= B) goto buf; else goto heap;
                               buf:  (calloc: memset (&obj, 0, B))
                               heap: p' = malloc (n);
                               join: p = PHI <&obj (buf), p' (heap)>
     calloc (c, s): the buffer when c <= B && s <= B && c * s <= B (the
     product of two numbers up to B cannot wrap), so an overflowing
     calloc still gets its null pointer from calloc.  Every free that
     may receive p is kept and guarded as above: p may be heap memory.

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
#include "cfghooks.h"
#include "dominance.h"

namespace {

/* Where a pointer may come from, relative to the promoted sites.  */
enum origin { O_NONE = 0, O_PROMOTED = 1, O_UNRELATED = 2, O_UNKNOWN = 4 };

struct site {
  size_t verdict;            /* index in esc_unit_verdicts */
  gcall *call;
  long long size;            /* the object's (var-buffer's when variable) */
  bool promote;              /* decided so */
  bool variable;             /* the object when the size fits, else the call */
  tree buf;                  /* the object, once rewritten */
};

/* How a rewritable allocator is called: its size arguments (size =
   arg[size0] (* arg[size1])), and whether its memory is zeroed.  */
struct alloc_shape {
  int size0, size1;
  bool zeroed;
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

/* The allocators promote rewrites: malloc, calloc and alloc= (with its
   size positions; a count-and-size one is taken to zero its memory, like
   calloc: zeroing is never wrong for an allocator whose contents are
   unspecified).  Others (aligned_alloc, strdup, wrappers, ...) keep the
   heap.  */
bool
rewritable(gcall *g, alloc_shape *shape)
{
  tree fn = gimple_call_fndecl(g);
  *shape = {0, -1, false};
  if (!fn || !DECL_NAME(fn))
    return false;
  unsigned nargs = gimple_call_num_args(g);
  if (is_named(fn, "malloc", BUILT_IN_MALLOC))
    return nargs == 1;
  if (is_named(fn, "calloc", BUILT_IN_CALLOC)) {
    *shape = {0, 1, true};
    return nargs == 2;
  }
  const esc_config *cfg = esc_unit_config(escape_unit);
  esc_spec sp;
  if (!cfg->allocators ||
      !esc_config_spec(cfg, IDENTIFIER_POINTER(DECL_NAME(fn)), &sp) ||
      sp.kind != ESC_SPEC_ALLOC || sp.size0 < 0 || sp.mul != 1 || sp.add != 0 ||
      sp.min != 0)
    return false;
  *shape = {sp.size0, sp.size1, sp.size1 >= 0};
  return (unsigned)sp.size0 < nargs && (sp.size1 < 0 || (unsigned)sp.size1 < nargs);
}

/* Can a variable-size call's size be tested as a size_t: every size
   argument an integer no wider than size_t (a negative one, converted,
   is too large for the buffer), and for a count and a size, a product of
   two numbers up to the buffer's BYTES that cannot wrap (2^32 - 1 for a
   64-bit size_t, 65535 for a 32-bit one).  */
bool
size_testable(gcall *g, const alloc_shape &shape, long long bytes)
{
  unsigned half = TYPE_PRECISION(size_type_node) / 2;
  if (shape.size1 >= 0 &&
      (bytes < 0 || half >= 63 || (unsigned long long)bytes >= (1ull << half)))
    return false;
  int idx[2] = {shape.size0, shape.size1};
  for (int k = 0; k < 2; k++) {
    if (idx[k] < 0)
      continue;
    tree type = TREE_TYPE(gimple_call_arg(g, idx[k]));
    if (!INTEGRAL_TYPE_P(type) || TYPE_PRECISION(type) > TYPE_PRECISION(size_type_node))
      return false;
  }
  return true;
}

/* Could T, computed from a pointer, hold it: a pointer, or an integer
   as wide as one (not a flag, a length, a comparison).  */
bool
may_hold_pointer(tree t)
{
  tree type = TREE_TYPE(t);
  return POINTER_TYPE_P(type) ||
         (INTEGRAL_TYPE_P(type) && TYPE_PRECISION(type) >= POINTER_SIZE);
}

/* The SSA names holding the value of A or a value computed from it
   (copies, conversions, phis, pointer arithmetic, integer operations on
   it, results of calls it is passed to): a superset, so that what is
   found of them holds of every copy.  Sets *STORED when one of them is
   stored in memory or used in a way not understood here (asm), and
   *CARRIED when one is a phi in the header of a loop containing A's
   block (carried to the next iteration).  */
struct value_walk {
  basic_block abb;           /* A's block */
  bool *stored, *carried;
};

tree
computed_from(gimple *u, tree v, void *data)
{
  const value_walk &w = *(value_walk *)data;
  if (is_gimple_debug(u))
    return NULL_TREE;
  if (gphi *phi = dyn_cast<gphi *>(u)) {
    basic_block pb = gimple_bb(phi);
    if (pb->loop_father && pb->loop_father->header == pb &&
        flow_bb_inside_loop_p(pb->loop_father, w.abb))
      *w.carried = true;
    return gimple_phi_result(phi);
  }
  if (is_gimple_assign(u)) {
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
          *w.stored = true;
      }
      return NULL_TREE;
    }
    if (gimple_assign_load_p(u) &&
        TREE_CODE(gimple_assign_rhs1(u)) != VIEW_CONVERT_EXPR)
      return NULL_TREE;         /* a load through it: its content, not it */
    return may_hold_pointer(lhs) ? lhs : NULL_TREE;  /* computed from it */
  }
  if (gcall *c = dyn_cast<gcall *>(u)) {
    tree lhs = gimple_call_lhs(c);
    if (lhs && TREE_CODE(lhs) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(lhs)))
      return lhs;               /* memset (p, ...) returns p */
    if (lhs && TREE_CODE(lhs) != SSA_NAME && POINTER_TYPE_P(TREE_TYPE(lhs)))
      *w.stored = true;
    return NULL_TREE;
  }
  if (!is_a<gcond *>(u) && !is_a<greturn *>(u))
    *w.stored = true;           /* asm, switch, ...: not followed */
  /* compared; returned (then it escapes: the core's verdict) */
  return NULL_TREE;
}

void
value_of(tree a, basic_block abb, bitmap out, bool *stored, bool *carried)
{
  value_walk w = {abb, stored, carried};
  follow_values(a, out, computed_from, &w);
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
  if (int *k = site_of.get(def)) {
    const site &s = sites[*k];
    if (!s.promote)
      return O_UNRELATED;
    /* A variable-size site's value is the object or heap memory.  */
    return s.variable ? O_PROMOTED | O_UNRELATED : O_PROMOTED;
  }
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

/* memset (&OBJ, 0, SIZE).  */
gcall *
zero_object(tree obj, long long size)
{
  tree memset_fn = builtin_decl_explicit(BUILT_IN_MEMSET);
  return gimple_build_call(memset_fn, 3, build_fold_addr_expr(obj), integer_zero_node,
                           build_int_cst(size_type_node, size));
}

/* V as a size_t: an SSA name defined before GSI, or a constant.  */
tree
as_size(gimple_stmt_iterator *gsi, tree v, location_t loc)
{
  if (useless_type_conversion_p(size_type_node, TREE_TYPE(v)))
    return v;
  if (TREE_CODE(v) == INTEGER_CST)
    return fold_convert(size_type_node, v);
  tree t = make_ssa_name(size_type_node);
  gassign *a = gimple_build_assign(t, NOP_EXPR, v);
  gimple_set_location(a, loc);
  gsi_insert_before(gsi, a, GSI_SAME_STMT);
  return t;
}

/* CODE (A, B) of TYPE, inserted before GSI.  */
tree
compute(gimple_stmt_iterator *gsi, tree_code code, tree type, tree a, tree b,
        location_t loc)
{
  tree t = make_ssa_name(type);
  gassign *s = gimple_build_assign(t, code, a, b);
  gimple_set_location(s, loc);
  gsi_insert_before(gsi, s, GSI_SAME_STMT);
  return t;
}

/* A variable-size site (S.buf made): its call runs only when the size
   does not fit the object.

     BB:   ...; fits = size <= B; if (fits != 0)      (true: BUF, false: HEAP)
     BUF:  [memset (&obj, 0, B)]
     HEAP: p' = call (...)                        (the original call)
     JOIN: p = PHI <&obj (BUF), p' (HEAP)>; ...

   The size is computed in size_t from the arguments (a negative signed
   one becomes too large); for count and size, each must fit and so must
   their product, which cannot wrap then (size_testable: B * B < 2^N for
   an N-bit size_t).  */
void
rewrite_variable(site &s, const alloc_shape &shape)
{
  gcall *g = s.call;
  location_t loc = gimple_location(g);
  tree lhs = gimple_call_lhs(g);
  basic_block bb = gimple_bb(g);
  gimple_stmt_iterator gsi = gsi_for_stmt(g);
  tree limit = build_int_cst(size_type_node, s.size);
  tree fits = NULL_TREE, product = NULL_TREE;
  int idx[2] = {shape.size0, shape.size1};
  for (int k = 0; k < 2; k++) {
    if (idx[k] < 0)
      continue;
    tree n = as_size(&gsi, gimple_call_arg(g, idx[k]), loc);
    tree f = compute(&gsi, LE_EXPR, boolean_type_node, n, limit, loc);
    fits = fits ? compute(&gsi, BIT_AND_EXPR, boolean_type_node, fits, f, loc) : f;
    if (product) {
      product = compute(&gsi, MULT_EXPR, size_type_node, product, n, loc);
      tree pf = compute(&gsi, LE_EXPR, boolean_type_node, product, limit, loc);
      fits = compute(&gsi, BIT_AND_EXPR, boolean_type_node, fits, pf, loc);
    } else {
      product = n;
    }
  }
  gcond *test = gimple_build_cond(NE_EXPR, fits, boolean_false_node, NULL_TREE, NULL_TREE);
  gimple_set_location(test, loc);
  gsi_insert_before(&gsi, test, GSI_SAME_STMT);

  /* BB ends with the test; HEAP holds the call alone; JOIN the rest.  */
  edge to_heap = split_block(bb, test);
  basic_block heap = to_heap->dest;
  edge heap_join = split_block(heap, g);
  basic_block join = heap_join->dest;
  basic_block buf = create_empty_bb(bb);
  add_bb_to_loop(buf, bb->loop_father);
  edge to_buf = make_edge(bb, buf, EDGE_TRUE_VALUE);
  to_heap->flags &= ~EDGE_FALLTHRU;
  to_heap->flags |= EDGE_FALSE_VALUE;
  /* Go's bet: small sizes are the common case.  */
  to_buf->probability = profile_probability::likely();
  to_heap->probability = to_buf->probability.invert();
  buf->count = bb->count.apply_probability(to_buf->probability);
  heap->count = bb->count.apply_probability(to_heap->probability);
  edge buf_join = make_edge(buf, join, EDGE_FALLTHRU);
  buf_join->probability = profile_probability::always();
  if (shape.zeroed) {
    gcall *z = zero_object(s.buf, s.size);
    gimple_set_location(z, loc);
    gimple_stmt_iterator bsi = gsi_start_bb(buf);
    gsi_insert_after(&bsi, z, GSI_NEW_STMT);
  }

  /* p' = call; p = PHI <&obj, p'>.  */
  tree heap_value = copy_ssa_name(lhs, g);
  gimple_call_set_lhs(g, heap_value);
  update_stmt(g);
  gphi *phi = create_phi_node(lhs, join);
  add_phi_arg(phi, build_fold_addr_expr_with_type(s.buf, TREE_TYPE(lhs)), buf_join, loc);
  add_phi_arg(phi, heap_value, heap_join, loc);
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
    site s = {(size_t)-1, in.allocs[k], 0, false, false, NULL_TREE};
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
    alloc_shape shape;
    if (v.foreign)
      out = ESC_PROMOTE_FOREIGN;   /* never trust another file's summary */
    else if (v.site < sites.length()) {
      site &s = sites[v.site];
      gcall *g = s.call;
      tree lhs = gimple_call_lhs(g);
      basic_block bb = gimple_bb(g);
      if (same_place(gimple_location(g), v.pos) && rewritable(g, &shape) && lhs &&
          TREE_CODE(lhs) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(lhs)) && bb &&
          have_loops && !(bb->flags & BB_IRREDUCIBLE_LOOP) &&
          /* a variable-size call stays, in a block of its own: no call
             that ends its block (EH, abnormal edges) */
          !(v.variable && (stmt_ends_bb_p(g) || SSA_NAME_OCCURS_IN_ABNORMAL_PHI(lhs)))) {
        esc_promote_site ps = {};
        ps.size = v.level;
        ps.variable = v.variable;
        ps.size_untestable = v.variable && !size_testable(g, shape, v.level);
        ps.alloca_in_func = fun->calls_alloca;
        ps.setjmp_in_func = fun->calls_setjmp;
        ps.in_loop = bb->loop_father && loop_depth(bb->loop_father) > 0;
        auto_bitmap copies;
        value_of(lhs, bb, copies, &ps.stored, &ps.carried);
        out = esc_promote_decide(cfg, &ps, &frame);
        s.verdict = i;
        s.size = v.level;
        s.variable = v.variable;
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
  bool cfg_changed = false;
  for (site &s : sites) {
    if (!s.promote)
      continue;
    gcall *g = s.call;
    alloc_shape shape;
    rewritable(g, &shape);
    s.buf = new_object(fun, g, s.size, names);
    if (s.variable) {
      if (!cfg_changed) {
        /* The blocks split below: the dominators are computed again by
           whoever needs them next (update_ssa does).  */
        free_dominance_info(fun, CDI_DOMINATORS);
        free_dominance_info(fun, CDI_POST_DOMINATORS);
        cfg_changed = true;
      }
      rewrite_variable(s, shape);
      continue;
    }
    tree lhs = gimple_call_lhs(g);
    gassign *a = gimple_build_assign(lhs,
                                     build_fold_addr_expr_with_type(s.buf, TREE_TYPE(lhs)));
    gimple_set_location(a, gimple_location(g));
    gimple_stmt_iterator gsi = gsi_for_stmt(g);
    unlink_stmt_vdef(g);
    gsi_replace(&gsi, a, false);
    if (shape.zeroed) {
      gcall *z = zero_object(s.buf, s.size);
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
  return TODO_update_ssa_only_virtuals | (cfg_changed ? TODO_cleanup_cfg : 0);
}
