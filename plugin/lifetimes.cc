/* lifetimes.cc - C lifetimes at the moment of death (issue 11), the
   flow-sensitive questions Go's flow-insensitive graph cannot answer:

   - store_dies: is a store of a pointer into a global, or through a
     pointer parameter, overwritten -- or possibly restored by code we
     cannot see -- on every path from it to each return?  Then what it
     stores is not there when the function's locals die, and the store
     is transient: Go's walk follows it (the -m verdicts stay Go's), the
     warnings do not.
   - out_param_of: the parameter a store goes through (*out = v), which
     the warnings treat as a sink of its own ("stored through parameter").
   - note_scope_uses: an address used after its object's scope ended
     (GCC's end-of-life clobbers; a VLA's __builtin_stack_restore),
     through copies, phis, and calls that return their argument.

   Each is a search of the CFG, bounded by a budget of statements; past
   it the answer is the one that changes nothing (the store stays, no
   use is reported).  */
#include "reader.h"

namespace {

const unsigned search_budget = 20000;   /* statements per question */

bool derives_from_param(tree v, tree parm, int budget);

/* The local object whose address T is (&a, &a[1], &a.f), or NULL.  */
tree
addr_object(tree t)
{
  if (!t || TREE_CODE(t) != ADDR_EXPR)
    return NULL_TREE;
  tree base = get_base_address(TREE_OPERAND(t, 0));
  return base && VAR_P(base) && !is_global_var(base) ? base : NULL_TREE;
}

hash_map<tree, bool> *store_free;     /* function -> body_stores_nothing */

bool call_keeps_memory(gcall *g, tree base, int depth = 4);

/* Does FN, a function of this unit, store nothing outside its own
   locals, and call only functions that do not either (DEPTH levels of
   calls; a function being looked at counts as storing nothing, so that
   recursion ends)?  Then calling it cannot restore a global.  */
bool
body_stores_nothing(tree fn, int depth)
{
  function *callee = DECL_STRUCT_FUNCTION(fn);
  if (!callee || !callee->cfg || !gimple_has_body_p(fn) || depth <= 0 ||
      DECL_WEAK(fn))
    return false;
  if (!store_free)
    store_free = new hash_map<tree, bool>;
  if (bool *known = store_free->get(fn))
    return *known;
  store_free->put(fn, true);            /* while we look */
  bool ok = true;
  basic_block bb;
  FOR_EACH_BB_FN(bb, callee) {
    for (gimple_stmt_iterator si = gsi_start_bb(bb); ok && !gsi_end_p(si); gsi_next(&si)) {
      gimple *s = gsi_stmt(si);
      if (gcall *c = dyn_cast<gcall *>(s)) {
        tree lhs = gimple_call_lhs(c);
        if (lhs && TREE_CODE(lhs) != SSA_NAME && !DECL_P(get_base_address(lhs)))
          ok = false;
        else
          ok = call_keeps_memory(c, NULL_TREE, depth - 1);
      } else if (is_gimple_assign(s) && !gimple_clobber_p(s)) {
        tree lhs = gimple_assign_lhs(s);
        tree b = TREE_CODE(lhs) == SSA_NAME ? NULL_TREE : get_base_address(lhs);
        if (b && !(DECL_P(b) && !is_global_var(b)))
          ok = false;
      } else if (gimple_code(s) == GIMPLE_ASM)
        ok = false;
    }
  }
  store_free->put(fn, ok);
  return ok;
}

/* Does call G leave user memory alone (so that it cannot restore what
   a store put there)?  Const and pure functions, internal functions,
   GCC's builtins and the C library functions we model, unless they are
   given the address of the stored-to object itself (BASE).  */
bool
call_keeps_memory(gcall *g, tree base, int depth)
{
  if (gimple_call_internal_p(g))
    return true;
  if (gimple_call_flags(g) & (ECF_CONST | ECF_PURE))
    return true;
  tree fn = gimple_call_fndecl(g);
  if (!fn)
    return false;
  const char *name = IDENTIFIER_POINTER(DECL_NAME(fn));
  bool known = fndecl_built_in_p(fn) || esc_model_lookup(name) ||
               body_stores_nothing(fn, depth);
  if (!known)
    return false;
  for (unsigned i = 0; i < gimple_call_num_args(g); i++) {
    tree a = gimple_call_arg(g, i);
    if (TREE_CODE(a) == ADDR_EXPR && base &&
        get_base_address(TREE_OPERAND(a, 0)) == base)
      return false;
    if (base && a == base)              /* the out-parameter's pointer */
      return false;
  }
  return true;
}

/* Is memory reference REF surely not a pointer we know to be local
   (a store through it may hit any memory a caller can see)?  */
bool
store_through_unknown(tree ref)
{
  tree base = get_base_address(ref);
  if (!base)
    return true;
  if (DECL_P(base))
    return false;
  if (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF) {
    tree p = TREE_OPERAND(base, 0);
    if (TREE_CODE(p) == ADDR_EXPR)
      return false;
    return true;
  }
  return true;
}

bool same_ref(tree a, tree b, int budget);

/* Do pointers A and B hold the same value: the same name, or loads of
   the same access path (r->index read twice)?  */
bool
same_value(tree a, tree b, int budget)
{
  if (a == b || operand_equal_p(a, b, 0))
    return true;
  if (budget <= 0 || TREE_CODE(a) != SSA_NAME || TREE_CODE(b) != SSA_NAME)
    return false;
  gimple *da = SSA_NAME_DEF_STMT(a), *db = SSA_NAME_DEF_STMT(b);
  if (!da || !db || !is_gimple_assign(da) || !is_gimple_assign(db))
    return false;
  if (gimple_assign_load_p(da) && gimple_assign_load_p(db))
    return same_ref(gimple_assign_rhs1(da), gimple_assign_rhs1(db), budget - 1);
  if (gimple_assign_rhs_code(da) == gimple_assign_rhs_code(db) &&
      (gimple_assign_rhs_code(da) == SSA_NAME ||
       CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(da))))
    return same_value(gimple_assign_rhs1(da), gimple_assign_rhs1(db), budget - 1);
  return false;
}

