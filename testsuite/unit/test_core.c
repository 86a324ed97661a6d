/* Unit tests of the analysis core (plain C, Check library): options,
   library model, the solver and the interprocedural summaries, on graphs
   built by hand the way the GIMPLE reader builds them.  */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "helpers.h"

const struct esc_model *esc_model_table(size_t *n);
Suite *walk_suite(void);     /* test_walk.c */
Suite *promote_suite(void);  /* test_promote.c */
Suite *summary_suite(void);  /* test_summary.c */

/* ------------------------------------------------------------ helpers */

static size_t count(struct esc_unit *u, enum esc_verdict_kind kind)
{
  const struct esc_verdict *v;
  size_t n = esc_unit_verdicts(u, &v), c = 0;
  for (size_t i = 0; i < n; i++)
    c += v[i].kind == kind;
  return c;
}

static esc_loc_id var(struct esc_func *f, const char *name)
{
  esc_loc_id l = esc_loc_new(f, ESC_LOC_VAR, name, 1, 0);
  esc_loc_set_reported(f, l, true);
  return l;
}

static esc_loc_id temp(struct esc_func *f)
{
  return esc_loc_new(f, ESC_LOC_TEMP, NULL, 1, 0);
}

/* A call to NAME with pointer arguments ARGS (ESC_NONE-terminated).  */
static esc_loc_id call(struct esc_func *f, const char *name, uint32_t key,
                       unsigned flags, esc_loc_id result,
                       const esc_loc_id *args, unsigned nargs)
{
  struct esc_arg a[8];
  memset(a, 0, sizeof a);
  for (unsigned i = 0; i < nargs; i++)
    a[i].loc = args[i];
  struct esc_call c = {.callee = name, .callee_key = key, .flags = flags,
                       .nparams = nargs, .result = result, .chain = ESC_NONE,
                       .nargs = nargs, .args = a, .pos = 7,
                       .size_arg = {-1, -1}};
  return esc_call(f, &c);
}

static esc_loc_id alloc(struct esc_func *f, const char *fn, long long size,
                        bool constant, esc_loc_id result)
{
  struct esc_arg a = {ESC_NONE, constant ? ESC_ARG_CONSTANT : ESC_ARG_INTEGER, size, "n"};
  struct esc_call c = {.callee = fn, .flags = 0, .nparams = 1,
                       .result = result, .chain = ESC_NONE, .nargs = 1,
                       .args = &a, .pos = 9, .size_arg = {-1, -1}};
  return esc_call(f, &c);
}

/* ------------------------------------------------------------ options */

START_TEST(options_defaults_and_values)
{
  struct esc_config c;
  char err[200];
  esc_config_init(&c);
  ck_assert_int_eq(c.m, 0);
  ck_assert_int_eq(c.max_stack, 65536);
  ck_assert_int_eq(c.max_var, 131072);
  ck_assert(esc_config_set(&c, "m", NULL, err, sizeof err));
  ck_assert_int_eq(c.m, 1);
  ck_assert(esc_config_set(&c, "m", "2", err, sizeof err));
  ck_assert_int_eq(c.m, 2);
  ck_assert(esc_config_set(&c, "max-stack", "100", err, sizeof err));
  ck_assert_int_eq(c.max_stack, 100);
  ck_assert(esc_config_set(&c, "stats", NULL, err, sizeof err));
  ck_assert(c.stats);
}
END_TEST

START_TEST(options_errors_name_the_argument)
{
  struct esc_config c;
  char err[200];
  esc_config_init(&c);
  ck_assert(!esc_config_set(&c, "m", "x", err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "'m'"));
  ck_assert_ptr_nonnull(strstr(err, "'x'"));
  ck_assert(!esc_config_set(&c, "max-stack", "-1", err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "max-stack"));
  ck_assert(!esc_config_set(&c, "max-stack", "12k", err, sizeof err));
  ck_assert(!esc_config_set(&c, "max-stack", NULL, err, sizeof err));
  ck_assert(!esc_config_set(&c, "max-stack", "99999999999999999999999", err, sizeof err));
  ck_assert(!esc_config_set(&c, "bogus", NULL, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "'bogus'"));
  ck_assert(!esc_config_set(&c, "help", "1", err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "help"));
  ck_assert_int_eq(c.max_stack, 65536);    /* failures change nothing */
  ck_assert_int_eq(c.m, 0);
}
END_TEST

