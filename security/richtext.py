"""Rich text and images that never link to or embed what the visitor may not see.

Rich text: Wagtail expands ``<a linktype="page|document">`` and ``<embed
embedtype="image">`` through the handlers registered with the
``register_rich_text_features`` hook. The handlers here replace Wagtail's
(registered later, so they win) and look their targets up in bulk through the
visibility gate (``api.visibility``): a link to a page that is not public
(draft, unpublished, expired, scheduled, restricted) or to a document in a
private collection is dropped with its text kept, and an image from a private
collection is left out. Every surface expands rich text with
``wagtail.rich_text.expand_db_html`` (the ``richtext`` filter, RichTextBlock,
API v1, API v2's ``html`` format), so one rule covers them all. Rich text is
the same for every visitor: private targets are hidden from everyone,
logged-in or not, which keeps rendered pages and API responses cacheable.

Wagtail's link rewriter replaces only the opening ``<a ...>``; a dropped link
comes out as a marker tag that a last rewriting pass removes together with its
``</a>`` (links never nest), leaving the text.

Templates: ``{% load privacy_tags %}`` (security/templatetags) gives the
filters and tags below, which check images and documents (hero images, logos,
gallery photos, image blocks, attachments) with one query per list, and none
when no collection is restricted.
"""

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, Model, QuerySet
from django.db.models.manager import BaseManager
from django.utils.html import escape

import wagtail.rich_text as wagtail_rich_text
from wagtail import hooks
from wagtail.documents.models import AbstractDocument
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_format
from wagtail.images.models import AbstractImage
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import MultiRuleRewriter

from api.visibility import is_public_page, public_documents, public_images, public_pages

# What a dropped link's opening tag becomes until the last pass removes it with its </a>.
DROPPED_LINK = '<a data-dropped-link="">'
_DROPPED_LINK_ELEMENT = re.compile(re.escape(DROPPED_LINK) + r"(.*?)</a>", re.DOTALL)
# Ids as the database takes them: ASCII digits, within a signed 32-bit integer.
_MAX_ID = 2**31 - 1


def _ids(attrs_list: list[dict]) -> list[int | None]:
    """The ``id`` attribute of each tag as an int, or None where it cannot be a row id."""
    ids: list[int | None] = []
    for attrs in attrs_list:
        value = str(attrs.get("id", ""))
        valid = value.isascii() and value.isdigit() and len(value) <= len(str(_MAX_ID)) and int(value) <= _MAX_ID
        ids.append(int(value) if valid else None)
    return ids


def _active_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


class PublicPageLinkHandler(PageLinkHandler):
    """Links to public pages only, in the reader's language where a public translation exists."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = _ids(attrs_list)
        wanted = {pk for pk in ids if pk is not None}
        if not wanted:
            return [None] * len(ids)
        pages = {page.pk: page for page in public_pages().filter(pk__in=wanted).defer_streamfields().specific()}
        # Page.localized, for all links at once: the public translation in the active language.
        locale = _active_locale()
        keys = {page.translation_key for page in pages.values() if locale and page.locale_id != locale.pk}
        translations = {}
        if keys:
            translations = {
                page.translation_key: page
                for page in public_pages(locale=locale)
                .filter(translation_key__in=keys)
                .defer_streamfields()
                .specific()
            }
        found = {pk: translations.get(page.translation_key, page) for pk, page in pages.items()}
        return [found.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        tags = []
        for page in cls.get_many(attrs_list):
            url = page.url if page is not None else None
            tags.append(f'<a href="{escape(url)}">' if url else DROPPED_LINK)
        return tags


class PublicDocumentLinkHandler(DocumentLinkHandler):
    """Links to documents outside private collections only."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[AbstractDocument | None]:
        ids = _ids(attrs_list)
        wanted = {pk for pk in ids if pk is not None}
        documents = public_documents().in_bulk(wanted) if wanted else {}
        return [documents.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(document.url)}">' if document is not None else DROPPED_LINK
            for document in cls.get_many(attrs_list)
        ]


