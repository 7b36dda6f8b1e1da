"""Finding 1: files of a restricted collection are never served under /media/.

A document, an original image and a rendition in a collection with a login, password
or groups restriction (on the collection itself or on an ancestor) must not reach a
visitor who has not passed the restriction, whether DEBUG is on or off, while public
files keep being served and whoever passes the restriction still gets the file.
"""

import importlib
import re
from collections.abc import Iterator
from typing import Any

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import clear_url_caches, reverse

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.factories import DocumentFactory, ImageFactory
from workflow.roles import EDITORS, setup_roles

PDF = b"%PDF-1.4\n% board minutes, not for the public\n%%EOF\n"
RESTRICTIONS = [CollectionViewRestriction.LOGIN, CollectionViewRestriction.PASSWORD, CollectionViewRestriction.GROUPS]
KINDS = ["document", "original", "rendition"]


def body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _reload_urls() -> None:
    import cms.urls

    importlib.reload(cms.urls)
    clear_url_caches()


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def debug(request: pytest.FixtureRequest, settings: Any) -> Iterator[bool]:
    """DEBUG off and on; cms/urls.py is re-imported because it reads DEBUG at import time."""
    original = django_settings.DEBUG
    settings.DEBUG = request.param
    _reload_urls()
    yield request.param
    settings.DEBUG = original
    _reload_urls()


def make_collections() -> tuple[Collection, Collection]:
    root = Collection.get_first_root_node()
    board = root.add_child(name="Upravni odbor")
    minutes = board.add_child(name="Zapisnici")
    return board, minutes


def files_in(collection: Collection) -> dict[str, Any]:
    document = DocumentFactory(collection=collection, file=ContentFile(PDF, name="zapisnik.pdf"))
    image = ImageFactory(collection=collection)
    rendition = image.get_rendition("fill-80x60")
    return {"document": document, "original": image, "rendition": rendition}


def media_url(obj: Any) -> str:
    url = obj.file.url
    assert url.startswith("/media/")
    return url


def content_of(obj: Any) -> bytes:
    with obj.file.open("rb") as f:
        return f.read()


@pytest.fixture(params=["on-collection", "on-ancestor"])
def private(request: pytest.FixtureRequest, db: Any) -> Iterator[Any]:
    """A factory: files in a collection restricted by ``restriction_type``, either on the
    collection itself or on its parent."""

    def make(restriction_type: str) -> dict[str, Any]:
        board, minutes = make_collections()
        restricted = minutes if request.param == "on-collection" else board
        restriction = CollectionViewRestriction.objects.create(
            collection=restricted, restriction_type=restriction_type, password="secret"
        )
        group = Group.objects.create(name="Članovi odbora")
        if restriction_type == CollectionViewRestriction.GROUPS:
            restriction.groups.set([group])
        return {"restriction": restriction, "group": group, **files_in(minutes)}

    yield make


def authorised_client(setup: dict[str, Any]) -> Client:
    """A visitor who passes the restriction: logged in, a member of the group, or one who
    has entered the shared password in Wagtail's password form."""
    restriction = setup["restriction"]
    client = Client()
    if restriction.restriction_type == CollectionViewRestriction.PASSWORD:
        url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
        response = client.post(url, {"password": "secret", "return_url": "/"})
        assert response.status_code == 302
    else:
        user = get_user_model().objects.create_user("member", password="password")
        user.groups.set([setup["group"]])
        client.force_login(user)
    return client


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_anonymous_visitor_never_gets_a_private_file_from_media(debug, private, restriction_type, kind):
    setup = private(restriction_type)
    obj = setup[kind]

    response = Client().get(media_url(obj), follow=True)

    assert content_of(obj) not in body(response)
    if kind == "document":
        # Sent on to Wagtail's checked view, which asks for a login or the password.
        document = setup["document"]
        assert response.redirect_chain[0] == (f"/documents/{document.id}/{document.filename}", 302)
        if restriction_type == CollectionViewRestriction.PASSWORD:
            assert response.status_code == 200
            assert b'name="password"' in body(response)
        else:
            assert "/login/" in response.redirect_chain[-1][0]
    else:
        assert response.status_code == 404
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_visitor_who_passes_the_restriction_gets_the_file(debug, private, restriction_type, kind):
    setup = private(restriction_type)
    obj = setup[kind]

    response = authorised_client(setup).get(media_url(obj), follow=True)

    assert response.status_code == 200
    assert body(response) == content_of(obj)
    if kind == "document":
        assert response["Content-Disposition"].startswith("attachment")
    else:
        assert response["Content-Type"] == "image/png"
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", ["original", "rendition"])
@pytest.mark.parametrize("restriction_type", [CollectionViewRestriction.PASSWORD, CollectionViewRestriction.GROUPS])
def test_logged_in_user_who_fails_the_restriction_gets_no_image(private, restriction_type, kind):
    setup = private(restriction_type)
    client = Client()
    client.force_login(get_user_model().objects.create_user("outsider", password="password"))

    response = client.get(media_url(setup[kind]))

    assert response.status_code == 404
    assert content_of(setup[kind]) not in body(response)