/* Do references A and B name the same memory by the same access path
   (g->f with G loaded twice)?  Memory in between may change, so this is
   for kills only: a wrong yes misses a warning, never makes one.  */
bool
same_ref(tree a, tree b, int budget)
{
  if (operand_equal_p(a, b, 0))
    return true;
  if (budget <= 0 || TREE_CODE(a) != TREE_CODE(b))
    return false;
  switch (TREE_CODE(a)) {
  case COMPONENT_REF:
    return TREE_OPERAND(a, 1) == TREE_OPERAND(b, 1) &&
           same_ref(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), budget - 1);
  case ARRAY_REF:
    return operand_equal_p(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1), 0) &&
           same_ref(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), budget - 1);
  case MEM_REF:
    return tree_int_cst_equal(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1)) &&
           same_value(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), budget - 1);
  default:
    return false;
  }
}

/* May a store into L (through an unknown pointer) change a pointer
   held in memory: L's type holds pointers, or L may alias anything (a
   character type, or GCC's ref-all access of a folded memcpy: fuzzer
   seed 27187 restores a global's pointer with memcpy (&gbuf[16], &r,
   8), an unsigned long store).  An int store cannot (C11 6.5p7: an int
   lvalue does not access an object of pointer type), unless
   -fno-strict-aliasing, where every alias set is 0.  */
bool
may_store_pointer_bytes(tree l)
{
  return type_has_pointers(TREE_TYPE(l)) || get_alias_set(l) == 0;
}

/* The memory assignment S stores into, or NULL (a clobber, an SSA
   name).  */
tree
stored_memory(gimple *s)
{
  if (gimple_clobber_p(s))
    return NULL_TREE;
  tree l = gimple_assign_lhs(s);
  return TREE_CODE(l) == SSA_NAME ? NULL_TREE : l;
}

/* Does statement S replace what LHS holds, or may it (a call or a store
   through an unknown pointer, when LHS can be reached that way)?
   ANYWHERE: LHS is memory other code can reach (a global whose address
   is taken or that other units see, or memory a parameter points to).  */
bool
kills(gimple *s, tree lhs, tree base, bool anywhere)
{
  switch (gimple_code(s)) {
  case GIMPLE_ASSIGN: {
    tree l = stored_memory(s);
    if (!l)
      return false;
    if (same_ref(l, lhs, 6))
      return true;
    /* The whole object the store went into.  */
    if (DECL_P(l) && l == base)
      return true;
    /* Through a pointer that may point to it: for a global, only when
       this unit takes its address (TREE_ADDRESSABLE); for what a
       parameter points to, any other pointer may alias it.  */
    if (anywhere && may_store_pointer_bytes(l) && store_through_unknown(l) &&
        (!DECL_P(base) || TREE_ADDRESSABLE(base)) &&
        !operand_equal_p(get_base_address(l), get_base_address(lhs), 0))
      return true;
    return false;
  }
  case GIMPLE_CALL:
    return anywhere && !call_keeps_memory(as_a<gcall *>(s), base);
  case GIMPLE_ASM:
    return anywhere && (gimple_asm_volatile_p(as_a<gasm *>(s)) ||
                        gimple_asm_noutputs(as_a<gasm *>(s)) > 0);
  default:
    return false;
  }
}

} // namespace

