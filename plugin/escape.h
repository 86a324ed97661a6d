/* escape.h - Go's escape analysis for C: the analysis core.
 *
 * This header and the C files beside it are plain C11 and include no GCC
 * header; they are split the way Go's cmd/compile/internal/escape is:
 *
 *   graph.c    locations and edges (Go's location, edge), the API the
 *              reader builds a function's graph with
 *   call.c     calls: arguments bound by summary, library model, straight
 *              into a recursive batch, or as unknown code (Go's call.go)
 *   batch.c    the unit's life: functions read, batches of recursive
 *              functions (Tarjan) solved once their callees are known;
 *              batch() reads like Go's Batch: build, walk, finish
 *   solve.c    the one walk (Go's walkOne) and its uses: Go's walkAll, the
 *              definite walk, the freed walk; the loop-read search
 *   leaks.c    parameter tags (summaries) and verdicts (Go's leaks.go)
 *   rules.c    the verdict table: rule, level, message, descriptions
 *   dump.c     the pass dump (-fdump-tree-escape)
 *   model.c    the C library's functions without a body
 *   options.c  the plugin's arguments (alloc=/realloc=/free= specs)
 *   summary.c  summaries=DIR: tags across files, written and read, and
 *              which of them a reader may use
 *   summary-dir.c  the summaries directory: its unit files, its index
 *   promote.c  promote: which candidates are rewritten into stack objects
 *              (the rewrite itself is the adapter's promote-gimple.cc)
 *   sarif.c    the SARIF log
 *   strbuf.c   memory helpers, growable strings
 *
 * core.h holds the core's internal structures.  The C++ adapter
 * (escape-plugin.cc, the reader of reader.h, report.cc) reads GIMPLE into the
 * graph described here and turns the verdicts back into GCC diagnostics.
 * Everything the analysis decides is decided here.
 *
 * OWNERSHIP.  The unit owns everything it hands out: functions (valid
 * until esc_func_end or esc_func_abandon), verdicts, their steps and
 * every string in them (until esc_unit_free), the config returned by
 * esc_unit_config.  Strings passed in are copied.  esc_sarif_new's log
 * is the caller's (esc_sarif_free); the dump FILE stays the caller's.
 *
 * THE ALGORITHM
 *
 * It is the algorithm of Go's compiler (cmd/compile/internal/escape),
 * applied to C.  The two invariants are Go's: (1) a pointer to a stack
 * object must not be stored where it outlives the object (the heap, a
 * global, the caller's frame through the return value), and (2) a pointer
 * to a stack object must not outlive the object itself (a variable of one
 * loop iteration read in the next).  In C a violation of either is not an
 * allocation decision but a dangling pointer, so it is a warning when it is
 * certain; and a malloc'ed object that provably keeps to its frame is a
 * candidate for the stack.
 *
 * Locations.  Every object that can be pointed to or that can hold a
 * pointer is a location: a local variable or parameter, an SSA temporary,
 * the object a malloc call allocates, the function's result, each global
 * variable it stores to, and one "heap" standing for everything the
 * analysis cannot see.  Globals and the heap "escape" from the start.
 *
 * Edges.  Every assignment is a directed edge dst <- src weighted with
 * derefs, the number of dereferences minus the number of address-of
 * operations on the source:
 *
 *      p = &q    -1         p = *q    +1
 *      p = q      0         p = **q   +2
 *
 * Aggregates are not split: a store to s.f is a store to s, and a[i] is a.
 * A store through a pointer (*p = x, p->f = x) is an assignment to the
 * heap, as in Go, unless the pointer leads into a local object (then it is
 * that object) or into memory reachable from a global (then that global).
 *
 * Solving.  From every location taken as a root, walk the edges backwards
 * and compute, Bellman-Ford style, the minimal derefs from each location
 * to the root; a negative value is clamped to 0 once passed, since
 * "root = &l; l = x" gives the root l's address but not x's.  A location
 * reached with derefs -1 has its address stored in the root; if the root
 * outlives it (the root escapes, is the function's result, or lives
 * outside the loop the location is declared in), the location escapes and
 * becomes a root itself: it is walked again.  A location only ever turns
 * from "does not escape" to "escapes" (and, separately, to "escapes
 * definitely"), so there are Theta(locations) walks.  It is one walk
 * (solve.c) asked different questions from different roots: Go's, from
 * each root above; the definite walk, from the function's sink; the freed
 * walk, from what it deallocates.  The -m=2 explanation follows the edges
 * the walk last took, from the location to the root.
 *
 * Parameters.  When a walk from the heap or from the result reaches a
 * parameter, the parameter leaks there with the walk's derefs: "leaking
 * param: p" (heap, 0), "leaking param content: p" (heap, >0), "leaking
 * param: p to result ~r0 level=N".  These leaks are the function's
 * summary (Go's parameter tags).  A call to a summarised function turns
 * each argument's leaks into edges; a call to code without a body follows
 * the library model (model.c) or, failing that, Go's rule: its pointer
 * arguments escape.  Functions are solved callees first; a recursive
 * cycle (strongly connected component) is solved as one batch in which
 * arguments flow straight into the callee's parameters.
 *
 * Definite escapes.  C has no garbage collector, so the verdict matters
 * for correctness: a local whose address reaches its own function's result
 * or a global is a dangling pointer for sure, not just an allocation
 * decision.  The walk marks those locations "definite"; only they are
 * warned about.  Escapes through unknown calls are reported at -m only.
 * C lifetimes (the adapter's lifetimes.cc asks the flow-sensitive
 * questions): a store undone before every return is transient
 * (esc_flow_transient: the definite walk skips it, Go's walk does not);
 * what a pointer parameter points to is a sink of the warnings only
 * (esc_out_param_new); an address used after its block's scope ended is
 * a warning of its own (esc_loc_set_scope_use).  The definite walk runs
 * again from each result and global when something is definite: one
 * warning per object and sink.
 *
 * Positions are opaque 32-bit values (GCC's location_t); the core never
 * interprets them.
 *
 * Checking.  Internal invariants are ESC_ASSERTs (core.h): fatal when the
 * core is built with -DESC_CHECKING (unit tests, CI), handled defensively
 * otherwise.  -fdump-tree-all (the pass dump, file *.escape) shows each
 * function's graph, the solver's decisions and the summaries.
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ESCAPE_VERSION "0.2.0"

typedef uint32_t esc_pos;          /* source position, 0 = unknown */
typedef int32_t esc_loc_id;        /* index of a location, -1 = none */
#define ESC_NONE (-1)

