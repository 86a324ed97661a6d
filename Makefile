# escape: Go's escape analysis for C, as a GCC plugin.
#
#   make demo     build plugin/escape.so and run it on examples/
#   make check    build, run every test; the last line is "N passed, N failed"
#                 (the checking build: CHECKING=1, the core's asserts on)
#   make corpus   fetch real C code and check the plugin on it (long)
#   make bench    compile-time and memory cost on real code, promote's speed (long)
#   make fuzz     the escape fuzzer's long run, N=20000 seeds (docs/fuzz.md)
#   make peer     GCC's own dangling-pointer tests, the plugin alone vs GCC
#                 (docs/peer.md)
#   make install  escape.so into $(CC) -print-file-name=plugin (so that
#                 -fplugin=escape works), docs and examples into
#                 $(PREFIX)/share/doc/escape, the CI baseline script into
#                 $(PREFIX)/bin/escape-baseline; DESTDIR and PREFIX honoured
#   make uninstall  that GCC's escape.so; the shared files too unless
#                 another GCC's escape.so is still installed
#
# make CC=gcc-11 ... targets another GCC (its own plugin directory).  The
# default compiler builds plugin/escape.so; any other CC builds
# build/$(CC)/escape.so, so the two never overwrite each other.

ifeq ($(origin CC),default)
CC := gcc
endif
ifeq ($(origin CXX),default)
CXX := $(subst gcc,g++,$(CC))
endif

CCNAME     := $(notdir $(CC))
BUILD      := build/$(CCNAME)
ifeq ($(CCNAME),gcc)
PLUGIN     ?= plugin/escape.so
else
PLUGIN     ?= $(BUILD)/escape.so
endif
DEPS       := scripts/ensure-deps.sh

