#!/usr/bin/env bash
# Installs the system headers Cited builds against and the tools its tests drive (pandoc, unzip),
# when they are missing (Debian/Ubuntu).
# The one list of system packages: README's first command and .ci/run both call this.
set -euo pipefail

packages=(libxml2-dev pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev pandoc unzip)
need=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing: ${need[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${need[@]}"
