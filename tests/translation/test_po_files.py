"""Offline translation with PO files: download, fill in, upload, publish; and bad
files are refused or reported without losing a translation."""

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import polib
import pytest

from tests.factories import translate
from tests.translation.conftest import translate_strings, translation_for

ENGLISH = {
    "Dan klastera u Nišu": "Cluster Day in Niš",
    "Klasteri su se okupili u Nišu.": "Clusters gathered in Niš.",
    "Program": "Programme",
}


@pytest.fixture
def news_translation(content, en, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate(content["news_index"], en, {"Vesti": "News"})
        translate(content["news"], en, publish=False)
    return translation_for(content["news"], en)


def download(client, translation) -> polib.POFile:
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    return polib.pofile(response.content.decode())


def upload(client, translation, data: bytes, name: str = "translation.po"):
    next_url = f"/admin/pages/{translation.get_target_instance().pk}/edit/"
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile(name, data, content_type="text/x-gettext-translation"), "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == next_url
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def english_strings(translation) -> dict[str, str]:
    return dict(
        StringTranslation.objects.filter(
            context__object=translation.source.object, locale=translation.target_locale
        ).values_list("translation_of__data", "data")
    )


def test_po_round_trip_puts_the_imported_strings_on_the_english_page(
    admin_client, client, news_translation, django_capture_on_commit_callbacks
):
    po = download(admin_client, news_translation)
    assert {"Dan klastera u Nišu", "Klasteri su se okupili u Nišu.", "Program"} <= {e.msgid for e in po}
    for entry in po:
        entry.msgstr = ENGLISH.get(entry.msgid, "")

    messages = upload(admin_client, news_translation, str(po).encode())
    assert ("success", "Imported 3 translated strings from the PO file.") in messages
    with django_capture_on_commit_callbacks(execute=True):
        news_translation.save_target(publish=True)

    english = news_translation.get_target_instance()
    response = client.get(english.url)
    assert response.status_code == 200
    page = response.content.decode()
    for text in ("Cluster Day in Niš", "Clusters gathered in Niš.", "Programme"):
        assert text in page
    assert english.url == "/en/vesti/dan-klastera/"


def test_po_file_for_another_page_is_refused(admin_client, content, en, news_translation):
    translate_strings(news_translation, {"Dan klastera u Nišu": "Cluster Day in Niš"})
    other = translation_for(content["news_index"], en)
    po = download(admin_client, other)
    for entry in po:
        entry.msgstr = "Wrong page"

    messages = upload(admin_client, news_translation, str(po).encode())
    assert messages == [
        (
            "error",
            "This PO file is for “Vesti” (English), not for “Dan klastera u Nišu” (English); nothing was imported.",
        )
    ]
    assert english_strings(news_translation) == {"Dan klastera u Nišu": "Cluster Day in Niš"}


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00binary", b'msgid "unterminated\nmsgstr ""\n', b"", b"\xff\xfe not utf-8"],
    ids=["binary", "broken-syntax", "empty", "bad-encoding"],
)
def test_malformed_po_file_is_refused(admin_client, news_translation, data):
    translate_strings(news_translation, {"Dan klastera u Nišu": "Cluster Day in Niš"})
    messages = upload(admin_client, news_translation, data)
    assert len(messages) == 1 and messages[0][0] == "error"
    assert "nothing was imported" in messages[0][1]
    assert english_strings(news_translation) == {"Dan klastera u Nišu": "Cluster Day in Niš"}


def test_po_file_without_the_translation_header_is_refused(admin_client, news_translation):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Dan klastera u Nišu", msgstr="Hijacked", msgctxt="title"))
    messages = upload(admin_client, news_translation, str(po).encode())
    assert messages[0][0] == "error" and "not downloaded from this site" in messages[0][1]
    assert english_strings(news_translation) == {}


def test_strings_that_no_longer_exist_are_reported_and_the_rest_imported(admin_client, content, news_translation):
    translate_strings(news_translation, {"Program": "Programme"})
    po = download(admin_client, news_translation)  # downloaded before the source changed
    news = content["news"]
    news.lead = "Klasteri iz cele Srbije okupili su se u Nišu."
    news.save_revision().publish()
    admin_client.post(
        reverse("wagtail_localize:update_translations", args=[news_translation.source.pk]), {}
    )  # sync: the old lead is gone from the source
    for entry in po:
        entry.msgstr = ENGLISH.get(entry.msgid, "")
    # An empty msgstr must not delete the existing "Programme".
    for entry in po:
        if entry.msgid == "Program":
            entry.msgstr = ""

    messages = upload(admin_client, news_translation, str(po).encode())
    assert (
        "warning",
        "1 string was not imported because it is no longer in the source: “Klasteri su se okupili u Nišu.”",
    ) in messages
    assert ("success", "Imported 1 translated string from the PO file.") in messages
    strings = english_strings(news_translation)
    assert strings["Dan klastera u Nišu"] == "Cluster Day in Niš"
    assert strings["Program"] == "Programme"
    assert "Klasteri su se okupili u Nišu." not in strings
