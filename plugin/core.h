/* core.h - internal data structures of the analysis core (not for the
   adapter).  See escape.h for the algorithm and the file layout.  */
#ifndef ESCAPE_CORE_H
#define ESCAPE_CORE_H

#include <stdio.h>
#include <time.h>

#include "escape.h"

/* Checking asserts: a broken internal invariant (a bug of the core or a
   misuse of the API by the adapter) aborts in checking builds (unit
   tests, CI: -DESC_CHECKING) and is handled defensively in release
   builds, where the code after ESC_ASSERT still copes with the state.  */
#ifdef ESC_CHECKING
#define ESC_ASSERT(cond)                                                  \
  ((cond) ? (void)0 : esc_assert_fail(#cond, __FILE__, __LINE__))
#else
#define ESC_ASSERT(cond) ((void)0)
#endif
void esc_assert_fail(const char *cond, const char *file, int line)
#ifdef __GNUC__
    __attribute__((noreturn))
#endif
    ;

#define ESC_ARRAY_GROW(ptr, n, cap)                                      \
  do {                                                                   \
    if ((n) >= (cap)) {                                                  \
      (cap) = (cap) ? 2 * (cap) : 4;                                     \
      (ptr) = esc_xrealloc((ptr), (cap) * sizeof *(ptr));                \
    }                                                                    \
  } while (0)

void *esc_xrealloc(void *p, size_t size);
void *esc_xcalloc(size_t n, size_t size);
char *esc_strdup(const char *s);     /* NULL stays NULL */

/* A parameter that leaks nowhere.  */
#define ESC_TAG_NONE {ESC_NO_LEAK, ESC_NO_LEAK, ESC_NO_LEAK, false, false}

struct esc_edge {
  esc_loc_id src;
  int16_t derefs;
  uint8_t why;
  uint8_t flags;             /* EF_* */
  esc_pos pos;
};

enum {
  EF_TRANSIENT = 1     /* a store overwritten on every path before the
                          stored object dies (esc_flow_transient): Go's
                          walk follows it, the definite walk does not */
};

enum {
  LF_ESCAPES = 1,      /* outlives its frame (Go's loc.escapes) */
  LF_DEFINITE = 2,     /* its address surely reaches result or a global */
  LF_QUEUED = 4,       /* in the solver's work list */
  LF_REPORTED = 8,     /* a verdict on it is shown */
  LF_FORCED = 16       /* escapes for a reason of its own (size) */
};

/* Another sink a location's address surely reaches (esc_loc.def_more).  */
struct esc_def_site {
  esc_loc_id root;
  esc_pos pos;
  uint8_t why;
  const char *callee;        /* ESC_WHY_CALLEE_STORE: the callee */
};

struct esc_loc {
  uint8_t kind;              /* enum esc_loc_kind */
  uint8_t flags;
  int16_t loop_depth;
  uint32_t func;             /* index into unit->funcs */
  const char *name;          /* interned */
  esc_pos pos;
  void *cookie;
  struct esc_edge *edges;    /* incoming: this = src (+derefs) */
  uint32_t nedges, cap;

  /* walk state (solve.c): the walk that last reached it, its derefs to
     that walk's root and the edge it was reached through */
  uint32_t walkgen;
  int32_t derefs;
  esc_loc_id dst;
  uint32_t dst_edge;
  uint32_t pathgen;          /* visited mark of the path iterator */

  /* results */
  const char *reason;        /* forced reason, or why it escapes */
  const char *global_name;   /* a parameter: the global it is kept in; a
                                callee's global sink: the callee's */
  struct esc_step *path;     /* -m=2: how it escapes, root last */
  unsigned npath;
  struct esc_step *def_path; /* m=2 or sarif=: the warning's flow to its sink */
  unsigned def_npath;
  esc_loc_id def_root;       /* result or global its address reaches */
  esc_pos def_pos;           /* the statement storing it there */
  uint8_t def_why;
  const char *def_closure;   /* nested function it is captured by */
  bool def_context;          /* ... or function whose context it is */
  const char *def_callee;    /* the callee storing it there, if one does */
  struct esc_def_site *def_more; /* other results and globals it surely */
  uint32_t ndef_more;            /* reaches: one warning per sink */

  /* parameters */
  uint16_t param_index;
  bool param_report;
  struct esc_tag leak;       /* Go's parameter tag as the walks find it:
                                heap, result and global levels, freed;
                                fuzzy is set from precise_level when the
                                summary is made (leaks.c) */
  uint8_t precise_level;     /* least derefs of a field-free flow to the
                                result or a global (ESC_NO_LEAK if none) */
  struct esc_step *leak_path[2]; /* -m=2: to heap, to result */
  unsigned leak_npath[2];

  /* dereferences of a pointer location (esc_loc_set_deref) */
  int16_t deref_depth;       /* shallowest, or INT16_MAX */
  bool carried;              /* a loop-header phi */
  esc_pos deref_pos;
  esc_pos loop_read_pos;     /* a local read after its iteration: where */
  esc_pos scope_use_pos;     /* its address used after its scope: where */

  /* allocations */
  long long alloc_size;      /* -1 when not constant */
  uint8_t freed;             /* enum esc_freed */
};

/* A call waiting for its callee's summary.  */
struct esc_pending_call {
  const char *callee;
  uint32_t callee_key;
  unsigned flags;
  unsigned nparams;
  esc_loc_id result, chain;
  esc_loc_id global;         /* where its leaks to globals go */
  unsigned nargs;
  struct esc_arg *args;      /* text not kept */
  esc_pos pos;
};

/* The function called at POS (a call step of a flow), or NULL; and
   record it (call.c).  */
const char *esc_callee_at(const struct esc_unit *u, esc_pos pos);
void esc_note_callee(struct esc_unit *u, esc_pos pos, const char *name);

/* A function's summary: Go's parameter tags.  */
struct esc_summary {
  uint32_t key;
  int32_t func;              /* index of its function while unsolved,
                                ESC_UNREAD before it is read, -1 after */
  bool waited;               /* a function read earlier waits for it */
  const char *name;
  unsigned nparams;
  struct esc_tag *tags;      /* nparams + 1 (static chain last); NULL
                                while the function is not solved */
  const char **globals;      /* nparams + 1: the global each parameter is
                                kept in (tags[i].global), or NULL */
};

enum { FS_READING, FS_WAITING, FS_DONE };
#define ESC_UNREAD (-2)

struct esc_func {
  struct esc_unit *unit;
  uint32_t index;
  uint32_t key;
  const char *name;
  esc_pos pos;
  void *cookie;
  int state;
  esc_loc_id first, end;     /* its locations [first, end) */
  esc_loc_id heap, result, sink;
  esc_loc_id freed;          /* what the function deallocates flows here */
  esc_loc_id *params;        /* by index, ESC_NONE for a gap */
  unsigned nparams, params_cap;
  esc_loc_id chain;          /* the static chain parameter, or ESC_NONE */
  const char *foreign;       /* a callee bound by another file's summary */
  struct esc_pending_call *calls;
  unsigned ncalls, calls_cap;
  uint8_t promote;           /* enum esc_promote of its candidates */
  /* Tarjan */
  int tj_index, tj_low;
  bool tj_onstack, tj_blocked, tj_closed;
};

struct esc_intern;

struct esc_unit {
  struct esc_config cfg;
  /* m=2 or sarif=: the function called at each call position, to name
     it in flow steps (open addressing, pos 0 free) */
  struct esc_callee_at { esc_pos pos; const char *name; } *callees;
  uint32_t ncallees, callees_cap;
  /* Locations, in chunks of ESC_LOC_CHUNK: a chunk (59 KB) stays below
     glibc's mmap threshold, so that freeing one never raises that
     threshold for the rest of the compiler (a freed 1.9 MB array did,
     and cc1's later large blocks then stayed in its heap: +1 MB peak on
     Lua's lvm.c).  */
  struct esc_loc **loc_chunks;
  uint32_t nlocs, nchunks, chunks_cap;
  struct esc_func **funcs;   /* NULL once solved */
  uint32_t nfuncs, funcs_cap;
  bool recheck;              /* a function others waited for was solved */
  uint32_t *waiting;         /* functions read but not solved */
  uint32_t nwaiting, waiting_cap;
  struct esc_summary *sums;      /* open hash by key */
  uint32_t sums_cap, nsums;
  struct esc_intern *strings;
  struct esc_verdict *verdicts;
  size_t nverdicts, verdicts_cap;
  uint64_t seq;
  uint32_t walkgen;
  struct esc_stats stats;
  uint32_t pathgen;              /* path iterator marks */
  FILE *dump;                    /* esc_unit_set_dump, or NULL */
  struct esc_wrapper {           /* allocators found by themselves */
    uint32_t key;
    struct esc_spec spec;
  } *wrappers;
  unsigned nwrappers, wrappers_cap;
  /* summaries= (summary.c) */
  struct esc_export {            /* functions with external linkage */
    uint32_t key;
    const char *name;
    uint64_t decl_hash;
  } *exports;
  unsigned nexports, exports_cap;
  const char **files;            /* every file the unit read */
  unsigned nfiles, files_cap;
  const char *source;            /* its main input file */
  uint64_t unit_hash;            /* its unit files' UNITHASH */
  uint64_t args_hash;            /* the arguments its summaries depend on */
  struct timespec sum_start;     /* when it began, as file times go */
  struct esc_foreign *foreign;   /* summaries looked up, by name */
  unsigned nforeign, foreign_cap;
  struct esc_sum_use *sum_uses;  /* those used: the unit file says so */
  unsigned nsum_uses, sum_uses_cap;
  unsigned summary_errors;
  struct esc_sum_dir *sumdir;    /* summaries=DIR as read (summary-dir.c) */
  struct esc_func *ending;       /* the function esc_func_end is ending:
                                    its pass is still running */
};

/* summary.c: a function's summary written by another unit.  */
struct esc_foreign {
  const char *name;
  bool usable;
  const char *from;          /* the unit that wrote it */
  const char *stale;         /* why it is not used, when one exists */
  uint64_t decl;             /* the prototype it was looked up with */
  unsigned nparams;
  struct esc_tag *tags;      /* nparams + 1 (the directory's) */
  bool has_spec;
  struct esc_spec spec;
};
const struct esc_foreign *esc_foreign_find(struct esc_unit *u, const char *name,
                                           uint64_t decl_hash);
/* summaries=: what a unit's summaries depend on, taken as it begins.  */
void esc_summaries_begin(struct esc_unit *u);
void esc_foreign_release(struct esc_unit *u);

/* graph.c: strings, locations, edges.  */
const char *esc_intern(struct esc_unit *u, const char *s);
struct esc_intern *esc_intern_new(void);
void esc_intern_free(struct esc_intern *t);
enum { ESC_LOC_CHUNK_BITS = 8, ESC_LOC_CHUNK = 1 << ESC_LOC_CHUNK_BITS };
static inline struct esc_loc *esc_L(struct esc_unit *u, esc_loc_id id) {
  uint32_t i = (uint32_t)id;
  return &u->loc_chunks[i >> ESC_LOC_CHUNK_BITS][i & (ESC_LOC_CHUNK - 1)];
}
void esc_locs_truncate(struct esc_unit *u, uint32_t n);
esc_loc_id esc_loc_make(struct esc_unit *u, struct esc_func *f,
                        enum esc_loc_kind kind, const char *name,
                        esc_pos pos, int loop_depth);
void esc_loc_release(struct esc_loc *l);
void esc_add_edge(struct esc_unit *u, esc_loc_id dst, esc_loc_id src,
                  int derefs, enum esc_why why, esc_pos pos);
void esc_add_edge_flags(struct esc_unit *u, esc_loc_id dst, esc_loc_id src,
                        int derefs, enum esc_why why, esc_pos pos,
                        unsigned flags);

/* call.c: calls bound when they are read, or kept until their batch.  */
void esc_bind_pending_calls(struct esc_unit *u, struct esc_func **fns,
                            unsigned n);
struct esc_func *esc_unsolved_callee(struct esc_unit *u,
                                     const struct esc_pending_call *c);

/* solve.c: Go's walkAll over the batch FNS, then the definite, freed and
   loop-read walks.  */
void esc_walk_all(struct esc_unit *u, struct esc_func **fns, unsigned n);
/* The name of L in flow explanations, as Go prints it.  */
const char *esc_explain_name(struct esc_unit *u, const struct esc_loc *l);

/* leaks.c: summaries (Go's parameter tags) and verdicts.  */
const struct esc_summary *esc_summary_find(const struct esc_unit *u,
                                           uint32_t key);
struct esc_summary *esc_summary_add(struct esc_unit *u, uint32_t key);
void esc_func_summary(struct esc_unit *u, struct esc_func *f);
void esc_func_verdicts(struct esc_unit *u, struct esc_func *f);
void esc_emit_verdict(struct esc_unit *u, const struct esc_verdict *v);

/* dump.c: the pass dump (-fdump-tree-escape); each does nothing while
   no dump file is set.  */
void esc_dump_graph(struct esc_unit *u, const struct esc_func *f);
void esc_dump_escapes(struct esc_unit *u, esc_loc_id root, esc_loc_id id);
void esc_dump_leak(struct esc_unit *u, esc_loc_id root, esc_loc_id param,
                   bool to_result, int derefs);
void esc_dump_definite(struct esc_unit *u, esc_loc_id id);
void esc_dump_freed(struct esc_unit *u, esc_loc_id param);
void esc_dump_summary(struct esc_unit *u, const struct esc_summary *s);

#endif