class PublicImageEmbedHandler(ImageEmbedHandler):
    """Images outside private collections only, with their renditions fetched in the same lookup."""

    @classmethod
    def _format(cls, attrs: dict) -> Any:
        try:
            return get_image_format(attrs.get("format", ""))
        except KeyError:
            return None

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[AbstractImage | None]:
        ids = _ids(attrs_list)
        wanted = {pk for pk in ids if pk is not None}
        if not wanted:
            return [None] * len(ids)
        specs = {image_format.filter_spec for image_format in map(cls._format, attrs_list) if image_format}
        images = public_images().prefetch_renditions(*specs).in_bulk(wanted)
        return [images.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        tags = []
        for attrs, image in zip(attrs_list, cls.get_many(attrs_list), strict=True):
            image_format = cls._format(attrs)
            # A private, missing or unknown image leaves nothing behind, not even its alt text.
            tags.append(image_format.image_to_html(image, attrs.get("alt", "")) if image and image_format else "")
        return tags


@hooks.register("register_rich_text_features", order=1000)
def register_public_handlers(features: Any) -> None:
    # The registry keeps one handler per identifier, the last registered: a high
    # order runs this after Wagtail's own page, document and image hooks (order 0).
    features.register_link_type(PublicPageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)
    features.register_embed_type(PublicImageEmbedHandler)


class DroppedLinkRewriter:
    """The last rewriting pass: a dropped link's marker and its ``</a>`` go, the text stays."""

    def __call__(self, html: str) -> str:
        if DROPPED_LINK not in html:
            return html
        return _DROPPED_LINK_ELEMENT.sub(r"\1", html)

    def extract_references(self, html: str) -> Iterator:
        return iter(())


_wagtail_get_rewriter = getattr(wagtail_rich_text.get_rewriter, "wagtail_get_rewriter", wagtail_rich_text.get_rewriter)


@cache
def _with_dropped_links_removed(rewriter: Any) -> MultiRuleRewriter:
    return MultiRuleRewriter([rewriter, DroppedLinkRewriter()])


def get_rewriter() -> MultiRuleRewriter:
    """Wagtail's rewriter followed by DroppedLinkRewriter (``expand_db_html`` calls this)."""
    return _with_dropped_links_removed(_wagtail_get_rewriter())


def _clear_rewriter_cache() -> None:
    _wagtail_get_rewriter.cache_clear()
    _with_dropped_links_removed.cache_clear()


get_rewriter.wagtail_get_rewriter = _wagtail_get_rewriter  # type: ignore[attr-defined]
get_rewriter.cache_clear = _clear_rewriter_cache  # type: ignore[attr-defined]
# expand_db_html looks get_rewriter up in its module on every call; Wagtail has no
# hook for a pass over the whole expanded HTML, so the module attribute is replaced.
wagtail_rich_text.get_rewriter = get_rewriter


# --- Templates: images and documents outside rich text ---

register = template.Library()

# A set of (model label, pk) of media the visitor may see, as visible_ids returns it.
PublicIds = frozenset[tuple[str, int]]


def _gate(model: type[Model]) -> QuerySet:
    if issubclass(model, AbstractImage):
        return public_images()
    if issubclass(model, AbstractDocument):
        return public_documents()
    raise TypeError(f"{model.__name__} is neither an image nor a document")


def _public_ids(references: Iterable[tuple[type[Model], int]]) -> PublicIds:
    """Which of the (model, pk) references the gate lets through: one query per model, none if nothing is private."""
    by_model: dict[type[Model], set[int]] = {}
    for model, pk in references:
        by_model.setdefault(model, set()).add(pk)
    public: set[tuple[str, int]] = set()
    for model, pks in by_model.items():
        queryset = _gate(model)
        # The gate adds a filter only when some collection is restricted.
        found = pks if not queryset.query.has_filters() else queryset.filter(pk__in=pks).values_list("pk", flat=True)
        public.update((model._meta.label, pk) for pk in found)
    return frozenset(public)


def _media_references(value: Any, parts: list[str]) -> Iterator[tuple[type[Model], int]]:
    """(model, pk) of the images and documents at the dotted path ``parts`` below ``value``.

    Lists, querysets, related managers and StreamField values are walked item
    by item; a foreign key at the end of the path is read from its ``_id``
    column, so nothing is fetched that the template did not fetch already.
    """
    if value is None or isinstance(value, str):
        return
    if isinstance(value, BaseManager):
        value = value.all()
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping | Model):
        for item in value:
            yield from _media_references(item, parts)
        return
    if not parts:
        if isinstance(value, AbstractImage | AbstractDocument):
            yield type(value), value.pk
        return
    name, rest = parts[0], parts[1:]
    if isinstance(value, Model):
        try:
            field = value._meta.get_field(name)
        except FieldDoesNotExist:  # a property, or a field another page type has
            field = None
        if isinstance(field, ForeignKey) and not rest:
            pk = getattr(value, field.attname)
            if pk is not None and issubclass(field.related_model, AbstractImage | AbstractDocument):
                yield field.related_model, pk
            return
        yield from _media_references(getattr(value, name, None), rest)
    elif isinstance(value, Mapping):  # a StructBlock's value
        yield from _media_references(value.get(name), rest)
    else:  # e.g. a StreamField child (.value)
        yield from _media_references(getattr(value, name, None), rest)


