from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .base import BodyMixin, HeroImageMixin, IntroMixin, published


class HomePage(IntroMixin, HeroImageMixin, BodyMixin, Page):
    """The root of one language's site; each locale has its own translation."""

    # No max_count: every locale's home page is a HomePage under the root, so
    # the count grows with the languages. The tree rule below keeps it tidy.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.NewsIndexPage",
        "pages.EventIndexPage",
        "pages.GalleryIndexPage",
        "pages.ClusterIndexPage",
        "pages.ProjectIndexPage",
        "pages.StandardPage",
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, *BodyMixin.search_fields]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .events import EventPage
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = published(NewsPage.objects.descendant_of(self)).order_by("-date")[:3]
        context["upcoming_events"] = published(EventPage.objects.descendant_of(self)).upcoming()[:3]
        return context
