/* read-expr.cc - expressions: the locations of declarations and SSA
   names, the value (expr) and the address (expr_addr) of a tree sent to
   a hole, and the hole a store goes to (lhs_hole, store_through).  */
#include "reader.h"

/* ------------------------------------------------------------ types */

namespace {

/* Answers of type_has_pointers, kept for the whole unit.  */
hash_map<tree, bool> *pointer_types;

} // namespace

/* Can a value of TYPE hold a pointer?  */
bool
type_has_pointers(tree type)
{
  if (!type || type == error_mark_node)
    return false;
  switch (TREE_CODE(type)) {
  case POINTER_TYPE:
  case REFERENCE_TYPE:
  case NULLPTR_TYPE:
    return true;
  case ARRAY_TYPE:
    return type_has_pointers(TREE_TYPE(type));
  case RECORD_TYPE:
  case UNION_TYPE:
  case QUAL_UNION_TYPE: {
    tree main = TYPE_MAIN_VARIANT(type);
    if (!pointer_types)
      pointer_types = new hash_map<tree, bool>;
    if (bool *seen = pointer_types->get(main))
      return *seen;
    escape_keep_tree(main);               /* a key across functions */
    pointer_types->put(main, false);      /* recursion guard */
    bool has = false;
    for (tree fld = TYPE_FIELDS(main); fld && !has; fld = DECL_CHAIN(fld))
      if (TREE_CODE(fld) == FIELD_DECL)
        has = type_has_pointers(TREE_TYPE(fld));
    pointer_types->put(main, has);
    return has;
  }
  default:
    return false;
  }
}

/* void * or a pointer to an incomplete struct: C's opaque interfaces.  */
bool
opaque_pointer_type(tree type)
{
  if (!type || TREE_CODE(type) != POINTER_TYPE)
    return false;
  tree to = TREE_TYPE(type);
  return VOID_TYPE_P(to) || (RECORD_OR_UNION_TYPE_P(to) && !COMPLETE_TYPE_P(to));
}

bool
is_local_decl(tree decl)
{
  return (TREE_CODE(decl) == VAR_DECL || TREE_CODE(decl) == PARM_DECL ||
          TREE_CODE(decl) == RESULT_DECL) &&
         !is_global_var(decl);
}

const char *
decl_name(tree decl, char *buf, size_t len)
{
  if (DECL_NAME(decl))
    return IDENTIFIER_POINTER(DECL_NAME(decl));
  snprintf(buf, len, "D.%u", DECL_UID(decl));
  return buf;
}

/* A user-visible variable (not a compiler temporary)?  */
bool
user_decl(tree decl)
{
  return DECL_NAME(decl) && !DECL_ARTIFICIAL(decl);
}

/* The object of a compound literal, (int){1}: the C front end makes it
   an unnamed artificial local; its address taken, it is the user's.  */
bool
compound_literal(tree decl)
{
  return VAR_P(decl) && DECL_ARTIFICIAL(decl) && !DECL_NAME(decl) &&
         !is_global_var(decl) && !DECL_HAS_VALUE_EXPR_P(decl) &&
         DECL_SOURCE_LOCATION(decl) != UNKNOWN_LOCATION;
}

/* The user variable a value comes from, through copies and
   conversions (malloc (n) is passed (size_t) n), or NULL.  */
const char *
user_name_of(tree t)
{
  for (int budget = 8; t && budget > 0; budget--) {
    if (DECL_P(t))
      return user_decl(t) ? IDENTIFIER_POINTER(DECL_NAME(t)) : NULL;
    if (TREE_CODE(t) != SSA_NAME)
      return NULL;
    tree var = SSA_NAME_VAR(t);
    if (var && user_decl(var))
      return IDENTIFIER_POINTER(DECL_NAME(var));
    gimple *def = SSA_NAME_DEF_STMT(t);
    if (!def || !is_gimple_assign(def))
      return NULL;
    enum tree_code code = gimple_assign_rhs_code(def);
    if (!CONVERT_EXPR_CODE_P(code) && code != SSA_NAME &&
        !(get_gimple_rhs_class(code) == GIMPLE_SINGLE_RHS && DECL_P(gimple_assign_rhs1(def))))
      return NULL;
    t = gimple_assign_rhs1(def);
  }
  return NULL;
}

/* The value of an integer T when GCC knows it here: a constant, or an
   SSA name defined from constants by copies, conversions and arithmetic
   (at -O0 "n = 16; malloc (n)" is still "malloc (n_1)").  */