/* ------------------------------------------------------------ model */

START_TEST(model_table_sorted_and_found)
{
  size_t n;
  const struct esc_model *t = esc_model_table(&n);
  ck_assert_uint_gt(n, 50);
  for (size_t i = 1; i < n; i++)
    ck_assert_msg(strcmp(t[i - 1].name, t[i].name) < 0, "%s before %s",
                  t[i - 1].name, t[i].name);
  for (size_t i = 0; i < n; i++)
    ck_assert_ptr_eq(esc_model_lookup(t[i].name), &t[i]);
}
END_TEST

START_TEST(model_spellings_and_tags)
{
  const struct esc_model *m = esc_model_lookup("__builtin_memcpy");
  ck_assert_ptr_nonnull(m);
  ck_assert_str_eq(m->name, "memcpy");
  ck_assert_ptr_eq(esc_model_lookup("__memcpy_chk"), m);
  ck_assert_ptr_nonnull(esc_model_lookup("__isoc99_sscanf"));
  ck_assert_ptr_null(esc_model_lookup("my_function"));
  ck_assert_ptr_null(esc_model_lookup("__builtin_"));
  struct esc_tag t = esc_model_tag(m, 0);
  ck_assert_int_eq(t.result, 0);
  ck_assert_int_eq(t.heap, ESC_NO_LEAK);
  /* memcpy's source: a copy into the destination, which the adapter
     reads ('s'); nothing for the core.  */
  t = esc_model_tag(m, 1);
  ck_assert_int_eq(t.heap, ESC_NO_LEAK);
  ck_assert_int_eq(esc_model_letter(m, 1), 's');
  ck_assert_int_eq(esc_model_letter(esc_model_lookup("bcopy"), 1), 'd');
  ck_assert_int_eq(esc_model_letter(esc_model_lookup("sprintf"), 7), 'p');
  t = esc_model_tag(esc_model_lookup("pthread_create"), 3);
  ck_assert_int_eq(t.heap, 0);
  t = esc_model_tag(esc_model_lookup("pthread_create"), 2);
  ck_assert_int_eq(t.heap, 0);             /* the thread's function */
  t = esc_model_tag(esc_model_lookup("atexit"), 0);
  ck_assert_int_eq(t.global, 0);           /* kept in global state */
  t = esc_model_tag(esc_model_lookup("qsort"), 3);
  ck_assert_int_eq(t.heap, ESC_NO_LEAK);   /* called during the call */
  ck_assert_int_eq(t.global, ESC_NO_LEAK);
  /* variadic: the last tag repeats */
  t = esc_model_tag(esc_model_lookup("printf"), 5);
  ck_assert_int_eq(t.heap, ESC_NO_LEAK);
  ck_assert_int_eq(esc_model_lookup("free")->kind, ESC_MODEL_FREE);
  ck_assert_int_eq(esc_model_lookup("calloc")->kind, ESC_MODEL_ALLOC);
}
END_TEST

/* ------------------------------------------------------------ rule 1 */

START_TEST(return_address_is_definite)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = var(f, "x"), p = temp(f);
  esc_flow(f, p, x, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, esc_func_result(f), p, 0, ESC_WHY_RETURN, 3);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_MOVED_TO_HEAP, "x"));
  const struct esc_verdict *w = find(u, ESC_V_WARN_ADDR, "x");
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->pos, 3);            /* the return statement */
  ck_assert_str_eq(w->reason, "returned from 'f'");
  esc_unit_free(u);
}
END_TEST

START_TEST(local_copies_do_not_escape)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = var(f, "x"), p = temp(f), q = temp(f), s = var(f, "s");
  esc_flow(f, p, x, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, q, p, 0, ESC_WHY_ASSIGN, 2);
  esc_flow(f, s, q, 0, ESC_WHY_ASSIGN, 2);          /* s.f = &x */
  esc_flow(f, esc_func_result(f), s, 1, ESC_WHY_RETURN, 3); /* return *s.f */
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_null(find(u, ESC_V_MOVED_TO_HEAP, "x"));
  ck_assert_uint_eq(count(u, ESC_V_WARN_ADDR), 0);
  esc_unit_free(u);
}
END_TEST

