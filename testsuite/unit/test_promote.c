/* Unit tests of promote's core side: the arguments, which candidates the
   core hands the adapter as final (PENDING) and which it refuses itself
   (recursive, not final when the pass ran), the decision table
   (esc_promote_decide) with its frame budget, and the messages.  */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "helpers.h"

Suite *promote_suite(void);

static struct esc_unit *promote_unit(void)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  cfg.promote = true;
  return esc_unit_new(&cfg);
}

/* p = malloc(16); free(p) in F (key KEY), calling CALLEE (0: none).  */
static struct esc_func *alloc_fn(struct esc_unit *u, const char *name,
                                 uint32_t key, uint32_t callee)
{
  struct esc_func *f = esc_func_begin(u, key, name, 1);
  esc_loc_id p = esc_loc_new(f, ESC_LOC_TEMP, NULL, 1, 0);
  struct esc_arg a = {ESC_NONE, ESC_ARG_CONSTANT, 16, "16"};
  struct esc_call c = {.callee = "malloc", .nparams = 1, .result = p,
                       .chain = ESC_NONE, .nargs = 1, .args = &a, .pos = 9,
                       .size_arg = {-1, -1}};
  esc_call(f, &c);
  struct esc_arg fa = {p, ESC_ARG_NOESCAPE | ESC_ARG_FREED, 0, "p"};
  struct esc_call fc = {.callee = "free", .nparams = 1, .result = ESC_NONE,
                        .chain = ESC_NONE, .nargs = 1, .args = &fa, .pos = 10,
                        .size_arg = {-1, -1}};
  esc_call(f, &fc);
  if (callee) {
    struct esc_call cc = {.callee = "g", .callee_key = callee,
                          .flags = ESC_CALL_HAS_BODY, .result = ESC_NONE,
                          .chain = ESC_NONE, .pos = 11, .size_arg = {-1, -1}};
    esc_call(f, &cc);
  }
  return f;
}

static const struct esc_verdict *candidate_of(struct esc_unit *u,
                                              const char *fn)
{
  const struct esc_verdict *v;
  size_t n = esc_unit_verdicts(u, &v);
  for (size_t i = 0; i < n; i++)
    if (v[i].kind == ESC_V_CANDIDATE && strcmp(v[i].function, fn) == 0)
      return &v[i];
  return NULL;
}

START_TEST(promote_arguments)
{
  struct esc_config cfg;
  char err[200];
  esc_config_init(&cfg);
  ck_assert(!cfg.promote);
  ck_assert_int_eq(cfg.promote_max, 1024);
  ck_assert_int_eq(cfg.promote_frame, 4096);
  ck_assert(esc_config_set(&cfg, "promote", NULL, err, sizeof err));
  ck_assert(cfg.promote);
  ck_assert(esc_config_set(&cfg, "promote-max", "64", err, sizeof err));
  ck_assert(esc_config_set(&cfg, "promote-frame", "128", err, sizeof err));
  ck_assert_int_eq(cfg.promote_max, 64);
  ck_assert_int_eq(cfg.promote_frame, 128);
  ck_assert(!esc_config_set(&cfg, "promote", "1", err, sizeof err));
  ck_assert(!esc_config_set(&cfg, "promote-max", "-1", err, sizeof err));
  esc_config_release(&cfg);
}
END_TEST

START_TEST(off_by_default)
{
  struct esc_unit *u = new_unit(0);
  esc_func_end(alloc_fn(u, "f", 1, 0));
  const struct esc_verdict *v = candidate_of(u, "f");
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->promote, ESC_PROMOTE_OFF);
  char buf[200];
  esc_verdict_text(v, NULL, buf, sizeof buf);
  ck_assert_str_eq(buf, "malloc(16) does not escape: stack promotion candidate");
  esc_unit_free(u);
}
END_TEST

START_TEST(final_when_solved_at_its_end)
{
  struct esc_unit *u = promote_unit();
  esc_func_end(alloc_fn(u, "f", 1, 0));
  const struct esc_verdict *v = candidate_of(u, "f");
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->promote, ESC_PROMOTE_PENDING);
  ck_assert_uint_eq(v->site, 0);
  esc_unit_free(u);
}
END_TEST

START_TEST(caller_before_callee_is_not_final)
{
  struct esc_unit *u = promote_unit();
  esc_func_end(alloc_fn(u, "f", 1, 2));        /* waits for g */
  ck_assert_ptr_null(candidate_of(u, "f"));
  struct esc_func *g = esc_func_begin(u, 2, "g", 1);
  esc_func_end(g);                             /* f is solved now */
  const struct esc_verdict *v = candidate_of(u, "f");
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->promote, ESC_PROMOTE_NOT_FINAL);
  esc_unit_free(u);
}
END_TEST

START_TEST(never_read_callee_is_not_final)
{
  struct esc_unit *u = promote_unit();
  esc_func_end(alloc_fn(u, "f", 1, 9));
  esc_unit_finish(u);
  const struct esc_verdict *v = candidate_of(u, "f");
  /* the callee is unknown code, but p is not passed to it */
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->promote, ESC_PROMOTE_NOT_FINAL);
  esc_unit_free(u);
}
END_TEST

