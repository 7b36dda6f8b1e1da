from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin

from .base import LISTING_RENDITIONS, IntroMixin, ListingPageMixin


class GalleryImage(TranslatableMixin, Orderable):
    """One photo of a gallery, in the order editors give."""

    page = ParentalKey("pages.GalleryPage", on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Defaults to the caption."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("alt_text"), FieldPanel("credit")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery image")

    @property
    def alt(self) -> str:
        return self.alt_text or self.caption or self.image.title


class GalleryPage(IntroMixin, Page):
    """An ordered set of photos, usually of one event."""

    date = models.DateField(_("date"), null=True, blank=True)
    event = models.ForeignKey(
        "pages.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="galleries",
        help_text=_("The event these photos are from; the event page links back here."),
    )

    parent_page_types = ["pages.GalleryIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("event"),
        FieldPanel("intro"),
        InlinePanel("gallery_images", label=_("Photos"), min_num=1),
    ]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    # Fields of Wagtail's stock API v2 (/api/v2/); the typed API v1 lives in api/.
    api_fields = [
        "date",
        "event",
        "intro",
        "gallery_images",
    ]

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")

    @property
    def cover(self) -> GalleryImage | None:
        """The first photo, used in listings."""
        # all() rather than first(), so that a prefetched list is used.
        return next(iter(self.gallery_images.all()), None)


class GalleryIndexPage(ListingPageMixin, IntroMixin, Page):
    listing_model = GalleryPage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.GalleryPage"]
    max_count_per_parent = 1  # one gallery section per language site

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        verbose_name = _("gallery index")

    def get_listing_queryset(self, request):
        # Prefetch (not select_related) the image: a select_related image is
        # already cached, so its renditions would never be prefetched.
        images = GalleryImage.objects.prefetch_related(
            Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS))
        )
        return (
            super()
            .get_listing_queryset(request)
            .prefetch_related(Prefetch("gallery_images", queryset=images))
            .order_by("-date", "-first_published_at")
        )
