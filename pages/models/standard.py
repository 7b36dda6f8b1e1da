from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .base import BodyMixin, HeroImageMixin, IntroMixin


class StandardPage(IntroMixin, HeroImageMixin, BodyMixin, Page):
    """A plain content page: about us, membership, contact."""

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, *BodyMixin.search_fields]

    class Meta:
        verbose_name = _("standard page")