START_TEST(global_store_is_definite_heap_store_is_not)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id g = esc_loc_new(f, ESC_LOC_GLOBAL, "g", 1, 0);
  esc_loc_id a = var(f, "a"), b = var(f, "b");
  esc_flow(f, g, a, -1, ESC_WHY_GLOBAL, 4);
  esc_flow(f, esc_func_heap(f), b, -1, ESC_WHY_STORE, 5);  /* *p = &b */
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *w = find(u, ESC_V_WARN_ADDR, "a");
  ck_assert_ptr_nonnull(w);
  ck_assert_str_eq(w->reason, "stored in global 'g'");
  ck_assert_ptr_nonnull(find(u, ESC_V_MOVED_TO_HEAP, "b"));
  ck_assert_ptr_null(find(u, ESC_V_WARN_ADDR, "b"));
  esc_unit_free(u);
}
END_TEST

/* Issue 11: C lifetimes.  A transient store (undone before the return)
   keeps Go's verdict but makes no warning; two globals, two warnings; a
   store through a parameter warns; a use after the scope warns.  */
START_TEST(lifetimes_in_the_core)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id g = esc_loc_new(f, ESC_LOC_GLOBAL, "g", 1, 0);
  esc_loc_id h = esc_loc_new(f, ESC_LOC_GLOBAL, "h", 1, 0);
  esc_loc_id a = var(f, "a"), b = var(f, "b"), c = var(f, "c"), d = var(f, "d");
  esc_flow_transient(f, g, a, -1, ESC_WHY_GLOBAL, 4);   /* g = &a; ... g = 0; */
  esc_flow(f, g, b, -1, ESC_WHY_GLOBAL, 5);
  esc_flow(f, h, b, -1, ESC_WHY_GLOBAL, 6);
  esc_loc_id out = esc_out_param_new(f, "out", 1);
  esc_flow(f, esc_func_heap(f), c, -1, ESC_WHY_STORE, 7);
  esc_flow(f, out, c, -1, ESC_WHY_OUT_PARAM, 7);        /* *out = &c */
  esc_loc_set_reported(f, d, true);
  esc_loc_set_scope_use(f, d, 8);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_MOVED_TO_HEAP, "a"));
  ck_assert_ptr_null(find(u, ESC_V_WARN_ADDR, "a"));
  unsigned nb = 0;
  const struct esc_verdict *vs;
  size_t n = esc_unit_verdicts(u, &vs);
  for (size_t i = 0; i < n; i++)
    if (vs[i].kind == ESC_V_WARN_ADDR && strcmp(vs[i].name, "b") == 0)
      nb++;
  ck_assert_uint_eq(nb, 2);
  const struct esc_verdict *w = find(u, ESC_V_WARN_ADDR, "c");
  ck_assert_ptr_nonnull(w);
  ck_assert_str_eq(w->reason, "stored through parameter 'out'");
  ck_assert_ptr_null(find(u, ESC_V_MOVED_TO_HEAP, "d"));
  w = find(u, ESC_V_WARN_ADDR, "d");
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->pos, 8);
  ck_assert_str_eq(w->reason, "used after its scope ended");
  esc_unit_free(u);
}
END_TEST

START_TEST(address_behind_address_is_not_definite)
{
  /* p = &x; pp = &p; return pp; -- p dangles, x only through p. */
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = var(f, "x"), p = var(f, "p"), pp = temp(f);
  esc_flow(f, p, x, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, pp, p, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, esc_func_result(f), pp, 0, ESC_WHY_RETURN, 3);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_WARN_ADDR, "p"));
  ck_assert_ptr_null(find(u, ESC_V_WARN_ADDR, "x"));
  ck_assert_ptr_nonnull(find(u, ESC_V_MOVED_TO_HEAP, "x"));   /* as in Go */
  esc_unit_free(u);
}
END_TEST

START_TEST(loaded_address_is_definite)
{
  /* y = &z; p = &y; return *p; -- z's address is returned. */
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id z = var(f, "z"), y = var(f, "y"), p = temp(f);
  esc_flow(f, y, z, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, p, y, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, esc_func_result(f), p, 1, ESC_WHY_RETURN, 3);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_WARN_ADDR, "z"));
  ck_assert_ptr_null(find(u, ESC_V_WARN_ADDR, "y"));
  ck_assert_ptr_null(find(u, ESC_V_MOVED_TO_HEAP, "y"));
  esc_unit_free(u);
}
END_TEST

