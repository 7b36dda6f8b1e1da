"""HTTP caching for the API v1: validators, conditional GETs and the response cache.

Every 200 to a GET or HEAD carries:

- ``ETag``: a strong tag, the hash of the body and its media type, so every
  app server gives the same tag for the same bytes, cached or not.
- ``Last-Modified``: the time of the last content change known to api.cache
  (the bump of the generation, kept in the shared cache next to it), so every
  app server sends the same date for the same state; a body that a change
  elsewhere left as it was keeps its earlier date. "Upcoming" and "valid
  today" also change with the clock, without a bump: a date is therefore only
  a label, recorded in the shared cache with the ETag it was sent with
  (api.cache.label_key), and ``If-Modified-Since`` answers 304 only when the
  body that would be sent is the one that was labelled with that date. When
  the label is taken by another body, the response is labelled with the
  current second instead; when the label is unknown (expired, or Redis is
  unreachable) the answer is the full 200, never a wrong 304.
- ``Cache-Control: public, max-age=API_CACHE_SECONDS`` and ``Vary: Accept``
  (a body depends on the negotiated media type; django-cors-headers adds
  ``Origin`` itself: it sends Access-Control-Allow-Origin only to requests
  that carry an Origin).

Conditional requests follow RFC 9110 13.1: ``If-None-Match`` with the weak
comparison (``W/"x"`` matches ``"x"``, a list of tags, ``*``);
``If-Modified-Since`` only without ``If-None-Match``. A 304 carries the
validators, Cache-Control and Vary, and neither a body nor a Content-Type.

With API_CACHE_SECONDS > 0 the rendered 200s are also kept in the cache under
the generation, the URL and the negotiated media type; anything else (errors,
406, a 404 from ``?format=``) is computed every time and never stored.
"""

import hashlib
import re
from typing import Any, ClassVar, TypedDict

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from rest_framework import exceptions
from rest_framework.response import Response

from . import cache as response_cache

# How long a Last-Modified date stays a label for one body: a client revalidating
# by date after that gets the body again (by ETag it still gets a 304).
LABEL_SECONDS = 24 * 60 * 60
# Headers recomputed for every answer; the others of the view's response are kept.
RECOMPUTED = {"etag", "last-modified", "cache-control", "content-length", "date", "expires"}
ENTITY_TAG = re.compile(r'(?:W/)?"([^"]*)"')


class Representation(TypedDict):
    """One rendered 200, as it is cached: plain values, so any release can read it."""

    content: bytes
    headers: list[tuple[str, str]]
    etag: str
    last_modified: int


def entity_tag(content: bytes, content_type: str) -> str:
    digest = hashlib.md5(content_type.encode() + b"\n" + content, usedforsecurity=False).hexdigest()
    return f'"{digest}"'


def if_none_match_matches(header: str, etag: str) -> bool:
    """RFC 9110 13.1.2 with the weak comparison: ``*``, or any listed tag with the same opaque value."""
    if header.strip() == "*":
        return True
    opaque = etag.removeprefix("W/").strip('"')
    return opaque in ENTITY_TAG.findall(header)


def _claim(key: str, etag: str) -> bool:
    # add() is atomic (SET NX): of two app servers labelling different bodies
    # with one date, one wins, the other labels its body with another date.
    return bool(response_cache.cache.add(key, etag, LABEL_SECONDS)) or response_cache.cache.get(key) == etag


def last_modified(digest: str, etag: str, changed_at: int) -> int:
    """The Last-Modified date for this body, recorded as its label.

    A date labels one body for good: it is only ever claimed while no label for
    it can have expired (the last change, for LABEL_SECONDS; the current
    second), and a label in use is kept alive.
    """
    cache = response_cache.cache
    latest_key = response_cache.latest_label_key(digest)
    found = cache.get_many([latest_key, response_cache.label_key(digest, changed_at)])
    latest = found.get(latest_key)
    if found.get(response_cache.label_key(digest, changed_at)) == etag:
        label = changed_at
    elif latest and latest[1] == etag and cache.get(response_cache.label_key(digest, latest[0])) == etag:
        # Unchanged since an earlier label (a change elsewhere, or the clock).
        label = latest[0]
    else:
        current = response_cache.now()
        if current - changed_at < LABEL_SECONDS and _claim(response_cache.label_key(digest, changed_at), etag):
            label = changed_at
        elif _claim(response_cache.label_key(digest, current), etag):
            label = current  # the body changed with the clock, or another body holds the date
        else:
            # Another body was labelled with this very second: no date labels this
            # one (If-Modified-Since answers 200) until the next second.
            return current
        cache.set(latest_key, (label, etag), LABEL_SECONDS)
        return label
    # A label in use stays (a used date is never forgotten, so never given to another body).
    cache.touch(response_cache.label_key(digest, label), LABEL_SECONDS)
    cache.touch(latest_key, LABEL_SECONDS)
    return label


