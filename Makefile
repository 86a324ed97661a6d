# escape: Go's escape analysis for C, as a GCC plugin.
#
#   make demo     build plugin/escape.so and run it on examples/
#   make check    build, run every test; the last line is "N passed, N failed"
#   make corpus   fetch real C code and check the plugin on it (long)
#   make bench    compile-time and memory cost on real code (long)
#
# make CC=gcc-11 ... targets another GCC (its own plugin directory).

ifeq ($(origin CC),default)
CC := gcc
endif
ifeq ($(origin CXX),default)
CXX := $(subst gcc,g++,$(CC))
endif

CCNAME     := $(notdir $(CC))
BUILD      := build/$(CCNAME)
PLUGIN     ?= plugin/escape.so
DEPS       := scripts/ensure-deps.sh

GCC_PLUGIN_DIR = $(shell $(CC) -print-file-name=plugin)

WARN      := -Wall -Wextra -Wno-unused-parameter
CFLAGS    ?= -O2 -g
CXXFLAGS  ?= -O2 -g
CORE_CFLAGS = -std=c11 $(WARN) -Wmissing-prototypes -fPIC -fvisibility=hidden
ADAPTER_CXXFLAGS = -std=gnu++14 $(WARN) -fPIC -fno-rtti -fvisibility=hidden \
                   -I$(GCC_PLUGIN_DIR)/include -Iplugin

# The analysis: plain C11, no GCC header.
CORE_SRC := plugin/graph.c plugin/solve.c plugin/unit.c plugin/model.c \
            plugin/options.c plugin/strbuf.c
# The adapter: reads GIMPLE, talks to GCC.
ADAPTER_SRC := plugin/escape-plugin.cc plugin/gimple-reader.cc plugin/report.cc

CORE_OBJ    := $(CORE_SRC:plugin/%.c=$(BUILD)/%.o)
ADAPTER_OBJ := $(ADAPTER_SRC:plugin/%.cc=$(BUILD)/%.o)
HEADERS     := $(wildcard plugin/*.h)

.PHONY: all plugin deps check-deps demo check unit-check dejagnu-check \
        corpus-check corpus bench clean FORCE

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

$(PLUGIN): $(CORE_OBJ) $(ADAPTER_OBJ) $(BUILD)/.linked
	$(CXX) -shared -o $@ $(CORE_OBJ) $(ADAPTER_OBJ)

# The core library for the unit tests.
$(BUILD)/libescore.a: $(CORE_OBJ)
	rm -f $@; ar rcs $@ $^

demo: $(PLUGIN)
	@CC=$(CC) PLUGIN=$(PLUGIN) ./examples/demo.sh

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
	  testsuite/robustness.sh > $(BUILD)/results/robust.count
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) OUT=$(abspath $(BUILD)/results) \
	  testsuite/corpus-slice.sh > $(BUILD)/results/corpus-slice.count
	@scripts/summarize.sh $(BUILD)/results

corpus: $(PLUGIN)
	@$(DEPS) $(CC) corpus
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/corpus.sh

bench: $(PLUGIN)
	@$(DEPS) $(CC) corpus
	@CC=$(CC) PLUGIN=$(abspath $(PLUGIN)) bench/cost.sh

clean:
	rm -rf build $(PLUGIN)