START_TEST(loop_depth_outlives)
{
  /* int *keep; for (...) { int x; keep = &x; } */
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id keep = esc_loc_new(f, ESC_LOC_VAR, "keep", 1, 0);
  esc_loc_id x = esc_loc_new(f, ESC_LOC_VAR, "x", 1, 1);
  esc_loc_id y = esc_loc_new(f, ESC_LOC_VAR, "y", 1, 1);
  esc_loc_id inner = esc_loc_new(f, ESC_LOC_VAR, "inner", 1, 1);
  esc_loc_set_reported(f, x, true);
  esc_loc_set_reported(f, y, true);
  esc_flow(f, keep, x, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, inner, y, -1, ESC_WHY_ADDR, 2);   /* same loop: fine */
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_MOVED_TO_HEAP, "x"));
  ck_assert_ptr_null(find(u, ESC_V_MOVED_TO_HEAP, "y"));
  esc_unit_free(u);
}
END_TEST

/* ------------------------------------------------------------ params */

START_TEST(param_tags)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id p = esc_param_new(f, 0, "p", 1, true);
  esc_loc_id q = esc_param_new(f, 1, "q", 1, true);
  esc_loc_id r = esc_param_new(f, 2, "r", 1, true);
  esc_loc_id s = esc_param_new(f, 3, "s", 1, true);
  esc_loc_id t = esc_param_new(f, 4, "t", 1, true);
  esc_flow(f, esc_func_result(f), p, 0, ESC_WHY_RETURN, 2);   /* return p */
  esc_flow(f, esc_func_heap(f), q, 1, ESC_WHY_STORE, 2);      /* *x = *q */
  esc_flow(f, esc_func_result(f), r, 1, ESC_WHY_RETURN, 2);   /* return *r */
  esc_flow(f, esc_func_heap(f), s, 0, ESC_WHY_STORE, 2);      /* *x = s */
  esc_flow(f, esc_func_result(f), s, 0, ESC_WHY_RETURN, 2);   /* and returned */
  (void)t;
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *v = find(u, ESC_V_PARAM_RESULT, "p");
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->level, 0);
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_CONTENT, "q"));
  v = find(u, ESC_V_PARAM_RESULT, "r");
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->level, 1);
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_LEAK, "s"));
  ck_assert_ptr_null(find(u, ESC_V_PARAM_RESULT, "s"));     /* Optimize */
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_NOESCAPE, "t"));
  esc_unit_free(u);
}
END_TEST

START_TEST(summaries_at_call_sites)
{
  /* int *id(int *p) { return p; }   void keep(int *p) { g = p; }
     caller: sink = id(&x); use(id(&y)); keep(&z); */
  struct esc_unit *u = new_unit(1);
  struct esc_func *id = esc_func_begin(u, 10, "id", 1);
  esc_loc_id p = esc_param_new(id, 0, "p", 1, true);
  esc_flow(id, esc_func_result(id), p, 0, ESC_WHY_RETURN, 2);
  esc_func_end(id);
  struct esc_func *keep = esc_func_begin(u, 11, "keep", 1);
  esc_loc_id kp = esc_param_new(keep, 0, "p", 1, true);
  esc_loc_id g = esc_loc_new(keep, ESC_LOC_GLOBAL, "g", 1, 0);
  esc_flow(keep, g, kp, 0, ESC_WHY_GLOBAL, 2);
  esc_func_end(keep);

  struct esc_func *f = esc_func_begin(u, 12, "caller", 1);
  esc_loc_id x = var(f, "x"), y = var(f, "y"), z = var(f, "z");
  esc_loc_id sink = esc_loc_new(f, ESC_LOC_GLOBAL, "sink", 1, 0);
  esc_loc_id ax = temp(f), rx = temp(f), ay = temp(f), ry = temp(f), az = temp(f);
  esc_flow(f, ax, x, -1, ESC_WHY_ADDR, 3);
  call(f, "id", 10, ESC_CALL_HAS_BODY, rx, &ax, 1);
  esc_flow(f, sink, rx, 0, ESC_WHY_GLOBAL, 3);
  esc_flow(f, ay, y, -1, ESC_WHY_ADDR, 4);
  call(f, "id", 10, ESC_CALL_HAS_BODY, ry, &ay, 1);
  esc_flow(f, az, z, -1, ESC_WHY_ADDR, 5);
  call(f, "keep", 11, ESC_CALL_HAS_BODY, ESC_NONE, &az, 1);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_WARN_ADDR, "x"));
  ck_assert_ptr_null(find(u, ESC_V_MOVED_TO_HEAP, "y"));
  const struct esc_verdict *w = find(u, ESC_V_WARN_ADDR, "z");
  ck_assert_ptr_nonnull(w);
  /* the summary carries which global keep stores into */
  ck_assert_str_eq(w->reason, "stored in global 'g' by 'keep'");
  esc_unit_free(u);
}
END_TEST

