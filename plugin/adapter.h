/* adapter.h - the C++ side: what escape-plugin.cc, gimple-reader.cc and
   report.cc share.  Includes GCC's headers; the core (escape.h) does not. */
#ifndef ESCAPE_ADAPTER_H
#define ESCAPE_ADAPTER_H

#include "compat.h"
#include "escape.h"

/* The unit being analysed (created in plugin_init).  */
extern struct esc_unit *escape_unit;

/* gimple-reader.cc */
void escape_read_function(function *fun);
void escape_note_generic_returns(tree fndecl);
void escape_reader_finish(void);
/* Captured variables of a nested functions' frame decl, NULL if none.  */
const vec<tree> *escape_frame_captures(tree frame);

/* report.cc; the timer measures the analysis for -fplugin-arg-escape-stats */
void escape_timer_start(void);
void escape_timer_stop(void);
void escape_watch_gcc_diagnostics(void);
void escape_register_pragmas(void *, void *);
void escape_report_unit(void);

#endif