/* The parameter whose pointee LHS is (*out, out[i], out->f), or NULL.  */
tree
reader::out_param_of(tree lhs)
{
  tree base = get_base_address(lhs);
  if (!base || (TREE_CODE(base) != MEM_REF && TREE_CODE(base) != TARGET_MEM_REF))
    return NULL_TREE;
  tree p = TREE_OPERAND(base, 0);
  for (int budget = 8; budget > 0 && p && TREE_CODE(p) == SSA_NAME; budget--) {
    if (SSA_NAME_IS_DEFAULT_DEF(p)) {
      tree var = SSA_NAME_VAR(p);
      return var && TREE_CODE(var) == PARM_DECL && user_decl(var) &&
             POINTER_TYPE_P(TREE_TYPE(var)) ? var : NULL_TREE;
    }
    gimple *def = SSA_NAME_DEF_STMT(p);
    if (!def || !is_gimple_assign(def))
      return NULL_TREE;
    enum tree_code c = gimple_assign_rhs_code(def);
    if (c != SSA_NAME && c != POINTER_PLUS_EXPR && !CONVERT_EXPR_CODE_P(c))
      return NULL_TREE;
    p = gimple_assign_rhs1(def);
  }
  return NULL_TREE;
}

/* What is stored through parameter PARM, for the warnings.  */
esc_loc_id
reader::out_param_loc(tree parm)
{
  if (int *l = out_params.get(parm))
    return *l;
  char buf[32];
  esc_loc_id l = esc_out_param_new(f, decl_name(parm, buf, sizeof buf),
                                   DECL_SOURCE_LOCATION(parm));
  out_params.put(parm, l);
  return l;
}

/* After a call whose callee keeps an argument in some global (which one
   the reader does not know): may statement S store into a global?  Any
   store into a global or through a pointer we do not know, any call given
   a pointer or not known to leave memory alone, any asm with outputs.  A
   wrong yes misses a warning, never makes one.  */
static bool
may_store_a_global(gimple *s)
{
  switch (gimple_code(s)) {
  case GIMPLE_ASSIGN: {
    tree l = stored_memory(s);
    if (!l)
      return false;
    tree base = get_base_address(l);
    /* As in kills.  */
    return !base || (DECL_P(base) && is_global_var(base)) ||
           (may_store_pointer_bytes(l) && store_through_unknown(l));
  }
  case GIMPLE_CALL: {
    gcall *c = as_a<gcall *>(s);
    for (unsigned i = 0; i < gimple_call_num_args(c); i++) {
      tree a = gimple_call_arg(c, i);
      if (TREE_CODE(a) == ADDR_EXPR || POINTER_TYPE_P(TREE_TYPE(a)))
        return true;
    }
    return !call_keeps_memory(c, NULL_TREE);
  }
  case GIMPLE_ASM:
    return gimple_asm_volatile_p(as_a<gasm *>(s)) ||
           gimple_asm_noutputs(as_a<gasm *>(s)) > 0;
  default:
    return false;
  }
}

/* Store S into LHS (a global, or memory a parameter points to): is it
   overwritten, or possibly restored, on every path from S to a return?
   LHS NULL: S is a call that keeps something in a global it names in its
   summary only; then any statement that may store a global counts.  */
bool
reader::store_dies(gimple *s, tree lhs)
{
  tree base = lhs ? get_base_address(lhs) : NULL_TREE;
  if (lhs && !base)
    return false;
  tree object = base;
  if (base && !DECL_P(base)) {
    tree p = TREE_OPERAND(base, 0);
    object = TREE_CODE(p) == SSA_NAME ? p : NULL_TREE;
  }
  /* Any call we do not know and any store of a pointer through a pointer
     we do not know may restore it: a static global whose address is
     never taken is reached by the functions of this unit, and those are
     called too.  So every such store counts as a possible restore.  */
  bool anywhere = true;
  /* Except a static of this very function whose address is never taken:
     only this function can store into it.  */
  if (base && VAR_P(base) && TREE_STATIC(base) && !TREE_PUBLIC(base) &&
      !TREE_ADDRESSABLE(base) && DECL_CONTEXT(base) == fun->decl)
    anywhere = false;
  unsigned budget = search_budget;
  auto_bitmap seen;
  auto_vec<std::pair<basic_block, gimple_stmt_iterator>, 16> work;
  gimple_stmt_iterator start = gsi_for_stmt(s);
  gsi_next(&start);
  work.safe_push({gimple_bb(s), start});
  while (!work.is_empty()) {
    auto item = work.pop();
    basic_block bb = item.first;
    bool killed = false;
    for (gimple_stmt_iterator si = item.second; !gsi_end_p(si); gsi_next(&si)) {
      gimple *g = gsi_stmt(si);
      if (is_gimple_debug(g))
        continue;
      if (!budget--)
        return false;
      if (gimple_code(g) == GIMPLE_RETURN)
        return false;               /* still stored when the locals die */
      if (lhs ? kills(g, lhs, object, anywhere) : may_store_a_global(g)) {
        killed = true;
        break;
      }
    }
    if (killed)
      continue;
    edge e;
    edge_iterator ei;
    FOR_EACH_EDGE(e, ei, bb->succs) {
      basic_block d = e->dest;
      if (d == EXIT_BLOCK_PTR_FOR_FN(fun))
        continue;                   /* no return statement: noreturn */
      if (bitmap_set_bit(seen, d->index))
        work.safe_push({d, gsi_start_bb(d)});
    }
  }
  return true;
}