START_TEST(unknown_code_and_opaque_interfaces)
{
  struct esc_unit *u = new_unit(2);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = var(f, "x"), y = var(f, "y"), ax = temp(f), ay = temp(f);
  esc_flow(f, ax, x, -1, ESC_WHY_ADDR, 2);
  esc_flow(f, ay, y, -1, ESC_WHY_ADDR, 2);
  struct esc_arg a = {ax, ESC_ARG_OPAQUE, 0, NULL};
  struct esc_call c = {.callee = "consume", .nparams = 1, .result = ESC_NONE,
                       .chain = ESC_NONE, .nargs = 1, .args = &a, .pos = 3,
                       .size_arg = {-1, -1}};
  esc_call(f, &c);
  call(f, "strlen", 0, 0, ESC_NONE, &ay, 1);   /* modelled: no escape */
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *v = find(u, ESC_V_MOVED_TO_HEAP, "x");
  ck_assert_ptr_nonnull(v);
  /* "{temp} = &x", "{heap} = {temp}" collapse into "{heap} = &x" */
  ck_assert_uint_eq(v->nsteps, 1);
  ck_assert_int_eq(v->steps[0].why, ESC_WHY_INTERFACE);
  ck_assert_str_eq(v->steps[0].dst, "{heap}");
  ck_assert_str_eq(v->steps[0].src, "x");
  ck_assert_int_eq(v->steps[0].derefs, -1);
  ck_assert_str_eq(v->steps[0].callee, "consume");
  ck_assert_str_eq(esc_why_name(ESC_WHY_INTERFACE), "converted to opaque interface");
  ck_assert_ptr_null(find(u, ESC_V_WARN_ADDR, "x"));     /* not certain */
  ck_assert_ptr_null(find(u, ESC_V_MOVED_TO_HEAP, "y"));
  esc_unit_free(u);
}
END_TEST

START_TEST(recursive_cycle_is_one_batch)
{
  /* odd(p) { if (..) g = p; even(p); }  even(p) { odd(p); }  r(){ even(&v); } */
  struct esc_unit *u = new_unit(1);
  struct esc_func *odd = esc_func_begin(u, 20, "odd", 1);
  esc_loc_id op = esc_param_new(odd, 0, "p", 1, true);
  esc_loc_id g = esc_loc_new(odd, ESC_LOC_GLOBAL, "g", 1, 0);
  esc_flow(odd, g, op, 0, ESC_WHY_GLOBAL, 2);
  esc_loc_id oa = temp(odd);
  esc_flow(odd, oa, op, 0, ESC_WHY_ASSIGN, 2);
  call(odd, "even", 21, ESC_CALL_HAS_BODY, ESC_NONE, &oa, 1);
  esc_func_end(odd);
  ck_assert_uint_eq(count(u, ESC_V_PARAM_LEAK), 0);  /* waits for even */

  struct esc_func *even = esc_func_begin(u, 21, "even", 1);
  esc_loc_id ep = esc_param_new(even, 0, "q", 1, true);
  esc_loc_id ea = temp(even);
  esc_flow(even, ea, ep, 0, ESC_WHY_ASSIGN, 3);
  call(even, "odd", 20, ESC_CALL_HAS_BODY, ESC_NONE, &ea, 1);
  esc_func_end(even);

  struct esc_func *r = esc_func_begin(u, 22, "r", 1);
  esc_loc_id v = var(r, "v"), av = temp(r);
  esc_flow(r, av, v, -1, ESC_WHY_ADDR, 4);
  call(r, "even", 21, ESC_CALL_HAS_BODY, ESC_NONE, &av, 1);
  esc_func_end(r);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_LEAK, "p"));
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_LEAK, "q"));
  ck_assert_ptr_nonnull(find(u, ESC_V_MOVED_TO_HEAP, "v"));
  ck_assert_ptr_nonnull(find(u, ESC_V_WARN_ADDR, "v"));
  esc_unit_free(u);
}
END_TEST

