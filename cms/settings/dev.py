from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Manifest storage needs collectstatic; development serves files as they are.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
