"""The base of every page serializer: common item fields, listing/detail field
sets, sparse ``fields=``, and the bulk loading that keeps list queries flat."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from django.db.models import QuerySet
from django.urls import reverse

from wagtail.models import Page, TranslatableMixin

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..locales import LocaleChoice
from ..shapes import (
    absolute,
    api_detail_path,
    image_prefetch,
    image_shape,
    localize_objects,
    page_url,
    prefetched,
    snippet_shape,
)
from ..visibility import public_pages


class UtcDateTimeField(serializers.DateTimeField):
    """A moment in UTC written ``2026-05-01T08:00:00+00:00``: the one offset style of v1.

    (DRF would write the site's offset, +01:00 or +02:00; event ``start``/``end``
    use this same style, only ``local_start``/``local_end`` keep the venue's offset.)
    """

    def to_representation(self, value: Any) -> str | None:
        if value is None:
            return None
        return value.astimezone(datetime.UTC).isoformat()


def shape(name: str, fields: dict[str, serializers.Field]) -> Callable[..., serializers.Serializer]:
    """A named nested shape for the schema, created once (one component per name)."""
    serializer_class = type(name, (serializers.Serializer,), dict(fields))
    return lambda **kwargs: serializer_class(**kwargs)


COMMON_FIELDS = (
    "id",
    "type",
    "locale",
    "fallback",
    "title",
    "slug",
    "url",
    "api_url",
    "translations",
    "first_published_at",
    "last_published_at",
)

TRANSLATION_SCHEMA = {
    "type": "object",
    "description": "Real, visible translations of this item by locale code.",
    "additionalProperties": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "url": {"type": "string", "format": "uri"},
            # Null for a page type without an endpoint of its own.
            "api_url": {"type": "string", "format": "uri", "nullable": True},
        },
        "required": ["id", "url", "api_url"],
    },
    "example": {
        "en": {
            "id": 42,
            "url": "https://example.org/en/news/x/",
            "api_url": "https://example.org/api/v1/news/42/?locale=en",
        }
    },
}


# Every reference names its locale: the requested one, or with fallback=true the
# source locale where no visible translation exists ("fallback": true).
REF_LOCALE_FIELDS = {
    "locale": serializers.CharField(),
    "fallback": serializers.BooleanField(),
}


SNIPPET_REF = shape(
    "SnippetRef",
    {
        "id": serializers.IntegerField(),
        "slug": serializers.CharField(),
        "name": serializers.CharField(),
        **REF_LOCALE_FIELDS,
    },
)


PAGE_REF = shape(
    "PageRef",
    {
        "id": serializers.IntegerField(),
        **REF_LOCALE_FIELDS,
        "type": serializers.CharField(),
        "title": serializers.CharField(),
        "slug": serializers.CharField(),
        "url": serializers.URLField(),
        "api_url": serializers.URLField(allow_null=True),
    },
)


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionsSerializer(serializers.Serializer):
    thumbnail = RenditionSerializer()
    medium = RenditionSerializer()
    large = RenditionSerializer()


class FocalPointSerializer(serializers.Serializer):
    x = serializers.IntegerField()
    y = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    """An image with WebP renditions; ``null`` where the image is private or missing."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    focal_point = FocalPointSerializer(allow_null=True)
    renditions = RenditionsSerializer()


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    file_extension = serializers.CharField()
    api_url = serializers.URLField()


STREAM_SCHEMA = {
    "type": "array",
    "description": "StreamField blocks. Types: paragraph (HTML string), heading {text, level}, "
    "image {image, alt_text, caption, credit}, quote {text, attribution}, embed {url}, "
    "documents {heading, documents: [{title, document}]}, call_to_action {title, text, button_label, page, url}.",
    "items": {
        "type": "object",
        "properties": {"type": {"type": "string"}, "id": {"type": "string"}, "value": {}},
        "required": ["type", "id", "value"],
    },
    "example": [
        {"type": "paragraph", "id": "0d1c…", "value": '<p>Text with <a href="https://example.org/en/">a link</a></p>'}
    ],
}


def api_path(type_name: str, pk: int, locale_code: str, default_code: str, request: Any = None) -> str:
    if request is None:
        path = reverse(f"api:v1:{type_name}-detail", args=[pk])
    else:
        path = api_detail_path(request, type_name, pk)
    return path if locale_code == default_code else f"{path}?locale={locale_code}"


class LocalizedItemSerializer(serializers.Serializer):
    """The keys every item has, page or snippet: ``id``, ``type``, ``locale`` and
    ``fallback`` (true where the item is shown in the source locale because the
    requested one has no translation)."""

    type_name: ClassVar[str]

    id = serializers.IntegerField(read_only=True)
    type = serializers.SerializerMethodField()
    locale = serializers.SerializerMethodField()
    fallback = serializers.SerializerMethodField()

    @property
    def choice(self) -> LocaleChoice:
        return self.context["choice"]

    def keep_fields(self, names: Iterable[str]) -> None:
        """Drop every field not in ``names`` (field sets and ``fields=``); ``id`` and ``type`` always stay.

        The schema requires only those two (api.schema.sparse_items), so a
        client parsing ``fields=title`` still knows what it holds.
        """
        names = set(names) | {"id", "type"}
        for name in list(self.fields):
            if name not in names:
                self.fields.pop(name)

    def get_type(self, obj: Any) -> str:
        return self.type_name

    def get_locale(self, obj: Any) -> str:
        return obj.locale.language_code

    def get_fallback(self, obj: Any) -> bool:
        return obj.locale_id != self.choice.locale.pk


class PageItemSerializer(LocalizedItemSerializer):
    """Common fields of every typed page item; subclasses add their own.

    ``listing_fields``/``detail_fields`` name the field sets; ``fields=`` picks a
    sparse subset of the set in use. Relations are loaded in bulk by
    :meth:`load` before serialization, so a page of 10 or 100 items costs the
    same number of queries.
    """

    model: ClassVar[type[Page]]
    listing_fields: ClassVar[Sequence[str]] = COMMON_FIELDS
    detail_fields: ClassVar[Sequence[str]] = COMMON_FIELDS
    select_related: ClassVar[Sequence[str]] = ()
    image_fields: ClassVar[Sequence[str]] = ()
    m2m_fields: ClassVar[Sequence[str]] = ()
    page_fk_fields: ClassVar[Sequence[str]] = ()
    detail_prefetch: ClassVar[Sequence[Any]] = ()

    title = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()
    first_published_at = UtcDateTimeField(read_only=True)
    last_published_at = UtcDateTimeField(read_only=True)

    default_field_set: ClassVar[str] = "listing"

    def __init__(self, *args: Any, field_set: str | None = None, only: Iterable[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field_set = field_set or self.default_field_set
        allowed = set(self.detail_fields if field_set == "detail" else self.listing_fields)
        if only:
            allowed &= set(only) | {"id", "type"}
        self.keep_fields(allowed)
        # Keys in the order the field set declares (mixins would otherwise come first).
        order = self.detail_fields if field_set == "detail" else self.listing_fields
        self.fields.fields = {name: self.fields.fields[name] for name in order if name in self.fields.fields}

    @classmethod
    def detail_variant(cls) -> "type[PageItemSerializer]":
        """The same serializer with the detail field set by default: its own schema component.

        Created once per class: every operation then refers to the same component.
        """
        variant = cls.__dict__.get("_detail_variant")
        if variant is None:
            name = cls.__name__.replace("Serializer", "DetailSerializer")
            variant = type(name, (cls,), {"default_field_set": "detail", "__module__": cls.__module__})
            variant._detail_variant = variant
            cls._detail_variant = variant
        return variant

    # -- query building -------------------------------------------------------

    @classmethod
    def all_field_names(cls) -> set[str]:
        return set(cls.detail_fields) | set(cls.listing_fields)

    @classmethod
    def optimize(cls, queryset: QuerySet, field_set: str) -> QuerySet:
        names = set(cls.detail_fields if field_set == "detail" else cls.listing_fields)
        related = ["locale", *(field for field in cls.select_related if field.split("__")[0] in names)]
        queryset = queryset.select_related(*related)
        prefetches: list[Any] = [image_prefetch(field) for field in cls.image_fields if field in names]
        prefetches += [field for field in cls.m2m_fields if field in names]
        prefetches += [field for field in cls.page_fk_fields if field in names]
        if field_set == "detail":
            prefetches += list(cls.detail_prefetch)
        else:
            # Lists do not need the StreamField body.
            queryset = queryset.defer_streamfields()
        return queryset.prefetch_related(*prefetches)

    @classmethod
    def load(cls, pages: list[Page], request: Any, choice: LocaleChoice, field_set: str) -> dict[str, Any]:
        """Bulk-load what every item of this page of results needs."""
        names = set(cls.detail_fields if field_set == "detail" else cls.listing_fields)
        related = []
        for page in pages:
            for field in cls.m2m_fields:
                if field in names:
                    related.extend(prefetched(page, field))
            # Page and snippet foreign keys (select_related holds the snippet ones).
            for field in (*cls.page_fk_fields, *cls.select_related):
                if field in names and isinstance(getattr(page, field, None), TranslatableMixin):
                    related.append(getattr(page, field))
        fallback = choice.source if choice.fallback else None
        loaded: dict[str, Any] = {"localized": localize_objects(related, choice.locale, fallback)}
        loaded["translations"] = {}
        if "translations" in names and pages:
            keys = {page.translation_key for page in pages}
            # Only what an entry needs (id, locale code, URL): Page rows are wide.
            others = (
                public_pages(Page)
                .filter(translation_key__in=keys)
                .select_related("locale")
                .only("id", "translation_key", "url_path", "locale__language_code")
            )
            for other in others:
                loaded["translations"].setdefault(other.translation_key, []).append(other)
        return loaded

    # -- helpers for subclasses ------------------------------------------------

    @property
    def request(self) -> Any:
        return self.context["request"]

    def localized(self, obj: Any) -> Any:
        if obj is None:
            return None
        return self.context["loaded"]["localized"].get((type(obj), obj.pk))

    def localized_many(self, page: Page, field: str) -> list[Any]:
        return [item for item in map(self.localized, prefetched(page, field)) if item is not None]

    def snippet(self, obj: Any, *fields: str) -> dict[str, Any] | None:
        # In the requested locale (see load()); drafts and missing translations stay hidden.
        return snippet_shape(self.localized(obj), fields, self.choice.locale)

    def snippets(self, page: Page, field: str, *fields: str) -> list[dict[str, Any]]:
        return [snippet_shape(obj, fields, self.choice.locale) for obj in self.localized_many(page, field)]

    def image(self, image: Any) -> dict[str, Any] | None:
        return image_shape(self.request, image)

    def page_ref(self, page: Page | None) -> dict[str, Any] | None:
        page = self.localized(page)
        if page is None:
            return None
        from .registry import serializer_for_model

        serializer = serializer_for_model(type(page))
        api_url = None
        if serializer is not None:
            api_url = absolute(
                self.request,
                api_path(
                    serializer.type_name,
                    page.pk,
                    page.locale.language_code,
                    self.choice.source.language_code,
                    self.request,
                ),
            )
        return {
            "id": page.pk,
            "locale": page.locale.language_code,
            "fallback": page.locale_id != self.choice.locale.pk,
            "type": serializer.type_name if serializer else "page",
            "title": page.title,
            "slug": page.slug,
            "url": page_url(self.request, page),
            "api_url": api_url,
        }

    # -- common fields ---------------------------------------------------------

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page: Page) -> str | None:
        return page_url(self.request, page)

    def api_url_for(self, pk: int, locale_code: str) -> str | None:
        return absolute(
            self.request, api_path(self.type_name, pk, locale_code, self.choice.source.language_code, self.request)
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, page: Page) -> str | None:
        return self.api_url_for(page.pk, page.locale.language_code)

    @extend_schema_field(TRANSLATION_SCHEMA)
    def get_translations(self, page: Page) -> dict[str, dict[str, Any]]:
        result = {}
        for other in self.context["loaded"]["translations"].get(page.translation_key, []):
            if other.pk == page.pk:
                continue
            code = other.locale.language_code
            result[code] = {
                "id": other.pk,
                "url": page_url(self.request, other),
                "api_url": self.api_url_for(other.pk, code),
            }
        return result
