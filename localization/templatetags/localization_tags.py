"""Template tags for the bilingual public site.

- ``bcp47``: a Django language code as a BCP 47 tag for ``lang``/``hreflang``.
- ``language_links``: the language switcher, one entry per language.
- ``hreflang_links``: ``<link rel="alternate">`` data for live translations.
- ``localized_list``: many-to-many relations shown in the reader's language.
- ``fallback_notice``: for a page shown in a language it has no translation in,
  its content language and the notice to show ("available only in Serbian").
- ``listing_url``: a listing item's URL, the fallback URL for untranslated items.

The page's versions come from one query per request, shared by the switcher
and the hreflang links.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from security.visibility import public_snippets, published

register = template.Library()

# Request attribute under which a page's versions are kept for the request.
_VERSIONS_ATTR = "_localization_page_versions"


@register.filter
def bcp47(language_code: str) -> str:
    """Turn a Django language code into a BCP 47 tag: ``sr-latn`` -> ``sr-Latn``, ``en-gb`` -> ``en-GB``.

    Django and Wagtail use lower-case codes; browsers, screen readers and search
    engines expect the script subtag in title case and the region in upper case.
    """
    if not language_code:
        return ""
    first, *rest = str(language_code).replace("_", "-").split("-")
    subtags = [first.lower()]
    for subtag in rest:
        if len(subtag) == 4 and subtag.isalpha():
            subtags.append(subtag.title())
        elif (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            subtags.append(subtag.upper())
        else:
            subtags.append(subtag.lower())
    return "-".join(subtags)


def active_content_language() -> str:
    """The active language as a Wagtail content language code (as stored on Locale)."""
    try:
        return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def page_versions(request: HttpRequest | None, page: Page) -> dict[str, Page]:
    """The page and its live translations, keyed by language code, from one query.

    The page itself is always included (it may be a draft shown in preview).
    The result is kept on the request so the switcher and hreflang share it.
    """
    cache: dict[int, dict[str, Page]] = getattr(request, _VERSIONS_ATTR, None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            setattr(request, _VERSIONS_ATTR, cache)
    if page.pk in cache:
        return cache[page.pk]

    versions: dict[str, Page] = {}
    own_language = None
    for version in published(Page.objects.filter(translation_key=page.translation_key)).select_related("locale"):
        if version.pk == page.pk:
            own_language = version.locale.language_code
        else:
            versions[version.locale.language_code] = version
    # The page being shown wins over its stored row (it may carry preview changes).
    versions[own_language or page.locale.language_code] = page
    cache[page.pk] = versions
    return versions


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    language_code: str  # Django/Wagtail code, e.g. "sr-latn"
    lang: str  # BCP 47 tag, e.g. "sr-Latn"
    name: str  # the language's name in that language
    label: str  # what the link says, in that language
    url: str
    is_current: bool
    is_fallback: bool  # no translation: the link leads to the source-language page
    link_lang: str  # BCP 47 tag of the page the link leads to (for hreflang)


def _language_name(language_code: str) -> str:
    """The language's name in its own script, as settings.LANGUAGES spells it
    (Srpski / Српски / English), else Django's local name."""
    name = dict(settings.LANGUAGES).get(language_code)
    return str(name) if name else capfirst(get_language_info(language_code)["name_local"])


def _fallback_label(language_code: str, source_language_code: str) -> str:
    """E.g. "English (page only in Serbian)", said in the language being offered."""
    base_language = source_language_code.split("-")[0]
    with translation.override(language_code):
        try:
            source_name = gettext(get_language_info(base_language)["name"])
        except KeyError:
            source_name = gettext(get_language_info(source_language_code)["name"])
        return gettext("%(language)s (page only in %(source_language)s)") % {
            "language": _language_name(language_code),
            "source_language": source_name,
        }


def _language_root_url(language_code: str) -> str:
    with translation.override(language_code):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return f"/{language_code}/"


def _fallback_urls(request: HttpRequest | None, source: Page) -> dict[str, str]:
    """URLs at which the translated indexes of ``source``'s parent show ``source``
    (see ListingPageMixin.route), by language code. Two queries, none for pages
    that cannot live under a listing."""
    from pages.models import ListingPageMixin

    page_class = source.specific_class
    if page_class is None or not any(
        issubclass(parent, ListingPageMixin) for parent in page_class.allowed_parent_page_models()
    ):
        return {}
    parent_key = Page.objects.filter(path=source.path[: -source.steplen]).values("translation_key")[:1]
    versions = (
        published(Page.objects.filter(translation_key__in=parent_key))
        .exclude(locale_id=source.locale_id)
        .select_related("locale")
        .specific()
    )
    return {
        version.locale.language_code: version.fallback_url(source, request)
        for version in versions
        if isinstance(version, ListingPageMixin)
    }


