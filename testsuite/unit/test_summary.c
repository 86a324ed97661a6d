/* Unit tests of summaries=DIR (summary.c, summary-dir.c): units written
   and read back through the core, as the plugin does at the end of a
   unit and at a call without a body; which summaries a reader may use
   (files changed, two definitions, its own older file, another
   prototype, a summary resting on another that changed, a cycle);
   damaged files and index.  */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <time.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "helpers.h"

Suite *summary_suite(void);

enum { DECL = 0x1234 };
static char dir[64];

static void setup(void)
{
  strcpy(dir, "/tmp/escape-summary-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* DIR/NAME with TEXT, a little before any unit that reads it begins
   (a file newer than its compile is taken for one changed during it).  */
static void put(const char *name, const char *text)
{
  char path[sizeof dir + 256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  struct timespec ts = {0, 30 * 1000 * 1000};
  nanosleep(&ts, NULL);
}

/* DIR/NAME (made, the first time) as a unit's main file.  */
static const char *src(const char *name)
{
  static char path[sizeof dir + 64];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (access(path, F_OK) != 0)
    put(name, "/* source */\n");
  return path;
}

static struct esc_unit *sum_unit(const char *source, const char *alloc)
{
  struct esc_config cfg;
  esc_config_init(&cfg);
  cfg.m = 2;
  cfg.summaries = dir;        /* copied by esc_unit_new */
  cfg.allocators = (char *)alloc;
  const char *main_file = src(source);    /* before the unit begins */
  struct esc_unit *u = esc_unit_new(&cfg);
  esc_unit_set_source(u, main_file);
  esc_unit_add_file(u, main_file);
  return u;
}

/* CALLER's call of NAME (no body here) with ARG as its one argument.  */
static void call_foreign(struct esc_func *caller, const char *name, uint64_t decl,
                         esc_loc_id arg)
{
  struct esc_arg a = {arg, 0, 0, "p"};
  struct esc_call c = {.callee = name, .callee_key = 900, .decl_hash = decl,
                       .nparams = 1, .result = ESC_NONE, .chain = ESC_NONE,
                       .nargs = 1, .args = &a, .pos = 3, .size_arg = {-1, -1}};
  esc_call(caller, &c);
}

/* A unit (main file DIR/SOURCE, having read FILE if not NULL) defining
   NAME(int *p): it stores p in a global when STORES, and passes it to
   CALLEE (another unit's) when CALLEE is not NULL.  When CHANGE is not
   NULL, FILE is written with it while the unit compiles.  */
static void write_unit_while(const char *source, const char *file, const char *name,
                             bool stores, const char *callee, const char *change)
{
  struct esc_unit *u = sum_unit(source, NULL);
  if (file) {
    char path[sizeof dir + 64];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    esc_unit_add_file(u, path);
    if (change) {               /* a clock tick or more after it began */
      struct timespec ts = {0, 30 * 1000 * 1000};
      nanosleep(&ts, NULL);
      FILE *f = fopen(path, "w");
      ck_assert_ptr_nonnull(f);
      fputs(change, f);
      fclose(f);
    }
  }
  struct esc_func *f = esc_func_begin(u, 11, name, 1);
  esc_func_set_export(f, DECL);
  esc_loc_id p = esc_param_new(f, 0, "p", 1, true);
  if (stores) {
    esc_loc_id g = esc_loc_new(f, ESC_LOC_GLOBAL, "g", 1, 0);
    esc_flow(f, g, p, 0, ESC_WHY_GLOBAL, 2);
  }
  if (callee)
    call_foreign(f, callee, DECL, p);
  esc_func_end(f);
  esc_unit_finish(u);
  ck_assert_uint_eq(esc_unit_write_summaries(u), 0);
  esc_unit_free(u);
}

static void write_unit(const char *source, const char *file, const char *name,
                       bool stores, const char *callee)
{
  write_unit_while(source, file, name, stores, callee, NULL);
}

/* A reader (main file DIR/r.c unless SOURCE; alloc=ALLOC) passing &z to
   NAME (declared with DECL_HASH): is z moved to the heap?  STALE and
   FROM get what -m=2 says of NAME's summary (NAMED: one exists).  */
struct seen {
  bool moved;
  bool named;
  char stale[256];
  char from[256];
};

static struct seen read_back_with(const char *source, const char *name,
                                  uint64_t decl_hash, const char *alloc)
{
  struct esc_unit *u = sum_unit(source ? source : "r.c", alloc);
  struct esc_func *f = esc_func_begin(u, 1, "reader", 1);
  esc_loc_id z = esc_loc_new(f, ESC_LOC_VAR, "z", 1, 0);
  esc_loc_set_reported(f, z, true);
  esc_loc_id az = esc_loc_new(f, ESC_LOC_TEMP, NULL, 1, 0);
  esc_flow(f, az, z, -1, ESC_WHY_ADDR, 3);
  call_foreign(f, name, decl_hash, az);
  esc_func_end(f);
  esc_unit_finish(u);
  struct seen s = {.moved = find(u, ESC_V_MOVED_TO_HEAP, "z") != NULL};
  const char *n, *from, *stale;
  for (unsigned i = 0; esc_unit_foreign_notes(u, i, &n, &from, &stale); i++)
    if (n && strcmp(n, name) == 0) {
      s.named = true;
      snprintf(s.stale, sizeof s.stale, "%s", stale ? stale : "");
      snprintf(s.from, sizeof s.from, "%s", from ? from : "");
    }
  esc_unit_free(u);
  return s;
}

static struct seen read_back(const char *source, const char *name, uint64_t decl_hash)
{
  return read_back_with(source, name, decl_hash, NULL);
}

static unsigned unit_files(void)
{
  unsigned n = 0;
  DIR *d = opendir(dir);
  ck_assert_ptr_nonnull(d);
  for (struct dirent *e; (e = readdir(d)) != NULL;)
    n += strlen(e->d_name) == 37 && strcmp(e->d_name + 33, ".esc") == 0;
  closedir(d);
  return n;
}


START_TEST(round_trip)
{
  /* without a summary, &z passed to an unknown function escapes */
  struct seen s = read_back(NULL, "keep", DECL);
  ck_assert(s.moved && !s.named);
  write_unit("w.c", NULL, "keep", false, NULL);
  ck_assert_uint_eq(unit_files(), 1);
  s = read_back(NULL, "keep", DECL);
  ck_assert(!s.moved && s.named);
  ck_assert_str_eq(s.stale, "");
  ck_assert(strstr(s.from, "/w.c") != NULL);
  /* rewritten: the unit's older file goes */
  write_unit("w.c", NULL, "keep", true, NULL);
  ck_assert_uint_eq(unit_files(), 1);
  s = read_back(NULL, "keep", DECL);
  ck_assert(s.moved && s.named);
  ck_assert_str_eq(s.stale, "");
}
END_TEST

START_TEST(what_is_not_used)
{
  put("w.h", "int w;\n");
  write_unit("w.c", "w.h", "keep", false, NULL);
  /* another prototype */
  struct seen s = read_back(NULL, "keep", DECL + 1);
  ck_assert(s.moved);
  ck_assert_str_eq(s.stale, "its declaration changed");
  /* the writer's own older file, when the writer compiles again */
  s = read_back("w.c", "keep", DECL);
  ck_assert(s.moved && !s.named);
  /* a file the writer read changed */
  put("w.h", "int w, v;\n");
  s = read_back(NULL, "keep", DECL);
  ck_assert(s.moved);
  ck_assert(strstr(s.stale, "/w.h changed since it was written") != NULL);
  /* two units define it, whether or not one of them is stale */
  write_unit("w2.c", NULL, "keep", false, NULL);
  s = read_back(NULL, "keep", DECL);
  ck_assert(s.moved);
  ck_assert_str_eq(s.stale, "two files define it");
  write_unit("w.c", "w.h", "keep", false, NULL);
  s = read_back(NULL, "keep", DECL);
  ck_assert_str_eq(s.stale, "two files define it");
  /* unless the other's source is gone */
  char path[sizeof dir + 16];
  snprintf(path, sizeof path, "%s/w2.c", dir);
  ck_assert_int_eq(unlink(path), 0);
  s = read_back(NULL, "keep", DECL);
  ck_assert(!s.moved);
  ck_assert_str_eq(s.stale, "");
  /* the reader's plugin arguments differ from the writer's */
  s = read_back_with(NULL, "keep", DECL, "my_alloc");
  ck_assert(s.moved);
  ck_assert_str_eq(s.stale, "written with other plugin arguments or another GCC");
}
END_TEST

START_TEST(changed_while_compiled)
{
  /* w.h changes after the unit began: its time cannot vouch for what
     GCC read, so the unit writes no summaries; its older file stays, a
     stale rival to any other definition of keep */
  put("w.h", "int w;\n");
  write_unit("w.c", "w.h", "keep", false, NULL);
  ck_assert_uint_eq(unit_files(), 1);
  write_unit_while("w.c", "w.h", "keep", false, NULL, "int w, v;\n");
  ck_assert_uint_eq(unit_files(), 1);
  struct seen s = read_back(NULL, "keep", DECL);
  ck_assert(s.moved);
  ck_assert(strstr(s.stale, "/w.h changed since it was written") != NULL);
  write_unit("w2.c", NULL, "keep", false, NULL);
  s = read_back(NULL, "keep", DECL);
  ck_assert_str_eq(s.stale, "two files define it");
}
END_TEST

START_TEST(two_lookups_one_reader)
{
  /* one reader looks up g, then f, both resting on x.c and y.c: the
     second lookup sees the units the first one decided, as they were */
  put("y.h", "int y;\n");
  for (int i = 0; i < 2; i++) {
    write_unit("x.c", NULL, "f", false, "g");
    write_unit("y.c", "y.h", "g", false, "f");
  }
  for (int changed = 0; changed < 2; changed++) {
    if (changed)
      put("y.h", "int y, yy;\n");
    struct esc_unit *u = sum_unit("r.c", NULL);
    struct esc_func *fn = esc_func_begin(u, 1, "reader", 1);
    esc_loc_id z = esc_loc_new(fn, ESC_LOC_VAR, "z", 1, 0);
    esc_loc_set_reported(fn, z, true);
    esc_loc_id az = esc_loc_new(fn, ESC_LOC_TEMP, NULL, 1, 0);
    esc_flow(fn, az, z, -1, ESC_WHY_ADDR, 3);
    call_foreign(fn, "g", DECL, az);
    call_foreign(fn, "f", DECL, az);
    esc_func_end(fn);
    esc_unit_finish(u);
    const char *n, *from, *stale;
    unsigned seen = 0;
    for (unsigned i = 0; esc_unit_foreign_notes(u, i, &n, &from, &stale); i++) {
      ck_assert_ptr_nonnull(n);
      ck_assert(changed ? stale != NULL : stale == NULL);
      seen++;
    }
    ck_assert_uint_eq(seen, 2);
    esc_unit_free(u);
  }
}
END_TEST

START_TEST(through_another_summary)
{
  /* pass(p) { keep(p); } in m.c; keep in w.c */
  write_unit("w.c", NULL, "keep", false, NULL);
  write_unit("m.c", NULL, "pass", false, "keep");
  struct seen s = read_back(NULL, "pass", DECL);
  ck_assert(!s.moved);
  ck_assert_str_eq(s.stale, "");
  /* keep changes (w.c is compiled again), m.c is not compiled again */
  write_unit("w.c", NULL, "keep", true, NULL);
  s = read_back(NULL, "pass", DECL);
  ck_assert(s.moved);
  ck_assert_str_eq(s.stale, "it rests on the summary of 'keep', which changed");
  /* m.c compiled again: pass leaks p through keep's new summary */
  write_unit("m.c", NULL, "pass", false, "keep");
  s = read_back(NULL, "pass", DECL);
  ck_assert(s.moved);
  ck_assert_str_eq(s.stale, "");
  /* w.c compiled again with what it was: m.c's file, written against
     the storing keep, no longer holds */
  write_unit("w.c", NULL, "keep", false, NULL);
  s = read_back(NULL, "pass", DECL);
  ck_assert_str_eq(s.stale, "it rests on the summary of 'keep', which changed");
}
END_TEST

START_TEST(a_cycle)
{
  /* f(p) { g(p); } in x.c, g(p) { f(p); } in y.c: built until the
     records stop changing, both hold; a change under them ends both */
  put("y.h", "int y;\n");
  for (int i = 0; i < 2; i++) {
    write_unit("x.c", NULL, "f", false, "g");
    write_unit("y.c", "y.h", "g", false, "f");
  }
  struct seen s = read_back(NULL, "f", DECL);
  ck_assert_str_eq(s.stale, "");
  s = read_back(NULL, "g", DECL);
  ck_assert_str_eq(s.stale, "");
  put("y.h", "int y, yy;\n");
  s = read_back(NULL, "f", DECL);
  ck_assert_str_eq(s.stale, "it rests on the summary of 'g', which changed");
  s = read_back(NULL, "g", DECL);
  ck_assert(strstr(s.stale, "/y.h changed since it was written") != NULL);
}
END_TEST

START_TEST(damaged_files_and_index)
{
  write_unit("w.c", NULL, "keep", false, NULL);
  struct seen s = read_back(NULL, "keep", DECL);
  ck_assert(!s.moved);
  /* a unit file whose bytes are not its name's, a garbage one, a
     garbage index: the good file is still read; the damaged one's
     names have no summary */
  put("0123456789abcdef.0123456789abcdef.esc",
      "escape-summaries 4\nfrom /x\nfn other 0\nend\n");
  put("fedcba9876543210.0000000000000000.esc", "\x01\x02 garbage");
  put("index", "escape-summary-index 4\nu nonsense\n");
  s = read_back(NULL, "keep", DECL);
  ck_assert(!s.moved);
  ck_assert_str_eq(s.stale, "");
  s = read_back(NULL, "other", DECL);
  ck_assert(s.moved);
  ck_assert_str_eq(s.stale, "malformed");
  /* the index was rewritten: read again, through it */
  s = read_back(NULL, "keep", DECL);
  ck_assert(!s.moved);
  s = read_back(NULL, "other", DECL);
  ck_assert_str_eq(s.stale, "malformed");
  /* a damaged file that names keep is still a rival */
  put("0123456789abcdef.1111111111111111.esc",
      "escape-summaries 4\nfrom /x\nfn keep 0\n");
  s = read_back(NULL, "keep", DECL);
  ck_assert_str_eq(s.stale, "two files define it");
  char bad[sizeof dir + 64];
  snprintf(bad, sizeof bad, "%s/0123456789abcdef.1111111111111111.esc", dir);
  ck_assert_int_eq(unlink(bad), 0);
  /* a unit file removed: the index does not keep it alive */
  DIR *d = opendir(dir);
  for (struct dirent *e; (e = readdir(d)) != NULL;)
    if (strlen(e->d_name) == 37 && strncmp(e->d_name, "0123", 4) &&
        strncmp(e->d_name, "fedc", 4)) {
      char path[sizeof dir + 300];
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
      ck_assert_int_eq(unlink(path), 0);
    }
  closedir(d);
  s = read_back(NULL, "keep", DECL);
  ck_assert(s.moved && !s.named);
}
END_TEST

Suite *summary_suite(void)
{
  Suite *s = suite_create("escape-summary");
  TCase *t = tcase_create("summaries");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_add_test(t, round_trip);
  tcase_add_test(t, what_is_not_used);
  tcase_add_test(t, through_another_summary);
  tcase_add_test(t, a_cycle);
  tcase_add_test(t, changed_while_compiled);
  tcase_add_test(t, two_lookups_one_reader);
  tcase_add_test(t, damaged_files_and_index);
  suite_add_tcase(s, t);
  return s;
}
