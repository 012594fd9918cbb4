#!/usr/bin/env bash
# Sourced by the benchmark scripts: installs the Debian packages they use when missing
# (time, bc, pandoc), so they run on a fresh machine. Usage: require_tools time bc pandoc
require_tools() {
  local missing=()
  for tool in "$@"; do
    case "$tool" in
      time) [ -x /usr/bin/time ] || missing+=(time) ;;
      *) command -v "$tool" >/dev/null 2>&1 || missing+=("$tool") ;;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
