#!/usr/bin/env bash
# Every benchmark job of Docs/benchmarks.md, Cited beside pandoc 2.17 in one run each, taking
# turns (Benchmarks/alternate.py: Cited, pandoc, Cited, pandoc, ...), printed as one Markdown
# table: wall and user CPU seconds (medians of the runs), peak memory
# (/usr/bin/time, one run) and, for Cited, instructions (valgrind --tool=callgrind, one run;
# the steady number on a busy machine).
#   Jobs: bibliography of every reference (a `nocite: '@*'` document for pandoc) and cite every
#   item + bibliography, per style and size; `cited check`, `cited report` (HTML) of synthetic
#   knowledge bases; `cited bib convert` CSL-JSON → BibLaTeX beside `pandoc -f csljson -t biblatex`.
#   100k references are the 10k corpus ten times with new ids (its citations likewise, ten
#   times over). pandoc runs at 10k at most.
# Usage: Benchmarks/all.sh            (everything: 1k/10k/100k; takes a long while)
#        QUICK=1 Benchmarks/all.sh    (1k references, 10k statements, one run, no callgrind)
# Knobs: RUNS (runs of each command, default 3), SIZES ("1000 10000 100000"), STYLES (file names in
# ../shared/csl/styles without .csl), JOBS ("bib cite tools"), CALLGRIND (1/0), CALLGRIND_MAX
# (largest size measured with callgrind, default 10000), PANDOC_MAX (default 10000),
# PANDOC_TIMEOUT (seconds before a pandoc run is stopped and shown as "> N", default 300).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
source "$root/Benchmarks/require.sh"
require_tools time python3 pandoc valgrind
if [ -n "${QUICK:-}" ]; then
  : "${RUNS:=1}" "${SIZES:=1000}" "${CALLGRIND:=0}" "${STATEMENTS:=10000}"
fi
runs="${RUNS:-3}"
sizes="${SIZES:-1000 10000 100000}"
styles="${STYLES:-apa chicago-author-date chicago-notes-bibliography ieee modern-language-association china-national-standard-gb-t-7714-2015-numeric}"
jobs="${JOBS:-bib cite tools}"
callgrind="${CALLGRIND:-1}"
callgrind_max="${CALLGRIND_MAX:-10000}"
pandoc_max="${PANDOC_MAX:-10000}"
pandoc_timeout="${PANDOC_TIMEOUT:-300}"
statements="${STATEMENTS:-10000 100000}"
locales="$shared/csl/locales"
[ -f "$shared/bench/corpus-10000.json" ] || { echo "missing $shared/bench (the shared corpora)" >&2; exit 2; }