/* Is edge E taken only when V is not the address of some local (the
   edge of "V != &x" out of "if (V == &x)"), directly or through an
   empty block?  */
bool
reader::guarded_against_address(edge e, tree v)
{
  if (!v || TREE_CODE(v) != SSA_NAME)
    return false;
  for (int hops = 0; hops < 2 && e; hops++) {
    basic_block src = e->src;
    gimple_stmt_iterator gl = gsi_last_nondebug_bb(src);
    gimple *last = gsi_end_p(gl) ? NULL : gsi_stmt(gl);
    if (gcond *c = last ? dyn_cast<gcond *>(last) : NULL) {
      tree l = gimple_cond_lhs(c), r = gimple_cond_rhs(c);
      if (l != v)
        std::swap(l, r);
      if (l != v || !addr_object(r))
        return false;
      enum tree_code code = gimple_cond_code(c);
      return (code == EQ_EXPR && (e->flags & EDGE_FALSE_VALUE)) ||
             (code == NE_EXPR && (e->flags & EDGE_TRUE_VALUE));
    }
    /* An empty forwarder: look at the edge into it.  */
    if (last || !single_pred_p(src))
      return false;
    e = single_pred_edge(src);
  }
  return false;
}

/* ------------------------------------------------------------ callees */

/* Where a callee stores: put (&g, &x) with "*slot = v;" in put, a
   function of this unit, stores its parameter V into what parameter
   SLOT points to.  Go's tags say only that V leaks; the warnings want
   to know where: when the caller passes a global's address (or its own
   pointer parameter) as SLOT, what it passes as V goes there, "stored
   in global 'g' by 'put'" -- unless overwritten before the return.  */
void
reader::note_callee_stores(gcall *g, tree fndecl)
{
  function *callee = DECL_STRUCT_FUNCTION(fndecl);
  if (!callee || !callee->cfg || !gimple_has_body_p(fndecl) || DECL_WEAK(fndecl) ||
      !gimple_in_ssa_p(callee))
    return;
  unsigned nargs = gimple_call_num_args(g);
  basic_block bb;
  FOR_EACH_BB_FN(bb, callee)
    for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
      gimple *s = gsi_stmt(si);
      if (!gimple_assign_single_p(s) || gimple_clobber_p(s))
        continue;
      tree lhs = gimple_assign_lhs(s), rhs = gimple_assign_rhs1(s);
      if (TREE_CODE(lhs) != MEM_REF || !integer_zerop(TREE_OPERAND(lhs, 1)) ||
          !POINTER_TYPE_P(TREE_TYPE(lhs)))
        continue;
      tree slot = TREE_OPERAND(lhs, 0);
      if (TREE_CODE(slot) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(slot) ||
          TREE_CODE(rhs) != SSA_NAME)
        continue;
      /* Which parameters: SLOT is one; RHS derives from another.  */
      unsigned k = 0, j = 0;
      tree pk = NULL_TREE, pj = NULL_TREE;
      unsigned i = 0;
      for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), i++) {
        if (p == SSA_NAME_VAR(slot))
          pk = p, k = i;
        if (!pj && derives_from_param(rhs, p, 8))
          pj = p, j = i;
      }
      if (!pk || !pj || k >= nargs || j >= nargs)
        continue;
      tree target = gimple_call_arg(g, k);
      tree ref = NULL_TREE;
      esc_loc_id dst = ESC_NONE;
      enum esc_why why = ESC_WHY_CALLEE_STORE;
      if (TREE_CODE(target) == ADDR_EXPR && VAR_P(TREE_OPERAND(target, 0)) &&
          is_global_var(TREE_OPERAND(target, 0))) {
        ref = TREE_OPERAND(target, 0);
        dst = decl_loc(ref);
      } else if (tree out = out_param_of(build_simple_mem_ref(target))) {
        ref = build_simple_mem_ref(target);
        dst = out_param_loc(out);
        why = ESC_WHY_OUT_PARAM;
      }
      if (dst == ESC_NONE)
        continue;
      bool transient = store_dies(g, ref);
      char buf[32];
      const char *callee_name = decl_name(fndecl, buf, sizeof buf);
      esc_loc_id via = esc_loc_new(f, ESC_LOC_TEMP, callee_name, pos(), depth);
      expr({via, 0, ESC_WHY_ARG}, gimple_call_arg(g, j));
      flow({dst, 0, why, transient}, via);
    }
}

