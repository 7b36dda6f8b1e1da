"""Finding 11 (documents): upload limits in the admin and PDFs served as attachments.

An Editor uploads through the admin's single and multiple upload views, as the browser
does. An oversized document (a 60 MB PDF) or image, a document with an extension outside
WAGTAILDOCS_EXTENSIONS and a file that is not an image are refused with a message in
the form, and nothing is saved. Documents are downloaded as attachments, PDFs too.
"""

import io
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image as PILImage

from tests.factories import DocumentFactory
from workflow.roles import EDITORS, setup_roles

MB = 1024 * 1024


def pdf(size: int, name: str = "zapisnik.pdf") -> SimpleUploadedFile:
    header = b"%PDF-1.4\n"
    return SimpleUploadedFile(name, header + b"0" * (size - len(header)), content_type="application/pdf")


def png(name: str = "foto.png", padding: int = 0) -> SimpleUploadedFile:
    """A real PNG, optionally followed by ``padding`` bytes (allowed after its end)."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#336699").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue() + b"\0" * padding, content_type="image/png")


@pytest.fixture
def editor_client(site: Any) -> Client:
    setup_roles()
    editor = get_user_model().objects.create_user("editor", password="password")
    editor.groups.set([Group.objects.get(name=EDITORS)])
    # The admin speaks Serbian by default; these tests read its English messages.
    client = Client(headers={"accept-language": "en"})
    client.force_login(editor)
    return client


@pytest.fixture
def root_collection(db: Any) -> Collection:
    return Collection.get_first_root_node()


def add_document(client: Client, collection: Collection, upload: SimpleUploadedFile) -> Any:
    return client.post(
        reverse("wagtaildocs:add"), {"title": "Zapisnik", "file": upload, "collection": collection.pk, "tags": ""}
    )


def add_multiple(client: Client, url_name: str, collection: Collection, upload: SimpleUploadedFile) -> dict:
    response = client.post(
        reverse(url_name),
        {"files[]": upload, "collection": collection.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    return response.json()


def stored_files(settings: Any, folder: str) -> list:
    directory = settings.MEDIA_ROOT / folder
    return list(directory.iterdir()) if directory.exists() else []


def test_editor_uploading_a_60_mb_pdf_sees_an_error_and_nothing_is_saved(editor_client, root_collection, settings):
    response = add_document(editor_client, root_collection, pdf(60 * MB))

    assert response.status_code == 200
    assert "This file is too big (60.0\xa0MB). Maximum filesize 20.0\xa0MB." in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(settings, "documents") == []


def test_60_mb_pdf_is_refused_by_the_multiple_upload_too(editor_client, root_collection, settings):
    result = add_multiple(editor_client, "wagtaildocs:add_multiple", root_collection, pdf(60 * MB))

    assert result["success"] is False
    assert "This file is too big" in result["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(settings, "documents") == []


def test_pdf_within_the_limit_is_accepted(editor_client, root_collection):
    response = add_document(editor_client, root_collection, pdf(2 * MB))

    assert response.status_code == 302
    assert Document.objects.get().title == "Zapisnik"


@pytest.mark.parametrize("name", ["stranica.html", "slika.svg", "program.exe", "skripta.js", "zapisnik.pdf.html"])
def test_document_with_an_extension_outside_the_allow_list_is_refused(editor_client, root_collection, settings, name):
    upload = SimpleUploadedFile(name, b"<script>alert(1)</script>", content_type="text/html")
    extension = name.rsplit(".", 1)[1]

    response = add_document(editor_client, root_collection, upload)

    assert response.status_code == 200
    assert f"File extension “{extension}” is not allowed." in response.content.decode()
    assert not Document.objects.exists()

    upload.seek(0)
    result = add_multiple(editor_client, "wagtaildocs:add_multiple", root_collection, upload)
    assert result["success"] is False
    assert f"File extension “{extension}” is not allowed." in result["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(settings, "documents") == []


def test_pdf_is_downloaded_as_an_attachment(db):
    document = DocumentFactory(file=SimpleUploadedFile("zapisnik.pdf", b"%PDF-1.4\n%%EOF\n"))

    response = Client().get(document.url)

    assert document.url == f"/documents/{document.id}/zapisnik.pdf"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="zapisnik.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url_name", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_oversized_image_is_refused_with_a_message(editor_client, root_collection, settings, url_name):
    upload = png(padding=16 * MB)

    message = "This file is too big (16.0\xa0MB). Maximum filesize 15.0\xa0MB."
    if url_name == "wagtailimages:add":
        response = editor_client.post(
            reverse(url_name), {"title": "Foto", "file": upload, "collection": root_collection.pk, "tags": ""}
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    else:
        result = add_multiple(editor_client, url_name, root_collection, upload)
        assert result["success"] is False
        assert message in result["error_message"]
    assert not Image.objects.exists()
    assert stored_files(settings, "original_images") == []


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: png(name="foto.svg"), "Not a supported image format"),
        (lambda: png(name="foto.bmp"), "Not a supported image format"),
        (lambda: SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script>"), "Upload a valid image."),
        (lambda: SimpleUploadedFile("zapisnik.png", b"%PDF-1.4\n%%EOF\n"), "Upload a valid image."),
    ],
    ids=["svg-extension", "bmp-extension", "html-as-png", "pdf-as-png"],
)
@pytest.mark.parametrize("url_name", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_image_with_a_wrong_extension_or_content_is_refused(
    editor_client, root_collection, settings, url_name, upload, message
):
    if url_name == "wagtailimages:add":
        response = editor_client.post(
            reverse(url_name), {"title": "Foto", "file": upload(), "collection": root_collection.pk, "tags": ""}
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    else:
        result = add_multiple(editor_client, url_name, root_collection, upload())
        assert result["success"] is False
        assert message in result["error_message"]
    assert not Image.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(settings, "original_images") == []
