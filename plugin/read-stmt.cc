/* read-stmt.cc - the walk over one function: its parameters, the
   declarations standing for something else (captured variables, VLAs),
   the loop depth of scopes, then each statement (assignments, returns,
   asm; calls in read-call.cc) and each dereference.  */
#include "reader.h"
#include "gimple-walk.h"

namespace {

/* FRAME decl -> the variables captured in it (nested functions).  */
hash_map<tree, vec<tree>> *frame_captures;

/* The pointer a memory reference goes through (p for p->f, p[i]), or
   NULL for a reference to a declared object.  */
tree
ref_pointer(tree ref)
{
  while (handled_component_p(ref))
    ref = TREE_OPERAND(ref, 0);
  if ((TREE_CODE(ref) == MEM_REF || TREE_CODE(ref) == TARGET_MEM_REF) &&
      TREE_CODE(TREE_OPERAND(ref, 0)) == SSA_NAME)
    return TREE_OPERAND(ref, 0);
  return NULL_TREE;
}

/* Do A and B hold the same pointer: the same SSA name, or loads of the
   same field through the same pointer (box->pair read twice)?  */
bool
same_pointer(tree a, tree b, int budget)
{
  if (a == b)
    return a != NULL_TREE;
  if (!a || !b || budget <= 0 || TREE_CODE(a) != SSA_NAME || TREE_CODE(b) != SSA_NAME)
    return false;
  gimple *da = SSA_NAME_DEF_STMT(a), *db = SSA_NAME_DEF_STMT(b);
  if (!da || !db || !gimple_assign_load_p(da) || !gimple_assign_load_p(db) ||
      gimple_bb(da) != gimple_bb(db))
    return false;
  tree ra = gimple_assign_rhs1(da), rb = gimple_assign_rhs1(db);
  tree pa = ref_pointer(ra), pb = ref_pointer(rb);
  if (!pa || !pb || !same_pointer(pa, pb, budget - 1))
    return false;
  /* The same access path from the same pointer: compare the references
     with the pointer replaced by one of them.  */
  return TREE_CODE(ra) == TREE_CODE(rb) && TREE_CODE(ra) == COMPONENT_REF &&
         TREE_OPERAND(ra, 1) == TREE_OPERAND(rb, 1) &&
         TREE_CODE(TREE_OPERAND(ra, 0)) == MEM_REF &&
         TREE_CODE(TREE_OPERAND(rb, 0)) == MEM_REF &&
         integer_zerop(TREE_OPERAND(TREE_OPERAND(ra, 0), 1)) &&
         integer_zerop(TREE_OPERAND(TREE_OPERAND(rb, 0), 1));
}

/* Go's self-assignment rule: p->a = p->b moves a value within one object
   and cannot make anything escape.  In GIMPLE the load is a statement of
   its own: "_1 = p->b; p->a = _1;".  */
bool
self_assignment(tree lhs, tree rhs, enum tree_code code)
{
  tree base = ref_pointer(lhs);
  if (!base)
    return false;
  if (code != SSA_NAME)
    return false;
  /* Through pointer arithmetic and conversions of the loaded value too:
     b->buf = b->buf + 1 (Go: reslicing b.buf[1:]).  */
  for (int budget = 4; budget > 0; budget--) {
    if (TREE_CODE(rhs) != SSA_NAME || !has_single_use(rhs))
      return false;
    gimple *def = SSA_NAME_DEF_STMT(rhs);
    if (!def || !is_gimple_assign(def))
      return false;
    if (gimple_assign_load_p(def))
      return same_pointer(ref_pointer(gimple_assign_rhs1(def)), base, 4);
    enum tree_code c = gimple_assign_rhs_code(def);
    if (c != POINTER_PLUS_EXPR && !CONVERT_EXPR_CODE_P(c))
      return false;
    rhs = gimple_assign_rhs1(def);
  }
  return false;
}

/* Variables of a nested function's parent live in its FRAME object:
   remember which, so that verdicts on the frame name them.  */
void
note_capture(tree var)
{
  if ((!VAR_P(var) && TREE_CODE(var) != PARM_DECL) ||
      !DECL_HAS_VALUE_EXPR_P(var) || !user_decl(var))
    return;
  tree ve = DECL_VALUE_EXPR(var);
  if (!ve || TREE_CODE(ve) != COMPONENT_REF || !VAR_P(TREE_OPERAND(ve, 0)))
    return;
  if (!frame_captures)
    frame_captures = new hash_map<tree, vec<tree>>;
  bool existed;
  vec<tree> &v = frame_captures->get_or_insert(TREE_OPERAND(ve, 0), &existed);
  if (!existed) {
    v = vNULL;
    escape_keep_tree(TREE_OPERAND(ve, 0));  /* read by the report */
  }
  if (v.contains(var))
    return;
  escape_keep_tree(var);
  /* Keep declaration order, for a stable report.  */
  unsigned at = v.length();
  while (at > 0 && DECL_UID(v[at - 1]) > DECL_UID(var))
    at--;
  v.safe_insert(at, var);
}

} // namespace

