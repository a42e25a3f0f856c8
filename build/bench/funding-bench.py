#!/usr/bin/env python3
"""Measures the funding report's drafting (refresh) and every funder export against a running host (build/bench-funding.sh).

For each job: POST it, poll until done, wall time from the request to "done" (median of N runs); the host's resident
memory (VmRSS) before the first run and its peak (VmHWM) and RSS after the runs, from /proc/<pid>/status. Prints Markdown.
"""
import argparse, http.cookiejar, json, statistics, time, urllib.request


def client(url, email, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    request = urllib.request.Request(url + "/api/members/account/login", data=json.dumps({"email": email, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    opener.open(request).read()
    return opener


def call(opener, url, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", "Accept": "application/json"})
    with opener.open(request) as response:
        text = response.read()
        return response.status, (json.loads(text) if text and response.headers.get_content_type() == "application/json" else None), response.headers


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0]) / 1024
    return values


def wait(opener, url, field, pending):
    while True:
        _, body, _ = call(opener, url)
        if str(body[field]) not in pending:
            return body
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--application", required=True)
    parser.add_argument("--report", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    admin = client(args.url, "admin@allianz.example", "Allianz-Demo-2026")
    before = memory(args.pid)
    results = []

    def measure(name, start, poll, field, pending, download=None):
        times, sizes = [], []
        for _ in range(args.runs):
            began = time.monotonic()
            location = start()
            done = wait(admin, poll(location), field, pending)
            times.append((time.monotonic() - began) * 1000)
            if download:
                _, _, headers = call(admin, download(location))
                sizes.append(int(done.get("sizeBytes", 0)))
        results.append((name, statistics.median(times), min(times), max(times), max(sizes) if sizes else None))

    exports = f"{args.url}/api/funding/applications/{args.application}/exports"

    def export(kind, language="de", report=None):
        def start():
            _, _, headers = call(admin, exports, "POST", {"Kind": kind, "Language": language, "ReportId": report})
            return args.url + headers["Location"]
        return start

    measure("drafting: refresh the report's figures (all modules + money)",
            lambda: (call(admin, f"{args.url}/api/funding/reports/{args.report}/refresh", "POST", {}), f"{args.url}/api/funding/reports/{args.report}")[1],
            lambda location: location, "refresh", ("Queued", "Running"))
    for kind, report in (("NumericalProofXlsx", None), ("NumericalProofCsv", None), ("NarrativeDocx", args.report), ("NarrativePdf", args.report)):
        measure(f"export {kind}", export(kind, report=report), lambda location: location, "state", ("Queued", "Running"), lambda location: location + "/file")

    after = memory(args.pid)
    print(f"| job (median of {args.runs}, request → done, through Hangfire) | median | min–max | file |")
    print("|---|---|---|---|")
    for name, median, low, high, size in results:
        print(f"| {name} | {median:,.0f} ms | {low:,.0f}–{high:,.0f} ms | {'' if size is None else f'{size / 1024:,.0f} KB'} |")
    print()
    print(f"Host memory: RSS before {before['VmRSS']:,.0f} MB, after {after['VmRSS']:,.0f} MB (growth {after['VmRSS'] - before['VmRSS']:,.0f} MB); "
          f"peak RSS {after['VmHWM']:,.0f} MB (peak before the runs {before['VmHWM']:,.0f} MB).")


if __name__ == "__main__":
    main()
