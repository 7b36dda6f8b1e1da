import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import BodyMixin, HeroImageMixin, IntroMixin, ListingPageMixin, with_listing_images


class ProjectPageQuerySet(PageQuerySet):
    def active_on(self, day: datetime.date) -> "ProjectPageQuerySet":
        """Projects running on ``day``; an open end date means still running."""
        return self.filter(Q(start_date__lte=day) | Q(start_date__isnull=True)).filter(
            Q(end_date__gte=day) | Q(end_date__isnull=True)
        )


class ProjectPage(IntroMixin, HeroImageMixin, BodyMixin, Page):
    """A (usually EU-funded) project, with its partners and period.

    Events and news name their project; the project page lists them.
    """

    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    programme = models.ForeignKey(
        "snippets.FundingProgramme",
        verbose_name=_("funding programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reference_number = models.CharField(_("reference number"), max_length=120, blank=True)
    lead_partner = models.ForeignKey(
        "snippets.Organisation",
        verbose_name=_("lead partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partners = ParentalManyToManyField(
        "snippets.Organisation", blank=True, verbose_name=_("partners"), related_name="projects"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_eur = models.DecimalField(_("budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = PageManager.from_queryset(ProjectPageQuerySet)()

    parent_page_types = ["pages.ProjectIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("acronym"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldPanel("reference_number"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("budget_eur"),
                FieldPanel("lead_partner"),
                FieldPanel("partners"),
                FieldPanel("website"),
            ],
            heading=_("Funding and partners"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("acronym"),
    ]
    override_translatable_fields = [
        SynchronizedField("partners"),
        SynchronizedField("acronym"),
        SynchronizedField("reference_number"),
    ]

    # Fields of Wagtail's stock API v2 (/api/v2/); the typed API v1 lives in api/.
    api_fields = [
        "acronym",
        "intro",
        "hero_image",
        "programme",
        "reference_number",
        "lead_partner",
        "partners",
        "start_date",
        "end_date",
        "budget_eur",
        "website",
        "body",
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})

    def is_active_on(self, day: datetime.date) -> bool:
        started = self.start_date is None or self.start_date <= day
        not_ended = self.end_date is None or day <= self.end_date
        return started and not_ended


class ProjectIndexPage(ListingPageMixin, IntroMixin, Page):
    listing_model = ProjectPage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ProjectPage"]
    max_count_per_parent = 1  # one projects section per language site

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = _("project index")

    def get_listing_queryset(self, request):
        return with_listing_images(super().get_listing_queryset(request)).order_by("-start_date", "title")