START_TEST(recursion_without_leak)
{
  /* rec(p, n) { return n ? rec(p, n-1) : *p; } */
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 30, "rec", 1);
  esc_loc_id p = esc_param_new(f, 0, "p", 1, true);
  esc_loc_id a = temp(f);
  esc_flow(f, a, p, 0, ESC_WHY_ASSIGN, 2);
  call(f, "rec", 30, ESC_CALL_HAS_BODY, ESC_NONE, &a, 1);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_NOESCAPE, "p"));
  esc_unit_free(u);
}
END_TEST

START_TEST(caller_read_before_callee_is_solved_when_callee_is)
{
  /* GCC may hand us a caller before its callee: the caller waits, and is
     solved as soon as the callee is (not at the end of the unit), so its
     memory is given back early.  */
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 40, "caller", 1);
  esc_loc_id p = esc_param_new(f, 0, "p", 1, true);
  esc_loc_id a = temp(f);
  esc_flow(f, a, p, 0, ESC_WHY_ASSIGN, 2);
  call(f, "keep", 41, ESC_CALL_HAS_BODY, ESC_NONE, &a, 1);
  esc_func_end(f);
  ck_assert_ptr_null(find(u, ESC_V_PARAM_LEAK, "p"));
  struct esc_func *g = esc_func_begin(u, 41, "keep", 1);
  esc_loc_id q = esc_param_new(g, 0, "q", 1, true);
  esc_flow(g, esc_loc_new(g, ESC_LOC_GLOBAL, "g", 1, 0), q, 0, ESC_WHY_GLOBAL, 3);
  esc_func_end(g);
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_LEAK, "q"));
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_LEAK, "p"));   /* before finish */
  esc_unit_finish(u);
  ck_assert_uint_eq(count(u, ESC_V_PARAM_LEAK), 2);
  esc_unit_free(u);
}
END_TEST

START_TEST(callee_never_read_is_unknown_at_the_end)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 50, "caller", 1);
  esc_loc_id p = esc_param_new(f, 0, "p", 1, true);
  esc_loc_id a = temp(f);
  esc_flow(f, a, p, 0, ESC_WHY_ASSIGN, 2);
  call(f, "gone", 51, ESC_CALL_HAS_BODY, ESC_NONE, &a, 1);
  esc_func_end(f);
  ck_assert_ptr_null(find(u, ESC_V_PARAM_LEAK, "p"));
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_LEAK, "p"));   /* Go's rule */
  esc_unit_free(u);
}
END_TEST

/* ------------------------------------------------------------ rule 2 */

START_TEST(allocation_sizes)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id p = temp(f), q = temp(f), r = temp(f), s = temp(f);
  alloc(f, "malloc", 16, true, p);
  call(f, "free", 0, 0, ESC_NONE, &p, 1);
  alloc(f, "malloc", 65537, true, q);
  alloc(f, "malloc", 0, false, r);
  alloc(f, "malloc", 65536, true, s);
  esc_flow(f, esc_func_result(f), s, 0, ESC_WHY_RETURN, 5);
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *v = find(u, ESC_V_CANDIDATE, "malloc(16)");
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->level, 16);
  v = find(u, ESC_V_ALLOC_ESCAPES, "malloc(65537)");
  ck_assert_ptr_nonnull(v);
  ck_assert_str_eq(v->reason, "too large for stack");
  /* Go 1.25: a variable size that does not escape is a candidate for a
     small stack buffer (var-buffer=, 32 bytes) with heap fallback.  */
  v = find(u, ESC_V_CANDIDATE, "malloc(n)");
  ck_assert_ptr_nonnull(v);
  ck_assert(v->variable);
  ck_assert_int_eq(v->level, 32);
  ck_assert_ptr_nonnull(find(u, ESC_V_ALLOC_ESCAPES, "malloc(65536)"));
  struct esc_stats st;
  esc_unit_stats(u, &st);
  ck_assert_uint_eq(st.allocations, 4);
  ck_assert_uint_eq(st.escaping, 2);
  ck_assert_uint_eq(st.candidates, 2);
  ck_assert_uint_eq(st.functions, 1);
  esc_unit_free(u);
}
END_TEST

