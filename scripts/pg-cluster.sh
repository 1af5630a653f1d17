#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite, on loopback only.
#
#   scripts/pg-cluster.sh start DIR   creates DIR (if needed), starts a cluster in DIR/data and
#                                     writes its URL to DIR/url (also printed on stdout)
#   scripts/pg-cluster.sh stop DIR    stops the cluster and removes DIR
#
# The cluster runs as the `postgres` OS user (initdb refuses root), listens on 127.0.0.1 only,
# trusts loopback connections only, and trades durability for speed (fsync off): it holds nothing
# but test data and is deleted afterwards.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

# initdb/pg_ctl: on PATH, else Debian's versioned folder (newest first).
find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -rn); do
    if [ -x "$candidate/$1" ]; then echo "$candidate/$1"; return; fi
  done
  return 1
}

# Runs a PostgreSQL program as the cluster's owner: as root we switch to `postgres`; as any other
# user the cluster simply belongs to that user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A free TCP port on 127.0.0.1, chosen by the kernel.
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

start() {
  local initdb pg_ctl port
  initdb=$(find_bin initdb) || { echo "pg-cluster: initdb not found (install PostgreSQL)" >&2; exit 1; }
  pg_ctl=$(find_bin pg_ctl) || { echo "pg-cluster: pg_ctl not found (install PostgreSQL)" >&2; exit 1; }
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  as_owner "$initdb" -D "$dir/data" -U postgres --auth=reject --encoding=UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # Loopback only, trust only there; everything else (including the Unix socket) is rejected.
  as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<'EOF'
host all all 127.0.0.1/32 trust
EOF
  port=$(free_port)
  as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgres://postgres@127.0.0.1:$port/postgres" | tee "$dir/url"
}

stop() {
  local pg_ctl
  if [ -d "$dir/data" ] && pg_ctl=$(find_bin pg_ctl); then
    as_owner "$pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
