"""Snippet endpoints: sectors, countries, organisations, people (public fields only)."""

from typing import Any, ClassVar

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from sync.filters import LABEL as UPDATED_SINCE
from sync.filters import filter_request as filter_updated_since

from .errors import InvalidParameters
from .search import folded_contains
from .serializers.snippets import (
    CountrySerializer,
    OrganisationSerializer,
    PersonSerializer,
    SectorSerializer,
    SnippetSerializer,
)
from .shapes import image_prefetch
from .views import (
    DETAIL_PARAMS,
    ERROR_RESPONSES,
    FIELDS_PARAMETER,
    LIST_PARAMS,
    LOCALE_PARAMETERS,
    SLUG_PATH_PARAMETER,
    BaseViewSet,
    check_params,
    id_path_parameter,
    parse_fields,
    path_id,
    path_slug,
)
from .visibility import public_snippets


def check_choice(model: type, lookup: str, param: str, value: str) -> None:
    """A value outside a field's choices is a 400 naming the parameter, as on every page filter."""
    choices = [str(key) for key, _label in model._meta.get_field(lookup.split("__")[0]).choices or []]
    if choices and value not in choices:
        raise InvalidParameters({param: f"unknown value {value!r}, use one of: {', '.join(sorted(choices))}"})


def extra_filter_parameter(model: type, param: str, lookup: str) -> OpenApiParameter:
    choices = sorted(str(key) for key, _label in model._meta.get_field(lookup.split("__")[0]).choices or [])
    return OpenApiParameter(param, str, enum=choices or None, description=f"Filter by {param}.")


class SnippetViewSet(BaseViewSet):
    serializer_class: ClassVar[type[SnippetSerializer]]
    extra_filters: ClassVar[dict[str, str]] = {}

    def base_queryset(self) -> QuerySet:
        model = self.serializer_class.model
        locale, source = self.choice.locale, self.choice.source
        if self.choice.fallback and locale != source:
            translated = public_snippets(model, locale).filter(translation_key=OuterRef("translation_key"))
            queryset = public_snippets(model).filter(Q(locale=locale) | (Q(locale=source) & ~Exists(translated)))
        else:
            queryset = public_snippets(model, locale)
        related = ["locale", *self.serializer_class.select_related]
        prefetches = [image_prefetch(field) for field in self.serializer_class.image_fields]
        return queryset.select_related(*related).prefetch_related(*prefetches)

    def serialize(self, objects: Any, only: set[str] | None, many: bool) -> Any:
        return self.serializer_class(objects, many=many, context=self.get_serializer_context(), only=only).data

    def list(self, request: Request) -> Response:
        check_params(request, LIST_PARAMS | {"q", "updated_since", *self.extra_filters})
        if request.query_params.get("ordering") not in (None, "name", "-name"):
            raise InvalidParameters({"ordering": "use one of: -name, name"})
        only = parse_fields(request, self.serializer_class.all_field_names())
        queryset = self.base_queryset()
        query = request.query_params.get("q", "").strip()
        if query:
            queryset = queryset.filter(folded_contains(["name", "slug"], query))
        for param, lookup in self.extra_filters.items():
            value = request.query_params.get(param)
            if value:
                check_choice(self.serializer_class.model, lookup, param, value)
                queryset = queryset.filter(**{lookup: value})
        queryset = filter_updated_since(queryset, request.query_params.get("updated_since"))
        queryset = queryset.order_by(request.query_params.get("ordering") or "name", "pk")
        objects = self.paginator.paginate_queryset(queryset, request, view=self)
        return self.paginator.get_paginated_response(self.serialize(objects, only, many=True))

    def detail_response(self, **lookup: Any) -> Response:
        check_params(self.request, DETAIL_PARAMS)
        only = parse_fields(self.request, self.serializer_class.all_field_names())
        obj = self.base_queryset().filter(**lookup).first()
        if obj is None:
            raise Http404
        return Response(self.serialize(obj, only, many=False))

    def retrieve(self, request: Request, pk: int) -> Response:
        return self.detail_response(pk=path_id(pk, self.serializer_class.model))

    def retrieve_by_slug(self, request: Request, slug: str) -> Response:
        return self.detail_response(slug=path_slug(slug))


def make_snippet_viewset(serializer: type[SnippetSerializer], extra_filters: dict[str, str] | None = None) -> type:
    extra = [extra_filter_parameter(serializer.model, name, lookup) for name, lookup in (extra_filters or {}).items()]
    list_schema = extend_schema(
        summary=f"List {serializer.type_name}",
        parameters=[
            OpenApiParameter("q", str, description="Name contains (diacritics-insensitive)."),
            OpenApiParameter("updated_since", {"type": "string", "format": "date-time"}, description=UPDATED_SINCE),
            OpenApiParameter("ordering", str, enum=["name", "-name"]),
            *extra,
            FIELDS_PARAMETER,
            *LOCALE_PARAMETERS,
        ],
        responses={200: serializer(many=True), **ERROR_RESPONSES},
    )
    detail_schema = extend_schema(
        parameters=[id_path_parameter(serializer.model), FIELDS_PARAMETER, *LOCALE_PARAMETERS],
        responses={200: serializer, **ERROR_RESPONSES},
    )
    slug_schema = extend_schema(
        operation_id=f"{serializer.type_name}_retrieve_by_slug",
        parameters=[SLUG_PATH_PARAMETER, FIELDS_PARAMETER, *LOCALE_PARAMETERS],
        responses={200: serializer, **ERROR_RESPONSES},
    )
    return type(
        f"{serializer.__name__.replace('Serializer', '')}ViewSet",
        (SnippetViewSet,),
        {
            "serializer_class": serializer,
            "extra_filters": extra_filters or {},
            "list": list_schema(lambda self, request: SnippetViewSet.list(self, request)),
            "retrieve": detail_schema(lambda self, request, pk: SnippetViewSet.retrieve(self, request, pk)),
            "retrieve_by_slug": slug_schema(
                lambda self, request, slug: SnippetViewSet.retrieve_by_slug(self, request, slug)
            ),
        },
    )


SectorViewSet = make_snippet_viewset(SectorSerializer)
CountryViewSet = make_snippet_viewset(CountrySerializer, {"iso_code": "iso_code__iexact"})
OrganisationViewSet = make_snippet_viewset(OrganisationSerializer, {"kind": "kind"})
PersonViewSet = make_snippet_viewset(PersonSerializer)
