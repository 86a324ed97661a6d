#!/usr/bin/env bash
# Turn the Check library's summary line ("100%: Checks: 12, Failures: 0,
# Errors: 0") in LOG into "PASSED FAILED"; no summary counts as one failure.
set -u
line=$(grep -E '^[0-9]+%: Checks: ' "$1" | tail -n 1)
if [ -z "$line" ]; then echo "0 1"; exit 0; fi
checks=$(sed -E 's/.*Checks: ([0-9]+).*/\1/' <<<"$line")
fails=$(sed -E 's/.*Failures: ([0-9]+).*/\1/' <<<"$line")
errors=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$line")
bad=$((fails + errors))
echo "$((checks - bad)) $bad"
grep -E ':[EF]:' "$1" >&2 || true
