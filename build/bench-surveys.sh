#!/usr/bin/env bash
# Benchmark of the survey results (issue 11, "Performance"). Not a test and not run in CI.
#
# Starts a throwaway PostgreSQL and the host (Release, demo data), seeds one survey with 50,000 submitted responses ×
# 40 questions (≈ 2,000,000 answers) by set-based SQL, then measures
#   1. the module's results (GET /api/surveys/{id}/results, without and with each breakdown) — median of N runs,
#   2. a hand-written SQL aggregate over the same answers (psql, same breakdowns) — median of N runs,
#   3. 50 concurrent respondents submitting 40 answers each through their personal links — p50/p99 latency, with a
#      pause of 0–2 s between one respondent's submissions and back to back, with the CPU seconds per submission of
#      the host process, PostgreSQL and the load driver (from /proc); after a warm-up of two submissions per respondent
#      that is not counted (JIT, questionnaire cache, connection pool), as a host that has been serving.
# Prints a Markdown table for the README's "Performance" section.
#
# Usage: build/bench-surveys.sh [responses=50000] [runs=7]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source build/lib.sh

responses="${1:-50000}"
runs="${2:-7}"
concurrency=50
submits_each=20
bench_prepare

log "Starting the host on port $app_port (migrations, demo data) …"
ConnectionStrings__Alliance="$connection" Demo__Seed=true ASPNETCORE_ENVIRONMENT=Production \
  Mail__PickupDirectory="$work/mail" App__PublicBaseUrl="http://127.0.0.1:$app_port" \
  Security__RateLimits__TokenLink__PermitLimit=100000000 Security__RateLimits__SignIn__PermitLimit=1000 \
  Logging__LogLevel__Default=Warning \
  dotnet src/Host/Alliance.Host/bin/Release/net10.0/Alliance.Host.dll --urls "http://127.0.0.1:$app_port" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
  sleep 1
done

log "Seeding $responses responses × 40 questions …"
seed_start=$(date +%s.%N)
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d alliance_bench -q -v responses="$responses" \
  -v invitations_open=$((2 * concurrency * submits_each + 2 * concurrency)) -f build/bench/surveys-seed.sql
seed_seconds=$(python3 -c "import time; print(round(time.time() - $seed_start, 1))")

log "Measuring …"
python3 build/bench/surveys-bench.py --url "http://127.0.0.1:$app_port" --pg-port "$pg_port" --runs "$runs" \
  --concurrency "$concurrency" --submits-each "$submits_each" --seed-seconds "$seed_seconds" \
  --host-pid "$host_pid" --pg-pid "$(head -1 "$work/pg/data/postmaster.pid" 2>/dev/null || echo 0)"
