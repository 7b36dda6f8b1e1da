import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, STORAGES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # A real queue: tests/webhooks run its worker (db_worker --batch) in-process.
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Task and publish chatter would bury test output.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Parallel test workers (pytest-xdist) each get their own Redis database: they
# have their own test databases, and a cache shared between them would mix
# their site roots and API responses (and cache.clear() would wipe both).
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    _url = urlsplit(REDIS_URL)
    _base_db = int(_url.path.strip("/") or 0)
    _db = (_base_db + int(_worker[2:])) % 16
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_db}"))

# django-axes needs the request in authenticate(), which Django's client.login()
# does not pass; tests/security/test_rate_limits.py turns it on for its tests.
AXES_ENABLED = False
# The API throttles stay on (same code path) at rates no test reaches;
# tests/security/test_rate_limits.py lowers them.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon_burst": "100000/second", "anon_sustained": "1000000/minute"},
}