/* ------------------------------------------------------------ statements */

/* K (a store into the object BASE points to) receives the value T, less
   the parts of T computed from the object's own bytes: p->n += u moves
   bytes within the object (Go's self-assignment rule, through C's
   arithmetic) and stores only what u carries.  */
void
reader::store_value(hole k, tree t, tree base, int budget)
{
  gimple *def = TREE_CODE(t) == SSA_NAME ? SSA_NAME_DEF_STMT(t) : NULL;
  if (budget <= 0 || !def || !is_gimple_assign(def) || POINTER_TYPE_P(TREE_TYPE(t))) {
    expr(k, t);
    return;
  }
  enum tree_code code = gimple_assign_rhs_code(def);
  tree rhs1 = gimple_assign_rhs1(def);
  if (gimple_assign_load_p(def) && same_pointer(ref_pointer(rhs1), base, 4))
    return;                           /* the object's own bytes */
  hole bytes = {k.dst, k.derefs, ESC_WHY_BYTES};
  switch (get_gimple_rhs_class(code)) {
  case GIMPLE_UNARY_RHS:
    store_value(bytes, rhs1, base, budget - 1);
    return;
  case GIMPLE_BINARY_RHS:
    if (TREE_CODE_CLASS(code) == tcc_comparison)
      return;
    if (code != POINTER_PLUS_EXPR) {
      store_value(bytes, rhs1, base, budget - 1);
      store_value(bytes, gimple_assign_rhs2(def), base, budget - 1);
      return;
    }
    break;
  default:
    break;
  }
  expr(k, t);
}

void
reader::read_assign(gassign *g)
{
  tree lhs = gimple_assign_lhs(g);
  tree rhs1 = gimple_assign_rhs1(g);
  enum tree_code code = gimple_assign_rhs_code(g);
  if (gimple_clobber_p(g))
    return;
  /* C's memory model (docs/semantics.md): any value may carry the bytes
     of a pointer, whatever its type.  Only a comparison's result, 0 or
     1, carries none.  */
  if (TREE_CODE_CLASS(code) == tcc_comparison)
    return;
  /* A pointer turned into an integer is exposed: an integer made later
     from anything (a hash, a file, bits tested one by one) may point
     to it, so it escapes (C's provenance model, PNVI-ae).  */
  if (CONVERT_EXPR_CODE_P(code) && rhs1 && POINTER_TYPE_P(TREE_TYPE(rhs1)) &&
      !POINTER_TYPE_P(TREE_TYPE(lhs)))
    expr({esc_func_heap(f), 0, ESC_WHY_INTEGER}, rhs1);
  if (self_assignment(lhs, rhs1, code))
    return;
  hole k = lhs_hole(lhs);
  /* C lifetimes (lifetimes.cc): a store into a global or through a
     parameter that is overwritten before every return is transient; what
     is stored through a parameter is a sink of the warnings.  */
  tree out = k.why == ESC_WHY_STORE ? out_param_of(lhs) : NULL_TREE;
  /* Only what may hold a local's address needs the search.  */
  bool may_hold = TREE_CODE(rhs1) == SSA_NAME ||
                  (TREE_CODE(rhs1) == ADDR_EXPR &&
                   !(DECL_P(get_base_address(TREE_OPERAND(rhs1, 0))) &&
                     is_global_var(get_base_address(TREE_OPERAND(rhs1, 0))))) ||
                  (!CONSTANT_CLASS_P(rhs1) && TREE_CODE(rhs1) != ADDR_EXPR);
  if ((k.why == ESC_WHY_GLOBAL || k.why == ESC_WHY_GLOBAL_MEM || out) && may_hold)
    k.transient = store_dies(g, lhs);
  read_rhs(g, k);
  if (out)
    read_rhs(g, {out_param_loc(out), 0, ESC_WHY_OUT_PARAM, k.transient});
}

