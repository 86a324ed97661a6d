/* wrappers.cc - allocator and deallocator wrappers found by themselves
   (wrappers): a function of the unit whose every returned value is a
   fresh allocation from a known allocator, or null, and which keeps that
   allocation nowhere else, is an allocator at its call sites (GCC's
   ipa-pure-const infers the malloc attribute the same way; Go gets it
   by inlining); a function that passes a parameter unchanged to a
   deallocator on every path on which it is not null is a deallocator.

   Soundness.  The GIMPLE check below sees where the returned values come
   from and where they go; the core's summary of the wrapper (read after
   the function is solved) sees where its parameters go: a wrapper whose
   other parameters leak anywhere (a size parameter cannot; a source
   copied into the new object can) is not treated as an allocator, since
   its call sites would lose those flows.  Only calls read after the
   wrapper was solved use it: a wrapper defined after its callers, or
   calling a function of the unit defined after it, is an ordinary
   call.  */
#include "reader.h"
#include "tree-dfa.h"

namespace {

/* V with conversions and copies looked through.  */
tree
strip_copies(tree v)
{
  for (int budget = 8; budget && v && TREE_CODE(v) == SSA_NAME; budget--) {
    gimple *d = SSA_NAME_DEF_STMT(v);
    if (!d || !is_gimple_assign(d))
      break;
    enum tree_code code = gimple_assign_rhs_code(d);
    if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code))
      break;
    v = gimple_assign_rhs1(d);
  }
  return v;
}

/* Index of parameter decl P of FN, or -1.  */
int
param_index(tree fn, tree p)
{
  int i = 0;
  for (tree a = DECL_ARGUMENTS(fn); a; a = DECL_CHAIN(a), i++)
    if (a == p)
      return i;
  return -1;
}

/* An integer size V as parameter * MUL + ADD (*PARAM = -1: a constant
   ADD); false when it is anything else.  */
bool
affine_size(tree fn, tree v, int *param, long long *mul, long long *add)
{
  *param = -1;
  *mul = 1;
  *add = 0;
  for (int budget = 8; budget; budget--) {
    v = strip_copies(v);
    if (TREE_CODE(v) == INTEGER_CST) {
      if (!tree_fits_shwi_p(v) || tree_to_shwi(v) < 0 || *param >= 0)
        return false;
      *add = tree_to_shwi(v);
      return true;
    }
    if (TREE_CODE(v) != SSA_NAME || !INTEGRAL_TYPE_P(TREE_TYPE(v)))
      return false;
    if (SSA_NAME_IS_DEFAULT_DEF(v)) {
      tree var = SSA_NAME_VAR(v);
      if (!var || TREE_CODE(var) != PARM_DECL)
        return false;
      *param = param_index(fn, var);
      return *param >= 0;
    }
    gimple *d = SSA_NAME_DEF_STMT(v);
    if (!d || !is_gimple_assign(d))
      return false;
    enum tree_code code = gimple_assign_rhs_code(d);
    tree c = code == PLUS_EXPR || code == MULT_EXPR ? gimple_assign_rhs2(d) : NULL_TREE;
    if (!c || TREE_CODE(c) != INTEGER_CST || !tree_fits_shwi_p(c) ||
        tree_to_shwi(c) < 0 || tree_to_shwi(c) > (1 << 20))
      return false;
    long long k = tree_to_shwi(c);
    /* From the outermost operation in: size = x * mul + add.  */
    if (*mul > (1LL << 30) || *add > (1LL << 30))
      return false;
    if (code == PLUS_EXPR)      /* (x + k) * mul + add */
      *add += k * *mul;
    else                        /* (x * k) * mul + add */
      *mul *= k;
    v = gimple_assign_rhs1(d);
  }
  return false;
}

/* The allocator described by the call G (the library's, alloc=, or a
   wrapper found earlier), or false.  */
bool
call_allocator(gcall *g, esc_spec *sp)
{
  tree fndecl = gimple_call_fndecl(g);
  if (!fndecl || !DECL_NAME(fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
  cgraph_node *node = cgraph_node::get(fndecl);
  if (node)
    node = node->ultimate_alias_target();
  uint32_t key = DECL_UID(node ? node->decl : fndecl);
  if (esc_unit_spec(escape_unit, name, key, sp))
    return sp->kind == ESC_SPEC_ALLOC;
  bool has_body = node && node->definition && DECL_STRUCT_FUNCTION(node->decl);
  const esc_model *m = has_body ? NULL : esc_model_lookup(name);
  if (!m || m->kind != ESC_MODEL_ALLOC)
    return false;
  sp->name = m->name;
  sp->kind = ESC_SPEC_ALLOC;
  sp->size0 = m->size0;
  sp->size1 = m->size1;
  sp->ptr = -1;
  sp->mul = 1;
  sp->add = 0;
  sp->min = 0;
  return m->align < 0;                /* aligned_alloc: not a plain size */
}

/* The wrapper's size from the allocation call G made with SP: in terms
   of the wrapper's parameters, into *OUT (size0 = -2: a constant).  */
void
wrapper_size(tree fn, gcall *g, const esc_spec *sp, esc_spec *out)
{
  out->size0 = out->size1 = -1;
  out->mul = 1;
  out->add = 0;
  out->min = 0;
  if (sp->size0 == -2) {        /* an inner wrapper of a constant size */
    out->size0 = -2;
    out->add = sp->add > sp->min ? sp->add : sp->min;
    return;
  }
  int idx[2] = {sp->size0, sp->size1};
  int p[2] = {-1, -1};
  long long mul[2] = {1, 1}, add[2] = {0, 0};
  unsigned n = 0;
  for (int k = 0; k < 2; k++) {
    if (idx[k] < 0)
      continue;
    if ((unsigned)idx[k] >= gimple_call_num_args(g) ||
        !affine_size(fn, gimple_call_arg(g, idx[k]), &p[n], &mul[n], &add[n]))
      return;
    n++;
  }
  if (n == 0 || sp->mul < 1 || sp->mul > (1 << 20) || sp->add < 0 ||
      sp->add > (1 << 30))
    return;
  if (n == 1) {
    /* inner size = max (x * m + a, min) with x = param * mul + add */
    out->mul = mul[0] * sp->mul;
    out->add = add[0] * sp->mul + sp->add;
    out->min = sp->min;
    if (p[0] >= 0) {
      out->size0 = p[0];
    } else {
      out->size0 = -2;
      out->mul = 1;
      if (out->add < out->min)
        out->add = out->min;
      out->min = 0;
    }
    return;
  }
  if (sp->mul != 1 || sp->add != 0 || sp->min != 0)
    return;
  /* count * size: one of them a constant, or both plain parameters.  */
  if (p[0] < 0 && p[1] < 0) {
    out->size0 = -2;
    out->add = add[0] * add[1];
  } else if (p[0] < 0 || p[1] < 0) {
    int v = p[0] < 0 ? 1 : 0;
    long long c = add[1 - v];
    out->size0 = p[v];
    out->mul = mul[v] * c;
    out->add = add[v] * c;
  } else if (mul[0] == 1 && add[0] == 0 && mul[1] == 1 && add[1] == 0) {
    out->size0 = p[0];
    out->size1 = p[1];
  }
}

bool
same_size(const esc_spec *a, const esc_spec *b)
{
  return a->size0 == b->size0 && a->size1 == b->size1 && a->mul == b->mul &&
         a->add == b->add && a->min == b->min;
}

/* Two allocations of the wrapper: one of a size from its parameters,
   one of a constant size (git's "malloc(1) when malloc(0) failed"): the
   size is the larger of the two; else not known.  */
void
merge_size(esc_spec *sp, const esc_spec *other)
{
  const esc_spec *cst = sp->size0 == -2 ? sp : other->size0 == -2 ? other : NULL;
  const esc_spec *var = cst == sp ? other : sp;
  if (!cst || var->size0 < 0) {
    sp->size0 = sp->size1 = -1;
    return;
  }
  long long c = cst->add > cst->min ? cst->add : cst->min;
  esc_spec r = *var;
  if (c > r.min)
    r.min = c;
  *sp = r;
}

/* A use of an allocation value that keeps it nowhere: a comparison, or
   an argument a library function neither keeps nor returns into a used
   value (memset (p, 0, n)).  */
/* A store of a value without pointers through V (or V + offset):
   writing into the new object.  */
bool
store_into(gimple *u, tree v)
{
  if (!gimple_store_p(u) || !is_gimple_assign(u) ||
      !gimple_assign_single_p(u) || gimple_assign_rhs1(u) == v ||
      type_has_pointers(TREE_TYPE(gimple_assign_rhs1(u))))
    return false;
  tree lhs = get_base_address(gimple_assign_lhs(u));
  return lhs && TREE_CODE(lhs) == MEM_REF && TREE_OPERAND(lhs, 0) == v;
}

bool
harmless_use(gimple *u, tree v)
{
  if (is_a<gcond *>(u) || store_into(u, v))
    return true;
  /* q = v + off, only stored into.  */
  if (is_gimple_assign(u) && gimple_assign_rhs_code(u) == POINTER_PLUS_EXPR &&
      gimple_assign_rhs1(u) == v && TREE_CODE(gimple_assign_lhs(u)) == SSA_NAME) {
    tree q = gimple_assign_lhs(u);
    imm_use_iterator it;
    use_operand_p use;
    FOR_EACH_IMM_USE_FAST(use, it, q)
      if (!is_gimple_debug(USE_STMT(use)) && !store_into(USE_STMT(use), q))
        return false;
    return true;
  }
  if (is_gimple_assign(u) &&
      TREE_CODE_CLASS(gimple_assign_rhs_code(u)) == tcc_comparison)
    return true;
  if (gcall *c = dyn_cast<gcall *>(u)) {
    tree fndecl = gimple_call_fndecl(c);
    if (!fndecl || !DECL_NAME(fndecl))
      return false;
    cgraph_node *node = cgraph_node::get(fndecl);
    if (node && node->definition)
      return false;
    const esc_model *m = esc_model_lookup(IDENTIFIER_POINTER(DECL_NAME(fndecl)));
    if (!m || m->kind != ESC_MODEL_PLAIN)
      return false;
    tree lhs = gimple_call_lhs(c);
    for (unsigned i = 0; i < gimple_call_num_args(c); i++) {
      if (gimple_call_arg(c, i) != v)
        continue;
      esc_tag t = esc_model_tag(m, i);
      if (t.heap != ESC_NO_LEAK || t.global != ESC_NO_LEAK)
        return false;
      if (t.result != ESC_NO_LEAK && lhs &&
          (TREE_CODE(lhs) != SSA_NAME || !has_zero_uses(lhs)))
        return false;
    }
    return true;
  }
  return false;
}

/* Is FUN an allocator wrapper?  Its size into *SP.  */
bool
allocator_wrapper(function *fun, esc_spec *sp)
{
  tree fn = fun->decl;
  if (!POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(fn))))
    return false;
  auto_vec<tree, 8> work;
  auto_bitmap values;           /* SSA versions of the allocation values */
  bool any_return = false, any_alloc = false;
  basic_block bb;
  FOR_EACH_BB_FN(bb, fun) {
    gimple_stmt_iterator gsi = gsi_last_bb(bb);
    greturn *r = gsi_end_p(gsi) ? NULL : dyn_cast<greturn *>(gsi_stmt(gsi));
    if (!r)
      continue;
    tree v = gimple_return_retval(r);
    if (!v)
      return false;
    any_return = true;
    work.safe_push(v);
  }
  if (!any_return)
    return false;
  while (!work.is_empty()) {
    tree v = work.pop();
    if (integer_zerop(v))
      continue;                 /* null */
    if (TREE_CODE(v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(v))
      return false;
    if (!bitmap_set_bit(values, SSA_NAME_VERSION(v)))
      continue;
    gimple *d = SSA_NAME_DEF_STMT(v);
    if (gphi *phi = dyn_cast<gphi *>(d)) {
      for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
        work.safe_push(gimple_phi_arg_def(phi, i));
    } else if (is_gimple_assign(d) &&
               (gimple_assign_rhs_code(d) == SSA_NAME ||
                CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(d)) ||
                (gimple_assign_single_p(d) &&
                 integer_zerop(gimple_assign_rhs1(d))))) {
      work.safe_push(gimple_assign_rhs1(d));
    } else if (gcall *g = dyn_cast<gcall *>(d)) {
      esc_spec inner, size;
      if (!call_allocator(g, &inner))
        return false;
      wrapper_size(fn, g, &inner, &size);
      if (!any_alloc)
        *sp = size;
      else if (!same_size(sp, &size))
        merge_size(sp, &size);
      any_alloc = true;
    } else {
      return false;
    }
  }
  if (!any_alloc)
    return false;
  /* Kept nowhere else: every use is another allocation value, a return,
     or harmless.  */
  bitmap_iterator bi;
  unsigned ver;
  EXECUTE_IF_SET_IN_BITMAP(values, 0, ver, bi) {
    tree v = ssa_name(ver);
    imm_use_iterator it;
    use_operand_p use;
    FOR_EACH_IMM_USE_FAST(use, it, v) {
      gimple *u = USE_STMT(use);
      if (is_gimple_debug(u) || is_a<greturn *>(u))
        continue;
      tree def = NULL_TREE;
      if (gphi *phi = dyn_cast<gphi *>(u))
        def = gimple_phi_result(phi);
      else if (is_gimple_assign(u) && !gimple_store_p(u) &&
               (gimple_assign_rhs_code(u) == SSA_NAME ||
                CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(u))))
        def = gimple_assign_lhs(u);
      if (def && TREE_CODE(def) == SSA_NAME &&
          bitmap_bit_p(values, SSA_NAME_VERSION(def)))
        continue;
      if (!harmless_use(u, v))
        return false;
    }
  }
  return true;
}

