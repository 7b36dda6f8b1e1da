"""Webhook fan-out: publish latency with 0 and 20 subscribers, and the time until 20 deliveries land.

Runs on a fresh SQLite database (or DATABASE_URL) with 20 receivers on localhost;
the worker is a real `manage.py db_worker --backend webhooks` process.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="bench-webhooks-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TMP}/db.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
N = int(os.environ.get("N", "30"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

call_command("migrate", verbosity=0)

from tests import factories as f  # noqa: E402
from tests.webhooks.conftest import Receiver  # noqa: E402
from webhooks.models import Delivery, Event, Subscription  # noqa: E402


def publish_times(parent, n: int) -> list[float]:
    times = []
    for _ in range(n):
        page = f.NewsPageFactory(parent=parent, draft=True)
        revision = page.save_revision()
        start = time.perf_counter()
        revision.publish()  # commits and runs the after-commit enqueue (autocommit)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> str:
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    return f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms"


site = f.build_site()
parent = site["news_index"]
publish_times(parent, 3)  # warm up
zero = publish_times(parent, N)
receivers = [Receiver() for _ in range(20)]
for i, receiver in enumerate(receivers):
    Subscription.objects.create(name=f"r{i}", url=receiver.url(), events=[e.value for e in Event])
twenty = publish_times(parent, N)
print(f"publish, 0 subscribers:  {summary(zero)} (N={N})")
print(f"publish, 20 subscribers: {summary(twenty)} (N={N})")

worker = subprocess.Popen(
    [sys.executable, "manage.py", "db_worker", "--backend", "webhooks", "--no-reload", "--interval", "0.1", "-v0"],
    cwd=ROOT,
    env=os.environ,
)
try:
    # Drain the N queued publishes first, then time one fresh publish's fan-out.
    while Delivery.objects.filter(status="pending").exists() or Delivery.objects.count() < 20 * N:
        time.sleep(0.1)
    before = sum(len(r.requests) for r in receivers)
    start = time.perf_counter()
    publish_times(parent, 1)
    while sum(len(r.requests) for r in receivers) < before + 20 and time.perf_counter() - start < 60:
        time.sleep(0.005)
    got = sum(len(r.requests) for r in receivers) - before
    print(f"one publish → {got}/20 deliveries received, worker running: {(time.perf_counter() - start) * 1000:.0f} ms")
finally:
    worker.terminate()
    worker.wait()
    for receiver in receivers:
        receiver.close()
