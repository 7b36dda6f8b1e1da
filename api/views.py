"""Read-only endpoints of the content API v1.

Every queryset comes from api.visibility; every error is problem+json
(api.errors); lists paginate with api.pagination. Query parameters are
checked: an unknown one is a 400 naming it.
"""

from typing import Any, ClassVar

from django.core.validators import slug_re
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import resolve, reverse
from django.utils import translation

from wagtail.models import Page

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from . import filters
from .errors import PROBLEM_JSON, InvalidParameters, not_found
from .http_cache import HttpCacheMixin
from .locales import LocaleChoice, api_language, locale_codes, resolve_locale
from .pagination import DEFAULT_LIMIT, MAX_LIMIT, Pagination
from .serializers.base import PageItemSerializer
from .serializers.pages import (
    ClusterSerializer,
    EventSerializer,
    GallerySerializer,
    NewsSerializer,
    ProjectSerializer,
)
from .visibility import public_pages, public_pages_with_fallback

COMMON_PARAMS = {"locale", "fallback"}
LIST_PARAMS = {"limit", "offset", "ordering", "fields"} | COMMON_PARAMS
DETAIL_PARAMS = {"fields"} | COMMON_PARAMS

PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Bad Request"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string", "example": "limit: must be at least 1 and at most 100"},
        "code": {"type": "string", "example": "invalid_parameter"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
                "required": ["parameter", "message"],
            },
        },
        "valid": {"type": "array", "items": {"type": "string"}, "example": ["en", "sr-latn"]},
    },
}
# Errors are documented with the media type they are sent with (api.errors.PROBLEM_JSON).
ERROR_RESPONSES = {
    (status, PROBLEM_JSON): OpenApiResponse(response=PROBLEM, description=description)
    for status, description in {
        400: "Unknown or malformed query parameter (application/problem+json).",
        404: "No visible item (drafts, private and expired pages are never found).",
        405: "The API is read-only.",
        406: "Only application/json is offered (Accept).",
        429: "Too many requests.",
        500: "Server error.",
    }.items()
}
LOCALE_PARAMETERS = [
    OpenApiParameter(
        "locale",
        str,
        enum=locale_codes(),
        description="Locale code: sr-latn (default), en; sr-cyrl when enabled. Unknown → 400 listing the valid ones.",
        examples=[OpenApiExample("English", value="en")],
    ),
    OpenApiParameter(
        "fallback",
        bool,
        description="true: where no translation exists, return the source-locale "
        '(sr-latn) item, marked "fallback": true.',
    ),
]
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUGS_PATTERN = r"^[-a-zA-Z0-9_]+(,[-a-zA-Z0-9_]+)*$"
SLUG_PATH_PARAMETER = OpenApiParameter(
    "slug",
    {"type": "string", "pattern": SLUG_PATTERN},
    OpenApiParameter.PATH,
    description="Slug (ASCII letters, digits, - and _); any other value is a 404.",
)


def id_path_parameter(model: type) -> OpenApiParameter:
    """The ``{id}`` of a detail path, bounded by the range of the model's primary key."""
    maximum = filters.integer_range(model)[1]
    return OpenApiParameter(
        "id",
        {"type": "integer", "minimum": 1, "maximum": maximum},
        OpenApiParameter.PATH,
        description=f"Id (ASCII digits, 1 to {maximum}); any other value is a 404.",
    )


def filter_parameter_schema(field: Any) -> dict[str, Any]:
    """The OpenAPI schema of one django-filter filter, as strict as the filter's form field."""
    if isinstance(field, filters.BooleanFilter):
        return {"type": "boolean"}
    if isinstance(field, filters.DayFilter):
        return {"type": "string", "format": "date"}
    if isinstance(field, filters.YearFilter):
        return {"type": "integer", "minimum": 1, "maximum": 9999}
    if isinstance(field, filters.RefFilter | filters.TagFilter):
        # Comma-separated slugs or ids (digits are slug characters).
        return {"type": "string", "pattern": SLUGS_PATTERN}
    choices = [choice[0] for choice in field.extra.get("choices", [])]
    if choices:
        return {"type": "string", "enum": sorted(choices)}
    return {"type": "string"}


FIELDS_PARAMETER = OpenApiParameter(
    "fields",
    str,
    description="Comma-separated subset of the field set to return (sparse fieldset), e.g. id,title,url.",
)


def check_params(request: Request, allowed: set[str]) -> None:
    """A 400 naming each unknown parameter, or each value holding a NUL (PostgreSQL refuses those)."""
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise InvalidParameters(dict.fromkeys(unknown, "unknown parameter"))
    with_nul = sorted(name for name, values in request.query_params.lists() if any("\x00" in v for v in values))
    if with_nul:
        raise InvalidParameters(dict.fromkeys(with_nul, "must not contain NUL characters"))


