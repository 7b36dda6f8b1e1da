"""Query filters per content type (django-filter).

Snippet and page filters (``sector``, ``country``, ``organisation``, ``network``,
``programme``, ``cluster``, ``project``, ``event``) take a **slug** or a numeric
**id**. Slugs are the same in every locale. An id may be the id of the object in
any locale: it is matched through its translation_key, so the id of the English
"Textile" sector and the id of the Serbian one select the same items. Several
values, comma-separated, mean either (``sector=ict,textile``); countries are also
named by ISO code (``country=BG``, any case). Every filter answers an unknown or
malformed value the same way (a slug or id naming no visible object, an unknown
tag or choice, a bad date or boolean): a 400 problem+json naming the parameter.

Numbers, ids and dates are read from ASCII digits only ("１" or "¹" are not an
alias of 1) and must fit the database column: ids the range of their primary
key (32-bit for pages, images and documents, 63-bit for snippets), years
1..9999, and event day bounds a day whose midnight survives the conversion to
UTC (0001-01-02 .. 9999-12-30); anything else is a 400, never a 500.

Dates (``date_from``, ``start_from`` ...) are ``YYYY-MM-DD``; event date bounds
are whole days in the site's time zone (Europe/Belgrade): ``start_to=2026-05-01``
includes an event starting at 23:30 that evening.
"""

import datetime
import re
from typing import Any

from django import forms
from django.core.validators import slug_re
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Field, Model, Q, QuerySet
from django.utils import timezone

from taggit.models import Tag
from wagtail.models import Page

import django_filters

from pages.filters import AsciiIntegerField
from pages.models import ClusterPage, EventPage, GalleryPage, NewsPage, ProjectPage, QualityLabel
from snippets.models import Country, FundingProgramme, Organisation, Sector
from sync.filters import UpdatedSinceFilter

from .search import search_ids
from .visibility import public_pages, public_snippets

ASCII_DIGITS = re.compile(r"[0-9]+")
ASCII_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INT64_MAX = 2**63 - 1
# Event day bounds become local midnights converted to UTC: keep a day's margin at both ends.
FIRST_CONVERTIBLE_DAY = datetime.date(1, 1, 2)
LAST_CONVERTIBLE_DAY = datetime.date(9999, 12, 30)


def integer_range(field: Field | type[Model]) -> tuple[int, int]:
    """The range of an integer column (or a model's primary key) on every database we support.

    Django's portable ranges (those of PostgreSQL; SQLite stores 64 bits whatever
    the type): AutoField 32-bit, BigAutoField 64-bit. A relation has its target's range.
    """
    if isinstance(field, type):
        field = field._meta.pk
    while field.is_relation:
        field = field.target_field
    return BaseDatabaseOperations.integer_field_ranges.get(field.get_internal_type(), (-INT64_MAX - 1, INT64_MAX))


def parse_id(raw: str, model: type[Model]) -> int | None:
    """The id ``raw`` names if it is ASCII digits within ``model``'s primary key range, else None."""
    if not ASCII_DIGITS.fullmatch(raw):
        return None
    value = int(raw)
    return value if 0 < value <= integer_range(model)[1] else None


def ref_objects(model: type[Model]) -> QuerySet:
    """The objects a filter value may name: visible ones only, in any locale.

    A draft or private page is "unknown" like a missing one, so a 400 tells
    nothing about what exists behind the visibility rule.
    """
    if issubclass(model, Page):
        return public_pages(model)
    return public_snippets(model)


class RefField(forms.CharField):
    """Comma-separated slugs or ids (ASCII digits within the related model's primary key range).

    Cleans to the translation keys of the named objects: ``sector=a,b`` means
    either. A value naming no visible object is an error, like any other
    unknown filter value. Countries are also named by ISO code (``BG``, any case).
    """

    def __init__(self, *args, model: type[Model], **kwargs) -> None:
        self.ref_model = model
        self.max_id = integer_range(model)[1]
        super().__init__(*args, **kwargs)

    def to_python(self, value: str | None) -> list[Any] | None:
        value = super().to_python(value)
        if not value:
            return None
        names = [name.strip() for name in value.split(",") if name.strip()]
        if not names:
            return None
        keys: list[Any] = []
        for name in names:
            if ASCII_DIGITS.fullmatch(name):
                if int(name) > self.max_id:
                    raise forms.ValidationError(f"id must be at most {self.max_id}", code="invalid")
                lookup = Q(pk=int(name))
            elif slug_re.fullmatch(name):
                lookup = Q(slug=name)
                if any(field.name == "iso_code" for field in self.ref_model._meta.fields):
                    lookup |= Q(iso_code__iexact=name)
            else:
                raise forms.ValidationError("must be slugs (a-z, 0-9, -, _) or ids, comma-separated", code="invalid")
            found = list(ref_objects(self.ref_model).filter(lookup).values_list("translation_key", flat=True))
            if not found:
                raise forms.ValidationError(f"unknown value {name!r}", code="invalid_choice")
            keys += found
        return keys


