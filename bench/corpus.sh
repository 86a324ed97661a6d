#!/usr/bin/env bash
# make corpus: fetch real C code, compile every translation unit with and
# without the escape plugin, and report crashes, changed object code,
# failed execute tests and the plugin's findings (docs/corpus.md).
#
#   env: CC (gcc), PLUGIN (absolute path of escape.so, required),
#        CORPUS_DIR (default: <repo>/corpus, git-ignored),
#        JOBS (2), CSMITH_SEEDS (1-40), TORTURE_SAMPLE (300; 0 = every file;
#        N = a fixed sample of N files from each torture directory),
#        PROJECTS (default: "lua sqlite zlib lmdb gawk curl git"; also
#          available: redis jq bzip2 zstd, see docs/corpus.md),
#        CORPUS_PREPARE_ONLY=1: fetch and prepare the projects, run nothing,
#        TIMEOUT (120): limit of one compile, in seconds,
#        FRESH=1: do not reuse results of an earlier run (see --resume)
# The results table goes to stdout and to $CORPUS_DIR/results.md.
# Preparation (downloads, project builds) is cached in $CORPUS_DIR; delete
# the directory to start again.
set -euo pipefail

CC=${CC:-gcc}
PLUGIN=${PLUGIN:?set PLUGIN to the absolute path of escape.so}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CORPUS_DIR=${CORPUS_DIR:-$root/corpus}
JOBS=${JOBS:-2}
CSMITH_SEEDS=${CSMITH_SEEDS:-1-40}
TORTURE_SAMPLE=${TORTURE_SAMPLE:-300}
PROJECTS=${PROJECTS:-lua sqlite zlib lmdb gawk curl git}
run_py="python3 $here/corpus-run.py"

mkdir -p "$CORPUS_DIR"
CORPUS_DIR=$(cd "$CORPUS_DIR" && pwd)
units=$CORPUS_DIR/units
mkdir -p "$units" "$CORPUS_DIR/debsrc" "$CORPUS_DIR/logs"
log() { echo "corpus: $*" >&2; }

