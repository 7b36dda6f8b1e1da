"""``make bench``: the content API v1 against Wagtail's stock API v2, in one run.

1. Seeds a bench database with ``manage.py load_demo --scale 2000`` (once; the
   database under bench/.data/ is reused while it has the events; BENCH_RESEED=1
   rebuilds it). BENCH_DATABASE_URL selects another database (e.g. PostgreSQL).
2. Counts SQL queries per request in-process (Django test client).
3. Serves the project with gunicorn (2 workers) on 127.0.0.1 twice: as
   configured (v1 response cache on) and with API_CACHE_SECONDS=0, to show the
   uncached cost too.
4. Measures requests/s, p50 and p99 for each scenario, interleaved in rounds,
   and prints a table and the v1/v2 ratios (also written to bench/results/).

Environment: BENCH_SCALE (2000), BENCH_SECONDS per scenario and round (4),
BENCH_ROUNDS (3), BENCH_CLIENTS (concurrent client processes, 4).
"""

import json
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
SCALE = int(os.environ.get("BENCH_SCALE", "2000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))


def environment(**extra: str) -> dict[str, str]:
    DATA.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "bench-only-secret-key-not-for-production",
            "SECURE_COOKIES": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DATA / 'bench.sqlite3'}"),
            "MEDIA_ROOT": str(DATA / "media"),
            "LOG_LEVEL": "WARNING",
            # Plain HTTP on loopback, and one client address sending all the load.
            "SECURE_SSL_REDIRECT": "0",
            "API_THROTTLE_BURST": "1000000/second",
            "API_THROTTLE_SUSTAINED": "100000000/minute",
        }
    )
    env.update(extra)
    return env


def manage(*args: str, **extra: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=environment(**extra), check=True, capture_output=True, text=True
    )
    return result.stdout


def first_event_id(**extra: str) -> int:
    """The id of the first public event in the benchmark database."""
    output = manage(
        "shell",
        "-c",
        "from api.visibility import public_pages; from pages.models import EventPage; "
        "print(public_pages(EventPage).order_by('pk').values_list('pk', flat=True).first())",
        **extra,
    )
    return int(output.strip().splitlines()[-1])


def seed() -> None:
    manage("migrate", "--noinput")
    # Fresh planner statistics: without them SQLite picks the locale index over
    # the event time index for the ten thousand pages of the bench database.
    manage("shell", "-c", "from django.db import connection; connection.cursor().execute('ANALYZE')")
    count = manage("shell", "-c", "from pages.models import EventPage; print(EventPage.objects.live().count())")
    count = count.strip().splitlines()[-1] if count.strip() else "0"
    if int(count) >= SCALE and not os.environ.get("BENCH_RESEED"):
        print(f"Reusing the bench database ({count} live events).")
        return
    print(f"Seeding: load_demo --scale {SCALE} (this takes a while the first time) ...", flush=True)
    started = time.monotonic()
    manage("load_demo", "--scale", str(SCALE))
    print(f"Seeded in {time.monotonic() - started:.0f} s.")


QUERY_COUNTER = """
import json, sys
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
counts = {}
for name, url in json.loads(sys.argv[-1]).items():
    client.get(url)  # renditions exist after the first request
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    counts[name] = [len(cold), len(warm)]
print(json.dumps(counts))
"""


