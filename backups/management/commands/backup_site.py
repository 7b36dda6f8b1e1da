"""`manage.py backup_site --to DIR`: the database and the media files, together, in one folder.

DIR receives database.dump (+ .metadata, the engine it came from) and media.tar.gz, written by
django-dbbackup's `dbbackup` and `mediabackup`; `restore_site --from DIR` puts both back.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


class Command(BaseCommand):
    help = "Back up the database and the media files into one folder (restore with restore_site)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", required=True, help="Folder to write the backup to (created).")

    def handle(self, *args: Any, to: str, **options: Any) -> None:
        folder = Path(to)
        folder.mkdir(parents=True, exist_ok=True)
        if (folder / DATABASE_FILE).exists() or (folder / MEDIA_FILE).exists():
            raise CommandError(f"{folder} already holds a backup; choose an empty folder.")
        # A site without uploads yet has no MEDIA_ROOT; mediabackup would fail on it.
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        quiet = options["verbosity"] < 2
        call_command("dbbackup", output_path=str(folder / DATABASE_FILE), interactive=False, quiet=quiet)
        call_command(
            "mediabackup", output_path=str(folder / MEDIA_FILE), compress=True, interactive=False, quiet=quiet
        )
        self.stdout.write(f"Backed up the database and media to {folder}")
