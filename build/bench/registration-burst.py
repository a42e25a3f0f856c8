#!/usr/bin/env python3
"""A burst of registrations for one meeting (issue 13): N people registered at once by the office for a meeting with
S seats, each request on its own connection, all released together. Prints registrations/s, p50/p99 latency and the
seats given — exactly S must be confirmed, the rest waitlisted — and, with --host-pid, the host's CPU time per registration.
A smaller burst for another meeting goes first and is not counted (warm-up). Run by build/bench.sh after the large seed;
not a test."""
import argparse, http.client, json, os, subprocess, threading, time, uuid

from importlib import util
_spec = util.spec_from_file_location("large_bench", __file__.replace("registration-burst.py", "large-bench.py"))
large_bench = util.module_from_spec(_spec); _spec.loader.exec_module(large_bench)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pg-port", type=int, required=True)
    parser.add_argument("--database", default="alliance_bench")
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=100,
                        help="registrations for another meeting first, not counted (the host's code past the JIT's first tier, as on a host that has been serving)")
    parser.add_argument("--host-pid", type=int, help="the host's process: prints its CPU time per registration during the burst")
    args = parser.parse_args()

    def q(sql):
        return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(args.pg_port), "-U", "postgres", "-d", args.database, "-Atc", sql],
                              capture_output=True, text=True, check=True).stdout.strip()

    def new_meeting(seats):
        # A new upcoming meeting for all members, as the seed makes them (copied from a seeded meeting without a lab).
        meeting = str(uuid.uuid4())
        q(f"""CREATE TEMP TABLE burst AS SELECT * FROM meetings.meetings WHERE "Id" = md5('meeting1')::uuid;
              UPDATE burst SET "Id" = '{meeting}', "Title" = 'Ansturm', "Capacity" = {seats},
                     "StartsAt" = date_trunc('hour', now()) + interval '30 days', "EndsAt" = date_trunc('hour', now()) + interval '30 days 2 hours';
              INSERT INTO meetings.meetings SELECT * FROM burst;""")
        return meeting

    # The people of the seeded meeting with 500 registrations: active people of member organisations.
    people = q(f"""SELECT "PersonId" FROM meetings.registrations WHERE "MeetingId" = md5('meeting0')::uuid ORDER BY "Id" LIMIT {args.people}""").split()
    cookie = large_bench.sign_in("127.0.0.1", args.port)
    if args.warmup:
        burst(args, new_meeting(max(1, args.warmup // 10)), people[:args.warmup], cookie)
        time.sleep(2)
    meeting = new_meeting(args.seats)
    cpu_before = host_cpu(args.host_pid)
    latencies, failures, wall = burst(args, meeting, people, cookie)
    cpu = host_cpu(args.host_pid) - cpu_before if args.host_pid else None
    status = dict(line.split("|") for line in q(f"""SELECT "Status", count(*) FROM meetings.registrations WHERE "MeetingId" = '{meeting}' GROUP BY 1""").splitlines())
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")
    print(f"| {len(people)} registrations at once for {args.seats} seats | {len(people) / wall:.0f}/s | p50 {pct(.5):.0f} ms | "
          f"p99 {pct(.99):.0f} ms | {status.get('1', '0')} confirmed, {status.get('2', '0')} waitlisted | {len(failures)} failed |")
    if cpu is not None:
        print(f"Host CPU during the burst: {cpu * 1000:.0f} ms, {cpu * 1000 / len(people):.1f} ms per registration "
              f"(with the outbox and mail jobs that run meanwhile)")
    if failures:
        print(f"First failure: {failures[0]}")


def host_cpu(pid):
    """User + system CPU seconds of a process so far (0 without a pid)."""
    if not pid:
        return 0.0
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def burst(args, meeting, people, cookie):
    """Registers every person at once (a thread and connection each, released together); latencies, failures, wall time."""
    barrier = threading.Barrier(len(people))
    latencies, failures, lock = [], [], threading.Lock()

    def register(person):
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=120)
        conn.connect()
        barrier.wait()
        started = time.perf_counter()
        conn.request("POST", f"/api/meetings/{meeting}/registrations", json.dumps({"personId": person}),
                     {"Cookie": cookie, "Content-Type": "application/json", "Accept-Language": "de-DE"})
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            if response.status == 200:
                latencies.append(elapsed)
            else:
                failures.append(f"{response.status} {body[:200]!r}")
        conn.close()

    threads = [threading.Thread(target=register, args=(p,)) for p in people]
    for t in threads:
        t.start()
    started = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return latencies, failures, wall


if __name__ == "__main__":
    main()
