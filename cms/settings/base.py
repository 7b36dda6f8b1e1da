"""Settings shared by every environment, driven by environment variables.

DATABASE_URL  default: a SQLite file in the project (the embedded default)
REDIS_URL     optional: use Redis (django-redis) as the cache
SECRET_KEY    required in production
ALLOWED_HOSTS comma-separated
MEDIA_ROOT / STATIC_ROOT  where uploads and collected static files live
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of stripped items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps
    "pages",
    "snippets",
    "api",
    "demo",
    "localization",
    "workflow",
    "security",
    "sync",
    "preview",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "rest_framework",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "wagtail.api.v2",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Our subclass of LocaleMiddleware keeps /api/ and friends out of the
    # language prefix redirect.
    "localization.middleware.PrefixExemptLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: SQLite in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url: str) -> dict:
    """django-redis settings for ``url`` that degrade to "no cache" while Redis is unreachable.

    The cache is an optimisation: IGNORE_EXCEPTIONS makes a failed call a miss
    (the page or API response is computed from the database), short socket
    timeouts bound the wait for a Redis that does not answer, and the pool
    (api.cache.FailFastConnectionPool) skips Redis for REDIS_RETRY_SECONDS after
    a failure, logs a warning, and reconnects by itself.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
            "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            "CONNECTION_POOL_CLASS": "api.cache.FailFastConnectionPool",
            "CONNECTION_POOL_KWARGS": {"retry_seconds": float(os.environ.get("REDIS_RETRY_SECONDS", "1"))},
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Language codes are lower case on purpose: Django
# lower-cases the active language and Wagtail's locale lookup is
# case-sensitive, so "sr-Latn" would silently serve the wrong locale.
LANGUAGE_CODE = "sr-latn"
TIME_ZONE = "Europe/Belgrade"
USE_I18N = True
USE_TZ = True
# Each language is named in its own script (the switcher shows these names).
# Serbian Cyrillic is "sr-cyrl", not Django's "sr": the script is explicit in
# URLs (/sr-cyrl/) and hreflang (sr-Cyrl), symmetrical with sr-latn, and "sr"
# would read as "Serbian, any script" to search engines and to Accept-Language
# matching. Its language info is registered in the Translation block below.
LANGUAGES = [
    ("sr-latn", "Srpski"),
    ("sr-cyrl", "Српски"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Our catalogues (locale/sr_Latn, locale/sr_Cyrl, locale/en); for Django's own
# strings gettext falls back from sr_Cyrl to Django's "sr" (Cyrillic) catalogue.
LOCALE_PATHS = [BASE_DIR / "locale"]
# Serbian dates with the month in the genitive ("22. aprila 2016."), both scripts.
FORMAT_MODULE_PATH = ["localization.formats"]
# URL prefixes that never carry a language and must not be redirected to one.
LOCALE_EXEMPT_PREFIXES = (
    "/healthz/",
    "/api/",
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/feeds/",
    "/sitemap.xml",
)

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media is served by Django (dev) or the front server (production); uploads are
# limited so that a bad upload is refused with a message, not a crash.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv", "zip"]
# Must stay "serve_view": it applies collection restrictions, and /media/documents/...
# redirects to it (with "direct" or "redirect" the two would send each other round).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Wagtail
WAGTAIL_SITE_NAME = "Kuća klastera"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend with the query text quoted for SQLite FTS5 / PostgreSQL (api/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "api.search_backend"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "gif": "png"}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# CORS: public read-only API, any origin by default, never with credentials.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS
# HTTP caching (api/http_cache.py): a partner front end reads the validators and
# the rate-limit wait, and may revalidate itself (a non-safelisted header: preflight).
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
from corsheaders.defaults import default_headers  # noqa: E402

CORS_ALLOW_HEADERS = (*default_headers, "if-none-match", "if-modified-since")

# Headless preview tokens (preview/): lifetime in seconds.
HEADLESS_PREVIEW_SECONDS = int(os.environ.get("HEADLESS_PREVIEW_SECONDS", "3600"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}


# --- Workflow ---
# Editorial workflow (see workflow/README.md). Translations are saved as drafts and
# go through "Review and publish" instead of being published by wagtail-localize.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# An edit made while a page is in review needs every step approved again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Explains and logs refused four-eyes approvals in the workflow action dialogs.
MIDDLEWARE = [*MIDDLEWARE, "workflow.middleware.WorkflowActionGuardMiddleware"]
LOGGING["loggers"]["workflow.security"] = {"level": "INFO"}
LOGGING["loggers"]["workflow.scheduler"] = {"level": "INFO"}

# --- API ---
# Django REST framework for the content API v1 (api/); errors are problem+json.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # Throttling (on by default, 429 problem+json): see "Security: cache resilience and rate limits".
    "DATETIME_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "House of Clusters content API",
    "DESCRIPTION": "Read-only, localized content API: news, events, galleries, clusters, projects and shared "
    "snippets. Errors are RFC 7807 problem details (application/problem+json).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Only /api/v1/: drf-spectacular would otherwise also list Wagtail's own APIs.
    "PREPROCESSING_HOOKS": ["api.schema.only_v1"],
    # Item components as sparse fieldsets return them: only id and type required (issue 9).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.sparse_items",
        "api.schema.nullable_refs",
        "api.schema.public_operations",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"EventStatus": "pages.models.events.EventPage.Status"},
}
# Seconds a rendered API response is cached (invalidated on publish/unpublish/delete); 0 turns it off.
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
# Wagtail's stock API v2 at /api/v2/ returns rich text as display HTML.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100

# --- Translation ---
# wagtail-localize and the Serbian Cyrillic edition (see localization/README.md).
# Django knows "sr" (Cyrillic) and "sr-latn" but not "sr-cyrl": register it so
# that get_language_info(), the admin's locale names and {% language %} work.
from django.conf.locale import LANG_INFO  # noqa: E402

LANG_INFO.setdefault(
    "sr-cyrl",
    {"bidi": False, "code": "sr-cyrl", "name": "Serbian Cyrillic", "name_local": "српски (ћирилица)"},
)
# The Cyrillic edition is derived from Serbian Latin by transliteration, offered
# in the translation editor as a machine translator ...
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "localization.machine_translator.SerbianTransliterator"}
# ... and automatically, as a draft with only the missing segments filled in,
# whenever a Serbian Latin page is published (needs the sr-cyrl Locale to exist).
SERBIAN_CYRILLIC_AUTO_TRANSLATE = env_bool("SERBIAN_CYRILLIC_AUTO_TRANSLATE", True)
# The translation editor saves each segment through wagtail-localize's Django REST
# framework views, which post form data; with JSON as the only parser (API block)
# every save fails with 415 and translators lose their work. The content API is
# read-only, so accepting form data there changes nothing.
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"] = [
    *REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"],
    "rest_framework.parsers.FormParser",
    "rest_framework.parsers.MultiPartParser",
]


