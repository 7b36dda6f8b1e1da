"""The backups app: start-up checks are registered here (cms/checks.py) beside the backup commands."""

from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """Backup and restore of the database and media together (django-dbbackup underneath)."""

    name = "backups"
    verbose_name = "Backups"

    def ready(self) -> None:
        # The project's start-up checks (cms/checks.py) register themselves on import.
        from cms import checks  # noqa: F401
