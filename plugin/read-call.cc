/* read-call.cc - calls: a location per pointer argument, what is known
   of the callee (for the core's models and summaries), the result; the
   builtins with a meaning of their own; nested functions' trampolines
   and the closures they make.  */
#include "reader.h"

namespace {

/* realloc and friends: GCC counts them as deallocators, we as consuming
   their argument (it cannot be stack memory).  */
bool
consumes_argument(const char *name)
{
  const esc_model *m = name ? esc_model_lookup(name) : NULL;
  return m && m->kind == ESC_MODEL_REALLOC;
}

bool
is_function_address(tree t)
{
  return TREE_CODE(t) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(t, 0)) == FUNCTION_DECL;
}

/* The C closure idiom: a function and its void * context passed
   together (pthread_create (&t, 0, worker, ctx)): the context is the
   closure's captured state.  The name of the first function passed.  */
const char *
closure_context_of(gcall *g)
{
  for (unsigned i = 0; i < gimple_call_num_args(g); i++) {
    tree a = gimple_call_arg(g, i);
    if (is_function_address(a))
      return IDENTIFIER_POINTER(DECL_NAME(TREE_OPERAND(a, 0)));
  }
  return NULL;
}

/* What GCC knows of argument I of G (fnspec / EAF flags of builtins,
   the argument a call returns).  */
unsigned
gcc_arg_flags(gcall *g, unsigned i)
{
  unsigned flags = 0;
  int eaf = gimple_call_arg_flags(g, i);
  if (ESCAPE_EAF_NOESCAPE(eaf))
    flags |= ESC_ARG_NOESCAPE;
  else if (ESCAPE_EAF_NODIRECTESCAPE(eaf))
    flags |= ESC_ARG_CONTENT_ONLY;
  int return_flags = gimple_call_return_flags(g);
  if ((return_flags & ERF_RETURNS_ARG) &&
      (unsigned)(return_flags & ERF_RETURN_ARG_MASK) == i)
    flags |= ESC_ARG_RETURNED;
  return flags;
}

