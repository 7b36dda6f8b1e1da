"""The interface speaks the reader's language: Serbian Latin, Serbian Cyrillic or English."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real

import polib
import pytest

from tests.factories import NewsPageFactory, translate

LOCALE = Path(settings.LOCALE_PATHS[0])
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]")
SERBIAN_LATIN_ONLY = re.compile(r"[čćđšžČĆĐŠŽ]")


@pytest.fixture(scope="module")
def compiled_catalogues():
    """``make test`` compiles the catalogues; a bare pytest run may find them stale."""
    stale = any(
        not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
        for po in LOCALE.glob("*/LC_MESSAGES/django.po")
    )
    if stale:
        call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)
        trans_real._translations = {}
        trans_real._default = None


# Strings every reader sees (the page frame, listings, language notices, the feed), and
# their translations: they must be in the catalogue, translated, and not fuzzy.
MUST_BE_TRANSLATED = {
    "sr_Latn": {
        "House of Clusters": "Kuća klastera",
        "Skip to main content": "Preskoči na glavni sadržaj",
        "Niš, Serbia": "Niš, Srbija",
        "© %(year)s House of Clusters": "© %(year)s Kuća klastera",
        "News": "Vesti",
        "Upcoming events": "Predstojeći događaji",
        "No news matches these filters.": "Nijedna vest ne odgovara ovim filterima.",
        "Only in Serbian": "Samo na srpskom",
        "This page is not yet available in Cyrillic; it is shown in the Latin script.": (
            "Ova stranica još nije dostupna na ćirilici; prikazana je latinicom."
        ),
        "House of Clusters: news": "Kuća klastera: vesti",
    },
    "sr_Cyrl": {
        "House of Clusters": "Кућа кластера",
        "Skip to main content": "Прескочи на главни садржај",
        "Niš, Serbia": "Ниш, Србија",
        "© %(year)s House of Clusters": "© %(year)s Кућа кластера",
        "News": "Вести",
        "Upcoming events": "Предстојећи догађаји",
        "No news matches these filters.": "Ниједна вест не одговара овим филтерима.",
        "Only in Serbian": "Само на српском",
        "This page is not yet available in Cyrillic; it is shown in the Latin script.": (
            "Ова страница још није доступна на ћирилици; приказана је латиницом."
        ),
        "House of Clusters: news": "Кућа кластера: вести",
    },
}
ITEM_PLURALS = {
    "sr_Latn": {0: "%(counter)s stavka", 1: "%(counter)s stavke", 2: "%(counter)s stavki"},
    "sr_Cyrl": {0: "%(counter)s ставка", 1: "%(counter)s ставке", 2: "%(counter)s ставки"},
}


@pytest.mark.parametrize("locale", ["sr_Latn", "sr_Cyrl"])
def test_every_interface_string_is_translated_with_its_placeholders(locale):
    po = polib.pofile(str(LOCALE / locale / "LC_MESSAGES" / "django.po"))
    translated = {entry.msgid: entry.msgstr for entry in po.translated_entries() if not entry.msgid_plural}
    expected = MUST_BE_TRANSLATED[locale]
    assert {msgid: translated.get(msgid) for msgid in expected} == expected
    # Serbian has three plural forms: 1 stavka, 2 stavke, 5 stavki.
    assert po.find("%(counter)s item").msgstr_plural == ITEM_PLURALS[locale]
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    for entry in po:
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(entry.msgid)), entry.msgid
            if locale == "sr_Cyrl":
                assert not SERBIAN_LATIN_ONLY.search(text), f"Latin letters left in {text!r}"


def test_django_maps_the_language_codes_to_our_catalogue_folders():
    assert translation.to_locale("sr-latn") == "sr_Latn"
    assert translation.to_locale("sr-cyrl") == "sr_Cyrl"
    assert {path.name for path in LOCALE.iterdir() if path.is_dir()} >= {"sr_Latn", "sr_Cyrl", "en"}


def test_djangos_own_strings_in_cyrillic_come_from_its_serbian_catalogue(compiled_catalogues):
    with translation.override("sr-cyrl"):
        assert translation.gettext("This field is required.") == "Ово поље се мора попунити."
        assert translation.get_language_info("sr-cyrl")["name_local"] == "српски (ћирилица)"


@pytest.mark.parametrize(
    ("prefix", "skip_link", "footer"),
    [
        ("/sr-latn/", "Preskoči na glavni sadržaj", "Niš, Srbija"),
        ("/sr-cyrl/", "Прескочи на главни садржај", "Ниш, Србија"),
        ("/en/", "Skip to main content", "Niš, Serbia"),
    ],
)
def test_site_interface_in_each_language(client, site, compiled_catalogues, prefix, skip_link, footer):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="sr-cyrl")
    content = client.get(prefix).content.decode()
    assert skip_link in content
    assert footer in content


def test_cyrillic_reader_of_a_latin_only_article_is_told_so_in_cyrillic(
    client, site, compiled_catalogues, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    cyrl = Locale.objects.get_or_create(language_code="sr-cyrl")[0]
    with django_capture_on_commit_callbacks(execute=True):
        # The Cyrillic index is published; the article's Cyrillic draft is not yet.
        article = NewsPageFactory(parent=site["news_index"], title="Dan klastera", slug="dan-klastera")
        for page in site["news_index"].get_ancestors(inclusive=True).filter(depth__gte=2):
            page.get_translation(cyrl).get_latest_revision().publish()
    assert not article.get_translation(cyrl).live
    content = client.get("/sr-cyrl/vesti/dan-klastera/").content.decode()
    assert '<html lang="sr-Cyrl">' in content
    assert "Ова страница још није доступна на ћирилици; приказана је латиницом." in content
    assert '<div lang="sr-Latn">' in content


def test_english_listing_labels_a_serbian_only_card_in_english(
    client, site, compiled_catalogues, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    NewsPageFactory(parent=site["news_index"], title="Dan klastera", slug="dan-klastera")
    with django_capture_on_commit_callbacks(execute=True):
        english_index = translate(site["news_index"], Locale.objects.get(language_code="en"), {"Vesti": "News"})
    content = client.get(english_index.url).content.decode()
    assert "1 item" in content and "Only in Serbian" in content
    serbian = client.get(site["news_index"].url).content.decode()
    assert "1 stavka" in serbian