/* Leak levels: derefs of a flow, or ESC_NO_LEAK.  */
#define ESC_NO_LEAK 127
#define ESC_MAX_DEREFS 100

/* ------------------------------------------------------------ options */

struct esc_config {
  int m;                     /* -m level: 0, 1, 2 */
  long long max_stack;       /* largest implicit allocation on the stack */
  long long max_var;         /* largest explicit local on the stack */
  bool stats;                /* one summary line per unit */
  bool dump;                 /* the pass dump file, as -fdump-tree-escape */
  char *allocators;          /* alloc=NAME,...: the project's allocators */
  char *deallocators;        /* free=NAME,...: and deallocators */
  char *reallocators;        /* realloc=NAME,...: and reallocators */
  long long var_buffer;      /* var-buffer=BYTES: Go 1.25's stack buffer
                                for a variable-size allocation (0: off) */
  bool wrappers;             /* wrappers: infer the unit's allocator and
                                deallocator wrappers */
  char *summaries;           /* summaries=DIR: tags across files */
  char *functions;           /* functions=NAME,...: report only these */
  char *files;               /* files=PATTERN,...: report only these */
  char *sarif;               /* sarif=FILE: write a SARIF 2.1.0 log */
  char *errors;              /* error=KIND,...: these kinds as errors */
  char *ignores;             /* ignore=KIND,...: these kinds not at all */
  bool help, version;        /* print and do nothing else */
  bool promote;              /* promote: rewrite candidates (promote.c) */
  long long promote_max;     /* promote-max=: largest site rewritten */
  long long promote_frame;   /* promote-frame=: most added to one frame */
};

/* Defaults: Go's limits (64 KiB implicit, 128 KiB explicit).  */
void esc_config_init(struct esc_config *cfg);

/* Apply one plugin argument KEY[=VALUE].  VALUE is NULL when absent.
   Returns true on success; on failure writes a one-line message naming
   the argument into ERR (of size ERRLEN).  */
bool esc_config_set(struct esc_config *cfg, const char *key,
                    const char *value, char *err, size_t errlen);

/* Is the verdict kind of rule RULE_ID ("escape/dangling-address") in
   LIST, a comma-separated list of kind names with or without "escape/"
   ("dangling-address,escape/leaking-param")?  NULL: no.  */