def path_id(raw: Any, model: type) -> int:
    """The id in a URL path (ASCII digits within the model's primary key range), or a 404."""
    pk = filters.parse_id(str(raw), model)
    if pk is None:
        raise Http404
    return pk


def path_slug(raw: str) -> str:
    """The slug in a URL path, or a 404: "kuća", a NUL or a space can name no item."""
    if not slug_re.fullmatch(raw):
        raise Http404
    return raw


def parse_fields(request: Request, available: set[str]) -> set[str] | None:
    raw = request.query_params.get("fields")
    if raw is None:
        return None
    names = {name.strip() for name in raw.split(",") if name.strip()}
    unknown = sorted(names - available)
    if unknown or not names:
        raise InvalidParameters({"fields": f"unknown field(s): {', '.join(unknown) or '(empty)'}"})
    return names


class ApiLanguageMixin:
    """Answer in the language of ``locale`` (English without one), never of Accept-Language.

    LocaleMiddleware activates the Accept-Language language for paths outside
    i18n_patterns; the API's messages (error details, choice labels) must not
    vary with a header that ``Vary`` does not name.
    """

    def dispatch(self, request, *args: Any, **kwargs: Any):
        with translation.override(api_language(request.GET.get("locale"))):
            return super().dispatch(request, *args, **kwargs)


class BaseViewSet(ApiLanguageMixin, HttpCacheMixin, GenericViewSet):
    http_method_names = ["get", "head", "options"]
    pagination_class = Pagination
    choice: LocaleChoice

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.choice = resolve_locale(request)

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            "request": self.request,
            "choice": self.choice,
            "view": self,
            "loaded": {"localized": {}, "translations": {}},
        }


class PageViewSet(BaseViewSet):
    """List and detail of one page type, by id or slug."""

    serializer_class: ClassVar[type[PageItemSerializer]]
    filterset_class: ClassVar[type]
    ordering_fields: ClassVar[dict[str, tuple[str, ...]]]
    default_ordering: ClassVar[tuple[str, ...]]

    def base_queryset(self) -> QuerySet:
        model = self.serializer_class.model
        if self.choice.fallback:
            return public_pages_with_fallback(model, self.choice.locale, self.choice.source)
        return public_pages(model, self.choice.locale)

    def ordering(self) -> tuple[str, ...]:
        raw = self.request.query_params.get("ordering")
        if raw is None:
            if self.request.query_params.get("past", "").lower() in ("true", "1", "yes"):
                return ("-start", "-pk")
            return self.default_ordering
        if raw not in self.ordering_fields:
            raise InvalidParameters({"ordering": f"use one of: {', '.join(sorted(self.ordering_fields))}"})
        return self.ordering_fields[raw]

    def serialize(self, pages: list[Page], field_set: str, only: set[str] | None) -> list[dict]:
        context = self.get_serializer_context()
        context["loaded"] = self.serializer_class.load(pages, self.request, self.choice, field_set)
        serializer = self.serializer_class(pages, many=True, context=context, field_set=field_set, only=only)
        return serializer.data

    def list(self, request: Request) -> Response:
        check_params(request, LIST_PARAMS | set(self.filterset_class.base_filters))
        only = parse_fields(request, set(self.serializer_class.listing_fields))
        filterset = self.filterset_class(request.query_params, queryset=self.base_queryset(), request=request)
        if not filterset.is_valid():
            raise InvalidParameters(
                {name: " ".join(str(message) for message in messages) for name, messages in filterset.errors.items()}
            )
        queryset = filterset.qs.order_by(*self.ordering())
        queryset = self.serializer_class.optimize(queryset, "listing")
        paginator = self.paginator
        pages = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(self.serialize(pages, "listing", only))

    def detail_response(self, **lookup: Any) -> Response:
        check_params(self.request, DETAIL_PARAMS)
        only = parse_fields(self.request, set(self.serializer_class.detail_fields))
        queryset = self.serializer_class.optimize(self.base_queryset().filter(**lookup), "detail")
        page = queryset.order_by("pk").first()
        if page is None:
            raise Http404
        return Response(self.serialize([page], "detail", only)[0])

    def retrieve(self, request: Request, pk: str) -> Response:
        return self.detail_response(pk=path_id(pk, self.serializer_class.model))

    def retrieve_by_slug(self, request: Request, slug: str) -> Response:
        return self.detail_response(slug=path_slug(slug))


def slug_redirect(request: HttpRequest, slug: str, prefix: str) -> HttpResponse:
    """The pre-1.1 address ``/<prefix>/<slug>/``: a permanent redirect to ``/<prefix>/by-slug/<slug>/``.

    A plain Django view, so it stays out of the schema (OpenAPI forbids two
    templates ``/{id}/`` and ``/{slug}/`` at one place); the query string is kept.
    Only an address that resolves is redirected: an unknown or hidden slug (or a
    malformed id such as ``12abc``) answers the target's own 404 or 400 here.
    """
    if not slug_re.fullmatch(slug):
        return not_found(request)
    location = reverse(f"api:v1:{prefix}-slug", kwargs={"slug": slug})
    target = resolve(location)
    answer = target.func(request, *target.args, **target.kwargs)
    if answer.status_code != 200:
        return answer
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{location}?{query}" if query else location)