/* The right-hand side of G goes to K.  */
void
reader::read_rhs(gassign *g, hole k)
{
  tree lhs = gimple_assign_lhs(g);
  tree rhs1 = gimple_assign_rhs1(g);
  enum tree_code code = gimple_assign_rhs_code(g);
  hole bytes = {k.dst, k.derefs, ESC_WHY_BYTES, k.transient};
  switch (get_gimple_rhs_class(code)) {
  case GIMPLE_SINGLE_RHS:
    if (tree base = ref_pointer(lhs))
      store_value(k, rhs1, base, 6);
    else
      expr(k, rhs1);
    return;
  case GIMPLE_UNARY_RHS:
    /* A conversion is the same bytes; other operations compute from
       them: they carry the pointers, not the address itself.  */
    expr(CONVERT_EXPR_CODE_P(code) &&
         POINTER_TYPE_P(TREE_TYPE(lhs)) == POINTER_TYPE_P(TREE_TYPE(rhs1)) ? k : bytes,
         rhs1);
    return;
  case GIMPLE_BINARY_RHS:
    /* Both operands: arithmetic keeps bytes.  But p + n points into p's
       object (C11 6.5.6: anything else is undefined), so its offset
       carries nothing.  */
    if (code == POINTER_PLUS_EXPR) {
      expr(k, rhs1);
      return;
    }
    /* MIN and MAX choose one operand whole (p < &c ? p : &c folds into
       MIN_EXPR): a copy of either, as COND_EXPR below.  */
    if (code == MIN_EXPR || code == MAX_EXPR) {
      expr(k, rhs1);
      expr(k, gimple_assign_rhs2(g));
      return;
    }
    expr(bytes, rhs1);
    expr(bytes, gimple_assign_rhs2(g));
    return;
  case GIMPLE_TERNARY_RHS:
    if (code == COND_EXPR || code == VEC_COND_EXPR) {
      expr(k, gimple_assign_rhs2(g));
      expr(k, gimple_assign_rhs3(g));
      return;
    }
    /* VEC_PERM_EXPR, BIT_INSERT_EXPR, FMA, dot products: every operand.  */
    expr(bytes, rhs1);
    expr(bytes, gimple_assign_rhs2(g));
    expr(bytes, gimple_assign_rhs3(g));
    return;
  default:
    return;
  }
}

void
reader::read_asm(gasm *g)
{
  /* Whatever an asm statement is given may be kept anywhere.  */
  hole heap = {esc_func_heap(f), 0, ESC_WHY_ASM};
  for (unsigned i = 0; i < gimple_asm_ninputs(g); i++) {
    tree op = TREE_VALUE(gimple_asm_input_op(g, i));
    expr(heap, op);                  /* its bytes, whatever its type */
    if (!is_gimple_reg(op))          /* a memory operand: its address */
      expr_addr(heap, op);
  }
  for (unsigned i = 0; i < gimple_asm_noutputs(g); i++) {
    tree op = TREE_VALUE(gimple_asm_output_op(g, i));
    if (!is_gimple_reg(op))
      expr_addr(heap, op);
  }
}

void
reader::read_stmt(gimple *g)
{
  switch (gimple_code(g)) {
  case GIMPLE_ASSIGN:
    read_assign(as_a<gassign *>(g));
    break;
  case GIMPLE_CALL:
    read_call(as_a<gcall *>(g));
    break;
  case GIMPLE_RETURN:
    if (tree val = gimple_return_retval(as_a<greturn *>(g)))
      expr({esc_func_result(f), 0, ESC_WHY_RETURN}, val);
    break;
  case GIMPLE_ASM:
    read_asm(as_a<gasm *>(g));
    break;
  default:
    break;
  }
}

void
reader::read_params()
{
  unsigned i = 0;
  for (tree p = DECL_ARGUMENTS(fun->decl); p; p = DECL_CHAIN(p), i++) {
    char buf[32];
    bool report = user_decl(p) && type_has_pointers(TREE_TYPE(p));
    esc_loc_id l = esc_param_new(f, i, decl_name(p, buf, sizeof buf),
                                 DECL_SOURCE_LOCATION(p), report);
    set_cookie(l, p);
    decls.put(p, l);
  }
  if (tree chain = fun->static_chain_decl) {
    esc_loc_id l = esc_param_new(f, ESC_CHAIN_PARAM, "CHAIN", DECL_SOURCE_LOCATION(chain), false);
    decls.put(chain, l);
  }
}

