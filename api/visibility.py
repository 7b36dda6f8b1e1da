"""The one gate that decides what the public API may show.

Every endpoint, search, resolve and the Wagtail v2 mount build their querysets
from the functions here, so a visibility rule is fixed in one place.

A page is visible when it is live, has no view restriction (password, login or
groups) on itself or an ancestor, has not expired, has no ``go_live_at`` in the
future, and sits under the default site's root page (or a translation of it).
Fields are always read from the page row, i.e. the published content, never
from the latest revision. Images and documents are visible unless their
collection or an ancestor collection has a view restriction.
"""

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
    TranslatableMixin,
)


def _gate_paths() -> dict[str, list[str]]:
    """Tree paths the gate filters on: site roots, restricted pages, restricted collections.

    Read once and kept in the cache under the content generation (api.cache),
    which every save or delete of a page, site, restriction or collection bumps;
    so a list is filtered with plain ``path LIKE 'prefix%'`` conditions instead
    of correlated subqueries evaluated for every row.
    """
    from . import cache as content_cache

    key = f"api:v1:gate:{content_cache.generation()}"
    paths = content_cache.cache.get(key)
    if paths is None:
        site_roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
        paths = {
            "roots": list(Page.objects.filter(translation_key__in=site_roots).values_list("path", flat=True)),
            "pages": list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct()),
            "collections": list(
                CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct()
            ),
        }
        content_cache.cache.set(key, paths, content_cache.timeout() or 60)
    return paths


def _under_any(field: str, prefixes: list[str]) -> Q:
    """Rows whose tree path starts with one of ``prefixes`` (the node itself or a descendant)."""
    condition = Q(pk__in=[])
    for prefix in prefixes:
        condition |= Q(**{f"{field}__startswith": prefix})
    return condition


def _site_roots() -> QuerySet:
    """The default site's root page and its translations (one root per locale)."""
    site_roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
    return Page.objects.filter(translation_key__in=site_roots)


def public_pages(model: type[Page] = Page, locale: Locale | None = None) -> QuerySet:
    """Live, public, current pages of ``model`` in the default site, optionally of one locale."""
    now = timezone.now()
    paths = _gate_paths()
    queryset = (
        model.objects.filter(live=True)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now), expired=False)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(_under_any("path", paths["roots"]))
    )
    if paths["pages"]:
        queryset = queryset.exclude(_under_any("path", paths["pages"]))
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def public_pages_with_fallback(model: type[Page], locale: Locale, source: Locale) -> QuerySet:
    """Pages in ``locale``, plus source-locale pages that have no visible translation in it."""
    if locale == source:
        return public_pages(model, locale)
    translated = public_pages(Page, locale).filter(translation_key=OuterRef("translation_key"))
    return public_pages(model).filter(Q(locale=locale) | (Q(locale=source) & ~Exists(translated)))


def is_public_page(page: Page) -> bool:
    return public_pages(Page).filter(pk=page.pk).exists()


def _public_media(model: type[Model]) -> QuerySet:
    restricted = _gate_paths()["collections"]
    if not restricted:
        return model.objects.all()
    return model.objects.exclude(_under_any("collection__path", restricted))


def public_images() -> QuerySet:
    return _public_media(get_image_model())


def public_documents() -> QuerySet:
    return _public_media(get_document_model())


def public_snippets(model: type[TranslatableMixin], locale: Locale | None = None) -> QuerySet:
    """Snippets that are published (if they have drafts at all), optionally of one locale."""
    queryset = model.objects.all()
    if any(field.name == "live" for field in model._meta.concrete_fields):
        queryset = queryset.filter(live=True)
        if any(field.name == "expired" for field in model._meta.concrete_fields):
            queryset = queryset.filter(expired=False)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset
