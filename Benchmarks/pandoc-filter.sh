#!/usr/bin/env bash
# pandoc with cited-pandoc against pandoc's own --citeproc, side by side: a `nocite: '@*'`
# document over the 10,000-reference bench corpus, APA, to plain text. Needs pandoc, hyperfine
# and ../shared (the corpus and apa.csl). Usage: Benchmarks/pandoc-filter.sh [N=10000]
# The third row is the floor for any filter: pandoc only reading the AST its own --citeproc
# builds (the smallest faithful one) and writing text, with no citation work at all.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/require.sh
require_tools pandoc hyperfine
n="${1:-10000}"
shared="$(cd .. && pwd)/shared"
corpus="$shared/bench/corpus-$n.json"
style="$shared/csl/styles/apa.csl"
for file in "$corpus" "$style"; do
  [ -f "$file" ] || { echo "missing $file (../shared)"; exit 2; }
done

bin="$(dirname "$(build_release cited-pandoc)")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf -- "---\nbibliography: %s\ncsl: %s\nnocite: '@*'\n---\n\nEvery reference of the corpus.\n" "$corpus" "$style" >"$work/doc.md"

pandoc "$work/doc.md" --citeproc -t json -o "$work/citeproc.json"

hyperfine --warmup 1 --runs "${RUNS:-5}" \
  -n "pandoc --filter cited-pandoc" "PATH=$bin:\$PATH pandoc $work/doc.md --filter cited-pandoc -t plain -o $work/cited.txt" \
  -n "pandoc --citeproc" "pandoc $work/doc.md --citeproc -t plain -o $work/pandoc.txt" \
  -n "floor: pandoc -f json -t plain (--citeproc's AST)" "pandoc $work/citeproc.json -f json -t plain -o $work/floor.txt"
echo "entries: cited-pandoc $(grep -c . "$work/cited.txt") non-empty lines, pandoc $(grep -c . "$work/pandoc.txt")"
