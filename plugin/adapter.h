/* adapter.h - the C++ side: what escape-plugin.cc, the reader (reader.h)
   and report.cc share.  Includes GCC's headers; the core (escape.h) does not. */
#ifndef ESCAPE_ADAPTER_H
#define ESCAPE_ADAPTER_H

#include "compat.h"
#include "escape.h"

/* The unit being analysed (created in plugin_init).  */
extern struct esc_unit *escape_unit;

/* escape-plugin.cc: is this GCC program the C front end (cc1)?  */
bool escape_front_end_is_c(void);

/* wrappers.cc: after FUN (the core's function KEY) is read and solved,
   is it an allocator or deallocator wrapper (wrappers)?  */
void escape_find_wrapper(function *fun, uint32_t key);
/* summary-io.cc (summaries=): the hash of FNDECL's prototype, the same
   in every unit that declares it alike; the unit's main file, told the
   core before the first lookup; its files and summaries written at its
   end.  */
uint64_t escape_decl_hash(tree fndecl);
void escape_summaries_source(void);
void escape_write_summaries(void);
/* What promote needs of a function the reader read: its allocation
   calls, in the order of their locations (a verdict's site indexes it),
   and its deallocation calls with the index of the freed argument.  */
struct escape_sites {
  auto_vec<gcall *> allocs;
  auto_vec<std::pair<gimple *, unsigned>> frees;
};

/* The reader: read-stmt.cc reads a function into the unit; with SITES,
   also hands out what promote needs.  */
void escape_read_function(function *fun, escape_sites *sites = NULL);
/* promote-gimple.cc: rewrite the candidates of FUN solved since verdict FIRST;
   returns the pass's TODO flags.  */
unsigned escape_promote(function *fun, escape_sites &sites, size_t first);
/* erased-return.cc: PLUGIN_PRE_GENERICIZE of FNDECL; the end of the unit.  */
void escape_note_generic_returns(tree fndecl);
void escape_reader_finish(void);
/* Captured variables of a nested functions' frame decl, NULL if none.  */
const vec<tree> *escape_frame_captures(tree frame);

/* gc-roots.cc: the root table of the trees kept across passes
   (PLUGIN_REGISTER_GGC_ROOTS), and their release at the end.  */
extern const struct ggc_root_tab escape_gc_roots[];
void escape_release_trees(void);

/* frees.cc (also promote-gimple.cc): the SSA names that hold A's value, into OUT (A included,
   each once, forward over its uses): NEXT says, for a use U of a name V
   already found, which name U's result adds (or NULL_TREE).  */
void follow_values(tree a, bitmap out, tree (*next)(gimple *u, tree v, void *data),
                   void *data);

/* report.cc; the timer measures the plugin's CPU time for the stats line
   (-fplugin-arg-escape-stats): the pass, the front end's callback, the
   unit's end and the report; escape_report_unit stops it.  */
void escape_timer_start(void);
void escape_timer_stop(void);
void escape_watch_gcc_diagnostics(void);
void escape_register_pragmas(void *, void *);
void escape_report_unit(void);

#endif
