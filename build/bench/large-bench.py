#!/usr/bin/env python3
"""Key reads of the large alliance (issue 13), each through the app (HTTP with wrk, signed in as the office) and as the raw SQL
baseline (pgbench with the equivalent query), side by side: p50/p99 latency, throughput, and app/SQL throughput ratio.
Run by build/bench.sh after it seeded build/bench/large-seed.sql; not a test."""
import argparse, concurrent.futures, http.client, json, os, re, subprocess, tempfile

STAFF = ("geschaeftsstelle@allianz.example", "Allianz-Demo-2026")


def sign_in(host, port):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    conn.request("POST", "/api/members/account/login", json.dumps({"email": STAFF[0], "password": STAFF[1]}),
                 {"Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    cookies = [v.split(";")[0] for k, v in response.getheaders() if k.lower() == "set-cookie"]
    if response.status >= 300 or not cookies:
        raise SystemExit(f"sign-in failed: {response.status}")
    return "; ".join(cookies)


def wrk(port, path, cookie, connections, seconds, headers=None):
    """Sends the request again and again on `connections` keep-alive connections for `seconds` with wrk (C, two
    threads: far less CPU per request than a Python driver on the same two cores, and the tool the issue measured
    with); returns (p50 ms, p99 ms, requests/s, errors). Errors: non-2xx/3xx answers and socket errors."""
    command = ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s", "--latency",
               "-H", "Accept-Language: de-DE"] + (["-H", f"Cookie: {cookie}"] if cookie else [])
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    # --timeout: a request slower than wrk's default 2 s would count as an error, not as its latency.
    out = subprocess.run(command + ["--timeout", "30s", f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def parse_wrk(out):
    def ms(text):
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    if len(percentiles) < 2:
        raise SystemExit(f"wrk printed no latency distribution:\n{out}")
    rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return ms(percentiles["50"]), ms(percentiles["99"]), rps, errors


def two_hosts(ports, path, cookie, connections, seconds):
    """The same read against one host and against two on the same database: two wrk processes with half the
    connections each, both at the first host, then one at each host."""
    rows = []
    for label, targets in (("one host", [ports[0], ports[0]]), ("two hosts", ports)):
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            parts = list(pool.map(lambda port: wrk(port, path, cookie, connections // 2, seconds), targets))
        rows.append((label, max(p[0] for p in parts), max(p[1] for p in parts), sum(p[2] for p in parts), sum(p[3] for p in parts)))
    print("| Lab API (50 members), 2 wrk processes | p50 ms (worse of two) | p99 ms (worse of two) | req/s | errors |")
    print("|---|---:|---:|---:|---:|")
    for label, p50, p99, rps, errors in rows:
        print(f"| {label} | {p50:.1f} | {p99:.1f} | {rps:.0f} | {errors} |")
    print(f"\nTwo hosts / one host: {rows[1][3] / rows[0][3]:.2f}x", flush=True)


def pgbench(pg_port, database, sql, connections, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write(sql.strip().rstrip(";") + ";\n")
    try:
        out = subprocess.run(["pgbench", "-n", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-c", str(connections),
                              "-j", "2", "-T", str(seconds), "-f", script.name, "-l", "--log-prefix", script.name, database],
                             capture_output=True, text=True, check=True, cwd=os.path.dirname(script.name))
        latencies = []
        folder = os.path.dirname(script.name)
        for name in os.listdir(folder):
            if name.startswith(os.path.basename(script.name) + "."):
                with open(os.path.join(folder, name)) as log:
                    latencies += [int(line.split()[2]) / 1000 for line in log if line.strip()]
                os.remove(os.path.join(folder, name))
        tps = next(float(line.split("=")[1].split()[0]) for line in out.stdout.splitlines() if line.startswith("tps"))
        return latencies, tps
    finally:
        os.remove(script.name)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pg-port", type=int, required=True)
    parser.add_argument("--database", default="alliance_bench")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--only", default="")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of each read sent first and not counted")
    parser.add_argument("--second-port", type=int, default=0, help="a second host on the same database: measure read scaling")
    args = parser.parse_args()

    def q(sql):
        return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(args.pg_port), "-U", "postgres", "-d", args.database, "-Atc", sql],
                              capture_output=True, text=True, check=True).stdout.strip()

    lab = q("SELECT md5('lab5')::uuid")
    meeting = q("SELECT md5('meeting0')::uuid")
    feed_token, feed_person = q('SELECT "Token" || \'|\' || "PersonId" FROM meetings.calendar_feeds f '
                                'ORDER BY (SELECT count(*) FROM meetings.registrations r WHERE r."PersonId" = f."PersonId") DESC LIMIT 1').split("|")
    office = q("SELECT \"Id\" FROM members.people WHERE \"Email\" = 'geschaeftsstelle@allianz.example'")
    cookie = sign_in("127.0.0.1", args.port)
    if args.second_port:
        # The cookie of the first host is valid on the second (Data Protection keys in the database).
        two_hosts([args.port, args.second_port], f"/api/labs/{lab}", cookie, args.connections, args.seconds)
        return

    reads = [
        ("Labs API (list)", "/api/labs/", """SELECT l."Id", l."Title", a."Title", l."Status", (SELECT count(*) FROM labs.memberships m WHERE m."LabId" = l."Id" AND m."LeftAt" IS NULL)
            FROM labs.labs l JOIN labs.action_fields a ON a."Id" = l."ActionFieldId" ORDER BY l."Title", l."Id" LIMIT 20; SELECT count(*) FROM labs.labs"""),
        ("Lab API (50 members)", f"/api/labs/{lab}", f"""SELECT * FROM labs.labs WHERE "Id" = '{lab}';
            SELECT m."Id", o."Name", o."PartnerGroup", m."Role" FROM labs.memberships m JOIN labs.organizations o ON o."Id" = m."OrganizationId"
            WHERE m."LabId" = '{lab}' AND m."LeftAt" IS NULL ORDER BY m."Role", o."Name";
            SELECT * FROM labs.action_items WHERE "LabId" = '{lab}' AND "Status" = 0 ORDER BY "DueDate" LIMIT 50"""),
        ("Meetings API (upcoming)", "/api/meetings/", """SELECT m."Id", m."Title", m."StartsAt", (SELECT count(*) FROM meetings.registrations r WHERE r."MeetingId" = m."Id" AND r."Status" = 1)
            FROM meetings.meetings m WHERE m."EndsAt" >= now() ORDER BY m."StartsAt", m."Id" LIMIT 20; SELECT count(*) FROM meetings.meetings WHERE "EndsAt" >= now()"""),
        ("Meeting API (500 registrations)", f"/api/meetings/{meeting}", f"""SELECT * FROM meetings.meetings WHERE "Id" = '{meeting}';
            SELECT "Status", count(*) FROM meetings.registrations WHERE "MeetingId" = '{meeting}' GROUP BY "Status\""""),
        ("Registrations CSV (500)", f"/api/meetings/{meeting}/registrations.csv", f"""SELECT "PersonName", "OrganizationName", "Email", "Status", "CheckedInAt"
            FROM meetings.registrations WHERE "MeetingId" = '{meeting}' ORDER BY "PersonName\""""),
        ("Registrations XLSX (500)", f"/api/meetings/{meeting}/registrations.xlsx", f"""SELECT "PersonName", "OrganizationName", "Email", "Status", "CheckedInAt"
            FROM meetings.registrations WHERE "MeetingId" = '{meeting}' ORDER BY "PersonName\""""),
        ("Directory search", "/api/members/organizations/?search=gastro", """SELECT * FROM members.organizations WHERE "IsActive" AND ("Name" ILIKE '%gastro%' OR "Sector" ILIKE '%gastro%')
            ORDER BY "Name", "Id" LIMIT 20; SELECT count(*) FROM members.organizations WHERE "IsActive" AND ("Name" ILIKE '%gastro%' OR "Sector" ILIKE '%gastro%')"""),
        ("People API (page 50)", "/api/members/people/?page=50", """SELECT p.*, o."Name" FROM members.people p LEFT JOIN members.organizations o ON o."Id" = p."OrganizationId"
            WHERE p."ErasedAt" IS NULL ORDER BY p."LastName", p."FirstName", p."Id" LIMIT 20 OFFSET 980; SELECT count(*) FROM members.people WHERE "ErasedAt" IS NULL"""),
        ("My action items API", "/api/labs/action-items/mine", f"""SELECT a.*, l."Title" FROM labs.action_items a LEFT JOIN labs.labs l ON l."Id" = a."LabId"
            WHERE a."OwnerPersonId" = '{office}' AND a."Status" = 0 ORDER BY a."DueDate", a."Id" LIMIT 20;
            SELECT count(*) FROM labs.action_items WHERE "OwnerPersonId" = '{office}' AND "Status" = 0"""),
        ("Calendar feed (200, no ETag)", f"/calendar/{feed_token}.ics", f"""SELECT m.* FROM meetings.meetings m WHERE EXISTS (SELECT 1 FROM meetings.registrations r
            WHERE r."MeetingId" = m."Id" AND r."PersonId" = '{feed_person}' AND r."Status" IN (1, 2)) ORDER BY m."StartsAt" DESC LIMIT 500"""),
        ("People page (HTML)", "/people", """SELECT p.*, o."Name" FROM members.people p LEFT JOIN members.organizations o ON o."Id" = p."OrganizationId"
            WHERE p."ErasedAt" IS NULL ORDER BY p."LastName", p."FirstName", p."Id" LIMIT 20; SELECT count(*) FROM members.people WHERE "ErasedAt" IS NULL"""),
        ("Dashboard page (HTML)", "/", """SELECT count(*) FROM members.organizations WHERE "IsActive"; SELECT count(*) FROM labs.labs WHERE "Status" = 1;
            SELECT "Id", "Title", "StartsAt" FROM meetings.meetings WHERE "EndsAt" >= now() ORDER BY "StartsAt" LIMIT 5"""),
    ]

    # The conditional poll: the same feed with the ETag the first answer gave.
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
    conn.request("GET", f"/calendar/{feed_token}.ics")
    first = conn.getresponse()
    first.read()
    etag = first.getheader("ETag")

    print(f"| Read | App p50 ms | App p99 ms | App req/s | SQL p50 ms | SQL p99 ms | SQL TPS | App/SQL | Page bytes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, path, sql in reads + [("Calendar feed (304, If-None-Match)", f"/calendar/{feed_token}.ics", reads[9][2])]:
        if args.only and args.only not in name:
            continue
        headers = {"If-None-Match": etag} if "304" in name else None
        # Calendar apps poll the feed with its token alone, no cookie.
        cookie_of_read = None if path.startswith("/calendar/") else cookie
        probe = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        probe.request("GET", path, headers={"Cookie": cookie, **(headers or {})})
        probe_response = probe.getresponse()
        size = len(probe_response.read())
        # Warm-up, not counted: the first requests of a read run the JIT's quick first-tier code of its handler, queries
        # and serializer and compile the optimised code in the background; a host serves its reads warm for days.
        wrk(args.port, path, cookie_of_read, args.connections, args.warmup, headers)
        app_p50, app_p99, rps, app_err = wrk(args.port, path, cookie_of_read, args.connections, args.seconds, headers)
        sql_lat, tps = pgbench(args.pg_port, args.database, sql, args.connections, args.seconds)
        note = f" ({app_err} errors)" if app_err else ""
        print(f"| {name}{note} | {app_p50:.1f} | {app_p99:.1f} | {rps:.0f} | {pct(sql_lat, .5):.1f} | {pct(sql_lat, .99):.1f} | "
              f"{tps:.0f} | {rps / tps:.2f} | {size:,} |", flush=True)


if __name__ == "__main__":
    main()