/* Builtins that move no pointer anywhere.  */
bool
builtin_without_flow(enum built_in_function code)
{
  switch (code) {
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

/* The FRAME.0.fn field of the trampoline argument &FRAME.0.fn, or
   NULL.  */
tree
trampoline_field(tree arg)
{
  tree field = arg && TREE_CODE(arg) == ADDR_EXPR ? TREE_OPERAND(arg, 0) : NULL_TREE;
  return field && TREE_CODE(field) == COMPONENT_REF ? field : NULL_TREE;
}

} // namespace

/* ------------------------------------------------------------ calls */

void
reader::init_call(struct esc_call &c)
{
  memset(&c, 0, sizeof c);
  c.size_arg[0] = c.size_arg[1] = -1;
  c.pos = pos();
  c.loop_depth = depth;
}

/* Argument I of G, passed for a parameter of type PTYPE (NULL: none in
   the prototype); CONTEXT_OF: the function a void * context goes with.  */
esc_arg
reader::call_arg(gcall *g, unsigned i, tree ptype, const char *context_of)
{
  tree a = gimple_call_arg(g, i);
  esc_arg arg = {ESC_NONE, 0, 0, NULL};
  HOST_WIDE_INT cst;
  if (constant_value(a, &cst, 8)) {
    arg.flags |= ESC_ARG_CONSTANT;
    arg.cst = cst;
  } else {
    arg.text = user_name_of(a);
  }
  if (INTEGRAL_TYPE_P(TREE_TYPE(a)))
    arg.flags |= ESC_ARG_INTEGER;
  /* Any argument may carry a pointer's bytes, whatever its type
     (docs/semantics.md); a constant carries none.  */
  if (CONSTANT_CLASS_P(a))
    return arg;
  /* A prototype's void *, or no prototype at all (varargs, K&R): the
     pointer is converted to an opaque interface.  */
  bool opaque = !ptype || opaque_pointer_type(ptype);
  bool context = opaque && context_of && !is_function_address(a);
  arg.loc = temp_for(a, context ? context_of : NULL,
                     context ? ESC_WHY_CONTEXT : ESC_WHY_ASSIGN);
  if (opaque)
    arg.flags |= ESC_ARG_OPAQUE;
  if (context)
    arg.flags |= ESC_ARG_CONTEXT;
  arg.flags |= gcc_arg_flags(g, i);
  return arg;
}

/* What the core's models and summaries need of a direct callee.  */
void
reader::describe_callee(struct esc_call &c, tree fndecl)
{
  cgraph_node *node = cgraph_node::get(fndecl);
  if (node)
    node = node->ultimate_alias_target();
  tree target = node ? node->decl : fndecl;
  c.callee = IDENTIFIER_POINTER(DECL_NAME(fndecl));
  c.callee_key = DECL_UID(target);
  if (node && node->definition && DECL_STRUCT_FUNCTION(target))
    c.flags |= ESC_CALL_HAS_BODY;
  else if (esc_unit_config(escape_unit)->summaries)
    c.decl_hash = escape_decl_hash(fndecl);
  /* __attribute__((malloc)), or GCC 11's malloc (dealloc): an allocator
     whose objects the named function frees.  */
  if (DECL_IS_MALLOC(fndecl) || lookup_attribute("malloc", DECL_ATTRIBUTES(fndecl)))
    c.flags |= ESC_CALL_MALLOC_ATTR;
  if (tree attr = lookup_attribute("alloc_size", TYPE_ATTRIBUTES(TREE_TYPE(fndecl)))) {
    int k = 0;
    for (tree v = TREE_VALUE(attr); v && k < 2; v = TREE_CHAIN(v), k++)
      if (tree_fits_shwi_p(TREE_VALUE(v)))
        c.size_arg[k] = (int)tree_to_shwi(TREE_VALUE(v)) - 1;
  }
}

/* Deallocators: the C library's, free=, and those GCC knows from
   __attribute__((malloc (dealloc))): they keep nothing.  The freed
   argument is remembered for note_frees.  */
void
reader::note_freed_arg(gcall *g, tree fndecl, struct esc_call &c, vec<esc_arg> &args)
{
  unsigned nargs = gimple_call_num_args(g);
  if (!fndecl || !nargs)
    return;
  esc_spec sp;
  unsigned argno;
  if (esc_unit_spec(escape_unit, c.callee, c.callee_key, &sp) ||
      (!(c.flags & ESC_CALL_HAS_BODY) &&
       esc_unit_foreign_spec(escape_unit, c.callee, c.decl_hash, &sp))) {
    if (sp.kind != ESC_SPEC_FREE || sp.ptr < 0)
      return;                 /* alloc= or realloc=: nothing freed */
    argno = (unsigned)sp.ptr;
  } else {
    argno = esc_unit_is_deallocator(escape_unit, c.callee) ? 0 :
            fndecl_dealloc_argno(fndecl);
  }
  if (argno < nargs && !consumes_argument(c.callee)) {
    args[argno].flags |= ESC_ARG_NOESCAPE | ESC_ARG_FREED;
    frees.safe_push({g, gimple_call_arg(g, argno)});
  }
}

/* Where the values a call makes go: an allocation's address stored
   through posix_memalign's first argument, a result stored in memory.  */
void
reader::bind_call_results(gcall *g, const struct esc_call &c, esc_loc_id alloc)
{
  if (alloc != ESC_NONE)
    allocs.safe_push({g, alloc});
  /* posix_memalign (&p, align, size): the allocation's address is stored
     through the first argument.  */
  const esc_model *m = c.callee && !(c.flags & ESC_CALL_HAS_BODY)
                       ? esc_model_lookup(c.callee) : NULL;
  if (alloc != ESC_NONE && m && m->kind == ESC_MODEL_ALLOC_OUT && c.nargs) {
    hole k = store_through(gimple_call_arg(g, 0));
    esc_flow(f, k.dst, alloc, k.derefs - 1, ESC_WHY_ALLOC, pos());
  }
  tree lhs = gimple_call_lhs(g);
  if (lhs && c.result != ESC_NONE && TREE_CODE(lhs) != SSA_NAME)
    flow(lhs_hole(lhs), c.result);
}

/* Does a printf format print a value's own bytes or its address (%c,
   %lc, %C, %p)?  True when no literal format is among the arguments:
   any format may.  %s and the numbers print a string's bytes (the
   content, 's') or a number's digits.  */
static bool
prints_values(gcall *g)
{
  bool literal = false;
  for (unsigned i = 0; i < gimple_call_num_args(g); i++) {
    tree a = gimple_call_arg(g, i);
    if (TREE_CODE(a) != ADDR_EXPR)
      continue;
    tree str = TREE_OPERAND(a, 0);
    if (TREE_CODE(str) == ARRAY_REF)
      str = TREE_OPERAND(str, 0);
    if (TREE_CODE(str) != STRING_CST)
      continue;
    literal = true;
    const char *p = TREE_STRING_POINTER(str);
    const char *end = p + TREE_STRING_LENGTH(str);
    for (; p < end && *p; p++) {
      if (*p != '%')
        continue;
      p++;
      while (p < end && *p && strchr("-+ #0123456789.*'$hlLqjztI", *p))
        p++;
      if (p < end && (*p == 'c' || *p == 'C' || *p == 'p'))
        return true;
    }
  }
  return !literal;
}

/* The copies of the library model ('s', 'v', 'p' and 'd' in model.c):
   memcpy (d, s, n) is *d = *s, memset (d, v, n) is *d = v, whatever the
   types (docs/semantics.md).  */
void
reader::read_copy(gcall *g, const struct esc_call &c)
{
  const esc_model *m = c.callee && !(c.flags & ESC_CALL_HAS_BODY)
                       ? esc_model_lookup(c.callee) : NULL;
  if (!m || !strpbrk(m->tags, "svp"))
    return;
  unsigned nargs = gimple_call_num_args(g), dst = 0;
  for (unsigned i = 0; i < nargs; i++)
    if (esc_model_letter(m, i) == 'd')
      dst = i;
  if (dst >= nargs)
    return;
  hole k = store_through(gimple_call_arg(g, dst));
  bool values = strchr(m->tags, 'p') && prints_values(g);
  for (unsigned i = 0; i < nargs; i++) {
    char t = esc_model_letter(m, i);
    tree a = gimple_call_arg(g, i);
    if (t == 's' || t == 'p')
      expr(k.deref(), a);
    if (t == 'v' || (t == 'p' && values))
      expr(k, a);
  }
}

/* Internal functions (.MASK_STORE, .ATOMIC_COMPARE_EXCHANGE, the
   overflow checks...): their result carries every argument and what
   the arguments point to; the stores store every other argument through
   the first.  .VA_ARG reads what the caller passed, which escaped at the
   call (a variadic argument escapes).  */
void
reader::read_internal(gcall *g)
{
  unsigned nargs = gimple_call_num_args(g);
  internal_fn fn = gimple_call_internal_fn(g);
  if (fn == IFN_VA_ARG)
    return;
  bool store = fn == IFN_MASK_STORE || fn == IFN_SCATTER_STORE ||
               fn == IFN_MASK_SCATTER_STORE || fn == IFN_ATOMIC_COMPARE_EXCHANGE
#if GCCPLUGIN_VERSION_MAJOR >= 11
               || fn == IFN_LEN_STORE
#endif
               ;
  if (store && nargs) {
    hole k = store_through(gimple_call_arg(g, 0));
    for (unsigned i = 1; i < nargs; i++)
      expr(k, gimple_call_arg(g, i));
  }
  tree lhs = gimple_call_lhs(g);
  if (!lhs)
    return;
  hole k = lhs_hole(lhs);
  for (unsigned i = 0; i < nargs; i++) {
    tree a = gimple_call_arg(g, i);
    expr(k, a);
    if (POINTER_TYPE_P(TREE_TYPE(a)))
      expr(k.deref(), a);
  }
}

void
reader::read_call(gcall *g)
{
  if (gimple_call_internal_p(g)) {
    read_internal(g);
    return;
  }
  tree fndecl = gimple_call_fndecl(g);
  tree frame = NULL_TREE;       /* static chain of a call via trampoline */
  if (!fndecl)
    fndecl = known_target(gimple_call_fn(g), &frame);
  if (fndecl && read_builtin(g, fndecl))
    return;

  tree fntype = gimple_call_fntype(g);
  unsigned nargs = gimple_call_num_args(g);
  tree parm = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
  unsigned nparams = 0;
  for (tree p = parm; p && !VOID_TYPE_P(TREE_VALUE(p)); p = TREE_CHAIN(p))
    nparams++;
  const char *context_of = closure_context_of(g);
  auto_vec<esc_arg, 8> args;
  for (unsigned i = 0; i < nargs; i++) {
    tree ptype = parm && !VOID_TYPE_P(TREE_VALUE(parm)) ? TREE_VALUE(parm) : NULL_TREE;
    if (parm)
      parm = TREE_CHAIN(parm);
    args.safe_push(call_arg(g, i, ptype, context_of));
  }

  struct esc_call c;
  init_call(c);
  c.nargs = nargs;
  c.args = args.address();
  c.nparams = nparams;
  c.chain = ESC_NONE;
  c.result = ESC_NONE;
  tree lhs = gimple_call_lhs(g);
  if (lhs)
    c.result = TREE_CODE(lhs) == SSA_NAME ? ssa_loc(lhs)
                                          : esc_loc_new(f, ESC_LOC_TEMP, NULL, pos(), depth);
  if (tree chain = gimple_call_chain(g))
    c.chain = temp_for(chain, NULL);
  else if (frame)
    c.chain = temp_for(build_fold_addr_expr(frame), NULL);
  if (fntype && stdarg_p(fntype))
    c.flags |= ESC_CALL_VARARGS;
  if (fndecl)
    describe_callee(c, fndecl);
  else
    c.flags |= ESC_CALL_INDIRECT;
  /* What the callee keeps in a global may be stored over before we
     return (lifetimes.cc).  */
  if (store_dies(g, NULL_TREE))
    c.flags |= ESC_CALL_GLOBALS_RESTORED;
  note_freed_arg(g, fndecl, c, args);
  read_copy(g, c);
  bind_call_results(g, c, esc_call(f, &c));
  if (fndecl)
    note_callee_stores(g, fndecl);
}

void
reader::store_call_result(gcall *g, esc_loc_id value)
{
  tree lhs = gimple_call_lhs(g);
  if (!lhs || value == ESC_NONE)
    return;
  flow(lhs_hole(lhs), value);
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
    if (is_function_address(fn))
      return TREE_OPERAND(fn, 0);
    if (TREE_CODE(fn) != SSA_NAME)
      return NULL_TREE;
    gimple *def = SSA_NAME_DEF_STMT(fn);
    if (gcall *call = def ? dyn_cast<gcall *>(def) : NULL) {
      tree callee = gimple_call_fndecl(call);
      if (!callee || !fndecl_built_in_p(callee, BUILT_IN_ADJUST_TRAMPOLINE) ||
          !gimple_call_num_args(call))
        return NULL_TREE;
      tree field = trampoline_field(gimple_call_arg(call, 0));
      if (!field)
        return NULL_TREE;
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

/* ------------------------------------------------------------ builtins */

/* Builtins with a meaning of their own; false for the ordinary ones.  */
bool
reader::read_builtin(gcall *g, tree fndecl)
{
  if (!fndecl_built_in_p(fndecl, BUILT_IN_NORMAL))
    return false;
  tree lhs = gimple_call_lhs(g);
  enum built_in_function code = DECL_FUNCTION_CODE(fndecl);
  switch (code) {
  case BUILT_IN_INIT_TRAMPOLINE:
  case BUILT_IN_INIT_HEAP_TRAMPOLINE:
    read_init_trampoline(g);
    return true;
  case BUILT_IN_ADJUST_TRAMPOLINE:
    read_adjust_trampoline(g);
    return true;
  case BUILT_IN_ALLOCA:
  case BUILT_IN_ALLOCA_WITH_ALIGN:
  case BUILT_IN_ALLOCA_WITH_ALIGN_AND_MAX:
    read_alloca(g);
    return true;
  case BUILT_IN_EXPECT:
  case BUILT_IN_EXPECT_WITH_PROBABILITY:
  case BUILT_IN_ASSUME_ALIGNED:
    /* Return their first argument.  */
    if (lhs && gimple_call_num_args(g))
      expr(lhs_hole(lhs), gimple_call_arg(g, 0));
    return true;
  default:
    return builtin_without_flow(code);
  }
}

/* __builtin_init_trampoline (&FRAME.0.fn, fn, &FRAME.0): remember which
   nested function the field's trampoline calls.  */
void
reader::read_init_trampoline(gcall *g)
{
  if (gimple_call_num_args(g) < 3)
    return;
  tree field = gimple_call_arg(g, 0), fn = gimple_call_arg(g, 1);
  if (TREE_CODE(field) == ADDR_EXPR)
    field = TREE_OPERAND(field, 0);
  if (TREE_CODE(field) == COMPONENT_REF)
    field = TREE_OPERAND(field, 1);
  if (TREE_CODE(fn) == ADDR_EXPR)
    fn = TREE_OPERAND(fn, 0);
  if (TREE_CODE(fn) == FUNCTION_DECL)
    trampolines.put(field, fn);
}

/* _12 = __builtin_adjust_trampoline (&FRAME.0.fn): the closure, one
   value per nested function.  */
void
reader::read_adjust_trampoline(gcall *g)
{
  tree arg = gimple_call_num_args(g) ? gimple_call_arg(g, 0) : NULL_TREE;
  tree field = trampoline_field(arg);
  tree frame = field ? TREE_OPERAND(field, 0) : NULL_TREE;
  tree *fn = field ? trampolines.get(TREE_OPERAND(field, 1)) : NULL;
  if (!fn || !frame || !DECL_P(frame)) {
    /* Unrecognised shape: the frame escapes, to be safe.  */
    if (arg)
      expr({esc_func_heap(f), 0, ESC_WHY_CLOSURE}, arg);
    return;
  }
  int *value = closures.get(*fn);
  if (!value) {
    char buf[32];
    esc_loc_id frame_loc = decl_loc(frame);
    esc_loc_set_reported(f, frame_loc, true);
    escape_keep_tree(*fn);              /* the closure's cookie */
    int v = esc_closure_new(f, decl_name(*fn, buf, sizeof buf),
                            DECL_SOURCE_LOCATION(*fn), frame_loc, *fn, depth);
    closures.put(*fn, v);
    bind_indirect_results(*fn, frame_loc);
    value = closures.get(*fn);
  }
  store_call_result(g, *value);
}

/* alloca: stack memory, a local object whose address is the result.  */
void
reader::read_alloca(gcall *g)
{
  tree lhs = gimple_call_lhs(g);
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
  if (vla) {
    set_cookie(obj, vla);
    vla_locs.put(vla, obj);           /* for note_scope_uses */
  }
  esc_loc_set_reported(f, obj, true);
  if (!constant)
    esc_loc_force_escape(f, obj, "non-constant size");
  if (lhs) {
    hole k = lhs_hole(lhs);
    esc_flow(f, k.dst, obj, k.derefs - 1, ESC_WHY_ADDR, pos());
  }
}

/* A nested function called through its trampoline returns to code we
   do not follow: what it returns of its frame goes to the heap.  Recorded
   as a call of it with the frame as static chain and the heap as result
   (resolved with its summary like any call).  */
void
reader::bind_indirect_results(tree nested, esc_loc_id frame)
{
  struct esc_call c;
  init_call(c);
  c.callee = IDENTIFIER_POINTER(DECL_NAME(nested));
  c.callee_key = DECL_UID(nested);
  c.flags = ESC_CALL_HAS_BODY;
  c.chain = esc_loc_new(f, ESC_LOC_TEMP, NULL, pos(), depth);
  esc_flow(f, c.chain, frame, -1, ESC_WHY_CLOSURE, pos());
  c.result = esc_loc_new(f, ESC_LOC_TEMP, NULL, pos(), depth);
  esc_flow(f, esc_func_heap(f), c.result, 0, ESC_WHY_INDIRECT, pos());
  esc_call(f, &c);
}