def page_schema(serializer: type[PageItemSerializer], filterset: type, ordering: dict[str, Any], description: str):
    """OpenAPI documentation for a page viewset (list + detail by id and by slug)."""
    detail_serializer = serializer.detail_variant()
    filter_params = [
        OpenApiParameter(name, filter_parameter_schema(field), description=str(field.label or ""))
        for name, field in filterset.base_filters.items()
    ]
    listing = [
        *filter_params,
        OpenApiParameter("ordering", str, enum=sorted(ordering), description="Sort order (whitelist)."),
        FIELDS_PARAMETER,
        *LOCALE_PARAMETERS,
    ]
    detail = [FIELDS_PARAMETER, *LOCALE_PARAMETERS]
    return {
        "list": extend_schema(
            summary=f"List {serializer.type_name}",
            description=f"{description} Listing field set: {', '.join(serializer.listing_fields)}. "
            f"limit 1..{MAX_LIMIT} (default {DEFAULT_LIMIT}).",
            parameters=listing,
            responses={200: serializer(many=True), **ERROR_RESPONSES},
        ),
        "retrieve": extend_schema(
            summary=f"One item of {serializer.type_name} by id",
            description=f"Detail field set: {', '.join(serializer.detail_fields)}.",
            parameters=[id_path_parameter(serializer.model), *detail],
            responses={200: detail_serializer, **ERROR_RESPONSES},
        ),
        "retrieve_by_slug": extend_schema(
            summary=f"One item of {serializer.type_name} by slug",
            description="Detail field set, looked up by slug. The old address /<prefix>/<slug>/ redirects here (301).",
            operation_id=f"{serializer.type_name}_retrieve_by_slug",
            parameters=[SLUG_PATH_PARAMETER, *detail],
            responses={200: detail_serializer, **ERROR_RESPONSES},
        ),
    }


def _decorate(viewset: type, schemas: dict[str, Any]) -> type:
    for name, decorator in schemas.items():
        setattr(viewset, name, decorator(getattr(viewset, name)))
    return viewset


def make_page_viewset(serializer, filterset, ordering, default_ordering, description):
    viewset = type(
        f"{serializer.__name__.replace('Serializer', '')}ViewSet",
        (PageViewSet,),
        {
            "serializer_class": serializer,
            "filterset_class": filterset,
            "ordering_fields": ordering,
            "default_ordering": default_ordering,
            # Inherited methods are shared, so wrap copies for per-type schemas.
            "list": lambda self, request: PageViewSet.list(self, request),
            "retrieve": lambda self, request, pk: PageViewSet.retrieve(self, request, pk),
            "retrieve_by_slug": lambda self, request, slug: PageViewSet.retrieve_by_slug(self, request, slug),
            "__doc__": description,
        },
    )
    return _decorate(viewset, page_schema(serializer, filterset, ordering, description))


NewsViewSet = make_page_viewset(
    NewsSerializer,
    filters.NewsFilter,
    {"date": ("date", "pk"), "-date": ("-date", "-pk"), "title": ("title", "pk"), "-title": ("-title", "-pk")},
    ("-date", "-pk"),
    "News articles, newest first.",
)
EventViewSet = make_page_viewset(
    EventSerializer,
    filters.EventFilter,
    {"start": ("start", "pk"), "-start": ("-start", "-pk"), "title": ("title", "pk"), "-title": ("-title", "-pk")},
    ("start", "pk"),
    "Events, soonest first (past=true: latest first). Times: start/end in UTC, local_start/local_end in the "
    "venue's time zone.",
)
GalleryViewSet = make_page_viewset(
    GallerySerializer,
    filters.GalleryFilter,
    {"date": ("date", "pk"), "-date": ("-date", "-pk"), "title": ("title", "pk")},
    ("-date", "-pk"),
    "Photo galleries, newest first.",
)
ClusterViewSet = make_page_viewset(
    ClusterSerializer,
    filters.ClusterFilter,
    {
        "title": ("title", "pk"),
        "-title": ("-title", "-pk"),
        "founded_year": ("founded_year", "pk"),
        "-founded_year": ("-founded_year", "-pk"),
    },
    ("title", "pk"),
    "The cluster directory, by name.",
)
ProjectViewSet = make_page_viewset(
    ProjectSerializer,
    filters.ProjectFilter,
    {"start_date": ("start_date", "pk"), "-start_date": ("-start_date", "-pk"), "title": ("title", "pk")},
    ("-start_date", "title", "pk"),
    "Projects, latest start first.",
)