START_TEST(recursion_is_refused)
{
  struct esc_unit *u = promote_unit();
  esc_func_end(alloc_fn(u, "self", 1, 1));     /* calls itself */
  const struct esc_verdict *v = candidate_of(u, "self");
  ck_assert_ptr_nonnull(v);
  ck_assert_int_eq(v->promote, ESC_PROMOTE_RECURSIVE);
  esc_func_end(alloc_fn(u, "a", 2, 3));        /* a <-> b */
  esc_func_end(alloc_fn(u, "b", 3, 2));
  ck_assert_int_eq(candidate_of(u, "a")->promote, ESC_PROMOTE_RECURSIVE);
  ck_assert_int_eq(candidate_of(u, "b")->promote, ESC_PROMOTE_RECURSIVE);
  esc_unit_free(u);
}
END_TEST

START_TEST(decision_table_and_frame_budget)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  long long frame = 0;
  struct esc_promote_site s = {.size = 1024};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTED);
  ck_assert_int_eq(frame, 1024);
  s.size = 1025;
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_TOO_LARGE);
  s.size = 0;
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_TOO_LARGE);
  s.size = 1000;
  for (int i = 0; i < 3; i++)
    ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTED);
  ck_assert_int_eq(frame, 4024);
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_FRAME);
  s.size = 72;                                 /* exactly fills 4096 */
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTED);
  frame = 0;
  s = (struct esc_promote_site){.size = 8, .alloca_in_func = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_ALLOCA);
  s = (struct esc_promote_site){.size = 8, .setjmp_in_func = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_SETJMP);
  s = (struct esc_promote_site){.size = 8, .in_loop = true, .carried = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_CARRIED);
  s = (struct esc_promote_site){.size = 8, .in_loop = true, .stored = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_STORED);
  s = (struct esc_promote_site){.size = 8, .stored = true};   /* not in a loop */
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_STORED);
  ck_assert_int_eq(frame, 0);
}
END_TEST

/* A variable-size site: its buffer is the size that counts (promote-max,
   the frame budget); a size the adapter cannot test is refused.  */
START_TEST(variable_size_decisions)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  cfg.promote = true;
  long long frame = 0;
  struct esc_promote_site s = {.size = 32, .variable = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTED);
  ck_assert_int_eq(frame, 32);
  s.size_untestable = true;
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_VARIABLE);
  ck_assert_int_eq(frame, 32);
  s = (struct esc_promote_site){.size = 2048, .variable = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_TOO_LARGE);
  s = (struct esc_promote_site){.size = 1024, .variable = true};
  for (int i = 0; i < 3; i++)
    ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTED);
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_FRAME);
  s = (struct esc_promote_site){.size = 32, .variable = true, .in_loop = true,
                                .carried = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_CARRIED);
  s = (struct esc_promote_site){.size = 32, .variable = true, .setjmp_in_func = true};
  ck_assert_int_eq(esc_promote_decide(&cfg, &s, &frame), ESC_PROMOTE_SETJMP);
  esc_config_release(&cfg);
}
END_TEST

START_TEST(messages)
{
  struct esc_verdict v = {.kind = ESC_V_CANDIDATE, .name = "malloc(64)",
                          .freed = ESC_FREED_ALL, .promote = ESC_PROMOTED};
  char buf[300];
  esc_verdict_text(&v, NULL, buf, sizeof buf);
  ck_assert_str_eq(buf, "malloc(64) does not escape: promoted to stack");
  v.promote = ESC_PROMOTE_FRAME;
  esc_verdict_text(&v, NULL, buf, sizeof buf);
  ck_assert_str_eq(buf, "malloc(64) does not escape: stack promotion candidate (freed on every path); not promoted: frame budget");
  struct esc_verdict w = {.kind = ESC_V_CANDIDATE, .name = "malloc(n)",
                          .freed = ESC_FREED_ALL, .promote = ESC_PROMOTED,
                          .variable = true, .level = 32};
  esc_verdict_text(&w, NULL, buf, sizeof buf);
  ck_assert_str_eq(buf, "malloc(n) does not escape: promoted to stack: 32-byte stack buffer with heap fallback");
  w.promote = ESC_PROMOTE_VARIABLE;
  esc_verdict_text(&w, NULL, buf, sizeof buf);
  ck_assert_str_eq(buf, "malloc(n) does not escape: stack promotion candidate for a 32-byte stack buffer with heap fallback (freed on every path); not promoted: variable size not testable at run time");
  for (int p = ESC_PROMOTE_PENDING; p < ESC_PROMOTE_COUNT; p++)
    ck_assert_ptr_nonnull(esc_promote_text((enum esc_promote)p));
  ck_assert_ptr_null(esc_promote_text(ESC_PROMOTE_OFF));
}
END_TEST

Suite *promote_suite(void)
{
  Suite *s = suite_create("escape-promote");
  TCase *t = tcase_create("promote");
  tcase_add_test(t, promote_arguments);
  tcase_add_test(t, off_by_default);
  tcase_add_test(t, final_when_solved_at_its_end);
  tcase_add_test(t, caller_before_callee_is_not_final);
  tcase_add_test(t, never_read_callee_is_not_final);
  tcase_add_test(t, recursion_is_refused);
  tcase_add_test(t, decision_table_and_frame_budget);
  tcase_add_test(t, variable_size_decisions);
  tcase_add_test(t, messages);
  suite_add_tcase(s, t);
  return s;
}
