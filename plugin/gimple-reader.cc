/* gimple-reader.cc - read one function's GIMPLE (in SSA form, right after
   the pass "ssa") into the core's graph: a location per local, SSA name
   and allocation, an edge per assignment (escape.h explains the model).
   It only reads: the IL is never changed.  */
#include "adapter.h"
#include "gimple-walk.h"

namespace {

/* Returns recovered in PRE_GENERICIZE: the C front end rewrote
   "return &local;" into "return 0;" before GIMPLE exists.  */
struct generic_return {
  tree fndecl, var;
  location_t loc;
};
vec<generic_return> generic_returns;

/* FRAME decl -> the variables captured in it (nested functions).  */
hash_map<tree, vec<tree>> *frame_captures;

struct hole {
  esc_loc_id dst;
  int derefs;
  enum esc_why why;
};

class reader
{
public:
  reader(function *fun, esc_func *f) : fun(fun), f(f) {}
  ~reader();
  void read();

private:
  function *fun;
  esc_func *f;
  location_t stmt_loc = UNKNOWN_LOCATION;
  int depth = 0;
  hash_map<tree, int> decls;            /* decl -> location */
  auto_vec<int> ssa;                    /* SSA version -> location + 1 */
  hash_map<tree, tree> trampolines;     /* FRAME field -> nested fndecl */
  hash_map<tree, int> closures;         /* nested fndecl -> closure value */
  hash_map<tree, int> var_depth;        /* local -> loop depth of its scope */
  hash_map<tree, tree> vla_decls;       /* hidden pointer -> its VLA */
  auto_vec<std::pair<gcall *, esc_loc_id>> allocs;  /* allocation calls */
  auto_vec<std::pair<gimple *, tree>> frees;        /* deallocations */

  esc_pos pos() const { return stmt_loc; }
  esc_loc_id decl_loc(tree decl);
  esc_loc_id ssa_loc(tree name);
  tree known_target(tree fn, tree *frame);
  void flow(hole k, tree t);
  void flow_addr(hole k, tree ref);
  hole lhs_hole(tree lhs);
  hole store_through(tree ptr);
  tree global_origin(tree ptr, int budget);
  esc_loc_id temp_for(tree value, const char *name,
                      enum esc_why why = ESC_WHY_ASSIGN);
  void read_params();
  void read_stmt(gimple *g);
  void read_assign(gassign *g);
  void read_call(gcall *g);
  void read_asm(gasm *g);
  bool read_builtin(gcall *g, tree fndecl);
  void store_call_result(gcall *g, esc_loc_id value);
  void bind_indirect_results(tree nested, esc_loc_id frame);
  void note_large_locals();
  void note_frees();
  static bool note_deref(gimple *g, tree base, tree op, void *data);
  void note_captures();
  void note_decl(tree var);
  void note_block_decls(tree block);
  void note_scopes();
  int bb_depth(basic_block bb) const;
  int ssa_depth(tree name);
};

reader::~reader() {}

bool self_assignment(tree lhs, tree rhs, enum tree_code code);

/* realloc and friends: GCC counts them as deallocators, we as consuming
   their argument (it cannot be stack memory).  */
bool
consumes_argument(const char *name)
{
  const esc_model *m = name ? esc_model_lookup(name) : NULL;
  return m && m->kind == ESC_MODEL_REALLOC;
}

/* ------------------------------------------------------------ types */

hash_map<tree, bool> *pointer_types;

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
    esc_loc_set_cookie(f, l, decl);
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
  flow({t, 0, why}, value);
  return t;
}

/* ------------------------------------------------------------ expressions */

