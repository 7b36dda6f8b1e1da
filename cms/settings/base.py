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
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
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
# URL prefixes that never carry a language and must not be redirected to one.
LOCALE_EXEMPT_PREFIXES = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/feeds/", "/sitemap.xml")

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
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Wagtail
WAGTAIL_SITE_NAME = "Kuća klastera"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
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
    # Off unless API_THROTTLE_RATE is set (e.g. "600/minute"); answers 429 problem+json.
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_THROTTLE_RATE") or None},
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
