/* gc-roots.cc - trees the plugin keeps after the pass that read them:
   the cookies the core hands back with verdicts at the end of the unit,
   the erased returns found before the pass, the frames and captured
   variables, the types whose answer is cached.  GCC's garbage collector
   runs between passes and knows only the roots it is told of: these
   trees are held in one GC vector registered as a root
   (PLUGIN_REGISTER_GGC_ROOTS; a plugin has no gengtype, so the root
   table is written by hand with the markers GCC generated for
   vec<tree, va_gc> *).  */
#include "reader.h"

namespace {

vec<tree, va_gc> *kept_trees;

} // namespace

const struct ggc_root_tab escape_gc_roots[] = {
  { &kept_trees, 1, sizeof kept_trees, &gt_ggc_mx_vec_tree_va_gc_,
    &gt_pch_nx_vec_tree_va_gc_ },
  LAST_GGC_ROOT_TAB
};

void
escape_keep_tree(tree t)
{
  if (t)
    vec_safe_push(kept_trees, t);
}

void
escape_release_trees(void)
{
  vec_free(kept_trees);
}