def not_modified(request: HttpRequest, digest: str, representation: Representation) -> bool:
    """Whether the client already holds ``representation`` (RFC 9110 13.2.2, steps 3 and 4)."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        # If-Modified-Since is ignored when If-None-Match is present (RFC 9110 13.1.3).
        return if_none_match_matches(if_none_match, representation["etag"])
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if since is None or since < representation["last_modified"]:
        return False
    # The date the client holds must label this very body (the clock may have changed it).
    return response_cache.cache.get(response_cache.label_key(digest, since)) == representation["etag"]


def public_headers(response: HttpResponseBase, representation: Representation) -> HttpResponseBase:
    response["ETag"] = representation["etag"]
    response["Last-Modified"] = http_date(representation["last_modified"])
    response["Cache-Control"] = f"public, max-age={response_cache.timeout()}"
    patch_vary_headers(response, ("Accept",))
    return response


class HttpCacheMixin:
    """ETag, Last-Modified, conditional GETs and the response cache for a public, anonymous view.

    A view whose responses are not the same for everyone (a preview token, a
    session) sets ``http_cache = False``; a response that already says
    ``private`` or ``no-store`` is passed through as it is, never stored.
    """

    http_cache: ClassVar[bool] = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.http_cache or request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        variant = self.negotiated_media_type(request, *args, **kwargs)
        if variant is None:
            # 406 (or a 404 for an unknown ?format=): computed, never cached.
            return super().dispatch(request, *args, **kwargs)
        full_path = request.build_absolute_uri()
        digest = response_cache.variant_digest(full_path, variant)
        # Read before the content: a change committed after it gives a later date.
        generation, changed_at = response_cache.state()
        seconds = response_cache.timeout()
        key = response_cache.key_for(full_path, variant, generation)
        representation = response_cache.cache.get(key) if seconds > 0 else None
        if representation is None:
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code != 200 or not self._is_public(response):
                return response
            if hasattr(response, "render"):
                response.render()
            headers = [(name, value) for name, value in response.items() if name.lower() not in RECOMPUTED]
            etag = entity_tag(response.content, response.get("Content-Type", ""))
            representation = Representation(
                content=response.content,
                headers=headers,
                etag=etag,
                last_modified=last_modified(digest, etag, changed_at),
            )
            if seconds > 0:
                response_cache.cache.set(key, representation, seconds)
        else:
            # A cached URL is no way around the rate limits (a miss is throttled in initial()).
            refused = self.throttled_response(request, *args, **kwargs)
            if refused is not None:
                return refused
        return self.cached_response(request, digest, representation)

    def cached_response(self, request: HttpRequest, digest: str, representation: Representation) -> HttpResponseBase:
        if not_modified(request, digest, representation):
            response = HttpResponseNotModified()  # no body, no Content-Type
            vary = [value for name, value in representation["headers"] if name.lower() == "vary"]
            if vary:
                response["Vary"] = vary[0]
            # RFC 9110 8.6: a Content-Length on a 304 must be the 200's (Django would add 0).
            response["Content-Length"] = str(len(representation["content"]))
        else:
            response = HttpResponse(representation["content"])
            for name, value in representation["headers"]:
                response[name] = value
        return public_headers(response, representation)

    @staticmethod
    def _is_public(response: HttpResponseBase) -> bool:
        cache_control = response.get("Cache-Control", "").lower()
        return "private" not in cache_control and "no-store" not in cache_control

    def negotiated_media_type(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str | None:
        """The media type DRF's content negotiation picks for this request, or None when it refuses."""
        self.args, self.kwargs = args, kwargs
        drf_request = self.initialize_request(request, *args, **kwargs)
        self.format_kwarg = self.get_format_suffix(**kwargs)
        try:
            return self.perform_content_negotiation(drf_request)[1]
        except (exceptions.NotAcceptable, Http404):
            return None

    def throttled_response(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Response | None:
        """DRF's 429 (problem+json, Retry-After) for this request, or None while the client is within its rates."""
        self.args, self.kwargs = args, kwargs
        self.request = self.initialize_request(request, *args, **kwargs)
        self.headers = self.default_response_headers
        try:
            self.check_throttles(self.request)
        except exceptions.Throttled as exc:
            return self.finalize_response(self.request, self.handle_exception(exc), *args, **kwargs)
        return None