bool esc_kind_listed(const char *list, const char *rule_id);

/* Is NAME in the comma-separated LIST (NULL: everything is)?  With GLOB,
   list entries are shell patterns (fnmatch).  */
bool esc_list_match(const char *list, const char *name, bool glob);

/* A function named by alloc=, realloc= or free=, with its argument
   positions (0-based here, 1-based in the argument).  */
enum esc_spec_kind { ESC_SPEC_ALLOC, ESC_SPEC_REALLOC, ESC_SPEC_FREE };
struct esc_spec {
  const char *name;
  enum esc_spec_kind kind;
  int size0, size1;          /* size = arg[size0] (* arg[size1]); -1 none */
  int ptr;                   /* the pointer freed or reallocated, or -1 */
  long long mul, add;        /* size = (args) * mul + add (wrappers) */
  long long min;             /* ... and at least min (wrappers) */
};
/* NAME's spec in CFG's alloc=/realloc=/free= lists, into *OUT.  */
bool esc_config_spec(const struct esc_config *cfg, const char *name,
                     struct esc_spec *out);

/* Free what esc_config_set allocated.  */
void esc_config_release(struct esc_config *cfg);

/* The argument list printed by -fplugin-arg-escape-help.  */
extern const char esc_help_text[];

/* ------------------------------------------------------------ graph */

enum esc_loc_kind {
  ESC_LOC_HEAP,        /* everything unseen; escapes */
  ESC_LOC_GLOBAL,      /* a global or static variable; escapes */
  ESC_LOC_VAR,         /* a local variable */
  ESC_LOC_PARAM,       /* a parameter */
  ESC_LOC_RESULT,      /* the function's return value, ~r0 */
  ESC_LOC_ALLOC,       /* the object of an allocation call */
  ESC_LOC_TEMP,        /* an SSA temporary or call argument */
  ESC_LOC_CLOSURE      /* a nested function's trampoline */
};

/* Why an edge exists: the step kinds printed at -m=2 (esc_why_name).  */
enum esc_why {
  ESC_WHY_ASSIGN,        /* "assign" */
  ESC_WHY_ADDR,          /* "address-of" */
  ESC_WHY_LOAD,          /* "dereference" */
  ESC_WHY_STORE,         /* "store through pointer" */
  ESC_WHY_GLOBAL,        /* "stored to global" */
  ESC_WHY_GLOBAL_MEM,    /* "stored in global memory" */
  ESC_WHY_RETURN,        /* "return" */
  ESC_WHY_ARG,           /* "call parameter" */
  ESC_WHY_CALL_RESULT,   /* "call result" */
  ESC_WHY_LEAK,          /* "leaking call parameter" */
  ESC_WHY_UNKNOWN_CALL,  /* "passed to function without body" */
  ESC_WHY_INTERFACE,     /* "converted to opaque interface" */
  ESC_WHY_INDIRECT,      /* "call through function pointer" */
  ESC_WHY_CLOSURE,       /* "captured by closure" */
  ESC_WHY_ALLOC,         /* "allocation" */
  ESC_WHY_INTEGER,       /* "converted to integer" */
  ESC_WHY_ASM,           /* "inline asm operand" */
  ESC_WHY_UNKNOWN,       /* "unmodelled operation" */
  ESC_WHY_CONTEXT,       /* "closure context": the void * passed along
                            with a function, the C closure idiom */
  ESC_WHY_FREED,         /* "freed by callee": memory a callee frees
                            cannot be on the caller's stack */
  ESC_WHY_FIELD,         /* "field or element read": part of an object,
                            which may not be the part that holds the
                            address (field-insensitivity), so never a
                            step of a definite escape */
  ESC_WHY_OUT_PARAM,     /* "stored through parameter": *out = &x, seen
                            by the warnings only (esc_out_param_new) */
  ESC_WHY_CALLEE_STORE,  /* "stored by callee": put (&g, &x) with *slot = v
                            in put; the source is a location named after
                            the callee (lifetimes.cc) */
  ESC_WHY_BYTES,         /* "computed from its bytes": an arithmetic
                            result carries the pointers of its operands
                            (C's memory model), but is not the address:
                            never a step of a definite escape */
  ESC_WHY_COUNT
};
const char *esc_why_name(enum esc_why why);

struct esc_unit;        /* a translation unit */
struct esc_func;        /* a function being read */

