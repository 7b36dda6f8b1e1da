"""Backup and restore of the whole site: `manage.py backup_site --to DIR`, `restore_site --from DIR`."""
