#!/usr/bin/env bash
# `make install` / `make uninstall` into a DESTDIR: the plugin lands in
# DESTDIR + `$CC -print-file-name=plugin` and loads from there by its short
# name (-iplugindir=DIR -fplugin=escape), the docs and examples land in
# DESTDIR + PREFIX/share/doc/escape, and uninstall removes every file that
# install put there.  The real plugin directory is never touched.
#
#   CC=gcc PLUGIN=/abs/escape.so OUT=/abs/dir testsuite/install.sh
# stdout: one line "PASSED FAILED"; failures are explained on stderr,
# make's output is in $OUT/install.log.
set -u
. "$(dirname "$0")/lib/suite.sh"
suite_init install
suite_need_cc
suite_need_plugin
suite_tmp
log=$OUT/install.log
: > "$log"
plugindir=$("$CC" -print-file-name=plugin)
real=$plugindir/escape.so
real_before=$(stat -c '%Y %s' "$real" 2>/dev/null || echo none)

# make with this compiler and this plugin; never rebuild the plugin here
# (-o: it is taken as up to date), and no parent make's flags.
mk() {
  echo "+ make $*" >> "$log"
  env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
    make --no-print-directory -C "$root" -o "$PLUGIN" \
      CC="$CC" PLUGIN="$PLUGIN" "$@" >> "$log" 2>&1
}

cat > "$tmp/t.c" <<'C'
int *g;
void f(void) { int i = 0; g = &i; }
C

# ---- default PREFIX
dest=$tmp/dest
mk install DESTDIR="$dest"
check "make install exits 0" '[ $? = 0 ]'
so=$dest$plugindir/escape.so
check "escape.so installed into DESTDIR + plugin dir" '[ -f "$so" ]'
check "installed escape.so is the built one" 'cmp -s "$so" "$PLUGIN"'
check "installed escape.so is executable" '[ -x "$so" ]'
doc=$dest/usr/local/share/doc/escape
for f in README.md docs/design.md docs/semantics.md docs/manual.md \
         docs/recipes.md examples/pointer.c examples/too_large.c; do
  check "doc $f installed under default PREFIX /usr/local" '[ -f "$doc/$f" ]'
done
check "escape-baseline installed into PREFIX/bin and runs" \
  '[ -x "$dest/usr/local/bin/escape-baseline" ] && "$dest/usr/local/bin/escape-baseline" --help | grep -q -- --baseline'
check "nothing installed outside the plugin dir and PREFIX" \
  '[ -z "$(find "$dest" -type f ! -path "$dest$plugindir/*" ! -path "$doc/*" ! -path "$dest/usr/local/bin/escape-baseline")" ]'

# loads by its short name from the DESTDIR plugin directory
"$CC" -iplugindir="$dest$plugindir" -fplugin=escape -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/out" 2>&1
rc=$?
check "-fplugin=escape loads from -iplugindir" '[ $rc = 0 ] && grep -q "address of local variable .i. escapes: stored in global .g." "$tmp/out"'
"$CC" -iplugindir="$dest$plugindir" -fplugin=escape -fplugin-arg-escape-version -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/out" 2>&1
check "short name takes -fplugin-arg-escape-version" 'grep -Eq "^escape [0-9]+\.[0-9]+\.[0-9]+ \(built for GCC" "$tmp/out"'
"$CC" -iplugindir="$dest$plugindir" -fplugin=escape -Werror -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/out" 2>&1
check "installed plugin: -Werror fails the build" '[ $? != 0 ] && grep -q "error: address of local variable" "$tmp/out"'
"$CC" -iplugindir="$tmp/nowhere" -fplugin=escape -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/out" 2>&1
check "short name is looked up in -iplugindir (absent there: error)" '[ $? != 0 ]'

# uninstall removes every file it installed, and its doc directory
mk uninstall DESTDIR="$dest"
check "make uninstall exits 0" '[ $? = 0 ]'
check "uninstall removes escape.so" '[ ! -e "$so" ]'
check "uninstall removes the doc directory" '[ ! -e "$doc" ]'
check "uninstall leaves no file behind" '[ -z "$(find "$dest" -type f)" ]'

# ---- two GCCs: the docs stay while either plugin is installed
other=
for c in gcc-11 gcc-12 gcc-13 gcc-14; do
  command -v "$c" > /dev/null || continue
  d=$("$c" -print-file-name=plugin)
  [ "$d" != "$plugindir" ] && [ -d "$d/include" ] && { other=$c; break; }
done
if [ -n "$other" ]; then
  dest=$tmp/dest3
  otherdir=$("$other" -print-file-name=plugin)
  mk install DESTDIR="$dest"
  echo "+ (as $other)" >> "$log"
  env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory -C "$root" -o "$PLUGIN" \
    CC="$other" PLUGIN="$PLUGIN" install DESTDIR="$dest" >> "$log" 2>&1
  env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory -C "$root" -o "$PLUGIN" \
    CC="$other" PLUGIN="$PLUGIN" uninstall DESTDIR="$dest" >> "$log" 2>&1
  check "make CC=$other uninstall removes its plugin only" '[ ! -e "$dest$otherdir/escape.so" ] && [ -f "$dest$plugindir/escape.so" ]'
  check "make CC=$other uninstall keeps the docs and escape-baseline of $CC's plugin" \
    '[ -f "$dest/usr/local/share/doc/escape/README.md" ] && [ -x "$dest/usr/local/bin/escape-baseline" ]'
  mk uninstall DESTDIR="$dest"
  check "the last uninstall removes everything" '[ -z "$(find "$dest" -type f)" ]'
fi

# ---- PREFIX
dest=$tmp/dest2
mk install DESTDIR="$dest" PREFIX=/opt/esc
check "make install PREFIX=/opt/esc exits 0" '[ $? = 0 ]'
check "PREFIX: docs under /opt/esc/share/doc/escape" '[ -f "$dest/opt/esc/share/doc/escape/README.md" ] && [ -f "$dest/opt/esc/share/doc/escape/examples/pointer.c" ]'
check "PREFIX: nothing under /usr/local" '[ ! -e "$dest/usr/local" ]'
check "PREFIX: plugin still in the compiler's plugin dir" '[ -f "$dest$plugindir/escape.so" ]'
mk uninstall DESTDIR="$dest" PREFIX=/opt/esc
check "PREFIX: uninstall leaves no file behind" '[ $? = 0 ] && [ -z "$(find "$dest" -type f)" ]'

# ---- the real plugin directory was not touched
check "real plugin dir untouched" '[ "$(stat -c "%Y %s" "$real" 2>/dev/null || echo none)" = "$real_before" ]'

suite_end
