#!/usr/bin/env bash
# Regenerates the rendered examples in Docs/examples/ from Docs/examples/lsg-article.md with the
# bundled styles (Styles/cited-author-date.csl and Styles/cited-notes.csl). Run from anywhere;
# ReportsTests fails when the committed files differ from what this script writes.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product cited
cited="$(swift build --show-bin-path)/cited"
for style in author-date notes; do
  for ext in html md; do
    "$cited" render Docs/examples/lsg-article.md --style "Styles/cited-$style.csl" \
      -o "Docs/examples/lsg-article.$style.$ext"
  done
done