def count_queries(scenarios: dict[str, str]) -> dict[str, list[int]]:
    # Written outside the project so that linters never see generated code.
    script = Path(tempfile.mkdtemp(prefix="bench-")) / "count_queries.py"
    script.write_text(
        "import django, os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'cms.settings.production')\n"
        "django.setup()\n" + QUERY_COUNTER
    )
    result = subprocess.run(
        [PYTHON, str(script), json.dumps(scenarios)],
        cwd=ROOT,
        env={**environment(), "PYTHONPATH": str(ROOT)},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(**extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "cms.wsgi:application", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment(**extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/api/v1/locales/", timeout=2).read()  # noqa: S310
            return process, base
        except OSError:
            time.sleep(0.1)
    stop_server(process)
    raise RuntimeError("gunicorn did not start")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def _client(url: str, seconds: float, queue: multiprocessing.Queue) -> None:
    latencies = []
    errors = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                response.read()
                if response.status != 200:
                    errors += 1
        except OSError:
            errors += 1
        latencies.append(time.perf_counter() - started)
    queue.put((latencies, errors))


def load(url: str, seconds: float) -> tuple[list[float], int, float]:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_client, args=(url, seconds, queue)) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    results = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    latencies = [latency for result in results for latency in result[0]]
    return latencies, sum(result[1] for result in results), elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main() -> None:
    seed()
    event_id = first_event_id()
    v2_list = "/api/v2/pages/?type=pages.EventPage&fields=*&limit={}"
    paths = {
        "v1 events limit=20": "/api/v1/events/?limit=20",
        "v1 events limit=100": "/api/v1/events/?limit=100",
        "v1 event detail": f"/api/v1/events/{event_id}/",
        "v2 events fields=* limit=20": v2_list.format(20),
        "v2 events fields=* limit=100": v2_list.format(100),
        "v2 event detail": f"/api/v2/pages/{event_id}/",
    }
    queries = count_queries(paths)

    cached, cached_base = start_server()
    uncached, uncached_base = start_server(API_CACHE_SECONDS="0")
    try:
        scenarios = {name: cached_base + path for name, path in paths.items()}
        scenarios.update(
            {f"{name} (no cache)": uncached_base + path for name, path in paths.items() if name.startswith("v1")}
        )
        for url in scenarios.values():  # warm up: renditions, caches, imports
            for _ in range(3):
                urllib.request.urlopen(url, timeout=60).read()  # noqa: S310
        samples: dict[str, list[float]] = {name: [] for name in scenarios}
        requests: dict[str, int] = dict.fromkeys(scenarios, 0)
        elapsed: dict[str, float] = dict.fromkeys(scenarios, 0.0)
        errors: dict[str, int] = dict.fromkeys(scenarios, 0)
        for round_number in range(ROUNDS):
            print(f"Round {round_number + 1}/{ROUNDS} ...", flush=True)
            for name, url in scenarios.items():  # interleaved: every scenario in every round
                latencies, failed, seconds = load(url, SECONDS)
                samples[name] += latencies
                requests[name] += len(latencies)
                elapsed[name] += seconds
                errors[name] += failed
    finally:
        stop_server(cached)
        stop_server(uncached)

    rows = []
    for name in scenarios:
        base_name = name.replace(" (no cache)", "")
        cold, warm = queries[base_name]
        rows.append(
            {
                "scenario": name,
                "requests_per_second": requests[name] / elapsed[name],
                "p50_ms": statistics.median(samples[name]) * 1000,
                "p99_ms": percentile(samples[name], 0.99) * 1000,
                "sql_queries": cold if "no cache" in name or name.startswith("v2") else warm,
                "sql_queries_uncached": cold,
                "errors": errors[name],
            }
        )
    by_name = {row["scenario"]: row for row in rows}
    print(f"\n{'scenario':38} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'SQL/req':>8} {'errors':>6}")
    for row in rows:
        print(
            f"{row['scenario']:38} {row['requests_per_second']:9.1f} {row['p50_ms']:8.1f} {row['p99_ms']:8.1f} "
            f"{row['sql_queries']:8d} {row['errors']:6d}"
        )
    ratios = {}
    for label, v1, v2 in [
        ("limit=20", "v1 events limit=20", "v2 events fields=* limit=20"),
        ("limit=100", "v1 events limit=100", "v2 events fields=* limit=100"),
        ("detail", "v1 event detail", "v2 event detail"),
    ]:
        v2_rate = by_name[v2]["requests_per_second"]
        ratios[label] = {
            "cached": by_name[v1]["requests_per_second"] / v2_rate,
            "uncached": by_name[f"{v1} (no cache)"]["requests_per_second"] / v2_rate,
        }
        print(
            f"v1/v2 {label:10} {ratios[label]['cached']:6.1f}x (v1 cache on), "
            f"{ratios[label]['uncached']:5.1f}x (v1 cache off)"
        )
    print("SQL queries per request (cold cache): " + ", ".join(f"{name}: {q[0]}" for name, q in queries.items()))
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.json").write_text(
        json.dumps({"scale": SCALE, "clients": CLIENTS, "rows": rows, "ratios": ratios, "queries": queries}, indent=2)
    )


if __name__ == "__main__":
    main()
