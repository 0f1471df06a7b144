#!/usr/bin/env bash
# Make sure a PostgreSQL server with PostGIS answers at RUNQUEST_DATABASE_URL (or the local
# default), installing and starting what is missing. Idempotent; needs root only to install.
set -euo pipefail

URL="${RUNQUEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/runquest}"
SERVER_URL="${URL%/*}/postgres"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
is_local() { case "$URL" in *@127.0.0.1*|*@localhost*|*//127.0.0.1*|*//localhost*) return 0;; *) return 1;; esac; }
answers() { psql "$SERVER_URL" -tAc "select 1" >/dev/null 2>&1; }

command -v psql >/dev/null || apt_install postgresql-client

if ! answers && is_local; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "ensure-postgis: installing PostgreSQL"
    apt_install postgresql
  fi
  for cluster in /etc/postgresql/*/main; do
    version=$(basename "$(dirname "$cluster")")
    echo "ensure-postgis: starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  if ! answers; then
    # A fresh Debian server asks for a password on TCP; let the local postgres user in.
    hba=$(ls /etc/postgresql/*/main/pg_hba.conf | head -n 1)
    if ! grep -q "runquest: local trust" "$hba"; then
      echo "ensure-postgis: allowing user postgres from 127.0.0.1 without a password ($hba)"
      as_root sed -i '1i host all postgres 127.0.0.1/32 trust  # runquest: local trust\nhost all postgres ::1/128 trust  # runquest: local trust' "$hba"
      as_root pg_ctlcluster --skip-systemctl-redirect "$(basename "$(dirname "$(dirname "$hba")")")" main reload
    fi
  fi
fi
answers || { echo "ensure-postgis: no PostgreSQL server answers at $SERVER_URL" >&2; exit 1; }

has_postgis() { [ "$(psql "$SERVER_URL" -tAc "select count(*) from pg_available_extensions where name = 'postgis'")" = 1 ]; }
if ! has_postgis; then
  is_local || { echo "ensure-postgis: the server at $SERVER_URL has no PostGIS; install it there" >&2; exit 1; }
  major=$(psql "$SERVER_URL" -tAc "show server_version_num" | cut -c1-2)
  echo "ensure-postgis: installing postgresql-$major-postgis-3"
  apt_install "postgresql-$major-postgis-3"
fi
has_postgis
echo "ensure-postgis: PostgreSQL with PostGIS answers at $SERVER_URL"
