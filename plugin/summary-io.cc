/* summary-io.cc - the adapter's side of summaries=DIR (the core's
   summary.c writes and reads the files): the hash of a prototype that
   every unit computes alike, and the files the unit read.  */
#include <stdlib.h>

#include "adapter.h"
/* c-family/c-common.h must come before diagnostic-core.h; its one
   declaration used here (cpplib.h comes with c-pragma.h).  Weak: lto1,
   which loads the plugin too, has no C front end (NULL there).  */
extern cpp_reader *parse_in __attribute__((weak));

namespace {

void
hash_word(uint64_t &h, const char *s)
{
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  h = (h ^ 0xff) * 1099511628211ull;
}

/* A type as a word: its code, size and, for a tagged or named type, its
   name; pointers with what they point to (two levels).  */
void
mix_type(uint64_t &h, tree t, int depth)
{
  char buf[64];
  if (!t) {
    hash_word(h, "?");
    return;
  }
  t = TYPE_MAIN_VARIANT(t);
  snprintf(buf, sizeof buf, "%s/%d", get_tree_code_name(TREE_CODE(t)),
           COMPLETE_TYPE_P(t) && TYPE_SIZE(t) && tree_fits_uhwi_p(TYPE_SIZE(t))
           ? (int)tree_to_uhwi(TYPE_SIZE(t)) : -1);
  hash_word(h, buf);
  tree name = TYPE_NAME(t);
  if (name && TREE_CODE(name) == TYPE_DECL)
    name = DECL_NAME(name);
  if (name && TREE_CODE(name) == IDENTIFIER_NODE)
    hash_word(h, IDENTIFIER_POINTER(name));
  if (POINTER_TYPE_P(t) && depth < 2)
    mix_type(h, TREE_TYPE(t), depth + 1);
}

/* Once per declaration: a unit calls printf and its like hundreds of
   times (the bodies are read after the whole unit is parsed, so the
   declarations are final).  */
hash_map<tree, uint64_t> *decl_hashes;

} // namespace

uint64_t
escape_decl_hash(tree fndecl)
{
  if (!decl_hashes)
    decl_hashes = new hash_map<tree, uint64_t>;
  if (uint64_t *known = decl_hashes->get(fndecl))
    return *known;
  uint64_t h = 1469598103934665603ull;
  hash_word(h, IDENTIFIER_POINTER(DECL_NAME(fndecl)));
  tree type = TREE_TYPE(fndecl);
  mix_type(h, TREE_TYPE(type), 0);
  for (tree p = TYPE_ARG_TYPES(type); p; p = TREE_CHAIN(p))
    mix_type(h, TREE_VALUE(p), 0);
  hash_word(h, stdarg_p(type) ? "..." : prototype_p(type) ? "()" : "k&r");
  decl_hashes->put(fndecl, h);
  return h;
}

/* The unit's main file, known once options are processed: its unit
   files are named for it, and a reader skips its own older ones.  */
void
escape_summaries_source(void)
{
  static bool done;
  if (done || !esc_unit_config(escape_unit)->summaries || !main_input_filename)
    return;
  done = true;
  /* Preprocessed input (-save-temps, -no-integrated-cpp): the headers
     were read by another process, before this one began, so their
     times cannot vouch for what it read; and the .i is new each time.
     No summaries are written (none without a main file).  */
  if (parse_in && cpp_get_options(parse_in)->preprocessed)
    return;
  char *main_file = realpath(main_input_filename, NULL);
  esc_unit_set_source(escape_unit, main_file ? main_file : main_input_filename);
  free(main_file);
}

/* At the end of the unit: every file it read (GCC's line maps), then
   the unit file.  */
void
escape_write_summaries(void)
{
  const esc_config *cfg = esc_unit_config(escape_unit);
  if (!cfg->summaries)
    return;
  escape_summaries_source();
  /* A file has a map per entry and per line jump (sqlite3.c: thousands):
     each name once.  A relative name is made absolute against the
     working directory: stat() follows links, and realpath cost a
     readlink per component of every name.  */
  char *cwd = getcwd(NULL, 0);
  hash_set<nofree_string_hash> seen;
  for (unsigned i = 0; i < LINEMAPS_ORDINARY_USED(line_table); i++) {
    const line_map_ordinary *map = LINEMAPS_ORDINARY_MAP_AT(line_table, i);
    const char *name = ORDINARY_MAP_FILE_NAME(map);
    if (!name || !*name || *name == '<' || seen.add(name))
      continue;
    if (*name == '/' || !cwd) {
      esc_unit_add_file(escape_unit, name);
    } else {
      char *abs = concat(cwd, "/", name, NULL);
      esc_unit_add_file(escape_unit, abs);
      free(abs);
    }
  }
  free(cwd);
  if (esc_unit_write_summaries(escape_unit))
    warning(0, "%<escape%> plugin: the summaries of %qs could not be written to %qs",
            main_input_filename, cfg->summaries);
}
