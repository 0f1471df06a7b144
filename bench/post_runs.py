"""Benchmark: POST /api/runs/ (300-point route) against the bare event-store append it wraps.

Serves RunQuest as `make run` does (gunicorn, gthread workers, a projector process beside
them, read-your-writes on) on a throwaway database, drives it with CONCURRENCY keep-alive clients
for SECONDS, then appends equivalent events (Run.Recorded + Athlete.ExperienceGained, one
atomic save per run) straight through `eventsourcing` with the same concurrency, and prints
both rates and their ratio. Bounded in time; talks only to 127.0.0.1.

    .venv/bin/python bench/post_runs.py [--seconds 15] [--concurrency 8]
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import make_url

from runquest.aggregates.athlete import Athlete
from runquest.aggregates.run import Run
from runquest.config import DEFAULT_DATABASE_URL
from runquest.database import drop_database, upgrade
from runquest.event_store import RunQuest, event_store_env
from runquest.geo import parse_route

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT.parent / "shared" / "fixtures" / "geojson" / "stavanger-run.geojson"
ROUTE_POINTS = 300
PORT = 8765
BARE_START = datetime(2024, 1, 1, tzinfo=timezone.utc)


def route_300() -> dict:
    feature = json.loads(FIXTURE.read_text())
    return {"type": "LineString", "coordinates": feature["geometry"]["coordinates"][:ROUTE_POINTS]}


def call(conn, method, path, body=None, token=None):
    """(status, body); for POST /api/runs/ the body is replaced by whether read models lagged."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, body=json.dumps(body) if isinstance(body, dict) else body, headers=headers)
    response = conn.getresponse()
    content = response.read()
    if path == "/api/runs/":
        return response.status, response.getheader("X-RunQuest-Pending") is not None
    return response.status, content


def wait_for_server(deadline_s=60):
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            call(conn, "GET", "/api/openapi.json")
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("server did not start")


def make_runner(index):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    name = f"bench_{index}_{uuid.uuid4().hex[:6]}"
    status, _ = call(conn, "POST", "/api/register/", {"username": name, "email": f"{name}@example.org",
                                                      "password": "bench-password"})
    assert status == 201, status
    status, body = call(conn, "POST", "/api/token/", {"username": name, "password": "bench-password"})
    return conn, json.loads(body)["access"]


def run_together(targets) -> float:
    """Start one thread per target behind a gate; the seconds from the gate to the last end."""
    gate = threading.Barrier(len(targets) + 1)
    threads = [threading.Thread(target=target, args=(gate,)) for target in targets]
    for thread in threads:
        thread.start()
    gate.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began


def drive(seconds, concurrency, body):
    runners = [make_runner(i) for i in range(concurrency)]
    latencies, failures = [], []
    lock = threading.Lock()

    def client(conn, token, gate):
        mine, bad = [], 0
        gate.wait()
        stop_at = time.monotonic() + seconds
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            status, pending = call(conn, "POST", "/api/runs/", body, token)
            mine.append(time.perf_counter() - began)
            # A 201 whose read models lagged past the wait is not a read-your-writes success.
            bad += status != 201 or pending
        with lock:
            latencies.extend(mine)
            failures.append(bad)

    elapsed = run_together([lambda gate, runner=runner: client(*runner, gate) for runner in runners])
    return len(latencies) / elapsed, latencies, sum(failures)


def bare_appends(database_url, seconds, concurrency, coordinates):
    """The same events, appended through eventsourcing alone: no HTTP, no validation, no waiting."""
    store = RunQuest(env=event_store_env(database_url, pool_size=concurrency))
    route = parse_route({"type": "LineString", "coordinates": coordinates})
    counts = []

    def appender(index, gate):
        athlete = Athlete(athlete_no=10**6 + index, username=f"bare{index}", email="b@x", password_hash="x")
        store.save(athlete)
        done = 0
        gate.wait()
        stop_at = time.monotonic() + seconds
        while time.monotonic() < stop_at:
            run = Run.record(run_no=10**7 + index * 10**6 + done, athlete_id=athlete.id,
                             athlete_no=athlete.athlete_no, route=route, start_time=BARE_START,
                             duration_seconds=1800, calories=None)
            athlete.gain_experience(run.xp_earned, reason="run_recorded", source_id=str(run.id))
            store.save(run, athlete)
            done += 1
        counts.append(done)

    elapsed = run_together([lambda gate, i=i: appender(i, gate) for i in range(concurrency)])
    store.close()
    return sum(counts) / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    base = make_url(os.environ.get("RUNQUEST_DATABASE_URL", DEFAULT_DATABASE_URL))
    database_url = base.set(database="runquest_bench").render_as_string(hide_password=False)
    drop_database(database_url)
    upgrade(database_url)
    env = {**os.environ, "RUNQUEST_DATABASE_URL": database_url}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("runquest")), "serve", "--port", str(PORT)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server()
        body = json.dumps({"route_data": route_300(), "duration_seconds": 1800})
        rate, latencies, failures = drive(args.seconds, args.concurrency, body)
    finally:
        server.terminate()
        server.wait(timeout=30)
    bare = bare_appends(database_url, args.seconds, args.concurrency, route_300()["coordinates"])
    drop_database(database_url)

    quantiles = statistics.quantiles(latencies, n=100)
    print(f"POST /api/runs/ ({ROUTE_POINTS}-point route, {args.concurrency} clients, read-your-writes): "
          f"{rate:.1f} req/s over {len(latencies)} requests, {failures} failed or not yet readable; "
          f"latency p50 {quantiles[49] * 1000:.1f} ms, p95 {quantiles[94] * 1000:.1f} ms")
    print(f"bare eventsourcing append of the same events ({args.concurrency} threads): {bare:.1f} saves/s")
    print(f"RunQuest / bare: {rate / bare:.2f}")


if __name__ == "__main__":
    main()
