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
swift build -c release --product cited >/dev/null
cited=.build/release/cited
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cited" bib convert "$corpus" "$work/big.bib"
entries=$(grep -c '^@' "$work/big.bib")
echo "input: $entries entries, $(wc -c <"$work/big.bib") bytes"

best() { # best wall time in seconds of running "$@" $runs times
  local best=""
  for _ in $(seq "$runs"); do
    local start end elapsed
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc)" = 1 ]; then best=$elapsed; fi
  done
  printf '%.3f' "$best"
}

echo "cited bib convert big.bib out.json : $(best "$cited" bib convert "$work/big.bib" "$work/out.json") s"
echo "cited bib validate big.bib (read)  : $(best "$cited" bib validate "$work/big.bib") s"
if ! command -v pandoc >/dev/null; then
  echo "pandoc not installed (apt-get install -y pandoc); skipping the comparison"
  exit 0
fi
echo "pandoc -f biblatex -t csljson      : $(best pandoc -f biblatex -t csljson "$work/big.bib" -o "$work/pandoc.json") s ($(pandoc --version | head -1))"
