#!/usr/bin/env bash
# Renders the 10,000-reference benchmark corpus with APA, with Cited and with pandoc --citeproc,
# and prints both side by side: the bibliography alone, then every item cited followed by the
# bibliography. Wall clock, user CPU and peak memory of the best (fastest wall clock) of
# RUNS runs (default 3; pandoc's cite-all document runs once). Needs ../shared (the shared data).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
corpus="$shared/bench/corpus-10000.json"
citations="$shared/bench/citations-10000.json"
style="$shared/csl/styles/apa.csl"
locales="$shared/csl/locales"
runs="${RUNS:-3}"
[ -f "$corpus" ] || { echo "missing $corpus" >&2; exit 2; }
[ -f "$citations" ] || { echo "missing $citations" >&2; exit 2; }
source "$(dirname "$0")/require.sh"
require_tools time bc pandoc

cd "$root"
cited="$(build_release cited)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf -- "---\nnocite: '@*'\n---\n\n# References\n" > "$work/bib.md"
# pandoc's cite-all document: one paragraph citing each item, in corpus order.
{
  printf -- "---\ntitle: Cite all\n---\n\n"
  grep -o '^  "id": "[^"]*"' "$corpus" | sed 's/^  "id": "\(.*\)"$/Text [@\1]./'
  printf "\n# References\n"
} > "$work/cite.md"

measure() { # runs command... -> "wall user peakKB" of the run with the best wall clock
  local count=$1
  shift
  local best=""
  for _ in $(seq "$count"); do
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" > /dev/null
    local line
    line=$(tail -1 "$work/time")
    if [ -z "$best" ] || [ "$(echo "${line%% *} < ${best%% *}" | bc)" = 1 ]; then best=$line; fi
  done
  echo "$best"
}

row() { # label "wall user kb" -> one table row
  read -r wall user kb <<< "$2"
  printf "%-34s %8.2f %8.2f %8d\n" "$1" "$wall" "$user" $((kb / 1024))
}

bib_cited=$(measure "$runs" "$cited" render --style "$style" --bibliography "$corpus" --locales "$locales" \
  --format html)
cite_cited=$(measure "$runs" "$cited" render --style "$style" --bibliography "$corpus" --locales "$locales" \
  --format html --citations "$citations")
bib_pandoc=$(measure "$runs" pandoc "$work/bib.md" --citeproc --bibliography "$corpus" --csl "$style" -t html \
  -o "$work/bib.html")
cite_pandoc=$(measure 1 pandoc "$work/cite.md" --citeproc --bibliography "$corpus" --csl "$style" -t html \
  -o "$work/cite.html")

printf "%-34s %8s %8s %8s\n" "10,000 references, APA, HTML" "wall s" "user s" "peak MB"
row "bibliography: cited render" "$bib_cited"
row "bibliography: pandoc --citeproc" "$bib_pandoc"
row "cite all + bibliography: cited" "$cite_cited"
row "cite all + bibliography: pandoc" "$cite_pandoc"
printf "%-34s %8.1fx\n" "speed-up, bibliography (wall)" "$(echo "scale=2; ${bib_pandoc%% *} / ${bib_cited%% *}" | bc)"
printf "%-34s %8.1fx\n" "speed-up, cite all (wall)" "$(echo "scale=2; ${cite_pandoc%% *} / ${cite_cited%% *}" | bc)"