/* K receives the value of T.  */
void
reader::flow(hole k, tree t)
{
  if (!t || k.dst == ESC_NONE)
    return;
  switch (TREE_CODE(t)) {
  case SSA_NAME:
    esc_flow(f, k.dst, ssa_loc(t), k.derefs, k.why, pos());
    return;
  case VAR_DECL:
  case PARM_DECL:
  case RESULT_DECL:
    /* Reading a global yields nothing we track (Go: the same).  */
    if (is_local_decl(t))
      esc_flow(f, k.dst, decl_loc(t), k.derefs, k.why, pos());
    return;
  case ADDR_EXPR:
    flow_addr(k, TREE_OPERAND(t, 0));
    return;
  case MEM_REF:
  case TARGET_MEM_REF: {
    tree ptr = TREE_OPERAND(t, 0);
    if (TREE_CODE(t) == MEM_REF && !integer_zerop(TREE_OPERAND(t, 1)))
      k.why = ESC_WHY_FIELD;            /* MEM[p + 8]: a part */
    if (TREE_CODE(ptr) == ADDR_EXPR)    /* MEM[&x + 4] is x */
      flow(k, TREE_OPERAND(ptr, 0));
    else
      flow({k.dst, k.derefs + 1, k.why == ESC_WHY_ASSIGN ? ESC_WHY_LOAD : k.why}, ptr);
    return;
  }
  case COMPONENT_REF:
  case ARRAY_REF:
  case ARRAY_RANGE_REF:
  case BIT_FIELD_REF:
  case REALPART_EXPR:
  case IMAGPART_EXPR:
    /* A part of its object (field-insensitive): the same location, but
       not necessarily the part the address was stored in.  */
    flow({k.dst, k.derefs, ESC_WHY_FIELD}, TREE_OPERAND(t, 0));
    return;
  case VIEW_CONVERT_EXPR:
  case NOP_EXPR:
  case CONVERT_EXPR:
  case NON_LVALUE_EXPR:
  case WITH_SIZE_EXPR:
    /* Fields and elements are their object (field-insensitive).  */
    flow(k, TREE_OPERAND(t, 0));
    return;
  case CONSTRUCTOR: {
    unsigned i;
    tree val;
    FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(t), i, val)
      flow(k, val);
    return;
  }
  case COND_EXPR:
    flow(k, TREE_OPERAND(t, 1));
    flow(k, TREE_OPERAND(t, 2));
    return;
  case POINTER_PLUS_EXPR:
    flow(k, TREE_OPERAND(t, 0));
    return;
  default:
    return;   /* constants, functions, labels: nothing that can dangle */
  }
}

