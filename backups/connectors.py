"""A SQLite connector for django-dbbackup that restores through SQLite's online backup API.

dbbackup's SqliteBackupConnector restores by writing the file over the live database, which
corrupts it under open connections and cannot reach an in-memory database; copying pages back
with `Connection.backup()` replaces the content atomically through the open connection.
"""

import os
import sqlite3
from shutil import copyfileobj
from tempfile import NamedTemporaryFile
from typing import IO

from dbbackup.db.sqlite import SqliteBackupConnector


class SqliteOnlineBackupConnector(SqliteBackupConnector):
    """Dump with the backup API (as dbbackup does) and restore with it too."""

    def restore_dump(self, dump: IO[bytes]) -> None:
        with NamedTemporaryFile(suffix=".sqlite3", delete=False) as copy:
            copyfileobj(dump, copy)
        try:
            self.connection.ensure_connection()
            source = sqlite3.connect(copy.name)
            try:
                source.backup(self.connection.connection)
            finally:
                source.close()
        finally:
            os.remove(copy.name)
