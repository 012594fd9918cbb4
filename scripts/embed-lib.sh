#!/usr/bin/env bash
# Shared by embed-locales.sh and embed-styles.sh (sourced, not run).

# emit_raw_literal KEY FILE: prints `    "KEY": #"""` + the file's text + `"""#,` as one entry
# of a Swift dictionary literal. The delimiter gets one more "#" than the longest run of "#"
# in the file, so no text can close the string or start an interpolation; the file's own
# ending (with or without a final newline) is kept exactly.
emit_raw_literal() {
  local key="$1" file="$2" longest hashes
  longest="$(grep -o '#\+' "$file" | awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }' || true)"
  hashes="$(printf '%*s' "$((longest + 1))" '' | tr ' ' '#')"
  printf '    "%s": %s"""\n' "$key" "$hashes"
  cat "$file"
  # A multi-line literal drops the newline before its closing delimiter; this restores it.
  printf '\n'
  printf '"""%s,\n' "$hashes"
}

# sorted_files TOOL DIR GLOB: prints the files matching DIR/GLOB, one a line, sorted by name
# with the C locale (so the output does not depend on the caller's locale); fails with a
# message naming TOOL when there are none.
sorted_files() {
  local tool="$1" dir="$2" glob="$3" found=()
  shopt -s nullglob
  # shellcheck disable=SC2206  # the glob is meant to expand here
  found=("$dir"/$glob)
  shopt -u nullglob
  if [ ${#found[@]} -eq 0 ]; then
    echo "$tool: no $glob in $dir" >&2
    return 1
  fi
  printf '%s\n' "${found[@]}" | LC_ALL=C sort
}