@register.simple_tag
def visible_ids(objects: Any, *paths: str) -> PublicIds:
    """The images and documents at ``paths`` (dotted, e.g. ``"hero_image"``, ``"value.image"``,
    ``"gallery_images.image"``) of ``objects`` that visitors may see, checked in one query.
    Use: ``{% visible_ids listing "hero_image" as public_media_ids %}``, then ``|if_public:public_media_ids``."""
    references = [reference for path in paths for reference in _media_references(objects, path.split("."))]
    return _public_ids(references)


@register.filter
def if_public(obj: Any, public_ids: Any = None) -> Any:
    """``obj`` (an image or document) if visitors may see it, else None.

    With the set from ``visible_ids`` it is a lookup; without one (a template
    rendered outside a list) it asks the gate for this one object.
    """
    if obj is None or isinstance(obj, str):
        return None
    if not isinstance(public_ids, frozenset):
        public_ids = _public_ids([(type(obj), obj.pk)])
    return obj if (obj._meta.label, obj.pk) in public_ids else None


@register.filter
def with_public(objects: Any, field: str = "image") -> list[Any]:
    """The objects (gallery photos, attachments) whose ``field`` is a visible image or document, in one query."""
    if objects is None or isinstance(objects, str):
        return []
    items = list(objects.all() if isinstance(objects, BaseManager) else objects)
    public_ids = _public_ids(reference for item in items for reference in _media_references(item, [field]))
    return [item for item in items if any(ref in public_ids for ref in _labelled(_media_references(item, [field])))]


@register.filter
def first_public_photo(photos: Any, public_ids: Any = None) -> Any:
    """The first photo whose image is visible (a gallery's cover); one query unless given ``visible_ids``'s set."""
    if photos is None or isinstance(photos, str):
        return None
    items = list(photos.all() if isinstance(photos, BaseManager) else photos)
    if not isinstance(public_ids, frozenset):
        public_ids = visible_ids(items, "image")
    label = get_image_model()._meta.label
    return next((photo for photo in items if (label, photo.image_id) in public_ids), None)


def _labelled(references: Iterable[tuple[type[Model], int]]) -> Iterator[tuple[str, int]]:
    for model, pk in references:
        yield model._meta.label, pk


@register.filter
def public_page(page: Any) -> Page | None:
    """``page`` if visitors may see it (the visibility gate, one query), else None."""
    if not isinstance(page, Page):
        return None
    return page if is_public_page(page) else None
