#!/usr/bin/env bash
# Times `cited report` on a synthetic knowledge base (default 100,000 statements; not a test).
# Usage: Benchmarks/report.sh [STATEMENTS] [STYLE]
# Builds release, generates the KB with `cited kb generate-synthetic`, then writes the HTML,
# Markdown and text reports three times each and prints the wall-clock times and output sizes.
set -eu
cd "$(dirname "$0")/.."
source Benchmarks/require.sh
require_tools bc
statements="${1:-100000}"
style="${2:-$(pwd)/Styles/cited-author-date.csl}"
bin="$(build_release cited)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" kb generate-synthetic --statements "$statements" --out "$work/kb"
cd "$work/kb"
for format in html md txt; do
  for run in 1 2 3; do
    start=$(date +%s.%N)
    "$bin" report --style "$style" --format "$format" -o "$work/report.$format" >/dev/null
    end=$(date +%s.%N)
    echo "$format run $run: $(echo "$end - $start" | bc) s, $(wc -c < "$work/report.$format") bytes"
  done
done
