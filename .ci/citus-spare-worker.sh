#!/usr/bin/env bash
# Starts one more Citus node on 127.0.0.1:PORT (default 5436) beside the cluster of
# ../shared/citus/start-cluster.sh, with database "test" and the citus extension, NOT registered with
# the coordinator: CitusRebalanceTest adds it (citus_add_node), rebalances onto it while completions
# arrive, then drains and removes it again. Stop it with ../shared/citus/stop-cluster.sh.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
port=${1:-5436}
root=${HABITCOACH_CITUS_DIR:-/tmp/habitcoach-citus}
bin=/usr/lib/postgresql/15/bin
dir="$root/$port"
mkdir -p "$root"; chown postgres "$root"
as_pg() { runuser -u postgres -- "$@"; }
if [ ! -f "$dir/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$dir" -U postgres -A trust >/dev/null
  cat >> "$dir/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$root'
shared_preload_libraries = 'citus'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi
as_pg "$bin/pg_ctl" -D "$dir" -l "$dir.log" -w status >/dev/null 2>&1 || as_pg "$bin/pg_ctl" -D "$dir" -l "$dir.log" -w start >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc "select 1 from pg_database where datname = 'test'" | grep -q 1 ||
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database test" 2>/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -d test -qc "create extension if not exists citus" >/dev/null
echo "127.0.0.1:$port"