/* Is E taken only when P (SSA default def) is null?  */
bool
param_null_edge(edge e, tree p)
{
  tree v = null_on_edge(e);
  return v && strip_copies(v) == p;
}

bool
param_null_edge_of(edge e, void *p)
{
  return param_null_edge(e, (tree)p);
}

/* Is parameter P of FUN (its default def DEF) freed on every path on
   which it is not null, and used for nothing else?  */
bool
frees_param(function *fun, tree def)
{
  auto_bitmap freeing;
  imm_use_iterator it;
  use_operand_p use;
  auto_vec<tree, 4> names;
  names.safe_push(def);
  for (unsigned k = 0; k < names.length(); k++) {
    FOR_EACH_IMM_USE_FAST(use, it, names[k]) {
      gimple *u = USE_STMT(use);
      if (is_gimple_debug(u) || is_a<gcond *>(u))
        continue;
      if (is_gimple_assign(u) && !gimple_store_p(u) &&
          CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(u)) && names.length() < 8) {
        names.safe_push(gimple_assign_lhs(u));
        continue;
      }
      gcall *c = dyn_cast<gcall *>(u);
      tree fndecl = c ? gimple_call_fndecl(c) : NULL_TREE;
      if (!fndecl || !DECL_NAME(fndecl))
        return false;
      const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
      cgraph_node *node = cgraph_node::get(fndecl);
      if (node)
        node = node->ultimate_alias_target();
      esc_spec sp;
      int argno;
      if (esc_unit_spec(escape_unit, name, DECL_UID(node ? node->decl : fndecl), &sp))
        argno = sp.kind == ESC_SPEC_FREE ? sp.ptr : -1;
      else if (!(node && node->definition) && esc_unit_is_deallocator(escape_unit, name))
        argno = 0;
      else
        return false;
      for (unsigned i = 0; i < gimple_call_num_args(c); i++)
        if (gimple_call_arg(c, i) == names[k] && (int)i != argno)
          return false;
      bitmap_set_bit(freeing, gimple_bb(c)->index);
    }
  }
  if (bitmap_empty_p(freeing))
    return false;
  /* Every path from the entry reaches a freeing block or a null edge.  */
  return !exit_reachable_avoiding(fun, ENTRY_BLOCK_PTR_FOR_FN(fun), freeing,
                                  param_null_edge_of, def);
}

