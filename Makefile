# escape: Go's escape analysis for C, as a GCC plugin.
#
#   make demo     build plugin/escape.so and run it on examples/
#   make check    build, run every test; the last line is "N passed, N failed"
#   make corpus   fetch real C code and check the plugin on it (long)
#   make bench    compile-time and memory cost on real code (long)
#   make install  escape.so into $(CC) -print-file-name=plugin (so that
#                 -fplugin=escape works), docs and examples into
#                 $(PREFIX)/share/doc/escape; DESTDIR and PREFIX honoured
#   make uninstall
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
DOCDIR  ?= $(PREFIX)/share/doc/escape
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

# The analysis: plain C11, no GCC header.
CORE_SRC := plugin/graph.c plugin/solve.c plugin/unit.c plugin/model.c \
            plugin/options.c plugin/strbuf.c plugin/sarif.c
# The adapter: reads GIMPLE, talks to GCC.
ADAPTER_SRC := plugin/escape-plugin.cc plugin/read-stmt.cc plugin/read-expr.cc \
               plugin/read-call.cc plugin/frees.cc plugin/erased-return.cc \
               plugin/gc-roots.cc plugin/report.cc

CORE_OBJ    := $(CORE_SRC:plugin/%.c=$(BUILD)/%.o)
ADAPTER_OBJ := $(ADAPTER_SRC:plugin/%.cc=$(BUILD)/%.o)
HEADERS     := $(wildcard plugin/*.h)

.PHONY: all plugin deps check-deps demo check unit-check dejagnu-check \
        corpus-check corpus bench clean install uninstall FORCE

all: plugin
plugin: $(PLUGIN)

deps:
	@$(DEPS) $(CC) build

check-deps:
	@$(DEPS) $(CC) check

$(BUILD)/%.o: plugin/%.c $(HEADERS) | $(BUILD)
	$(CC) $(CFLAGS) $(CORE_CFLAGS) -c $< -o $@

$(BUILD)/%.o: plugin/%.cc $(HEADERS) | deps $(BUILD)
	$(CXX) $(CXXFLAGS) $(ADAPTER_CXXFLAGS) -c $< -o $@

$(BUILD):
	@mkdir -p $@

# Relink when the target compiler changes.
$(BUILD)/.linked: FORCE | $(BUILD)
	@echo $(CC) > $@.new; cmp -s $@.new $@ || mv $@.new $@; rm -f $@.new

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
	@set -e; for f in $(DOC_FILES); do \
	  echo "install -m 0644 $$f '$(DESTDIR)$(DOCDIR)/$$f'"; \
	  install -d "$(DESTDIR)$(DOCDIR)/$$(dirname $$f)"; \
	  install -m 0644 $$f "$(DESTDIR)$(DOCDIR)/$$f"; \
	done

uninstall:
	rm -f '$(DESTDIR)$(GCC_PLUGIN_DIR)/escape.so'
	@for f in $(DOC_FILES); do rm -f "$(DESTDIR)$(DOCDIR)/$$f"; done
	@for d in '$(DESTDIR)$(DOCDIR)/examples' '$(DESTDIR)$(DOCDIR)/docs' \
	          '$(DESTDIR)$(DOCDIR)'; do \
	  [ ! -d "$$d" ] || rmdir "$$d" || true; \
	done

# ---------------------------------------------------------------- tests
UNIT_SRC := $(wildcard testsuite/unit/*.c)

$(BUILD)/unit-tests: $(UNIT_SRC) $(BUILD)/libescore.a $(HEADERS) | check-deps
	$(CC) -std=c11 -g $(WARN) -Iplugin $(UNIT_SRC) $(BUILD)/libescore.a \
	  $$(pkg-config --cflags --libs check) -o $@

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
	@scripts/summarize.sh $(BUILD)/results

corpus: $(PLUGIN)
	@$(DEPS) $(CC) corpus
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/corpus.sh

bench: $(PLUGIN)
	@$(DEPS) $(CC) corpus
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/cost.sh

clean:
	rm -rf build $(PLUGIN)
