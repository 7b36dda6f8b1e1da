"""A sitemap of every language's pages, with hreflang alternates.

Wagtail's stock sitemap lists the descendants of the site's root page only, and
the English (and Cyrillic) home pages are translations of that root, i.e. its
siblings, so their trees would be missing.
"""

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from security.visibility import public_pages

from .templatetags.localization_tags import bcp47


class LocalizedSitemap(Sitemap):
    """Public pages under every translation of the site's root page."""

    def items(self) -> QuerySet:
        # The one visibility rule: time window, restrictions (also a translation's
        # source page's), under the default site's roots in every locale.
        return public_pages(Page).select_related("locale").order_by("path").defer_streamfields().specific()

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls = super()._urls(page, protocol, domain)
        # Alternates among the listed pages: only real, live, public translations.
        items = list(self.paginator.page(page).object_list)
        versions: dict[Any, list[tuple[str, str]]] = defaultdict(list)
        locations = {}
        for item in items:
            location = item.get_full_url(self.request)
            if location:
                versions[item.translation_key].append((item.locale.language_code, location))
                locations[location] = item.translation_key
        for url in urls:
            found = versions.get(locations.get(url["location"]), [])
            if len(found) > 1:
                url["alternates"] = [{"lang_code": bcp47(code), "location": loc} for code, loc in found]
        return urls
