#!/usr/bin/env bash
# Reading 10,000 BibLaTeX entries: `cited bib convert big.bib out.json` beside
# `pandoc -f biblatex -t csljson big.bib`. The .bib is generated from the shared 10k corpus
# with `cited bib convert`. Usage: Benchmarks/bib-read.sh [RUNS]   (default 3 runs, best kept)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
corpus=../shared/bench/corpus-10000.json
if [ ! -f "$corpus" ]; then
  echo "skipped: $corpus not found (the shared benchmark corpus)" >&2
  exit 0
fi
source "$(dirname "$0")/require.sh"
require_tools time bc pandoc
cited="$(build_release cited)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cited" bib convert "$corpus" "$work/big.bib"
entries=$(grep -c '^@' "$work/big.bib")
echo "input: $entries entries, $(wc -c <"$work/big.bib") bytes"

# Best of $runs: wall seconds and CPU seconds (user+sys), "wall s (cpu s)". CPU time is the
# steadier number on a shared machine.
best() {
  local best_wall="" best_cpu=""
  for _ in $(seq "$runs"); do
    local out wall cpu
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$work/time")
    wall=$(echo "$out" | awk '{print $1}')
    cpu=$(echo "$out" | awk '{printf "%.2f", $2 + $3}')
    if [ -z "$best_wall" ] || [ "$(echo "$wall < $best_wall" | bc)" = 1 ]; then best_wall=$wall; fi
    if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc)" = 1 ]; then best_cpu=$cpu; fi
  done
  printf '%s s wall (%s s cpu)' "$best_wall" "$best_cpu"
}

echo "cited bib convert big.bib out.json : $(best "$cited" bib convert "$work/big.bib" "$work/out.json")"
echo "cited bib validate big.bib (read)  : $(best "$cited" bib validate "$work/big.bib")"
if ! command -v pandoc >/dev/null; then
  echo "pandoc not installed (apt-get install -y pandoc); skipping the comparison"
  exit 0
fi
echo "pandoc -f biblatex -t csljson      : $(best pandoc -f biblatex -t csljson "$work/big.bib" -o "$work/pandoc.json") ($(pandoc --version | head -1))"