/* var-buffer=0 turns Go 1.25's rule off: a variable size escapes.  */
START_TEST(var_buffer_off)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  cfg.m = 1;
  char err[200];
  ck_assert(esc_config_set(&cfg, "var-buffer", "0", err, sizeof err));
  struct esc_unit *u = esc_unit_new(&cfg);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id r = temp(f);
  alloc(f, "malloc", 0, false, r);
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *v = find(u, ESC_V_ALLOC_ESCAPES, "malloc(n)");
  ck_assert_ptr_nonnull(v);
  ck_assert_str_eq(v->reason, "non-constant size");
  esc_unit_free(u);
  esc_config_release(&cfg);
}
END_TEST

/* alloc=, realloc=, free= with argument positions (1-based).  */
START_TEST(allocator_specs)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  char err[200];
  struct esc_spec sp;
  ck_assert(esc_config_set(&cfg, "alloc", "a,b:size2,c:count1:size2", err, sizeof err));
  ck_assert(esc_config_set(&cfg, "free", "d:ptr2", err, sizeof err));
  ck_assert(esc_config_set(&cfg, "realloc", "e", err, sizeof err));
  ck_assert(esc_config_spec(&cfg, "a", &sp));
  ck_assert_int_eq(sp.size0, 0);
  ck_assert(esc_config_spec(&cfg, "b", &sp));
  ck_assert_int_eq(sp.size0, 1);
  ck_assert(esc_config_spec(&cfg, "c", &sp));
  ck_assert_int_eq(sp.size0, 0);
  ck_assert_int_eq(sp.size1, 1);
  ck_assert(esc_config_spec(&cfg, "d", &sp));
  ck_assert_int_eq(sp.kind, ESC_SPEC_FREE);
  ck_assert_int_eq(sp.ptr, 1);
  ck_assert(esc_config_spec(&cfg, "e", &sp));
  ck_assert_int_eq(sp.kind, ESC_SPEC_REALLOC);
  ck_assert_int_eq(sp.ptr, 0);
  ck_assert_int_eq(sp.size0, 1);
  ck_assert(!esc_config_spec(&cfg, "f", &sp));
  ck_assert(!esc_config_set(&cfg, "alloc", "x:size0", err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "'alloc'"));
  ck_assert(!esc_config_set(&cfg, "alloc", "x:count1", err, sizeof err));
  ck_assert(!esc_config_set(&cfg, "free", "x:size1", err, sizeof err));
  esc_config_release(&cfg);
}
END_TEST

START_TEST(calloc_size_is_product_and_max_stack)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  cfg.max_stack = 100;
  struct esc_unit *u = esc_unit_new(&cfg);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  struct esc_arg a[2] = {{ESC_NONE, ESC_ARG_CONSTANT, 10, NULL},
                         {ESC_NONE, ESC_ARG_CONSTANT, 8, NULL}};
  struct esc_call c = {.callee = "calloc", .nparams = 2, .result = ESC_NONE,
                       .chain = ESC_NONE, .nargs = 2, .args = a, .pos = 3,
                       .size_arg = {-1, -1}};
  esc_call(f, &c);
  a[1].cst = 10;
  esc_call(f, &c);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_CANDIDATE, "calloc(10, 8)"));
  ck_assert_ptr_nonnull(find(u, ESC_V_CANDIDATE, "calloc(10, 10)"));
  esc_unit_free(u);

  cfg.max_stack = 99;
  cfg.m = 1;
  u = esc_unit_new(&cfg);
  f = esc_func_begin(u, 1, "f", 1);
  esc_call(f, &c);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_ALLOC_ESCAPES, "calloc(10, 10)"));
  esc_unit_free(u);
}
END_TEST

START_TEST(realloc_consumes_its_argument)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id p = temp(f), q = temp(f);
  alloc(f, "malloc", 16, true, p);
  struct esc_arg a[2] = {{p, 0, 0, NULL}, {ESC_NONE, ESC_ARG_CONSTANT, 32, NULL}};
  struct esc_call c = {.callee = "realloc", .nparams = 2, .result = q,
                       .chain = ESC_NONE, .nargs = 2, .args = a, .pos = 3,
                       .size_arg = {-1, -1}};
  esc_call(f, &c);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_ALLOC_ESCAPES, "malloc(16)"));
  ck_assert_ptr_nonnull(find(u, ESC_V_CANDIDATE, "realloc(..., 32)"));
  esc_unit_free(u);
}
END_TEST

/* ------------------------------------------------------------ rule 4 */

