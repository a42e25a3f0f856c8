#!/usr/bin/env bash
# Runs Alliance locally: a PostgreSQL it manages itself (data kept in .data/postgres), migrations, demo data,
# the host on http://127.0.0.1:5080. Ctrl-C stops everything it started.
# Set ConnectionStrings__Alliance to use your own database instead of the managed one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source build/lib.sh

url="${ALLIANCE_URL:-http://127.0.0.1:5080}"
pg_dir="$root/.data/postgres"
pg_port="${ALLIANCE_PG_PORT:-5433}"
managed=false

cleanup() {
  if $managed; then log "Stopping PostgreSQL …"; stop_postgres "$pg_dir"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A connection string in the environment or in appsettings.json replaces the managed database.
configured=$(python3 -c 'import json,sys; print((json.load(open(sys.argv[1])).get("ConnectionStrings") or {}).get("Alliance") or "")' \
  src/Host/Alliance.Host/appsettings.json 2>/dev/null || true)

if [ -z "${ConnectionStrings__Alliance:-}" ] && [ -z "$configured" ]; then
  ensure_packages postgresql
  log "Starting PostgreSQL (data in .data/postgres, port $pg_port) …"
  start_postgres "$pg_dir" "$pg_port"
  managed=true
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='alliance'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE alliance" >/dev/null
  export ConnectionStrings__Alliance="Host=127.0.0.1;Port=$pg_port;Database=alliance;Username=postgres"
else
  log "Using the configured database (ConnectionStrings:Alliance)."
fi

export Mail__PickupDirectory="${Mail__PickupDirectory:-$root/.data/mail}"
export Demo__Seed="${Demo__Seed:-true}"
export App__PublicBaseUrl="$url"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

log "Building …"
build_release src/Host/Alliance.Host >/dev/null

cat <<INFO

  Alliance runs at  $url
  E-mails (no SMTP configured) are written to  $Mail__PickupDirectory

  Demo logins (password: Allianz-Demo-2026)
    Administrator   admin@allianz.example
    Staff           geschaeftsstelle@allianz.example
    Representative  vertretung@allianz.example

  Press Ctrl-C to stop.

INFO

dotnet run --project src/Host/Alliance.Host -c Release --no-build --no-launch-profile --urls "$url" &
host_pid=$!
trap 'kill $host_pid 2>/dev/null; wait $host_pid 2>/dev/null; exit 130' INT TERM
wait $host_pid