# --- Security: visibility (one rule for every surface, see security/visibility.py) ---


# --- Security: media and documents ---
# /media/ is served only by security.media.serve (see cms/urls.py), which checks the
# collection of the file's document or image. Public images may be kept this many
# seconds by browsers and shared caches; restricted ones are "private, no-store".
MEDIA_PUBLIC_CACHE_SECONDS = int(os.environ.get("MEDIA_PUBLIC_CACHE_SECONDS", "3600"))
# Behind nginx, e.g. "/_protected_media/": after the check, the view answers with an
# X-Accel-Redirect to that `internal` location instead of sending the file itself.
MEDIA_X_ACCEL_REDIRECT = os.environ.get("MEDIA_X_ACCEL_REDIRECT", "")
# Documents: refused above this size with a form error (Wagtail's own document field
# check, used by the single, multiple and API uploads); a front server should refuse
# bodies a little above it (nginx client_max_body_size 25m).
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILDOCS_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))
# Every document, PDFs included, is downloaded as an attachment, never shown inline
# in the site's origin (Wagtail's default shows PDFs inline).
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []


# --- Security: cache resilience and rate limits ---
import datetime  # noqa: E402

# Redis (REDIS_URL) is an optimisation: while it is unreachable every cache call
# is a miss and the site answers from the database (see redis_cache() above).
# Sessions stay in the database (Django's default SESSION_ENGINE), so losing
# Redis logs nobody out.
LOGGING["loggers"]["api.cache"] = {"level": "INFO"}
# Reverse proxies in front of the app servers that append to X-Forwarded-For
# (0: use the connecting address). Throttling and the login lock-out identify a
# client by the same address (api.cache.client_ip); with a proxy in front and 0
# here, every client would share the proxy's address.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

# Admin login lock-out (django-axes): after AXES_FAILURE_LIMIT wrong passwords
# for one username from one address, that pair is refused (429) for
# AXES_COOLOFF_MINUTES, even with the right password; every failure and lock-out
# is logged. Attempts are counted in the database: shared by every app server,
# and kept when Redis is down or flushed (the cache handler would forget them).
# Reset with `manage.py axes_reset` (or axes_reset_username USER).
INSTALLED_APPS = [*INSTALLED_APPS, "axes"]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
MIDDLEWARE = [*MIDDLEWARE, "axes.middleware.AxesMiddleware"]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
# Username and address together: an attacker cannot lock an editor out from
# elsewhere, and one address cannot try many passwords for one account.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "api.cache.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# Public API throttling (DRF), on by default: per client address, a burst and a
# sustained rate, counted in the cache (Redis in production, shared by every
# app server). Over the limit: 429 with Retry-After, problem+json (api/errors.py).
# API_THROTTLE_BURST / API_THROTTLE_SUSTAINED ("N/second|minute|hour|day"; empty
# turns that limit off). Applies to v1 and to Wagtail's v2 (both are DRF).
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = ["api.cache.BurstRateThrottle", "api.cache.SustainedRateThrottle"]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "anon_burst": os.environ.get("API_THROTTLE_BURST", "120/second") or None,
    "anon_sustained": os.environ.get("API_THROTTLE_SUSTAINED", os.environ.get("API_THROTTLE_RATE", "1200/minute"))
    or None,
}
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXIES


# --- Security: headers (CSP, Permissions-Policy) ---
# Content-Security-Policy (django-csp 4) on every response: the public site runs no inline
# script or style and loads nothing from elsewhere except YouTube/Vimeo embeds. Paths that
# need more get it added by cms.csp.PathScopedCSPMiddleware (CSP_PATH_POLICIES), nowhere else.
# CSP_REPORT_ONLY=true sends the same policy as Content-Security-Policy-Report-Only (to try a
# change on a live site); CSP_REPORT_URI collects violation reports.
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": [NONE],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
}
if os.environ.get("CSP_REPORT_URI"):
    _CSP_DIRECTIVES["report-uri"] = [os.environ["CSP_REPORT_URI"]]
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_DIRECTIVES}
# Per path prefix: "update" adds sources, "replace" sets a directive (first matching prefix wins).
CSP_PATH_POLICIES = {
    # Wagtail 8's admin still starts its form widgets (choosers, date pickers, inline panels) and
    # wagtail-localize's editor with inline <script>s whose content varies per form (no hash or
    # nonce possible), Draftail and the React editor set style attributes, and the admin frames
    # its own previews (Wagtail sends X-Frame-Options: SAMEORIGIN on those). Staff only.
    "/admin/": {
        "update": {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]},
        "replace": {"frame-ancestors": [SELF]},
    },
    # drf-spectacular's Swagger UI and Redoc pages start with an inline script and style.
    "/api/v1/docs/": {"update": {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}},
    "/api/v1/redoc/": {
        "update": {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE], "worker-src": [SELF, "blob:"]}
    },
}
# Server error pages (templates/500.html): styled inline on purpose, never any user content.
CSP_ERROR_POLICY = {"update": {"style-src": [UNSAFE_INLINE]}}
# Wagtail's previews: the public page's policy, framed by the admin (same origin) only.
CSP_PREVIEW_POLICY = {"replace": {"frame-ancestors": [SELF]}}
# Right after SecurityMiddleware, so that responses that later middleware returns early
# (language redirects, the login lock-out page) carry the headers too.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],
    "cms.csp.PathScopedCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    *MIDDLEWARE[_after_security:],
]
# Powerful browser features nobody on this site needs are denied to it and to every frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# DENY everywhere; Wagtail's preview views override it with SAMEORIGIN for the admin's iframe.
X_FRAME_OPTIONS = "DENY"
# No avatars fetched from gravatar.com by the admin: nothing leaves the origin (and CSP stays 'self').
WAGTAIL_GRAVATAR_PROVIDER_URL = None


# --- Operations: backup and restore ---
# `manage.py backup_site --to DIR` / `restore_site --from DIR` (backups/): database and media
# together, through django-dbbackup. SQLite restores through the online backup API.
INSTALLED_APPS = [*INSTALLED_APPS, "backups", "dbbackup"]
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", BASE_DIR / "backups-data"))
# dbbackup's own commands (dbbackup, mediabackup, listbackups) store here when given no path.
STORAGES = {
    **STORAGES,
    "dbbackup": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": BACKUP_ROOT}},
}
DBBACKUP_CONNECTOR_MAPPING = {"django.db.backends.sqlite3": "backups.connectors.SqliteOnlineBackupConnector"}
# Backups are run by an operator or cron; a failure is a command error, not a mail to ADMINS.
DBBACKUP_SEND_EMAIL = False


# --- Webhooks ---
# Signed (Standard Webhooks) POSTs to the partner sites' subscriptions (webhooks/), sent by
# the "webhooks" task backend's worker: `manage.py db_worker --backend webhooks`. Wagtail's own
# tasks (reference and search index) keep the "default" backend, which runs them at once.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db", "webhooks"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Seconds a receiver has to answer one delivery; the payload's api_url starts with this.
WEBHOOKS_TIMEOUT = float(os.environ.get("WEBHOOKS_TIMEOUT", "10"))
WEBHOOKS_API_BASE_URL = os.environ.get("WEBHOOKS_API_BASE_URL", WAGTAILAPI_BASE_URL)
LOGGING["loggers"]["webhooks"] = {"level": "INFO"}
