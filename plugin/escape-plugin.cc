/* escape-plugin.cc - plugin entry: arguments, the GIMPLE pass "escape"
   inserted after "ssa", and the callbacks around it.  */
#include "adapter.h"
#include "plugin-version.h"


#define ESCAPE_EXPORT __attribute__((visibility("default")))

ESCAPE_EXPORT int plugin_is_GPL_compatible;

struct esc_unit *escape_unit;

namespace {

opt_pass *the_pass;       /* for its dump file at the end of the unit */

const pass_data escape_pass_data = {
  GIMPLE_PASS,
  "escape",             /* name */
  OPTGROUP_NONE,
  TV_NONE,
  PROP_cfg | PROP_ssa,  /* properties_required */
  0, 0, 0, 0
};

class escape_pass : public gimple_opt_pass
{
public:
  explicit escape_pass(gcc::context *ctx) : gimple_opt_pass(escape_pass_data, ctx) {}
  bool gate(function *) final override { return escape_unit != NULL; }
  unsigned int execute(function *fun) final override
  {
    escape_timer_start();
    esc_unit_set_dump(escape_unit, dump_file);  /* -fdump-tree-escape */
    unsigned todo = 0;
    if (esc_unit_config(escape_unit)->promote) {
      /* promote: the function's candidates are rewritten as soon as the
         core solved it, here, before inlining (promote-gimple.cc).  */
      const esc_verdict *vs;
      size_t first = esc_unit_verdicts(escape_unit, &vs);
      escape_sites sites;
      escape_read_function(fun, &sites);
      todo = escape_promote(fun, sites, first);
    } else {
      escape_read_function(fun);
    }
    esc_unit_set_dump(escape_unit, NULL);
    escape_timer_stop();
    return todo;
  }
};

struct plugin_info info = {
  ESCAPE_VERSION,
  esc_help_text
};

void
on_pre_genericize(void *gcc_data, void *)
{
  escape_timer_start();
  escape_summaries_source();
  escape_note_generic_returns((tree)gcc_data);
  escape_timer_stop();
}

void
on_finish_unit(void *, void *)
{
  if (!seen_error()) {
    escape_timer_start();
    /* Recursive cycles and functions whose callees were never read are
       solved now, outside any execution of the pass: their part of the
       dump goes to the end of the pass's dump file.  */
    dump_flags_t flags;
    FILE *dump = dump_begin(the_pass->static_pass_number, &flags);
    esc_unit_set_dump(escape_unit, dump);
    esc_unit_finish(escape_unit);
    esc_unit_set_dump(escape_unit, NULL);
    if (dump)
      dump_end(the_pass->static_pass_number, dump);
    escape_write_summaries();
    escape_report_unit();       /* stops the timer before the stats line */
  }
}

void
on_finish(void *, void *)
{
  esc_unit_free(escape_unit);
  escape_unit = NULL;
  escape_reader_finish();
  escape_release_trees();
}

} // namespace

/* cc1's language is "GNU C" followed by the standard ("GNU C17", "GNU
   C2X"); cc1plus's is "GNU C++14" and so on, lto1's "GNU GIMPLE".  */
bool
escape_front_end_is_c(void)
{
  const char *lang = lang_hooks.name;
  return strncmp(lang, "GNU C", 5) == 0 && lang[5] != '+';
}

ESCAPE_EXPORT int
plugin_init(struct plugin_name_args *plugin, struct plugin_gcc_version *version)
{
  const char *name = plugin->base_name;
  if (!plugin_default_version_check(version, &gcc_version)) {
    error("%qs plugin was built for GCC %s and cannot run in GCC %s; "
          "rebuild it with this compiler", name, gcc_version.basever,
          version->basever);
    return 0;     /* the error fails the compile; nothing is registered */
  }
  register_callback(name, PLUGIN_INFO, NULL, &info);

  esc_config cfg;
  esc_config_init(&cfg);
  bool ok = true;
  for (int i = 0; i < plugin->argc; i++) {
    char err[256];
    if (!esc_config_set(&cfg, plugin->argv[i].key, plugin->argv[i].value,
                        err, sizeof err)) {
      error("%qs plugin: %s", name, err);
      ok = false;
    }
  }
  if (!ok) {
    esc_config_release(&cfg);
    return 0;     /* the error makes GCC exit non-zero; nothing registered */
  }
  if (cfg.help) {
    fputs(esc_help_text, stderr);
    return 0;
  }
  if (cfg.version) {
    fprintf(stderr, "escape %s (built for GCC %s)\n", ESCAPE_VERSION,
            gcc_version.basever);
    return 0;
  }

  /* The analysis reads C.  lto1 ("GNU GIMPLE") sees the functions again
     after they were analysed in the compile step, where the report was
     made, so it registers nothing; C++ is declined with one note.  */
  if (!escape_front_end_is_c()) {
    if (strcmp(lang_hooks.name, "GNU GIMPLE") != 0)
      inform(UNKNOWN_LOCATION, "%qs plugin analyses C only; nothing is "
             "reported for %s", name, lang_hooks.name);
    esc_config_release(&cfg);
    return 0;
  }

  /* An unwritable log is said now, not after the whole analysis.  */
  if (cfg.sarif && !esc_sarif_check(cfg.sarif)) {
    error("%qs plugin: cannot write SARIF log %qs: %m", name, cfg.sarif);
    esc_config_release(&cfg);
    return 0;
  }

  escape_unit = esc_unit_new(&cfg);
  esc_config_release(&cfg);
  if (version) {
    char *v = concat(version->basever, " ", version->datestamp, " ",
                     version->revision ? version->revision : "", NULL);
    esc_unit_set_compiler(escape_unit, v);
    free(v);
  }

  struct register_pass_info pass;
  pass.pass = the_pass = new escape_pass(g);
  pass.reference_pass_name = "ssa";
  pass.ref_pass_instance_number = 1;
  pass.pos_op = PASS_POS_INSERT_AFTER;
  register_callback(name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
  /* The pass and its dump file exist now: -fplugin-arg-escape-dump turns
     the dump on as -fdump-tree-escape would.  */
  if (esc_unit_config(escape_unit)->dump)
    g->get_dumps()->dump_switch_p("tree-escape");
  register_callback(name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
                    const_cast<ggc_root_tab *>(escape_gc_roots));
  register_callback(name, PLUGIN_PRE_GENERICIZE, on_pre_genericize, NULL);
  register_callback(name, PLUGIN_PRAGMAS, escape_register_pragmas, NULL);
  register_callback(name, PLUGIN_FINISH_UNIT, on_finish_unit, NULL);
  register_callback(name, PLUGIN_FINISH, on_finish, NULL);
  escape_watch_gcc_diagnostics();
  return 0;
}