bool
no_leak(const esc_tag &t)
{
  return t.heap == ESC_NO_LEAK && t.global == ESC_NO_LEAK &&
         t.result == ESC_NO_LEAK;
}

const char *
size_text(const esc_spec &sp, char *buf, size_t len)
{
  if (sp.size0 == -2)
    snprintf(buf, len, "%lld bytes", sp.add);
  else if (sp.size0 < 0)
    snprintf(buf, len, "not known");
  else if (sp.size1 >= 0)
    snprintf(buf, len, "argument %d times argument %d", sp.size0 + 1, sp.size1 + 1);
  else if (sp.mul != 1 && sp.add)
    snprintf(buf, len, "argument %d * %lld + %lld", sp.size0 + 1, sp.mul, sp.add);
  else if (sp.mul != 1)
    snprintf(buf, len, "argument %d * %lld", sp.size0 + 1, sp.mul);
  else if (sp.add)
    snprintf(buf, len, "argument %d + %lld", sp.size0 + 1, sp.add);
  else
    snprintf(buf, len, "argument %d", sp.size0 + 1);
  if (sp.min > 0 && sp.size0 >= 0) {
    size_t n = strlen(buf);
    snprintf(buf + n, len - n, ", at least %lld", sp.min);
  }
  return buf;
}

} // namespace

