#!/usr/bin/env bash
# Benchmark of the large alliance (issue 13). Not a test and not run in CI.
#
# Starts a throwaway PostgreSQL and the host (Release, demo data), adds the large alliance by set-based SQL
# (build/bench/large-seed.sql: 5,000 organisations, 25,000 people, 3,000 meetings, 150,000 registrations, 200 labs,
# 10,000 memberships, 20,000 action items), and measures every key read through the app and as raw SQL (pgbench)
# side by side: p50/p99, throughput and their ratio (build/bench/large-bench.py; the app is driven by wrk, as in the
# issue's measurements; each read is first sent for 3 s, not counted, so its code is past the JIT's first tier as on a
# host that has been serving). Also prints the host's time from
# start to ready on the migrated, seeded database (median of 5 starts), and the throughput of one key read (the lab
# API) against one host and against two hosts on the same database, and 500 registrations at once for 50 seats
# (build/bench/registration-burst.py). Prints Markdown tables for the README's
# "Large alliance" section.
#
# Usage: build/bench.sh [connections=16] [seconds=8] [only=<part of a read's name> | registrations | two-hosts]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source build/lib.sh

connections="${1:-16}"
seconds="${2:-8}"
only="${3:-}"
bench_prepare postgresql-contrib wrk

# start_host SEED [PORT] — starts a host (default: on app_port, as host_pid; another port: as second_pid) and
# waits until /health/ready answers 200; ready_seconds is the time from process start to that answer, ready_cpu the
# host's CPU time (user + system) by then — on a shared machine the steadier of the two.
start_host() {
  local port="${2:-$app_port}" pid
  ConnectionStrings__Alliance="$connection" Demo__Seed="$1" ASPNETCORE_ENVIRONMENT=Production \
    Mail__PickupDirectory="$work/mail" App__PublicBaseUrl="http://127.0.0.1:$port" \
    Security__RateLimits__CalendarFeed__PermitLimit=100000000 Security__RateLimits__SignIn__PermitLimit=1000 \
    Logging__LogLevel__Default=Warning \
    dotnet src/Host/Alliance.Host/bin/Release/net10.0/Alliance.Host.dll --urls "http://127.0.0.1:$port" >>"$work/host.log" 2>&1 &
  pid=$!
  if [ "$port" = "$app_port" ]; then host_pid=$pid; else second_pid=$pid; fi
  local started; started=$(date +%s.%N)
  for _ in $(seq 1 1200); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
    sleep 0.05
  done
  ready_seconds=$(python3 -c "import time; print(round(time.time() - $started, 2))")
  ready_cpu=$(awk -v tck="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tck}' "/proc/$pid/stat")
}

log "Starting the host on port $app_port (migrations, demo data) …"
start_host true

log "Seeding the large alliance …"
seed_start=$(date +%s.%N)
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d alliance_bench -q -f build/bench/large-seed.sql
seed_seconds=$(python3 -c "import time; print(round(time.time() - $seed_start, 1))")

# Start-up on the large alliance: migrations up to date, demo data present — checks only, nothing to do. The
# median of five starts (the first after the seed also warms the database's caches).
starts=()
cpus=()
for _ in 1 2 3 4 5; do
  kill "$host_pid"; wait "$host_pid" 2>/dev/null || true
  start_host true  # not in a subshell: cleanup must know this host's pid
  starts+=("$ready_seconds")
  cpus+=("$ready_cpu")
done
ready=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p)
ready_cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 3p)

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg). Seed: ${seed_seconds} s." \
  "Host start to ready (large alliance, built; median of 5): ${ready} s (${starts[*]}), CPU by then ${ready_cpu_median} s (${cpus[*]})."
echo "Connections: $connections (app and pgbench each), ${seconds} s per measurement."
echo
if [ "$only" != "two-hosts" ] && [ "$only" != "registrations" ]; then
  python3 build/bench/large-bench.py --port "$app_port" --pg-port "$pg_port" --connections "$connections" --seconds "$seconds" --only "$only"
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg). Host memory (RSS) after the run: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$host_pid/status)."
fi

if [ -z "$only" ] || [ "$only" = "registrations" ]; then
  # 500 registrations at once for 50 seats (each on its own connection): throughput, latency, exactly 50 confirmed.
  echo
  echo "Registrations at once (load average before: $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo
  python3 build/bench/registration-burst.py --port "$app_port" --pg-port "$pg_port" --host-pid "$host_pid"
fi

if [ -z "$only" ] || [ "$only" = "two-hosts" ]; then
  # Read scaling: a second host on the same database (its own Hangfire server too, as in production).
  second_port=$(free_port)
  start_host true "$second_port"
  echo
  echo "Two hosts on one database (load average before: $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo
  python3 build/bench/large-bench.py --port "$app_port" --pg-port "$pg_port" --connections "$connections" --seconds "$seconds" \
    --second-port "$second_port"
fi
