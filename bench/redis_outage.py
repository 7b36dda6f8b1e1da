"""Kill Redis under load and count what the visitors notice (issue 8, finding 8).

Starts a private redis-server (BENCH_REDIS_PORT, 6391; no persistence), seeds a
SQLite database under bench/.data/ with ``load_demo`` once (BENCH_RESEED=1
seeds again; BENCH_DATABASE_URL for another database), collects static files,
serves the site with gunicorn (2 workers, bench/run.py's helpers) against that
Redis, and sends load from BENCH_CLIENTS threads (4) to a page and an API list
on 127.0.0.1. After BENCH_SECONDS (5) Redis is killed, restarted
BENCH_OUTAGE_SECONDS (5) later, and the load goes on for BENCH_SECONDS more.

Reports requests and 5xx per phase (goal: 0 5xx), the median latency, and the
recovery time: from the Redis restart until the cache is used again (the API's
generation key is back in Redis, i.e. an app server wrote to it).
"""

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import DATA, ROOT, manage, start_server, stop_server

REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6391"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
OUTAGE = float(os.environ.get("BENCH_OUTAGE_SECONDS", "5"))
PATHS = ["/sr-latn/", "/api/v1/events/?limit=20"]
GENERATION_KEY = "cms:1:api:v1:generation"  # KEY_PREFIX "cms", version 1 (cms/settings/base.py)


def start_redis(workdir: Path, port: int = REDIS_PORT) -> subprocess.Popen:
    """A private redis-server on 127.0.0.1:``port``, without persistence."""
    server = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1"]
        + ["--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if redis_command("PING", port=port) == "+PONG":
            return server
        time.sleep(0.05)
    server.kill()
    raise RuntimeError("redis-server did not start")


def redis_command(*words: str, port: int = REDIS_PORT) -> str | None:
    """One inline Redis command over a plain socket (no client library needed)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall((" ".join(words) + "\r\n").encode())
            return sock.recv(4096).decode().split("\r\n")[0]
    except OSError:
        return None


class Load:
    """Client threads sending GETs in turn to each path until stopped; results tagged by phase."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.phase = "before"
        self.stopped = threading.Event()
        self.results: list[tuple[str, int, float]] = []  # (phase, status, seconds)
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(CLIENTS)]

    def _run(self, number: int) -> None:
        turn = number
        while not self.stopped.is_set():
            url = self.base + PATHS[turn % len(PATHS)]
            turn += 1
            phase, started = self.phase, time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = 0  # connection failed
            with self.lock:
                self.results.append((phase, status, time.perf_counter() - started))

    def __enter__(self) -> "Load":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        for thread in self.threads:
            thread.join()


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-redis-"))
    DATA.mkdir(parents=True, exist_ok=True)
    sqlite = DATA / "redis_outage.sqlite3"
    database = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{sqlite}")
    env = {
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(DATA / "redis_outage_media"),
        # The pages use {% static %}: the production storage needs the manifest.
        "STATIC_ROOT": str(DATA / "static"),
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        # Plain HTTP on the loopback (the production settings redirect to HTTPS).
        "SECURE_SSL_REDIRECT": "0",
        # The load comes from one address: keep the API throttles out of the way.
        "API_THROTTLE_BURST": "1000000/second",
        "API_THROTTLE_SUSTAINED": "100000000/minute",
    }
    redis = start_redis(workdir)
    server = None
    recovery = None
    try:
        seeded = DATA / "redis_outage.seeded"
        if not seeded.exists() or os.environ.get("BENCH_RESEED"):
            print("Seeding the database with load_demo (once) ...", flush=True)
            sqlite.unlink(missing_ok=True)
            manage("migrate", "--noinput", **env)
            manage("load_demo", **env)
            manage("collectstatic", "--noinput", **env)
            seeded.write_text(database)
        server, base = start_server(**env)
        for path in PATHS:  # warm up
            urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310 (loopback)
        with Load(base) as load:
            time.sleep(SECONDS)
            load.phase = "outage"
            redis.kill()
            redis.wait()
            print("Redis killed.", flush=True)
            time.sleep(OUTAGE)
            redis = start_redis(workdir)
            restarted = time.perf_counter()
            load.phase = "after"
            print("Redis restarted.", flush=True)
            while time.perf_counter() - restarted < SECONDS:
                if recovery is None and redis_command("EXISTS", GENERATION_KEY) == ":1":
                    recovery = time.perf_counter() - restarted
                time.sleep(0.01)
    finally:
        if server is not None:
            stop_server(server)
        redis.kill()
        redis.wait()
        shutil.rmtree(workdir, ignore_errors=True)

    print(f"\n{'phase':8} {'requests':>9} {'5xx':>5} {'other errors':>13} {'p50 ms':>8} {'max ms':>8}")
    for phase in ("before", "outage", "after"):
        rows = [row for row in load.results if row[0] == phase]
        server_errors = sum(1 for row in rows if row[1] >= 500)
        other = sum(1 for row in rows if row[1] != 200 and row[1] < 500)
        latencies = [row[2] * 1000 for row in rows] or [float("nan")]
        print(
            f"{phase:8} {len(rows):9d} {server_errors:5d} {other:13d} "
            f"{statistics.median(latencies):8.1f} {max(latencies):8.1f}"
        )
    total_5xx = sum(1 for row in load.results if row[1] >= 500)
    print(f"total: {len(load.results)} requests, {total_5xx} 5xx (goal 0)")
    print(
        "recovery (Redis restart -> cache written again): "
        + (f"{recovery:.2f} s" if recovery is not None else f"not within {SECONDS:.0f} s")
    )


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
