"""Serbian pages without an English translation are reachable from /en/, shown in
Serbian with a notice, and never announced as English."""

import re

from tests.factories import NewsPageFactory, restrict, translate

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def test_english_news_index_lists_serbian_only_articles_with_a_label(
    client, site, en, django_capture_on_commit_callbacks
):
    index = site["news_index"]
    translated = NewsPageFactory(parent=index, title="Prevedena vest", slug="prevedena")
    NewsPageFactory(parent=index, title="Samo srpski", slug="samo-srpski")
    NewsPageFactory(parent=index, title="Nacrt", slug="nacrt", draft=True)
    private = NewsPageFactory(parent=index, title="Privatna vest", slug="privatna")
    restrict(private)
    with django_capture_on_commit_callbacks(execute=True):
        index_en = translate(index, en, {"Vesti": "News"})
        translate(translated, en, {"Prevedena vest": "Translated news"})

    response = client.get(index_en.url)
    assert response.status_code == 200
    content = response.content.decode()
    titles = [item.title for item in response.context["listing"]]
    assert sorted(titles) == ["Samo srpski", "Translated news"]  # no drafts, no private pages
    assert "Prevedena vest" not in content  # translated: shown once, in English
    card = re.search(r'<article lang="sr-Latn">.*?</article>', content, re.S).group()
    assert '<a href="/en/vesti/samo-srpski/">Samo srpski</a>' in card
    assert '<p class="card__language" lang="en">Only in Serbian</p>' in card


def test_serbian_only_article_under_en_is_marked_and_points_to_the_serbian_url(
    client, site, en, django_capture_on_commit_callbacks
):
    index = site["news_index"]
    article = NewsPageFactory(parent=index, title="Dan klastera", slug="dan-klastera", lead="Klasteri su se okupili.")
    with django_capture_on_commit_callbacks(execute=True):
        translate(index, en, {"Vesti": "News"})

    response = client.get("/en/vesti/dan-klastera/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="en">' in content  # the interface is English ...
    assert '<p class="language-notice" role="note">This article is available only in Serbian.</p>' in content
    content_block = content.split('<div lang="sr-Latn">', 1)[1]  # ... the article is marked Serbian
    assert "Klasteri su se okupili." in content_block
    # Search engines are told the Serbian URL is the page, and no English alternate exists.
    assert CANONICAL.search(content).group(1) == f"http://localhost{article.url}"
    assert ALTERNATE.findall(content) == []
    # The switcher: English is the current (fallback) page, Serbian the real one.
    assert (
        'href="/en/vesti/dan-klastera/" lang="en" hreflang="sr-Latn" aria-current="page" class="is-fallback"'
        in content
    )
    assert f'href="{article.url}" lang="sr-Latn" hreflang="sr-Latn"' in content


def test_language_switcher_on_a_serbian_only_page_offers_the_english_fallback(
    client, site, en, django_capture_on_commit_callbacks
):
    article = NewsPageFactory(parent=site["news_index"], title="Dan klastera", slug="dan-klastera")
    with django_capture_on_commit_callbacks(execute=True):
        translate(site["news_index"], en, {"Vesti": "News"})
    content = client.get(article.url).content.decode()
    assert (
        '<a href="/en/vesti/dan-klastera/" lang="en" hreflang="sr-Latn" class="is-fallback">'
        "English (page only in Serbian)</a>" in content
    )
    assert "language-notice" not in content  # Serbian readers read it in Serbian
    assert ALTERNATE.findall(content) == []


def test_translated_article_is_shown_instead_of_the_fallback(client, site, en, django_capture_on_commit_callbacks):
    article = NewsPageFactory(parent=site["news_index"], title="Dan klastera", slug="dan-klastera")
    with django_capture_on_commit_callbacks(execute=True):
        translate(site["news_index"], en, {"Vesti": "News"})
        english = translate(article, en, {"Dan klastera": "Cluster Day", "dan-klastera": "cluster-day"})
    assert english.url == "/en/vesti/cluster-day/"
    response = client.get("/en/vesti/dan-klastera/")  # an old fallback link
    assert response.context["page"].pk == english.pk
    assert "language-notice" not in response.content.decode()
    assert CANONICAL.search(response.content.decode()).group(1) == "http://localhost/en/vesti/cluster-day/"
    hreflang = dict(ALTERNATE.findall(client.get(article.url).content.decode()))
    assert hreflang == {
        "sr-Latn": f"http://localhost{article.url}",
        "en": "http://localhost/en/vesti/cluster-day/",
        "x-default": f"http://localhost{article.url}",
    }


def test_fallback_respects_visibility(client, site, en, django_capture_on_commit_callbacks):
    index = site["news_index"]
    NewsPageFactory(parent=index, title="Nacrt", slug="nacrt", draft=True)
    private = NewsPageFactory(parent=index, title="Privatna", slug="privatna", lead="Tajna.")
    restrict(private)
    with django_capture_on_commit_callbacks(execute=True):
        translate(index, en, {"Vesti": "News"})
    assert client.get("/en/vesti/nacrt/").status_code == 404
    response = client.get("/en/vesti/privatna/")
    assert "Tajna." not in response.content.decode()  # the password form, not the article
    assert client.get("/en/vesti/ne-postoji/").status_code == 404


def test_no_fallback_without_a_translated_index(client, site):
    NewsPageFactory(parent=site["news_index"], title="Dan klastera", slug="dan-klastera")
    assert client.get("/en/vesti/dan-klastera/").status_code == 404
