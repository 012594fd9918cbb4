#!/bin/sh
# Builds every libFuzzer target (Fuzz/Sources/Fuzz*) with -sanitize=fuzzer,address into
# .build-fuzz and runs each for SECONDS (default 60), seeded from the project's own data.
# A finding leaves crash-*/timeout-*/oom-* files in .build-fuzz/findings/TARGET and makes the
# script exit 1. Usage: Fuzz/run.sh [SECONDS] [TARGET...]
set -u
seconds=${1:-60}
[ $# -gt 0 ] && shift
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
out="$root/.build-fuzz"
# Swift keeps lazily made globals to the end: LeakSanitizer would call each one a leak.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
targets=${*:-"BibTeX RIS CSLJSON CSLYAML Style KnowledgeYAML Markdown CitationSyntax ExtremeItems MacroGraph"}

swift build --package-path "$fuzz" --scratch-path "$out" -c debug \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -Onone || exit 2
bin=$(swift build --package-path "$fuzz" --scratch-path "$out" -c debug --show-bin-path)

# Seeds: the project's own files of each kind (copied into the build folder, never the repo).
seed() { # target, then find arguments
  target=$1
  shift
  mkdir -p "$out/corpus/$target"
  find "$root/Bibliography" "$root/Knowledge" "$root/Styles" "$root/Docs" "$root/Tests" "$root/Benchmarks" \
    -type f "$@" -size -200k -exec cp {} "$out/corpus/$target/" \; 2>/dev/null
}
seed BibTeX -name '*.bib'
seed RIS \( -name '*.ris' -o -name '*.nbib' -o -name '*.ciw' \)
seed CSLJSON -name '*.json'
seed CSLYAML \( -name '*.yaml' -o -name '*.yml' \)
seed Style -name '*.csl'
seed KnowledgeYAML -path '*Knowledge*' -name '*.yaml'
seed Markdown -name '*.md'
seed CitationSyntax -name '*.md'
mkdir -p "$out/corpus/ExtremeItems" "$out/corpus/MacroGraph"
"$bin/FuzzBibTeX" --write-seeds "$root" "$out/corpus"

status=0
for target in $targets; do
  mkdir -p "$out/findings/$target"
  echo "== Fuzz$target: $seconds s"
  "$bin/Fuzz$target" "$out/corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -max_len=65536 -artifact_prefix="$out/findings/$target/" -print_final_stats=1 2>"$out/findings/$target.log"
  code=$?
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$out/findings/$target.log" | tail -1
  if [ $code -ne 0 ]; then
    echo "   finding: see $out/findings/$target.log"
    status=1
  fi
done
exit $status
