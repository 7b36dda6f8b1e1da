"""Run Wagtail's ``publish_scheduled`` in a loop, beside the web server.

Scheduled pages and snippets (go_live_at) go live and expired ones (expire_at)
are unpublished only when ``publish_scheduled`` runs; this keeps it running.
"""

import logging
import signal
import threading
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

logger = logging.getLogger("workflow.scheduler")


class Command(BaseCommand):
    help = "Publish scheduled and unpublish expired content every INTERVAL seconds (default 60)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and exit (for tests and cron).")

    def handle(self, *args: Any, **options: Any) -> None:
        interval = options["interval"]
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        if options["once"]:
            self.run_once()
            return

        stop = threading.Event()

        def request_stop(signum: int, frame: Any) -> None:
            logger.info("Scheduler stopping (signal %s).", signum)
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        logger.info("Scheduler started: publish_scheduled every %s s.", interval)
        while not stop.is_set():
            started = time.monotonic()
            try:
                self.run_once()
            except Exception:
                # A failed run (e.g. the database restarting) must not stop the
                # loop; the next run picks up whatever is still due.
                logger.exception("publish_scheduled failed; retrying in %s s.", interval)
            finally:
                # Long-running process: drop connections the database may have closed.
                close_old_connections()
            stop.wait(max(0.0, interval - (time.monotonic() - started)))

    def run_once(self) -> None:
        call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
