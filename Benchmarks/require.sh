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

# Builds a product as the benchmarks measure it, a release build with the Swift runtime and
# Foundation linked in (`--static-swift-stdlib`: direct runtime calls and a shorter start, about
# 5 % of a 10k render), and prints its path. Every script builds the same way, so none of them
# rebuilds what another built. Usage: cited="$(build_release cited)"
build_release() {
  swift build -c release --static-swift-stdlib --product "$1" >/dev/null
  echo "$(swift build -c release --static-swift-stdlib --show-bin-path)/$1"
}