bool
constant_value(tree t, HOST_WIDE_INT *out, int budget)
{
  if (budget <= 0 || !t)
    return false;
  if (TREE_CODE(t) == INTEGER_CST) {
    if (!tree_fits_shwi_p(t))
      return false;
    *out = tree_to_shwi(t);
    return true;
  }
  if (TREE_CODE(t) != SSA_NAME || !INTEGRAL_TYPE_P(TREE_TYPE(t)))
    return false;
  gimple *def = SSA_NAME_DEF_STMT(t);
  if (!def || !is_gimple_assign(def))
    return false;
  enum tree_code code = gimple_assign_rhs_code(def);
  HOST_WIDE_INT a, b;
  if (code == INTEGER_CST || code == SSA_NAME || CONVERT_EXPR_CODE_P(code))
    return constant_value(gimple_assign_rhs1(def), out, budget - 1);
  if (code != MULT_EXPR && code != PLUS_EXPR && code != MINUS_EXPR &&
      code != LSHIFT_EXPR)
    return false;
  if (!constant_value(gimple_assign_rhs1(def), &a, budget - 1) ||
      !constant_value(gimple_assign_rhs2(def), &b, budget - 1))
    return false;
  if (a < 0 || b < 0 || a > (1LL << 40) || b > (1LL << 40))
    return false;                     /* keep clear of overflow */
  switch (code) {
  case MULT_EXPR: *out = a * b; return true;
  case PLUS_EXPR: *out = a + b; return true;
  case MINUS_EXPR: *out = a - b; return true;
  default: if (b > 20) return false; *out = a << b; return true;
  }
}

/* ------------------------------------------------------------ locations */

int
reader::bb_depth(basic_block bb) const
{
  if (!bb || !bb->loop_father || !loops_for_fn(fun))
    return 0;
  return loop_depth(bb->loop_father);
}

/* Loop depth of where an SSA value lives: Go's loop depth of the
   variable's declaration.  A value carried around a loop (a phi in its
   header) or used after it belongs to the enclosing level.  */
int
reader::ssa_depth(tree name)
{
  gimple *def = SSA_NAME_DEF_STMT(name);
  basic_block bb = def ? gimple_bb(def) : NULL;
  int d = bb ? bb_depth(bb) : 0;
  if (d > 0 && gimple_code(def) == GIMPLE_PHI && bb->loop_father &&
      bb->loop_father->header == bb)
    d--;
  imm_use_iterator it;
  use_operand_p use;
  FOR_EACH_IMM_USE_FAST(use, it, name) {
    if (d == 0)
      break;
    gimple *u = USE_STMT(use);
    if (is_gimple_debug(u))
      continue;
    basic_block ub = gimple_bb(u);
    if (gphi *phi = dyn_cast<gphi *>(u))
      ub = gimple_phi_arg_edge(phi, PHI_ARG_INDEX_FROM_USE(use))->src;
    int ud = bb_depth(ub);
    if (ud < d)
      d = ud;
  }
  return d;
}

/* The cookie of a location is the tree the report names it by, read at
   the end of the unit: kept alive until then.  */
void
reader::set_cookie(esc_loc_id l, tree t)
{
  escape_keep_tree(t);
  esc_loc_set_cookie(f, l, t);
}

esc_loc_id
reader::decl_loc(tree decl)
{
  if (int *l = decls.get(decl))
    return *l;
  char buf[32];
  const char *name = decl_name(decl, buf, sizeof buf);
  esc_loc_id l;
  if (TREE_CODE(decl) == RESULT_DECL)
    l = esc_func_result(f);
  else if (is_global_var(decl))
    l = esc_loc_new(f, ESC_LOC_GLOBAL, name, DECL_SOURCE_LOCATION(decl), 0);
  else if (TREE_CODE(decl) == VAR_DECL || TREE_CODE(decl) == PARM_DECL) {
    int *d = var_depth.get(decl);
    char lit[128];
    if (compound_literal(decl)) {
      /* (int){1}: an object of automatic storage without a name.  */
      char *type = print_generic_expr_to_str(TREE_TYPE(decl));
      snprintf(lit, sizeof lit, "(%s){...}", type);
      free(type);
      name = lit;
    }
    l = esc_loc_new(f, ESC_LOC_VAR, name, DECL_SOURCE_LOCATION(decl), d ? *d : 0);
    set_cookie(l, decl);
  } else
    return ESC_NONE;
  decls.put(decl, l);
  return l;
}