class RefFilter(django_filters.CharFilter):
    """Filter a relation by the slugs or ids of the related snippets or pages (any of them)."""

    field_class = RefField

    def __init__(self, *args, model: type, **kwargs) -> None:
        self.ref_model = model  # not "model": FilterSet sets that to its own model
        super().__init__(*args, model=model, **kwargs)

    def filter(self, qs: QuerySet, value: list[Any] | None) -> QuerySet:
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__translation_key__in": value}).distinct()


class TagField(forms.CharField):
    """Comma-separated tag slugs, each of an existing tag (any of them)."""

    def to_python(self, value: str | None) -> list[str] | None:
        value = super().to_python(value)
        names = [name.strip() for name in (value or "").split(",") if name.strip()]
        if not names:
            return None
        known = set(Tag.objects.filter(slug__in=names).values_list("slug", flat=True))
        unknown = [name for name in names if name not in known]
        if unknown:
            raise forms.ValidationError(f"unknown value {unknown[0]!r}", code="invalid_choice")
        return names


class TagFilter(django_filters.CharFilter):
    field_class = TagField

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        if not value:
            return qs
        return qs.filter(tags__slug__in=value).distinct()


class DayField(forms.DateField):
    """A day written ``YYYY-MM-DD`` in ASCII digits, optionally within bounds."""

    def __init__(self, *args, first: datetime.date | None = None, last: datetime.date | None = None, **kwargs) -> None:
        self.first, self.last = first, last
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(*args, **kwargs)

    def to_python(self, value: object) -> datetime.date | None:
        if isinstance(value, str) and value.strip() and not ASCII_DAY.fullmatch(value.strip()):
            raise forms.ValidationError("must be a day YYYY-MM-DD", code="invalid")
        day = super().to_python(value)
        if day is not None and ((self.first and day < self.first) or (self.last and day > self.last)):
            raise forms.ValidationError(f"must be a day from {self.first} to {self.last}", code="invalid")
        return day


class DayFilter(django_filters.DateFilter):
    field_class = DayField


class YearFilter(django_filters.NumberFilter):
    """A year 1..9999 in ASCII digits (``?year=0`` or ``99999`` crash Django's year lookup)."""

    field_class = AsciiIntegerField

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, min_value=1, max_value=9999, **kwargs)


class SearchFilter(django_filters.CharFilter):
    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if not value or not value.strip():
            return qs
        return qs.filter(pk__in=search_ids(qs.model, value, qs))


def local_day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_default_timezone())


class StrictBooleanField(forms.Field):
    """true/false (also 1/0, yes/no); anything else is an error, not "no filter"."""

    def to_python(self, value: str | None) -> bool | None:
        if value in (None, ""):
            return None
        normalized = str(value).strip().lower()
        if normalized in {"true", "1", "yes"}:
            return True
        if normalized in {"false", "0", "no"}:
            return False
        raise forms.ValidationError("must be true or false", code="invalid")


class BooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class BaseFilter(django_filters.FilterSet):
    q = SearchFilter(label="Full-text search, diacritics-insensitive for Serbian Latin (kuca finds Kuća).")
    updated_since = UpdatedSinceFilter()  # sync/filters.py (issue 9)


class NewsFilter(BaseFilter):
    sector = RefFilter(field_name="sectors", model=Sector, label="Sector slugs or ids, comma-separated (any of them).")
    tag = TagFilter(label="Tag slugs, comma-separated (any of them).")
    cluster = RefFilter(
        field_name="related_clusters",
        model=ClusterPage,
        label="Related clusters: page slugs or ids, comma-separated (any of them).",
    )
    organisation = RefFilter(
        field_name="related_organisations",
        model=Organisation,
        label="Organisation slugs or ids, comma-separated (any of them).",
    )
    date_from = DayFilter(field_name="date", lookup_expr="gte", label="Published on or after (YYYY-MM-DD).")
    date_to = DayFilter(field_name="date", lookup_expr="lte", label="Published on or before (YYYY-MM-DD).")
    year = YearFilter(field_name="date", lookup_expr="year", label="Year of the article date (1..9999).")

    class Meta:
        model = NewsPage
        fields: list[str] = []


