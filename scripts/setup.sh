#!/usr/bin/env bash
# Installs the system headers and libraries Cited builds against (libsqlite3 for the server's
# GRDB, mimalloc for the command-line tools among them) and the tools its tests drive (pandoc,
# unzip; PostgreSQL with --postgres), when they are missing (Debian/Ubuntu).
# The one list of system packages: README's first command and .ci/run both call this.
#
# --browser (CI's run) also installs headless Chromium and Python's websockets (from PyPI, or
# Debian's python3-websockets where pip cannot install) for the web page's browser test.
#
# --postgres also starts a private PostgreSQL cluster for the server's tests, on 127.0.0.1:54329
# only (trust authentication, data under /tmp/cited-test-postgres), unless one answers there;
# the tests find it through CITED_TEST_POSTGRES=postgres://cited@127.0.0.1:54329/postgres.
set -euo pipefail

postgres=false
browser=false
for option in "$@"; do
  case "$option" in
    --postgres) postgres=true ;;
    --browser) browser=true ;;
    *) echo "usage: $0 [--postgres] [--browser]" >&2; exit 2 ;;
  esac
done

packages=(libxml2-dev pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libmimalloc-dev pandoc unzip)
# A newcomer's first command needs no database server and no browser; CI's run does.
if $postgres; then packages+=(postgresql); fi
if $browser; then packages+=(chromium); fi
need=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${need[@]}"
fi

if $browser && ! python3 -c 'import websockets' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check websockets 2>/dev/null \
    || "${sudo[@]}" apt-get install -y -qq python3-websockets
fi

$postgres || exit 0

port=54329
folder=/tmp/cited-test-postgres
pg_isready -q -h 127.0.0.1 -p "$port" && exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi  # initdb refuses to run as root
rm -rf "$folder"
mkdir -p "$folder"
[ "$(id -u)" -eq 0 ] && chown postgres "$folder"
"${as_owner[@]}" "$bin/initdb" -D "$folder/data" -A trust -U cited --no-sync >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off" start >/dev/null
echo "PostgreSQL for the tests: postgres://cited@127.0.0.1:$port/postgres"