@register.simple_tag(takes_context=True)
def language_links(context: template.Context, page: Page | None = None) -> list[LanguageLink]:
    """The language switcher: for each language in ``settings.LANGUAGES``, a link
    to the live translation of ``page`` (default: the context's ``page``).

    Where a language has no live translation, the link leads to the page in the
    source language (the default locale's version, else the page itself) and its
    label says so, e.g. "English (page only in Serbian)". Without a page (404,
    snippet preview) the links lead to each language's home page.
    One query for all languages.
    """
    request = context.get("request")
    page = page if page is not None else context.get("page")
    current = active_content_language()
    links = []
    if not isinstance(page, Page) or page.pk is None:
        for code, _name in settings.LANGUAGES:
            links.append(
                LanguageLink(
                    language_code=code,
                    lang=bcp47(code),
                    name=_language_name(code),
                    label=_language_name(code),
                    url=_language_root_url(code),
                    is_current=code == current,
                    is_fallback=False,
                    link_lang=bcp47(code),
                )
            )
        return links

    versions = page_versions(request, page)
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    source_code = default_code if default_code in versions else page.locale.language_code
    source = versions.get(source_code, page)
    fallback_urls = _fallback_urls(request, source) if source_code == default_code else {}
    for code, _name in settings.LANGUAGES:
        version = versions.get(code)
        if version is not None:
            target, label, is_fallback, target_code = version, _language_name(code), False, code
            url = target.get_url(request) or ""
        else:
            target, label, is_fallback, target_code = source, _fallback_label(code, source_code), True, source_code
            # Under the language's own index when it has one (interface in that
            # language, content marked as Serbian), else the Serbian page itself.
            url = fallback_urls.get(code) or target.get_url(request) or ""
        links.append(
            LanguageLink(
                language_code=code,
                lang=bcp47(code),
                name=_language_name(code),
                label=label,
                url=url,
                is_current=code == current,
                is_fallback=is_fallback,
                link_lang=bcp47(target_code),
            )
        )
    return links


@register.simple_tag(takes_context=True)
def hreflang_links(context: template.Context, page: Page | None = None) -> list[dict[str, str]]:
    """``[{"hreflang": "sr-Latn", "url": "https://..."}, ...]`` for the page and its
    real, live translations (never for fallbacks), plus ``x-default`` pointing at
    the source-language version. Empty for a page with no URL (e.g. a preview)."""
    request = context.get("request")
    page = page if page is not None else context.get("page")
    if not isinstance(page, Page) or page.pk is None:
        return []
    versions = page_versions(request, page)
    if len(versions) < 2:
        # A page in one language only has no alternates to announce.
        return []
    links = []
    for code, _name in settings.LANGUAGES:
        version = versions.get(code)
        url = version.get_full_url(request) if version is not None else None
        if url:
            links.append({"hreflang": bcp47(code), "url": url})
    default_version = versions.get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    default_url = default_version.get_full_url(request) if default_version is not None else None
    if default_url:
        links.append({"hreflang": "x-default", "url": default_url})
    return links


@register.filter
def localized_list(objects: Any) -> list[Any]:
    """Map translatable objects to their public versions in the active locale.

    Many-to-many relations are synchronised from the source page, so in every
    translation they point at the source-locale (Serbian) objects. This looks
    the translations up with one query per model (by translation key) and
    falls back to the object itself where there is none. Objects that are not
    public by the visibility rule (draft snippets, pages that are not live,
    expired or restricted) are left out. Accepts a list, a queryset or a manager.
    """
    if objects is None or objects == "":
        return []
    if hasattr(objects, "all") and callable(objects.all):
        objects = objects.all()
    items = list(objects) if isinstance(objects, Iterable) else [objects]
    if not items:
        return []

    language = active_content_language()
    keys_by_model: dict[type, set] = defaultdict(set)
    for item in items:
        if getattr(item, "translation_key", None) is not None:
            keys_by_model[type(item)].add(item.translation_key)

    translations: dict[tuple[type, Any], Any] = {}
    public: set[tuple[type, Any]] = set()
    for model, keys in keys_by_model.items():
        if issubclass(model, Page):
            queryset = published(model._default_manager.filter(translation_key__in=keys))
        else:
            queryset = public_snippets(model).filter(translation_key__in=keys)
        for found in queryset.annotate(language_code=F("locale__language_code")):
            public.add((model, found.pk))
            if found.language_code == language:
                translations[(model, found.translation_key)] = found

    result = []
    for item in items:
        key = getattr(item, "translation_key", None)
        if key is None:
            result.append(item)
            continue
        localized = translations.get((type(item), key))
        if localized is None:
            if (type(item), item.pk) not in public:
                continue
            localized = item
        result.append(localized)
    return result


@dataclass(frozen=True)
class FallbackNotice:
    """A page shown in a language it has not been translated into."""

    content_lang: str  # BCP 47 tag of the page's content, e.g. "sr-Latn"
    lang: str  # BCP 47 tag of the notice itself (the reader's language)
    text: str  # the notice above the content
    short: str  # the label on a listing card


@register.simple_tag(takes_context=True)
def fallback_notice(context: template.Context, page: Any) -> FallbackNotice | None:
    """The notice for ``page`` if its content is not in the active language, else None.

    The source language is always Serbian (Latin), so the notice names it: an
    English reader learns the page is only in Serbian; a Cyrillic reader that it
    is only in the Latin script.
    """
    if not isinstance(page, Page) or page.locale_id is None:
        return None
    reader = active_content_language()
    # A listing item carries its language (see ListingPageMixin.mark_fallbacks); the
    # page being shown gets it from the versions query the switcher shares.
    content = getattr(page, "content_lang", None)
    if content is None and page.pk is not None and page is context.get("page"):
        versions = page_versions(context.get("request"), page)
        content = next((code for code, version in versions.items() if version is page), None)
    content = content or page.locale.language_code
    if content == reader:
        return None
    if reader.split("-")[0] == content.split("-")[0]:
        text = gettext("This page is not yet available in Cyrillic; it is shown in the Latin script.")
        short = gettext("Latin script only")
    elif page.specific_class is not None and page.specific_class._meta.model_name == "newspage":
        text = gettext("This article is available only in Serbian.")
        short = gettext("Only in Serbian")
    else:
        text = gettext("This page is available only in Serbian.")
        short = gettext("Only in Serbian")
    return FallbackNotice(content_lang=bcp47(content), lang=bcp47(reader), text=text, short=short)


@register.simple_tag(takes_context=True)
def listing_url(context: template.Context, page: Page) -> str:
    """A listing item's URL: its fallback URL under a translated index, else its own."""
    return getattr(page, "fallback_url", None) or page.get_url(context.get("request")) or ""