/* Unit.  The config is copied (its strings too); the unit is the
   caller's, freed with esc_unit_free, which frees everything the unit
   handed out.  */
struct esc_unit *esc_unit_new(const struct esc_config *cfg);
void esc_unit_free(struct esc_unit *u);
/* The unit's copy: valid as long as the unit.  */
const struct esc_config *esc_unit_config(const struct esc_unit *u);

/* While F is not NULL, the core writes to it, as text for people, each
   function's graph once it is built (locations with kind, name and loop
   depth; incoming edges with derefs and why), the solver's decisions
   (what escapes from which root, which parameter leaks where at what
   level) and each function's summary.  F stays the caller's.  */
void esc_unit_set_dump(struct esc_unit *u, FILE *f);

/* Start reading a function.  KEY identifies it across calls (GCC's
   DECL_UID); NAME is copied.  The function is the unit's: it is valid
   until esc_func_end or esc_func_abandon.  */
struct esc_func *esc_func_begin(struct esc_unit *u, uint32_t key,
                                const char *name, esc_pos pos);

/* Caller-chosen tag of F (the adapter's FUNCTION_DECL), returned with
   its verdicts.  */
void esc_func_set_cookie(struct esc_func *f, void *cookie);

/* Locations of F.  NAME is copied (interned).  LOOP_DEPTH is the loop
   nesting depth of the declaration (0 outside loops).  */
esc_loc_id esc_loc_new(struct esc_func *f, enum esc_loc_kind kind,
                       const char *name, esc_pos pos, int loop_depth);
/* The heap and the result of F (created by esc_func_begin).  */
esc_loc_id esc_func_heap(struct esc_func *f);
esc_loc_id esc_func_result(struct esc_func *f);

/* Parameter INDEX (0-based; the static chain of a nested function is
   passed with index ESC_CHAIN_PARAM).  REPORT: print its verdict at -m
   (false for artificial parameters).  */
#define ESC_CHAIN_PARAM 0xffff
esc_loc_id esc_param_new(struct esc_func *f, unsigned index,
                         const char *name, esc_pos pos, bool report);

/* Mark a local that can never live on the stack: escapes with REASON
   ("too large for stack", "non-constant size").  */
void esc_loc_force_escape(struct esc_func *f, esc_loc_id l,
                          const char *reason);
/* Tell the reporter that a verdict on L should be shown (address taken
   local, allocation) -- other locations are internal.  */
void esc_loc_set_reported(struct esc_func *f, esc_loc_id l, bool reported);
/* Whether allocation L is freed in its function: on every path, on some
   paths, not here, or unknown (the default: its pointer was stored where
   the reader does not follow it).  */
enum esc_freed { ESC_FREED_UNKNOWN, ESC_FREED_NOT_HERE, ESC_FREED_SOME,
                 ESC_FREED_ALL };
void esc_alloc_set_freed(struct esc_func *f, esc_loc_id l, enum esc_freed freed);
/* Is NAME a deallocator (the C library's or one named by free=)?  */
bool esc_unit_is_deallocator(const struct esc_unit *u, const char *name);
/* The project's own allocator, reallocator or deallocator NAME (alloc=,
   realloc=, free=) or the wrapper of key KEY (esc_unit_add_wrapper).  */
bool esc_unit_spec(const struct esc_unit *u, const char *name, uint32_t key,
                   struct esc_spec *out);
/* The function of key KEY is an allocator or deallocator wrapper
   described by SPEC (recognised by the reader, see wrappers): its calls
   read afterwards are allocations or frees.  */
void esc_unit_add_wrapper(struct esc_unit *u, uint32_t key,
                          const struct esc_spec *spec);
/* summaries=DIR (summary.c).  The unit's main input file and every file
   it read (for the staleness check); a function with external linkage,
   whose summary is written, with DECL_HASH the adapter's hash of its
   prototype; the writing itself at the end of the unit (returns the
   number of summaries that could not be written).  */
void esc_unit_set_source(struct esc_unit *u, const char *path);
/* The compiler's version: summaries written by another do not count.  */
void esc_unit_set_compiler(struct esc_unit *u, const char *version);
void esc_unit_add_file(struct esc_unit *u, const char *path);
void esc_func_set_export(struct esc_func *f, uint64_t decl_hash);
unsigned esc_unit_write_summaries(struct esc_unit *u);
/* The allocator/deallocator spec another file's summary gives NAME
   (declared here with DECL_HASH).  */
