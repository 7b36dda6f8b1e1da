"""Start-up checks for production: the database must answer before the site serves anything.

`database_answers` is a deploy check (`manage.py check --deploy` fails with cms.E001) and
`ensure_database_answers` is what cms.wsgi calls so that a gunicorn worker refuses to boot.
Registered by backups.apps.BackupsConfig.ready().
"""

from typing import Any

from django.core.checks import CheckMessage, Error, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections


@register("database_connection", deploy=True)
def database_answers(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """One Error per configured database that cannot run `SELECT 1`."""
    errors: list[CheckMessage] = []
    for alias in connections:
        connection = connections[alias]
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError as exc:
            errors.append(
                Error(
                    f"Database {alias!r} does not answer: {str(exc).strip()}",
                    hint="Check DATABASE_URL and that the database server is running and reachable.",
                    id="cms.E001",
                )
            )
        finally:
            # Never hand an open connection to forked workers (gunicorn --preload).
            connection.close()
    return errors


def ensure_database_answers() -> None:
    """Raise ImproperlyConfigured when a database does not answer (for the WSGI entry point)."""
    errors = database_answers()
    if errors:
        raise ImproperlyConfigured("; ".join(f"{error.msg} ({error.id})" for error in errors))