/* K receives the address of REF.  */
void
reader::flow_addr(hole k, tree ref)
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
          (frame_captures && frame_captures->get(ref)))
        esc_loc_set_reported(f, l, true);
      esc_flow(f, k.dst, l, k.derefs - 1,
               k.why == ESC_WHY_ASSIGN ? ESC_WHY_ADDR : k.why, pos());
    }
    return;
  case MEM_REF:
  case TARGET_MEM_REF: {
    tree ptr = TREE_OPERAND(ref, 0);   /* &MEM[p + 4] is p + 4 */
    if (TREE_CODE(ptr) == ADDR_EXPR)
      flow_addr(k, TREE_OPERAND(ptr, 0));
    else
      flow(k, ptr);
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

/* ------------------------------------------------------------ statements */

void
reader::read_assign(gassign *g)
{
  tree lhs = gimple_assign_lhs(g);
  tree rhs1 = gimple_assign_rhs1(g);
  enum tree_code code = gimple_assign_rhs_code(g);
  if (gimple_clobber_p(g))
    return;
  if (!type_has_pointers(TREE_TYPE(lhs))) {
    /* A pointer turned into an integer: we lose track of it.  */
    if (CONVERT_EXPR_CODE_P(code) && rhs1 && POINTER_TYPE_P(TREE_TYPE(rhs1)) &&
        INTEGRAL_TYPE_P(TREE_TYPE(lhs)))
      flow({esc_func_heap(f), 0, ESC_WHY_INTEGER}, rhs1);
    return;
  }
  if (self_assignment(lhs, rhs1, code))
    return;
  hole k = lhs_hole(lhs);
  switch (get_gimple_rhs_class(code)) {
  case GIMPLE_SINGLE_RHS:
    flow(k, rhs1);
    return;
  case GIMPLE_UNARY_RHS:
    if (type_has_pointers(TREE_TYPE(rhs1)))
      flow(k, rhs1);
    return;
  case GIMPLE_BINARY_RHS:
    if (type_has_pointers(TREE_TYPE(rhs1)))
      flow(k, rhs1);
    if (code != POINTER_PLUS_EXPR &&
        type_has_pointers(TREE_TYPE(gimple_assign_rhs2(g))))
      flow(k, gimple_assign_rhs2(g));
    return;
  case GIMPLE_TERNARY_RHS:
    if (code == COND_EXPR || code == VEC_COND_EXPR) {
      flow(k, gimple_assign_rhs2(g));
      flow(k, gimple_assign_rhs3(g));
    }
    return;
  default:
    return;
  }
}

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
  if (!base || code != SSA_NAME)
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

/* A nested function called through its trampoline returns to code we
   do not follow: what it returns of its frame goes to the heap.  Recorded
   as a call of it with the frame as static chain and the heap as result
   (resolved with its summary like any call).  */
void
reader::bind_indirect_results(tree nested, esc_loc_id frame)
{
  struct esc_call c;
  memset(&c, 0, sizeof c);
  c.size_arg[0] = c.size_arg[1] = -1;
  c.pos = pos();
  c.loop_depth = depth;
  c.callee = IDENTIFIER_POINTER(DECL_NAME(nested));
  c.callee_key = DECL_UID(nested);
  c.flags = ESC_CALL_HAS_BODY;
  c.chain = esc_loc_new(f, ESC_LOC_TEMP, NULL, pos(), depth);
  esc_flow(f, c.chain, frame, -1, ESC_WHY_CLOSURE, pos());
  c.result = esc_loc_new(f, ESC_LOC_TEMP, NULL, pos(), depth);
  esc_flow(f, esc_func_heap(f), c.result, 0, ESC_WHY_INDIRECT, pos());
  esc_call(f, &c);
}

void
reader::store_call_result(gcall *g, esc_loc_id value)
{
  tree lhs = gimple_call_lhs(g);
  if (!lhs || value == ESC_NONE)
    return;
  hole k = lhs_hole(lhs);
  esc_flow(f, k.dst, value, k.derefs, k.why, pos());
}

/* A call through a pointer whose only value is one function's address
   ("void (*h)(int *) = nop; h(p);") calls that function: Go resolves
   such calls too.  A nested function's address is its trampoline
   (__builtin_adjust_trampoline (&FRAME.0.fn)): then *FRAME is the frame
   the call passes as static chain.  */
tree
reader::known_target(tree fn, tree *frame)
{
  *frame = NULL_TREE;
  for (int budget = 8; fn && budget > 0; budget--) {
    if (TREE_CODE(fn) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(fn, 0)) == FUNCTION_DECL)
      return TREE_OPERAND(fn, 0);
    if (TREE_CODE(fn) != SSA_NAME)
      return NULL_TREE;
    gimple *def = SSA_NAME_DEF_STMT(fn);
    if (gcall *call = def ? dyn_cast<gcall *>(def) : NULL) {
      tree callee = gimple_call_fndecl(call);
      if (!callee || !fndecl_built_in_p(callee, BUILT_IN_ADJUST_TRAMPOLINE) ||
          !gimple_call_num_args(call))
        return NULL_TREE;
      tree field = gimple_call_arg(call, 0);
      if (TREE_CODE(field) != ADDR_EXPR ||
          TREE_CODE(TREE_OPERAND(field, 0)) != COMPONENT_REF)
        return NULL_TREE;
      field = TREE_OPERAND(field, 0);
      tree *nested = trampolines.get(TREE_OPERAND(field, 1));
      if (!nested || !DECL_P(TREE_OPERAND(field, 0)))
        return NULL_TREE;
      *frame = TREE_OPERAND(field, 0);
      return *nested;
    }
    if (!def || !is_gimple_assign(def) ||
        (gimple_assign_rhs_code(def) != SSA_NAME &&
         gimple_assign_rhs_code(def) != ADDR_EXPR &&
         !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
      return NULL_TREE;
    fn = gimple_assign_rhs1(def);
  }
  return NULL_TREE;
}

/* Builtins with a meaning of their own; false for the ordinary ones.  */
bool
reader::read_builtin(gcall *g, tree fndecl)
{
  if (!fndecl_built_in_p(fndecl, BUILT_IN_NORMAL))
    return false;
  tree lhs = gimple_call_lhs(g);
  switch (DECL_FUNCTION_CODE(fndecl)) {
  case BUILT_IN_INIT_TRAMPOLINE:
  case BUILT_IN_INIT_HEAP_TRAMPOLINE: {
    /* __builtin_init_trampoline (&FRAME.0.fn, fn, &FRAME.0) */
    if (gimple_call_num_args(g) < 3)
      return true;
    tree field = gimple_call_arg(g, 0), fn = gimple_call_arg(g, 1);
    if (TREE_CODE(field) == ADDR_EXPR)
      field = TREE_OPERAND(field, 0);
    if (TREE_CODE(field) == COMPONENT_REF)
      field = TREE_OPERAND(field, 1);
    if (TREE_CODE(fn) == ADDR_EXPR)
      fn = TREE_OPERAND(fn, 0);
    if (TREE_CODE(fn) == FUNCTION_DECL)
      trampolines.put(field, fn);
    return true;
  }
  case BUILT_IN_ADJUST_TRAMPOLINE: {
    /* _12 = __builtin_adjust_trampoline (&FRAME.0.fn): the closure.  */
    tree arg = gimple_call_num_args(g) ? gimple_call_arg(g, 0) : NULL_TREE;
    tree field = arg && TREE_CODE(arg) == ADDR_EXPR ? TREE_OPERAND(arg, 0) : NULL_TREE;
    tree frame = field && TREE_CODE(field) == COMPONENT_REF ? TREE_OPERAND(field, 0) : NULL_TREE;
    tree *fn = field && TREE_CODE(field) == COMPONENT_REF
               ? trampolines.get(TREE_OPERAND(field, 1)) : NULL;
    if (!fn || !frame || !DECL_P(frame)) {
      /* Unrecognised shape: the frame escapes, to be safe.  */
      if (arg)
        flow({esc_func_heap(f), 0, ESC_WHY_CLOSURE}, arg);
      return true;
    }
    int *value = closures.get(*fn);
    if (!value) {
      char buf[32];
      esc_loc_id frame_loc = decl_loc(frame);
      esc_loc_set_reported(f, frame_loc, true);
      int v = esc_closure_new(f, decl_name(*fn, buf, sizeof buf),
                              DECL_SOURCE_LOCATION(*fn), frame_loc, *fn, depth);
      closures.put(*fn, v);
      bind_indirect_results(*fn, frame_loc);
      value = closures.get(*fn);
    }
    store_call_result(g, *value);
    return true;
  }
  case BUILT_IN_ALLOCA:
  case BUILT_IN_ALLOCA_WITH_ALIGN:
  case BUILT_IN_ALLOCA_WITH_ALIGN_AND_MAX: {
    /* Stack memory: a local object whose address is the result.  */
    tree size = gimple_call_arg(g, 0);
    char buf[64];
    HOST_WIDE_INT cst;
    bool constant = constant_value(size, &cst, 8);
    if (constant)
      snprintf(buf, sizeof buf, "alloca(" HOST_WIDE_INT_PRINT_DEC ")", cst);
    else
      snprintf(buf, sizeof buf, "alloca(...)");
    /* A VLA is an alloca whose result is the hidden pointer its
       declaration stands for (buf [value-expr: *buf.1]): name it.  */
    tree vla = NULL_TREE;
    if (lhs && TREE_CODE(lhs) == SSA_NAME && SSA_NAME_VAR(lhs))
      if (tree *d = vla_decls.get(SSA_NAME_VAR(lhs)))
        vla = *d;
    esc_loc_id obj = esc_loc_new(f, ESC_LOC_VAR,
                                 vla ? IDENTIFIER_POINTER(DECL_NAME(vla)) : buf,
                                 vla ? DECL_SOURCE_LOCATION(vla) : pos(), depth);
    if (vla)
      esc_loc_set_cookie(f, obj, vla);
    esc_loc_set_reported(f, obj, true);
    if (!constant)
      esc_loc_force_escape(f, obj, "non-constant size");
    if (lhs) {
      hole k = lhs_hole(lhs);
      esc_flow(f, k.dst, obj, k.derefs - 1, ESC_WHY_ADDR, pos());
    }
    return true;
  }
  case BUILT_IN_EXPECT:
  case BUILT_IN_EXPECT_WITH_PROBABILITY:
  case BUILT_IN_ASSUME_ALIGNED:
    /* Return their first argument.  */
    if (lhs && gimple_call_num_args(g) && type_has_pointers(TREE_TYPE(lhs)))
      flow(lhs_hole(lhs), gimple_call_arg(g, 0));
    return true;
  case BUILT_IN_VA_START:
  case BUILT_IN_VA_END:
  case BUILT_IN_VA_COPY:
  case BUILT_IN_NEXT_ARG:
  case BUILT_IN_OBJECT_SIZE:
#if ESCAPE_HAVE_DYNAMIC_OBJECT_SIZE
  case BUILT_IN_DYNAMIC_OBJECT_SIZE:
#endif
  case BUILT_IN_CONSTANT_P:
  case BUILT_IN_PREFETCH:
  case BUILT_IN_STACK_SAVE:
  case BUILT_IN_STACK_RESTORE:
  case BUILT_IN_DWARF_CFA:
  case BUILT_IN_FRAME_ADDRESS:
  case BUILT_IN_RETURN_ADDRESS:
  case BUILT_IN_CLEAR_CACHE:
  case BUILT_IN_TRAP:
  case BUILT_IN_UNREACHABLE:
    return true;
  default:
    return false;
  }
}

void
reader::read_call(gcall *g)
{
  if (gimple_call_internal_p(g))
    return;    /* IFN_VA_ARG and friends: nothing flows into their args */
  tree fndecl = gimple_call_fndecl(g);
  tree frame = NULL_TREE;       /* static chain of a call via trampoline */
  if (!fndecl)
    fndecl = known_target(gimple_call_fn(g), &frame);
  if (fndecl && read_builtin(g, fndecl))
    return;

  tree fntype = gimple_call_fntype(g);
  unsigned nargs = gimple_call_num_args(g);
  auto_vec<esc_arg, 8> args;
  auto_vec<char *, 8> texts;
  tree parm = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
  unsigned nparams = 0;
  for (tree p = parm; p && !VOID_TYPE_P(TREE_VALUE(p)); p = TREE_CHAIN(p))
    nparams++;

  /* The C closure idiom: a function and its void * context passed
     together (pthread_create (&t, 0, worker, ctx)): the context is the
     closure's captured state.  */
  const char *context_of = NULL;
  for (unsigned i = 0; i < nargs && !context_of; i++) {
    tree a = gimple_call_arg(g, i);
    if (TREE_CODE(a) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(a, 0)) == FUNCTION_DECL)
      context_of = IDENTIFIER_POINTER(DECL_NAME(TREE_OPERAND(a, 0)));
  }
  int return_flags = gimple_call_return_flags(g);
  for (unsigned i = 0; i < nargs; i++) {
    tree a = gimple_call_arg(g, i);
    tree ptype = parm && !VOID_TYPE_P(TREE_VALUE(parm)) ? TREE_VALUE(parm) : NULL_TREE;
    if (parm)
      parm = TREE_CHAIN(parm);
    esc_arg arg = {ESC_NONE, 0, 0, NULL};
    HOST_WIDE_INT cst;
    if (constant_value(a, &cst, 8)) {
      arg.flags |= ESC_ARG_CONSTANT;
      arg.cst = cst;
    } else {
      arg.text = user_name_of(a);
    }
    if (type_has_pointers(TREE_TYPE(a))) {
      /* A prototype's void *, or no prototype at all (varargs, K&R):
         the pointer is converted to an opaque interface.  */
      bool opaque = !ptype || opaque_pointer_type(ptype);
      bool context = opaque && context_of &&
                     !(TREE_CODE(a) == ADDR_EXPR &&
                       TREE_CODE(TREE_OPERAND(a, 0)) == FUNCTION_DECL);
      arg.loc = temp_for(a, context ? context_of : NULL,
                         context ? ESC_WHY_CONTEXT : ESC_WHY_ASSIGN);
      if (opaque)
        arg.flags |= ESC_ARG_OPAQUE;
      if (context)
        arg.flags |= ESC_ARG_CONTEXT;
      /* GCC's own knowledge of builtins (fnspec / EAF flags).  */
      int eaf = gimple_call_arg_flags(g, i);
      if (ESCAPE_EAF_NOESCAPE(eaf))
        arg.flags |= ESC_ARG_NOESCAPE;
      else if (ESCAPE_EAF_NODIRECTESCAPE(eaf))
        arg.flags |= ESC_ARG_CONTENT_ONLY;
      if ((return_flags & ERF_RETURNS_ARG) &&
          (unsigned)(return_flags & ERF_RETURN_ARG_MASK) == i)
        arg.flags |= ESC_ARG_RETURNED;
      tree at = TREE_TYPE(a);
      /* char * may view any object (C's aliasing rule), so only other
         pointee types say "no pointers in here".  */
      if (POINTER_TYPE_P(at) && !VOID_TYPE_P(TREE_TYPE(at)) &&
          COMPLETE_TYPE_P(TREE_TYPE(at)) && !type_has_pointers(TREE_TYPE(at)) &&
          TYPE_MAIN_VARIANT(TREE_TYPE(at)) != char_type_node &&
          TYPE_MAIN_VARIANT(TREE_TYPE(at)) != unsigned_char_type_node &&
          TYPE_MAIN_VARIANT(TREE_TYPE(at)) != signed_char_type_node)
        arg.flags |= ESC_ARG_FLAT;
    }
    args.safe_push(arg);
  }

  struct esc_call c;
  memset(&c, 0, sizeof c);
  c.size_arg[0] = c.size_arg[1] = -1;
  c.pos = pos();
  c.loop_depth = depth;
  c.nargs = nargs;
  c.args = args.address();
  c.nparams = nparams;
  c.chain = ESC_NONE;
  c.result = ESC_NONE;
  tree lhs = gimple_call_lhs(g);
  if (lhs && type_has_pointers(TREE_TYPE(lhs)))
    c.result = TREE_CODE(lhs) == SSA_NAME ? ssa_loc(lhs)
                                          : esc_loc_new(f, ESC_LOC_TEMP, NULL, pos(), depth);
  if (tree chain = gimple_call_chain(g))
    c.chain = temp_for(chain, NULL);
  else if (frame)
    c.chain = temp_for(build_fold_addr_expr(frame), NULL);
  if (fntype && stdarg_p(fntype))
    c.flags |= ESC_CALL_VARARGS;

  if (!fndecl) {
    c.flags |= ESC_CALL_INDIRECT;
  } else {
    cgraph_node *node = cgraph_node::get(fndecl);
    if (node)
      node = node->ultimate_alias_target();
    tree target = node ? node->decl : fndecl;
    c.callee = IDENTIFIER_POINTER(DECL_NAME(fndecl));
    c.callee_key = DECL_UID(target);
    if (node && node->definition && DECL_STRUCT_FUNCTION(target))
      c.flags |= ESC_CALL_HAS_BODY;
    /* __attribute__((malloc)), or GCC 11's malloc (dealloc): an
       allocator whose objects the named function frees.  */
    if (DECL_IS_MALLOC(fndecl) || lookup_attribute("malloc", DECL_ATTRIBUTES(fndecl)))
      c.flags |= ESC_CALL_MALLOC_ATTR;
    if (tree attr = lookup_attribute("alloc_size", TYPE_ATTRIBUTES(TREE_TYPE(fndecl)))) {
      int k = 0;
      for (tree v = TREE_VALUE(attr); v && k < 2; v = TREE_CHAIN(v), k++)
        if (tree_fits_shwi_p(TREE_VALUE(v)))
          c.size_arg[k] = (int)tree_to_shwi(TREE_VALUE(v)) - 1;
    }
  }
  if (fndecl && nargs) {
    /* Deallocators: the C library's, free=, and those GCC knows from
       __attribute__((malloc (dealloc))): they keep nothing.  */
    unsigned argno = esc_unit_is_deallocator(escape_unit, c.callee) ? 0 :
                     fndecl_dealloc_argno(fndecl);
    if (argno < nargs && !consumes_argument(c.callee)) {
      args[argno].flags |= ESC_ARG_NOESCAPE | ESC_ARG_FREED;
      frees.safe_push({g, gimple_call_arg(g, argno)});
    }
  }
  esc_loc_id alloc = esc_call(f, &c);
  if (alloc != ESC_NONE)
    allocs.safe_push({g, alloc});
  /* posix_memalign (&p, align, size): the allocation's address is stored
     through the first argument.  */
  const esc_model *m = c.callee && !(c.flags & ESC_CALL_HAS_BODY)
                       ? esc_model_lookup(c.callee) : NULL;
  if (alloc != ESC_NONE && m && m->kind == ESC_MODEL_ALLOC_OUT && nargs) {
    hole k = store_through(gimple_call_arg(g, 0));
    esc_flow(f, k.dst, alloc, k.derefs - 1, ESC_WHY_ALLOC, pos());
  }
  if (lhs && c.result != ESC_NONE && TREE_CODE(lhs) != SSA_NAME) {
    hole k = lhs_hole(lhs);
    esc_flow(f, k.dst, c.result, k.derefs, k.why, pos());
  }
}

void
reader::read_asm(gasm *g)
{
  /* Whatever an asm statement is given may be kept anywhere.  */
  hole heap = {esc_func_heap(f), 0, ESC_WHY_ASM};
  for (unsigned i = 0; i < gimple_asm_ninputs(g); i++) {
    tree op = TREE_VALUE(gimple_asm_input_op(g, i));
    if (type_has_pointers(TREE_TYPE(op)))
      flow(heap, op);
    if (!is_gimple_reg(op))          /* a memory operand: its address */
      flow_addr(heap, op);
  }
  for (unsigned i = 0; i < gimple_asm_noutputs(g); i++) {
    tree op = TREE_VALUE(gimple_asm_output_op(g, i));
    if (!is_gimple_reg(op))
      flow_addr(heap, op);
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
      if (type_has_pointers(TREE_TYPE(val)))
        flow({esc_func_result(f), 0, ESC_WHY_RETURN}, val);
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
    esc_loc_set_cookie(f, l, p);
    decls.put(p, l);
  }
  if (tree chain = fun->static_chain_decl) {
    esc_loc_id l = esc_param_new(f, ESC_CHAIN_PARAM, "CHAIN", DECL_SOURCE_LOCATION(chain), false);
    decls.put(chain, l);
  }
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
  if (!existed)
    v = vNULL;
  if (v.contains(var))
    return;
  /* Keep declaration order, for a stable report.  */
  unsigned at = v.length();
  while (at > 0 && DECL_UID(v[at - 1]) > DECL_UID(var))
    at--;
  v.safe_insert(at, var);
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

/* The SSA names holding the value of allocation result A: A and its
   copies, conversions and phis, found forward from A (each name once, so
   phi cycles cost nothing extra).  Sets *STORED when one of them is
   stored in memory, from where the reader cannot follow it.  */
void
value_copies(tree a, bitmap out, bool *stored)
{
  auto_vec<tree, 16> work;
  *stored = false;
  bitmap_set_bit(out, SSA_NAME_VERSION(a));
  work.safe_push(a);
  while (!work.is_empty()) {
    tree v = work.pop();
    imm_use_iterator it;
    use_operand_p use;
    FOR_EACH_IMM_USE_FAST(use, it, v) {
      gimple *u = USE_STMT(use);
      tree next = NULL_TREE;
      if (gphi *phi = dyn_cast<gphi *>(u))
        next = gimple_phi_result(phi);
      else if (is_gimple_assign(u) && gimple_assign_rhs1(u) == v) {
        enum tree_code code = gimple_assign_rhs_code(u);
        if (gimple_store_p(u))
          *stored = true;
        else if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code))
          next = gimple_assign_lhs(u);
      }
      if (next && TREE_CODE(next) == SSA_NAME &&
          bitmap_set_bit(out, SSA_NAME_VERSION(next)))
        work.safe_push(next);
    }
  }
}

