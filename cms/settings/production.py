"""Production settings: everything that must be right on a server is read from the environment,
and a missing or wrong value stops the start-up with a message instead of failing on requests.

DATABASE_URL                    required; sqlite:////path/db.sqlite3 chooses SQLite explicitly
SECRET_KEY                      required
DATABASE_STARTUP_CHECK          default on: cms.wsgi refuses to load if the database does not answer
DATABASE_CONNECT_TIMEOUT        seconds (PostgreSQL), default 5
SECURE_SSL_REDIRECT             default on
SECURE_REDIRECT_EXEMPT          comma-separated path regexes also served over plain HTTP (/healthz/ always is)
SECURE_HSTS_SECONDS             default one year; 0 turns HSTS off
SECURE_HSTS_INCLUDE_SUBDOMAINS  default on
SECURE_HSTS_PRELOAD             default on
SECURE_COOKIES                  default on
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

# base.py falls back to a SQLite file in the project, which on a server silently starts an
# empty site beside the real database: production must name its database.
if not os.environ.get("DATABASE_URL", "").strip():
    raise ImproperlyConfigured(
        "DATABASE_URL must be set in production, e.g. postgres://user:password@host:5432/cms "
        "(or sqlite:////srv/cms/db.sqlite3 to choose SQLite explicitly)."
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable host must fail the start-up check in seconds, not hang it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
# Read by cms.wsgi: gunicorn workers refuse to boot while the database does not answer.
DATABASE_STARTUP_CHECK = env_bool("DATABASE_STARTUP_CHECK", True)

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# A load balancer checks each app server directly over plain HTTP, often without
# X-Forwarded-Proto: redirecting /healthz/ to HTTPS would mark every server down.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", *env_list("SECURE_REDIRECT_EXEMPT")]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
