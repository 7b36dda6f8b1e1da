"""JSON shapes shared by every serializer: images, documents, snippet references,
links to pages, absolute URLs. Each takes objects already fetched in bulk, so a
shape never queries the database by itself (except rendition files missing on
first use, which are then stored and prefetched next time)."""

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS

from wagtail.images.models import Filter
from wagtail.models import Locale, Page

from .visibility import public_images, public_pages, public_snippets

# Every image comes with these WebP renditions, fetched with the image in one query.
RENDITIONS = {
    "thumbnail": "fill-300x200|format-webp",
    "medium": "max-800x800|format-webp",
    "large": "max-1600x1600|format-webp",
}
# Filter objects are reused: a Filter parses its spec (and inspects its operations)
# once, which Wagtail's get_rendition(spec: str) would redo for every call.
_FILTERS = tuple(Filter(spec=spec) for spec in RENDITIONS.values())


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def absolute(request: HttpRequest, url: str | None) -> str | None:
    if not url:
        return None
    if url.startswith(("http://", "https://")):
        return url
    return base_url(request) + (url if url.startswith("/") else "/" + url)


# What wagtail_serve accepts (its URL pattern), and how reverse() quotes it.
_SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")
_REVERSE_SAFE = RFC3986_SUBDELIMS + "/~:@"


def _memo(request: HttpRequest, name: str) -> dict:
    """A dict kept on the request (one per request, so settings and URLconf cannot go stale)."""
    memo = getattr(request, "_api_memo", None)
    if memo is None:
        memo = {}
        request._api_memo = memo
    return memo.setdefault(name, {})


def page_url(request: HttpRequest, page: Page) -> str | None:
    """``absolute(request, page.get_url(request))``, without a reverse() per page.

    Wagtail's URL for a page is the reverse of ``wagtail_serve`` (under the
    locale's language) for the part of ``url_path`` below its site root. The
    first page of each site root is asked from Wagtail; its URL gives the prefix
    that later pages of that root reuse, quoted as reverse() quotes. Anything
    unusual (several sites, custom routing, a path reverse() might refuse) goes
    to Wagtail.
    """
    sites = page._get_relevant_site_root_paths(request)
    if len(sites) != 1 or type(page).get_url_parts is not Page.get_url_parts:
        return absolute(request, page.get_url(request))
    root = sites[0]
    rest = page.url_path[len(root.root_path) :]
    if not _SERVE_PATH.fullmatch(rest):
        return absolute(request, page.get_url(request))
    prefixes = _memo(request, "page_url")
    prefix = prefixes.get(root)
    if prefix is None:
        url = absolute(request, page.get_url(request))
        tail = quote(rest, safe=_REVERSE_SAFE)
        if url is not None and url.endswith(tail):
            prefixes[root] = url[: len(url) - len(tail)]
        return url
    return prefix + quote(rest, safe=_REVERSE_SAFE)


def api_detail_path(request: HttpRequest, type_name: str, pk: int) -> str:
    """``reverse(f"api:v1:{type_name}-detail", args=[pk])``, reversed once per type and request."""
    paths = _memo(request, "api_detail")
    template = paths.get(type_name)
    if template is None:
        marker = 9876543210123456789
        template = reverse(f"api:v1:{type_name}-detail", args=[marker]).split(str(marker))
        paths[type_name] = template
    if len(template) != 2:
        return reverse(f"api:v1:{type_name}-detail", args=[pk])
    return f"{template[0]}{pk}{template[1]}"


def prefetched(obj: Any, name: str) -> list[Any]:
    """``list(getattr(obj, name).all())``, read straight from the prefetch cache when it is there.

    Creating a related manager per item (a ParentalManyToManyField builds two) is
    what made list serialization slow; the prefetched rows are the same.
    """
    cluster = getattr(obj, "_cluster_related_objects", None)
    if not (cluster and name in cluster):
        cache = getattr(obj, "_prefetched_objects_cache", None)
        if cache and name in cache:
            return list(cache[name])
    return list(getattr(obj, name).all())


def images_queryset() -> QuerySet:
    return public_images().prefetch_renditions(*RENDITIONS.values())


def image_prefetch(field: str) -> Prefetch:
    """Prefetch an image FK: private images come back as None, renditions in one query."""
    return Prefetch(field, queryset=images_queryset())


def _vary_fields(filter: Filter) -> tuple[str, ...]:
    fields = _VARY_FIELDS.get(filter.spec)
    if fields is None:
        fields = tuple(field for op in filter.operations for field in getattr(op, "vary_fields", ()))
        _VARY_FIELDS[filter.spec] = fields
    return fields


_VARY_FIELDS: dict[str, tuple[str, ...]] = {}


def _focal_point_key(filter: Filter, image: Any) -> str:
    """``filter.get_cache_key(image)``, with the filter's vary fields looked up once."""
    vary = "-".join(str(getattr(image, field, "")) for field in _vary_fields(filter))
    return hashlib.sha1(vary.encode()).hexdigest()[:8] if vary else ""  # noqa: S324 - Wagtail's key