bool
holds(bitmap copies, tree p)
{
  return p && TREE_CODE(p) == SSA_NAME && bitmap_bit_p(copies, SSA_NAME_VERSION(p));
}

/* Is edge E taken only when the allocation (COPIES) is null: the true
   edge of "if (p == 0)", the false edge of "if (p != 0)"?  */
bool
null_edge(edge e, bitmap copies)
{
  gimple_stmt_iterator last = gsi_last_bb(e->src);
  gcond *cond = gsi_end_p(last) ? NULL : dyn_cast<gcond *>(gsi_stmt(last));
  if (!cond || !integer_zerop(gimple_cond_rhs(cond)) ||
      !holds(copies, gimple_cond_lhs(cond)))
    return false;
  if (gimple_cond_code(cond) == EQ_EXPR)
    return e->flags & EDGE_TRUE_VALUE;
  if (gimple_cond_code(cond) == NE_EXPR)
    return e->flags & EDGE_FALSE_VALUE;
  return false;
}

/* For the stack promotion note: is each allocation freed on every path
   from it to the function's exit (paths on which it is null need no
   free), on some, or not in this function?  */
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
    bool leaks = false;
    if (!after_in_own) {
      /* Can the exit be reached from the allocation without a free?  */
      auto_vec<basic_block, 16> work;
      auto_bitmap seen;
      work.safe_push(ab);
      bitmap_set_bit(seen, ab->index);
      while (!work.is_empty() && !leaks) {
        basic_block bb = work.pop();
        edge e;
        edge_iterator ei;
        FOR_EACH_EDGE(e, ei, bb->succs) {
          if (null_edge(e, copies))
            continue;
          if (e->dest == EXIT_BLOCK_PTR_FOR_FN(fun)) {
            leaks = true;
            break;
          }
          if (bitmap_bit_p(freeing, e->dest->index) ||
              !bitmap_set_bit(seen, e->dest->index))
            continue;
          work.safe_push(e->dest);
        }
      }
    }
    esc_alloc_set_freed(f, a.second, leaks ? ESC_FREED_SOME : ESC_FREED_ALL);
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

