/* reader.h - what the files of the GIMPLE reader share: the reader of
   one function (class reader) and the helpers on trees.

   Where a flow is built:
     read-stmt.cc      the walk over a function: statements, assignments,
                       asm, parameters, scopes and declarations, derefs
     read-expr.cc      expressions: locations of decls and SSA names, the
                       value (expr) and address (expr_addr) of a tree, the
                       hole a store goes to
     read-call.cc      calls: arguments, callee, results; builtins;
                       nested functions' trampolines and closures
     frees.cc          is an allocation freed on every path? (a CFG search)
     lifetimes.cc      C lifetimes for the warnings: stores undone before
                       the return (transient), out-parameters, callee
                       stores, the one pointer field of a local, uses
                       after a block's scope (CFG searches)
     erased-return.cc  "return &x;", recovered before the C front end
                       erases it (PLUGIN_PRE_GENERICIZE)
     gc-roots.cc       trees kept after the pass that read them
     wrappers.cc       allocator/deallocator wrappers found by themselves
     summary-io.cc     summaries=: prototype hashes, the unit's files

   The words are Go's (cmd/compile/internal/escape): a hole is where a
   value goes, expr(k, t) sends the value of T to K, flow(k, l) sends
   location L to K.  */
#ifndef ESCAPE_READER_H
#define ESCAPE_READER_H

#include "adapter.h"

/* Where a value goes: location DST, through DEREFS dereferences (-1: the
   address of the value goes there), with WHY for explanations.  */
struct hole {
  esc_loc_id dst;
  int derefs;
  enum esc_why why;
  /* A store overwritten on every path before what it stores dies
     (reader::store_dies): esc_flow_transient.  */
  bool transient = false;

  /* Go's hole.deref(): K receives what the value points to.  */
  hole deref() const
  {
    return {dst, derefs + 1, why == ESC_WHY_ASSIGN ? ESC_WHY_LOAD : why, transient};
  }
  /* Go's hole.addr(): K receives the address of the value.  */
  hole addr() const
  {
    return {dst, derefs - 1, why == ESC_WHY_ASSIGN ? ESC_WHY_ADDR : why, transient};
  }
};

class reader
{
public:
  reader(function *fun, esc_func *f) : fun(fun), f(f) {}
  ~reader() { delete pointer_fields; }
  void read();
  /* promote: the allocation calls in the order of their locations, the
     deallocations with their freed argument.  */
  void sites(escape_sites *out) const;

private:
  function *fun;
  esc_func *f;
  location_t stmt_loc = UNKNOWN_LOCATION;
  int depth = 0;                        /* loop depth of the statement */
  hash_map<tree, int> decls;            /* decl -> location */
  auto_vec<int> ssa;                    /* SSA version -> location + 1 */
  hash_map<tree, tree> trampolines;     /* FRAME field -> nested fndecl */
  hash_map<tree, int> closures;         /* nested fndecl -> closure value */
  hash_map<tree, int> var_depth;        /* local -> loop depth of its scope */
  hash_map<tree, tree> vla_decls;       /* hidden pointer -> its VLA */
  hash_map<tree, int> vla_locs;         /* VLA -> its alloca's location */
  hash_map<tree, int> out_params;       /* parameter -> esc_out_param_new */
  auto_vec<std::pair<gcall *, esc_loc_id>> allocs;  /* allocation calls */
  auto_vec<std::pair<gimple *, tree>> frees;        /* deallocations */

  esc_pos pos() const { return stmt_loc; }
  void set_cookie(esc_loc_id l, tree t);

  /* read-expr.cc */
  int bb_depth(basic_block bb) const;
  int ssa_depth(tree name);
  esc_loc_id decl_loc(tree decl);
  esc_loc_id ssa_loc(tree name);
  esc_loc_id temp_for(tree value, const char *name,
                      enum esc_why why = ESC_WHY_ASSIGN);
  void flow(hole k, esc_loc_id src);
  void expr(hole k, tree t);
  void expr_addr(hole k, tree ref);
  tree global_origin(tree ptr, int budget);
  hole lhs_hole(tree lhs);
  hole store_through(tree ptr);

  /* read-call.cc */
  void read_call(gcall *g);
  esc_arg call_arg(gcall *g, unsigned i, tree ptype, const char *context_of);
  void describe_callee(struct esc_call &c, tree fndecl);
  void note_freed_arg(gcall *g, tree fndecl, struct esc_call &c, vec<esc_arg> &args);
  void bind_call_results(gcall *g, const struct esc_call &c, esc_loc_id alloc);
  void init_call(struct esc_call &c);
  tree known_target(tree fn, tree *frame);
  bool read_builtin(gcall *g, tree fndecl);
  void read_copy(gcall *g, const struct esc_call &c);
  void store_value(hole k, tree t, tree base, int budget);
  void read_internal(gcall *g);
  void read_init_trampoline(gcall *g);
  void read_adjust_trampoline(gcall *g);
  void read_alloca(gcall *g);
  void store_call_result(gcall *g, esc_loc_id value);
  void bind_indirect_results(tree nested, esc_loc_id frame);

  /* read-stmt.cc */
  void read_params();
  void read_phis(basic_block bb);
  void read_block(basic_block bb);
  void read_stmt(gimple *g);
  void read_assign(gassign *g);
  void read_rhs(gassign *g, hole k);
  void read_asm(gasm *g);
  void note_decl(tree var);
  void note_block_decls(tree block);
  void note_captures();
  void note_scopes();
  void note_large_locals();
  static bool note_deref(gimple *g, tree base, tree op, void *data);

  /* erased-return.cc */
  void read_erased_returns();

  /* lifetimes.cc */
  bool store_dies(gimple *s, tree lhs);
  tree out_param_of(tree lhs);
  esc_loc_id out_param_loc(tree parm);
  void note_scope_uses();
  gimple *stale_use(tree obj, const vec<gimple *> &deaths, bitmap names,
                    hash_set<gimple *> &users);
  void note_callee_stores(gcall *g, tree fndecl);
  bool sole_pointer_field(tree ref);
  hash_map<tree, tree> *pointer_fields = NULL;  /* local -> its one field */
  bool guarded_against_address(edge e, tree v);
  location_t stmt_location_of(gimple *g);

  /* frees.cc */
  void note_frees();
  bool exit_reachable_unfreed(basic_block from, bitmap freeing, bitmap copies);
};

/* frees.cc: the value edge E is taken only when null ("p == 0" true,
   "p != 0" false), else NULL.  */
tree null_on_edge(edge e);
/* frees.cc: can the exit of FUN be reached from FROM without entering a
   block of STOP, over edges SKIP (with DATA) does not exclude?  */
bool exit_reachable_avoiding(function *fun, basic_block from, bitmap stop,
                             bool (*skip)(edge, void *), void *data);

/* read-expr.cc: trees */
bool type_has_pointers(tree type);
bool opaque_pointer_type(tree type);
bool is_local_decl(tree decl);
const char *decl_name(tree decl, char *buf, size_t len);
bool user_decl(tree decl);
bool compound_literal(tree decl);
const char *user_name_of(tree t);
bool constant_value(tree t, HOST_WIDE_INT *out, int budget);

/* read-stmt.cc: is DECL a nested function's frame with captured
   variables in it?  */
bool has_captures(tree decl);

/* gc-roots.cc: keep T alive until the end of the unit (the garbage
   collector runs between passes; the core holds trees as cookies).  */
void escape_keep_tree(tree t);

#endif