class EventFilter(BaseFilter):
    upcoming = BooleanFilter(
        method="filter_upcoming", label="true: events that have not ended yet (a running event is upcoming)."
    )
    past = BooleanFilter(method="filter_past", label="true: events that have ended.")
    start_from = DayFilter(
        method="filter_start_from",
        label="Starting on or after this day (site time zone), 0001-01-02 to 9999-12-30.",
        first=FIRST_CONVERTIBLE_DAY,
        last=LAST_CONVERTIBLE_DAY,
    )
    start_to = DayFilter(
        method="filter_start_to",
        label="Starting on or before this day (site time zone), 0001-01-02 to 9999-12-30.",
        first=FIRST_CONVERTIBLE_DAY,
        last=LAST_CONVERTIBLE_DAY,
    )
    country = RefFilter(
        field_name="country",
        model=Country,
        label="Country slugs, ids or ISO codes (BG), comma-separated (any of them).",
    )
    city = django_filters.CharFilter(
        field_name="city", lookup_expr="iexact", label="City, case-insensitive exact match."
    )
    sector = RefFilter(field_name="sectors", model=Sector, label="Sector slugs or ids, comma-separated (any of them).")
    project = RefFilter(
        field_name="project", model=ProjectPage, label="Projects: page slugs or ids, comma-separated (any of them)."
    )
    status = django_filters.ChoiceFilter(choices=EventPage.Status.choices, label="Event status.")

    class Meta:
        model = EventPage
        fields: list[str] = []

    def filter_upcoming(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(end__gte=timezone.now()) if value else qs.filter(end__lt=timezone.now())

    def filter_past(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(end__lt=timezone.now()) if value else qs.filter(end__gte=timezone.now())

    def filter_start_from(self, qs, name, value):
        return qs.filter(start__gte=local_day_start(value))

    def filter_start_to(self, qs, name, value):
        return qs.filter(start__lt=local_day_start(value + datetime.timedelta(days=1)))


class ClusterFilter(BaseFilter):
    sector = RefFilter(field_name="sectors", model=Sector, label="Sector slugs or ids, comma-separated (any of them).")
    country = RefFilter(
        field_name="country",
        model=Country,
        label="Country slugs, ids or ISO codes (BG), comma-separated (any of them).",
    )
    label = django_filters.ChoiceFilter(
        choices=[("any", "Any level"), *QualityLabel.Level.choices],
        method="filter_noop",
        label="Clusters with a label of this level valid on label_valid_on (default today).",
    )
    label_valid_on = DayFilter(method="filter_noop", label="Day on which the label must be valid.")
    has_valid_label = BooleanFilter(
        method="filter_noop",
        label="true: only clusters with a label valid on label_valid_on (default today); false: only those without.",
    )
    network = RefFilter(
        field_name="network_memberships",
        model=Organisation,
        label="Network organisations: slugs or ids, comma-separated (any of them).",
    )

    class Meta:
        model = ClusterPage
        fields: list[str] = []

    def filter_noop(self, qs, name, value):
        return qs  # the label filters are combined in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        level, day, has = data.get("label"), data.get("label_valid_on"), data.get("has_valid_label")
        if not level and day is None and has is None:
            return queryset
        day = day or timezone.localdate(timezone=timezone.get_default_timezone())
        with_label = queryset.with_valid_label(day, None if level in (None, "", "any") else level)
        if has is False:
            return queryset.exclude(pk__in=with_label.values("pk"))
        return with_label


class GalleryFilter(BaseFilter):
    event = RefFilter(
        field_name="event", model=EventPage, label="Events: page slugs or ids, comma-separated (any of them)."
    )

    class Meta:
        model = GalleryPage
        fields: list[str] = []


class ProjectFilter(BaseFilter):
    programme = RefFilter(
        field_name="programme",
        model=FundingProgramme,
        label="Funding programmes: slugs or ids, comma-separated (any of them).",
    )
    active_on = DayFilter(method="filter_active_on", label="Projects running on this day.")

    class Meta:
        model = ProjectPage
        fields: list[str] = []

    def filter_active_on(self, qs, name, value):
        return qs.active_on(value)
