#!/usr/bin/env bash
# Times `cited check` on a synthetic knowledge base of 100,000 statements (not a test).
# Usage: Benchmarks/check.sh [STATEMENTS]
set -eu
cd "$(dirname "$0")/.."
source Benchmarks/require.sh
require_tools bc
statements="${1:-100000}"
swift build -c release --product cited >/dev/null
bin="$(swift build -c release --show-bin-path)/cited"
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
"$bin" check | tail -3
