#!/usr/bin/env bash
# Benchmark of the large alliance (issue 13). Not a test and not run in CI.
#
# Starts a throwaway PostgreSQL and the host (Release, demo data), adds the large alliance by set-based SQL
# (build/bench/large-seed.sql: 5,000 organisations, 25,000 people, 3,000 meetings, 150,000 registrations, 200 labs,
# 10,000 memberships, 20,000 action items), and measures every key read through the app and as raw SQL (pgbench)
# side by side: p50/p99, throughput and their ratio (build/bench/large-bench.py). Also prints the host's time from
# start to ready. Prints a Markdown table for the README's "Large alliance" section.
#
# Usage: build/bench.sh [connections=16] [seconds=8] [only=<part of a read's name>]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source build/lib.sh

connections="${1:-16}"
seconds="${2:-8}"
only="${3:-}"
bench_prepare postgresql-contrib

start_host() {
  ConnectionStrings__Alliance="$connection" Demo__Seed="$1" ASPNETCORE_ENVIRONMENT=Production \
    Mail__PickupDirectory="$work/mail" App__PublicBaseUrl="http://127.0.0.1:$app_port" \
    Security__RateLimits__CalendarFeed__PermitLimit=100000000 Security__RateLimits__SignIn__PermitLimit=1000 \
    Logging__LogLevel__Default=Warning \
    dotnet src/Host/Alliance.Host/bin/Release/net10.0/Alliance.Host.dll --urls "http://127.0.0.1:$app_port" >>"$work/host.log" 2>&1 &
  host_pid=$!
  local started; started=$(date +%s.%N)
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
    sleep 0.1
  done
  ready_seconds=$(python3 -c "import time; print(round(time.time() - $started, 2))")
}

log "Starting the host on port $app_port (migrations, demo data) …"
start_host true

log "Seeding the large alliance …"
seed_start=$(date +%s.%N)
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d alliance_bench -q -f build/bench/large-seed.sql
seed_seconds=$(python3 -c "import time; print(round(time.time() - $seed_start, 1))")

# Start-up on the large alliance: migrations up to date, demo data present — checks only, nothing to do.
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true
start_host true  # not in a subshell: cleanup must know this host's pid
ready=$ready_seconds

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg). Seed: ${seed_seconds} s. Host start to ready (large alliance, built): ${ready} s."
echo "Connections: $connections (app and pgbench each), ${seconds} s per measurement."
echo
python3 build/bench/large-bench.py --port "$app_port" --pg-port "$pg_port" --connections "$connections" --seconds "$seconds" --only "$only"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg). Host memory (RSS) after the run: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$host_pid/status)."
