"""Findings 3 and 4 of issue 8 on the public site: pages past their expiry (or before
their go-live time) are 404 before the scheduler runs, and a view restriction on a
Serbian page covers its English and Cyrillic translations, with Wagtail's own
password form and login redirect."""

import datetime
import re
import xml.etree.ElementTree as ET

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest

from localization.cyrillic import build_cyrillic_edition
from tests.factories import NewsPageFactory, restrict, translate

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client) -> set[str]:
    tree = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own response
    return {loc.text for loc in tree.findall("sm:url/sm:loc", NS)}


@pytest.fixture
def editions(site):
    """A Serbian article with a live English translation and a live Cyrillic edition,
    and a Serbian-only article reachable through the English fallback route."""
    from wagtail.models import Locale

    en = Locale.objects.get(language_code="en")
    index = site["news_index"]
    article = NewsPageFactory(parent=index, title="Dan klastera", slug="dan-klastera", lead="Tajni uvod.")
    serbian_only = NewsPageFactory(parent=index, title="Samo srpski", slug="samo-srpski", lead="Tajni uvod.")
    translate(index, en, {"Vesti": "News"})
    english = translate(article, en, {"Dan klastera": "Cluster Day", "Tajni uvod.": "Secret lead."})
    cyrl = build_cyrillic_edition(publish=True)
    return {
        "index": index,
        "article": article,
        "english": english,
        "cyrillic": article.get_translation(cyrl),
        "serbian_only": serbian_only,
        "fallback_url": "/en/vesti/samo-srpski/",
    }


def urls_of(editions) -> list[str]:
    return [
        editions["article"].url,
        editions["english"].url,
        editions["cyrillic"].url,
        editions["serbian_only"].url,
        editions["fallback_url"],
    ]


def test_every_edition_is_served_while_public(client, editions):
    urls = urls_of(editions)
    assert urls[2] == "/sr-cyrl/vesti/dan-klastera/"
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)


@pytest.mark.parametrize(
    "change",
    [
        {"expire_at": timezone.now() - datetime.timedelta(minutes=1)},
        {"go_live_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["expired-not-yet-processed", "live-with-future-go-live"],
)
def test_a_page_out_of_its_time_window_is_404_in_every_locale_and_the_fallback(client, editions, change):
    pages = [editions[name] for name in ("article", "english", "cyrillic", "serbian_only")]
    # The scheduler has not run: the rows are still live and not marked expired.
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(**change)
    urls = urls_of(editions)
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 404)
    listed = sitemap(client)
    assert not {f"http://localhost{url}" for url in urls[:4]} & listed
    assert "http://localhost/sr-latn/vesti/" in listed


def test_a_password_on_the_serbian_page_covers_its_translations(client, editions):
    restriction = restrict(editions["article"], PageViewRestriction.PASSWORD, password="tajna")
    for url in (editions["english"].url, editions["cyrillic"].url):
        response = client.get(url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Secret lead." not in content and "Тајни увод." not in content
        assert f"/_util/authenticate_with_password/{restriction.pk}/" in content
    # The Serbian page's password unlocks its translations too.
    form_action = f"/sr-latn/_util/authenticate_with_password/{restriction.pk}/{editions['english'].pk}/"
    response = client.post(form_action, {"password": "tajna", "return_url": editions["english"].url})
    assert response.status_code == 302
    assert "Secret lead." in client.get(editions["english"].url).content.decode()
    assert "Тајни увод." in client.get(editions["cyrillic"].url).content.decode()


@pytest.mark.parametrize("on", ["page", "ancestor"])
def test_a_login_restriction_on_the_serbian_page_or_its_ancestor_covers_its_translations(client, editions, on):
    restrict(editions["article" if on == "page" else "index"], PageViewRestriction.LOGIN)
    # Each reader is sent to the login page in their own language.
    for url, login in (
        ("/en/vesti/dan-klastera/", "/en/_util/login/?next=/en/vesti/dan-klastera/"),
        ("/sr-cyrl/vesti/dan-klastera/", "/sr-cyrl/_util/login/?next=/sr-cyrl/vesti/dan-klastera/"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == login
        assert "no-cache" in response["Cache-Control"]
    assert not {f"http://localhost{editions[name].url}" for name in ("english", "cyrillic")} & sitemap(client)
    client.force_login(get_user_model().objects.create_user("clan", password="x"))
    assert "Secret lead." in client.get(editions["english"].url).content.decode()


def test_the_api_hides_translations_of_a_restricted_serbian_page(client, editions):
    restrict(editions["article"], PageViewRestriction.LOGIN)
    english, cyrillic = editions["english"], editions["cyrillic"]
    assert client.get(f"/api/v1/news/{english.pk}/?locale=en").status_code == 404
    assert client.get(f"/api/v1/news/{cyrillic.pk}/?locale=sr-cyrl").status_code == 404
    assert client.get(f"/api/v1/pages/resolve/?path={english.url}").status_code == 404
    assert client.get(f"/api/v2/pages/{english.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{cyrillic.pk}/").status_code == 404
    listed = {item["id"] for item in client.get("/api/v1/news/?locale=en&limit=100").json()["results"]}
    assert english.pk not in listed


def test_a_restriction_on_an_english_page_does_not_hide_its_serbian_source(client, editions):
    restrict(editions["english"], PageViewRestriction.LOGIN)
    response = client.get(editions["english"].url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/_util/login/?next={editions['english'].url}"
    for url, lead in ((editions["article"].url, "Tajni uvod."), (editions["cyrillic"].url, "Тајни увод.")):
        response = client.get(url)
        assert response.status_code == 200
        assert f'<p class="lead">{lead}</p>' in response.content.decode()


def test_one_password_opens_a_translation_made_after_the_source_was_protected(client, site):
    """Wagtail copies the restriction onto the new translation: the visitor still enters the password once."""
    from wagtail.models import Locale

    en = Locale.objects.get(language_code="en")
    article = NewsPageFactory(parent=site["news_index"], title="Zapisnik", slug="zapisnik", lead="Tajni uvod.")
    restrict(article, PageViewRestriction.PASSWORD, password="tajna")
    translate(site["news_index"], en, {"Vesti": "News"})
    english = translate(article, en, {"Tajni uvod.": "Secret lead."})
    assert english.view_restrictions.filter(password="tajna").exists()  # the copy
    content = client.get(english.url).content.decode()
    assert "Secret lead." not in content
    # Whichever of the two restrictions asks first, entering the password once is enough.
    action = re.search(r'action="(/en/_util/authenticate_with_password/\d+/\d+/)"', content).group(1)
    assert client.post(action, {"password": "tajna", "return_url": english.url}).status_code == 302
    response = client.get(english.url)
    assert response.status_code == 200
    assert "Secret lead." in response.content.decode()
