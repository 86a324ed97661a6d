/* erased-return.cc - "return &local;": the C front end rewrites it into
   "return 0;" (with a warning) before GIMPLE exists, so the pass never
   sees the address.  PLUGIN_PRE_GENERICIZE sees what is left of it,
   "return <retval> = (&x, 0B);", and remembers X; the reader then sends
   its address to the function's result.  */
#include "reader.h"

namespace {

struct erased_return {
  tree fndecl, var;
  location_t loc;
};
/* Until the end of the unit: PRE_GENERICIZE runs before every pass.  */
vec<erased_return> erased_returns;

/* The local X of the returned value "(&x, 0)" (through conversions and pointer arithmetic),
   or NULL.  */
tree
erased_address(tree val)
{
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
  return base;
}

/* walk_tree callback: a RETURN_EXPR of the function DATA.  */
tree
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
  tree var = erased_address(val);
  if (!var)
    return NULL_TREE;
  location_t loc = EXPR_LOCATION(t);
  if (loc == UNKNOWN_LOCATION)
    loc = EXPR_LOCATION(val);
  escape_keep_tree((tree)data);           /* read in a later pass */
  escape_keep_tree(var);
  erased_returns.safe_push({(tree)data, var, loc});
  return NULL_TREE;
}

} // namespace

void
escape_note_generic_returns(tree fndecl)
{
  if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_SAVED_TREE(fndecl))
    return;
  walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl), find_erased_return, fndecl);
}

/* The function's result receives the address of each erased return.  */
void
reader::read_erased_returns()
{
  for (const erased_return &r : erased_returns)
    if (r.fndecl == fun->decl) {
      stmt_loc = r.loc;
      expr_addr({esc_func_result(f), 0, ESC_WHY_RETURN}, r.var);
    }
}

void
escape_reader_finish(void)
{
  erased_returns.release();
}