bool esc_unit_foreign_spec(struct esc_unit *u, const char *name,
                           uint64_t decl_hash, struct esc_spec *out);
/* The I-th summary looked up (NAME, the unit that wrote it, and why it
   was not used or NULL; NAME is NULL when no unit file defines it);
   returns how many there are (0: I is past).  */
size_t esc_unit_foreign_notes(const struct esc_unit *u, unsigned i,
                              const char **name, const char **from,
                              const char **stale);

struct esc_tag;
/* The parameter tags of the solved function of key KEY (its summary):
   *NPARAMS tags, then the static chain's; false while it is not solved.  */
bool esc_unit_tags(const struct esc_unit *u, uint32_t key, unsigned *nparams,
                   const struct esc_tag **tags);

/* L (a pointer) is dereferenced at loop depth DEPTH, at POS; CARRIED: L
   is a value carried around a loop (a phi in its header).  A local of a
   loop whose address reaches L is then read after its iteration ended
   when L lives outside that loop and is dereferenced outside it, or is
   carried into the next iteration and dereferenced there.  */
void esc_loc_set_deref(struct esc_func *f, esc_loc_id l, int depth,
                       esc_pos pos, bool carried);

/* Caller-chosen tag of a location (the adapter's tree), returned with
   verdicts.  */
void esc_loc_set_cookie(struct esc_func *f, esc_loc_id l, void *cookie);

/* dst <- src with DEREFS (-1 address-of, 0 copy, +N loads).  */
void esc_flow(struct esc_func *f, esc_loc_id dst, esc_loc_id src, int derefs,
              enum esc_why why, esc_pos pos);

/* The same, for a store that the adapter found overwritten (or possibly
   restored) on every path before the stored object dies: Go's walk
   follows it (-m verdicts do not change), the warnings do not.  */
void esc_flow_transient(struct esc_func *f, esc_loc_id dst, esc_loc_id src,
                        int derefs, enum esc_why why, esc_pos pos);

/* What is stored through pointer parameter NAME (*out = v): a location
   that only the warnings see (it flows to the definite sink, and Go's
   walks never start from it).  Flows into it use ESC_WHY_OUT_PARAM.  */
esc_loc_id esc_out_param_new(struct esc_func *f, const char *name, esc_pos pos);

/* L's address is used at POS after the scope that declared L ended (the
   first such use the adapter saw is kept): a warning, whether or not L
   escapes.  */
void esc_loc_set_scope_use(struct esc_func *f, esc_loc_id l, esc_pos pos);

/* Calls.  Arguments are locations the adapter made for each pointer
   argument (ESC_NONE for arguments that hold no pointer).  */
enum {
  ESC_ARG_OPAQUE = 1,       /* passed as void * or pointer to incomplete */
  ESC_ARG_CONSTANT = 2,     /* CST holds its integer value */
  /* 4 was ESC_ARG_FLAT, "points to memory that holds no pointer": not
     sound in C, where any bytes may hold one (docs/semantics.md).  */
  /* What GCC knows of a builtin without a model (its EAF flags): */
  ESC_ARG_NOESCAPE = 8,     /* neither it nor what it points to escapes */
  ESC_ARG_CONTENT_ONLY = 16,/* it does not escape, its content may */
  ESC_ARG_RETURNED = 32,    /* returned by the call */
  ESC_ARG_CONTEXT = 64,     /* the void * context of a function passed in
                               the same call: captured by that closure */
  ESC_ARG_FREED = 128,      /* the call deallocates it */
  ESC_ARG_INTEGER = 256     /* of an integer type (a size argument) */
};
struct esc_arg {
  esc_loc_id loc;
  unsigned flags;
  long long cst;
  const char *text;         /* for messages: "400000", "n", "..." */
};

