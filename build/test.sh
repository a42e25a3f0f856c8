#!/usr/bin/env bash
# Runs every test against a real PostgreSQL and a real Chromium.
# On a fresh machine it installs what is missing (PostgreSQL, Chromium, fonts) via apt when it may,
# starts a throwaway PostgreSQL, runs the whole solution's tests, stops the database.
# Test results (TRX) and browser screenshots land in artifacts/.
# Extra arguments go to `dotnet test` (e.g. build/test.sh --filter FullyQualifiedName~Outbox).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source build/lib.sh

started=$SECONDS
# One call, so a fresh machine runs apt-get update once. Besides the database and the browser: readers for the
# document tests: python-docx, openpyxl (workbooks) and LibreOffice (converts to PDF, as people open the files).
ensure_packages postgresql chromium-headless-shell fonts-dejavu-core poppler-utils python3-docx python3-openpyxl libreoffice-writer-nogui

pg_dir="$(mktemp -d /tmp/alliance-test-pg.XXXXXX)"
cleanup() { stop_postgres "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT

if [ -z "${ALLIANCE_TEST_POSTGRES:-}" ]; then
  port=$(free_port)
  log "Starting a throwaway PostgreSQL on port $port …"
  start_postgres "$pg_dir" "$port" throwaway
  export ALLIANCE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

rm -rf artifacts/test-results
mkdir -p artifacts/test-results artifacts/screenshots

prepared=$SECONDS
log "Building …"
build_release Alliance.sln
built=$SECONDS

# The third-party readers (npm, tests/tools) once, before the test processes that use them run side by side.
if [ ! -d tests/tools/node_modules ] && command -v npm >/dev/null; then
  log "Installing the test tools (npm ci in tests/tools) …"
  (cd tests/tools && npm ci --no-audit --no-fund --silent) || log "npm ci in tests/tools failed: the tests that read files with these tools will try again and say why"
fi

# The test projects run side by side, ALLIANCE_TEST_JOBS at once (default 2, one per core), the longest first, so the
# longest (Host) does not start last: each project runs its own tests one after another (its hosts share Hangfire's
# process-wide state). A project keeps about one core busy (the host, PostgreSQL, Chromium), so three at once gain
# little on two cores and stretch the timing-sensitive tests (sign-in waits, browser navigations). Each project's
# console output is kept in artifacts/test-results/<project>.log and printed when the project ends. Projects not in
# the list (new ones) run last.
log "Running the tests …"
status=0
order=(Host Meetings Members Probes Labs Shared Surveys Funding Notifications Architecture)
projects=()
for name in "${order[@]}"; do [ -f "tests/Alliance.$name.Tests/Alliance.$name.Tests.csproj" ] && projects+=("Alliance.$name.Tests"); done
for csproj in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$csproj" .csproj)
  [[ " ${projects[*]} " == *" $name "* ]] || projects+=("$name")
done
jobs_at_once=${ALLIANCE_TEST_JOBS:-2}
declare -A running=()
finish_one() {
  local pid code
  wait -n -p pid "${!running[@]}" && code=0 || code=$?
  cat "artifacts/test-results/${running[$pid]}.log"
  [ "$code" -eq 0 ] || { log "${running[$pid]}: dotnet test exited with $code"; status=1; }
  unset "running[$pid]"
}
for project in "${projects[@]}"; do
  while [ ${#running[@]} -ge "$jobs_at_once" ]; do finish_one; done
  dotnet test "tests/$project/$project.csproj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=normal" --results-directory artifacts/test-results "$@" \
    >"artifacts/test-results/$project.log" 2>&1 &
  running[$!]=$project
done
while [ ${#running[@]} -gt 0 ]; do finish_one; done
tested=$SECONDS
echo "phases: install and database $((prepared - started)) s, build $((built - prepared)) s, tests $((tested - built)) s"

# One closing line in the plain form CI reads: "N passed, N failed, N skipped".
python3 - <<'PY' || true
import glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob("artifacts/test-results/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
# Name every failed test with the first lines of its message, so a CI log's tail says what broke.
for path in glob.glob("artifacts/test-results/*.trx"):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") not in ("Passed", "NotExecuted"):
            message = result.find("t:Output/t:ErrorInfo/t:Message", ns)
            text = (message.text or "").strip().splitlines()[:6] if message is not None else []
            print(f"FAILED {result.get('testName')}")
            for line in text:
                print(f"    {line[:300]}")
# Where the time goes (the suite must stay under 15 minutes on CI's two cores): each project, the ten slowest tests.
import datetime, re
def instant(text):
    return datetime.datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", text))
def seconds(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
slowest = []
for path in sorted(glob.glob("artifacts/test-results/*.trx")):
    root = ET.parse(path).getroot()
    times, method = root.find("t:Times", ns), root.find(".//t:UnitTest/t:TestMethod", ns)
    if times is None or method is None:
        continue
    took = (instant(times.get("finish")) - instant(times.get("start"))).total_seconds()
    print(f"time {took:6.0f} s  {method.get('codeBase').replace(chr(92), '/').split('/')[-1]}")
    slowest += [(seconds(r.get("duration", "0:0:0")), r.get("testName")) for r in root.iterfind(".//t:UnitTestResult", ns)]
for took, name in sorted(slowest, reverse=True)[:10]:
    print(f"slow {took:6.0f} s  {name[:160]}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