/* ------------------------------------------------------------ fields */

namespace {

/* REF is a chain of field selections on a local declaration: that
   declaration, else NULL.  */
tree
field_chain_base(tree ref)
{
  while (TREE_CODE(ref) == COMPONENT_REF)
    ref = TREE_OPERAND(ref, 0);
  return VAR_P(ref) && !is_global_var(ref) && !TREE_ADDRESSABLE(ref) ? ref : NULL_TREE;
}

} // namespace

/* Is REF (x.p, x.a.b) the only part of local X that pointers are ever
   stored in, in this function (X's address never taken)?  Then reading
   REF reads exactly what was stored there.  */
bool
reader::sole_pointer_field(tree ref)
{
  if (TREE_CODE(ref) != COMPONENT_REF)
    return false;
  tree base = field_chain_base(ref);
  if (!base)
    return false;
  if (!pointer_fields) {
    pointer_fields = new hash_map<tree, tree>;
    basic_block bb;
    FOR_EACH_BB_FN(bb, fun)
      for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
        gimple *g = gsi_stmt(si);
        tree lhs = is_gimple_assign(g) || is_gimple_call(g) ? gimple_get_lhs(g) : NULL_TREE;
        if (!lhs || TREE_CODE(lhs) == SSA_NAME || gimple_clobber_p(g))
          continue;
        tree b = get_base_address(lhs);
        if (!b || !VAR_P(b) || is_global_var(b))
          continue;
        if (!type_has_pointers(TREE_TYPE(lhs)))
          continue;
        if (is_gimple_assign(g) && gimple_assign_single_p(g) &&
            CONSTANT_CLASS_P(gimple_assign_rhs1(g)))
          continue;                   /* x.q = 0: no address */
        bool existed;
        tree &one = pointer_fields->get_or_insert(b, &existed);
        if (!existed)
          one = field_chain_base(lhs) == b && TREE_CODE(lhs) == COMPONENT_REF &&
                is_gimple_assign(g) ? lhs : error_mark_node;
        else if (one != error_mark_node && !operand_equal_p(one, lhs, 0))
          one = error_mark_node;
      }
  }
  tree *one = pointer_fields->get(base);
  return one && *one != error_mark_node && operand_equal_p(*one, ref, 0);
}

/* ------------------------------------------------------------ scopes */