/* Variables standing for something else: captured ones (in a nested
   function's frame) and VLAs (*P, P the pointer their alloca returns).  */
void
reader::note_decl(tree var)
{
  note_capture(var);
  if (VAR_P(var) && DECL_HAS_VALUE_EXPR_P(var) && user_decl(var)) {
    tree ve = DECL_VALUE_EXPR(var);
    if (ve && (TREE_CODE(ve) == INDIRECT_REF || TREE_CODE(ve) == MEM_REF) &&
        VAR_P(TREE_OPERAND(ve, 0)))
      vla_decls.put(TREE_OPERAND(ve, 0), var);
  }
}

void
reader::note_block_decls(tree block)
{
  for (; block; block = BLOCK_CHAIN(block)) {
    for (tree var = BLOCK_VARS(block); var; var = DECL_CHAIN(var))
      note_decl(var);
    note_block_decls(BLOCK_SUBBLOCKS(block));
  }
}

void
reader::note_captures()
{
  /* Optimisation may have pruned local_decls; the scope tree keeps them.  */
  unsigned i;
  tree var;
  FOR_EACH_LOCAL_DECL(fun, i, var)
    note_decl(var);
  if (DECL_INITIAL(fun->decl) && TREE_CODE(DECL_INITIAL(fun->decl)) == BLOCK)
    note_block_decls(DECL_INITIAL(fun->decl));
  for (tree p = DECL_ARGUMENTS(fun->decl); p; p = DECL_CHAIN(p))
    note_capture(p);
}

/* Loop depth of a local variable's scope: where its storage dies (the
   end-of-life clobbers GCC puts at each exit from the scope).  */
void
reader::note_scopes()
{
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    int d = bb_depth(bb);
    for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
      gimple *g = gsi_stmt(si);
      if (!gimple_clobber_p(g))
        continue;
      tree var = gimple_assign_lhs(g);
      if (!VAR_P(var))
        continue;
      bool existed;
      int &depth = var_depth.get_or_insert(var, &existed);
      if (!existed || d < depth)
        depth = d;
    }
  }
}

/* Go's explicit-variable limit: a local larger than max-var cannot live
   on the stack ("moved to heap", too large for stack).  */
void
reader::note_large_locals()
{
  long long max_var = esc_unit_config(escape_unit)->max_var;
  unsigned i;
  tree var;
  FOR_EACH_LOCAL_DECL(fun, i, var) {
    if (!VAR_P(var) || is_global_var(var) || !user_decl(var) ||
        DECL_HAS_VALUE_EXPR_P(var) || !DECL_SIZE_UNIT(var) ||
        !tree_fits_uhwi_p(DECL_SIZE_UNIT(var)) ||
        tree_to_uhwi(DECL_SIZE_UNIT(var)) <= (unsigned HOST_WIDE_INT)max_var)
      continue;
    esc_loc_id l = decl_loc(var);
    esc_loc_set_reported(f, l, true);
    esc_loc_force_escape(f, l, "too large for stack");
  }
}

/* A load or store through an SSA pointer: where it is dereferenced, for
   locals of a loop read after their iteration (esc_loc_set_deref).  */
bool
reader::note_deref(gimple *g, tree base, tree, void *data)
{
  reader *r = (reader *)data;
  if (!base || TREE_CODE(base) != MEM_REF || TREE_CODE(TREE_OPERAND(base, 0)) != SSA_NAME)
    return false;
  tree p = TREE_OPERAND(base, 0);
  if (!type_has_pointers(TREE_TYPE(p)))
    return false;
  gimple *def = SSA_NAME_DEF_STMT(p);
  basic_block db = def ? gimple_bb(def) : NULL;
  bool carried = def && gimple_code(def) == GIMPLE_PHI && db && db->loop_father &&
                 db->loop_father->header == db && r->bb_depth(db) > 0;
  esc_loc_set_deref(r->f, r->ssa_loc(p), r->bb_depth(gimple_bb(g)),
                    r->stmt_loc, carried);
  return false;
}

/* Where statement G is, for the flows it makes: its own location, or
   the function's.  The lexical block a statement's location carries is
   dropped: the positions are reported at the end of the unit, when later
   passes may have pruned and freed that block (GCC would then print
   "inlined from" lines read from freed memory); the pass runs before any
   inlining, so the block says nothing a diagnostic needs.  */
