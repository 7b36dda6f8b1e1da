"""``make bench-sync``: a sync page of 100 changes against the matching list request.

Seeds bench/.data/sync.sqlite3 with ``load_demo --scale`` (BENCH_SCALE, 300;
once, BENCH_RESEED=1 seeds again; BENCH_DATABASE_URL selects another
database), builds the sync table, changes 100 news titles and measures, in
process (Django test client, response cache off):

- the refresh that turns those edits into 100 changes (full recompute);
- ``GET /api/v1/sync/?cursor=…&limit=100`` (those 100 changes);
- ``GET /api/v1/news/?limit=100`` (the same 100 items from the list);

median and p95 over BENCH_REPEAT (30) requests, and SQL queries per request.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
SCALE = os.environ.get("BENCH_SCALE", "300")
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))


def setup() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DATA / 'sync.sqlite3'}"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ["API_CACHE_SECONDS"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed(client, url: str) -> tuple[list[float], int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        times.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.content[:300]!r}")
    return times, len(queries), len(response.content)


def row(name: str, times: list[float], queries: int, size: int) -> str:
    p95 = statistics.quantiles(times, n=20)[-1]
    return (
        f"| {name} | {statistics.median(times) * 1000:.1f} ms | {p95 * 1000:.1f} ms | {queries} | {size // 1024} KiB |"
    )


def main() -> None:
    setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from pages.models import NewsPage
    from sync import feed

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    if os.environ.get("BENCH_RESEED") or NewsPage.objects.count() < 100:
        print(f"Seeding: load_demo --scale {SCALE} ...", flush=True)
        call_command("load_demo", "--scale", SCALE, verbosity=0)
    start = time.perf_counter()
    feed.refresh(force=True)
    print(f"refresh (table in place): {time.perf_counter() - start:.2f} s", flush=True)
    client = Client()
    cursor = None
    while True:  # the initial sync, to the end
        body = client.get("/api/v1/sync/", {"cursor": cursor} if cursor else {}).json()
        cursor = body["next_cursor"]
        if not body["has_more"]:
            break
    news = list(NewsPage.objects.live().filter(locale__language_code="sr-latn").order_by("pk")[:100])
    for page in news:
        NewsPage.objects.filter(pk=page.pk).update(title=page.title.split(" ~")[0] + f" ~{time.time_ns()}")
    start = time.perf_counter()
    result = feed.refresh(force=True)
    refresh_seconds = time.perf_counter() - start
    items = feed.SyncItem.objects.count()
    print(f"\n{items} items in the table; refresh with {result.changed} changes: {refresh_seconds:.2f} s\n")
    print("| request | median | p95 | SQL queries | body |")
    print("|---|---:|---:|---:|---:|")
    print(row("sync page, 100 changes", *timed(client, f"/api/v1/sync/?cursor={cursor}&limit=100")))
    print(row("news list, 100 items", *timed(client, "/api/v1/news/?limit=100")))


if __name__ == "__main__":
    main()