START_TEST(closure_takes_its_frame)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "outer", 1);
  esc_loc_id frame = var(f, "FRAME.0");
  esc_loc_id gf = esc_loc_new(f, ESC_LOC_GLOBAL, "gf", 1, 0);
  esc_loc_id c1 = esc_closure_new(f, "next", 2, frame, NULL, 0);
  esc_loc_id c2 = esc_closure_new(f, "add", 3, frame, NULL, 0);
  esc_loc_id t = temp(f);
  esc_flow(f, t, c1, 0, ESC_WHY_ASSIGN, 4);
  esc_flow(f, gf, t, 0, ESC_WHY_GLOBAL, 4);
  (void)c2;
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_CLOSURE_ESCAPES, "next"));
  ck_assert_ptr_nonnull(find(u, ESC_V_CLOSURE_NOESCAPE, "add"));
  const struct esc_verdict *w = find(u, ESC_V_WARN_ADDR, "FRAME.0");
  ck_assert_ptr_nonnull(w);
  ck_assert_str_eq(w->reason, "captured by escaping nested function 'next'");
  ck_assert_uint_eq(w->pos, 4);
  esc_unit_free(u);
}
END_TEST

START_TEST(verdicts_without_m)
{
  /* Without -m only warnings and candidates are produced.  */
  struct esc_unit *u = new_unit(0);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = var(f, "x"), p = esc_param_new(f, 0, "p", 1, true), t = temp(f);
  esc_flow(f, esc_func_heap(f), x, -1, ESC_WHY_STORE, 2);
  esc_flow(f, esc_func_result(f), p, 0, ESC_WHY_RETURN, 2);
  alloc(f, "malloc", 8, true, t);
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *v;
  size_t n = esc_unit_verdicts(u, &v);
  ck_assert_uint_eq(n, 1);
  ck_assert_int_eq(v[0].kind, ESC_V_CANDIDATE);
  esc_unit_free(u);
}
END_TEST

START_TEST(big_chain_is_linear)
{
  /* 200000 copies in a chain ending in the result: must finish fast and
     find the first variable.  */
  struct esc_unit *u = new_unit(0);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = var(f, "x"), prev = temp(f);
  esc_flow(f, prev, x, -1, ESC_WHY_ADDR, 2);
  for (int i = 0; i < 200000; i++) {
    esc_loc_id t = temp(f);
    esc_flow(f, t, prev, 0, ESC_WHY_ASSIGN, 2);
    prev = t;
  }
  esc_flow(f, esc_func_result(f), prev, 0, ESC_WHY_RETURN, 3);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_WARN_ADDR, "x"));
  esc_unit_free(u);
}
END_TEST

static Suite *core_suite(void)
{
  Suite *s = suite_create("escape-core");
  TCase *t = tcase_create("core");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, options_defaults_and_values);
  tcase_add_test(t, options_errors_name_the_argument);
  tcase_add_test(t, model_table_sorted_and_found);
  tcase_add_test(t, model_spellings_and_tags);
  tcase_add_test(t, return_address_is_definite);
  tcase_add_test(t, lifetimes_in_the_core);
  tcase_add_test(t, local_copies_do_not_escape);
  tcase_add_test(t, global_store_is_definite_heap_store_is_not);
  tcase_add_test(t, address_behind_address_is_not_definite);
  tcase_add_test(t, loaded_address_is_definite);
  tcase_add_test(t, loop_depth_outlives);
  tcase_add_test(t, param_tags);
  tcase_add_test(t, summaries_at_call_sites);
  tcase_add_test(t, unknown_code_and_opaque_interfaces);
  tcase_add_test(t, recursive_cycle_is_one_batch);
  tcase_add_test(t, recursion_without_leak);
  tcase_add_test(t, caller_read_before_callee_is_solved_when_callee_is);
  tcase_add_test(t, callee_never_read_is_unknown_at_the_end);
  tcase_add_test(t, allocation_sizes);
  tcase_add_test(t, var_buffer_off);
  tcase_add_test(t, allocator_specs);
  tcase_add_test(t, calloc_size_is_product_and_max_stack);
  tcase_add_test(t, realloc_consumes_its_argument);
  tcase_add_test(t, closure_takes_its_frame);
  tcase_add_test(t, verdicts_without_m);
  tcase_add_test(t, big_chain_is_linear);
  suite_add_tcase(s, t);
  return s;
}

int main(void)
{
  SRunner *r = srunner_create(core_suite());
  srunner_add_suite(r, walk_suite());
  srunner_add_suite(r, promote_suite());
  srunner_add_suite(r, summary_suite());
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