GCC_PLUGIN_DIR = $(shell $(CC) -print-file-name=plugin)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DOCDIR  ?= $(PREFIX)/share/doc/escape
# Which GCCs' plugin directories hold an installed escape.so: the docs and
# escape-baseline are shared by them and removed with the last one.
INSTALLED := $(DOCDIR)/installed-plugins
# What `make install` puts under $(DOCDIR) (relative paths, kept as is so
# README's links still work).
DOC_FILES := README.md $(wildcard docs/*.md) $(wildcard examples/*.c)

WARN      := -Wall -Wextra -Wno-unused-parameter
CFLAGS    ?= -O2 -g
CXXFLAGS  ?= -O2 -g
CORE_CFLAGS = -std=c11 $(WARN) -Wmissing-prototypes -fPIC -fvisibility=hidden
# Linked with the C driver: the C++ runtime the adapter needs (operator
# new, the personality routine) is cc1's own, so loading the plugin does
# not map a second libstdc++ (1.6 MB of resident memory).
ADAPTER_CXXFLAGS = -std=gnu++14 $(WARN) -fPIC -fno-rtti -fvisibility=hidden \
                   -I$(GCC_PLUGIN_DIR)/include -Iplugin

# Checking build: the core's internal asserts (ESC_CHECKING) are on.  The
# test build is one: `make check` defaults to CHECKING=1 (and .ci/run sets
# it), `make`, `make demo` and `make install` build the release (CHECKING=0).
# The setting is part of the flags stamp below, so switching it rebuilds
# the core (the adapter is not compiled differently and is not rebuilt).
ifeq ($(filter check,$(MAKECMDGOALS)),check)
CHECKING ?= 1
else
CHECKING ?= 0
endif
CHECKING_CFLAGS = $(if $(filter 1 yes,$(CHECKING)),-DESC_CHECKING)

# Each object's header dependencies are written by the compiler as it
# builds the object ($(BUILD)/NAME.d, included below); -MP adds a target
# for each header so that deleting one does not break the build.
DEPFLAGS = -MMD -MP

# Every plugin/*.c is the analysis: plain C11, no GCC header (the include
# path of GCC's plugin headers is not even given to it).
CORE_SRC := $(sort $(wildcard plugin/*.c))
# Every plugin/*.cc is the adapter: reads GIMPLE, talks to GCC.
ADAPTER_SRC := $(sort $(wildcard plugin/*.cc))

CORE_OBJ    := $(CORE_SRC:plugin/%.c=$(BUILD)/%.o)
ADAPTER_OBJ := $(ADAPTER_SRC:plugin/%.cc=$(BUILD)/%.o)
ifneq ($(filter $(CORE_OBJ),$(ADAPTER_OBJ)),)
$(error plugin/NAME.c and plugin/NAME.cc would both build $(filter $(CORE_OBJ),$(ADAPTER_OBJ)): rename one)
endif

.PHONY: all plugin deps check-deps demo check unit-check dejagnu-check \
        corpus-check corpus bench fuzz peer yield clean install uninstall FORCE

all: plugin
plugin: $(PLUGIN)

deps:
	@$(DEPS) $(CC) build

check-deps:
	@$(DEPS) $(CC) check

# ---------------------------------------------------------------- stamps
# A stamp holds what its objects are built with: the compiler's identity
# (its --version) and the flags.  It is rewritten only when that changes,
# so a new compiler, other CFLAGS/CXXFLAGS or CHECKING rebuild what they
# affect and nothing else: the core and the adapter have a stamp each.
#   $(call stamp,COMPILER,FLAGS): the recipe that writes COMPILER's
#   version and FLAGS into $@ if they differ from what is there.
quote = '$(subst ','\'',$(1))'
stamp = @{ $(1) --version; echo $(call quote,$(1) $(2)); } > $@.new 2>&1; \
        cmp -s $@.new $@ || mv -f $@.new $@; rm -f $@.new

$(BUILD)/core.flags: FORCE | $(BUILD)
	$(call stamp,$(CC),$(CFLAGS) $(CORE_CFLAGS) $(CHECKING_CFLAGS))

$(BUILD)/adapter.flags: FORCE | $(BUILD)
	$(call stamp,$(CXX),$(CXXFLAGS) $(ADAPTER_CXXFLAGS))

# Relink when the linking compiler changes.
$(BUILD)/.linked: FORCE | $(BUILD)
	$(call stamp,$(CC),-shared)

# ---------------------------------------------------------------- objects
$(CORE_OBJ): $(BUILD)/%.o: plugin/%.c $(BUILD)/core.flags | $(BUILD)
	$(CC) $(CFLAGS) $(CORE_CFLAGS) $(CHECKING_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(ADAPTER_OBJ): $(BUILD)/%.o: plugin/%.cc $(BUILD)/adapter.flags | deps $(BUILD)
	$(CXX) $(CXXFLAGS) $(ADAPTER_CXXFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD):
	@mkdir -p $@

-include $(CORE_OBJ:.o=.d) $(ADAPTER_OBJ:.o=.d)

# Linked aside and renamed: a compiler loading the plugin meanwhile (tests
# running in parallel) sees the old file or the new one, never half of one.
$(PLUGIN): $(CORE_OBJ) $(ADAPTER_OBJ) $(BUILD)/.linked
	$(CC) -shared -o $(basename $@).tmp.so $(CORE_OBJ) $(ADAPTER_OBJ)
	mv -f $(basename $@).tmp.so $@

# The core library for the unit tests.
$(BUILD)/libescore.a: $(CORE_OBJ)
	rm -f $@; ar rcs $@ $^

demo: $(PLUGIN)
	@CC=$(CC) PLUGIN=$(PLUGIN) ./examples/demo.sh

# -------------------------------------------------------------- install
# The plugin goes where GCC looks for a plugin named without a path
# (-fplugin=escape), which is the GCC's own directory, not under PREFIX.
install: $(PLUGIN)
	install -d '$(DESTDIR)$(GCC_PLUGIN_DIR)'
	install -m 0755 $(PLUGIN) '$(DESTDIR)$(GCC_PLUGIN_DIR)/escape.so'
	install -d '$(DESTDIR)$(BINDIR)'
	install -m 0755 scripts/escape-baseline '$(DESTDIR)$(BINDIR)/escape-baseline'
	@set -e; for f in $(DOC_FILES); do \
	  echo "install -m 0644 $$f '$(DESTDIR)$(DOCDIR)/$$f'"; \
	  install -d "$(DESTDIR)$(DOCDIR)/$$(dirname $$f)"; \
	  install -m 0644 $$f "$(DESTDIR)$(DOCDIR)/$$f"; \
	done
	@m='$(DESTDIR)$(INSTALLED)'; \
	  { cat "$$m" 2>/dev/null; echo '$(GCC_PLUGIN_DIR)/escape.so'; } | sort -u > "$$m.new" && \
	  mv -f "$$m.new" "$$m"

# The shared files (docs, escape-baseline) stay while another GCC's
# escape.so is installed (make CC=gcc-11 uninstall keeps gcc-12's docs).
uninstall:
	rm -f '$(DESTDIR)$(GCC_PLUGIN_DIR)/escape.so'
	@m='$(DESTDIR)$(INSTALLED)'; others=; \
	  if [ -f "$$m" ]; then \
	    grep -vxF '$(GCC_PLUGIN_DIR)/escape.so' "$$m" > "$$m.new"; \
	    while read -r p; do [ ! -f '$(DESTDIR)'"$$p" ] || others="$$others $$p"; done < "$$m.new"; \
	    if [ -n "$$others" ]; then mv -f "$$m.new" "$$m"; else rm -f "$$m.new" "$$m"; fi; \
	  fi; \
	  if [ -n "$$others" ]; then \
	    echo "docs and escape-baseline kept: still installed for$$others"; exit 0; \
	  fi; \
	  rm -f '$(DESTDIR)$(BINDIR)/escape-baseline'; \
	  for f in $(DOC_FILES); do rm -f "$(DESTDIR)$(DOCDIR)/$$f"; done; \
	  for d in '$(DESTDIR)$(DOCDIR)/examples' '$(DESTDIR)$(DOCDIR)/docs' \
	           '$(DESTDIR)$(DOCDIR)'; do \
	    [ ! -d "$$d" ] || rmdir "$$d" 2>/dev/null || true; \
	  done

# ---------------------------------------------------------------- tests
UNIT_SRC := $(wildcard testsuite/unit/*.c)

UNIT_OBJ := $(UNIT_SRC:testsuite/unit/%.c=$(BUILD)/unit/%.o)

$(UNIT_OBJ): $(BUILD)/unit/%.o: testsuite/unit/%.c $(BUILD)/core.flags | check-deps
	@mkdir -p $(@D)
	$(CC) -std=c11 -g $(WARN) $(CHECKING_CFLAGS) -Iplugin $(DEPFLAGS) \
	  $$(pkg-config --cflags check) -c $< -o $@

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libescore.a
	$(CC) -g $(UNIT_OBJ) $(BUILD)/libescore.a $$(pkg-config --libs check) -o $@

-include $(UNIT_OBJ:.o=.d)

check: check-deps $(PLUGIN) $(BUILD)/unit-tests
	@rm -rf $(BUILD)/results; mkdir -p $(BUILD)/results
	@CK_VERBOSITY=normal $(BUILD)/unit-tests > $(BUILD)/results/unit.log 2>&1; \
	  scripts/count-unit.sh $(BUILD)/results/unit.log > $(BUILD)/results/unit.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/run-dejagnu.sh > $(BUILD)/results/dejagnu.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/cli.sh > $(BUILD)/results/cli.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/sarif.sh > $(BUILD)/results/sarif.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/robustness.sh > $(BUILD)/results/robust.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/corpus-slice.sh > $(BUILD)/results/corpus-slice.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/install.sh > $(BUILD)/results/install.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/recipes.sh > $(BUILD)/results/recipes.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/summaries.sh > $(BUILD)/results/summaries.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/peer/selftest.sh > $(BUILD)/results/peer.count
	@CC=$(CC) OUT=$(abspath $(BUILD)/results) \
	  testsuite/model/headers.sh > $(BUILD)/results/model-headers.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) testsuite/fuzz/run.sh > $(BUILD)/results/fuzz.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/promote.sh > $(BUILD)/results/promote.count
	@scripts/summarize.sh $(BUILD)/results

corpus: $(PLUGIN)
	@$(DEPS) $(CC) corpus
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/corpus.sh

bench: $(PLUGIN)
	@$(DEPS) $(CC) corpus
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/cost.sh
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/promote-bench.sh

clean:
	rm -rf build $(PLUGIN)

# Peer suites (GCC 12's and Clang-like cases, the plugin alone): docs/peer.md
# No prerequisite, so that PLUGIN=/another/escape.so is never rebuilt here:
# `make plugin peer` for this tree's plugin.
# The escape fuzzer's long run (docs/fuzz.md): N seeds at -O0 and -O2.
fuzz: $(PLUGIN)
	@mkdir -p $(BUILD)/fuzz
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/fuzz) JOBS=2 \
	  testsuite/fuzz/run.sh --long $(or $(N),20000)

# Allocation sites and candidates by project and argument set (docs/corpus.md)
yield: $(PLUGIN)
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/yield.sh

peer:
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) python3 bench/peer.py
