"""``updated_since=`` for every v1 list.

An ISO 8601 date-time in ASCII digits (``2026-05-01T08:00:00Z``, an offset, or
none: then UTC) or a day (midnight UTC). Items whose list data changed after
it: pages published since (``last_published_at``), snippets published since
(where they have drafts) or revised since, and any item whose list data the
sync feed has seen change since (a renamed sector changes the news that show
it). Malformed → 400 naming ``updated_since``.
"""

import datetime
import re

from django import forms
from django.db.models import Q, QuerySet

import django_filters

from .models import SyncItem

ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?"
)
PARAMETER = "updated_since"
LABEL = "Only items changed after this ISO 8601 date-time (no offset: UTC), e.g. 2026-05-01T08:00:00Z."


def parse_datetime(raw: str) -> datetime.datetime:
    value = raw.strip()
    if not ISO_DATETIME.fullmatch(value):
        raise forms.ValidationError("must be an ISO 8601 date-time, e.g. 2026-05-01T08:00:00Z", code="invalid")
    try:
        moment = datetime.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        return moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise forms.ValidationError("must be a valid date-time between years 1 and 9999", code="invalid") from None


class UpdatedSinceField(forms.CharField):
    def to_python(self, value: str | None) -> datetime.datetime | None:
        value = super().to_python(value)
        return parse_datetime(value) if value else None


def updated_since(queryset: QuerySet, moment: datetime.datetime | None) -> QuerySet:
    """``queryset`` narrowed to items changed after ``moment`` (None: unchanged)."""
    if moment is None:
        return queryset
    model = queryset.model
    fields = {field.name for field in model._meta.concrete_fields}
    seen = SyncItem.objects.filter(model=model._meta.label_lower, changed_at__gt=moment, visible=True)
    condition = Q(pk__in=seen.values("object_id"))
    if "last_published_at" in fields:
        condition |= Q(last_published_at__gt=moment)
    if "latest_revision" in fields:
        condition |= Q(latest_revision__created_at__gt=moment)
    return queryset.filter(condition)


class UpdatedSinceFilter(django_filters.Filter):
    field_class = UpdatedSinceField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label", LABEL)
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: datetime.datetime | None) -> QuerySet:
        return updated_since(qs, value)


def filter_request(queryset: QuerySet, raw: str | None) -> QuerySet:
    """For lists without a filterset: ``updated_since`` from the query string, or a 400 naming it."""
    from api.errors import InvalidParameters

    if not raw:
        return queryset
    try:
        return updated_since(queryset, parse_datetime(raw))
    except forms.ValidationError as error:
        raise InvalidParameters({PARAMETER: " ".join(error.messages)}) from None
