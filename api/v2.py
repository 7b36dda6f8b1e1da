"""Wagtail's stock API v2 at /api/v2/, behind the same visibility gate as v1.

For Wagtail-ecosystem clients. Pages, images and documents come from
api.visibility, so a draft, private, expired or scheduled page, or an image or
document in a private collection, is as invisible here as in v1.

Query input is checked before Wagtail reads it, so that no value is a 500:
ids (``id``, ``child_of``, ``descendant_of``, ``ancestor_of``,
``translation_of``, the detail path), ``offset`` and ``limit`` are ASCII digits
within the database's range, no value holds a NUL, ``search_operator`` is
``and``/``or``, and field filters (``?width=``, ``?first_published_at=``,
``?date=`` with ``type=``) are converted by the model field first. A bad value
is a 400 in Wagtail's own error shape, ``{"message": "..."}``, naming the
parameter; a bad id in the path is a 404. Search text is made safe by the search
backend (api/search_backend.py).
"""

import datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone

from taggit.managers import TaggableManager
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import DetailUrlField, PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField, DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from .filters import ASCII_DIGITS, INT64_MAX, integer_range
from .pagination import ASCII_INTEGER
from .shapes import absolute, page_url
from .visibility import public_documents, public_images, public_pages

# Parameters naming a page by id; the first three also take "root".
PAGE_ID_PARAMETERS = {"child_of": True, "descendant_of": True, "translation_of": True, "ancestor_of": False}


def _check_id(name: str, raw: str, model: type[models.Model], allow_root: bool = False) -> None:
    if allow_root and raw == "root":
        return
    if not ASCII_DIGITS.fullmatch(raw) or int(raw) > integer_range(model)[1]:
        raise BadRequestError(f"{name} must be a positive integer of at most {integer_range(model)[1]}")


def _check_datetime(value: datetime.datetime) -> None:
    # The database stores UTC: a value near year 1 or 9999 must survive the conversion.
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    value.astimezone(datetime.UTC)


def check_field_value(name: str, field: Any, raw: str) -> None:
    """A 400 unless ``raw`` is a value ``field`` can be filtered by (as Wagtail's FieldsFilter will)."""
    if isinstance(field, TaggableManager) or not getattr(field, "concrete", False):
        return
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, (models.IntegerField, models.AutoField)):
        low, high = integer_range(field)
        if not ASCII_INTEGER.fullmatch(raw) or not low <= int(raw) <= high:
            raise BadRequestError(f"field filter error. '{raw}' is not a valid value for {name}")
        return
    if isinstance(field, (models.DateField, models.TimeField, models.DecimalField, models.FloatField)):
        try:
            if not raw.isascii():
                raise ValidationError("not ASCII")
            value = field.to_python(raw)
            if isinstance(value, datetime.datetime):
                _check_datetime(value)
        except (ValidationError, ValueError, OverflowError):
            raise BadRequestError(f"field filter error. '{raw}' is not a valid value for {name}") from None


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filter, with each value converted by its model field first."""

    def filter_queryset(self, request: Any, queryset: models.QuerySet, view: Any) -> models.QuerySet:
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, raw in request.GET.items():
            if name in fields:
                try:
                    field = queryset.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                check_field_value(name, field, raw)
        return super().filter_queryset(request, queryset, view)


class CheckedPagination(WagtailPagination):
    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> Any:
        for name in ("offset", "limit"):
            raw = request.GET.get(name)
            if raw is not None and (not ASCII_DIGITS.fullmatch(raw) or int(raw) > INT64_MAX):
                raise BadRequestError(f"{name} must be a positive integer")
        return super().paginate_queryset(queryset, request, view)


class CheckedInputMixin:
    """Check the query string (and the path id) before Wagtail's views and filters read it."""

    model: type[models.Model]
    pagination_class = CheckedPagination

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if "pk" in kwargs and not 0 < int(kwargs["pk"]) <= integer_range(self.model)[1]:
            raise Http404
        for name, values in request.GET.lists():
            if any("\x00" in value for value in values):
                raise BadRequestError(f"{name}: null characters are not allowed")
        if "id" in request.GET:
            _check_id("id", request.GET["id"], self.model)
        operator = request.GET.get("search_operator")
        if operator is not None and operator.lower() not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")


# URLs from the request's host (as v1 builds them), not from the Site's hostname
# or WAGTAILADMIN_BASE_URL, which are "localhost" on many installs.


class RequestHostDetailUrlField(DetailUrlField):
    def get_attribute(self, instance: Any) -> str:
        url = super().get_attribute(instance)
        request = self.context["request"]
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        return absolute(request, path) if path else url


class RequestHostHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page: Page) -> str | None:
        return page_url(self.context["request"], page)


class RequestHostDownloadUrlField(DocumentDownloadUrlField):
    def to_representation(self, document: Any) -> str | None:
        return absolute(self.context["request"], document.url)


class RequestHostPageSerializer(PageSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)
    html_url = RequestHostHtmlUrlField(read_only=True)


class RequestHostImageSerializer(ImageSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)


class RequestHostDocumentSerializer(DocumentSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)
    download_url = RequestHostDownloadUrlField(read_only=True)


def _checked_backends(backends: list[type]) -> list[type]:
    return [CheckedFieldsFilter if backend is FieldsFilter else backend for backend in backends]


class PublicPagesAPIViewSet(CheckedInputMixin, PagesAPIViewSet):
    filter_backends = _checked_backends(PagesAPIViewSet.filter_backends)
    base_serializer_class = RequestHostPageSerializer

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        for name, allow_root in PAGE_ID_PARAMETERS.items():
            if name in request.GET:
                _check_id(name, request.GET[name], Page, allow_root)

    def resolve_rich_text_format(self) -> str:
        # Only "html" goes through the visibility-checking handlers of security/richtext.py: markdown
        # resolves links with the editor's converters (drafts included), db_* formats show stored ids.
        raw = self.request.GET.get("rich_text_format")
        if raw is not None and raw != APIRichText.FORMAT_HTML:
            raise BadRequestError("rich_text_format must be 'html'")
        return APIRichText.FORMAT_HTML

    def get_base_queryset(self):
        # Wrapped in pk__in: Wagtail's search backend only accepts filters on indexed fields.
        return Page.objects.filter(pk__in=public_pages().values("pk"))


class PublicImagesAPIViewSet(CheckedInputMixin, ImagesAPIViewSet):
    filter_backends = _checked_backends(ImagesAPIViewSet.filter_backends)
    base_serializer_class = RequestHostImageSerializer

    def get_queryset(self):
        return public_images().order_by("id")


class PublicDocumentsAPIViewSet(CheckedInputMixin, DocumentsAPIViewSet):
    filter_backends = _checked_backends(DocumentsAPIViewSet.filter_backends)
    base_serializer_class = RequestHostDocumentSerializer

    def get_queryset(self):
        return public_documents().order_by("id")


# Namespaced under "api:" because api/urls.py is included with app_name "api".
router = WagtailAPIRouter("api:wagtailapi_v2")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)