enum {
  ESC_CALL_INDIRECT = 1,    /* through a function pointer */
  ESC_CALL_HAS_BODY = 2,    /* callee defined in this unit */
  ESC_CALL_MALLOC_ATTR = 4, /* callee declared __attribute__((malloc)) */
  ESC_CALL_VARARGS = 8,     /* arguments beyond the prototype exist */
  ESC_CALL_GLOBALS_RESTORED = 16 /* on every path from the call to a
                               return a global may be stored again: what
                               the callee keeps in a global (its summary)
                               may be gone when the caller's locals die */
};
struct esc_call {
  const char *callee;       /* name, NULL when indirect */
  uint32_t callee_key;      /* key of the callee's function, 0 if none */
  unsigned flags;
  unsigned nparams;         /* parameters in the callee's prototype */
  esc_loc_id result;        /* location receiving the value, or ESC_NONE */
  esc_loc_id chain;         /* static chain argument, or ESC_NONE */
  unsigned nargs;
  const struct esc_arg *args;
  esc_pos pos;
  int loop_depth;
  uint64_t decl_hash;       /* the callee's prototype (summaries=) */
  int size_arg[2];          /* alloc_size attribute arguments, -1 if none */
  const char *context_of;   /* a function passed along with its context
                               (void *) argument: the C closure idiom */
};
/* Record a call.  An allocation call (see model.c) makes a new ALLOC
   location, returned; otherwise ESC_NONE.  CALL and its arguments are
   read during the call only.  */
esc_loc_id esc_call(struct esc_func *f, const struct esc_call *call);

/* Nested function NAME whose address is taken: returns the location of
   its value (the adjusted trampoline); FRAME is the location of the
   parent's frame object holding the captured variables; LOOP_DEPTH where
   the closure is made (a closure made in a loop and kept outside it
   escapes, as in Go).  */
esc_loc_id esc_closure_new(struct esc_func *f, const char *name,
                           esc_pos pos, esc_loc_id frame, void *cookie,
                           int loop_depth);

/* Finish reading F.  The unit solves it (and everything waiting on it) as
   soon as all its callees are summarised.  */
void esc_func_end(struct esc_func *f);
/* Drop F without analysing it (unreadable function).  */
void esc_func_abandon(struct esc_func *f);

/* Solve everything still waiting (recursive cycles, callees never seen).
   Call once at the end of the unit, before reading the verdicts.  */
void esc_unit_finish(struct esc_unit *u);

/* ------------------------------------------------------------ verdicts */

enum esc_verdict_kind {
  ESC_V_WARN_ADDR,         /* address of local escapes for sure (warning) */
  ESC_V_CANDIDATE,         /* allocation: stack promotion candidate */
  ESC_V_MOVED_TO_HEAP,     /* -m: moved to heap: NAME */
  ESC_V_ALLOC_ESCAPES,     /* -m: EXPR escapes to heap */
  ESC_V_PARAM_LEAK,        /* -m: leaking param: NAME */
  ESC_V_PARAM_CONTENT,     /* -m: leaking param content: NAME */
  ESC_V_PARAM_RESULT,      /* -m: leaking param: NAME to result ~r0 level=N */
  ESC_V_PARAM_NOESCAPE,    /* -m: NAME does not escape */
  ESC_V_CLOSURE_ESCAPES,   /* -m: nested function 'NAME' escapes to heap */
  ESC_V_CLOSURE_NOESCAPE   /* -m: nested function 'NAME' does not escape */
};

/* One step of a flow path, Go's "flow: dst = &src" with its edge.  */
struct esc_step {
  const char *dst, *src;     /* user names; temporaries collapsed */
  int derefs;
  enum esc_why why;
  esc_pos pos;
  const char *callee;        /* a call step: the function called, or NULL */
};

struct esc_verdict {
  enum esc_verdict_kind kind;
  esc_pos pos;            /* where it is reported */
  esc_pos decl_pos;       /* declaration of the variable (warnings) */
  esc_pos fn_pos;         /* the function it belongs to */
  const char *name;       /* variable, parameter, allocation expression */
  const char *reason;     /* why it escapes, or NULL */
  const char *function;   /* name of the function */
  void *cookie;           /* the location's cookie */
  void *fn_cookie;        /* the function's cookie */
  int level;              /* PARAM_RESULT level; CANDIDATE size (the
                             stack buffer's when VARIABLE) */
  bool variable;          /* CANDIDATE: size known at run time only: a
                             stack buffer of LEVEL bytes, used when the
                             size fits, the heap otherwise (Go 1.25) */
  enum esc_freed freed;   /* CANDIDATE: freed here on every/some path */
  unsigned nsteps;        /* -m=2 flow path, root last */
  const struct esc_step *steps;
  uint64_t seq;           /* creation order, for stable sorting */
  const char *foreign;    /* rests on the summary of this function from
                             another file (summaries=): never verified, so
                             nothing may change code on this verdict */
  /* Allocations (CANDIDATE, ALLOC_ESCAPES): the ordinal of the allocation
     among its function's, in the order the reader made them.  */
  unsigned site;
  /* CANDIDATE with promote: enum esc_promote, what became of it.  */
  uint8_t promote;
};

