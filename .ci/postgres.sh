#!/usr/bin/env bash
# Start the local PostgreSQL cluster and make a role + database for accordwatch's tests.
#
# Run as root on a Debian machine where `apt-get install -y postgresql` has run.
#   export ACCORDWATCH_TEST_PG="$(bash .ci/postgres.sh)"   # prints the URL on stdout
#   source .ci/postgres.sh                                 # or: exports ACCORDWATCH_TEST_PG itself
# Progress goes to stderr; the only line on stdout is the URL. Safe to run twice.

_aw_pg_main() {
  local role=accordwatch password=accordwatch db=accordwatch_test
  local version port
  version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$version" ]; then
    echo "postgres.sh: no PostgreSQL under /usr/lib/postgresql (apt-get install -y postgresql)" >&2
    return 1
  fi
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    echo "postgres.sh: creating cluster $version/main" >&2
    pg_createcluster "$version" main >&2 || return 1
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    echo "postgres.sh: starting cluster $version/main" >&2
    pg_ctlcluster "$version" main start >&2 || return 1
  fi
  port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"
  local i
  for i in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres.sh: server not ready on port $port" >&2; return 1; }

  # Role and database, created only where missing (psql -v passes values as quoted literals/identifiers).
  # cd /: psql, run as postgres, would warn that it cannot enter root's working directory.
  (cd / && su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -v role=$role -v pw=$password") >&2 <<'SQL' || return 1
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SQL
  (cd / && su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -v role=$role -v db=$db") >&2 <<'SQL' || return 1
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  ACCORDWATCH_TEST_PG="postgresql+psycopg://$role:$password@127.0.0.1:$port/$db"
  export ACCORDWATCH_TEST_PG
  echo "postgres.sh: ACCORDWATCH_TEST_PG=$ACCORDWATCH_TEST_PG" >&2
  echo "$ACCORDWATCH_TEST_PG"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _aw_pg_main
  exit $?
else
  _aw_pg_main >/dev/null
fi
