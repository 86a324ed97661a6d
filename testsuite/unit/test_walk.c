/* Unit tests of the solver's one walk (its three uses and the path it
   explains) and of the pass dump (esc_unit_set_dump).  */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "helpers.h"

Suite *walk_suite(void);

static esc_loc_id local(struct esc_func *f, const char *name)
{
  esc_loc_id l = esc_loc_new(f, ESC_LOC_VAR, name, 1, 0);
  esc_loc_set_reported(f, l, true);
  return l;
}

/* ------------------------------------------------------------ walk */

/* x = &x; return x: the walk records x as reached from itself; the
   explanation ends after the step that closes the cycle (Go's
   explainPath), the warning names the statement.  */
START_TEST(path_stops_on_a_cycle)
{
  struct esc_unit *u = new_unit(2);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = local(f, "x");
  esc_flow(f, x, x, -1, ESC_WHY_ADDR, 5);
  esc_flow(f, esc_func_result(f), x, 0, ESC_WHY_RETURN, 6);
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *m = find(u, ESC_V_MOVED_TO_HEAP, "x");
  ck_assert_ptr_nonnull(m);
  ck_assert_uint_eq(m->nsteps, 1);
  ck_assert_str_eq(m->steps[0].dst, "x");
  ck_assert_str_eq(m->steps[0].src, "x");
  const struct esc_verdict *w = find(u, ESC_V_WARN_ADDR, "x");
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->pos, 5);
  esc_unit_free(u);
}
END_TEST

/* t = &x; return t: the path runs from x to the root, one step an edge,
   with the edge's derefs, reason and position.  */
START_TEST(path_follows_the_walk_to_its_root)
{
  struct esc_unit *u = new_unit(2);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = local(f, "x");
  esc_loc_id t = esc_loc_new(f, ESC_LOC_VAR, "t", 1, 0);
  esc_flow(f, t, x, -1, ESC_WHY_ADDR, 5);
  esc_flow(f, esc_func_result(f), t, 0, ESC_WHY_RETURN, 6);
  esc_func_end(f);
  esc_unit_finish(u);
  const struct esc_verdict *m = find(u, ESC_V_MOVED_TO_HEAP, "x");
  ck_assert_ptr_nonnull(m);
  ck_assert_uint_eq(m->nsteps, 2);
  ck_assert_str_eq(m->steps[0].dst, "t");
  ck_assert_str_eq(m->steps[0].src, "x");
  ck_assert_int_eq(m->steps[0].derefs, -1);
  ck_assert_int_eq(m->steps[0].why, ESC_WHY_ADDR);
  ck_assert_str_eq(m->steps[1].dst, "~r0");
  ck_assert_str_eq(m->steps[1].src, "t");
  ck_assert_uint_eq(m->steps[1].pos, 6);
  const struct esc_verdict *w = find(u, ESC_V_WARN_ADDR, "x");
  ck_assert_ptr_nonnull(w);
  ck_assert_str_eq(w->reason, "returned from 'f'");
  ck_assert_uint_eq(w->pos, 6);
  esc_unit_free(u);
}
END_TEST

/* The freed walk: a parameter passed to free() unchanged is freed, so a
   caller's allocation passed there cannot go on its stack.  */
START_TEST(freed_walk_marks_the_parameter)
{
  struct esc_unit *u = new_unit(1);
  struct esc_func *f = esc_func_begin(u, 1, "release", 1);
  esc_loc_id p = esc_param_new(f, 0, "p", 1, true);
  struct esc_arg a = {p, 0, 0, "p"};
  struct esc_call c = {.callee = "free", .nparams = 1, .result = ESC_NONE,
                       .chain = ESC_NONE, .nargs = 1, .args = &a, .pos = 2,
                       .size_arg = {-1, -1}};
  esc_call(f, &c);
  esc_func_end(f);
  ck_assert_ptr_nonnull(find(u, ESC_V_PARAM_NOESCAPE, "p"));

  struct esc_func *g = esc_func_begin(u, 2, "g", 3);
  esc_loc_id t = esc_loc_new(g, ESC_LOC_TEMP, NULL, 4, 0);
  struct esc_arg size = {ESC_NONE, ESC_ARG_CONSTANT, 16, "16"};
  struct esc_call m = {.callee = "malloc", .nparams = 1, .result = t,
                       .chain = ESC_NONE, .nargs = 1, .args = &size,
                       .pos = 4, .size_arg = {-1, -1}};
  esc_call(g, &m);
  struct esc_arg b = {t, 0, 0, "t"};
  struct esc_call r = {.callee = "release", .callee_key = 1,
                       .flags = ESC_CALL_HAS_BODY, .nparams = 1,
                       .result = ESC_NONE, .chain = ESC_NONE, .nargs = 1,
                       .args = &b, .pos = 5, .size_arg = {-1, -1}};
  esc_call(g, &r);
  esc_func_end(g);
  esc_unit_finish(u);
  ck_assert_ptr_null(find(u, ESC_V_CANDIDATE, "malloc(16)"));
  ck_assert_ptr_nonnull(find(u, ESC_V_ALLOC_ESCAPES, "malloc(16)"));
  esc_unit_free(u);
}
END_TEST

/* ------------------------------------------------------------ dump */

static char *slurp(FILE *f)
{
  long n = ftell(f);
  char *s = calloc(1, (size_t)n + 1);
  rewind(f);
  ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
  return s;
}

/* id(p) returns p; f stores the address of its x through id in a
   global: the dump shows both graphs, the decisions and the summaries.  */