namespace {

/* Is value V (of function FN) parameter PARM, through copies,
   conversions, pointer arithmetic and phis?  */
bool
derives_from_param(tree v, tree parm, int budget)
{
  if (budget <= 0 || !v || TREE_CODE(v) != SSA_NAME)
    return false;
  if (SSA_NAME_IS_DEFAULT_DEF(v))
    return SSA_NAME_VAR(v) == parm;
  gimple *def = SSA_NAME_DEF_STMT(v);
  if (gphi *phi = dyn_cast<gphi *>(def)) {
    for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
      if (derives_from_param(gimple_phi_arg_def(phi, i), parm, budget - 1))
        return true;
    return false;
  }
  if (!is_gimple_assign(def))
    return false;
  enum tree_code c = gimple_assign_rhs_code(def);
  if (c != SSA_NAME && c != POINTER_PLUS_EXPR && !CONVERT_EXPR_CODE_P(c))
    return false;
  return derives_from_param(gimple_assign_rhs1(def), parm, budget - 1);
}

/* Does FN, a function of this unit, return (a pointer into) its
   parameter I on some path: return_arg (p) { return p; }?  */
bool
body_returns_param(tree fn, unsigned i)
{
  function *callee = DECL_STRUCT_FUNCTION(fn);
  if (!callee || !callee->cfg || !gimple_has_body_p(fn) || DECL_WEAK(fn) ||
      !gimple_in_ssa_p(callee))
    return false;
  tree parm = DECL_ARGUMENTS(fn);
  for (unsigned k = 0; parm && k < i; k++)
    parm = DECL_CHAIN(parm);
  if (!parm)
    return false;
  basic_block bb;
  FOR_EACH_BB_FN(bb, callee) {
    gimple_stmt_iterator gl = gsi_last_nondebug_bb(bb);
    greturn *r = gsi_end_p(gl) ? NULL : dyn_cast<greturn *>(gsi_stmt(gl));
    if (r && derives_from_param(gimple_return_retval(r), parm, 8))
      return true;
  }
  return false;
}

/* Does use statement U of pointer V pass V's value on to another SSA
   name (a copy, a conversion, pointer arithmetic, a phi, a call that
   returns its argument) rather than use it?  That name, or NULL.  */
tree
passes_on(gimple *u, tree v)
{
  if (gphi *phi = dyn_cast<gphi *>(u))
    return gimple_phi_result(phi);
  if (is_gimple_assign(u)) {
    tree lhs = gimple_assign_lhs(u);
    if (TREE_CODE(lhs) != SSA_NAME || gimple_assign_rhs1(u) != v)
      return NULL_TREE;
    enum tree_code c = gimple_assign_rhs_code(u);
    if (c == SSA_NAME || c == POINTER_PLUS_EXPR || CONVERT_EXPR_CODE_P(c))
      return lhs;
    return NULL_TREE;
  }
  if (gcall *g = dyn_cast<gcall *>(u)) {
    tree lhs = gimple_call_lhs(g);
    tree fn = gimple_call_fndecl(g);
    if (!lhs || TREE_CODE(lhs) != SSA_NAME || !fn)
      return NULL_TREE;
    const esc_model *m = esc_model_lookup(IDENTIFIER_POINTER(DECL_NAME(fn)));
    for (unsigned i = 0; i < gimple_call_num_args(g); i++)
      if (gimple_call_arg(g, i) == v &&
          (m ? esc_model_tag(m, i).result == 0 : body_returns_param(fn, i)))
        return lhs;
  }
  return NULL_TREE;
}

/* Is U a use of the value of V that a dangling V makes wrong: passed to
   a call, dereferenced, stored, returned?  Comparisons are not.  */
bool
uses_value(gimple *u, tree v)
{
  switch (gimple_code(u)) {
  case GIMPLE_CALL:
  case GIMPLE_ASM:
    return true;
  case GIMPLE_ASSIGN: {
    if (TREE_CODE_CLASS(gimple_assign_rhs_code(u)) == tcc_comparison)
      return false;
    return true;
  }
  default:
    return false;
  }
}

} // namespace

/* Which of the SSA names in NAMES hold, after statement G, a value they
   had before a death (STALE, updated): a name defined by G is stale when
   G passes on a stale name, fresh otherwise (the address taken anew).  */
static void
step_stale(gimple *g, bitmap names, bitmap stale)
{
  tree lhs = gimple_get_lhs(g);
  if (!lhs || TREE_CODE(lhs) != SSA_NAME || !bitmap_bit_p(names, SSA_NAME_VERSION(lhs)))
    return;
  bool from_stale = false;
  ssa_op_iter it;
  tree op;
  FOR_EACH_SSA_TREE_OPERAND(op, g, it, SSA_OP_USE)
    if (bitmap_bit_p(stale, SSA_NAME_VERSION(op)) && passes_on(g, op) == lhs)
      from_stale = true;
  if (from_stale)
    bitmap_set_bit(stale, SSA_NAME_VERSION(lhs));
  else
    bitmap_clear_bit(stale, SSA_NAME_VERSION(lhs));
}

/* The first statement of USERS that uses a name of NAMES while its value
   is the address of OBJ from before one of DEATHS: a forward dataflow of
   the stale names from each death (a death makes every name stale; a
   definition makes its name stale or fresh by what it is computed from;
   a phi takes the staleness of its argument on the edge taken).  */
