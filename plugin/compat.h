/* compat.h - one place for the differences between the GCC versions the
   plugin is built for (11 and 12; 13 and 14 guarded where known).  */
#ifndef ESCAPE_COMPAT_H
#define ESCAPE_COMPAT_H

#include "gcc-plugin.h"
#include "bversion.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-ssa.h"
#include "tree-ssa-operands.h"
#include "ssa.h"
#include "cgraph.h"
#include "cfgloop.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#include "stringpool.h"
#include "attribs.h"
#include "tree-iterator.h"
#include "stor-layout.h"
#include "langhooks.h"
#include "options.h"
#include "tree-pretty-print.h"
#include "c-family/c-pragma.h"

/* The C front end's pragma functions live in cc1 and cc1plus only: lto1
   (and any other GCC program a build with -flto runs) has no such symbol,
   and a plugin that referenced them strongly could not be loaded there.
   Weak references resolve to null where they are missing; the plugin only
   calls them from the C front ends (escape_front_end_is_c).  */
extern enum cpp_ttype pragma_lex(tree *, location_t *loc) __attribute__((weak));
extern void c_register_pragma(const char *space, const char *name,
                              pragma_handler_1arg handler)
    __attribute__((weak));

#if BUILDING_GCC_MAJOR < 11
#error "escape needs GCC 11 or newer"
#endif

/* -Wdangling-pointer appeared in GCC 12.  */
#if BUILDING_GCC_MAJOR >= 12
#define ESCAPE_HAVE_WDANGLING_POINTER 1
#else
#define ESCAPE_HAVE_WDANGLING_POINTER 0
#endif

/* __builtin_dynamic_object_size appeared in GCC 12.  */
#define ESCAPE_HAVE_DYNAMIC_OBJECT_SIZE (BUILDING_GCC_MAJOR >= 12)

/* EAF flags (what a call does with a pointer argument) were renamed in
   GCC 12.  */
#if BUILDING_GCC_MAJOR >= 12
#define ESCAPE_EAF_NOESCAPE(f) \
  (((f) & EAF_UNUSED) || \
   ((f) & (EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE)) == \
       (EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE))
#define ESCAPE_EAF_NODIRECTESCAPE(f) ((f) & EAF_NO_DIRECT_ESCAPE)
#else
#define ESCAPE_EAF_NOESCAPE(f) ((f) & (EAF_UNUSED | EAF_NOESCAPE))
#define ESCAPE_EAF_NODIRECTESCAPE(f) ((f) & EAF_NODIRECTESCAPE)
#endif

/* GCC 14 added heap trampolines (-ftrampoline-impl=heap).  */
#if BUILDING_GCC_MAJOR >= 14
#define ESCAPE_IS_NESTED_PTR_CREATED(code) ((code) == BUILT_IN_GCC_NESTED_PTR_CREATED)
#else
#define ESCAPE_IS_NESTED_PTR_CREATED(code) false
#endif

#endif
