#!/usr/bin/env python3
"""Measures the survey results against a hand-written SQL aggregate, and concurrent submissions (build/bench-surveys.sh)."""
import argparse, http.cookiejar, json, os, platform, random, statistics, subprocess, threading, time, urllib.request

SURVEY = "b0000000-0000-0000-0000-000000000001"
OPEN_SURVEY = "b0000000-0000-0000-0000-000000000002"
STAFF = ("geschaeftsstelle@allianz.example", "Allianz-Demo-2026")

# The hand-written aggregate: what the results page needs at least — counts per question × option × matrix row ×
# scale value within each group, and mean of scales and numbers — in one GROUP BY, no more.
HANDWRITTEN = """
SELECT a.question_id, a.option_id, a.row_option_id, a.scale_value, {group}, count(*),
       avg(coalesce(a.number_value, a.scale_value))
FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
WHERE r.survey_id = '""" + SURVEY + """'
GROUP BY 1, 2, 3, 4, 5;"""
GROUPS = {"None": "NULL::text", "PartnerGroup": "r.partner_group", "Sector": "r.sector", "SizeClass": "r.size_class"}


def client():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def request(opener, method, url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", "Accept-Language": "de-DE"})
    started = time.perf_counter()
    with opener.open(req, timeout=120) as response:
        payload = response.read()
        return response.status, payload, (time.perf_counter() - started) * 1000


def median_ms(samples):
    return round(statistics.median(samples), 1)


def module_results(url, runs):
    opener = client()
    request(opener, "POST", f"{url}/api/members/account/login", {"email": STAFF[0], "password": STAFF[1]})
    rows = {}
    for breakdown in GROUPS:
        target = f"{url}/api/surveys/{SURVEY}/results?breakdown={breakdown}"
        status, payload, _ = request(opener, "GET", target)  # warm-up (JIT, plans, caches)
        assert status == 200, status
        responses = json.loads(payload)["responses"]
        times = [request(opener, "GET", target)[2] for _ in range(runs)]
        rows[breakdown] = (median_ms(times), round(min(times), 1), round(max(times), 1), responses, len(payload))
    return rows


def handwritten(pg_port, runs):
    rows = {}
    for breakdown, group in GROUPS.items():
        script = "\\timing on\n" + "\n".join([HANDWRITTEN.format(group=group)] * (runs + 1))
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-d", "alliance_bench", "-qAt", "-o", "/dev/null"],
                             input=script, capture_output=True, text=True, check=True).stdout
        times = [float(line.split()[1]) for line in out.splitlines() if line.startswith("Time:")][1:]
        rows[breakdown] = (median_ms(times), round(min(times), 1), round(max(times), 1))
    return rows


def answers_body():
    """Answers to all 40 questions of the open survey (ids as the seed makes them)."""
    def question(q):
        return f"b2000000-0000-0000-0002-{q:012d}"

    def option(q, o):
        return f"b3000000-0000-0000-0002-{q * 10 + o:012d}"

    answers = []
    for q in range(1, 41):
        if q <= 10: answers.append({"questionId": question(q), "optionIds": [option(q, 1 + q % 4)]})
        elif q <= 16: answers.append({"questionId": question(q), "optionIds": [option(q, 1), option(q, 3)]})
        elif q <= 18: answers.append({"questionId": question(q), "optionIds": [option(q, 1)]})
        elif q <= 28: answers.append({"questionId": question(q), "scale": 1 + q % 5})
        elif q <= 32: answers.append({"questionId": question(q), "number": q * 3})
        elif q <= 36: answers.append({"questionId": question(q), "text": "Mehr Austausch zwischen den Betrieben"})
        elif q <= 38: answers.append({"questionId": question(q), "date": "2024-05-01"})
        else: answers.append({"questionId": question(q), "rows": [{"rowId": option(q, r), "value": 1 + r % 5} for r in range(1, 4)]})
    return {"answers": answers}