void
reader::read()
{
  read_params();
  note_captures();
  note_scopes();
  note_large_locals();

  for (const generic_return &r : generic_returns)
    if (r.fndecl == fun->decl) {
      stmt_loc = r.loc;
      flow_addr({esc_func_result(f), 0, ESC_WHY_RETURN}, r.var);
    }

  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    depth = bb_depth(bb);
    for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi)) {
      gphi *phi = pi.phi();
      tree res = gimple_phi_result(phi);
      if (virtual_operand_p(res) || !type_has_pointers(TREE_TYPE(res)))
        continue;
      for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
        stmt_loc = gimple_phi_arg_location(phi, i);
        if (stmt_loc == UNKNOWN_LOCATION)
          stmt_loc = DECL_SOURCE_LOCATION(fun->decl);
        flow({ssa_loc(res), 0, ESC_WHY_ASSIGN}, gimple_phi_arg_def(phi, i));
      }
    }
    for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si)) {
      gimple *g = gsi_stmt(si);
      stmt_loc = gimple_location(g);
      if (stmt_loc == UNKNOWN_LOCATION)
        stmt_loc = DECL_SOURCE_LOCATION(fun->decl);
      read_stmt(g);
      if (loops_for_fn(fun) && !is_gimple_debug(g))
        walk_stmt_load_store_ops(g, this, note_deref, note_deref);
    }
  }
  note_frees();
}

} // namespace

