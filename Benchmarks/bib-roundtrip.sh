#!/usr/bin/env bash
# Round trips over real-shaped files: BibLaTeX → CSL-JSON → BibLaTeX → CSL-JSON must give the
# same CSL-JSON. Inputs: the project's own CSL-JSON fixtures (written as BibLaTeX first), the
# shared 1,000-item corpus when present, and a seeded messy export (Benchmarks/messy-bib.py).
# Prints % of entries that come through by default and % of files whose round trip is stable.
# Usage: Benchmarks/bib-roundtrip.sh [FILES] [ENTRIES] [SEED]   (default 100 100 11)
set -euo pipefail
cd "$(dirname "$0")/.."
source "$(dirname "$0")/require.sh"
require_tools python3 cmp
cited="$(build_release cited)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"

python3 Benchmarks/messy-bib.py "$work/in" --files "${1:-100}" --entries "${2:-100}" --seed "${3:-11}"
# The project's own fixtures, as BibLaTeX files that read clean.
for json in Bibliography/lsg-sources.json Tests/CitedStylesTests/Resources/multilingual-items.json \
  Tests/KnowledgeBaseTests/Fixtures/example/Bibliography/sources.json ../shared/bench/corpus-1000.json; do
  [ -f "$json" ] || continue
  name="fixture-$(basename "$(dirname "$json")")-$(basename "$json" .json).bib"
  "$cited" bib convert "$json" "$work/in/$name" 2>/dev/null || true
  printf '%s\t%s\tclean\n' "$name" "$(grep -c '^  {$' "$json" || true)" >>"$work/in/manifest.tsv"
done

files=0 stable=0 clean_files=0 clean_stable=0 expected=0 through=0 read_clean=0
unstable=()
while IFS=$'\t' read -r name count kind; do
  in="$work/in/$name"
  files=$((files + 1))
  expected=$((expected + count))
  status=0
  "$cited" bib convert "$in" "$work/a.json" 2>/dev/null || status=$?
  [ "$status" -eq 0 ] && read_clean=$((read_clean + 1))
  got=$(grep -c '^  {$' "$work/a.json" || true)
  through=$((through + (got < count ? got : count)))
  "$cited" bib convert "$work/a.json" "$work/b.bib" 2>/dev/null || true
  "$cited" bib convert "$work/b.bib" "$work/c.json" 2>/dev/null || true
  if cmp -s "$work/a.json" "$work/c.json"; then
    stable=$((stable + 1))
    [ "$status" -eq 0 ] && clean_stable=$((clean_stable + 1))
  else
    unstable+=("$name")
  fi
  [ "$status" -eq 0 ] && clean_files=$((clean_files + 1))
  : "$kind"
done <"$work/in/manifest.tsv"

pct() { python3 -c "print(f'{100 * $1 / max($2, 1):.2f}')"; }
echo "files: $files ($read_clean read clean), entries expected: $expected"
echo "entries through by default: $through of $expected ($(pct "$through" "$expected") %)"
echo "round trip stable: $stable of $files files ($(pct "$stable" "$files") %); clean files: $clean_stable of $clean_files"
if [ "${#unstable[@]}" -gt 0 ]; then echo "unstable: ${unstable[*]}"; fi
