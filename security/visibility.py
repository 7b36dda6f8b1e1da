"""The one visibility rule for pages, images, documents and snippets.

A page is public when

- it is live, not marked expired, its ``expire_at`` (if any) is in the future and
  its ``go_live_at`` (if any) is in the past: the time rule holds before the
  scheduler has processed the page;
- neither it nor an ancestor has a view restriction (password, login, groups);
- for a translation: neither its source-locale counterpart (same
  ``translation_key`` in the default locale) nor one of that page's ancestors has
  a view restriction, so a restriction on a Serbian page covers its English and
  Cyrillic versions;
- it sits under the default site's root page or a translation of it.

Fields are read from the page row, i.e. the published content, never from the
latest revision. Images and documents are public unless their collection or an
ancestor collection has a view restriction.

The API (v1 and the v2 mount), search, resolve, the page listings, the home page,
the feeds and the sitemap filter their querysets with ``public_pages`` or
``published``; page serving (security.serving) applies ``is_current`` and
``source_view_restrictions`` to the page it is about to serve.
"""

from django.conf import settings
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils import timezone

from wagtail.coreutils import get_supported_content_language_variant
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

GATE_KEY = "security:visibility:gate"


def _outermost(paths: set[str]) -> list[str]:
    """Drop the paths that lie under another path of the set (their prefix covers them)."""
    kept: list[str] = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def _default_language_code() -> str:
    """The source locale's language code (sr-latn), read from the settings: no query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _compute_gate_paths() -> dict[str, list[str]]:
    default_code = _default_language_code()
    site_roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
    restricted = list(
        PageViewRestriction.objects.values_list("page__path", "page__translation_key", "page__locale__language_code")
    )
    prefixes = {path for path, _key, _code in restricted}
    source_prefixes = _outermost({path for path, _key, code in restricted if code == default_code})
    if source_prefixes:
        # Translations of restricted source pages: their prefixes cover their
        # subtrees too, since wagtail-localize mirrors the source tree.
        source_keys = {key for _path, key, code in restricted if code == default_code}
        prefixes |= set(
            Page.objects.filter(translation_key__in=source_keys)
            .exclude(locale__language_code=default_code)
            .values_list("path", flat=True)
        )
        # Translations whose source is under a restricted page but that sit
        # outside those subtrees (a page moved in one locale only).
        under_restricted_source = Page.objects.filter(locale__language_code=default_code).filter(
            _under_any("path", source_prefixes)
        )
        prefixes |= set(
            Page.objects.exclude(locale__language_code=default_code)
            .filter(translation_key__in=under_restricted_source.values("translation_key"))
            .exclude(_under_any("path", _outermost(prefixes)))
            .values_list("path", flat=True)
        )
    return {
        "roots": list(Page.objects.filter(translation_key__in=site_roots).values_list("path", flat=True)),
        "pages": _outermost(prefixes),
        "collections": _outermost(
            set(CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct())
        ),
    }


def gate_paths() -> dict[str, list[str]]:
    """Tree paths the rule filters on: site roots, restricted subtrees (with the
    translations of restricted source pages), restricted collections.

    Read once and kept in the cache under the content generation (api.cache),
    which every save or delete of a page, site, restriction or collection bumps;
    so a list is filtered with plain ``path LIKE 'prefix%'`` conditions, a
    constant number of queries, instead of correlated subqueries for every row.
    """
    from api import cache as content_cache

    key = f"{GATE_KEY}:{content_cache.generation()}"
    paths = content_cache.cache.get(key)
    if paths is None:
        paths = _compute_gate_paths()
        content_cache.cache.set(key, paths, content_cache.timeout() or 60)
    return paths


def _under_any(field: str, prefixes: list[str]) -> Q:
    """Rows whose tree path starts with one of ``prefixes`` (the node itself or a descendant)."""
    condition = Q(pk__in=[])
    for prefix in prefixes:
        condition |= Q(**{f"{field}__startswith": prefix})
    return condition


def current_q() -> Q:
    """The time rule as a query: live, not expired, inside its go-live/expiry window."""
    now = timezone.now()
    return (
        Q(live=True, expired=False)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
    )


def published(queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to public pages (time rule and restrictions), wherever they are."""
    queryset = queryset.filter(current_q())
    restricted = gate_paths()["pages"]
    if restricted:
        queryset = queryset.exclude(_under_any("path", restricted))
    return queryset


def site_roots() -> QuerySet:
    """The default site's root page and its translations (one root per locale)."""
    roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
    return Page.objects.filter(translation_key__in=roots)


def public_pages(model: type[Page] = Page, locale: Locale | None = None) -> QuerySet:
    """Public pages of ``model`` in the default site, optionally of one locale."""
    queryset = published(model.objects.all()).filter(_under_any("path", gate_paths()["roots"]))
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


def is_current(page: Page) -> bool:
    """The time rule for one page, without a query."""
    now = timezone.now()
    return (
        page.live
        and not page.expired
        and (page.expire_at is None or page.expire_at > now)
        and (page.go_live_at is None or page.go_live_at <= now)
    )


def source_view_restrictions(page: Page) -> list[PageViewRestriction]:
    """The view restrictions a translation inherits from its source-locale counterpart
    and that page's ancestors (none for a source page, or outside restricted paths)."""
    if not any(page.path.startswith(prefix) for prefix in gate_paths()["pages"]):
        return []  # the common case: no query
    source = Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=_default_language_code()
    ).first()
    if source is None or source.pk == page.pk:
        return []
    return list(source.get_view_restrictions())


def _public_media(model: type[Model]) -> QuerySet:
    restricted = gate_paths()["collections"]
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
