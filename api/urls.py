"""The JSON API: /api/v1/ (ours, documented) and /api/v2/ (Wagtail's stock API)."""

from django.urls import include, path, re_path

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

from preview.views import PreviewView
from sync.views import SyncView

from . import other_views, snippet_views, v2, views
from .errors import not_found
from .schema import EnglishSchemaView

app_name = "api"


def typed(prefix: str, viewset: type) -> list:
    return [
        path(f"{prefix}/", viewset.as_view({"get": "list"}), name=f"{prefix}-list"),
        path(f"{prefix}/<int:pk>/", viewset.as_view({"get": "retrieve"}), name=f"{prefix}-detail"),
        path(f"{prefix}/by-slug/<str:slug>/", viewset.as_view({"get": "retrieve_by_slug"}), name=f"{prefix}-slug"),
        # The old slug address (same template as {id}, which OpenAPI forbids): a 301, not in the schema.
        path(f"{prefix}/<str:slug>/", views.slug_redirect, {"prefix": prefix}, name=f"{prefix}-slug-redirect"),
    ]


v1_patterns = [
    *typed("news", views.NewsViewSet),
    *typed("events", views.EventViewSet),
    *typed("galleries", views.GalleryViewSet),
    *typed("clusters", views.ClusterViewSet),
    *typed("projects", views.ProjectViewSet),
    *typed("sectors", snippet_views.SectorViewSet),
    *typed("countries", snippet_views.CountryViewSet),
    *typed("organisations", snippet_views.OrganisationViewSet),
    *typed("people", snippet_views.PersonViewSet),
    path("pages/resolve/", other_views.ResolveViewSet.as_view({"get": "resolve"}), name="pages-resolve"),
    path("images/<str:pk>/", other_views.ImageViewSet.as_view({"get": "retrieve"}), name="images-detail"),
    path("documents/<str:pk>/", other_views.DocumentViewSet.as_view({"get": "retrieve"}), name="documents-detail"),
    path("search/", other_views.SearchViewSet.as_view({"get": "list"}), name="search"),
    path("locales/", other_views.LocaleViewSet.as_view({"get": "list"}), name="locales"),
    path("sync/", SyncView.as_view(), name="sync"),
    path("preview/", PreviewView.as_view(), name="preview"),
    path("schema/", EnglishSchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:v1:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:v1:schema"), name="redoc"),
]

urlpatterns = [
    path("v1/", include((v1_patterns, "v1"))),
    path("v2/", include((v2.router.get_urlpatterns(), "wagtailapi_v2"))),
    # Any other /api/ address: a problem+json 404, not the site's HTML page.
    re_path(r"^.*$", not_found),
]
