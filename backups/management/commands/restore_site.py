"""`manage.py restore_site --from DIR`: restore a `backup_site` folder into this site's database
and MEDIA_ROOT, replacing what is there, then empty the cache so nothing stale is served.

The target database must use the same engine as the backup (dbbackup refuses otherwise); it may be
fresh and empty (no migrate needed: the dump carries the schema).
"""

from pathlib import Path
from typing import Any

from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from backups.management.commands.backup_site import DATABASE_FILE, MEDIA_FILE


class Command(BaseCommand):
    help = "Restore the database and the media files from a backup_site folder (replaces current content)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="source", required=True, help="Folder written by backup_site.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args: Any, source: str, interactive: bool = True, **options: Any) -> None:
        folder = Path(source)
        missing = [name for name in (DATABASE_FILE, MEDIA_FILE) if not (folder / name).is_file()]
        if missing:
            raise CommandError(f"{folder} is not a backup_site folder: missing {', '.join(missing)}.")
        if interactive:
            answer = input("This replaces the database and the media files. Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        quiet = options["verbosity"] < 2
        call_command("dbrestore", input_path=str(folder / DATABASE_FILE), interactive=False, quiet=quiet)
        call_command(
            "mediarestore",
            input_path=str(folder / MEDIA_FILE),
            uncompress=True,
            replace=True,
            interactive=False,
            quiet=quiet,
        )
        # Cached pages, API responses and site roots describe the content before the restore.
        for cache in caches.all():
            cache.clear()
        self.stdout.write(f"Restored the database and media from {folder}")
