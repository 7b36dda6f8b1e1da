import calendar
import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import BodyMixin, IntroMixin, ListingPageMixin


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def end_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


class QualityLabelQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "QualityLabelQuerySet":
        return self.filter(awarded_on__lte=day, expires_on__gte=day)


class QualityLabel(Orderable):
    """A cluster management excellence label (ESCA/ECEI benchmarking).

    Labelling rules: a label is valid for VALIDITY_MONTHS from the month of
    the benchmarking interview, that is until the last day of the same month
    two years later (interview 15 March 2012 -> valid until 31 March 2014).
    Editors may enter a different end date (e.g. from the certificate); a
    renewal is a new label, which extends the cluster's validity.
    """

    class Level(models.TextChoices):
        BRONZE = "bronze", _("Bronze")
        SILVER = "silver", _("Silver")
        GOLD = "gold", _("Gold")

    VALIDITY_MONTHS = {Level.BRONZE: 24, Level.SILVER: 24, Level.GOLD: 24}
    LEVEL_RANK = {Level.BRONZE: 1, Level.SILVER: 2, Level.GOLD: 3}

    page = ParentalKey("pages.ClusterPage", on_delete=models.CASCADE, related_name="quality_labels")
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.BRONZE)
    awarded_on = models.DateField(_("benchmarking / award date"))
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to apply the labelling rules (two years from the month of the interview)."),
    )
    # The effective end date, always recomputed on save from the two fields
    # above; stored only so that "valid on a date" is one indexed SQL filter.
    expires_on = models.DateField(editable=False, db_index=True)

    objects = QualityLabelQuerySet.as_manager()

    panels = [FieldRowPanel([FieldPanel("level"), FieldPanel("awarded_on"), FieldPanel("valid_until")])]

    class Meta(Orderable.Meta):
        verbose_name = _("quality label")
        verbose_name_plural = _("quality labels")

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.awarded_on:%m/%Y})"

    @classmethod
    def rule_valid_until(cls, level: str, awarded_on: datetime.date) -> datetime.date:
        return end_of_month(add_months(awarded_on.replace(day=1), cls.VALIDITY_MONTHS[level]))

    def compute_expires_on(self) -> datetime.date:
        return self.valid_until or self.rule_valid_until(self.level, self.awarded_on)

    def save(self, *args, **kwargs) -> None:
        self.expires_on = self.compute_expires_on()
        super().save(*args, **kwargs)

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.awarded_on <= day <= self.compute_expires_on()

    @property
    def rank(self) -> int:
        return self.LEVEL_RANK[self.level]


class ClusterPageQuerySet(PageQuerySet):
    def with_valid_label(self, day: datetime.date, level: str | None = None) -> "ClusterPageQuerySet":
        labels = QualityLabel.objects.valid_on(day)
        if level:
            labels = labels.filter(level=level)
        return self.filter(pk__in=labels.values("page_id"))


class ClusterPage(IntroMixin, BodyMixin, Page):
    """A cluster's profile in the directory."""

    sectors = ParentalManyToManyField(
        "snippets.Sector", blank=True, verbose_name=_("sectors"), related_name="clusters"
    )
    country = models.ForeignKey(
        "snippets.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    cluster_manager = models.ForeignKey(
        "snippets.Person",
        verbose_name=_("cluster manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    member_organisations = ParentalManyToManyField(
        "snippets.Organisation", blank=True, verbose_name=_("member organisations"), related_name="cluster_memberships"
    )
    network_memberships = ParentalManyToManyField(
        "snippets.Organisation",
        blank=True,
        verbose_name=_("network memberships"),
        related_name="member_clusters",
        limit_choices_to={"kind": "network"},
        help_text=_("Networks the cluster belongs to (organisations of the kind 'network')."),
    )

    objects = PageManager.from_queryset(ClusterPageQuerySet)()

    parent_page_types = ["pages.ClusterIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("sectors"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("city"), FieldPanel("region")]),
                FieldPanel("founded_year"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cluster_manager"),
                FieldRowPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("logo"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("quality_labels", label=_("Quality labels")),
        FieldPanel("member_organisations"),
        FieldPanel("network_memberships"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("city"),
        index.SearchField("region"),
    ]
    override_translatable_fields = [
        SynchronizedField("sectors"),
        SynchronizedField("member_organisations"),
        SynchronizedField("network_memberships"),
        SynchronizedField("phone"),
    ]

    # Fields of Wagtail's stock API v2 (/api/v2/); the typed API v1 lives in api/.
    api_fields = [
        "intro",
        "sectors",
        "country",
        "city",
        "region",
        "founded_year",
        "website",
        "email",
        "phone",
        "logo",
        "latitude",
        "longitude",
        "cluster_manager",
        "quality_labels",
        "member_organisations",
        "network_memberships",
        "body",
    ]

    class Meta:
        verbose_name = _("cluster profile")
        verbose_name_plural = _("cluster profiles")

    def label_on(self, day: datetime.date) -> QualityLabel | None:
        """The highest label valid on ``day``, derived from the labels inline."""
        valid = [label for label in self.quality_labels.all() if label.is_valid_on(day)]
        return max(valid, key=lambda label: (label.rank, label.awarded_on), default=None)

    @property
    def current_label(self) -> QualityLabel | None:
        return self.label_on(timezone.localdate())


class ClusterIndexPage(ListingPageMixin, IntroMixin, Page):
    """The cluster directory, by sector, country and valid quality label."""

    listing_model = ClusterPage
    paginate_by = 24
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ClusterPage"]
    max_count_per_parent = 1  # one directory per language site

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = _("cluster directory")

    @property
    def filterset_class(self):
        from pages.filters import ClusterFilter

        return ClusterFilter

    def get_listing_queryset(self, request):
        return (
            super()
            .get_listing_queryset(request)
            .select_related("country", "logo")
            .prefetch_related("quality_labels")
            .order_by("title")
        )
