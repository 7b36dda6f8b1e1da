"""Every page type renders in Serbian and, once translated, in English, with the
right language tag and hreflang alternates for live translations only."""

import re

from wagtail.models import Locale, Page

import pytest

from tests.factories import build_every_page_type, translate

SECTION_NAMES = ["news_index", "event_index", "gallery_index", "cluster_index", "project_index"]
DETAIL_NAMES = ["news", "event", "gallery", "cluster", "project", "standard"]
ENGLISH_TITLES = {
    "Kuća klastera": "House of Clusters",
    "Vesti": "News",
    "Događaji": "Events",
    "Galerije": "Galleries",
    "Klasteri": "Clusters",
    "Projekti": "Projects",
    "Dan klastera u Nišu": "Cluster Day in Niš",
    "Konferencija klastera": "Cluster conference",
    "Fotografije sa konferencije": "Conference photos",
    "Klaster tekstila": "Textile cluster",
    "Projekat Klasteri Plus": "Clusters Plus project",
    "O nama": "About us",
}
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def alternates(response) -> dict[str, str]:
    return dict(ALTERNATE.findall(response.content.decode()))


def assert_page(response, title: str, lang: str):
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{lang}">' in content
    assert title in content


def assert_serbian_shown_instead(response, serbian_title: str, english_title: str, notice: str):
    """The address of a translation that is not live shows the Serbian page in the English
    interface, with a notice; never the unpublished English text."""
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert f'<p class="language-notice" role="note">{notice}</p><div lang="sr-Latn">' in content
    assert serbian_title in content
    assert english_title not in content
    assert "en" not in alternates(response)
    assert response.context["page"].locale.language_code == "sr-latn"


@pytest.fixture
def content(site):
    return {**site, **build_every_page_type(site)}


@pytest.fixture
def en():
    return Locale.objects.get(language_code="en")


def translate_with_parents(page: Page, locale: Locale) -> Page:
    """Translate the page (and first any untranslated parent section) as a translator would."""
    parent = page.get_parent().specific
    if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
        translate_with_parents(parent, locale)
    return translate(page.specific, locale, ENGLISH_TITLES)


@pytest.mark.parametrize("name", SECTION_NAMES + DETAIL_NAMES)
def test_serbian_page_without_translation_has_no_english_alternate(client, content, name):
    page = content[name]
    response = client.get(page.url)
    assert_page(response, page.title, "sr-Latn")
    assert "en" not in alternates(response)
    assert alternates(response) == {}  # a page in one language announces no alternates
    # There is no English page at the same path.
    assert client.get(page.url.replace("/sr-latn/", "/en/", 1)).status_code == 404


@pytest.mark.parametrize("name", SECTION_NAMES + DETAIL_NAMES)
def test_translated_page_renders_in_english_with_both_alternates(client, content, en, name):
    page = content[name]
    english = translate_with_parents(page, en)
    assert english.live
    assert english.title == ENGLISH_TITLES[page.title]
    assert english.url.startswith("/en/")

    response = client.get(english.url)
    assert_page(response, english.title, "en")
    expected = {
        "sr-Latn": f"http://localhost{page.url}",
        "en": f"http://localhost{english.url}",
        "x-default": f"http://localhost{page.url}",
    }
    assert alternates(response) == expected

    response = client.get(page.url)
    assert_page(response, page.title, "sr-Latn")
    assert alternates(response) == expected


def test_home_page_in_both_languages(client, site):
    response = client.get("/sr-latn/")
    assert_page(response, "Kuća klastera", "sr-Latn")
    assert alternates(response) == {
        "sr-Latn": "http://localhost/sr-latn/",
        "en": "http://localhost/en/",
        "x-default": "http://localhost/sr-latn/",
    }
    response = client.get("/en/")
    assert_page(response, "House of Clusters", "en")
    assert alternates(response)["en"] == "http://localhost/en/"


def test_copy_for_translation_and_publish_gives_an_english_page(client, content, en):
    about = content["standard"]
    english = about.copy_for_translation(en)
    english.title = "About us"
    english.save_revision().publish()
    english.refresh_from_db()
    response = client.get(english.url)
    assert_page(response, "About us", "en")
    assert alternates(client.get(about.url))["en"] == f"http://localhost{english.url}"


def test_draft_translation_is_not_announced(client, content, en):
    news = content["news"]
    translate_with_parents(news.get_parent(), en)
    english = translate(news, en, ENGLISH_TITLES, publish=False)
    assert not english.live
    response = client.get(news.url)
    assert "en" not in alternates(response)
    assert_serbian_shown_instead(
        client.get(english.url),
        "Dan klastera u Nišu",
        "Cluster Day in Niš",
        "This article is available only in Serbian.",
    )


def test_unpublished_translation_is_withdrawn_from_alternates(client, content, en):
    project = content["project"]
    english = translate_with_parents(project, en)
    assert "en" in alternates(client.get(project.url))
    english.unpublish()
    assert "en" not in alternates(client.get(project.url))
    assert_serbian_shown_instead(
        client.get(english.url),
        "Projekat Klasteri Plus",
        "Clusters Plus project",
        "This page is available only in Serbian.",
    )