esc_loc_id
reader::ssa_loc(tree name)
{
  unsigned v = SSA_NAME_VERSION(name);
  if (v < ssa.length() && ssa[v])
    return ssa[v] - 1;
  tree var = SSA_NAME_VAR(name);
  esc_loc_id l;
  if (SSA_NAME_IS_DEFAULT_DEF(name) && var &&
      (TREE_CODE(var) == PARM_DECL || TREE_CODE(var) == RESULT_DECL))
    l = decl_loc(var);
  else {
    char buf[32];
    const char *n = var && user_decl(var) ? decl_name(var, buf, sizeof buf) : NULL;
    int d = ssa_depth(name);
    location_t where = var && DECL_P(var) ? DECL_SOURCE_LOCATION(var) : stmt_loc;
    l = esc_loc_new(f, ESC_LOC_TEMP, n, where, d);
  }
  if (v >= ssa.length())
    ssa.safe_grow_cleared(num_ssa_names > v + 1 ? num_ssa_names : v + 1);
  ssa[v] = l + 1;
  return l;
}

esc_loc_id
reader::temp_for(tree value, const char *name, enum esc_why why)
{
  esc_loc_id t = esc_loc_new(f, ESC_LOC_TEMP, name, stmt_loc, depth);
  expr({t, 0, why}, value);
  return t;
}

/* ------------------------------------------------------------ expressions */

/* K receives location SRC (Go's escape.flow).  */
void
reader::flow(hole k, esc_loc_id src)
{
  if (k.transient)
    esc_flow_transient(f, k.dst, src, k.derefs, k.why, pos());
  else
    esc_flow(f, k.dst, src, k.derefs, k.why, pos());
}

/* K receives the value of T (Go's escape.expr).  One case per kind of
   tree, as Go's switch over node kinds: kept together so that what a
   tree means is read in one place.  */
void
reader::expr(hole k, tree t)
{
  if (!t || k.dst == ESC_NONE)
    return;
  switch (TREE_CODE(t)) {
  case SSA_NAME:
    flow(k, ssa_loc(t));
    return;
  case VAR_DECL:
  case PARM_DECL:
  case RESULT_DECL:
    /* Reading a global yields nothing we track (Go: the same).  */
    if (is_local_decl(t))
      flow(k, decl_loc(t));
    return;
  case ADDR_EXPR:
    expr_addr(k, TREE_OPERAND(t, 0));
    return;
  case MEM_REF:
  case TARGET_MEM_REF: {
    tree ptr = TREE_OPERAND(t, 0);
    if (TREE_CODE(t) == MEM_REF && !integer_zerop(TREE_OPERAND(t, 1)))
      k.why = ESC_WHY_FIELD;            /* MEM[p + 8]: a part */
    if (TREE_CODE(ptr) == ADDR_EXPR)    /* MEM[&x + 4] is x */
      expr(k, TREE_OPERAND(ptr, 0));
    else
      expr(k.deref(), ptr);
    return;
  }
  case COMPONENT_REF:
  case ARRAY_REF:
  case ARRAY_RANGE_REF:
  case BIT_FIELD_REF:
  case REALPART_EXPR:
  case IMAGPART_EXPR:
    /* A part of its object (field-insensitive): the same location, but
       not necessarily the part the address was stored in -- unless it is
       the one part of the object that pointers are stored in
       (x.p = &i; g = x.p;), which is certain (lifetimes.cc).  */
    if (sole_pointer_field(t))
      expr(k, TREE_OPERAND(t, 0));
    else
      expr({k.dst, k.derefs, ESC_WHY_FIELD, k.transient}, TREE_OPERAND(t, 0));
    return;
  case VIEW_CONVERT_EXPR:
  case NOP_EXPR:
  case CONVERT_EXPR:
  case NON_LVALUE_EXPR:
  case WITH_SIZE_EXPR:
    /* Fields and elements are their object (field-insensitive).  */
    expr(k, TREE_OPERAND(t, 0));
    return;
  case CONSTRUCTOR: {
    unsigned i;
    tree val;
    FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(t), i, val)
      expr(k, val);
    return;
  }
  case COND_EXPR:
    expr(k, TREE_OPERAND(t, 1));
    expr(k, TREE_OPERAND(t, 2));
    return;
  case POINTER_PLUS_EXPR:
    expr(k, TREE_OPERAND(t, 0));
    return;
  default:
    return;   /* constants, functions, labels: nothing that can dangle */
  }
}

