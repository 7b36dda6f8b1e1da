"""Checked serving of uploaded files under /media/ (MEDIA_URL).

Every file under /media/ belongs to a Wagtail object: a document (documents/), an
original image (original_images/) or a rendition of one (images/). Before a file is
sent, this view finds its owner in one query, together with whether the owner's
collection (or an ancestor) carries a view restriction:

- documents are never sent from here: /media/documents/<name> redirects to Wagtail's
  serve view /documents/<id>/<name>, which applies the collection's restriction
  (login, password or groups; the ``before_serve_document`` hook) and its headers
  (attachment, nosniff, CSP). Old /media/ links keep working for whoever may see them.
- images and renditions of a public collection are sent with ``Cache-Control: public``;
- images and renditions of a restricted collection are sent only to a request that
  passes every restriction (``CollectionViewRestriction.accept_request``, as Wagtail does
  for documents) or to a user who may choose or change the image in the admin (editors
  see thumbnails), with ``Cache-Control: private, no-store``; anyone else gets a 404;
- any other path (unknown files, Wagtail's temporary uploads, traversal) is a 404.

The file itself is sent by ``django.views.static.serve`` (Content-Type, Last-Modified,
If-Modified-Since), or, with ``MEDIA_X_ACCEL_REDIRECT`` set, handed to nginx through an
``X-Accel-Redirect`` header to an ``internal`` location.
"""

import mimetypes
import posixpath
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db.models import Exists, F, Model, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views import static
from django.views.decorators.http import require_safe

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry

DOCUMENTS_DIR = "documents/"
ORIGINAL_IMAGES_DIR = "original_images/"
RENDITIONS_DIR = "images/"


def _restricted(collection_path: str) -> Exists:
    """True when the collection at ``collection_path`` (an outer reference) or one of its
    ancestors has a view restriction: treebeard paths of ancestors are prefixes."""
    restrictions = CollectionViewRestriction.objects.annotate(
        outer_prefix=Substr(OuterRef(collection_path), 1, Length("collection__path"))
    ).filter(collection__path=F("outer_prefix"))
    return Exists(restrictions)


def _clean_path(path: str) -> str:
    """The path as stored in a FileField, or 404 for anything that is not plainly one."""
    if not path or "\x00" in path or "\\" in path or path.startswith("/") or posixpath.normpath(path) != path:
        raise Http404("Not found.")
    return path


def _may_see_restricted_image(request: HttpRequest, image: Model) -> bool:
    """Whether the request passes the restrictions of the image's collection.

    An anonymous visitor who has passed no password restriction fails every kind of
    restriction, so the common refusal costs no further query.
    """
    if not request.user.is_authenticated and not request.session.get(
        CollectionViewRestriction.passed_view_restrictions_session_key
    ):
        return False
    policy = policy_registry.get_by_type(get_image_model())
    if policy.user_has_any_permission_for_instance(request.user, ["choose", "change"], image):
        return True
    collection: Collection = image.collection
    return all(restriction.accept_request(request) for restriction in collection.get_view_restrictions())


def _send(request: HttpRequest, path: str) -> HttpResponse:
    accel_prefix = getattr(settings, "MEDIA_X_ACCEL_REDIRECT", "")
    if accel_prefix:
        content_type, _ = mimetypes.guess_type(path)
        response = HttpResponse(content_type=content_type or "application/octet-stream")
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + quote(path)
        return response
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)


def _owner(queryset: QuerySet, path: str, collection_path: str) -> Any:
    owner = queryset.filter(file=path).annotate(restricted=_restricted(collection_path)).first()
    if owner is None:
        raise Http404("Not found.")
    return owner


@require_safe
def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Serve the file at MEDIA_ROOT/``path`` if its collection lets this request see it.

    Unknown files and refusals get the same plain 404, so that a refusal does not tell
    that a private file exists, and no shared cache keeps it for someone who may see it.
    """
    try:
        return _serve(request, path)
    except Http404:
        response = HttpResponse("Not found.", status=404, content_type="text/plain; charset=utf-8")
        patch_cache_control(response, private=True, no_store=True)
        return response


def _serve(request: HttpRequest, path: str) -> HttpResponse:
    path = _clean_path(path)

    if path.startswith(DOCUMENTS_DIR):
        document_id = get_document_model().objects.filter(file=path).values_list("pk", flat=True).first()
        if document_id is None:
            raise Http404("Not found.")
        return HttpResponseRedirect(reverse("wagtaildocs_serve", args=(document_id, posixpath.basename(path))))

    if path.startswith(ORIGINAL_IMAGES_DIR):
        image = _owner(get_image_model().objects.select_related("collection"), path, "collection__path")
        restricted = image.restricted
    elif path.startswith(RENDITIONS_DIR):
        rendition_model = get_image_model().get_rendition_model()
        rendition = _owner(
            rendition_model.objects.select_related("image__collection"), path, "image__collection__path"
        )
        image, restricted = rendition.image, rendition.restricted
    else:
        raise Http404("Not found.")

    if restricted and not _may_see_restricted_image(request, image):
        raise Http404("Not found.")

    response = _send(request, path)
    if restricted:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    else:
        patch_cache_control(response, public=True, max_age=getattr(settings, "MEDIA_PUBLIC_CACHE_SECONDS", 3600))
    return response
