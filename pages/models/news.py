from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import AttachedDocument, BodyMixin, HeroImageMixin, IntroMixin, ListingPageMixin, with_listing_images


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPageDocument(AttachedDocument):
    page = ParentalKey("pages.NewsPage", on_delete=models.CASCADE, related_name="documents")


class NewsPage(HeroImageMixin, BodyMixin, Page):
    """A news article."""

    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(_("lead"), help_text=_("The opening paragraph, shown in listings and feeds."))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    sectors = ParentalManyToManyField("snippets.Sector", blank=True, verbose_name=_("sectors"), related_name="news")
    related_clusters = ParentalManyToManyField(
        "pages.ClusterPage", blank=True, verbose_name=_("related clusters"), related_name="news"
    )
    related_organisations = ParentalManyToManyField(
        "snippets.Organisation", blank=True, verbose_name=_("related organisations"), related_name="news"
    )
    project = models.ForeignKey(
        "pages.ProjectPage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Attached documents")),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("sectors"),
                FieldPanel("related_clusters"),
                FieldPanel("related_organisations"),
                FieldPanel("project"),
            ],
            heading=_("Classification and relations"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        *BodyMixin.search_fields,
        index.FilterField("date"),
    ]
    # wagtail-localize skips many-to-many fields; synchronise them so a
    # translation shows the same relations (they point at source-locale
    # objects and are localized when shown).
    override_translatable_fields = [
        SynchronizedField("sectors"),
        SynchronizedField("related_clusters"),
        SynchronizedField("related_organisations"),
    ]

    # Fields of Wagtail's stock API v2 (/api/v2/); the typed API v1 lives in api/.
    api_fields = [
        "date",
        "lead",
        "hero_image",
        "body",
        "tags",
        "sectors",
        "related_clusters",
        "related_organisations",
        "project",
        "documents",
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]

    @property
    def intro(self) -> str:
        return self.lead


class NewsIndexPage(ListingPageMixin, IntroMixin, Page):
    """The news listing, filterable by sector, tag and year."""

    listing_model = NewsPage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]
    max_count_per_parent = 1  # one news section per language site

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = _("news index")

    @property
    def filterset_class(self):
        from pages.filters import NewsFilter

        return NewsFilter

    def get_listing_queryset(self, request):
        return with_listing_images(super().get_listing_queryset(request)).order_by("-date", "-pk")
