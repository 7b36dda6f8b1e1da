"""Filters for the public listing pages (django-filter).

Values are slugs so that URLs read well and stay the same in every language.
A value that matches nothing is a form error that the template shows; the
filter is then ignored rather than answered with a 500.
"""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.models import Locale

import django_filters

from snippets.models import Country, Sector

from .models.clusters import ClusterPage, QualityLabel
from .models.events import EventPage
from .models.news import NewsPage


def snippets_in_active_locale(model):
    """Choices named in the reader's language; matching is by the slug, which
    every locale shares (page relations may point at the source-locale snippet)."""

    def queryset(request):
        return model.objects.filter(locale=Locale.get_active())

    return queryset


def filter_by_slug(queryset, name, value):
    return queryset.filter(**{f"{name}__slug": value.slug}).distinct()


ASCII_INTEGER = re.compile(r"[-+]?[0-9]+")


class AsciiIntegerField(forms.IntegerField):
    """An integer written in ASCII digits only.

    Django's IntegerField, like ``int()``, also reads Unicode digits ("２０２６",
    "¹"), so the same year or id would have many spellings, and some of them
    (superscripts) crash ``int()`` later on.
    """

    def to_python(self, value: object) -> int | None:
        if value in self.empty_values:
            return None
        if not ASCII_INTEGER.fullmatch(str(value).strip()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class YearFilter(django_filters.NumberFilter):
    """A whole year in a range the database can store (``?year=99999`` would crash the year lookup)."""

    field_class = AsciiIntegerField


class NewsFilter(django_filters.FilterSet):
    sector = django_filters.ModelChoiceFilter(
        field_name="sectors",
        to_field_name="slug",
        queryset=snippets_in_active_locale(Sector),
        method=filter_by_slug,
        label=_("Sector"),
        empty_label=_("All sectors"),
    )
    tag = django_filters.ModelChoiceFilter(
        field_name="tags",
        to_field_name="slug",
        queryset=Tag.objects.all(),
        label=_("Tag"),
        empty_label=_("All tags"),
    )
    year = YearFilter(field_name="date", lookup_expr="year", label=_("Year"), min_value=1990, max_value=2100)

    class Meta:
        model = NewsPage
        fields = ["sector", "tag", "year"]


class EventFilter(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        method="filter_when",
        label=_("When"),
        empty_label=None,
    )
    country = django_filters.ModelChoiceFilter(
        to_field_name="slug",
        field_name="country",
        queryset=snippets_in_active_locale(Country),
        method=filter_by_slug,
        label=_("Country"),
        empty_label=_("All countries"),
    )
    sector = django_filters.ModelChoiceFilter(
        field_name="sectors",
        to_field_name="slug",
        queryset=snippets_in_active_locale(Sector),
        method=filter_by_slug,
        label=_("Sector"),
        empty_label=_("All sectors"),
    )

    class Meta:
        model = EventPage
        fields = ["when", "country", "sector"]

    def __init__(self, data=None, *args, **kwargs):
        # Upcoming events first: that is what readers come for.
        data = data.copy() if data is not None else {}
        data.setdefault("when", "upcoming")
        super().__init__(data, *args, **kwargs)

    @property
    def qs(self):
        queryset = super().qs
        if self.form.cleaned_data.get("when") == "past":
            return queryset.order_by("-start")
        return queryset.order_by("start")

    def filter_queryset(self, queryset):
        if self.form.cleaned_data.get("when") not in ("upcoming", "past"):
            # An empty or bad value is a form error; show the default, not every event ever.
            queryset = queryset.upcoming()
        return super().filter_queryset(queryset)

    def filter_when(self, queryset, name, value):
        return queryset.past() if value == "past" else queryset.upcoming()


class ClusterFilter(django_filters.FilterSet):
    sector = django_filters.ModelChoiceFilter(
        field_name="sectors",
        to_field_name="slug",
        queryset=snippets_in_active_locale(Sector),
        method=filter_by_slug,
        label=_("Sector"),
        empty_label=_("All sectors"),
    )
    country = django_filters.ModelChoiceFilter(
        to_field_name="slug",
        field_name="country",
        queryset=snippets_in_active_locale(Country),
        method=filter_by_slug,
        label=_("Country"),
        empty_label=_("All countries"),
    )
    label = django_filters.ChoiceFilter(
        choices=[("any", _("Any valid label")), *QualityLabel.Level.choices],
        method="filter_label",
        label=_("Quality label valid today"),
        empty_label=_("With or without a label"),
    )

    class Meta:
        model = ClusterPage
        fields = ["sector", "country", "label"]

    def filter_label(self, queryset, name, value):
        level = None if value == "any" else value
        return queryset.with_valid_label(timezone.localdate(), level=level)
