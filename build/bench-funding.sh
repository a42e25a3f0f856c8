#!/usr/bin/env bash
# Benchmark of the funding report (issue 12, "Performance"). Not a test and not run in CI.
#
# Starts a throwaway PostgreSQL and the host (Release, demo data), scales the demo's running 3-year project ×10 by
# set-based SQL (build/bench/funding-seed.sql: ~5,000 expenses, ~500 held meetings with ~20,000 attendances in the
# drafted report's period), then measures through the API as the administrator (build/bench/funding-bench.py):
#   1. drafting: refreshing the report's figures (statistics from Members, Meetings, Labs, Surveys + the money),
#   2. each funder export (numerical proof XLSX and CSV-ZIP, narrative report DOCX and PDF),
# each from the request to "done" through Hangfire (median of N runs), and the host's memory (RSS before/after, peak).
# Prints a Markdown table for the README's "Performance" section.
#
# Usage: build/bench-funding.sh [runs=5]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source build/lib.sh

runs="${1:-5}"
bench_prepare

log "Starting the host on port $app_port (migrations, demo data) …"
ConnectionStrings__Alliance="$connection" Demo__Seed=true ASPNETCORE_ENVIRONMENT=Production \
  Mail__PickupDirectory="$work/mail" App__PublicBaseUrl="http://127.0.0.1:$app_port" \
  Security__RateLimits__SignIn__PermitLimit=1000 Logging__LogLevel__Default=Warning \
  dotnet src/Host/Alliance.Host/bin/Release/net10.0/Alliance.Host.dll --urls "http://127.0.0.1:$app_port" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
  sleep 1
done

log "Scaling the demo project ×10 …"
ids=$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d alliance_bench -qtA -F ' ' -f build/bench/funding-seed.sql | tail -1)
read -r application report <<<"$ids"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d alliance_bench -qtA -c \
  "SELECT 'expenses: ' || (SELECT count(*) FROM funding.expenses WHERE application_id = '$application') || ', meetings: ' || (SELECT count(*) FROM meetings.meetings) || ', attendances: ' || (SELECT count(*) FROM meetings.registrations WHERE \"CheckedInAt\" IS NOT NULL)"
log "Load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"

log "Measuring …"
python3 build/bench/funding-bench.py --url "http://127.0.0.1:$app_port" --pid "$host_pid" --application "$application" --report "$report" --runs "$runs"
log "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
