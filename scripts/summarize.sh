#!/usr/bin/env bash
# Sum the "PASSED FAILED" pair each test suite wrote into DIR/*.count and
# print the final line of `make check`: "N passed, N failed".
# Exit status is non-zero when anything failed or a suite wrote no count.
set -u
dir=$1
total_p=0 total_f=0 status=0
for f in "$dir"/*.count; do
  name=$(basename "$f" .count)
  read -r p fl < "$f" 2>/dev/null || { p=0; fl=1; }
  if ! [[ "$p" =~ ^[0-9]+$ && "$fl" =~ ^[0-9]+$ ]]; then
    echo "$name: no result (suite did not run to the end)"; p=0; fl=1
  fi
  printf '%-10s %6d passed, %d failed\n' "$name:" "$p" "$fl"
  total_p=$((total_p + p)); total_f=$((total_f + fl))
done
[ "$total_f" -eq 0 ] || status=1
echo "$total_p passed, $total_f failed"
exit $status
