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
ensure_packages postgresql chromium fonts-dejavu-core poppler-utils
# Readers for the document tests: python-docx, openpyxl (workbooks) and LibreOffice (converts to PDF, as people open the files).
ensure_packages python3-docx python3-openpyxl libreoffice-writer-nogui

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
dotnet build Alliance.sln -c Release -nologo -v quiet
built=$SECONDS

log "Running the tests …"
status=0
dotnet test Alliance.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory artifacts/test-results "$@" || status=$?
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
