#!/usr/bin/env bash
# Times `cited check` on a synthetic knowledge base of 100,000 statements (not a test):
# three cold runs, then three with --cache (the first fills .cited/check-cache, the others reuse it).
# Usage: Benchmarks/check.sh [STATEMENTS]
set -eu
cd "$(dirname "$0")/.."
source Benchmarks/require.sh
require_tools bc
statements="${1:-100000}"
bin="$(build_release cited)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" kb generate-synthetic --statements "$statements" --out "$work/kb"
cd "$work/kb"
for run in 1 2 3; do
  start=$(date +%s.%N)
  status=0
  "$bin" check --timings > "$work/out.txt" || status=$?
  end=$(date +%s.%N)
  echo "run $run: $(echo "$end - $start" | bc) s (exit $status)"
done
for run in 1 2 3; do
  start=$(date +%s.%N)
  status=0
  "$bin" check --cache --timings > "$work/out-cached.txt" || status=$?
  end=$(date +%s.%N)
  echo "--cache run $run: $(echo "$end - $start" | bc) s (exit $status)"
done
cmp -s "$work/out.txt" "$work/out-cached.txt" || echo "cached output differs" >&2
"$bin" check | tail -3
