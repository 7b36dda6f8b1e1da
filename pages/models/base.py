"""Small mixins that page types combine. Each one documents what it adds.

- IntroMixin: a short plain-text introduction, used in listings, feeds and
  meta descriptions.
- BodyMixin: the shared StreamField body (see pages/blocks.py).
- HeroImageMixin: an optional image at the top and in listings.
- ListingPageMixin: paginated, filterable listing of child pages for index
  pages; subclasses say which model, filters and ordering.
"""

from typing import Any

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult

from pages.blocks import BodyBlock
from security.visibility import published as visible

# Renditions the listing templates ask for; prefetched in one query per list.
# Keep equal to the expansion of the {% picture %} specs in
# templates/includes/listing_picture.html: fill-{480x300,960x600} format-{webp,jpeg}.
LISTING_RENDITIONS = [
    "fill-480x300|format-webp",
    "fill-480x300|format-jpeg",
    "fill-960x600|format-webp",
    "fill-960x600|format-jpeg",
]


class IntroMixin(models.Model):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown in listings and search results."),
    )

    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


class HeroImageMixin(models.Model):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page and in listings. Landscape, at least 1200 px wide."),
    )

    class Meta:
        abstract = True


def published(queryset: QuerySet) -> QuerySet:
    """Public pages of ``queryset`` by the one visibility rule (security.visibility):
    live, inside their go-live/expiry window even before the scheduler has run,
    and neither they, an ancestor, nor (for a translation) their Serbian source
    or its ancestors restricted. Constant queries: the restricted paths are cached."""
    return visible(queryset)


def with_listing_images(queryset: QuerySet, field: str = "hero_image") -> QuerySet:
    """Fetch listing images and their renditions with a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    return queryset.prefetch_related(Prefetch(field, queryset=images))


class ListingPageMixin:
    """An index page that lists its live, public children with filters and pages.

    Subclasses set ``listing_model`` and may set ``filterset_class`` and
    override ``get_listing_queryset``. Bad filter values are shown as form
    errors and ignored; a page number out of range shows the nearest page.

    Source-language fallback: an index page in a translated locale (/en/,
    /sr-cyrl/) also lists the live, public children of its Serbian Latin
    original that have no live translation in its locale. They are served
    under this index's URL (``/en/vesti/<serbian-slug>/``, see ``route``) with
    the interface in the reader's language, the content marked
    ``lang="sr-Latn"``, a notice, and a canonical link to the Serbian URL.
    """

    listing_model: type[Page]
    filterset_class: Any = None
    paginate_by = 12

    def get_fallback_source(self) -> Page | None:
        """The live source-language (default locale) version of this index, if this
        index is a translation; None for the source itself."""
        from localization.templatetags.localization_tags import active_content_language

        default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if active_content_language() == default_code:
            # A Serbian request needs no fallback; this saves a query on every Serbian listing.
            return None
        return (
            Page.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=default_code)
            .exclude(pk=self.pk)
            .first()
        )

    def untranslated_source_children(self, source: Page) -> QuerySet:
        """Live, public children of ``source`` without a live translation in this locale."""
        translated = Page.objects.live().filter(locale_id=self.locale_id).values("translation_key")
        return published(self.listing_model.objects.child_of(source)).exclude(translation_key__in=translated)

    def get_listing_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = published(self.listing_model.objects.child_of(self))
        source = self.get_fallback_source()
        if source is not None:
            queryset = queryset | self.untranslated_source_children(source)
        return queryset

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        queryset = self.get_listing_queryset(request)
        if self.filterset_class is not None:
            filterset = self.filterset_class(request.GET or None, queryset=queryset, request=request)
            queryset = filterset.qs
            context["filterset"] = filterset
        context["listing"] = self.paginate(request, queryset)
        self.mark_fallbacks(request, context["listing"])
        return context

    def paginate(self, request: HttpRequest, queryset: QuerySet) -> PaginatorPage:
        paginator = Paginator(queryset, self.paginate_by)
        # get_page() turns "abc" into page 1 and 99999 into the last page.
        return paginator.get_page(request.GET.get("page"))

    def fallback_url(self, child: Page, request: HttpRequest | None = None) -> str:
        """Where a source-language child is shown under this (translated) index."""
        return f"{self.get_url(request)}{child.slug}/"

    def mark_fallbacks(self, request: HttpRequest, listing: PaginatorPage) -> None:
        """Give source-language items a ``fallback_url`` and ``content_lang`` for the templates."""
        fallbacks = [item for item in listing.object_list if item.locale_id != self.locale_id]
        if not fallbacks:
            return
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        url = self.get_url(request)
        for item in fallbacks:
            item.fallback_url = f"{url}{item.slug}/"
            item.content_lang = codes[item.locale_id]

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1:
                raise
        source = self.get_fallback_source()
        if source is None:
            raise Http404
        child = source.get_children().live().filter(slug=path_components[0]).specific().first()
        if child is None:
            raise Http404
        translation = child.get_translation_or_none(self.locale)
        if translation is not None and translation.live:
            # Translated since (under another slug): show the translation; its
            # canonical link names its own URL.
            return RouteResult(translation)
        # The serve view runs its hooks on the page returned here, so the Serbian
        # page's view restrictions (Wagtail's check) and the visibility rule's time
        # window (security.serving) still apply to it.
        return RouteResult(child)


class AttachedDocument(TranslatableMixin, Orderable):
    """A document attached to a page (agenda, report), with a translatable link text.

    Concrete subclasses add the ParentalKey to their page type.
    """

    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    @property
    def link_text(self) -> str:
        return self.title or self.document.title