/* All verdicts in a stable order: by function, then creation.  The
   array, the steps and the strings are the unit's (until esc_unit_free);
   more verdicts may move the array, so read it after esc_unit_finish.  */
size_t esc_unit_verdicts(const struct esc_unit *u,
                         const struct esc_verdict **out);

/* The verdict table (rules.c): each kind's rule -- the SARIF rule, its
   level and descriptions -- and its message.  Several kinds share a
   rule (the three leaking-param messages).  Static data.  */
struct esc_rule {
  const char *id;            /* "escape/dangling-address" */
  const char *name;          /* "DanglingAddress" */
  const char *level;         /* SARIF level: "warning" or "note" */
  const char *short_text;    /* shortDescription */
  const char *full_text;     /* fullDescription */
  const char *help;          /* help: what to do about it */
};
extern const struct esc_rule esc_rules[];   /* in SARIF's rule order */
extern const unsigned esc_nrules;
const struct esc_rule *esc_verdict_rule(enum esc_verdict_kind kind);
/* The message of V, as snprintf into BUF of LEN bytes, with NAME in
   place of V's own name when not NULL (a variable captured in a nested
   function's frame).  */
int esc_verdict_text(const struct esc_verdict *v, const char *name,
                     char *buf, size_t len);

struct esc_stats {
  unsigned functions, allocations, escaping, candidates, warnings;
};
void esc_unit_stats(const struct esc_unit *u, struct esc_stats *out);

/* ------------------------------------------------------------ promote */

/* What the promote argument did with a stack promotion candidate
   (promote.c).  The core sets the first three when it emits the verdict;
   the adapter, which rewrites, replaces PENDING with the outcome.  */
enum esc_promote {
  ESC_PROMOTE_OFF,          /* promote not asked for */
  ESC_PROMOTE_PENDING,      /* final when its function's pass ran: the
                               adapter decides (esc_promote_decide) */
  ESC_PROMOTE_RECURSIVE,    /* its function is in a recursive cycle */
  ESC_PROMOTE_NOT_FINAL,    /* solved after its function's pass ran
                               (callees read later or never) */
  ESC_PROMOTED,             /* rewritten into a stack object */
  ESC_PROMOTE_TOO_LARGE,    /* larger than promote-max (or size 0) */
  ESC_PROMOTE_FRAME,        /* the frame budget (promote-frame) is spent */
  ESC_PROMOTE_ALLOCA,       /* the function uses alloca or a VLA */
  ESC_PROMOTE_SETJMP,       /* the function calls setjmp */
  ESC_PROMOTE_CARRIED,      /* in a loop, its value reaches the next
                               iteration */
  ESC_PROMOTE_STORED,       /* its value is stored in memory, where the
                               adapter does not follow it */
  ESC_PROMOTE_FREED_OTHER,  /* a free= deallocator may receive it with
                               another object */
  ESC_PROMOTE_FOREIGN,      /* its verdict rests on a summary from another
                               file (summaries=), which may be stale */
  ESC_PROMOTE_UNREADABLE,   /* the adapter could not rewrite the call */
  ESC_PROMOTE_VARIABLE,     /* a variable-size candidate (var-buffer)
                               whose size the adapter cannot test at run
                               time (a size argument wider than size_t) */
  ESC_PROMOTE_COUNT
};

/* What the adapter knows of one candidate site.  */
struct esc_promote_site {
  long long size;           /* bytes (the stack buffer's when VARIABLE);
                               <= 0 when not known */
  bool variable;            /* a var-buffer candidate: the buffer when the
                               size fits, the allocator otherwise */
  bool size_untestable;     /* VARIABLE: the size cannot be tested */
  bool alloca_in_func;      /* calls alloca / has a VLA */
  bool setjmp_in_func;      /* calls setjmp (returns twice) */
  bool in_loop;             /* the allocation is inside a loop */
  bool carried;             /* its value reaches a phi of a loop header
                               of a loop the allocation is in */
  bool stored;              /* its value is stored in memory */
  bool custom_free_mixed;   /* a free= call may receive it or another
                               object (no runtime guard for those) */
};

/* Decide about one site whose verdict is PENDING.  *FRAME_USED is what
   promotion already added to the frame; it grows by the site's size when
   the answer is ESC_PROMOTED.  */
enum esc_promote esc_promote_decide(const struct esc_config *cfg,
                                    const struct esc_promote_site *site,
                                    long long *frame_used);
