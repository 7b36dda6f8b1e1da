"""`/healthz/` for load balancers: can this app server reach its database and its cache?

200 `{"status": "ok", "checks": {"database": "ok", "cache": "ok"}}`. Without the database
the server can serve nothing: 503. Without the cache (Redis down) it still serves
everything from the database, slower (api/cache.py): 200 with `"status": "degraded"` and
the cache marked "unavailable", so that a load balancer does not take every app server
out of rotation at once over one shared Redis, while monitoring still sees it.
Routed outside the language prefix (cms/urls.py); it reads no session or user and is never
cached.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"
DEGRADED = "degraded"


def database_answers() -> bool:
    """Whether `SELECT 1` runs on the default database."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.warning("Health check: the database does not answer.", exc_info=True)
        return False
    return True


def cache_answers() -> bool:
    """Whether a value written to the cache can be read back.

    django-redis with IGNORE_EXCEPTIONS turns a dead Redis into "not cached" instead of an
    error, so only the round trip tells. The key is unique per check (app servers checked at
    the same moment must not read each other's value) and deleted at once, so frequent checks
    never fill the cache (a full LocMemCache evicts a third of its entries).
    """
    token = uuid.uuid4().hex
    key = f"healthz:{token}"
    try:
        cache.set(key, token, timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:
        logger.warning("Health check: the cache does not answer.", exc_info=True)
        return False
    if found != token:
        logger.warning("Health check: the cache does not answer (a value written was not read back).")
        return False
    return True


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """GET/HEAD: 200 while the database answers (``degraded`` without the cache), else 503."""
    checks = {
        "database": OK if database_answers() else UNAVAILABLE,
        "cache": OK if cache_answers() else UNAVAILABLE,
    }
    if checks["database"] != OK:
        return JsonResponse({"status": UNAVAILABLE, "checks": checks}, status=503)
    status = OK if checks["cache"] == OK else DEGRADED
    return JsonResponse({"status": status, "checks": checks}, status=200)