struct esc_unit *escape_unit;

void
escape_read_function(function *fun)
{
  if (!escape_unit || !fun || !fun->decl || !fun->cfg)
    return;
  tree decl = fun->decl;
  const char *name = lang_hooks.decl_printable_name(decl, 2);
  esc_func *f = esc_func_begin(escape_unit, DECL_UID(decl), name,
                               DECL_SOURCE_LOCATION(decl));
  esc_func_set_cookie(f, decl);
  {
    reader r(fun, f);
    r.read();
  }
  esc_func_end(f);
}

const vec<tree> *
escape_frame_captures(tree frame)
{
  return frame_captures ? frame_captures->get(frame) : NULL;
}

/* PRE_GENERICIZE: find "return <retval> = (&x, 0B);", what the C front
   end left of "return &x;", before it is gone.  */
static tree
find_erased_return(tree *tp, int *walk_subtrees, void *data)
{
  tree t = *tp;
  if (TYPE_P(t)) {
    *walk_subtrees = 0;
    return NULL_TREE;
  }
  if (TREE_CODE(t) != RETURN_EXPR)
    return NULL_TREE;
  tree val = TREE_OPERAND(t, 0);
  if (val && (TREE_CODE(val) == MODIFY_EXPR || TREE_CODE(val) == INIT_EXPR))
    val = TREE_OPERAND(val, 1);
  if (!val || TREE_CODE(val) != COMPOUND_EXPR || !integer_zerop(TREE_OPERAND(val, 1)))
    return NULL_TREE;
  tree inner = TREE_OPERAND(val, 0);
  while (CONVERT_EXPR_P(inner) || TREE_CODE(inner) == NON_LVALUE_EXPR ||
         TREE_CODE(inner) == POINTER_PLUS_EXPR || TREE_CODE(inner) == PLUS_EXPR)
    inner = TREE_OPERAND(inner, 0);
  if (TREE_CODE(inner) != ADDR_EXPR)
    return NULL_TREE;
  tree base = TREE_OPERAND(inner, 0);
  while (handled_component_p(base))
    base = TREE_OPERAND(base, 0);
  if (!DECL_P(base) || !is_local_decl(base))
    return NULL_TREE;
  location_t loc = EXPR_LOCATION(t);
  if (loc == UNKNOWN_LOCATION)
    loc = EXPR_LOCATION(val);
  generic_returns.safe_push({(tree)data, base, loc});
  return NULL_TREE;
}

void
escape_note_generic_returns(tree fndecl)
{
  if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_SAVED_TREE(fndecl))
    return;
  walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl), find_erased_return, fndecl);
}

void
escape_reader_finish(void)
{
  generic_returns.release();
}
