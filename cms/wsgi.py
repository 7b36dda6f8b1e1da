"""WSGI entry point (gunicorn cms.wsgi). With production settings the application refuses to load
while the database does not answer (DATABASE_STARTUP_CHECK, on by default there), so gunicorn stops
with "Worker failed to boot" instead of serving 500s; with --preload it fails before forking."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

if getattr(settings, "DATABASE_STARTUP_CHECK", False):
    from cms.checks import ensure_database_answers

    ensure_database_answers()
