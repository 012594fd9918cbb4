#!/usr/bin/env bash
# Renders the 10,000-reference benchmark corpus with APA, with Cited and with pandoc --citeproc,
# and prints both timings side by side. Run from anywhere; needs ../shared (the shared data).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
corpus="$shared/bench/corpus-10000.json"
style="$shared/csl/styles/apa.csl"
locales="$shared/csl/locales"
[ -f "$corpus" ] || { echo "missing $corpus" >&2; exit 2; }

cd "$root"
swift build -c release --product cited >/dev/null
if ! command -v pandoc >/dev/null; then
  echo "installing pandoc" >&2
  apt-get install -y pandoc >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf -- "---\nnocite: '@*'\n---\n\n# References\n" > "$work/doc.md"

seconds() { # command... -> prints elapsed seconds (wall clock) of the best of three runs
  local best=""
  for _ in 1 2 3; do
    local start end elapsed
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc)" = 1 ]; then best=$elapsed; fi
  done
  printf "%.2f" "$best"
}

cited=$(seconds .build/release/cited render --style "$style" --bibliography "$corpus" --locales "$locales" --format html)
pandoc_time=$(seconds pandoc "$work/doc.md" --citeproc --bibliography "$corpus" --csl "$style" -t html -o "$work/out.html")
ratio=$(echo "scale=1; $pandoc_time / $cited" | bc)
printf "%-28s %10s\n" "renderer (10k refs, APA)" "seconds"
printf "%-28s %10s\n" "cited render" "$cited"
printf "%-28s %10s\n" "pandoc --citeproc" "$pandoc_time"
printf "%-28s %9sx\n" "speed-up" "$ratio"