# ------------------------------------------------------------ packages
need=()
for p in csmith libcsmith-dev gcc-12-source dpkg-dev time xz-utils tcl make; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
    need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${need[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null 2>&1
    apt-get install -y -q "${need[@]}" >/dev/null
  }
fi

# deb-src for `apt-get source` (enable_deb_src): scripts/deb-src.sh
. "$root/scripts/deb-src.sh"

# apt_source PKG: `apt-get source PKG` in debsrc/; when that fails (stale
# package lists, or a security update whose files the mirror no longer has),
# update the lists and try again, then each other version apt knows of.
apt_source() {
  local pkg=$1 v flog=$CORPUS_DIR/logs/fetch-$1.log
  (cd "$CORPUS_DIR/debsrc" && apt-get source -qq "$pkg" >"$flog" 2>&1) &&
    return 0
  apt-get update -q >/dev/null 2>&1 || true
  (cd "$CORPUS_DIR/debsrc" && apt-get source -qq "$pkg" >"$flog" 2>&1) &&
    return 0
  for v in $(apt-cache showsrc "$pkg" 2>/dev/null |
             awk '/^Version:/ { print $2 }'); do
    (cd "$CORPUS_DIR/debsrc" && apt-get source -qq "$pkg=$v" >>"$flog" 2>&1) &&
      return 0
  done
  return 1
}

fetch_src() {   # package [fresh] -> prints the unpacked directory
  local pkg=$1 fresh=${2:-} d dsc
  d=$(ls -d "$CORPUS_DIR/debsrc/$pkg"-*/ 2>/dev/null | head -1)
  dsc=$(ls "$CORPUS_DIR/debsrc/${pkg}"_*.dsc 2>/dev/null | head -1)
  if [ -n "$d" ] && [ -n "$fresh" ] && [ -n "$dsc" ]; then
    # unpack again from the downloaded files: a pristine tree to build in
    rm -rf "$d"
    (cd "$CORPUS_DIR/debsrc" && dpkg-source -x "$dsc" \
       >"$CORPUS_DIR/logs/fetch-$pkg.log" 2>&1) ||
      { log "dpkg-source -x $dsc failed"; return 1; }
  elif [ -z "$d" ]; then
    enable_deb_src
    apt_source "$pkg" ||
      { log "apt-get source $pkg failed, see logs/fetch-$pkg.log"; return 1; }
  fi
  d=$(ls -d "$CORPUS_DIR/debsrc/$pkg"-*/ | head -1)
  echo "${d%/}"
}

# record DIR ARGS...: write one compile command as bench/cc-record would
record() { local d=$1; shift; { printf '%s\037' "$d" "$@"; printf '\n'; }; }

# recorded_build NAME DIR CONFIGURE MAKE: build a project once with the
# recording compiler wrapper as CC; only the MAKE step is recorded (not
# configure's test programs).
recorded_build() {
  local name=$1 dir=$2 conf=$3 mk=$4
  local rec=$units/$name.rec blog=$CORPUS_DIR/logs/build-$name.log
  rm -f "$rec"
  [ -d "$dir" ] || return 1
  (cd "$dir" && export CC=$here/cc-record CCREC_CC=$CC &&
   sh -c "$conf" && CCREC_LOG=$rec sh -c "$mk") >"$blog" 2>&1 ||
    { log "$name: build failed, see $blog"; return 1; }
}

prepare_lua() {
  local d; d=$(fetch_src lua5.4) || return 1; d=$d/src
  # made by debian/rules; luaconf.h includes it
  [ -f "$d/lua5.4-deb-multiarch.h" ] ||
    echo "#define DEB_HOST_MULTIARCH \"$($CC -dumpmachine)\"" \
      > "$d/lua5.4-deb-multiarch.h"
  # Upstream's `make linux` flags (Debian's build adds libtool and C++).
  for f in "$d"/*.c; do
    record "$d" -std=gnu99 -Wall -Wextra -DLUA_COMPAT_5_3 -DLUA_USE_LINUX \
      -c "$(basename "$f")"
  done > "$units/lua.rec"
}

prepare_sqlite() {
  local d; d=$(fetch_src sqlite3) || return 1
  mkdir -p "$d/bld"
  if [ ! -s "$d/bld/sqlite3.c" ]; then
    log "sqlite: building the sqlite3.c amalgamation"
    (cd "$d/bld" && ../configure >/dev/null && make sqlite3.c shell.c) \
      >"$CORPUS_DIR/logs/build-sqlite.log" 2>&1 ||
      { log "sqlite: amalgamation failed, see logs/build-sqlite.log"; return 1; }
  fi
  local flags=(-DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS5
               -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_JSON1
               -DSQLITE_ENABLE_MATH_FUNCTIONS -DHAVE_USLEEP -I.)
  { record "$d/bld" "${flags[@]}" -c sqlite3.c
    record "$d/bld" "${flags[@]}" -c shell.c; } > "$units/sqlite.rec"
}

prepare_zlib() {
  local d; d=$(fetch_src zlib fresh) || return 1
  recorded_build zlib "$d" ./configure make
}

prepare_lmdb() {
  local d; d=$(fetch_src lmdb fresh) || return 1; d=$d/libraries/liblmdb
  recorded_build lmdb "$d" true 'make CC="$CC"'
}

prepare_gawk() {
  local d; d=$(fetch_src gawk fresh) || return 1
  recorded_build gawk "$d" "./configure --disable-nls" \
    "make -j$JOBS -C support && make -j$JOBS gawk && make -j$JOBS -C extension"
}

prepare_curl() {
  local d; d=$(fetch_src curl fresh) || return 1
  # Only libc: every optional dependency off, so the build is the same on
  # every machine.
  recorded_build curl "$d" "./configure --disable-shared --without-ssl \
       --without-libpsl --without-zstd --without-brotli --without-nghttp2 \
       --without-libidn2 --without-librtmp --without-libssh2 --without-zlib \
       --disable-ldap --disable-manual" "make -j$JOBS"
}

# git is in the default list (it has both kinds of warning: globals
# restored before the return and globals really left dangling); the
# others below are not (PROJECTS="redis jq bzip2 zstd", docs/corpus.md).
# Each is built once with only libc (and zlib for git): every optional
# dependency off, so the build is the same on every machine.  The recorded
# build runs at -O0 where the project lets us say so: the runner replaces -O
# anyway, and preparation is faster.

# install_deps PKG...: Debian packages a project's build needs
install_deps() {
  local p miss=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
      miss+=("$p")
  done
  [ ${#miss[@]} -eq 0 ] && return 0
  log "installing ${miss[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${miss[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null 2>&1
    apt-get install -y -q "${miss[@]}" >/dev/null
  }
}

prepare_git() {
  install_deps zlib1g-dev || return 1
  local d; d=$(fetch_src git fresh) || return 1
  # zlib is git's only required library; everything optional is off.
  recorded_build git "$d" true 'make -j'"$JOBS"' CC="$CC" CFLAGS="-O0 -Wall" \
      NO_OPENSSL=1 NO_CURL=1 NO_EXPAT=1 NO_GETTEXT=1 NO_TCLTK=1 NO_PERL=1 \
      NO_PYTHON=1 NO_INSTALL_HARDLINKS=1 all'
}

prepare_redis() {
  local d; d=$(fetch_src redis fresh) || return 1
  # libc malloc instead of the bundled jemalloc; no TLS, no systemd.  The
  # bundled hiredis, linenoise, hdr_histogram and Lua 5.1 are recorded with
  # redis; src/Makefile's probe of -std=c11 (a foo.c it deletes) is not.
  recorded_build redis "$d" true 'make -j'"$JOBS"' CC="$CC" MALLOC=libc \
      BUILD_TLS=no USE_SYSTEMD=no OPTIMIZATION=-O0' || return 1
  grep -v $'\037foo\.c\037' "$units/redis.rec" > "$units/redis.rec.tmp" || true
  mv "$units/redis.rec.tmp" "$units/redis.rec"
}

prepare_jq() {
  install_deps autoconf automake libtool || return 1
  local d; d=$(fetch_src jq fresh) || return 1
  # The pre-generated parser.c/lexer.c are used (no bison, no flex); no
  # oniguruma (regular expressions off), no docs.
  recorded_build jq "$d" "autoreconf -fi && ./configure --disable-maintainer-mode \
      --without-oniguruma --disable-docs --disable-valgrind CFLAGS=-O0" \
    "make -j$JOBS"
}

prepare_bzip2() {
  local d; d=$(fetch_src bzip2 fresh) || return 1
  recorded_build bzip2 "$d" true 'make -j'"$JOBS"' CC="$CC" libbz2.a bzip2 bzip2recover'
}

prepare_zstd() {
  local d; d=$(fetch_src libzstd fresh) || return 1
  # the library and the command-line tool, without zlib, lzma and lz4
  recorded_build zstd "$d" true 'make -j'"$JOBS"' -C lib CC="$CC" CFLAGS=-O0 libzstd.a &&
    make -j'"$JOBS"' -C programs CC="$CC" CFLAGS=-O0 HAVE_ZLIB=0 HAVE_LZMA=0 \
      HAVE_LZ4=0 zstd'
}

for p in $PROJECTS; do
  if [ ! -s "$units/$p.jsonl" ]; then
    log "preparing $p"
    if "prepare_$p" && [ -s "$units/$p.rec" ]; then
      $run_py units --project "$p" --rec "$units/$p.rec" --out "$units/$p.jsonl"
    else
      rm -f "$units/$p.jsonl"; log "$p: skipped (preparation failed)"
    fi
  fi
done

# bench/cost.sh only needs the projects
[ -z "${CORPUS_PREPARE_ONLY:-}" ] || exit 0

# ------------------------------------------------------------ torture
tarball=$(ls /usr/src/gcc-12/gcc-*.tar.xz | grep -v gm2 | head -1)
tdir=$CORPUS_DIR/torture
if [ ! -d "$tdir/execute" ]; then
  log "extracting gcc.c-torture from $tarball"
  rm -rf "$tdir.tmp"; mkdir -p "$tdir.tmp"
  tar -xJf "$tarball" -C "$tdir.tmp" --strip-components=3 --wildcards \
    '*/gcc/testsuite/gcc.c-torture/compile/*' \
    '*/gcc/testsuite/gcc.c-torture/execute/*'
  mv "$tdir.tmp/gcc.c-torture" "$tdir"; rm -rf "$tdir.tmp"
fi
for k in compile execute; do
  $run_py torture --dir "$tdir/$k" --kind "$k" --sample "$TORTURE_SAMPLE" \
    --out "$units/torture-$k.jsonl"
done

# ------------------------------------------------------------ csmith
csinc=$(ls -d /usr/include/csmith* | head -1)
$run_py csmith --dir "$CORPUS_DIR/csmith" --seeds "$CSMITH_SEEDS" \
  --include "$csinc" --out "$units/csmith.jsonl"

# ------------------------------------------------------------ run
list=()
for p in $PROJECTS torture-compile torture-execute csmith; do
  [ -s "$units/$p.jsonl" ] && list+=("$units/$p.jsonl")
done
# a run that was stopped goes on where it was (same plugin, same units)
resume=--resume
[ -z "${FRESH:-}" ] || resume=
log "compiling ${#list[@]} unit sets with $JOBS jobs (plugin $PLUGIN)"
$run_py run --cc "$CC" --plugin "$PLUGIN" --jobs "$JOBS" --progress 500 $resume \
  --timeout-cap "${TIMEOUT:-120}" --out "$CORPUS_DIR/run" --relto "$CORPUS_DIR" \
  --table "$CORPUS_DIR/results.md" "${list[@]}"