cd "$root"
cited="$(build_release cited)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The shared 1k and 10k corpora and citations; other sizes repeat the 10k ones with the ids
# renamed per copy ("ref00001-3"; the citations of copy 3 cite copy 3).
repeated() { # corpus|citations size -> file
  local kind=$1 n=$2 file="$shared/bench/$1-$2.json"
  if [ -f "$file" ]; then echo "$file"; return; fi
  file="$work/$kind-$n.json"
  [ -f "$file" ] || python3 - "$shared/bench/$kind-10000.json" "$n" "$file" "$kind" <<'EOF'
import json, sys
entries = json.load(open(sys.argv[1], encoding="utf-8"))
n, kind, out = int(sys.argv[2]), sys.argv[4], []
for copy in range((n + 9999) // 10000):
    tag = f"-{copy}" if copy else ""
    for entry in entries:
        if kind == "corpus":
            out.append(dict(entry, id=entry["id"] + tag))
        else:
            items = [dict(item, id=item["id"] + tag) for item in entry["items"]]
            out.append({"id": entry["id"] + tag, "noteIndex": len(out) + 1, "items": items})
json.dump(out[:n] if kind == "corpus" else out, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF
  echo "$file"
}
# pandoc's documents: every reference (nocite) or one paragraph citing each item in order.
documents() {
  local n=$1 json=$2
  printf -- "---\nnocite: '@*'\n---\n\n# References\n" >"$work/bib-$n.md"
  python3 - "$json" >"$work/cite-$n.md" <<'EOF'
import json, sys
print("---\ntitle: Cite all\n---\n")
for item in json.load(open(sys.argv[1], encoding="utf-8")):
    print(f"Text [@{item['id']}].")
print("\n# References")
EOF
}

peak_mb() { /usr/bin/time -f "%M" -o "$work/peak" "$@" >/dev/null 2>&1 || true; echo $(($(tail -1 "$work/peak") / 1024)); }
instructions() {
  [ "$callgrind" = 1 ] && [ "$2" -le "$callgrind_max" ] || { echo "–"; return; }
  shift 2
  # valgrind gives up on the debug information of Swift release builds: a stripped copy.
  [ -x "$work/cited-stripped" ] || strip -o "$work/cited-stripped" "$cited"
  # A cache is keyed by the binary too (`check --cache`): the stripped copy fills its own entry
  # first, or its count would be a cold run's.
  if [[ " $* " == *" --cache "* ]]; then "$work/cited-stripped" "${@:2}" >/dev/null 2>&1 || true; fi
  # The command's own exit status is not the measurement (`cited check` exits 1 on the
  # synthetic knowledge base's planted errors; under pipefail that stopped the script).
  (valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/cited-stripped" "${@:2}" 2>&1 >/dev/null || true) |
    awk '/Collected/ { printf "%.2f G", $4 / 1e9 }'
}

echo "| job | size | Cited wall s | Cited user s | Cited peak MB | Cited instructions | pandoc wall s | pandoc user s | pandoc peak MB | wall × | CPU × |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
row() { # job size cited-command-string pandoc-command-string(or empty)
  local job=$1 n=$2 ours=$3 theirs=$4
  local commands=("$ours")
  [ -n "$theirs" ] && commands+=("$theirs")
  # One line per command: median wall and user seconds.
  python3 "$root/Benchmarks/alternate.py" "$runs" "${commands[@]}" >"$work/times"
  read -r cw cu <<<"$(sed -n 1p "$work/times")"
  local cm ci pw="–" pu="–" pm="–" sw="–" su="–"
  # shellcheck disable=SC2086
  cm=$(peak_mb $ours)
  # shellcheck disable=SC2086
  ci=$(instructions "$job" "$n" $ours)
  if [ -n "$theirs" ]; then
    read -r pw pu <<<"$(sed -n 2p "$work/times")"
    if python3 -c "import sys; sys.exit(0 if $pw >= $pandoc_timeout else 1)"; then
      pw="> $pandoc_timeout" pu="–" pm="–" sw="> $(python3 -c "print(f'{$pandoc_timeout / $cw:.0f}')")"
    else
      # shellcheck disable=SC2086
      pm=$(peak_mb $theirs)
      sw=$(python3 -c "print(f'{$pw / $cw:.1f}')")
      su=$(python3 -c "print(f'{$pu / $cu:.1f}')")
    fi
  fi
  echo "| $job | $n | $cw | $cu | $cm | $ci | $pw | $pu | $pm | $sw | $su |"
}

for n in $sizes; do
  json=$(repeated corpus "$n")
  documents "$n" "$json"
  citations=$(repeated citations "$n")
  for style in $styles; do
    csl="$shared/csl/styles/$style.csl"
    theirs() { [ "$n" -le "$pandoc_max" ] && echo "timeout $pandoc_timeout pandoc $work/$1-$n.md --citeproc --bibliography $json --csl $csl -t html -o $work/p.html"; true; }
    if [[ " $jobs " == *" bib "* ]]; then
      row "$style, bibliography" "$n" \
        "$cited render --style $csl --bibliography $json --locales $locales --format html -o $work/c.html" "$(theirs bib)"
    fi
    if [[ " $jobs " == *" cite "* ]] && [ -f "$citations" ]; then
      row "$style, cite all + bibliography" "$n" \
        "$cited render --style $csl --bibliography $json --locales $locales --format html --citations $citations -o $work/c.html" \
        "$(theirs cite)"
    fi
  done
  if [[ " $jobs " == *" tools "* ]] && [ "$n" -ge 10000 ]; then
    theirs=""
    [ "$n" -le "$pandoc_max" ] && theirs="pandoc -f csljson -t biblatex $json -o $work/p.bib"
    row "bib convert CSL-JSON → BibLaTeX" "$n" "$cited bib convert $json $work/c.bib" "$theirs"
  fi
done
if [[ " $jobs " == *" tools "* ]]; then
  for s in $statements; do
    "$cited" kb generate-synthetic --statements "$s" --out "$work/kb-$s" >/dev/null
    row "cited check (statements)" "$s" "$cited check --project $work/kb-$s" ""
    # Warm: the first --cache run fills the project's .cited/check-cache, the timed runs reuse it.
    "$cited" check --project "$work/kb-$s" --cache >/dev/null || true
    row "cited check --cache, warm (statements)" "$s" "$cited check --project $work/kb-$s --cache" ""
    row "cited report, HTML (statements)" "$s" \
      "$cited report --project $work/kb-$s --style $root/Styles/cited-author-date.csl --format html -o $work/r.html" ""
  done
fi
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(pandoc --version | head -1), runs: $runs"
