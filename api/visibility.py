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

from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
    TranslatableMixin,
)


def _restricted_ancestor(outer_path: str, restriction_model: type[Model], tree_field: str) -> Exists:
    """True when a restriction sits on the row's tree node or one of its ancestors.

    Treebeard paths are prefixes of their descendants' paths, so "restricted
    node's path is a prefix of mine" is one correlated subquery: no extra
    round trip, and the query count does not depend on how many restrictions exist.
    """
    path = f"{tree_field}__path"
    restrictions = restriction_model.objects.annotate(
        _prefix=Substr(OuterRef(outer_path), 1, Length(path)),
    ).filter(**{path: F("_prefix")})
    return Exists(restrictions)


def _site_roots() -> QuerySet:
    """The default site's root page and its translations (one root per locale)."""
    site_roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
    return Page.objects.filter(translation_key__in=site_roots)


def public_pages(model: type[Page] = Page, locale: Locale | None = None) -> QuerySet:
    """Live, public, current pages of ``model`` in the default site, optionally of one locale."""
    now = timezone.now()
    in_site = Exists(
        _site_roots().annotate(_prefix=Substr(OuterRef("path"), 1, Length("path"))).filter(path=F("_prefix"))
    )
    queryset = (
        model.objects.filter(live=True)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now), expired=False)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(in_site)
        .exclude(_restricted_ancestor("path", PageViewRestriction, "page"))
    )
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


def public_images() -> QuerySet:
    model = get_image_model()
    return model.objects.exclude(_restricted_ancestor("collection__path", CollectionViewRestriction, "collection"))


def public_documents() -> QuerySet:
    model = get_document_model()
    return model.objects.exclude(_restricted_ancestor("collection__path", CollectionViewRestriction, "collection"))


def public_collections() -> QuerySet:
    return Collection.objects.exclude(_restricted_ancestor("path", CollectionViewRestriction, "collection"))


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
