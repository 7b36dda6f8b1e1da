"""Wagtail's stock API v2 at /api/v2/, behind the same visibility gate as v1.

For Wagtail-ecosystem clients. Pages, images and documents come from
api.visibility, so a draft, private, expired or scheduled page, or an image or
document in a private collection, is as invisible here as in v1.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from .visibility import public_documents, public_images, public_pages


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Wrapped in pk__in: Wagtail's search backend only accepts filters on indexed fields.
        return Page.objects.filter(pk__in=public_pages().values("pk"))


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return public_images().order_by("id")


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return public_documents().order_by("id")


# Namespaced under "api:" because api/urls.py is included with app_name "api".
router = WagtailAPIRouter("api:wagtailapi_v2")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)
