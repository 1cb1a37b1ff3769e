#!/usr/bin/env bash
# Start a private PostgreSQL server on loopback for the tests and print the environment line
# that points coopnode at it:   eval "$(scripts/postgres-up.sh)"
# The cluster lives in $PGTEST_DIR (default /tmp/coopnode-pgtest) and listens on $PGTEST_PORT.
set -euo pipefail
PGTEST_DIR=${PGTEST_DIR:-/tmp/coopnode-pgtest}
PGTEST_PORT=${PGTEST_PORT:-54329}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL server binaries not found: run scripts/install-system-deps.sh" >&2
  exit 1
fi
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ ! -f "$PGTEST_DIR/PG_VERSION" ]; then
  mkdir -p "$PGTEST_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PGTEST_DIR"
  as_pg "$pg_bin/initdb" -D "$PGTEST_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_pg "$pg_bin/pg_ctl" -D "$PGTEST_DIR" status >/dev/null 2>&1; then
  as_pg "$pg_bin/pg_ctl" -D "$PGTEST_DIR" -l "$PGTEST_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGTEST_PORT -k $PGTEST_DIR -c fsync=off -c full_page_writes=off" start >/dev/null
fi
psql_cmd() { as_pg psql -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_cmd -c "select 1 from pg_roles where rolname='coopnode'")" != "1" ]; then
  psql_cmd -c "create role coopnode login createdb password 'coopnode'" >/dev/null
fi
if [ "$(psql_cmd -c "select 1 from pg_database where datname='coopnode'")" != "1" ]; then
  psql_cmd -c "create database coopnode owner coopnode" >/dev/null
fi
echo "export COOPNODE_DATABASE_URL=postgresql://coopnode:coopnode@127.0.0.1:$PGTEST_PORT/coopnode"