/* "promoted to stack", "not promoted: too large", ...  */
const char *esc_promote_text(enum esc_promote p);
/* Record the adapter's outcome for verdict INDEX (of esc_unit_verdicts). */
void esc_unit_set_promote(struct esc_unit *u, size_t index,
                          enum esc_promote p);

/* ------------------------------------------------------------ model */

enum esc_model_kind {
  ESC_MODEL_PLAIN,      /* an ordinary function with per-param tags */
  ESC_MODEL_ALLOC,      /* returns a new allocation */
  ESC_MODEL_REALLOC,    /* realloc: new allocation, arg 0 consumed */
  ESC_MODEL_FREE,       /* deallocator */
  ESC_MODEL_ALLOC_OUT   /* stores a new allocation through argument 0
                           (posix_memalign); the adapter does the store */
};

/* Tag of one parameter: where its value (level 0) or the values it points
   to (level 1) go.  */
struct esc_tag {
  uint8_t heap;    /* ESC_NO_LEAK or derefs */
  uint8_t result;  /* ESC_NO_LEAK or derefs */
  uint8_t global;  /* ESC_NO_LEAK or derefs: kept where it surely outlives */
  bool freed;      /* the function deallocates it (summaries only) */
  bool fuzzy;      /* its flow to the result or a global reads a field on
                      the way (field-insensitive): never a certain escape */
};

struct esc_model {
  const char *name;
  enum esc_model_kind kind;
  /* ALLOC: size = arg[size0] (* arg[size1] if size1 >= 0); align arg */
  int size0, size1, align;
  /* Per-parameter tags, one character each: '-' does not escape,
     'h' leaks to heap, 'c' content leaks to heap, 'r' leaks to result,
     'g' kept in global state (a certain escape: setvbuf, putenv).  The
     last character repeats for variadic arguments.  */
  const char *tags;
};

/* The library function NAME, or NULL.  */
const struct esc_model *esc_model_lookup(const char *name);
/* Tag of argument I under model M.  */
struct esc_tag esc_model_tag(const struct esc_model *m, unsigned i);
/* The letter of parameter I in M's tags (model.c): 's', 'v', 'p' and
   'd' describe copies, which the adapter reads.  */
char esc_model_letter(const struct esc_model *m, unsigned i);

/* ------------------------------------------------------------ SARIF */

struct esc_sarif_location {
  const char *file;
  int line, column;          /* 0 when unknown */
  const char *message;       /* or NULL */
};
struct esc_sarif_result {
  const char *rule;          /* "escape/dangling-address", ... */
  const char *level;         /* NULL: the rule's; "error" for error=KIND */
  const char *message;
  struct esc_sarif_location where;
  const struct esc_sarif_location *related;   /* "declared here" */
  unsigned nrelated;
  const struct esc_sarif_location *flow;      /* -m=2 steps: a code flow */
  unsigned nflow;
};
struct esc_sarif;
/* The log is the caller's: esc_sarif_free.  */
struct esc_sarif *esc_sarif_new(void);
/* Add a result (copied); false for an unknown rule.  */
bool esc_sarif_add(struct esc_sarif *s, const struct esc_sarif_result *r);
unsigned esc_sarif_count(const struct esc_sarif *s);
/* Index of rule ID, or -1.  */
int esc_sarif_rule(const char *id);
/* Can the log PATH be written (PATH.d created, its lock taken)?  False
   with errno set.  Called at plugin init, before any analysis.  */
bool esc_sarif_check(const char *path);
/* Write the results of SOURCE (the unit's main file) as its fragment in
   PATH.d/ and rewrite PATH from every fragment there: one log per build
   (sarif.c).  False with errno set on failure.  */
bool esc_sarif_write(const struct esc_sarif *s, const char *path,
                     const char *version, const char *source);
void esc_sarif_free(struct esc_sarif *s);

/* ------------------------------------------------------------ strings */

/* A growable string: S is the owner's, freed with esc_sb_free.  */
struct esc_strbuf {
  char *s;
  size_t len, cap;
};
void esc_sb_putc(struct esc_strbuf *b, char c);
void esc_sb_puts(struct esc_strbuf *b, const char *s);
void esc_sb_printf(struct esc_strbuf *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void esc_sb_free(struct esc_strbuf *b);

#ifdef __cplusplus
}
#endif

#endif /* ESCAPE_H */
