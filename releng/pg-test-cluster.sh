#!/usr/bin/env bash
# A private, throwaway PostgreSQL cluster for the hub's tests (used by .ci/run and by developers).
#   releng/pg-test-cluster.sh start   creates and starts it; prints export MIAOPI_TEST_POSTGRES_URL=...
#   releng/pg-test-cluster.sh stop    stops it and removes its directory
#   releng/pg-test-cluster.sh url     prints the URL of the running cluster
# Debian's `postgresql` package provides the programs (not on PATH). PostgreSQL refuses to run as
# root: as root the cluster belongs to the `postgres` account the package creates.
# Environment: MIAOPI_PG_TEST_DIR (default /tmp/miaopi-pg-test), MIAOPI_PG_TEST_PORT (default 55432).
set -euo pipefail

DIR="${MIAOPI_PG_TEST_DIR:-/tmp/miaopi-pg-test}"
PORT="${MIAOPI_PG_TEST_PORT:-55432}"
URL="jdbc:postgresql://127.0.0.1:${PORT}/postgres?user=postgres"

pg_bin() {
  local b
  for b in /usr/lib/postgresql/*/bin; do
    [ -x "${b}/initdb" ] && { echo "${b}"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  echo "pg-test-cluster: PostgreSQL is not installed (Debian: apt-get install -y postgresql)" >&2
  return 1
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin="$(pg_bin)"
  if [ -f "${DIR}/data/postmaster.pid" ] && as_owner "${bin}/pg_ctl" -D "${DIR}/data" status >/dev/null 2>&1; then
    echo "export MIAOPI_TEST_POSTGRES_URL='${URL}'"
    return 0
  fi
  rm -rf "${DIR}"
  mkdir -p "${DIR}"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "${DIR}"
  # trust on a loopback-only, private socket directory: a test cluster holds no real data
  as_owner "${bin}/initdb" -D "${DIR}/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"${DIR}/initdb.log" 2>&1 \
    || { cat "${DIR}/initdb.log" >&2; exit 1; }
  as_owner "${bin}/pg_ctl" -D "${DIR}/data" -l "${DIR}/log" -w \
    -o "-p ${PORT} -k ${DIR} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "${DIR}/log" >&2; exit 1; }
  echo "export MIAOPI_TEST_POSTGRES_URL='${URL}'"
}

stop() {
  local bin
  bin="$(pg_bin)" || exit 0
  if [ -d "${DIR}/data" ]; then
    as_owner "${bin}/pg_ctl" -D "${DIR}/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "${DIR}"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "${URL}" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
