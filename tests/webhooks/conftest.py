"""A local HTTP receiver and a way to run the webhook worker in-process."""

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from webhooks.models import Delivery


class Receiver:
    """Records every POST; answers with the queued status codes, then 200."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.codes: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append(
                    {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
                )
                code = receiver.codes.pop(0) if receiver.codes else 200
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def payloads(self, path: str | None = None) -> list[dict[str, Any]]:
        return [json.loads(r["body"]) for r in self.requests if path is None or r["path"] == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


def run_worker() -> None:
    """What ``manage.py db_worker --backend webhooks`` does, until no task is due."""
    call_command(
        "db_worker",
        "--backend",
        "webhooks",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--interval",
        "0",
        verbosity=0,
    )


def advance_retries() -> None:
    """Make every waiting retry due now, instead of sleeping until its time."""
    past = timezone.now() - datetime.timedelta(seconds=1)
    DBTaskResult.objects.filter(backend_name="webhooks", status="READY").update(run_after=past)
    Delivery.objects.filter(status=Delivery.Status.PENDING).update(next_attempt_at=past)