static location_t
stmt_location(location_t loc, function *fun)
{
  if (loc == UNKNOWN_LOCATION)
    return DECL_SOURCE_LOCATION(fun->decl);
  return set_block(loc, NULL_TREE);
}

/* Where phi argument I of PHI comes from: its own location, else (GCC
   merged the returns: "return p;" became "_7 = p; goto <ret>;") the
   statement defining it in the block the edge leaves, else the last
   statement with a location there.  */
static location_t
phi_arg_location(gphi *phi, unsigned i)
{
  location_t loc = gimple_phi_arg_location(phi, i);
  if (loc != UNKNOWN_LOCATION)
    return loc;
  tree arg = gimple_phi_arg_def(phi, i);
  basic_block src = gimple_phi_arg_edge(phi, i)->src;
  if (TREE_CODE(arg) == SSA_NAME) {
    gimple *def = SSA_NAME_DEF_STMT(arg);
    if (def && gimple_bb(def) == src && gimple_location(def) != UNKNOWN_LOCATION)
      return gimple_location(def);
  }
  for (gimple_stmt_iterator si = gsi_last_bb(src); !gsi_end_p(si); gsi_prev(&si))
    if (!is_gimple_debug(gsi_stmt(si)) && gimple_location(gsi_stmt(si)) != UNKNOWN_LOCATION)
      return gimple_location(gsi_stmt(si));
  return UNKNOWN_LOCATION;
}

void
reader::read_phis(basic_block bb)
{
  for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi)) {
    gphi *phi = pi.phi();
    tree res = gimple_phi_result(phi);
    if (virtual_operand_p(res))
      continue;
    for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
      tree arg = gimple_phi_arg_def(phi, i);
      stmt_loc = stmt_location(phi_arg_location(phi, i), fun);
      /* if (r == &spare) r = 0;: on the other edge R is not &spare, so
         what R holds there is no certain escape (the definite walk does
         not follow it; Go's walk does).  */
      bool guarded = guarded_against_address(gimple_phi_arg_edge(phi, i), arg);
      expr({ssa_loc(res), 0, ESC_WHY_ASSIGN, guarded}, arg);
    }
  }
}

void
reader::read_block(basic_block bb)
{
  depth = bb_depth(bb);
  read_phis(bb);
  for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
    gimple *g = gsi_stmt(si);
    stmt_loc = stmt_location(gimple_location(g), fun);
    read_stmt(g);
    if (loops_for_fn(fun) && !is_gimple_debug(g))
      walk_stmt_load_store_ops(g, this, note_deref, note_deref);
  }
}

/* Go's escape.stmts over a function: its declarations first, then every
   block; then which allocations it frees.  */
void
reader::read()
{
  read_params();
  note_captures();
  note_scopes();
  note_large_locals();
  read_erased_returns();
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun)
    read_block(bb);
  note_scope_uses();
  note_frees();
}

void
reader::sites(escape_sites *out) const
{
  for (auto &a : allocs)
    out->allocs.safe_push(a.first);
  for (auto &fr : frees) {
    gcall *g = as_a<gcall *>(fr.first);
    for (unsigned i = 0; i < gimple_call_num_args(g); i++)
      if (gimple_call_arg(g, i) == fr.second) {
        out->frees.safe_push({fr.first, i});
        break;
      }
  }
}

void
escape_read_function(function *fun, escape_sites *sites)
{
  if (!escape_unit || !fun || !fun->decl || !fun->cfg)
    return;
  tree decl = fun->decl;
  const char *name = lang_hooks.decl_printable_name(decl, 2);
  esc_func *f = esc_func_begin(escape_unit, DECL_UID(decl), name,
                               DECL_SOURCE_LOCATION(decl));
  escape_keep_tree(decl);               /* the function's cookie */
  esc_func_set_cookie(f, decl);
  if (esc_unit_config(escape_unit)->summaries && TREE_PUBLIC(decl) &&
      !DECL_EXTERNAL(decl) && !DECL_STATIC_CHAIN(decl))
    esc_func_set_export(f, escape_decl_hash(decl));
  {
    reader r(fun, f);
    r.read();
    if (sites)
      r.sites(sites);
  }
  esc_func_end(f);
  escape_find_wrapper(fun, DECL_UID(decl));
}

const vec<tree> *
escape_frame_captures(tree frame)
{
  return frame_captures ? frame_captures->get(frame) : NULL;
}

bool
has_captures(tree decl)
{
  return frame_captures && frame_captures->get(decl);
}

