"""Images, documents, locales, path resolution and cross-type search."""

from typing import Any
from urllib.parse import urlsplit

from django.http import Http404
from django.utils.translation import get_language_info

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from .errors import InvalidParameters
from .search import search_ids
from .serializers.base import COMMON_FIELDS, DocumentSerializer, ImageSerializer, PageItemSerializer
from .serializers.registry import BY_MODEL, BY_TYPE_NAME, PAGE_SERIALIZERS
from .serializers.snippets import LocaleSerializer
from .shapes import document_shape, image_shape, images_queryset
from .views import (
    COMMON_PARAMS,
    ERROR_RESPONSES,
    LIST_PARAMS,
    LOCALE_PARAMETERS,
    BaseViewSet,
    check_params,
    id_path_parameter,
    path_id,
)
from .visibility import _site_roots, public_documents, public_pages, public_pages_with_fallback

Image = get_image_model()
Document = get_document_model()


class ImageViewSet(BaseViewSet):
    @extend_schema(
        summary="One image with its WebP renditions",
        parameters=[id_path_parameter(Image), *LOCALE_PARAMETERS],
        responses={200: ImageSerializer, **ERROR_RESPONSES},
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        check_params(request, COMMON_PARAMS)
        image = images_queryset().filter(pk=path_id(pk, Image)).first()
        if image is None:
            raise Http404
        return Response(image_shape(request, image))


class DocumentViewSet(BaseViewSet):
    @extend_schema(
        summary="One document (download URL)",
        parameters=[id_path_parameter(Document), *LOCALE_PARAMETERS],
        responses={200: DocumentSerializer, **ERROR_RESPONSES},
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        check_params(request, COMMON_PARAMS)
        document = public_documents().filter(pk=path_id(pk, Document)).first()
        if document is None:
            raise Http404
        return Response(document_shape(request, document))


class LocaleViewSet(BaseViewSet):
    @extend_schema(
        summary="Locales the content is available in",
        parameters=LOCALE_PARAMETERS,
        responses={200: LocaleSerializer(many=True), **ERROR_RESPONSES},
    )
    def list(self, request: Request) -> Response:
        check_params(request, LIST_PARAMS)
        locales = list(Locale.objects.order_by("language_code"))
        items = []
        for locale in locales:
            try:
                name = get_language_info(locale.language_code)["name_local"]
            except KeyError:
                name = locale.get_display_name()
            items.append(
                {"code": locale.language_code, "name": name, "is_default": locale.pk == self.choice.source.pk}
            )
        objects = self.paginator.paginate_queryset(items, request, view=self)
        return self.paginator.get_paginated_response(LocaleSerializer(objects, many=True).data)


class GenericPageSerializer(PageItemSerializer):
    """Pages without a typed endpoint (home, index and standard pages) in resolve."""

    type_name = "page"
    model = Page
    default_field_set = "detail"
    intro = serializers.SerializerMethodField()
    listing_fields = detail_fields = (*COMMON_FIELDS, "page_type", "intro")
    page_type = serializers.SerializerMethodField()

    def api_url_for(self, pk: int, locale_code: str) -> str | None:
        return None  # no typed endpoint; resolve by path instead

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_api_url(self, page: Page) -> str | None:
        return None

    def get_intro(self, page: Page) -> str:
        return getattr(page, "intro", "") or ""

    def get_page_type(self, page: Page) -> str:
        return page._meta.label


def serialize_pages(view: BaseViewSet, pages: list[Page], field_set: str) -> list[dict]:
    """Serialize pages of mixed types, each with its own serializer, in input order."""
    by_serializer: dict[Any, list[Page]] = {}
    for page in pages:
        by_serializer.setdefault(BY_MODEL.get(type(page), GenericPageSerializer), []).append(page)
    results: dict[int, dict] = {}
    for serializer, group in by_serializer.items():
        context = view.get_serializer_context()
        ids = [page.pk for page in group]
        if serializer is not GenericPageSerializer:
            group = list(serializer.optimize(serializer.model.objects.filter(pk__in=ids), field_set))
        context["loaded"] = serializer.load(group, view.request, view.choice, field_set)
        for page, data in zip(
            group, serializer(group, many=True, context=context, field_set=field_set).data, strict=True
        ):
            results[page.pk] = data
    return [results[page.pk] for page in pages if page.pk in results]


class ResolveViewSet(BaseViewSet):
    @extend_schema(
        summary="Resolve a site path to its typed item",
        description="For a headless front end: the path of a public page (e.g. /en/news/some-article/) "
        "returns the item as its typed endpoint would (detail field set), or 404.",
        parameters=[
            OpenApiParameter("path", str, required=True, description="Site path including the language prefix."),
            *LOCALE_PARAMETERS,
        ],
        responses={
            200: PolymorphicProxySerializer(
                component_name="ResolvedItem",
                serializers={
                    **{serializer.type_name: serializer.detail_variant() for serializer in PAGE_SERIALIZERS},
                    GenericPageSerializer.type_name: GenericPageSerializer,
                },
                resource_type_field_name="type",
            ),
            **ERROR_RESPONSES,
        },
    )
    def resolve(self, request: Request) -> Response:
        check_params(request, {"path"} | COMMON_PARAMS)
        raw = request.query_params.get("path")
        if not raw:
            raise InvalidParameters({"path": "required, e.g. /en/news/some-article/"})
        parts = [part for part in urlsplit(raw).path.split("/") if part]
        if not parts:
            raise Http404
        locale = Locale.objects.filter(language_code=parts[0].lower()).first()
        if locale is None:
            raise Http404
        root = _site_roots().filter(locale=locale).first()
        if root is None:
            raise Http404
        url_path = root.url_path + "".join(f"{part}/" for part in parts[1:])
        page = public_pages(Page, locale).filter(url_path=url_path).first()
        if page is None:
            raise Http404
        page = page.specific_deferred
        return Response(serialize_pages(self, [page], "detail")[0])


SEARCH_TYPES = ", ".join(BY_TYPE_NAME)


class SearchViewSet(BaseViewSet):
    @extend_schema(
        summary="Search all content types",
        description="Localized full-text search, diacritics-insensitive for Serbian Latin "
        '("kuca klastera" finds "Kuća klastera"). Items use their type\'s listing field set, newest first.',
        parameters=[
            OpenApiParameter("q", str, required=True, description="Search words; every word must match."),
            OpenApiParameter(
                "type", str, description=f"Comma-separated types to search: {SEARCH_TYPES} (default all)."
            ),
            *LOCALE_PARAMETERS,
        ],
        responses={
            200: PolymorphicProxySerializer(
                component_name="SearchItem",
                serializers=list(PAGE_SERIALIZERS),
                resource_type_field_name=None,
                many=True,
            ),
            **ERROR_RESPONSES,
        },
    )
    def list(self, request: Request) -> Response:
        check_params(request, {"q", "type", "limit", "offset"} | COMMON_PARAMS)
        query = request.query_params.get("q", "").strip()
        if not query:
            raise InvalidParameters({"q": "required"})
        types = [name.strip() for name in request.query_params.get("type", "").split(",") if name.strip()]
        unknown = [name for name in types if name not in BY_TYPE_NAME]
        if unknown:
            raise InvalidParameters({"type": f"unknown type(s) {', '.join(unknown)}; use {SEARCH_TYPES}"})
        serializers_ = [BY_TYPE_NAME[name] for name in types] or list(PAGE_SERIALIZERS)
        hits = []
        for serializer in serializers_:
            model = serializer.model
            if self.choice.fallback:
                visible = public_pages_with_fallback(model, self.choice.locale, self.choice.source)
            else:
                visible = public_pages(model, self.choice.locale)
            ids = search_ids(model, query, visible)
            hits += [
                (published, pk, model)
                for pk, published in visible.filter(pk__in=ids).values_list("pk", "first_published_at")
            ]
        hits.sort(key=lambda hit: (hit[0] is not None, hit[0], hit[1]), reverse=True)
        window = self.paginator.paginate_queryset(hits, request, view=self)
        pages = [model(pk=pk) for _, pk, model in window]
        return self.paginator.get_paginated_response(serialize_pages(self, pages, "listing"))