/* After FUN (read as the core's function KEY) is read: is it a wrapper?
   Called once the core had the chance to solve it.  */
void
escape_find_wrapper(function *fun, uint32_t key)
{
  const esc_config *cfg = esc_unit_config(escape_unit);
  if (!cfg->wrappers || !fun || !fun->cfg || !fun->gimple_df)
    return;
  tree fn = fun->decl;
  const char *name = IDENTIFIER_POINTER(DECL_NAME(fn));
  esc_spec probe;
  if (esc_unit_spec(escape_unit, name, key, &probe))
    return;                     /* named by alloc=/free= already */
  unsigned nparams;
  const esc_tag *tags;
  if (!esc_unit_tags(escape_unit, key, &nparams, &tags) || DECL_STATIC_CHAIN(fn))
    return;
  esc_spec sp = {name, ESC_SPEC_ALLOC, -1, -1, -1, 1, 0, 0};
  char buf[96];
  if (allocator_wrapper(fun, &sp)) {
    for (unsigned i = 0; i < nparams; i++)
      if (!no_leak(tags[i]) || tags[i].freed)
        return;
    sp.name = name;
    sp.kind = ESC_SPEC_ALLOC;
    sp.ptr = -1;
    esc_unit_add_wrapper(escape_unit, key, &sp);
    if (cfg->m)
      inform(DECL_SOURCE_LOCATION(fn), "%qs is an allocator wrapper (size: %s)",
             name, size_text(sp, buf, sizeof buf));
    return;
  }
  /* A deallocator: one pointer parameter freed on every path on which
     it is not null; the others kept nowhere.  */
  int freed = -1, i = 0;
  for (tree p = DECL_ARGUMENTS(fn); p; p = DECL_CHAIN(p), i++) {
    if (!POINTER_TYPE_P(TREE_TYPE(p)) || (unsigned)i >= nparams)
      continue;
    tree def = ssa_default_def(fun, p);
    if (!def || has_zero_uses(def) || !frees_param(fun, def))
      continue;
    freed = i;
    break;
  }
  if (freed < 0)
    return;
  for (unsigned k = 0; k < nparams; k++)
    if (!no_leak(tags[k]))
      return;
  sp = {name, ESC_SPEC_FREE, -1, -1, freed, 1, 0, 0};
  esc_unit_add_wrapper(escape_unit, key, &sp);
  if (cfg->m)
    inform(DECL_SOURCE_LOCATION(fn), "%qs is a deallocator wrapper (frees argument %d)",
           name, freed + 1);
}
