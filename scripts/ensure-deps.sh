#!/usr/bin/env bash
# Make sure the packages the build and the tests need are installed.
# As root on Debian it installs what is missing; otherwise it prints the
# exact apt-get command and fails.
#   usage: scripts/ensure-deps.sh CC [build|check|corpus]
set -euo pipefail
cc=${1:-gcc}
what=${2:-build}

# gcc-12 -> 12, gcc -> version of the default compiler
ver=$("$cc" -dumpversion 2>/dev/null | cut -d. -f1 || true)
[ -n "$ver" ] || ver=12

pkgs=(make "gcc-$ver" "g++-$ver" "gcc-$ver-plugin-dev")
case "$what" in
  check)  pkgs+=(dejagnu check pkg-config csmith libcsmith-dev gcc-12-source cmake meson ninja-build python3) ;;
  corpus) pkgs+=(dejagnu check pkg-config csmith libcsmith-dev gcc-12-source dpkg-dev time xz-utils) ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "escape: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null 2>&1
    apt-get install -y -q "${missing[@]}" >/dev/null
  }
else
  echo "escape: missing packages; run as root:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 1
fi