gimple *
reader::stale_use(tree obj, const vec<gimple *> &deaths, bitmap names,
                  hash_set<gimple *> &users)
{
  unsigned budget = search_budget;
  auto_vec<bitmap> in;                  /* per block index, or NULL */
  in.safe_grow_cleared(last_basic_block_for_fn(fun));
  bitmap_obstack ob;
  bitmap_obstack_initialize(&ob);
  auto_vec<std::pair<basic_block, gimple *>, 16> work;  /* block, death in it */
  for (gimple *d : deaths)
    work.safe_push({gimple_bb(d), d});
  gimple *found = NULL;
  bitmap stale = BITMAP_ALLOC(&ob);
  while (!work.is_empty() && !found && budget) {
    auto item = work.pop();
    basic_block bb = item.first;
    gimple_stmt_iterator si;
    if (item.second) {                  /* from a death: all stale */
      bitmap_copy(stale, names);
      si = gsi_for_stmt(item.second);
      gsi_next(&si);
    } else {
      bitmap_copy(stale, in[bb->index]);
      si = gsi_start_bb(bb);
    }
    for (; !gsi_end_p(si) && !found; gsi_next(&si)) {
      gimple *g = gsi_stmt(si);
      if (is_gimple_debug(g))
        continue;
      if (!budget--)
        break;
      if (gimple_clobber_p(g) && gimple_assign_lhs(g) == obj) {
        bitmap_copy(stale, names);
        continue;
      }
      if (users.contains(g)) {
        ssa_op_iter it;
        tree op;
        FOR_EACH_SSA_TREE_OPERAND(op, g, it, SSA_OP_USE)
          if (bitmap_bit_p(stale, SSA_NAME_VERSION(op)))
            found = g;
        if (found)
          break;
      }
      step_stale(g, names, stale);
    }
    if (found || bitmap_empty_p(stale))
      continue;
    edge e;
    edge_iterator ei;
    FOR_EACH_EDGE(e, ei, bb->succs) {
      basic_block d = e->dest;
      if (d == EXIT_BLOCK_PTR_FOR_FN(fun))
        continue;
      auto_bitmap next;
      bitmap_copy(next, stale);
      for (gphi_iterator pi = gsi_start_phis(d); !gsi_end_p(pi); gsi_next(&pi)) {
        gphi *phi = pi.phi();
        tree r = gimple_phi_result(phi);
        if (!bitmap_bit_p(names, SSA_NAME_VERSION(r)))
          continue;
        tree a = PHI_ARG_DEF_FROM_EDGE(phi, e);
        if (TREE_CODE(a) == SSA_NAME && bitmap_bit_p(stale, SSA_NAME_VERSION(a)))
          bitmap_set_bit(next, SSA_NAME_VERSION(r));
        else
          bitmap_clear_bit(next, SSA_NAME_VERSION(r));
      }
      if (bitmap_empty_p(next))
        continue;
      if (!in[d->index])
        in[d->index] = BITMAP_ALLOC(&ob);
      if (bitmap_ior_into(in[d->index], next))
        work.safe_push({d, NULL});
    }
  }
  bitmap_obstack_release(&ob);
  return found;
}

