"""Response cache for the public API, invalidated when content changes.

Every cached response is keyed by a generation number; publishing, unpublishing,
deleting or saving any page, snippet, image, document or restriction bumps it,
so the next request recomputes. Entries also expire after API_CACHE_SECONDS
(default 60) because "upcoming" and "valid today" change with the clock.

The generation is bumped when the change happens *and again when its
transaction commits*: until the commit, other app servers still read the old
rows, and a request served in that window may store them under the bumped
generation; the bump on commit retires that entry (finding 7 of issue 8).

The time of the last bump is kept beside the generation (CHANGED_KEY): it is
the Last-Modified of every API response (api/http_cache.py). Both live in
the shared cache, so every app server sends the same date for the same state.

The same cache counts the API's rate limits (the throttles below), so every
app server shares them.

The cache is Redis in production (shared by every app server). When Redis is
unreachable, django-redis ignores the error (IGNORE_EXCEPTIONS, see
cms/settings/base.py): every call answers "not cached" and the API is computed
from the database, slower but correct.
"""

import hashlib
import logging
import time
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest

from wagtail.signals import page_published, page_unpublished

import redis
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, BaseThrottle

logger = logging.getLogger(__name__)

GENERATION_KEY = "api:v1:generation"
CHANGED_KEY = "api:v1:changed"
# The negotiated media type of a request without Accept (the one JSON renderer).
DEFAULT_VARIANT = "application/json"
WATCHED_APPS = {"wagtailcore", "pages", "snippets", "wagtailimages", "wagtaildocs", "taggit"}


def timeout() -> int:
    return int(getattr(settings, "API_CACHE_SECONDS", 60))


def _initial_generation() -> int:
    # Milliseconds since the epoch: when the key is lost (Redis restarted or
    # evicted it) the new generation is still above every earlier one, so
    # entries stored under an earlier generation are never read again.
    return int(time.time() * 1000)


# Set when a bump could not reach Redis (django-redis ignored the error): this
# process bumps again once Redis answers, so that entries cached before the
# outage are not served as current after it.
_bump_lost = False


def generation() -> int:
    global _bump_lost
    if _bump_lost:
        _bump_lost = False
        _increment()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _initial_generation(), None)
        # None again when the cache is unreachable: then nothing is cached anyway.
        value = cache.get(GENERATION_KEY) or _initial_generation()
    return value


def now() -> int:
    """The current time in whole seconds (the resolution of an HTTP date)."""
    return int(time.time())


def state() -> tuple[int, int]:
    """The generation and the time of the last content change, read in one round trip.

    The change time is never later than now (RFC 9110 8.8.2.1: no Last-Modified
    in the future, e.g. from an app server whose clock runs ahead). When it is
    unknown (Redis lost the key, or is unreachable) it is now: later than
    anything a client holds, so a client revalidating by date gets the content.
    """
    global _bump_lost
    if _bump_lost:
        _bump_lost = False
        _increment()
    values = cache.get_many([GENERATION_KEY, CHANGED_KEY])
    current = values.get(GENERATION_KEY)
    if current is None:
        current = generation()
    changed = values.get(CHANGED_KEY)
    if changed is None:
        cache.add(CHANGED_KEY, now(), None)
        changed = cache.get(CHANGED_KEY) or now()
    return current, min(changed, now())


def _increment() -> None:
    global _bump_lost
    try:
        if cache.incr(GENERATION_KEY) is None:  # Redis unreachable
            _bump_lost = True
    except ValueError:  # no generation yet (or it was evicted)
        cache.set(GENERATION_KEY, _initial_generation(), None)
    cache.set(CHANGED_KEY, now(), None)


def bump(**kwargs: Any) -> None:
    """Invalidate every cached response now, and again when the current transaction commits."""
    _increment()
    if transaction.get_connection().in_atomic_block:
        # One callback per change: an INCR each at commit is cheaper than
        # tracking which transaction (or savepoint) already has one. robust: a
        # failing cache must not stop the other on-commit callbacks
        # (wagtail-localize publishes translations from them).
        transaction.on_commit(_increment, robust=True)


def variant_digest(full_path: str, variant: str = DEFAULT_VARIANT) -> str:
    """What a response depends on besides the content: its absolute URL (host, path,
    query) and the negotiated media type (``application/json; indent=4`` renders
    differently). The method is not in it: HEAD is GET without the body, which
    the server drops."""
    return hashlib.sha256(f"{variant}\n{full_path}".encode()).hexdigest()


def key_for(full_path: str, variant: str = DEFAULT_VARIANT, current: int | None = None) -> str:
    """The cache key of the response to ``full_path`` in ``variant``, under the current generation."""
    if current is None:
        current = generation()
    return f"api:v1:response:{current}:{variant_digest(full_path, variant)}"


def label_key(digest: str, second: int) -> str:
    """Which representation (ETag) of ``digest`` was sent with Last-Modified ``second``."""
    return f"api:v1:modified:{digest}:{second}"


def latest_label_key(digest: str) -> str:
    """The last (date, ETag) label given to ``digest``: a hint, checked against label_key."""
    return f"api:v1:modified:{digest}:latest"


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


class FailFastConnectionPool(redis.ConnectionPool):
    """A Redis connection pool that, once Redis is unreachable, stops waiting for it.

    Without it every cache call of every request (a dozen per page) waits for
    the connect timeout while Redis is down. After a failed connection the pool
    answers "unreachable" at once for ``retry_seconds`` (REDIS_RETRY_SECONDS,
    default 1), then tries again: the site recovers by itself when Redis is
    back. django-redis turns the error into "not cached" (IGNORE_EXCEPTIONS).
    The outage and the recovery are logged once each, per process.
    """

    retry_seconds: float = 1.0

    def __init__(self, *args: Any, retry_seconds: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if retry_seconds is not None:
            self.retry_seconds = retry_seconds
        self._down_until = 0.0
        self._down_since: float | None = None

    def get_connection(self, *args: Any, **kwargs: Any) -> Any:
        if self._down_since is not None and time.monotonic() < self._down_until:
            raise redis.exceptions.ConnectionError("Redis is unreachable; retrying shortly")
        try:
            connection = super().get_connection(*args, **kwargs)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            now = time.monotonic()
            if self._down_since is None:
                self._down_since = now
                logger.warning("Redis is unreachable (%s): serving without the cache until it is back.", exc)
            self._down_until = now + self.retry_seconds
            raise
        if self._down_since is not None:
            logger.warning(
                "Redis is reachable again after %.1f s: the cache is in use.", time.monotonic() - self._down_since
            )
            self._down_since = None
        return connection


def client_ip(request: HttpRequest) -> str:
    """The client's address as DRF's throttles see it (REST_FRAMEWORK["NUM_PROXIES"]).

    Also the address django-axes locks out (AXES_CLIENT_IP_CALLABLE): one rule for
    both, which trusts X-Forwarded-For only as far as the configured proxies.
    """
    return BaseThrottle().get_ident(request)


class _ConfiguredRateThrottle(AnonRateThrottle):
    """Per-client throttle whose rate is read from the settings at request time
    (DRF reads it once, at import), so an override in a test or a reload applies."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class BurstRateThrottle(_ConfiguredRateThrottle):
    scope = "anon_burst"


class SustainedRateThrottle(_ConfiguredRateThrottle):
    scope = "anon_sustained"