def concurrent_submits(url, concurrency, each, first_token=1, pause=0.0):
    """Each of `concurrency` respondents submits `each` responses through personal links, one after the other. pause 0:
    at once again (a closed loop: measures the most the host takes, latency = respondents / throughput). pause > 0: a
    random 0…2×pause seconds between two of one respondent's submissions (people answering at the same time)."""
    body = answers_body()
    times, failures, lock = [], [], threading.Lock()
    barrier = threading.Barrier(concurrency)

    def respondent(index):
        opener = client()
        barrier.wait()
        rng = random.Random(index)
        for n in range(each):
            # People answering at the same time do not press "submit" in the same millisecond: each waits a random
            # 0…2×pause before every submission, the first one too (a start all at one instant is the back-to-back case).
            if pause:
                time.sleep(rng.uniform(0, 2 * pause))
            token = f"bench-{first_token + index * each + n}"
            try:
                status, _, elapsed = request(opener, "POST", f"{url}/api/surveys/{OPEN_SURVEY}/answer/{token}", body)
                with lock:
                    times.append(elapsed)
            except urllib.error.HTTPError as error:
                with lock:
                    failures.append(f"{error.code} {error.read()[:300]!r}")

    threads = [threading.Thread(target=respondent, args=(i,)) for i in range(concurrency)]
    started = time.perf_counter()
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    wall = time.perf_counter() - started
    times.sort()
    p = lambda q: round(times[min(len(times) - 1, int(q * len(times)))], 1) if times else None
    return {"ok": len(times), "failed": len(failures), "p50": p(0.5), "p99": p(0.99), "max": round(times[-1], 1) if times else None,
            "per_second": round(len(times) / wall, 1), "first_failure": failures[0] if failures else None}


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid, children=False):
    """CPU seconds (user + system) of a process from /proc; with children=True also of its exited children."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / CLOCK_TICKS


def postgres_cpu(postmaster):
    """CPU seconds of the throwaway PostgreSQL: the postmaster, its live backends and workers, and those that ended."""
    total = process_cpu(postmaster, children=True)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if parent == postmaster:
                total += process_cpu(int(entry))
    return total


def cpu_snapshot(host_pid, pg_pid):
    driver = os.times()
    return {"host": process_cpu(host_pid) if host_pid else 0.0, "postgres": postgres_cpu(pg_pid) if pg_pid else 0.0,
            "driver": driver.user + driver.system}


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores ({model}), {memory} GB RAM, load average {load:.1f} at the start"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url"); parser.add_argument("--pg-port", type=int); parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--concurrency", type=int, default=50); parser.add_argument("--submits-each", type=int, default=20)
    parser.add_argument("--seed-seconds", type=float, default=0)
    parser.add_argument("--host-pid", type=int, default=0); parser.add_argument("--pg-pid", type=int, default=0)
    args = parser.parse_args()

    print(f"Machine: {machine()}; PostgreSQL throwaway cluster (fsync off), host in Release.")
    print(f"Seeding by SQL took {args.seed_seconds} s.\n")
    module = module_results(args.url, args.runs)
    sql = handwritten(args.pg_port, args.runs)
    print(f"| breakdown | module: GET /results (median of {args.runs}, min–max) | hand-written SQL aggregate (median, min–max) | responses |")
    print("|---|---|---|---|")
    for breakdown, (med, lo, hi, responses, size) in module.items():
        smed, slo, shi = sql[breakdown]
        print(f"| {breakdown} | {med} ms ({lo}–{hi}) | {smed} ms ({slo}–{shi}) | {responses} |")
    # Respondents answering at the same time (a pause of 0–2 s between one respondent's submissions: 50 respondents
    # offer ~50 responses/s, far more than people filling in a 40-question survey do), then back to back (the most the
    # host takes; every respondent waits for the others' turns, so latency there is respondents ÷ throughput).
    tokens = args.concurrency * args.submits_each
    # Warm-up, not counted (as in the large-alliance benchmark): two submissions per respondent at once, so the submit
    # path's code is past the JIT's first tier, the questionnaire is in memory and the connection pool has grown, as
    # on a host that has been serving. Tokens after the two measured sets (bench-2.., see surveys-seed.sql).
    warm = concurrent_submits(args.url, args.concurrency, 2, 2 * tokens + 1, 0.0)
    print(f"\nWarm-up (not counted): {warm['ok']} submissions, {warm['failed']} failed.")
    for label, first, pause in (("answering at the same time (0–2 s between submissions)", 1, 1.0),
                                ("back to back (no pause: the host's throughput)", tokens + 1, 0.0)):
        before = cpu_snapshot(args.host_pid, args.pg_pid)
        result = concurrent_submits(args.url, args.concurrency, args.submits_each, first, pause)
        after = cpu_snapshot(args.host_pid, args.pg_pid)
        print(f"\nConcurrent submissions, {args.concurrency} respondents × {args.submits_each} responses of 40 answers, {label}: "
              f"{result['ok']} stored, {result['failed']} failed; p50 {result['p50']} ms, p99 {result['p99']} ms, max {result['max']} ms, "
              f"{result['per_second']} responses/s.")
        if result["ok"]:
            # CPU per stored submission (less noisy than latency on a shared machine): the host process (handlers, EF
            # Core, Npgsql, the background folds), PostgreSQL (all its processes) and this load driver.
            per = {k: round((after[k] - before[k]) * 1000 / result["ok"], 1) for k in after}
            print(f"CPU per submission: host {per['host']} ms, PostgreSQL {per['postgres']} ms, load driver {per['driver']} ms "
                  f"(host {round(after['host'] - before['host'], 1)} s for {result['ok']} submissions).")
        if result["first_failure"]:
            print(f"First failure: {result['first_failure']}")


if __name__ == "__main__":
    main()