/* Addresses used after the scope of their object ended.  */
void
reader::note_scope_uses()
{
  /* The deaths: end-of-life clobbers of address-taken locals.  */
  hash_map<tree, auto_vec<gimple *>> deaths;
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun)
    for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
      gimple *g = gsi_stmt(si);
      if (!gimple_clobber_p(g))
        continue;
      tree var = gimple_assign_lhs(g);
      if (VAR_P(var) && !is_global_var(var) && TREE_ADDRESSABLE(var) &&
          (user_decl(var) || compound_literal(var)))
        deaths.get_or_insert(var).safe_push(g);
    }
  /* VLAs: the alloca a VLA's hidden pointer gets, and the
     __builtin_stack_restore of a __builtin_stack_save made before it.  */
  hash_map<tree, auto_vec<tree>> holders;   /* object -> SSA names */
  hash_map<tree, auto_vec<gimple *>> takes;  /* object -> statements */
  if (!vla_locs.is_empty()) {
    auto_vec<gcall *> allocas, restores;
    FOR_EACH_BB_FN(bb, fun)
      for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
        gcall *c = dyn_cast<gcall *>(gsi_stmt(si));
        if (!c)
          continue;
        if (gimple_call_builtin_p(c, BUILT_IN_STACK_RESTORE))
          restores.safe_push(c);
        tree lhs = gimple_call_lhs(c);
        if (gimple_call_builtin_p(c, BUILT_IN_ALLOCA_WITH_ALIGN) && lhs &&
            TREE_CODE(lhs) == SSA_NAME && SSA_NAME_VAR(lhs) &&
            vla_decls.get(SSA_NAME_VAR(lhs)))
          allocas.safe_push(c);
      }
    bool had_dom = dom_info_available_p(CDI_DOMINATORS);
    if (!allocas.is_empty() && !restores.is_empty() && !had_dom)
      calculate_dominance_info(CDI_DOMINATORS);
    for (gcall *a : allocas) {
      tree lhs = gimple_call_lhs(a);
      tree vla = *vla_decls.get(SSA_NAME_VAR(lhs));
      for (gcall *r : restores) {
        tree saved = gimple_call_arg(r, 0);
        gimple *save = TREE_CODE(saved) == SSA_NAME ? SSA_NAME_DEF_STMT(saved) : NULL;
        if (!save || !gimple_bb(save))
          continue;
        bool before = false;
        if (gimple_bb(save) == gimple_bb(a)) {
          for (gimple_stmt_iterator si = gsi_for_stmt(save); !gsi_end_p(si); gsi_next(&si))
            if (gsi_stmt(si) == a)
              before = true;
        } else
          before = dominated_by_p(CDI_DOMINATORS, gimple_bb(a), gimple_bb(save));
        if (before)
          deaths.get_or_insert(vla).safe_push(r);
      }
      if (deaths.get(vla)) {
        holders.get_or_insert(vla).safe_push(lhs);
        takes.get_or_insert(vla).safe_push(a);
      }
    }
    if (!allocas.is_empty() && !restores.is_empty() && !had_dom)
      free_dominance_info(CDI_DOMINATORS);
  }
  if (deaths.is_empty())
    return;

  /* The origins: SSA names holding an object's address directly.  */
  FOR_EACH_BB_FN(bb, fun) {
    for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi)) {
      gphi *phi = pi.phi();
      for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
        if (tree o = addr_object(gimple_phi_arg_def(phi, i)))
          if (deaths.get(o) && POINTER_TYPE_P(TREE_TYPE(gimple_phi_result(phi))))
            holders.get_or_insert(o).safe_push(gimple_phi_result(phi));
    }
    for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
      gimple *g = gsi_stmt(si);
      if (gcall *c = dyn_cast<gcall *>(g)) {
        /* memchr (a, ...): a library function returning its argument.  */
        tree lhs = gimple_call_lhs(c), fn = gimple_call_fndecl(c);
        const esc_model *m = fn ? esc_model_lookup(IDENTIFIER_POINTER(DECL_NAME(fn))) : NULL;
        if (!fn || !lhs || TREE_CODE(lhs) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(lhs)))
          continue;
        for (unsigned i = 0; i < gimple_call_num_args(c); i++) {
          tree o = addr_object(gimple_call_arg(c, i));
          if (o && deaths.get(o) &&
              (m ? esc_model_tag(m, i).result == 0 : body_returns_param(fn, i))) {
            takes.get_or_insert(o).safe_push(g);
            holders.get_or_insert(o).safe_push(lhs);
          }
        }
        continue;
      }
      if (!is_gimple_assign(g) || gimple_clobber_p(g))
        continue;
      tree lhs = gimple_assign_lhs(g);
      tree o = addr_object(gimple_assign_rhs1(g));
      if (!o || !deaths.get(o))
        continue;
      takes.get_or_insert(o).safe_push(g);
      if (TREE_CODE(lhs) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(lhs)))
        holders.get_or_insert(o).safe_push(lhs);
    }
  }

  for (auto it = holders.begin(); it != holders.end(); ++it) {
    tree obj = (*it).first;
    /* Every SSA name the address reaches.  */
    auto_bitmap names;
    auto_vec<tree, 16> work;
    for (tree n : (*it).second)
      if (bitmap_set_bit(names, SSA_NAME_VERSION(n)))
        work.safe_push(n);
    auto_vec<tree, 16> all;
    while (!work.is_empty()) {
      tree v = work.pop();
      all.safe_push(v);
      imm_use_iterator ui;
      use_operand_p use;
      FOR_EACH_IMM_USE_FAST(use, ui, v) {
        tree next = passes_on(USE_STMT(use), v);
        if (next && TREE_CODE(next) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(next)) &&
            bitmap_set_bit(names, SSA_NAME_VERSION(next)))
          work.safe_push(next);
      }
    }
    /* The statements using one of them.  */
    hash_set<gimple *> users;
    for (tree v : all) {
      imm_use_iterator ui;
      use_operand_p use;
      FOR_EACH_IMM_USE_FAST(use, ui, v) {
        gimple *u = USE_STMT(use);
        if (!is_gimple_debug(u) && !passes_on(u, v) && uses_value(u, v))
          users.add(u);
      }
    }
    if (users.is_empty())
      continue;
    gimple *found = stale_use(obj, *deaths.get(obj), names, users);
    if (!found || gimple_code(found) == GIMPLE_RETURN)
      continue;               /* returns: the definite walk's business */
    int *vl = vla_locs.get(obj);
    esc_loc_id l = vl ? *vl : decl_loc(obj);
    esc_loc_set_reported(f, l, true);
    esc_loc_set_scope_use(f, l, stmt_location_of(found));
  }
}

/* G's location for the core, without its lexical block (as
   read-stmt.cc's stmt_location: the block may be freed by the time the
   unit is reported).  */
location_t
reader::stmt_location_of(gimple *g)
{
  location_t loc = gimple_location(g);
  return loc == UNKNOWN_LOCATION ? DECL_SOURCE_LOCATION(fun->decl)
                                 : set_block(loc, NULL_TREE);
}
