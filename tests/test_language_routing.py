"""Language prefixes, 404s, the sitemap and the news feed."""

import datetime
import xml.etree.ElementTree as ET

from django.core.management import call_command

from wagtail.models import Locale

import pytest

from pages.models import NewsPage
from tests.factories import NewsPageFactory, StandardPageFactory, translate

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(response) -> set[str]:
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {loc.text for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)}


def feed_links(response) -> set[str]:
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {link.text for link in tree.findall("channel/item/link")}


@pytest.fixture
def visibility(site):
    """A live, a draft and an expired news article, and a live standard page."""
    index = site["news_index"]
    live = NewsPageFactory(parent=index, title="Objavljena vest", slug="objavljena")
    draft = NewsPageFactory(parent=index, title="Nacrt vesti", slug="nacrt", draft=True)
    expired = NewsPageFactory(parent=index, title="Istekla vest", slug="istekla", expired=True)
    # The scheduler (workflow's run_scheduler) unpublishes expired pages.
    call_command("publish_scheduled")
    about = StandardPageFactory(parent=site["home"], title="O nama", slug="o-nama")
    return {"live": live, "draft": draft, "expired": expired, "about": about}


def test_root_redirects_to_the_serbian_site_by_default(client, site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sr-latn/"


def test_root_redirects_to_the_english_site_for_english_readers(client, site):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_to_serbian_for_an_unknown_language(client, site):
    response = client.get("/", headers={"accept-language": "de"})
    assert response.status_code == 302
    assert response["Location"] == "/sr-latn/"


def test_unknown_api_path_is_a_404_not_a_redirect(client, site):
    response = client.get("/api/does-not-exist/")
    assert response.status_code == 404
    assert "Location" not in response


def test_unknown_page_is_a_404_page(client, site):
    response = client.get("/sr-latn/does-not-exist/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_unknown_english_page_is_a_404_page(client, site):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404


def test_path_without_language_prefix_redirects_to_it(client, site, visibility):
    response = client.get("/vesti/objavljena/")
    assert response.status_code == 302
    assert response["Location"] == "/sr-latn/vesti/objavljena/"


def test_draft_and_expired_pages_are_404(client, visibility):
    assert client.get(visibility["live"].url).status_code == 200
    assert client.get("/sr-latn/vesti/nacrt/").status_code == 404
    assert client.get("/sr-latn/vesti/istekla/").status_code == 404


def test_sitemap_lists_live_pages_only(client, visibility):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = sitemap_locations(response)
    assert "http://localhost/sr-latn/vesti/objavljena/" in locations
    assert "http://localhost/sr-latn/o-nama/" in locations
    assert "http://localhost/sr-latn/" in locations
    assert not any("nacrt" in loc or "istekla" in loc for loc in locations)


def test_sitemap_lists_the_english_site_too(client, visibility):
    locations = sitemap_locations(client.get("/sitemap.xml"))
    assert "http://localhost/en/" in locations


def test_news_feed_lists_live_articles_only(client, visibility):
    response = client.get("/feeds/news/sr-latn/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed_links(response) == {"http://localhost/sr-latn/vesti/objavljena/"}


def test_atom_feed_answers(client, visibility):
    response = client.get("/feeds/news/sr-latn/atom/")
    assert response.status_code == 200
    assert b"Objavljena vest" in response.content
    assert b"Nacrt vesti" not in response.content


def test_english_feed_lists_english_articles_only(client, site, visibility):
    en = Locale.objects.get(language_code="en")
    translate(site["news_index"], en, {"Vesti": "News"})
    english = translate(visibility["live"], en, {"Objavljena vest": "Published news"})
    # Published at a known moment, for the feed's date.
    NewsPage.objects.filter(pk=english.pk).update(
        first_published_at=datetime.datetime(2025, 4, 22, 9, 30, tzinfo=datetime.UTC)
    )
    # "Objavljena vest" now has an English translation; this one stays Serbian only.
    NewsPageFactory(parent=site["news_index"], title="Samo na srpskom", slug="samo-na-srpskom")

    response = client.get("/feeds/news/en/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("channel/item")  # noqa: S314 - our own response
    assert [(item.findtext("title"), item.findtext("link"), item.findtext("pubDate")) for item in items] == [
        ("Published news", "http://localhost/en/vesti/objavljena/", "Tue, 22 Apr 2025 09:30:00 +0000")
    ]
    assert b"Samo na srpskom" not in response.content
    assert "Samo na srpskom" in client.get("/feeds/news/sr-latn/").content.decode()


def test_feed_of_an_unknown_language_is_a_404(client, site):
    assert client.get("/feeds/news/de/").status_code == 404