/* K receives the address of REF.  */
void
reader::expr_addr(hole k, tree ref)
{
  while (handled_component_p(ref))
    ref = TREE_OPERAND(ref, 0);
  switch (TREE_CODE(ref)) {
  case VAR_DECL:
  case PARM_DECL:
  case RESULT_DECL:
    if (is_local_decl(ref)) {
      esc_loc_id l = decl_loc(ref);
      if (user_decl(ref) || compound_literal(ref) ||
          has_captures(ref))
        esc_loc_set_reported(f, l, true);
      flow(k.addr(), l);
    }
    return;
  case MEM_REF:
  case TARGET_MEM_REF: {
    tree ptr = TREE_OPERAND(ref, 0);   /* &MEM[p + 4] is p + 4 */
    if (TREE_CODE(ptr) == ADDR_EXPR)
      expr_addr(k, TREE_OPERAND(ptr, 0));
    else
      expr(k, ptr);
    return;
  }
  default:
    return;   /* string literals, functions, labels: static */
  }
}

/* If pointer PTR surely points into memory reachable from a global,
   that global.  */
tree
reader::global_origin(tree ptr, int budget)
{
  if (budget <= 0 || !ptr)
    return NULL_TREE;
  if (TREE_CODE(ptr) == ADDR_EXPR) {
    tree base = get_base_address(TREE_OPERAND(ptr, 0));
    if (base && VAR_P(base) && is_global_var(base))
      return base;
    if (base && TREE_CODE(base) == MEM_REF)
      return global_origin(TREE_OPERAND(base, 0), budget - 1);
    return NULL_TREE;
  }
  if (TREE_CODE(ptr) != SSA_NAME)
    return NULL_TREE;
  gimple *def = SSA_NAME_DEF_STMT(ptr);
  if (!def || !is_gimple_assign(def))
    return NULL_TREE;
  tree rhs = gimple_assign_rhs1(def);
  switch (gimple_assign_rhs_code(def)) {
  case SSA_NAME:
  case NOP_EXPR:
  case CONVERT_EXPR:
  case POINTER_PLUS_EXPR:
  case ADDR_EXPR:
    return global_origin(rhs, budget - 1);
  default:
    break;
  }
  /* A pointer loaded from a global, or from memory reachable from one.  */
  tree base = get_base_address(rhs);
  if (!base)
    return NULL_TREE;
  if (VAR_P(base) && is_global_var(base))
    return base;
  if (TREE_CODE(base) == MEM_REF)
    return global_origin(TREE_OPERAND(base, 0), budget - 1);
  return NULL_TREE;
}

/* Where a store to LHS goes.  */
hole
reader::lhs_hole(tree lhs)
{
  if (TREE_CODE(lhs) == SSA_NAME)
    return {ssa_loc(lhs), 0, ESC_WHY_ASSIGN};
  tree base = lhs;
  while (handled_component_p(base))
    base = TREE_OPERAND(base, 0);
  if (DECL_P(base)) {
    esc_loc_id l = decl_loc(base);
    if (l == ESC_NONE)
      return {esc_func_heap(f), 0, ESC_WHY_STORE};
    return {l, 0, is_global_var(base) ? ESC_WHY_GLOBAL :
                  TREE_CODE(base) == RESULT_DECL ? ESC_WHY_RETURN : ESC_WHY_ASSIGN};
  }
  if (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF) {
    tree ptr = TREE_OPERAND(base, 0);
    if (TREE_CODE(ptr) == ADDR_EXPR && DECL_P(TREE_OPERAND(ptr, 0)))
      return lhs_hole(TREE_OPERAND(ptr, 0));
    if (tree g = global_origin(ptr, 8))
      return {decl_loc(g), 0, ESC_WHY_GLOBAL_MEM};
  }
  /* *p = x: the heap, as in Go.  */
  return {esc_func_heap(f), 0, ESC_WHY_STORE};
}

/* Where a store through pointer PTR goes (*PTR = x).  */
hole
reader::store_through(tree ptr)
{
  if (TREE_CODE(ptr) == ADDR_EXPR)
    return lhs_hole(TREE_OPERAND(ptr, 0));
  if (tree g = global_origin(ptr, 8))
    return {decl_loc(g), 0, ESC_WHY_GLOBAL_MEM};
  return {esc_func_heap(f), 0, ESC_WHY_STORE};
}

