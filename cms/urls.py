from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.health import healthz
from localization import views as localization_views
from localization.sitemaps import LocalizedSitemap
from security import media

# Paths outside the language prefix: the health check, the API, the admin, documents,
# sitemap and feeds answer the same in every language.
urlpatterns = [
    # Load balancers' health check: first, and never under a language prefix.
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    # Every language's tree, with hreflang alternates (Wagtail's stock sitemap misses /en/).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path("feeds/", include("pages.feeds")),
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg")),
]

# Uploaded files, with DEBUG on or off, only through the view that checks the owner's
# collection restrictions (a front server passes /media/ here, see security/media.py).
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media")]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Public site, every URL under its language: /sr-latn/..., /en/...
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = localization_views.page_not_found
handler500 = localization_views.server_error
