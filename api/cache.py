"""Response cache for the public API, invalidated when content changes.

Every cached response is keyed by a generation number; publishing, unpublishing,
deleting or saving any page, snippet, image, document or restriction bumps it,
so the next request recomputes. Entries also expire after API_CACHE_SECONDS
(default 60) because "upcoming" and "valid today" change with the clock.
"""

import hashlib
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import page_published, page_unpublished

GENERATION_KEY = "api:v1:generation"
WATCHED_APPS = {"wagtailcore", "pages", "snippets", "wagtailimages", "wagtaildocs", "taggit"}


def timeout() -> int:
    return int(getattr(settings, "API_CACHE_SECONDS", 60))


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY) or 1
    return value


def bump(**kwargs: Any) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def key_for(full_path: str) -> str:
    digest = hashlib.sha256(full_path.encode()).hexdigest()
    return f"api:v1:response:{generation()}:{digest}"


def _model_changed(sender: type, **kwargs: Any) -> None:
    bump()


WAGTAILCORE_MODELS = {"page", "pageviewrestriction", "collectionviewrestriction", "collection", "site", "locale"}


def watched(model: type) -> bool:
    label, name = model._meta.app_label, model._meta.model_name
    if label == "wagtailcore":
        return name in WAGTAILCORE_MODELS
    # Renditions are created while serving a response: they change no content.
    return label in WATCHED_APPS and not name.endswith("rendition")


def connect() -> None:
    page_published.connect(bump, dispatch_uid="api_cache_published")
    page_unpublished.connect(bump, dispatch_uid="api_cache_unpublished")
    for model in apps.get_models():
        if watched(model):
            post_save.connect(_model_changed, sender=model, dispatch_uid=f"api_cache_save_{model._meta.label}")
            post_delete.connect(_model_changed, sender=model, dispatch_uid=f"api_cache_delete_{model._meta.label}")
    m2m_changed.connect(bump, dispatch_uid="api_cache_m2m")
