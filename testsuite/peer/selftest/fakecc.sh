#!/usr/bin/env bash
# A stand-in compiler for testsuite/peer/selftest.sh: -aux-info runs the
# real compiler ($REAL_CC); a compile prints the canned diagnostics of the
# source (NAME.plugin with -fplugin=, else NAME.gcc), @F@ = the source path.
for a; do [ "$a" = -aux-info ] && exec "${REAL_CC:-gcc}" "$@"; done
src= tool=gcc
for a; do
  case $a in -fplugin=*) tool=plugin ;; *.c) src=$a ;; esac
done
sed "s|@F@|$src|g" "${src%.c}.$tool" >&2
exit 0
