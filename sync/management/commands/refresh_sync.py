"""Bring the sync table up to date (idempotent); --rebuild empties it and starts a new epoch."""

from typing import Any

from django.core.management.base import BaseCommand

from sync import feed


class Command(BaseCommand):
    help = "Recompute the sync feed's table from the v1 lists (only changed items get a new seq)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--rebuild", action="store_true", help="Empty the table first; earlier cursors get 410 Gone."
        )

    def handle(self, *args: Any, rebuild: bool = False, **options: Any) -> None:
        result = feed.rebuild() if rebuild else feed.refresh(force=True)
        self.stdout.write(f"sync: {result.changed} item(s) changed, last seq {result.last_seq}")
