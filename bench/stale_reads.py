"""Publish through the two-step workflow while another app server is read (issue 8, finding 7).

Two gunicorn app servers (2 workers each, bench/run.py's helpers) share one
PostgreSQL database (BENCH_PG_URL, default a fresh ``bench_stale_reads`` on
127.0.0.1:5432, created and seeded with ``load_demo`` once) and one private Redis
(BENCH_REDIS_PORT, 6392). Server A stands for the admin: in a separate process
an editor submits a new title for an event, a reviewer approves the first step
and a publisher approves the second, each as its own user, in a transaction
as the admin view does; BENCH_ROUNDS (10) times. Meanwhile BENCH_READERS threads (2) read the event's
API detail from server B without pause.

Reports the reads that began after the final approval had returned and still
showed the old title, and the longest such delay (goal: 0 reads, 0 s).
BENCH_COMMIT_DELAY (0) seconds of other work end each approval's transaction
(as notification e-mails to a slow SMTP server would). BENCH_BEFORE_FIX=1
bumps the cache generation only inside the transaction, as before issue 8,
to show the stale reads the bench is there to catch.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from redis_outage import start_redis
from run import DATA, ROOT, environment, first_event_id, manage, start_server, stop_server

PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_stale_reads")
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6392"))
READERS = int(os.environ.get("BENCH_READERS", "2"))
AFTER = float(os.environ.get("BENCH_SECONDS_AFTER", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))

PUBLISH = """
import json, os, sys, time
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from pages.models import EventPage
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS, setup_roles

setup_roles()

if os.environ.get("BENCH_BEFORE_FIX"):
    # The behaviour before issue 8: the generation is bumped only inside the
    # approval's transaction, never on commit (to show what the bench measures).
    from types import SimpleNamespace
    import api.cache
    api.cache.transaction = SimpleNamespace(get_connection=lambda: SimpleNamespace(in_atomic_block=False))

def user(name, group):
    person, _ = get_user_model().objects.get_or_create(username=name, defaults={"email": name + "@example.org"})
    person.groups.set([Group.objects.get(name=group)])
    return person

editor, reviewer, publisher = user("bench-editor", EDITORS), user("bench-reviewer", REVIEWERS), user(
    "bench-publisher", PUBLISHERS
)
def approve(page_id, person):
    current = EventPage.objects.get(pk=page_id)
    with transaction.atomic():  # as the admin's workflow action request
        current.current_workflow_task.on_action(current.current_workflow_task_state, person, "approve")
        # Work left in the request after the approval (e.g. notification e-mails to a slow SMTP server).
        time.sleep(float(os.environ.get("BENCH_COMMIT_DELAY", "0")))

page_id, prefix, rounds = int(sys.argv[-3]), sys.argv[-2], int(sys.argv[-1])
for number in range(rounds):
    title = f"{prefix} {number + 1}"
    page = EventPage.objects.get(pk=page_id)
    page.title = title
    with transaction.atomic():
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)
    approve(page_id, reviewer)
    time.sleep(0.5)  # the readers keep reading the previous title meanwhile
    started = time.time()
    approve(page_id, publisher)
    returned = time.time()
    assert EventPage.objects.get(pk=page_id).title == title, "the final approval did not publish"
    print(json.dumps({"title": title, "approval_started": started, "approval_returned": returned}), flush=True)
    time.sleep(0.5)
"""


def prepare_database(env: dict[str, str]) -> None:
    """A PostgreSQL database with the demo content: created and seeded once (BENCH_RESEED=1: again)."""
    url = urlsplit(PG_URL)
    name = url.path.strip("/")
    admin_url = urlunsplit(url._replace(scheme="postgresql", path="/postgres"))
    seeded = DATA / "stale_reads.seeded"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and seeded.exists() and seeded.read_text() == PG_URL and not os.environ.get("BENCH_RESEED"):
            return
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    print("Seeding PostgreSQL with load_demo (once) ...", flush=True)
    manage("migrate", "--noinput", **env)
    manage("load_demo", **env)
    DATA.mkdir(parents=True, exist_ok=True)
    seeded.write_text(PG_URL)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-stale-"))
    env = {
        "DATABASE_URL": PG_URL,
        "MEDIA_ROOT": str(DATA / "stale_reads_media"),
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        # Plain HTTP on the loopback (the production settings redirect to HTTPS).
        "SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_BURST": "1000000/second",
        "API_THROTTLE_SUSTAINED": "100000000/minute",
        "SERBIAN_CYRILLIC_AUTO_TRANSLATE": "0",
    }
    prepare_database(env)
    redis = start_redis(workdir, REDIS_PORT)
    servers: list = []
    stop = threading.Event()
    threads: list[threading.Thread] = []
    try:
        event_id = first_event_id(**env)
        prefix = f"Novi naslov {int(time.time())}"
        script = workdir / "publish.py"
        script.write_text(
            "import django, os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'cms.settings.production')\n"
            "django.setup()\n" + PUBLISH
        )
        for _ in range(2):  # A (the admin's) and B (read by the threads)
            servers.append(start_server(**env))
        base_b = servers[1][1]
        reads: list[tuple[float, float, str]] = []  # (started, returned, title), wall clock

        def reader() -> None:
            url = f"{base_b}/api/v1/events/{event_id}/"
            while not stop.is_set():
                started = time.time()
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
                    title = json.loads(response.read())["title"]
                reads.append((started, time.time(), title))

        threads += [threading.Thread(target=reader) for _ in range(READERS)]
        old_title = json.loads(urllib.request.urlopen(f"{base_b}/api/v1/events/{event_id}/").read())["title"]  # noqa: S310
        for thread in threads:
            thread.start()
        published = subprocess.run(
            [sys.executable, str(script), str(event_id), prefix, str(ROUNDS)],
            cwd=ROOT,
            env={**environment(**env), "PYTHONPATH": str(ROOT)},
            check=True,
            capture_output=True,
            text=True,
        )
        rounds = [json.loads(line) for line in published.stdout.splitlines() if line.startswith("{")]
        time.sleep(AFTER)
    finally:
        stop.set()
        for thread in threads:
            if thread.is_alive():
                thread.join()
        for server, _ in servers:
            stop_server(server)
        redis.kill()
        redis.wait()

    stale, after, during = [], 0, 0
    for number, current in enumerate(rounds):
        # Until the next final approval starts, every read begun after this one returned must show its title.
        until = rounds[number + 1]["approval_started"] if number + 1 < len(rounds) else float("inf")
        window = [read for read in reads if current["approval_returned"] <= read[0] < until]
        after += len(window)
        during += sum(1 for read in reads if current["approval_started"] <= read[0] < current["approval_returned"])
        stale += [(read[0] - current["approval_returned"]) for read in window if read[2] != current["title"]]
    took = statistics.median(current["approval_returned"] - current["approval_started"] for current in rounds)
    print(f"event {event_id}: {old_title!r}, then {len(rounds)} approved changes")
    print(f"final approval took {took:.3f} s (median); {during} reads on server B during the final approvals")
    print(f"reads on server B: {len(reads)} in all, {after} begun after an approval returned")
    print(f"stale reads after the approval returned: {len(stale)} (goal 0)")
    print(f"longest stale read after the approval returned: {max(stale, default=0.0):.3f} s (goal 0 s)")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