def test_editor_sees_thumbnails_of_private_images_in_the_admin(site, private):
    setup_roles()
    setup = private(CollectionViewRestriction.PASSWORD)
    editor = get_user_model().objects.create_user("editor", password="password")
    editor.groups.set([Group.objects.get(name=EDITORS)])
    client = Client()
    client.force_login(editor)

    # The image chooser of the page editor, with its thumbnails.
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    thumbnails = re.findall(r'src="(/media/images/[^"]+)"', chooser.json()["html"])
    assert thumbnails == [setup["original"].get_rendition("max-165x165").url]

    response = client.get(thumbnails[0])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert body(response) == content_of(setup["original"].get_rendition("max-165x165"))
    # ... and an anonymous visitor does not, even with the URL from the admin.
    assert Client().get(thumbnails[0]).status_code == 404


@pytest.mark.parametrize("kind", ["original", "rendition"])
def test_public_image_is_served_with_cache_headers_in_one_query(debug, db, django_assert_num_queries, kind):
    _board, minutes = make_collections()
    obj = files_in(minutes)[kind]
    client = Client()

    with django_assert_num_queries(1):
        response = client.get(media_url(obj))

    assert response.status_code == 200
    assert body(response) == content_of(obj)
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    assert f"max-age={django_settings.MEDIA_PUBLIC_CACHE_SECONDS}" in response["Cache-Control"]
    last_modified = response["Last-Modified"]

    again = client.get(media_url(obj), headers={"if-modified-since": last_modified})
    assert again.status_code == 304


def test_public_document_under_media_is_downloaded_as_an_attachment(debug, db):
    _board, minutes = make_collections()
    document = files_in(minutes)["document"]

    response = Client().get(media_url(document), follow=True)

    assert response.redirect_chain == [(f"/documents/{document.id}/{document.filename}", 302)]
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_x_accel_redirect_hands_a_checked_file_to_the_front_server(db, settings):
    settings.MEDIA_X_ACCEL_REDIRECT = "/_protected_media/"
    _board, minutes = make_collections()
    image = files_in(minutes)["original"]

    response = Client().get(media_url(image))

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_protected_media/{image.file.name}"
    assert response["Content-Type"] == "image/png"
    assert body(response) == b""


@pytest.mark.parametrize(
    "path",
    [
        "/media/original_images/nowhere.png",
        "/media/images/nowhere.fill-80x60.png",
        "/media/documents/nowhere.pdf",
        "/media/original_images/../../cms/settings/base.py",
        "/media/original_images/%2e%2e/%2e%2e/cms/settings/base.py",
        "/media//etc/passwd",
        "/media/original_images/",
        "/media/",
    ],
)
def test_unknown_files_and_traversal_are_not_found(debug, db, path):
    response = Client().get(path)

    assert response.status_code == 404
    assert b"SECRET_KEY" not in body(response)


@pytest.mark.parametrize("folder", ["original_images", "images", "documents", "wagtail_uploads", "other"])
def test_file_on_disk_without_an_owner_is_not_served(db, settings, folder):
    """A file that no image, rendition or document owns (a leftover, a temporary upload,
    something copied into MEDIA_ROOT by hand) is not served."""
    stray = settings.MEDIA_ROOT / folder / "stray.png"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"not for anyone")

    response = Client().get(f"/media/{folder}/stray.png")

    assert response.status_code == 404
    assert b"not for anyone" not in body(response)


def test_posting_to_media_is_refused(db):
    _board, minutes = make_collections()
    image = files_in(minutes)["original"]

    assert Client().post(media_url(image)).status_code == 405
