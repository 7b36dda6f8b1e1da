"""JSON shapes shared by every serializer: images, documents, snippet references,
links to pages, absolute URLs. Each takes objects already fetched in bulk, so a
shape never queries the database by itself (except rendition files missing on
first use, which are then stored and prefetched next time)."""

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.urls import reverse

from wagtail.models import Locale, Page

from .visibility import public_images, public_pages, public_snippets

# Every image comes with these WebP renditions, fetched with the image in one query.
RENDITIONS = {
    "thumbnail": "fill-300x200|format-webp",
    "medium": "max-800x800|format-webp",
    "large": "max-1600x1600|format-webp",
}


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def absolute(request: HttpRequest, url: str | None) -> str | None:
    if not url:
        return None
    if url.startswith(("http://", "https://")):
        return url
    return base_url(request) + (url if url.startswith("/") else "/" + url)


def images_queryset() -> QuerySet:
    return public_images().prefetch_renditions(*RENDITIONS.values())


def image_prefetch(field: str) -> Prefetch:
    """Prefetch an image FK: private images come back as None, renditions in one query."""
    return Prefetch(field, queryset=images_queryset())


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
    for name, spec in RENDITIONS.items():
        rendition = image.get_rendition(spec)
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


def snippet_shape(obj: Any, fields: Iterable[str] = ()) -> dict[str, Any] | None:
    if obj is None:
        return None
    shape = {"id": obj.pk, "slug": obj.slug, "name": obj.name}
    for field in fields:
        shape[field] = getattr(obj, field)
    return shape


def localize_objects(objects: Iterable[Any], locale: Locale) -> dict[int, Any]:
    """Map each snippet or page (pk) to its visible translation in ``locale``, else itself.

    Many-to-many relations point at source-locale objects in every translation
    (wagtail-localize does not translate them); one query per model finds the
    translations by translation_key. Unpublished snippets are left out.
    """
    by_model: dict[type, list[Any]] = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    result: dict[int, Any] = {}
    for model, items in by_model.items():
        keys = {item.translation_key for item in items}
        if issubclass(model, Page):
            candidates = public_pages(model).filter(translation_key__in=keys).select_related("locale")
        else:
            candidates = public_snippets(model).filter(translation_key__in=keys)
        found: dict[tuple, Any] = {(c.translation_key, c.locale_id): c for c in candidates}
        for item in items:
            translated = found.get((item.translation_key, locale.pk)) or found.get(
                (item.translation_key, item.locale_id)
            )
            if translated is not None:
                result[(model, item.pk)] = translated
    return result


_URL_ATTR = re.compile(r'(href|src)="(/[^"]*)"')


def absolutize_html(request: HttpRequest, html: str) -> str:
    """Make site-relative links and image sources absolute, for use off-site."""
    root = base_url(request)
    return _URL_ATTR.sub(lambda match: f'{match.group(1)}="{root}{match.group(2)}"', html)