def _prefetched_renditions(image: Any) -> list[Any] | None:
    """The renditions of ``_FILTERS`` from the prefetched ones, or None if any is not there.

    The same match as Wagtail's ``find_existing_renditions`` (filter spec and
    focal point key), without a related manager and key computation per call.
    """
    cache = getattr(image, "_prefetched_objects_cache", None)
    # Where Wagtail's _get_prefetched_renditions() looks (prefetch_renditions() uses the attribute).
    candidates = (
        cache["renditions"] if cache and "renditions" in cache else getattr(image, "prefetched_renditions", None)
    )
    if candidates is None:
        return None
    by_key = {(rendition.filter_spec, rendition.focal_point_key): rendition for rendition in candidates}
    found = []
    for filter in _FILTERS:
        rendition = by_key.get((filter.spec, _focal_point_key(filter, image)))
        if rendition is None:
            return None
        found.append(rendition)
    return found


def image_shape(request: HttpRequest, image: Any) -> dict[str, Any] | None:
    if image is None:
        return None
    focal_point = None
    if image.focal_point_x is not None:
        focal_point = {
            "x": image.focal_point_x,
            "y": image.focal_point_y,
            "width": image.focal_point_width,
            "height": image.focal_point_height,
        }
    renditions = {}
    found = _prefetched_renditions(image)
    if found is None:
        # Not prefetched, or missing: Wagtail finds them in its cache or the
        # database and creates the missing ones, as get_rendition would.
        found = list(image.get_renditions(*_FILTERS).values())
    for name, rendition in zip(RENDITIONS, found, strict=True):
        renditions[name] = {
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "default_alt_text", None) or image.title,
        "width": image.width,
        "height": image.height,
        "focal_point": focal_point,
        "renditions": renditions,
    }


def document_shape(request: HttpRequest, document: Any) -> dict[str, Any] | None:
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute(request, document.url),
        "file_extension": document.file_extension,
        "api_url": absolute(request, reverse("api:v1:documents-detail", args=[document.pk])),
    }


def snippet_shape(obj: Any, fields: Iterable[str] = (), locale: Locale | None = None) -> dict[str, Any] | None:
    """A reference to a snippet; with the requested ``locale``, also the snippet's own
    locale and whether it is shown in place of a missing translation (``fallback``)."""
    if obj is None:
        return None
    shape = {"id": obj.pk, "slug": obj.slug, "name": obj.name}
    if locale is not None:
        same = obj.locale_id == locale.pk
        shape["locale"] = locale.language_code if same else obj.locale.language_code
        shape["fallback"] = not same
    for field in fields:
        shape[field] = getattr(obj, field)
    return shape


def _visible_snippet(obj: Any) -> bool:
    """public_snippets() for one fetched row: published, if the model has drafts at all."""
    return getattr(obj, "live", True) is not False and getattr(obj, "expired", False) is not True


def localize_objects(
    objects: Iterable[Any], locale: Locale, fallback: Locale | None = None
) -> dict[tuple[type, int], Any]:
    """Map each snippet or page (model, pk) to its publicly visible version in ``locale``.

    Where ``locale`` has none, the object maps to its visible version in
    ``fallback`` (the source locale, when the client asked for ``fallback=true``),
    and otherwise is left out: a response never links a draft, private or expired
    translation, nor (without fallback) an item in another language. Relations
    point at any locale's object (synchronised many-to-many fields and page
    foreign keys at the source; translated snippet foreign keys at whatever
    existed when the translation was made), so versions are found by
    translation_key: one query per model, none for snippets already in ``locale``.
    """
    result: dict[tuple[type, int], Any] = {}
    by_model: dict[type, list[Any]] = defaultdict(list)
    for obj in objects:
        if not isinstance(obj, Page) and obj.locale_id == locale.pk and _visible_snippet(obj):
            result[(type(obj), obj.pk)] = obj  # its own version in locale: nothing to look up
        else:
            by_model[type(obj)].append(obj)
    locales = [locale] if fallback is None or fallback == locale else [locale, fallback]
    for model, items in by_model.items():
        keys = {item.translation_key for item in items}
        # A page reference needs the title, slug and URL, never the body.
        candidates = public_pages(model).defer_streamfields() if issubclass(model, Page) else public_snippets(model)
        candidates = candidates.filter(translation_key__in=keys, locale__in=locales).select_related("locale")
        found: dict[tuple, Any] = {(c.translation_key, c.locale_id): c for c in candidates}
        for item in items:
            for candidate_locale in locales:
                translated = found.get((item.translation_key, candidate_locale.pk))
                if translated is not None:
                    result[(model, item.pk)] = translated
                    break
    return result


_URL_ATTR = re.compile(r'(href|src)="(/[^"]*)"')


def absolutize_html(request: HttpRequest, html: str) -> str:
    """Make site-relative links and image sources absolute, for use off-site."""
    root = base_url(request)
    return _URL_ATTR.sub(lambda match: f'{match.group(1)}="{root}{match.group(2)}"', html)