START_TEST(dump_shows_graph_decisions_and_summary)
{
  FILE *out = tmpfile();
  ck_assert_ptr_nonnull(out);
  struct esc_unit *u = new_unit(0);
  esc_unit_set_dump(u, out);

  struct esc_func *id = esc_func_begin(u, 1, "id", 1);
  esc_loc_id p = esc_param_new(id, 0, "p", 1, true);
  esc_flow(id, esc_func_result(id), p, 0, ESC_WHY_RETURN, 2);
  esc_func_end(id);

  struct esc_func *f = esc_func_begin(u, 2, "f", 3);
  esc_loc_id x = local(f, "x");
  esc_loc_id arg = esc_loc_new(f, ESC_LOC_TEMP, NULL, 4, 0);
  esc_loc_id res = esc_loc_new(f, ESC_LOC_TEMP, NULL, 4, 0);
  esc_loc_id g = esc_loc_new(f, ESC_LOC_GLOBAL, "g", 4, 0);
  esc_flow(f, arg, x, -1, ESC_WHY_ADDR, 4);
  struct esc_arg a = {arg, 0, 0, "&x"};
  struct esc_call c = {.callee = "id", .callee_key = 1,
                       .flags = ESC_CALL_HAS_BODY, .nparams = 1,
                       .result = res, .chain = ESC_NONE, .nargs = 1,
                       .args = &a, .pos = 4, .size_arg = {-1, -1}};
  esc_call(f, &c);
  esc_flow(f, g, res, 0, ESC_WHY_GLOBAL, 4);
  esc_func_end(f);
  esc_unit_set_dump(u, NULL);
  esc_unit_finish(u);
  ck_assert_ptr_nonnull(find(u, ESC_V_WARN_ADDR, "x"));

  char *s = slurp(out);
  const char *want[] = {
    "escape: graph of 'id' (5 locations)\n",
    "  #4 'p' param depth=0\n",
    "  #2 '~r0' result depth=0\n    <- #4 'p' derefs=0 (return)\n",
    "escape: param #4 'p' leaks to result level=0 from root #2 '~r0'\n",
    "escape: summary of 'id':\n  param 0: heap=- result=0 global=-\n",
    "escape: graph of 'f' (8 locations)\n",
    "  #4 'x' var depth=0 reported\n",
    "  #5 '{temp}' temp depth=0\n    <- #4 'x' derefs=-1 (address-of)\n",
    "  #6 '{temp}' temp depth=0\n    <- #5 '{temp}' derefs=0 (call result)\n",
    "  #7 'g' global depth=0 escapes\n",
    "escape: #4 'x' escapes: its address reaches root #7 'g'\n",
    "escape: #4 'x' escapes definitely: its address is stored in #7 'g'\n",
    "escape: summary of 'f': no parameter leaks\n",
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    ck_assert_msg(strstr(s, want[i]), "dump lacks \"%s\" in:\n%s", want[i], s);
  free(s);
  fclose(out);
  esc_unit_free(u);
}
END_TEST

/* Without a dump file (the default, or after NULL) nothing is written.  */
START_TEST(dump_off_writes_nothing)
{
  FILE *out = tmpfile();
  struct esc_unit *u = new_unit(2);
  esc_unit_set_dump(u, out);
  esc_unit_set_dump(u, NULL);
  struct esc_func *f = esc_func_begin(u, 1, "f", 1);
  esc_loc_id x = local(f, "x");
  esc_flow(f, esc_func_result(f), x, -1, ESC_WHY_ADDR, 2);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_int_eq(ftell(out), 0);
  fclose(out);
  esc_unit_free(u);
}
END_TEST

/* ------------------------------------------------------------ rules */

/* The verdict table: each kind has a rule and its message.  */
START_TEST(verdict_table_rules_and_messages)
{
  char text[200];
  struct esc_verdict v = {.kind = ESC_V_PARAM_RESULT, .name = "p", .level = 1};
  esc_verdict_text(&v, NULL, text, sizeof text);
  ck_assert_str_eq(text, "leaking param: p to result ~r0 level=1");
  ck_assert_str_eq(esc_verdict_rule(v.kind)->id, "escape/leaking-param");
  v = (struct esc_verdict){.kind = ESC_V_CANDIDATE, .name = "malloc(8)",
                           .freed = ESC_FREED_ALL};
  esc_verdict_text(&v, NULL, text, sizeof text);
  ck_assert_str_eq(text, "malloc(8) does not escape: stack promotion "
                         "candidate (freed on every path)");
  v = (struct esc_verdict){.kind = ESC_V_WARN_ADDR, .name = "x",
                           .reason = "returned from 'f'"};
  esc_verdict_text(&v, "y", text, sizeof text);
  ck_assert_str_eq(text, "address of local variable 'y' escapes: returned from 'f'");
  ck_assert_str_eq(esc_verdict_rule(v.kind)->level, "warning");
  for (unsigned i = 0; i < esc_nrules; i++) {
    ck_assert_ptr_nonnull(esc_rules[i].full_text);
    ck_assert_ptr_nonnull(esc_rules[i].help);
  }
}
END_TEST

Suite *walk_suite(void)
{
  Suite *s = suite_create("escape-walk");
  TCase *t = tcase_create("walk");
  tcase_add_test(t, path_stops_on_a_cycle);
  tcase_add_test(t, path_follows_the_walk_to_its_root);
  tcase_add_test(t, freed_walk_marks_the_parameter);
  tcase_add_test(t, dump_shows_graph_decisions_and_summary);
  tcase_add_test(t, dump_off_writes_nothing);
  tcase_add_test(t, verdict_table_rules_and_messages);
  suite_add_tcase(s, t);
  return s;
}
