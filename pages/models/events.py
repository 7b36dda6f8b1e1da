import datetime
import zoneinfo
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.forms import EventPageForm

from .base import (
    AttachedDocument,
    BodyMixin,
    HeroImageMixin,
    IntroMixin,
    ListingPageMixin,
    published,
    with_listing_images,
)
from .galleries import GalleryPage

DEFAULT_EVENT_TIME_ZONE = "Europe/Belgrade"


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        """Events that have not ended yet, soonest first (a running event is upcoming)."""
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


class EventPageDocument(AttachedDocument):
    page = ParentalKey("pages.EventPage", on_delete=models.CASCADE, related_name="documents")


class EventPage(IntroMixin, HeroImageMixin, BodyMixin, Page):
    """An event: a conference, a workshop, an anniversary.

    ``start`` and ``end`` are stored in UTC like every datetime, but editors
    enter and readers see them in the venue's own time zone (see
    pages.forms.EventPageForm): a conference in Sofia at 11:00 is 11:00 EEST.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    # Indexed: listings order by start and filter upcoming/past by end.
    start = models.DateTimeField(_("start"), db_index=True, help_text=_("In the venue's time zone."))
    end = models.DateTimeField(_("end"), db_index=True, help_text=_("In the venue's time zone."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default=DEFAULT_EVENT_TIME_ZONE,
        help_text=_("The venue's time zone; start and end are entered and shown in it."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        "snippets.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    organisers = ParentalManyToManyField(
        "snippets.Organisation", blank=True, verbose_name=_("organisers"), related_name="organised_events"
    )
    contact_person = models.ForeignKey(
        "snippets.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    project = models.ForeignKey(
        "pages.ProjectPage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    sectors = ParentalManyToManyField("snippets.Sector", blank=True, verbose_name=_("sectors"), related_name="events")

    objects = PageManager.from_queryset(EventPageQuerySet)()
    base_form_class = EventPageForm

    parent_page_types = ["pages.EventIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone"), FieldPanel("status")],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Venue"),
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Attachments (e.g. agenda)")),
        MultiFieldPanel(
            [
                FieldPanel("organisers"),
                FieldPanel("contact_person"),
                FieldPanel("registration_url"),
                FieldPanel("project"),
                FieldPanel("sectors"),
            ],
            heading=_("Organisation"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("venue"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    override_translatable_fields = [
        SynchronizedField("organisers"),
        SynchronizedField("sectors"),
    ]

    # Fields of Wagtail's stock API v2 (/api/v2/); the typed API v1 lives in api/.
    api_fields = [
        "start",
        "end",
        "time_zone",
        "status",
        "venue",
        "street_address",
        "city",
        "country",
        "latitude",
        "longitude",
        "organisers",
        "contact_person",
        "registration_url",
        "project",
        "sectors",
        "intro",
        "hero_image",
        "body",
        "documents",
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or DEFAULT_EVENT_TIME_ZONE)

    @property
    def local_start(self) -> datetime.datetime:
        """The start in the venue's time zone."""
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> datetime.datetime:
        return self.end.astimezone(self.zone)

    @property
    def is_upcoming(self) -> bool:
        return self.end >= timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def gallery(self):
        """The event's photo gallery, stored on the gallery side only."""
        return published(self.galleries.all()).first()

    @classmethod
    def galleries_by_event(
        cls,
        events: Iterable["EventPage"],
        locale: Locale,
        fallback: Locale | None = None,
        galleries: QuerySet | None = None,
    ) -> dict[Any, GalleryPage]:
        """The public photo gallery of each event (by translation key) in ``locale``,
        else in ``fallback``; one query for any number of events.

        A gallery names one language version of its event (the ``event`` page
        link is synchronised from the Serbian gallery, so English and Cyrillic
        galleries name the Serbian event): any version counts. ``galleries`` is
        the visible set to choose from (default: published galleries).
        """
        keys = {event.translation_key for event in events}
        locales = [locale] if fallback is None or fallback == locale else [locale, fallback]
        rank = {candidate.pk: order for order, candidate in enumerate(locales)}
        queryset = published(GalleryPage.objects.all()) if galleries is None else galleries
        found = (
            queryset.filter(event__translation_key__in=keys, locale__in=locales)
            .annotate(event_key=F("event__translation_key"))
            .select_related("locale")
            .defer_streamfields()
            .order_by("-first_published_at", "path")
        )
        result: dict[Any, GalleryPage] = {}
        for gallery in found:
            chosen = result.get(gallery.event_key)
            if chosen is None or rank[gallery.locale_id] < rank[chosen.locale_id]:
                result[gallery.event_key] = gallery
        return result

    @property
    def localized_gallery(self) -> GalleryPage | None:
        """The gallery to link from this page: in the reader's language if it has a
        public one, else the Serbian source's (the site shows untranslated pages too)."""
        return self.galleries_by_event([self], Locale.get_active(), Locale.get_default()).get(self.translation_key)


class EventIndexPage(ListingPageMixin, IntroMixin, Page):
    """Events: upcoming first, past on request, by country and sector."""

    listing_model = EventPage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EventPage"]
    max_count_per_parent = 1  # one events section per language site

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = _("event index")

    @property
    def filterset_class(self):
        from pages.filters import EventFilter

        return EventFilter

    def get_listing_queryset(self, request):
        return with_listing_images(super().get_listing_queryset(request)).select_related("country")
